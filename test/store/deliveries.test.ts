import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IN_MEMORY, openSqliteStore, openStore } from '../../src/store';

describe('store: deliveries taken on (replays, restarts)', () => {
  it('answers a delivery once: new, then busy in this process, done once completed', () => {
    const store = openSqliteStore({ file: IN_MEMORY });
    assert.equal(store.claimDelivery('message:m1', 'boot-a', 1), 'new');
    assert.equal(store.claimDelivery('message:m1', 'boot-a', 2), 'busy');
    store.completeDelivery('message:m1', 3);
    assert.equal(store.claimDelivery('message:m1', 'boot-a', 4), 'done');
    assert.equal(store.claimDelivery('message:m1', 'boot-b', 5), 'done', 'a replay after a restart too');
    store.close();
  });

  it('hands a delivery left unfinished by a process that died to the next one, once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deliveries-'));
    const first = openStore(dir);
    first.claimDelivery('message:m2', 'boot-a', 1);
    first.claimDelivery('message:m3', 'boot-a', 2);
    first.completeDelivery('message:m3', 3);
    first.claimDelivery('message:m4', 'boot-a', 4);
    first.markPosting('message:m4', 5);
    first.close(); // the process dies answering m2 (not yet posting) and m4 (posting)
    const second = openStore(dir);
    assert.deepEqual(second.unfinishedDeliveries('boot-b'), [
      { key: 'message:m2', posting: false },
      { key: 'message:m4', posting: true },
    ]);
    assert.equal(second.claimDelivery('message:m2', 'boot-b', 10), 'new');
    assert.equal(second.claimDelivery('message:m2', 'boot-b', 11), 'busy');
    assert.deepEqual(
      second.unfinishedDeliveries('boot-b').map((d) => d.key),
      ['message:m4'],
      'its own claims are not handed on',
    );
    second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('forgets old deliveries', () => {
    const store = openSqliteStore({ file: IN_MEMORY });
    store.claimDelivery('message:old', 'b', 1_000);
    store.claimDelivery('message:new', 'b', 5_000);
    assert.equal(store.pruneDeliveries(2_000), 1);
    assert.equal(store.claimDelivery('message:old', 'b', 6_000), 'new');
    store.close();
  });
});
