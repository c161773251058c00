import assert from 'node:assert/strict';
import { assertStoreError, claimant, NOW, type StoreTest } from './harness';

/** The exactly-once post log: claims, completion, release, and take-over from dead processes. */
export function describePosts(t: StoreTest): void {
  describe('post log', () => {
    it('claims a key exactly once, also after reopening', async () => {
      const store = await t.open();
      const key = 'report:r1:2026-11-30T08:00';
      assert.equal(await store.claimPost(key, 100), 'claimed');
      assert.equal(await store.claimPost(key, 200), 'taken');
      assert.equal((await store.getPost(key))?.claimedAt, 100);
      await store.close();
      assert.equal(await (await t.open()).claimPost(key, 300), 'taken');
    });

    it('records the message id of a claimed post and refuses to complete an unclaimed one', async () => {
      const store = await t.open();
      await store.claimPost('alert:a1:ws-1:1', 100);
      assert.deepEqual(await store.getPost('alert:a1:ws-1:1'), { key: 'alert:a1:ws-1:1', claimedAt: 100 });
      await store.completePost('alert:a1:ws-1:1', 'msg-7');
      assert.equal((await store.getPost('alert:a1:ws-1:1'))?.messageId, 'msg-7');
      await assertStoreError(store.completePost('never', 'msg-8'), 'not-found', /never/);
      assert.equal(await store.getPost('never'), undefined);
    });

    it('releases a failed (uncompleted) claim so it can be claimed again, never a completed one', async () => {
      const store = await t.open();
      await store.claimPost('report:r1:a', 100);
      assert.equal(await store.releasePost('report:r1:a'), true);
      assert.equal(await store.getPost('report:r1:a'), undefined);
      assert.equal(await store.claimPost('report:r1:a', 200), 'claimed');
      await store.completePost('report:r1:a', 'msg-1');
      assert.equal(await store.releasePost('report:r1:a'), false);
      assert.equal(await store.claimPost('report:r1:a', 300), 'taken');
      assert.equal(await store.releasePost('never-claimed'), false);
    });

    it('lastPost finds the latest claim with exactly that prefix', async () => {
      const store = await t.open();
      await store.claimPost('report:r1:2026-11-29T08:00', 2_000);
      await store.claimPost('report:r1:2026-11-30T08:00', 3_000);
      await store.claimPost('report:r1:2026-11-28T08:00', 1_000); // claimed late, but older
      await store.claimPost('report:r10:2026-12-01T08:00', 9_000); // another report
      await store.claimPost('REPORT:R1:2026-12-01T08:00', 9_000); // case matters
      assert.equal((await store.lastPost('report:r1:'))?.key, 'report:r1:2026-11-30T08:00');
      assert.equal((await store.lastPost('report:r10:'))?.key, 'report:r10:2026-12-01T08:00');
      assert.equal(await store.lastPost('report:r2:'), undefined);
      assert.equal(await store.lastPost('report:r1_'), undefined); // no LIKE wildcards
      assert.equal(await store.lastPost('report:r1%'), undefined);
    });

    it('lastPost breaks a tie of the same millisecond by claim order', async () => {
      const store = await t.open();
      for (const slot of ['b', 'c', 'a']) await store.claimPost(`report:r1:${slot}`, 5_000);
      assert.equal((await store.lastPost('report:r1:'))?.key, 'report:r1:a');
    });
  });

  describe('post take-over', () => {
    const key = 'report:r1:2026-11-30T08:00';

    it('takes over an uncompleted claim of a dead process (no heartbeat), once', async () => {
      const store = await t.open();
      assert.equal(await store.claimPost(key, 100, '{"slot":1}', claimant('boot-a')), 'claimed');
      await store.heartbeat('boot-b', NOW);
      assert.equal(await store.claimPost(key, NOW, undefined, claimant('boot-b')), 'taken-over');
      assert.deepEqual(await store.getPost(key), { key, claimedAt: NOW, info: '{"slot":1}' });
      assert.equal(await store.claimPost(key, NOW, undefined, claimant('boot-b')), 'taken', 'its own claim');
      assert.equal(
        await store.claimPost(key, NOW, undefined, claimant('boot-c')),
        'taken',
        'boot-b is alive: its claim stands',
      );
    });

    it('takes over from a process whose last beat is older than aliveSince, with the new info', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW - 60_000);
      await store.claimPost(key, NOW - 60_000, 'old', claimant('boot-a', NOW - 60_000));
      assert.equal(await store.claimPost(key, NOW, 'new', claimant('boot-b')), 'taken-over');
      assert.equal((await store.getPost(key))?.info, 'new');
    });

    it('leaves a live process’s claim, a completed post, and a claim made without a claimant', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW - 10_000);
      await store.claimPost('live', NOW, undefined, claimant('boot-a'));
      assert.equal(await store.claimPost('live', NOW, undefined, claimant('boot-b')), 'taken');

      await store.claimPost('done', NOW, undefined, claimant('boot-dead'));
      await store.completePost('done', 'msg-1');
      assert.equal(await store.claimPost('done', NOW, undefined, claimant('boot-b')), 'taken');
      assert.equal((await store.getPost('done'))?.messageId, 'msg-1');

      await store.claimPost('anonymous', NOW);
      assert.equal(await store.claimPost('anonymous', NOW, undefined, claimant('boot-b')), 'taken');
    });

    it('without a claimant the caller never takes over, even from a dead process', async () => {
      const store = await t.open();
      await store.claimPost(key, 100, undefined, claimant('boot-dead'));
      assert.equal(await store.claimPost(key, NOW), 'taken');
      assert.equal((await store.getPost(key))?.claimedAt, 100);
    });

    it('aliveSince Infinity (one process per store) counts every other boot as dead', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW);
      await store.claimPost(key, NOW, undefined, { boot: 'boot-a', aliveSince: Number.POSITIVE_INFINITY });
      const restarted = { boot: 'boot-b', aliveSince: Number.POSITIVE_INFINITY };
      assert.equal(await store.claimPost(key, NOW + 1, undefined, restarted), 'taken-over');
    });

    it('a process that stopped cleanly (forgotten) leaves its claims at once', async () => {
      const store = await t.open();
      await store.heartbeat('boot-a', NOW);
      await store.claimPost(key, NOW, undefined, claimant('boot-a'));
      assert.equal(await store.claimPost(key, NOW, undefined, claimant('boot-b')), 'taken');
      await store.forgetProcess('boot-a');
      assert.equal(await store.claimPost(key, NOW, undefined, claimant('boot-b')), 'taken-over');
    });
  });
}
