import assert from 'node:assert/strict';
import type { CachedSeries } from '../../../src/store';
import { NOW, type StoreTest } from './harness';

/** The readings cache and memos: shared, short-lived state. */
export function describeCacheAndMemos(t: StoreTest): void {
  describe('readings cache', () => {
    const bucket = (start: number, items = `[${start}]`) => ({ bucket: start, items });

    it('reads a range of one series oldest first, and a bucket written again is replaced', async () => {
      const store = await t.open();
      await store.writeCachedBuckets(
        [
          { series: 'ws-1|temperature', buckets: [bucket(3_000), bucket(1_000), bucket(2_000)] },
          { series: 'ws-2|temperature', buckets: [bucket(1_000, '[]')] },
        ],
        NOW,
      );
      await store.writeCachedBuckets([{ series: 'ws-1|temperature', buckets: [bucket(2_000, '[22]')] }], NOW);
      assert.deepEqual(await store.readCachedBuckets('ws-1|temperature', 1_000, 3_000), [
        bucket(1_000),
        bucket(2_000, '[22]'),
      ]);
      assert.deepEqual(await store.readCachedBuckets('ws-2|temperature', 0, 10_000), [bucket(1_000, '[]')]);
      assert.deepEqual(await store.readCachedBuckets('ws-3|temperature', 0, 10_000), []);
      await store.writeCachedBuckets([], NOW);
      await store.writeCachedBuckets([{ series: 'ws-1|temperature', buckets: [] }], NOW);
    });

    it('writes several series all or nothing', async () => {
      const store = await t.open();
      const broken = { bucket: 2_000, items: null } as unknown as { bucket: number; items: string };
      const series: CachedSeries[] = [
        { series: 'ws-1', buckets: [bucket(1_000)] },
        { series: 'ws-2', buckets: [broken] },
      ];
      await assert.rejects(store.writeCachedBuckets(series, NOW));
      assert.deepEqual(await store.readCachedBuckets('ws-1', 0, 10_000), []);
    });

    it('forgets buckets stored before a time', async () => {
      const store = await t.open();
      await store.writeCachedBuckets([{ series: 's', buckets: [bucket(1_000)] }], NOW - 10);
      await store.writeCachedBuckets([{ series: 's', buckets: [bucket(2_000)] }], NOW);
      assert.equal(await store.pruneCachedBuckets(NOW), 1);
      assert.deepEqual(await store.readCachedBuckets('s', 0, 10_000), [bucket(2_000)]);
    });
  });

  describe('memos', () => {
    it('keeps a value until it expires (expired at its expiry), replaces and deletes it', async () => {
      const store = await t.open();
      assert.equal(await store.getMemo('conversation:p1', NOW), undefined);
      await store.setMemo('conversation:p1', 'first', NOW + 1_000);
      assert.equal(await store.getMemo('conversation:p1', NOW + 999), 'first');
      assert.equal(await store.getMemo('conversation:p1', NOW + 1_000), undefined);
      await store.setMemo('conversation:p1', 'second', NOW + 5_000);
      assert.equal(await store.getMemo('conversation:p1', NOW + 1_000), 'second');
      assert.equal(await store.deleteMemo('conversation:p1'), true);
      assert.equal(await store.deleteMemo('conversation:p1'), false);
      assert.equal(await store.getMemo('conversation:p1', NOW), undefined);
    });

    it('prunes the expired ones only', async () => {
      const store = await t.open();
      await store.setMemo('a', '1', NOW - 1);
      await store.setMemo('b', '2', NOW);
      await store.setMemo('c', '3', NOW + 1);
      assert.equal(await store.pruneMemos(NOW), 2);
      assert.equal(await store.pruneMemos(NOW), 0);
      assert.equal(await store.getMemo('c', 0), '3');
      assert.equal(await store.getMemo('a', 0), undefined, 'gone, not just expired');
    });

    it('lists the unexpired memos with exactly a prefix, by key, up to a limit', async () => {
      const store = await t.open();
      await store.setMemo('members:s2', 'B', NOW + 1_000);
      await store.setMemo('members:s1', 'A', NOW + 1_000);
      await store.setMemo('members:s3', 'C', NOW + 1_000);
      await store.setMemo('members:old', 'X', NOW - 1);
      await store.setMemo('membersX', 'no', NOW + 1_000);
      await store.setMemo('MEMBERS:s4', 'no', NOW + 1_000);
      assert.deepEqual(await store.listMemos('members:', NOW), [
        { key: 'members:s1', value: 'A' },
        { key: 'members:s2', value: 'B' },
        { key: 'members:s3', value: 'C' },
      ]);
      assert.deepEqual(
        (await store.listMemos('members:', NOW, 2)).map((m) => m.key),
        ['members:s1', 'members:s2'],
      );
      assert.deepEqual(await store.listMemos('members_', NOW), [], 'no LIKE wildcards');
      assert.deepEqual(await store.listMemos('members%', NOW), []);
    });
  });
}
