import assert from 'node:assert/strict';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import type { UpstreamState } from '../../src/sandbox/balancer';
import {
  type ReplicaCommand,
  type RunningReplicaSandbox,
  type RunningReplicas,
  replicaEnv,
  startReplicaSandbox,
  startReplicas,
} from '../../src/sandbox/start-replicas';
import { SandboxSetupError } from '../../src/sandbox/webex-rest';
import type { Message } from '../../src/webex/wire';

const FAKE: ReplicaCommand = {
  file: process.execPath,
  args: [path.join(__dirname, 'fixtures', 'fake-replica.cjs')],
};

interface WhoAmI {
  pid: number;
  port: number;
  forwardedFor: string;
  env: Record<string, string>;
}

/** A pino logger whose lines land in `lines` (the sandbox's own log). */
function memoryLog() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

/** Resolves when `probe` holds (polled); fails after `ms`. */
async function eventually(probe: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sandbox replicas: processes behind the balancer', function () {
  this.timeout(30_000);
  let running: RunningReplicas | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  const whoami = async (url: string) => (await (await fetch(`${url}/whoami`)).json()) as WhoAmI;

  it('starts N processes on ports of their own, each with its environment, and balances over them', async () => {
    const output: string[] = [];
    running = await startReplicas({
      count: 3,
      command: FAKE,
      env: ({ index, balancerUrl }) => ({ PUBLIC_BASE_URL: balancerUrl, SLOT: String(index) }),
      output: (index, line) => output.push(`${index}: ${line}`),
    });
    const { replicas, balancerUrl } = running;
    assert.equal(replicas.length, 3);
    assert.equal(new Set(replicas.map((r) => r.pid)).size, 3);
    assert.equal(new Set(replicas.map((r) => r.port)).size, 3);
    for (const [i, replica] of replicas.entries()) {
      assert.equal(replica.index, i);
      assert.equal(replica.url, `http://127.0.0.1:${replica.port}`);
      assert.ok(replica.running);
      const me = await whoami(replica.url);
      assert.equal(me.pid, replica.pid);
      assert.equal(me.env.PORT, String(replica.port));
      assert.equal(me.env.PUBLIC_BASE_URL, balancerUrl);
      assert.equal(me.env.SLOT, String(i));
      // Only a few system variables come from this process (no settings from .env or the shell).
      assert.ok(
        Object.keys(me.env).every((key) =>
          /^(USER|LOGNAME|PATH|HOME|TMPDIR|TMP|TEMP|LANG|LC_ALL|TZ|NODE_EXTRA_CA_CERTS|PG[A-Z]+|TSX_TSCONFIG_PATH|PORT|PUBLIC_BASE_URL|SLOT)$/.test(
            key,
          ),
        ),
        Object.keys(me.env).join(),
      );
    }
    await eventually(() => output.length === 3, 'the start-up lines');
    assert.deepEqual(
      output.sort(),
      replicas.map((r) => `${r.index}: fake replica ${r.pid} listening on ${r.port}`).sort(),
    );

    const pids: number[] = [];
    for (let i = 0; i < 6; i++) pids.push((await whoami(balancerUrl)).pid);
    assert.deepEqual(pids, [...replicas.map((r) => r.pid), ...replicas.map((r) => r.pid)]);
    assert.equal((await whoami(balancerUrl)).forwardedFor, '127.0.0.1');
    const shown = (await (await fetch(`${balancerUrl}/__balancer`)).json()) as { upstreams: UpstreamState[] };
    assert.deepEqual(
      shown.upstreams.map((u) => [u.url, u.state]),
      replicas.map((r) => [r.url, 'up']),
    );
  });

  it('kill(i, signal) ends one (expected), a replica killed from outside is logged, restart(i) brings a new process in', async () => {
    const { log, lines } = memoryLog();
    running = await startReplicas({ count: 3, command: FAKE, env: () => ({}), log, output: () => undefined });
    const [first, second, third] = running.replicas;

    const killed = await running.kill(1, 'SIGKILL');
    assert.deepEqual(killed, { code: null, signal: 'SIGKILL', expected: true });
    assert.equal(second!.running, false);
    assert.equal(isAlive(second!.pid), false);
    // Every request still gets an answer: the dead one is skipped.
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) pids.add((await whoami(running.balancerUrl)).pid);
    assert.deepEqual([...pids].sort(), [first!.pid, third!.pid].sort());

    // Killed by someone else (a test, the OOM killer): logged as unexpected, not restarted.
    process.kill(third!.pid, 'SIGKILL');
    const exit = await third!.exited;
    assert.deepEqual(exit, { code: null, signal: 'SIGKILL', expected: false });
    const warning = lines.find((l) => l.level === 40);
    assert.ok(warning, JSON.stringify(lines));
    assert.match(
      warning.msg,
      new RegExp(
        `^replica 2 \\(pid ${third!.pid}, ${third!.url}\\) exited unexpectedly with signal SIGKILL; it is not restarted`,
      ),
    );
    assert.ok(
      !lines.some((l) => l.level === 40 && l.msg.includes(`pid ${second!.pid}`)),
      'kill() is no surprise',
    );
    assert.equal(running.replicas[2], third, 'no automatic restart');

    const restarted = await running.restart(1);
    assert.notEqual(restarted.pid, second!.pid);
    assert.notEqual(restarted.port, second!.port);
    assert.equal(running.replicas[1], restarted);
    assert.deepEqual(
      running.balancer.upstreams().map((u) => u.url),
      [first!.url, restarted.url, third!.url],
    );
    const after = new Set<number>();
    for (let i = 0; i < 6; i++) after.add((await whoami(running.balancerUrl)).pid);
    assert.deepEqual([...after].sort(), [first!.pid, restarted.pid].sort());

    // restart of a running one stops it first (SIGTERM: an expected exit).
    const again = await running.restart(0);
    assert.deepEqual(await first!.exited, { code: 0, signal: null, expected: true });
    assert.ok(again.running);
    await assert.rejects(running.restart(7), /no replica 7 \(there are 3: 0-2\)/);
  });

  it('stop() sends SIGTERM, then SIGKILL to one that ignores it, and closes the balancer', async () => {
    running = await startReplicas({
      count: 2,
      command: FAKE,
      env: ({ index }): Record<string, string> => (index === 1 ? { FAKE_IGNORE_SIGTERM: '1' } : {}),
      output: () => undefined,
      stopTimeoutMs: 500,
    });
    const [polite, stubborn] = running.replicas;
    const { balancerUrl } = running;
    const started = Date.now();
    await running.stop();
    assert.ok(Date.now() - started >= 450, 'waited for the stubborn one');
    assert.deepEqual(await polite!.exited, { code: 0, signal: null, expected: true });
    assert.deepEqual(await stubborn!.exited, { code: null, signal: 'SIGKILL', expected: true });
    assert.equal(isAlive(polite!.pid) || isAlive(stubborn!.pid), false);
    await assert.rejects(fetch(balancerUrl));
    await running.stop(); // a second stop is a no-op
  });

  it('a replica that ends during start-up fails the start with its last lines, and nothing is left running', async () => {
    const spawned: number[] = [];
    const { log, lines } = memoryLog();
    const error = await startReplicas({
      count: 2,
      log,
      command: FAKE,
      env: ({ index }): Record<string, string> => (index === 1 ? { FAKE_FAIL_START: '1' } : {}),
      output: (_index, line) => {
        const pid = /fake replica (\d+) listening/.exec(line)?.[1];
        if (pid) spawned.push(Number(pid));
      },
    }).then(
      () => assert.fail('started'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SandboxSetupError, String(error));
    assert.match(
      error.message,
      /^replica 1 \(pid \d+\) ended during start-up with exit code 3; its last lines:\nfake replica: cannot start \(FAKE_FAIL_START\)$/,
    );
    for (const pid of spawned) assert.equal(isAlive(pid), false, `replica ${pid} stopped`);
    assert.deepEqual(
      lines.filter((l) => l.level >= 40),
      [],
      'reported once, by the error',
    );
  });

  it("the sandbox replica environment: the emulator's bot settings, the balancer as public URL, one secret", () => {
    const emulator = {
      url: 'http://127.0.0.1:1111/v1',
      catalogUrl: 'http://127.0.0.1:1111/u2c',
      botToken: 'bot-token',
      adminClient: { clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' },
    };
    const shared = {
      databaseUrl: 'postgres://127.0.0.1:5432/test',
      webhookSecret: 's'.repeat(40),
      logLevel: 'warn',
    };
    const a = replicaEnv(emulator, { port: 2001, balancerUrl: 'http://127.0.0.1:3333' }, shared);
    const b = replicaEnv(emulator, { port: 2002, balancerUrl: 'http://127.0.0.1:3333' }, shared);
    assert.equal(a.PORT, '2001');
    assert.equal(b.PORT, '2002');
    assert.deepEqual({ ...a, PORT: '' }, { ...b, PORT: '' });
    assert.equal(a.PUBLIC_BASE_URL, 'http://127.0.0.1:3333');
    assert.equal(a.DATABASE_URL, 'postgres://127.0.0.1:5432/test');
    assert.equal(a.WEBHOOK_SECRET, shared.webhookSecret);
    assert.equal(a.WEBEX_BOT_TOKEN, 'bot-token');
    assert.equal(a.WEBEX_API_URL, emulator.url);
    assert.equal(a.WEBEX_ADMIN_REFRESH_TOKEN, 'refresh');
    assert.equal(a.HOST, '127.0.0.1');
    assert.equal(a.DEFAULT_TIME_ZONE, 'Europe/Oslo');
    assert.equal(a.TRUST_PROXY, 'loopback');
    assert.equal(a.DATA_DIR, undefined, 'the store is the database');
  });
});

