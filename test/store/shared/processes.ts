import assert from 'node:assert/strict';
import { NOW, type StoreTest } from './harness';

/** Heartbeats of the processes sharing the store. */
export function describeProcesses(t: StoreTest): void {
  describe('heartbeats', () => {
    it('lists the processes that beat since a time, newest beat first, and forgets one', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW - 60_000, 'http://a');
      await store.heartbeat('boot-b', NOW - 5_000);
      await store.heartbeat('boot-c', NOW - 10_000, 'http://c');
      await store.heartbeat('boot-a', NOW, 'http://a2'); // a later beat replaces the earlier one
      assert.deepEqual(await store.liveProcesses(NOW - 30_000), [
        { boot: 'boot-a', at: NOW, info: 'http://a2' },
        { boot: 'boot-b', at: NOW - 5_000 },
        { boot: 'boot-c', at: NOW - 10_000, info: 'http://c' },
      ]);
      assert.deepEqual(
        (await store.liveProcesses(NOW - 5_000)).map((p) => p.boot),
        ['boot-a', 'boot-b'],
        'at or after',
      );
      await store.forgetProcess('boot-a');
      await store.forgetProcess('boot-never');
      assert.deepEqual(
        (await store.liveProcesses(0)).map((p) => p.boot),
        ['boot-b', 'boot-c'],
      );
    });

    it('leading is granted to one holder at a time and can be given up', async () => {
      const store = await t.open();
      const lead = await store.lead('webhooks');
      assert.ok(lead, 'granted');
      await lead.release();
      await lead.release(); // twice is harmless
      const again = await store.lead('webhooks');
      assert.ok(again, 'granted again once given up');
      await again.release();
    });
  });
}
