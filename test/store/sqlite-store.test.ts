import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AlertRule, AlertState, ReportSubscription } from '../../src/model';
import {
  IN_MEMORY,
  openSqliteStore,
  openStore,
  SCHEMA_VERSION,
  STORE_FILE_NAME,
  type Store,
  StoreError,
} from '../../src/store';

const SPACE = 'space-a';
const OTHER_SPACE = 'space-b';
const creator = { personId: 'person-1', email: 'ada@example.com' };

const reportInput = (overrides: Partial<ReportSubscription> = {}): Omit<ReportSubscription, 'id'> => ({
  roomId: SPACE,
  rooms: { all: true },
  time: '08:00',
  days: 'weekdays',
  createdBy: creator,
  createdAt: 1_700_000_000_000,
  ...overrides,
});

const ruleInput = (overrides: Partial<AlertRule> = {}): Omit<AlertRule, 'id'> => ({
  roomId: SPACE,
  metric: 'temperature',
  rooms: { workspaceIds: ['ws-1', 'ws-2'] },
  condition: { op: 'above', value: 26 },
  holdMs: 600_000,
  hysteresis: 0.5,
  renotifyMs: 0,
  muted: false,
  createdBy: creator,
  createdAt: 1_700_000_000_000,
  ...overrides,
});

const state = (ruleId: string, workspaceId: string, overrides: Partial<AlertState> = {}): AlertState => ({
  ruleId,
  workspaceId,
  status: 'normal',
  ...overrides,
});

