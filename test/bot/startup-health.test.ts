import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningBot } from '../../src/bot/bot-app';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { Chat, freePort, startTestBot, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';
import { eventually, frameworkEmulator } from '../support/framework-emulator';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');

async function readyz(bot: { url: string }, route = '/readyz') {
  const response = await fetch(`${bot.url}${route}`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

function portRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** `room-metrics serve` in its own process against `emulator`; its output and exit. */
function spawnServe(
  emulator: RunningEmulator,
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
) {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
      WEBHOOK_SECRET,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('start-up that works or stops, and health a supervisor can use', function () {
  this.timeout(90_000);
  let bot: RunningBot | undefined;

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('rides out a 3 s outage of GET /people/me and POST /webhooks at start, then registers both webhooks', async () => {
    const { emulator } = await frameworkEmulator();
    emulator.traffic.failPath({ method: 'GET', path: '/v1/people/me', forMs: 3000 });
    emulator.traffic.failPath({ method: 'POST', path: '/v1/webhooks', forMs: 3000 });
    const started = Date.now();
    ({ bot } = await startTestBot({ STARTUP_TIMEOUT_SECONDS: '30' }, { automation: false }));
    assert.ok(Date.now() - started >= 2500, 'start-up waited for Webex');
    const hooks = (await call(emulator, 'GET', '/webhooks', { token: emulator.botToken })).body as {
      items: { targetUrl: string; resource: string; event: string; status: string }[];
    };
    const ours = hooks.items.filter((h) => h.targetUrl === `${bot!.url}/webhook`);
    assert.deepEqual(ours.map((h) => `${h.resource}/${h.event}/${h.status}`).sort(), [
      'all/all/active',
      'attachmentActions/created/active',
    ]);
    assert.equal((await readyz(bot)).status, 200);
    assert.equal((await fetch(`${bot.url}/livez`)).status, 200);
  });

  it('/readyz answers 503 with a reason while a webhook is disabled, 200 once the re-check re-activated it', async () => {
    const { emulator } = await frameworkEmulator();
    ({ bot } = await startTestBot({ WEBHOOK_CHECK_INTERVAL_SECONDS: '1' }, { automation: false }));
    const ready = await readyz(bot);
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.status, 'ok');
    assert.equal(ready.body.webex, 'ok');
    assert.equal(ready.body.adminToken, 'ok');
    const hooks = (await call(emulator, 'GET', '/webhooks', { token: emulator.botToken })).body as {
      items: { id: string; name: string; targetUrl: string; resource: string }[];
    };
    const firehose = hooks.items.find((h) => h.resource === 'all' && h.targetUrl === `${bot!.url}/webhook`)!;
    const disabled = await call(emulator, 'PUT', `/webhooks/${firehose.id}`, {
      token: emulator.botToken,
      json: { name: firehose.name, targetUrl: firehose.targetUrl, status: 'inactive' },
    });
    assert.equal(disabled.status, 200);
    // Webex is failing to accept changes for a moment, so the re-check cannot repair it at once.
    emulator.traffic.failPath({ method: 'PUT', path: /^\/v1\/webhooks\//, forMs: 2500 });
    const notReady = await eventually(
      async () => {
        const r = await readyz(bot!);
        return r.status === 503 ? r : undefined;
      },
      '/readyz to say 503',
      3000,
    );
    assert.match(notReady.body.reason ?? '', /webhook all\/all is disabled/);
    const alias = await readyz(bot, '/healthz');
    assert.ok([200, 503].includes(alias.status), '/healthz answers as /readyz does');
    assert.equal((await fetch(`${bot.url}/livez`)).status, 200, 'the process still serves');
    await eventually(
      async () => ((await readyz(bot!)).status === 200 ? true : undefined),
      '/readyz to say 200 after the re-check',
      10_000,
    );
    assert.equal(
      emulator.context.store.webhooks.get(firehose.id)?.status,
      'active',
      're-activated, not replaced',
    );
  });

  describe('room-metrics serve (a process of its own)', () => {
    // Each test has an emulator of its own (outages cannot be ended early).
    let emulator: RunningEmulator;
    let dataDir: string;

    beforeEach(async () => {
      emulator = await startEmulator({ port: 0 });
      dataDir = mkdtempSync(path.join(tmpdir(), 'room-metrics-startup-'));
    });
    afterEach(async () => {
      await emulator?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    for (const outage of [
      { method: 'GET', path: '/v1/people/me', says: /people\/me/ },
      { method: 'POST', path: '/v1/webhooks', says: /webhooks/ },
    ]) {
      it(`exits 1 with one line and no listening port when ${outage.method} ${outage.path} fails longer than STARTUP_TIMEOUT_SECONDS`, async () => {
        emulator.traffic.failPath({ method: outage.method, path: outage.path, forMs: 60_000 });
        const port = await freePort();
        const started = Date.now();
        const serve = spawnServe(emulator, port, dataDir, { STARTUP_TIMEOUT_SECONDS: '3' });
        const code = await serve.exited;
        const { stderr } = serve.output();
        assert.equal(code, 1, stderr);
        assert.ok(Date.now() - started < 20_000, 'it gave up within the start-up timeout');
        const ours = stderr.split('\n').filter((l) => l.startsWith('room-metrics serve:'));
        assert.equal(ours.length, 1, stderr);
        assert.match(ours[0]!, /could not start/);
        assert.match(ours[0]!, outage.says);
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
        assert.ok(await portRefused(port), 'nothing listens on its port');
      });
    }

    it('on SIGTERM with a question in flight, posts the answer and exits 0', async () => {
      const port = await freePort();
      const serve = spawnServe(emulator, port, dataDir, { LOG_LEVEL: 'info', STARTUP_TIMEOUT_SECONDS: '30' });
      try {
        await eventually(
          async () => {
            const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
            return r?.status === 200 ? true : undefined;
          },
          'the bot to be ready',
          30_000,
        );
        const me = (await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as {
          id: string;
        };
        const chat = new Chat(emulator, me.id);
        const room = await chat.groupSpace('ingrid', 'Shutdown test');
        emulator.traffic.update({ latencyMs: 300 });
        const asked = await chat.post('ingrid', room, 'temperature in Room 4 last 6 hours');
        const askedAt = emulator.context.store.messages.get(asked)!.created;
        // The delivery reaches the bot at once; each of its Webex calls now takes 300 ms.
        await new Promise((resolve) => setTimeout(resolve, 500));
        serve.child.kill('SIGTERM');
        const code = await serve.exited;
        const { stdout, stderr } = serve.output();
        assert.equal(code, 0, stderr);
        const stopping = stdout.split('\n').find((l) => l.includes('"msg":"stopping"'));
        assert.ok(stopping, stdout);
        assert.match(
          stopping,
          /"answersInFlight":[1-9]/,
          `the question was in flight when SIGTERM came: ${stopping}`,
        );
        const answers = chat.botMessagesAfter(room, askedAt);
        assert.ok(answers.length >= 1, 'the answer was posted before the bot exited');
        assert.ok(await portRefused(port));
      } finally {
        emulator.traffic.update({ latencyMs: 0 });
        if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      }
    });
  });
});