describe('startReplicaSandbox (with stand-in replicas)', function () {
  this.timeout(45_000);
  let emulator: RunningEmulator;
  let sandbox: RunningReplicaSandbox | undefined;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(async () => {
    await sandbox?.stop();
    await emulator?.close();
  });

  it('wires emulator, chat, balancer and replicas: webhooks reach a replica through the balancer', async () => {
    const output: string[] = [];
    sandbox = await startReplicaSandbox({
      replicas: 2,
      databaseUrl: 'postgres://127.0.0.1:5432/test',
      port: 0,
      emulator,
      command: FAKE,
      env: { FAKE_BOT: '1' },
      output: (index, line) => output.push(`${index}: ${line}`),
    });
    assert.equal(sandbox.webexUrl, emulator.url);
    assert.equal(sandbox.replicas.length, 2);
    const env = (await (await fetch(`${sandbox.replicas[0]!.url}/whoami`)).json()) as WhoAmI;
    assert.equal(env.env.PUBLIC_BASE_URL, sandbox.balancerUrl);
    assert.equal(env.env.DATABASE_URL, 'postgres://127.0.0.1:5432/test');
    assert.equal(env.env.WEBEX_API_URL, emulator.url);
    assert.equal(env.env.FAKE_BOT, '1');

    // The web chat is served and points at the emulator.
    const config = (await (await fetch(`${sandbox.chatUrl}/sandbox/config.json`)).json()) as {
      webexUrl: string;
    };
    assert.equal(config.webexUrl, emulator.url);

    // Ingrid's first message was answered by a replica, through the balancer (the sandbox waited for it).
    const rooms = (await (
      await fetch(`${emulator.url}/rooms`, { headers: { authorization: `Bearer ${sandbox.userToken}` } })
    ).json()) as { items: { id: string; type: string; title: string }[] };
    assert.deepEqual(
      rooms.items.map((r) => r.type),
      ['group', 'direct'],
    );
    const direct = rooms.items[1]!;
    const messages = (await (
      await fetch(`${emulator.url}/messages?roomId=${encodeURIComponent(direct.id)}`, {
        headers: { authorization: `Bearer ${sandbox.userToken}` },
      })
    ).json()) as { items: Message[] };
    const answer = messages.items.find((m) => /^hello from \d+$/.test(m.text ?? m.markdown ?? ''));
    assert.ok(answer, JSON.stringify(messages.items));
    const pids = sandbox.replicas.map((r) => r.pid);
    assert.ok(pids.includes(Number(/\d+$/.exec(answer.text ?? answer.markdown ?? '')![0])));

    // One replica dies; the next message is still answered, by the other.
    await sandbox.kill(0, 'SIGKILL');
    const ingrid = { authorization: `Bearer ${sandbox.userToken}`, 'content-type': 'application/json' };
    await fetch(`${emulator.url}/messages`, {
      method: 'POST',
      headers: ingrid,
      body: JSON.stringify({ roomId: direct.id, text: 'still there?' }),
    });
    await emulator.context.webhooks.idle();
    await eventually(
      async () => {
        const page = (await (
          await fetch(`${emulator.url}/messages?roomId=${encodeURIComponent(direct.id)}&max=1`, {
            headers: ingrid,
          })
        ).json()) as { items: Message[] };
        const last = page.items[0];
        return (last?.text ?? last?.markdown) === `hello from ${pids[1]}`;
      },
      'the second replica to answer',
      10_000,
    );
  });
});
