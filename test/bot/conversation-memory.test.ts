import assert from 'node:assert/strict';
import { ConversationMemory } from '../../src/bot/conversation-memory';
import type { ParsedRequest } from '../../src/language';
import { IN_MEMORY, openSqliteStore, type Store } from '../../src/store';

const request = (workspace: string): ParsedRequest =>
  ({ intent: 'query', metrics: ['temperature'], workspaces: [workspace] }) as unknown as ParsedRequest;
const workspaceOf = (r: ParsedRequest | undefined) =>
  (r as { workspaces?: string[] } | undefined)?.workspaces?.[0];

describe('ConversationMemory', () => {
  let store: Store;
  let now = 1_800_000_000_000;
  let memory: ConversationMemory;
  beforeEach(() => {
    store = openSqliteStore({ file: IN_MEMORY });
    memory = new ConversationMemory(store, 30 * 60_000, () => now);
  });
  afterEach(async () => {
    await store.close();
  });

  it('recalls the last request asked before a follow-up, not one asked (or answered) after it', async () => {
    const t = now;
    await memory.remember('room', 'kari', t, request('Kitchen'));
    // Kari follows up at t + 8 s; her replica dies. At t + 25 s she asks about another room, which
    // is answered; at t + 30 s a live replica takes the follow-up over.
    await memory.remember('room', 'kari', t + 25_000, request('Lounge'));
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t + 8_000)), 'Kitchen');
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t + 26_000)), 'Lounge');
    // An old question answered late is no context for the newer ones.
    await memory.remember('room', 'kari', t + 5_000, request('Attic'));
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t + 26_000)), 'Lounge');
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t + 6_000)), 'Attic');
    // Nothing asked before: nothing to follow up; per person and space.
    assert.equal(await memory.recall('room', 'kari', t - 1), undefined);
    assert.equal(await memory.recall('room', 'ola', t + 26_000), undefined);
    assert.equal(await memory.recall('other room', 'kari', t + 26_000), undefined);
  });

  it('a question asked in the same millisecond counts as asked before (a frozen clock)', async () => {
    const t = now;
    await memory.remember('room', 'kari', t, request('Kitchen'));
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t)), 'Kitchen');
    // The later of two questions at the same time is what follows up.
    await memory.remember('room', 'kari', t, request('Lounge'));
    assert.equal(workspaceOf(await memory.recall('room', 'kari', t)), 'Lounge');
  });

  it('forgets for the questions after a refused one, not for those before it; entries expire', async () => {
    const t = now;
    await memory.remember('room', 'ola', t, request('Fjord'));
    await memory.forget('room', 'ola', t + 10_000);
    assert.equal(await memory.recall('room', 'ola', t + 20_000), undefined);
    assert.equal(workspaceOf(await memory.recall('room', 'ola', t + 5_000)), 'Fjord');
    now += 31 * 60_000;
    assert.equal(await memory.recall('room', 'ola', t + 5_000), undefined);
  });
});