/** Asserts `fn` throws a StoreError with `code` whose message matches every pattern. */
function assertStoreError(fn: () => unknown, code: StoreError['code'], ...patterns: RegExp[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('SQLite store', () => {
  let dir: string;
  let file: string;
  const open: Store[] = [];

  /** Opens the store on the test's file; closed after the test. */
  const openFile = (): Store => {
    const store = openSqliteStore({ file });
    open.push(store);
    return store;
  };
  /** A second, raw connection: what an operator (or a damaged disk) does to the file. */
  const raw = (fn: (db: Database.Database) => void): void => {
    const db = new Database(file);
    try {
      fn(db);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-metrics-store-'));
    file = path.join(dir, 'nested', 'data', 'bot.sqlite');
  });

  afterEach(() => {
    for (const store of open.splice(0)) store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('durability', () => {
    it('keeps everything across closing and reopening the file (creating its directory)', () => {
      const first = openFile();
      first.saveSpaceSettings(SPACE, { timeZone: 'Europe/Oslo', unit: 'fahrenheit' });
      const report = first.createReport(reportInput({ rooms: { workspaceIds: ['ws-9'] } }));
      const rule = first.createAlertRule(ruleInput({ quietHours: { from: '22:00', to: '07:00' } }));
      const firing = state(rule.id, 'ws-1', {
        status: 'firing',
        conditionSince: 1,
        firedAt: 2,
        firedValue: 27.5,
        lastValue: 27.25,
        lastReadingAt: 3,
        lastNotifiedAt: 4,
        alertMessageId: 'msg-1',
        acknowledgedBy: 'ada@example.com',
        acknowledgedAt: 5,
        snoozedUntil: 6,
        falseAlarm: false,
      });
      first.saveAlertState(firing);
      first.claimPost('report:r1:2026-11-30T08:00', 10, 'daily report');
      first.completePost('report:r1:2026-11-30T08:00', 'msg-2');
      first.setValue('directory:etag', 'abc');
      first.close();

      assert.ok(fs.existsSync(file));
      const second = openFile();
      assert.deepEqual(second.getSpaceSettings(SPACE), { timeZone: 'Europe/Oslo', unit: 'fahrenheit' });
      assert.deepEqual(second.getReport(report.id), report);
      assert.deepEqual(second.listReports(), [report]);
      assert.deepEqual(second.getAlertRule(rule.id), rule);
      assert.deepEqual(second.getAlertState(rule.id, 'ws-1'), firing);
      assert.deepEqual(second.getPost('report:r1:2026-11-30T08:00'), {
        key: 'report:r1:2026-11-30T08:00',
        claimedAt: 10,
        messageId: 'msg-2',
        info: 'daily report',
      });
      assert.equal(second.getValue('directory:etag'), 'abc');
    });

    it('opens the file in WAL mode', () => {
      openFile().close();
      raw((db) => assert.equal(db.pragma('journal_mode', { simple: true }), 'wal'));
    });

    it('openStore(dataDir) keeps its data in <dataDir>/room-metrics.sqlite', () => {
      const store = openStore(path.join(dir, 'data'));
      open.push(store);
      store.setValue('k', 'v');
      store.close();
      assert.ok(fs.existsSync(path.join(dir, 'data', STORE_FILE_NAME)));
      const again = openStore(path.join(dir, 'data'));
      open.push(again);
      assert.equal(again.getValue('k'), 'v');
    });

    it('an in-memory store works and starts empty', () => {
      const store = openSqliteStore({ file: IN_MEMORY });
      open.push(store);
      assert.deepEqual(store.listReports(), []);
      assert.equal(store.createReport(reportInput()).id, 'r1');
    });
  });

  describe('ids', () => {
    it('hands out r1, r2, … and a1, a2, … and never reuses one, even after deleting the newest', () => {
      const store = openFile();
      assert.equal(store.createReport(reportInput()).id, 'r1');
      assert.equal(store.createReport(reportInput()).id, 'r2');
      assert.equal(store.createAlertRule(ruleInput()).id, 'a1');
      assert.ok(store.deleteReport('r2', SPACE));
      assert.equal(store.createReport(reportInput()).id, 'r3');
      assert.ok(store.deleteReport('r3', SPACE));
      assert.ok(store.deleteAlertRule('a1', SPACE));
      store.close();

      const reopened = openFile();
      assert.equal(reopened.createReport(reportInput()).id, 'r4');
      assert.equal(reopened.createAlertRule(ruleInput()).id, 'a2');
      assert.deepEqual(
        reopened.listReports().map((r) => r.id),
        ['r1', 'r4'],
      );
    });

    it('lists oldest first by number (r2 before r10), and per space', () => {
      const store = openFile();
      for (let i = 1; i <= 10; i++) store.createReport(reportInput({ roomId: i % 2 ? SPACE : OTHER_SPACE }));
      assert.deepEqual(
        store.listReports(OTHER_SPACE).map((r) => r.id),
        ['r2', 'r4', 'r6', 'r8', 'r10'],
      );
      assert.equal(store.listReports().at(-1)?.id, 'r10');
      assert.deepEqual(store.listReports('nobody'), []);
    });
  });

  describe('space scoping', () => {
    it('does not delete another space’s report', () => {
      const store = openFile();
      const report = store.createReport(reportInput());
      assert.equal(store.deleteReport(report.id, OTHER_SPACE), false);
      assert.deepEqual(store.getReport(report.id), report);
      assert.equal(store.deleteReport('r99', SPACE), false);
      assert.equal(store.deleteReport(report.id, SPACE), true);
      assert.equal(store.getReport(report.id), undefined);
    });

    it('does not update or delete another space’s alert rule, nor its states', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      store.saveAlertState(state(rule.id, 'ws-1'));
      assert.equal(store.updateAlertRule(rule.id, OTHER_SPACE, { muted: true }), undefined);
      assert.equal(store.deleteAlertRule(rule.id, OTHER_SPACE), false);
      assert.deepEqual(store.getAlertRule(rule.id), rule);
      assert.equal(store.listAlertStates(rule.id).length, 1);
      assert.equal(store.updateAlertRule('a99', SPACE, { muted: true }), undefined);
    });
  });

  describe('alert rules', () => {
    it('updates the given fields, clears quiet hours with undefined, and keeps id, space and creator', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput({ quietHours: { from: '22:00', to: '07:00' } }));
      const patch = {
        muted: true,
        condition: { op: 'outside' as const, low: 19, high: 24 },
        roomId: 'x',
        id: 'y',
      };
      const updated = store.updateAlertRule(rule.id, SPACE, patch);
      assert.deepEqual(updated, { ...rule, muted: true, condition: { op: 'outside', low: 19, high: 24 } });
      assert.deepEqual(store.getAlertRule(rule.id), updated);

      const cleared = store.updateAlertRule(rule.id, SPACE, { quietHours: undefined, holdMs: 0 });
      assert.equal(cleared?.quietHours, undefined);
      assert.ok(cleared && !('quietHours' in cleared));
      assert.deepEqual(store.getAlertRule(rule.id), cleared);
    });

    it('refuses an invalid update and keeps the rule as it was', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      assertStoreError(
        () => store.updateAlertRule(rule.id, SPACE, { holdMs: -1 }),
        'invalid-input',
        /holdMs/,
      );
      assert.deepEqual(store.getAlertRule(rule.id), rule);
    });

    it('deleting a rule deletes its states and no others', () => {
      const store = openFile();
      const doomed = store.createAlertRule(ruleInput());
      const kept = store.createAlertRule(ruleInput());
      store.saveAlertStates([state(doomed.id, 'ws-1'), state(doomed.id, 'ws-2'), state(kept.id, 'ws-1')]);
      assert.ok(store.deleteAlertRule(doomed.id, SPACE));
      assert.deepEqual(store.listAlertStates(), [state(kept.id, 'ws-1')]);
      assert.equal(store.getAlertState(doomed.id, 'ws-1'), undefined);
    });
  });

  describe('alert state', () => {
    it('upserts: a saved state replaces the previous one, fields left out are gone', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      store.saveAlertState(state(rule.id, 'ws-1', { status: 'firing', firedAt: 5, alertMessageId: 'm' }));
      const resolved = state(rule.id, 'ws-1', { lastValue: 21, lastReadingAt: 9 });
      assert.equal(store.saveAlertState(resolved), true);
      assert.deepEqual(store.getAlertState(rule.id, 'ws-1'), resolved);
    });

    it('saves nothing for a rule deleted in the meantime, and keeps the other states', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      const gone = store.createAlertRule(ruleInput());
      store.deleteAlertRule(gone.id, SPACE);
      assert.equal(store.saveAlertStates([state(rule.id, 'ws-1'), state(gone.id, 'ws-1')]), 1);
      assert.deepEqual(store.listAlertStates(), [state(rule.id, 'ws-1')]);
    });

    it('saves a batch all or nothing', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      const broken = { ...state(rule.id, 'ws-2'), status: 'exploded' } as unknown as AlertState;
      assertStoreError(
        () => store.saveAlertStates([state(rule.id, 'ws-1'), broken]),
        'invalid-input',
        /status/,
      );
      assert.deepEqual(store.listAlertStates(), []);
    });

    it('lists states by rule number, then workspace', () => {
      const store = openFile();
      const ids = Array.from({ length: 10 }, () => store.createAlertRule(ruleInput()).id);
      store.saveAlertStates([state('a10', 'ws-1'), state('a2', 'ws-b'), state('a2', 'ws-a')]);
      assert.equal(ids.at(-1), 'a10');
      assert.deepEqual(
        store.listAlertStates().map((s) => `${s.ruleId}/${s.workspaceId}`),
        ['a2/ws-a', 'a2/ws-b', 'a10/ws-1'],
      );
    });
  });

  describe('post log', () => {
    it('claims a key exactly once, also after reopening', () => {
      const store = openFile();
      const key = 'report:r1:2026-11-30T08:00';
      assert.equal(store.claimPost(key, 100), true);
      assert.equal(store.claimPost(key, 200), false);
      assert.equal(store.getPost(key)?.claimedAt, 100);
      store.close();
      assert.equal(openFile().claimPost(key, 300), false);
    });

    it('records the message id of a claimed post and refuses to complete an unclaimed one', () => {
      const store = openFile();
      store.claimPost('alert:a1:ws-1:1', 100);
      assert.deepEqual(store.getPost('alert:a1:ws-1:1'), { key: 'alert:a1:ws-1:1', claimedAt: 100 });
      store.completePost('alert:a1:ws-1:1', 'msg-7');
      assert.equal(store.getPost('alert:a1:ws-1:1')?.messageId, 'msg-7');
      assertStoreError(() => store.completePost('never', 'msg-8'), 'not-found', /never/);
      assert.equal(store.getPost('never'), undefined);
    });

    it('releases a failed (uncompleted) claim so it can be claimed again, never a completed one', () => {
      const store = openFile();
      store.claimPost('report:r1:a', 100);
      assert.equal(store.releasePost('report:r1:a'), true);
      assert.equal(store.getPost('report:r1:a'), undefined);
      assert.equal(store.claimPost('report:r1:a', 200), true);
      store.completePost('report:r1:a', 'msg-1');
      assert.equal(store.releasePost('report:r1:a'), false);
      assert.equal(store.claimPost('report:r1:a', 300), false);
      assert.equal(store.releasePost('never-claimed'), false);
    });

    it('lastPost finds the latest claim with exactly that prefix', () => {
      const store = openFile();
      store.claimPost('report:r1:2026-11-29T08:00', 2_000);
      store.claimPost('report:r1:2026-11-30T08:00', 3_000);
      store.claimPost('report:r1:2026-11-28T08:00', 1_000); // claimed late, but older
      store.claimPost('report:r10:2026-12-01T08:00', 9_000); // another report
      store.claimPost('REPORT:R1:2026-12-01T08:00', 9_000); // case matters
      assert.equal(store.lastPost('report:r1:')?.key, 'report:r1:2026-11-30T08:00');
      assert.equal(store.lastPost('report:r10:')?.key, 'report:r10:2026-12-01T08:00');
      assert.equal(store.lastPost('report:r2:'), undefined);
      assert.equal(store.lastPost('report:r1_'), undefined); // no LIKE wildcards
    });
  });

  describe('settings and values', () => {
    it('space settings are undefined until saved, then replaced', () => {
      const store = openFile();
      assert.equal(store.getSpaceSettings(SPACE), undefined);
      store.saveSpaceSettings(SPACE, { timeZone: 'UTC', unit: 'celsius' });
      store.saveSpaceSettings(SPACE, { timeZone: 'America/New_York', unit: 'fahrenheit' });
      assert.deepEqual(store.getSpaceSettings(SPACE), { timeZone: 'America/New_York', unit: 'fahrenheit' });
      assert.equal(store.getSpaceSettings(OTHER_SPACE), undefined);
    });

    it('values are set and overwritten', () => {
      const store = openFile();
      assert.equal(store.getValue('k'), undefined);
      store.setValue('k', '1');
      store.setValue('k', '2');
      assert.equal(store.getValue('k'), '2');
    });
  });

  describe('transactions', () => {
    it('roll back every write when the function throws, and rethrow', () => {
      const store = openFile();
      store.setValue('k', 'before');
      assert.throws(
        () =>
          store.transaction(() => {
            store.setValue('k', 'after');
            store.createReport(reportInput());
            store.claimPost('report:r1:x', 1);
            throw new Error('boom');
          }),
        /boom/,
      );
      assert.equal(store.getValue('k'), 'before');
      assert.deepEqual(store.listReports(), []);
      assert.equal(store.claimPost('report:r1:x', 2), true);
    });

    it('return the function’s value and keep its writes', () => {
      const store = openFile();
      const id = store.transaction(() => store.createReport(reportInput()).id);
      assert.equal(store.getReport(id)?.id, 'r1');
    });
  });

  describe('bad data', () => {
    it('refuses invalid input without using up an id', () => {
      const store = openFile();
      assertStoreError(() => store.createReport(reportInput({ time: '8:00' })), 'invalid-input', /time/);
      assertStoreError(
        () => store.saveSpaceSettings(SPACE, { timeZone: '', unit: 'celsius' }),
        'invalid-input',
      );
      assert.equal(store.createReport(reportInput()).id, 'r1');
    });

    it('a corrupt JSON value gives a StoreError naming the table, the row and the column', () => {
      const store = openFile();
      const rule = store.createAlertRule(ruleInput());
      store.close();
      raw((db) =>
        db.prepare('UPDATE alert_rules SET condition = ? WHERE id = ?').run('{"op": "above", ', rule.id),
      );

      const reopened = openFile();
      const expected = [/alert_rules/, /id a1/, /condition/, /not valid JSON/];
      assertStoreError(() => reopened.getAlertRule(rule.id), 'corrupt-row', ...expected);
      assertStoreError(() => reopened.listAlertRules(SPACE), 'corrupt-row', ...expected);
    });

    it('JSON of the wrong shape is reported the same way', () => {
      const store = openFile();
      const report = store.createReport(reportInput());
      raw((db) =>
        db.prepare('UPDATE reports SET rooms = ? WHERE id = ?').run('{"workspaceIds": 42}', report.id),
      );
      assertStoreError(() => store.getReport(report.id), 'corrupt-row', /reports/, /id r1/, /rooms/);
    });

    it('refuses a database written by a newer bot, with both versions, and leaves it untouched', () => {
      openFile().close();
      raw((db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
      assertStoreError(
        () => openFile(),
        'newer-schema',
        new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        new RegExp(`version ${SCHEMA_VERSION + 1}\\b`),
        new RegExp(`up to ${SCHEMA_VERSION}\\b`),
        /upgrade the bot/,
      );
      raw((db) => assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION + 1));
    });

    it('a file that is not a database gives a clear StoreError', () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'this is not an SQLite database, just text that is long enough '.repeat(20));
      assertStoreError(() => openFile(), 'open-failed', /Cannot open the database/, /bot\.sqlite/);
    });

    it('a new database is migrated to the current schema version', () => {
      openFile().close();
      raw((db) => assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION));
    });
  });
});
