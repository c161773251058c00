import assert from 'node:assert/strict';
import type { Claimant } from '../../../src/store';
import { claimant, NOW, type StoreTest } from './harness';

/** One process per store: every other boot is dead. */
const only = (boot: string): Claimant => ({ boot, aliveSince: Number.POSITIVE_INFINITY });

/** Deliveries taken on once, across replays, restarts and replicas. */
export function describeDeliveries(t: StoreTest): void {
  describe('deliveries taken on (replays, restarts)', () => {
    it('answers a delivery once: new, then busy in this process, done once completed', async () => {
      const store = await t.open();
      assert.equal(await store.claimDelivery('message:m1', only('boot-a'), 1), 'new');
      assert.equal(await store.claimDelivery('message:m1', only('boot-a'), 2), 'busy');
      assert.equal(await store.deliveryDone('message:m1'), false);
      await store.completeDelivery('message:m1', 3);
      assert.equal(await store.deliveryDone('message:m1'), true);
      assert.equal(await store.claimDelivery('message:m1', only('boot-a'), 4), 'done');
      assert.equal(
        await store.claimDelivery('message:m1', only('boot-b'), 5),
        'done',
        'a replay after a restart too',
      );
      assert.equal(await store.deliveryDone('message:never'), false);
    });

    it('hands a delivery left unfinished by a process that died to the next one, once', async () => {
      const first = await t.open();
      await first.claimDelivery('message:m2', only('boot-a'), 1);
      await first.claimDelivery('message:m3', only('boot-a'), 2);
      await first.completeDelivery('message:m3', 3);
      await first.claimDelivery('message:m4', only('boot-a'), 4);
      await first.markPosting('message:m4', 5);
      await first.close(); // the process dies answering m2 (not yet posting) and m4 (posting)
      const second = await t.open();
      assert.deepEqual(await second.unfinishedDeliveries(only('boot-b')), [
        { key: 'message:m2', posting: false },
        { key: 'message:m4', posting: true },
      ]);
      assert.equal(await second.claimDelivery('message:m2', only('boot-b'), 10), 'new');
      assert.equal(await second.claimDelivery('message:m2', only('boot-b'), 11), 'busy');
      assert.deepEqual(
        (await second.unfinishedDeliveries(only('boot-b'))).map((d) => d.key),
        ['message:m4'],
        'its own claims are not handed on',
      );
    });

    it('forgets old deliveries', async () => {
      const store = await t.open();
      await store.claimDelivery('message:old', only('b'), 1_000);
      await store.claimDelivery('message:new', only('b'), 5_000);
      assert.equal(await store.pruneDeliveries(2_000), 1);
      assert.equal(await store.claimDelivery('message:old', only('b'), 6_000), 'new');
    });
  });

  describe('deliveries between replicas (heartbeats)', () => {
    it('takes over only from a dead process: a live one is busy with it', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW);
      await store.claimDelivery('message:m1', claimant('boot-a'), NOW);
      assert.equal(await store.claimDelivery('message:m1', claimant('boot-b'), NOW), 'busy');
      assert.deepEqual(await store.unfinishedDeliveries(claimant('boot-b')), [], 'not a dead one’s');

      const later = NOW + 60_000; // boot-a has not beaten for a minute: dead
      assert.deepEqual(await store.unfinishedDeliveries(claimant('boot-b', later)), [
        { key: 'message:m1', posting: false },
      ]);
      await store.heartbeat('boot-b', later);
      assert.equal(await store.claimDelivery('message:m1', claimant('boot-b', later), later), 'new');
      assert.equal(await store.claimDelivery('message:m1', claimant('boot-c', later), later), 'busy');
      await store.heartbeat('boot-a', later); // it was only slow: too late, boot-b has it now
      assert.equal(await store.claimDelivery('message:m1', claimant('boot-a', later), later), 'busy');
    });

    it('a process that never beat is dead; one that stopped cleanly too', async () => {
      const store = await t.open();
      await store.claimDelivery('message:m1', claimant('boot-silent'), NOW);
      assert.equal(await store.claimDelivery('message:m1', claimant('boot-b'), NOW), 'new');

      await store.heartbeat('boot-c', NOW);
      await store.claimDelivery('message:m2', claimant('boot-c'), NOW);
      await store.markPosting('message:m2', NOW);
      assert.equal(await store.claimDelivery('message:m2', claimant('boot-b'), NOW), 'busy');
      await store.forgetProcess('boot-c');
      assert.deepEqual(await store.unfinishedDeliveries(claimant('boot-b')), [
        { key: 'message:m2', posting: true },
      ]);
      assert.equal(await store.claimDelivery('message:m2', claimant('boot-b'), NOW), 'new');
    });
  });
}
