import assert from 'node:assert/strict';
import type { AlertRule, AlertState, ReportSubscription } from '../../../src/model';
import { type Claimant, type Store, StoreError } from '../../../src/store';

/** One store implementation as the shared suite drives it. */
export interface Backend {
  /** For titles: 'SQLite', 'PostgreSQL'. */
  readonly name: string;
  /** Gives the next test a new, empty database (a file, a schema). */
  prepare(): Promise<void>;
  /** Opens a store on the test's database; several may be open at once, like replicas. */
  open(): Promise<Store>;
  /** Runs SQL directly on the test's database (an operator, a damaged disk); `?` placeholders. */
  raw(sql: string, ...params: (string | number | null)[]): Promise<Record<string, unknown>[]>;
  /** The schema version the database records. */
  version(): Promise<number>;
  setVersion(version: number): Promise<void>;
  /** How error messages name the test's database. */
  where(): string;
  /** Removes the test's database; its stores are closed already. */
  cleanUp(): Promise<void>;
}

/** What each shared test gets: its backend, and stores that are closed after it. */
export interface StoreTest {
  backend: Backend;
  open(): Promise<Store>;
}

/** Registers the hooks that give each test a fresh database and close its stores. */
export function useBackend(backend: Backend): StoreTest {
  const opened: Store[] = [];
  beforeEach(() => backend.prepare());
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await backend.cleanUp();
  });
  return {
    backend,
    open: async () => {
      const store = await backend.open();
      opened.push(store);
      return store;
    },
  };
}

export const SPACE = 'space-a';
export const OTHER_SPACE = 'space-b';
/** An instant the tests count from (epoch ms). */
export const NOW = 1_700_000_000_000;
const creator = { personId: 'person-1', email: 'ada@example.com' };

export const reportInput = (overrides: Partial<ReportSubscription> = {}): Omit<ReportSubscription, 'id'> => ({
  roomId: SPACE,
  rooms: { all: true },
  time: '08:00',
  days: 'weekdays',
  createdBy: creator,
  createdAt: NOW,
  ...overrides,
});

export const ruleInput = (overrides: Partial<AlertRule> = {}): Omit<AlertRule, 'id'> => ({
  roomId: SPACE,
  metric: 'temperature',
  rooms: { workspaceIds: ['ws-1', 'ws-2'] },
  condition: { op: 'above', value: 26 },
  holdMs: 600_000,
  hysteresis: 0.5,
  renotifyMs: 0,
  muted: false,
  createdBy: creator,
  createdAt: NOW,
  ...overrides,
});

export const state = (
  ruleId: string,
  workspaceId: string,
  overrides: Partial<AlertState> = {},
): AlertState => ({
  ruleId,
  workspaceId,
  status: 'normal',
  ...overrides,
});

/** A process that counts others as alive when they beat within the last 30 s (at NOW). */
export const claimant = (boot: string, now = NOW): Claimant => ({ boot, aliveSince: now - 30_000 });

/** Asserts the operation rejects with a StoreError with `code` whose message matches every pattern. */
export async function assertStoreError(
  operation: Promise<unknown> | (() => Promise<unknown>),
  code: StoreError['code'],
  ...patterns: RegExp[]
): Promise<void> {
  await assert.rejects(operation, (error: unknown) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

/** `text` as a RegExp matching it literally. */
export const literally = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
