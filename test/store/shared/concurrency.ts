import assert from 'node:assert/strict';
import { SCHEMA_VERSION } from '../../../src/store';
import { claimant, NOW, reportInput, ruleInput, type StoreTest } from './harness';

const RACES = 100;
const keys = (prefix: string) => Array.from({ length: RACES }, (_, i) => `${prefix}:${i}`);

/** Two stores on one database (two replicas, or a restart overlapping the old process). */
export function describeConcurrency(t: StoreTest): void {
  describe('two stores at once', () => {
    it('create ids concurrently without a duplicate or a gap', async () => {
      const [a, b] = [await t.open(), await t.open()];
      const stores = Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b));
      const [reports, rules] = await Promise.all([
        Promise.all(stores.map((store) => store.createReport(reportInput()))),
        Promise.all(stores.map((store) => store.createAlertRule(ruleInput()))),
      ]);
      const numbers = (ids: string[]) => ids.map((id) => Number(id.slice(1))).sort((x, y) => x - y);
      const expected = Array.from({ length: 40 }, (_, i) => i + 1);
      assert.deepEqual(numbers(reports.map((r) => r.id)), expected);
      assert.deepEqual(numbers(rules.map((r) => r.id)), expected);
      assert.equal((await b.listReports()).length, 40);
    });

    it(`race claimDelivery on the same key ${RACES} times: exactly one wins each`, async () => {
      const [a, b] = [await t.open(), await t.open()];
      await a.heartbeat('boot-a', NOW);
      await b.heartbeat('boot-b', NOW);
      const results = await Promise.all(
        keys('message').map((key) =>
          Promise.all([
            a.claimDelivery(key, claimant('boot-a'), NOW),
            b.claimDelivery(key, claimant('boot-b'), NOW),
          ]),
        ),
      );
      for (const pair of results) assert.deepEqual([...pair].sort(), ['busy', 'new']);
    });

    it(`race claimPost on the same key ${RACES} times: exactly one wins each`, async () => {
      const [a, b] = [await t.open(), await t.open()];
      await a.heartbeat('boot-a', NOW);
      await b.heartbeat('boot-b', NOW);
      const results = await Promise.all(
        keys('report').map((key) =>
          Promise.all([
            a.claimPost(key, NOW, 'a', claimant('boot-a')),
            b.claimPost(key, NOW, 'b', claimant('boot-b')),
          ]),
        ),
      );
      for (const pair of results) assert.deepEqual([...pair].sort(), ['claimed', 'taken']);
    });

    it(`race to take over a dead process's ${RACES} claims: exactly one takes each`, async () => {
      const [a, b] = [await t.open(), await t.open()];
      for (const key of keys('alert')) {
        await a.claimPost(key, NOW - 1, undefined, claimant('boot-dead'));
        await a.claimDelivery(key, claimant('boot-dead'), NOW - 1);
      }
      await a.heartbeat('boot-a', NOW);
      await b.heartbeat('boot-b', NOW);
      const posts = await Promise.all(
        keys('alert').map((key) =>
          Promise.all([
            a.claimPost(key, NOW, undefined, claimant('boot-a')),
            b.claimPost(key, NOW, undefined, claimant('boot-b')),
          ]),
        ),
      );
      for (const pair of posts) assert.deepEqual([...pair].sort(), ['taken', 'taken-over']);
      const deliveries = await Promise.all(
        keys('alert').map((key) =>
          Promise.all([
            a.claimDelivery(key, claimant('boot-a'), NOW),
            b.claimDelivery(key, claimant('boot-b'), NOW),
          ]),
        ),
      );
      for (const pair of deliveries) assert.deepEqual([...pair].sort(), ['busy', 'new']);
    });

    it('opening an empty database from three stores at once applies each migration once', async () => {
      const stores = await Promise.all([t.open(), t.open(), t.open()]);
      assert.equal(await t.backend.version(), SCHEMA_VERSION);
      const sequences = await t.backend.raw('SELECT prefix FROM id_sequences ORDER BY prefix');
      assert.deepEqual(
        sequences.map((row) => row.prefix),
        ['a', 'r'],
      );
      const ids = await Promise.all(stores.map((store) => store.createReport(reportInput())));
      assert.deepEqual(ids.map((r) => r.id).sort(), ['r1', 'r2', 'r3']);
    });
  });
}
