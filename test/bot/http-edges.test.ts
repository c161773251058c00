import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import pino, { type Logger } from 'pino';
import type { RunningBot } from '../../src/bot/bot-app';
import { signBody } from '../../src/emulator/webhook-dispatcher';
import { startTestBot, WEBHOOK_SECRET } from '../support/chat';

/** A logger whose lines the test reads. */
function capturedLog(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug' },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { log, lines };
}

/** A short answer without a stack trace, a file path or a dependency's name. */
function assertPlainAnswer(text: string, what: string): void {
  assert.ok(text.length < 300, `${what}: a short body (${text.length} chars): ${text}`);
  assert.doesNotMatch(text, /\n\s*at /, `${what}: no stack trace`);
  assert.doesNotMatch(text, /\/work\/|node_modules|\.ts:|\.js:/, `${what}: no paths`);
  assert.doesNotMatch(text, /<html|<pre/i, `${what}: not Express's HTML error page`);
}

async function send(url: string, init: RequestInit & { headers?: Record<string, string> }) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

describe('the bot HTTP edges: errors, compressed bodies, timeouts, trust proxy', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let lines: Record<string, unknown>[];

  before(async () => {
    const captured = capturedLog();
    lines = captured.lines;
    ({ bot } = await startTestBot(
      { HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_HEADERS_TIMEOUT_SECONDS: '2' },
      { log: captured.log, automation: false },
    ));
  });

  after(async () => {
    await bot?.stop();
  });

  it('answers bad requests with a sensible status and a short JSON line, never a stack trace', async () => {
    const webhook = `${bot.url}/webhook`;
    const big = Buffer.alloc(300 * 1024, 'a');
    const broken = Buffer.from('\x1f\x8b\x08\x00broken gzip bytes');
    const cases: { what: string; url: string; init: RequestInit; status: number }[] = [
      {
        what: '300 kB POST /webhook',
        url: webhook,
        init: { method: 'POST', body: big, headers: { 'content-type': 'application/json' } },
        status: 413,
      },
      {
        what: 'Content-Encoding: zip',
        url: webhook,
        init: {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json', 'content-encoding': 'zip' },
        },
        status: 415,
      },
      {
        what: 'a broken gzip body',
        url: webhook,
        init: {
          method: 'POST',
          body: broken,
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        },
        status: 415,
      },
      {
        what: 'a broken gzip body whose signature matches its bytes',
        url: webhook,
        init: {
          method: 'POST',
          body: broken,
          headers: {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'x-spark-signature': signBody(WEBHOOK_SECRET, broken),
          },
        },
        status: 400,
      },
      { what: 'GET /charts/%E0%A4%A.png', url: `${bot.url}/charts/%E0%A4%A.png`, init: {}, status: 400 },
      { what: 'an unknown path', url: `${bot.url}/nothing/here`, init: {}, status: 404 },
      {
        what: 'an unsigned delivery',
        url: webhook,
        init: { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
        status: 401,
      },
    ];
    for (const c of cases) {
      const answer = await send(c.url, c.init as RequestInit & { headers?: Record<string, string> });
      assert.equal(answer.status, c.status, `${c.what}: ${answer.text}`);
      assert.match(answer.type, /json/, `${c.what}: JSON`);
      assert.equal(typeof (JSON.parse(answer.text) as { message?: unknown }).message, 'string', c.what);
      assertPlainAnswer(answer.text, c.what);
    }
    const refused = lines.filter((l) => l.msg === 'request refused');
    assert.ok(
      refused.some((l) => l.status === 413 && typeof l.req === 'string'),
      'the refusals are logged with a request id',
    );
  });

  it('refuses a gzip delivery signed over the decompressed JSON, accepts one signed over the bytes sent', async () => {
    const json = JSON.stringify({
      id: 'w1',
      name: 'x',
      targetUrl: `${bot.url}/webhook`,
      resource: 'rooms',
      event: 'updated',
      data: { id: 'not-a-room' },
    });
    const gz = gzipSync(json);
    const wrong = await send(`${bot.url}/webhook`, {
      method: 'POST',
      body: gz,
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-spark-signature': signBody(WEBHOOK_SECRET, json),
      },
    });
    assert.equal(wrong.status, 415, wrong.text);
    assert.match(wrong.text, /compressed/);
    const right = await send(`${bot.url}/webhook`, {
      method: 'POST',
      body: gz,
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-spark-signature': signBody(WEBHOOK_SECRET, gz),
      },
    });
    assert.ok([200, 400].includes(right.status), `decompressed and checked: ${right.status} ${right.text}`);
  });

  it('cuts off 40 stalled webhook bodies within the request timeout while /livez keeps answering', async () => {
    const started = Date.now();
    const closedAfter: number[] = [];
    const sockets: Socket[] = [];
    await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<void>((resolve, reject) => {
            const socket = connect(Number(new URL(bot.url).port), '127.0.0.1', () => {
              socket.write(
                'POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":"',
              );
              resolve();
            });
            socket.on('error', () => undefined);
            socket.resume(); // read what the server answers, so its close is seen
            socket.on('close', () => closedAfter.push(Date.now() - started));
            socket.once('error', reject);
            sockets.push(socket);
          }),
      ),
    );
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const live = await fetch(`${bot.url}/livez`);
      assert.equal(live.status, 200);
      assert.ok(Date.now() - t0 < 1000, '/livez answers at once');
      await new Promise((r) => setTimeout(r, 200));
    }
    const deadline = Date.now() + 6000;
    while (closedAfter.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const s of sockets) s.destroy();
    assert.equal(
      closedAfter.length,
      40,
      `every stalled connection was closed by the server (${closedAfter.length} closed; ${lines
        .slice(-3)
        .map((l) => JSON.stringify(l))
        .join(' ')})`,
    );
    const slowest = Math.max(...closedAfter);
    assert.ok(slowest >= 1500 && slowest < 4000, `cut off after about 2 s (slowest ${slowest} ms)`);
    assert.equal((await fetch(`${bot.url}/livez`)).status, 200);
  });

  it('logs the connecting address, not X-Forwarded-For, while TRUST_PROXY is off', async () => {
    await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    });
    const logged = lines.filter((l) => l.msg === 'webhook rejected: bad or missing X-Spark-Signature').at(-1);
    assert.ok(logged, 'the rejection is logged');
    assert.match(String(logged.ip), /127\.0\.0\.1/);
  });

  it('logs the X-Forwarded-For address when TRUST_PROXY names the proxy', async () => {
    await bot.stop();
    const captured = capturedLog();
    ({ bot } = await startTestBot({ TRUST_PROXY: 'loopback' }, { log: captured.log, automation: false }));
    await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    });
    const logged = captured.lines
      .filter((l) => l.msg === 'webhook rejected: bad or missing X-Spark-Signature')
      .at(-1);
    assert.equal(logged?.ip, '203.0.113.9');
  });
});
