import assert from 'node:assert/strict';
import { readSeries } from '../../src/readings/read-room-metrics';
import { ReadingsCache } from '../../src/readings/readings-cache';
import { IN_MEMORY, openSqliteStore, type Store } from '../../src/store';
import { createWebexClient } from '../../src/webex/client';
import type { AggregatedMetricItem, RawMetricItem } from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12, 37);

describe('readings/ReadingsCache against the emulator', () => {
  const clock = new FakeClock(NOW);
  const requests: string[] = [];
  const emu = useEmulator(() => ({ now: clock.now, onRequest: (line) => requests.push(line) }));
  let store: Store;

  const client = () =>
    createWebexClient({
      baseUrl: emu.current.url,
      botToken: emu.current.botToken,
      admin: { token: emu.current.adminToken },
      now: clock.now,
    });
  const metricCalls = () => requests.filter((r) => r.startsWith('GET /v1/workspaceMetrics ')).length;
  const room4 = async () => {
    const all = await client().admin.listWorkspaces({ displayName: 'Room 4' });
    const ws = all.find((w) => w.displayName === 'Room 4');
    assert.ok(ws);
    return { id: ws.id, displayName: ws.displayName };
  };
  const fetch = (
    room: { id: string; displayName: string },
    from: number,
    to: number,
    aggregation: 'none' | 'hourly' | 'daily',
  ) => ({
    room,
    metric: 'temperature' as const,
    from,
    to,
    aggregation,
    unit: 'celsius' as const,
  });
  const starts = (items: readonly (RawMetricItem | AggregatedMetricItem)[]) =>
    items.map((i) => ('timestamp' in i ? i.timestamp : `${i.start} ${i.mean}`));

  beforeEach(() => {
    clock.set(NOW);
    store = openSqliteStore({ file: IN_MEMORY });
    requests.length = 0;
  });
  afterEach(() => store.close());

  it('answers a repeated hourly question with the same items and only the incomplete edge', async () => {
    const room = await room4();
    const cache = new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now });
    const from = Date.UTC(2026, 10, 19, 12, 0); // 24 h, on the hour
    requests.length = 0;
    const [first] = await readSeries(client(), [fetch(room, from, NOW, 'hourly')], { cache });
    assert.equal(metricCalls(), 1, 'a cold read takes the minimum: one call');
    requests.length = 0;
    const [again] = await readSeries(client(), [fetch(room, from, NOW, 'hourly')], { cache });
    assert.equal(metricCalls(), 1, 'only the current hour is read again');
    assert.deepEqual(starts(again!.items), starts(first!.items));
    assert.equal(again!.calls, 1);
  });

  it('reads a follow-up window that overlaps a cached one only where it is new', async () => {
    const room = await room4();
    const cache = new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now });
    await readSeries(client(), [fetch(room, NOW - 24 * HOUR - 37 * 60_000, NOW, 'hourly')], { cache });
    requests.length = 0;
    // "and the day before": 48 h, of which the newer 24 h are cached.
    const from = Date.UTC(2026, 10, 18, 12, 0);
    const [wider] = await readSeries(client(), [fetch(room, from, NOW, 'hourly')], { cache });
    assert.equal(metricCalls(), 2, 'the older day and the current hour');
    const direct = await client().admin.metrics({
      workspaceId: room.id,
      metricName: 'temperature',
      aggregation: 'hourly',
      from,
      to: NOW,
      unit: 'celsius',
    });
    assert.deepEqual(starts(wider!.items), starts(direct.items), 'the same buckets as one call would give');
  });

  it('serves raw readings of past hours from the cache, filtered to the window', async () => {
    const room = await room4();
    const cache = new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now });
    await readSeries(client(), [fetch(room, NOW - 6 * HOUR, NOW, 'none')], { cache });
    clock.advance(5 * 60_000);
    requests.length = 0;
    const from = clock.now() - 6 * HOUR;
    const [later] = await readSeries(client(), [fetch(room, from, clock.now(), 'none')], { cache });
    assert.equal(metricCalls(), 1);
    const direct = await client().admin.metrics({
      workspaceId: room.id,
      metricName: 'temperature',
      aggregation: 'none',
      from,
      to: clock.now(),
    });
    assert.deepEqual(starts(later!.items), starts(direct.items));
  });

  it('keeps buckets across a restart through the store, and forgets nothing it was not given', async () => {
    const room = await room4();
    const from = Date.UTC(2026, 10, 1);
    const to = Date.UTC(2026, 10, 20);
    await readSeries(client(), [fetch(room, from, to, 'daily')], {
      cache: new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now }),
    });
    await new Promise((resolve) => setImmediate(resolve)); // the batched store write
    requests.length = 0;
    const restarted = new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now });
    const [warm] = await readSeries(client(), [fetch(room, from, to, 'daily')], { cache: restarted });
    assert.equal(metricCalls(), 0, 'every complete day comes from the store');
    assert.equal(warm!.items.length, 19);
    assert.equal(restarted.stats.storeHits, 19);
  });

  it('tells how many calls a read still needs, without reading', async () => {
    const room = await room4();
    const cache = new ReadingsCache({ maxBytes: 1 << 20, store, now: clock.now });
    const yesterday = { from: Date.UTC(2026, 10, 18, 23), to: Date.UTC(2026, 10, 19, 23) };
    const key = {
      workspaceId: room.id,
      metric: 'temperature',
      aggregation: 'hourly' as const,
      unit: 'celsius',
    };
    assert.equal(await cache.callsNeeded(key, yesterday.from, yesterday.to), 1);
    await readSeries(client(), [fetch(room, yesterday.from, yesterday.to, 'hourly')], { cache });
    requests.length = 0;
    assert.equal(
      await cache.callsNeeded(key, yesterday.from, yesterday.to),
      0,
      'a past day is wholly cached',
    );
    assert.equal(
      await cache.callsNeeded(key, yesterday.from, NOW),
      1,
      'up to now: the hours since and the edge',
    );
    assert.equal(metricCalls(), 0, 'asking reads nothing');
  });

  it('stays within its memory bound', async () => {
    const room = await room4();
    const cache = new ReadingsCache({ maxBytes: 4096, now: clock.now });
    await readSeries(client(), [fetch(room, NOW - 47 * HOUR, NOW, 'hourly')], { cache });
    requests.length = 0;
    await readSeries(client(), [fetch(room, NOW - 47 * HOUR, NOW, 'hourly')], { cache });
    assert.ok(metricCalls() >= 1, 'evicted buckets are read again, not kept past the bound');
  });
});
