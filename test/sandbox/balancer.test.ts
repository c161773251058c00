import assert from 'node:assert/strict';
import {
  createServer,
  get,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../src/free-port';
import { type RunningBalancer, startBalancer, type UpstreamState } from '../../src/sandbox/balancer';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface TestUpstream {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** A small real HTTP server; by default it answers `{name, body}` with 200. */
async function upstream(
  name: string,
  handler?: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<TestUpstream> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (handler) {
        handler(req, res, body);
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A URL where nothing listens: connections are refused. */
const deadUrl = async () => `http://127.0.0.1:${await freePort()}`;

describe('sandbox balancer (round-robin reverse proxy)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function servers(...names: string[]): Promise<TestUpstream[]> {
    const started = await Promise.all(names.map((name) => upstream(name)));
    for (const s of started) closers.push(s.close);
    return started;
  }

  async function balancer(options: Parameters<typeof startBalancer>[0]): Promise<RunningBalancer> {
    const running = await startBalancer(options);
    closers.push(running.close);
    return running;
  }

  const nameOf = async (response: Response) => ((await response.json()) as { name: string }).name;

  const state = async (b: RunningBalancer) =>
    ((await (await fetch(`${b.url}/__balancer`)).json()) as { upstreams: UpstreamState[] }).upstreams;

  it('sends requests round robin and passes status, headers and body through, with X-Forwarded-*', async () => {
    const [a, b, c] = await servers('a', 'b', 'c');
    const lb = await balancer({ upstreams: [a!.url, b!.url, c!.url] });
    const names: string[] = [];
    for (let i = 0; i < 6; i++) names.push(await nameOf(await fetch(`${lb.url}/livez?i=${i}`)));
    assert.deepEqual(names, ['a', 'b', 'c', 'a', 'b', 'c']);
    assert.deepEqual(
      a!.seen.map((s) => s.url),
      ['/livez?i=0', '/livez?i=3'],
    );
    const headers = a!.seen[0]!.headers;
    assert.equal(headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(headers['x-forwarded-proto'], 'http');
    assert.equal(headers['x-forwarded-host'], new URL(lb.url).host);
    assert.equal(headers.host, new URL(lb.url).host, 'the Host header is kept');

    // An upstream's own status, headers (also repeated ones) and body come back unchanged.
    const teapot = await upstream('teapot', (_req, res) => {
      res.writeHead(418, { 'x-custom': 'kept', 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' });
      res.end('short and stout');
    });
    closers.push(teapot.close);
    lb.setUpstreams([teapot.url]);
    const answer = await fetch(`${lb.url}/pot`, { headers: { 'x-forwarded-for': '10.0.0.7' } });
    assert.equal(answer.status, 418);
    assert.equal(answer.headers.get('x-custom'), 'kept');
    assert.deepEqual(answer.headers.getSetCookie(), ['a=1', 'b=2']);
    assert.equal(await answer.text(), 'short and stout');
    assert.equal(
      teapot.seen[0]!.headers['x-forwarded-for'],
      '10.0.0.7, 127.0.0.1',
      'appended to a prior chain',
    );
  });

  it('skips an upstream that refuses the connection and marks it down for a while; /__balancer shows it', async () => {
    let clock = 1_000_000;
    const [a, b] = await servers('a', 'b');
    const dead = await deadUrl();
    const events: string[] = [];
    const lb = await balancer({
      upstreams: [a!.url, dead, b!.url],
      downForMs: 5000,
      now: () => clock,
      onEvent: (event) => events.push(`${event.kind} ${event.url}`),
    });
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(lb.url);
      assert.equal(response.status, 200);
      names.push(await nameOf(response));
    }
    // The dead one was tried once (its request went on to the next upstream), then skipped.
    assert.equal(names.filter((n) => n === 'a').length + names.filter((n) => n === 'b').length, 6);
    assert.ok(Math.abs(names.filter((n) => n === 'a').length - 3) <= 1, names.join());
    assert.deepEqual(events, [`down ${dead}`]);
    const shown = await state(lb);
    assert.deepEqual(
      shown.map((u) => [u.url, u.state]),
      [
        [a!.url, 'up'],
        [dead, 'down'],
        [b!.url, 'up'],
      ],
    );
    assert.equal(shown[1]!.refused, 1);
    assert.equal(shown[1]!.lastError, 'ECONNREFUSED');
    assert.equal(shown[1]!.downForMs, 5000);
    assert.equal(shown[0]!.requests + shown[2]!.requests, 6);

    // After the down period it is tried again (and refuses again).
    clock += 5001;
    assert.equal((await state(lb))[1]!.state, 'up');
    for (let i = 0; i < 3; i++) assert.equal((await fetch(lb.url)).status, 200);
    assert.equal((await state(lb))[1]!.refused, 2);
  });

  it('answers 502 with a short JSON reason when every upstream refuses (and when there are none)', async () => {
    const [dead1, dead2] = [await deadUrl(), await deadUrl()];
    const lb = await balancer({ upstreams: [dead1, dead2] });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${lb.url}/webhook`, { method: 'POST', body: '{}' });
      assert.equal(response.status, 502);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await response.json()) as { error: string; reason: string };
      assert.equal(body.error, 'bad gateway');
      // Even when all are marked down, each is tried once more: one may be back.
      assert.match(
        body.reason,
        /^every upstream refused the connection \(.+ ECONNREFUSED, .+ ECONNREFUSED\)$/,
      );
    }
    assert.deepEqual(
      (await state(lb)).map((u) => [u.state, u.refused]),
      [
        ['down', 2],
        ['down', 2],
      ],
    );

    // One comes back on the same port: the next request finds it although it is marked down.
    const back = createServer((_req, res) => res.end('back'));
    await new Promise<void>((resolve) => back.listen(Number(new URL(dead2).port), '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => back.close(() => resolve())));
    const found = await fetch(lb.url);
    assert.equal(found.status, 200);
    assert.equal(await found.text(), 'back');
    assert.equal((await state(lb))[1]!.state, 'up');

    lb.setUpstreams([]);
    const none = await fetch(lb.url);
    assert.equal(none.status, 502);
    assert.deepEqual(await none.json(), { error: 'bad gateway', reason: 'the balancer has no upstreams' });
  });

  it('resends a POST body to the next upstream after a refused connection and after a reset before any answer', async () => {
    const resetting = await upstream('reset', (req) => req.socket.destroy());
    closers.push(resetting.close);
    const [b] = await servers('b');
    const lb = await balancer({ upstreams: [await deadUrl(), resetting.url, b!.url] });
    const payload = JSON.stringify({ id: 'delivery-1', data: 'x'.repeat(200_000) });
    const response = await fetch(`${lb.url}/webhook?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spark-signature': 'abc' },
      body: payload,
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { name: 'b', body: payload });
    assert.equal(resetting.seen.length, 1, 'the resetting upstream received it once');
    const seen = b!.seen[0]!;
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, '/webhook?x=1');
    assert.equal(seen.headers['x-spark-signature'], 'abc');
    assert.equal(seen.headers['content-length'], String(Buffer.byteLength(payload)));
    assert.deepEqual(
      (await state(lb)).map((u) => [u.state, u.lastError ?? '']),
      [
        ['down', 'ECONNREFUSED'],
        ['down', 'ECONNRESET'],
        ['up', ''],
      ],
    );
  });

  it('refuses a body larger than its buffer with 413', async () => {
    const [a] = await servers('a');
    const lb = await balancer({ upstreams: [a!.url], maxBodyBytes: 1000 });
    const response = await fetch(lb.url, { method: 'POST', body: 'x'.repeat(1001) });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: string }).error, 'payload too large');
    assert.equal(a!.seen.length, 0);
    assert.equal((await fetch(lb.url, { method: 'POST', body: 'x'.repeat(1000) })).status, 200);
  });

  it('streams a response as it comes (a chart still being drawn), and keeps the state of upstreams that stay', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const png = await upstream('png', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      // The rest only once the client has the first bytes: a buffering proxy would never finish.
      void released.then(() => res.end(Buffer.from([0x0d, 0x0a, 0x1a, 0x0a])));
    });
    closers.push(png.close);
    const dead = await deadUrl();
    const lb = await balancer({ upstreams: [dead] });
    assert.equal((await fetch(lb.url)).status, 502);
    lb.setUpstreams([dead, png.url]);
    assert.deepEqual(
      (await state(lb)).map((u) => u.state),
      ['down', 'up'],
      'a kept upstream keeps its state',
    );

    const bytes = await new Promise<Buffer>((resolve, reject) => {
      get(`${lb.url}/charts/c1.png`, (res) => {
        assert.equal(res.headers['content-type'], 'image/png');
        assert.equal(res.headers['transfer-encoding'], 'chunked');
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (chunks.length === 1) release();
        });
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      }).on('error', reject);
    });
    assert.deepEqual([...bytes], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('rejects upstreams that are not http:// URLs', async () => {
    const lb = await balancer({});
    assert.throws(() => lb.setUpstreams(['not a url']), /upstream 'not a url' is not an absolute URL/);
    assert.throws(() => lb.setUpstreams(['https://127.0.0.1:1']), /must be an http:\/\/ URL/);
  });
});
