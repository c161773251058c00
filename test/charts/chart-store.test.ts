import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CHART_ID_PATTERN, ChartStore, chartRoutes } from '../../src/charts';
import { FakeClock } from '../support/fake-clock';
import { rawGet } from './http-helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('ChartStore', () => {
  it('hands out unguessable url-safe ids and returns what was put', () => {
    const store = new ChartStore({ ttlMs: 60_000 });
    const ids = new Set(Array.from({ length: 200 }, () => store.put(PNG)));
    assert.equal(ids.size, 200);
    for (const id of ids) {
      assert.match(id, /^[A-Za-z0-9_-]{32,}$/);
      assert.match(id, CHART_ID_PATTERN);
    }
    const [first] = ids;
    assert.equal(store.get(first!), PNG);
    assert.equal(store.get('x'.repeat(32)), undefined);
  });

  it('forgets entries after the ttl (injected clock), on get and on sweep', () => {
    const clock = new FakeClock(1_000_000);
    const store = new ChartStore({ ttlMs: 60_000, now: clock.now });
    const a = store.put(PNG);
    clock.advance(30_000);
    const b = store.put(PNG);
    clock.advance(29_999);
    assert.ok(store.get(a));
    clock.advance(1);
    assert.equal(store.get(a), undefined, 'expired at exactly ttl');
    assert.ok(store.get(b));
    clock.advance(30_000);
    store.sweep();
    assert.equal(store.size, 0);
  });

  it('hands out an id while a chart is drawn; fetch waits for it, and a failed drawing is gone', async () => {
    const store = new ChartStore({ ttlMs: 60_000 });
    let finish: (png: Buffer) => void = () => undefined;
    const id = store.putPending(new Promise<Buffer>((resolve) => (finish = resolve)));
    assert.equal(store.get(id), undefined, 'not drawn yet');
    const fetched = store.fetch(id);
    finish(PNG);
    assert.equal(await fetched, PNG);
    assert.equal(store.get(id), PNG);
    const failed = store.putPending(Promise.reject(new Error('boom')));
    assert.equal(await store.fetch(failed), undefined);
    assert.equal(store.get(failed), undefined);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const store = new ChartStore({ ttlMs: 60_000, maxEntries: 3 });
    const ids = [1, 2, 3, 4].map(() => store.put(PNG));
    assert.equal(store.size, 3);
    assert.equal(store.get(ids[0]!), undefined);
    assert.ok(store.get(ids[3]!));
  });

  it('refuses nonsense options with a reason', () => {
    assert.throws(() => new ChartStore({ ttlMs: 0 }), /ttlMs must be a positive/);
    assert.throws(() => new ChartStore({ ttlMs: 1000, maxEntries: 0 }), /maxEntries/);
  });
});

describe('chartRoutes', () => {
  const clock = new FakeClock(5_000_000);
  const store = new ChartStore({ ttlMs: 10 * 60_000, now: clock.now });
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  before(async () => {
    const app = express();
    app.use(chartRoutes(store));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves a stored chart as a privately cacheable PNG', async () => {
    const id = store.put(PNG);
    const response = await fetch(`${base}/charts/${id}.png`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), 'private, max-age=600');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), PNG);
  });

  it('answers 404 for unknown, expired, malformed and traversal ids, and lists nothing', async () => {
    const id = store.put(PNG);
    const unknown = `${'A'.repeat(32)}`;
    assert.equal((await fetch(`${base}/charts/${unknown}.png`)).status, 404);
    for (const path of [
      '/charts/../x.png',
      '/charts/..%2Fx.png',
      '/charts/%2e%2e%2fx.png',
      '/charts/short.png',
      `/charts/${id}`,
      `/charts/${id}.png.png`,
      '/charts/',
      '/charts',
    ]) {
      assert.equal((await rawGet(base, path)).status, 404, path);
    }
    clock.advance(10 * 60_000);
    assert.equal((await fetch(`${base}/charts/${id}.png`)).status, 404, 'expired');
  });
});
