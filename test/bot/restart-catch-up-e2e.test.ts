import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { freePort } from '../../src/free-port';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { call } from '../support/emulator';
import { eventually } from '../support/framework-emulator';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'restart-test-webhook-secret-0123456789';

/**
 * The bot killed (SIGKILL) with questions in flight, and questions asked while it is down: after
 * a restart on the same database every question has exactly one answer, and its state is intact.
 */
describe('restart: questions asked while the bot was down are answered once', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let port: number;
  let child: ChildProcess | undefined;
  let space: string;
  let botId: string;
  let stderr = '';

  const startServe = async () => {
    stderr = '';
    const proc = spawn(process.execPath, [join(ROOT, 'bin/room-metrics'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
        WEBHOOK_SECRET: SECRET,
        DEFAULT_TIME_ZONE: 'Europe/Oslo',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        CATCH_UP_MINUTES: '30',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child = proc;
    await eventually(
      async () => {
        if (proc.exitCode !== null) throw new Error(`the bot exited at start: ${stderr}`);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        return health?.ok ? true : undefined;
      },
      'the bot to serve',
      40_000,
    );
  };
  const kill = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };
  const ask = async (text: string) => {
    const posted = await call(emulator, 'POST', '/messages', {
      token: emulator.userTokens.ingrid,
      json: { roomId: space, markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}` },
    });
    assert.equal(posted.status, 200);
  };
  const botTexts = () =>
    [...emulator.context.store.messages.values()]
      .filter((m) => m.roomId === space && m.personId === botId)
      .map((m) => m.markdown ?? m.text ?? '');
  /** Answers to "temperature in Room 4 last N hours": their card titles name "last N h". */
  const answersTo = (hours: number) =>
    botTexts().filter((t) => new RegExp(`last ${hours} h\\b`).test(t)).length;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    botId = ((await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as { id: string })
      .id;
    dataDir = fs.mkdtempSync(join(os.tmpdir(), 'room-metrics-restart-'));
    port = await freePort();
    await startServe();
    const room = await call(emulator, 'POST', '/rooms', {
      token: emulator.userTokens.ingrid,
      json: { title: 'Facilities, restarts' },
    });
    space = (room.body as { id: string }).id;
    await call(emulator, 'POST', '/memberships', {
      token: emulator.userTokens.ingrid,
      json: { roomId: space, personEmail: emulator.botEmail },
    });
  });
  after(async () => {
    await kill();
    await emulator?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every question once across a SIGKILL with 10 in flight and a quiet minute down', async () => {
    await ask('alert me when tvoc in Room 4 goes above 5000');
    await eventually(
      () => (botTexts().some((t) => /Alert a1 set/.test(t)) ? true : undefined),
      'the alert to be set',
      20_000,
    );

    // Ten questions, and the bot is killed while it answers them (Webex slowed down a little, so
    // some are answered and the rest are in flight).
    emulator.traffic.update({ latencyMs: 150 });
    for (let hours = 1; hours <= 10; hours++) await ask(`temperature in Room 4 last ${hours} hours`);
    await eventually(
      () =>
        Array.from({ length: 10 }, (_, i) => answersTo(i + 1)).filter((n) => n > 0).length >= 2
          ? true
          : undefined,
      'a few answers before the kill',
      30_000,
    );
    await kill();
    emulator.traffic.update({ latencyMs: 0 });
    const answeredBeforeKill = Array.from({ length: 10 }, (_, i) => answersTo(i + 1)).filter(
      (n) => n > 0,
    ).length;

    // A quiet stretch while it is down: five more questions.
    for (let hours = 11; hours <= 15; hours++) await ask(`temperature in Room 4 last ${hours} hours`);

    await startServe();
    // A question whose reply was being posted at the kill may have landed: the bot cannot look, so
    // it does not answer it again but says it was restarted while posting (one line).
    const restartLines = () => botTexts().filter((t) => /restarted while posting/.test(t)).length;
    const settled = () =>
      Array.from({ length: 15 }, (_, i) => answersTo(i + 1)).filter((n) => n === 0).length <= restartLines();
    await eventually(
      () => (settled() && answersTo(15) === 1 ? true : undefined),
      'every question to be answered',
      60_000,
    );
    // Give a duplicate the chance to appear: ask once more and wait for that answer (posted after
    // any catch-up answer, since the catch-up runs first and oldest first).
    await ask('temperature in Room 4 last 20 hours');
    await eventually(() => (answersTo(20) === 1 ? true : undefined), 'the next answer', 30_000);

    const counts = Array.from({ length: 15 }, (_, i) => answersTo(i + 1));
    assert.ok(
      counts.every((n) => n <= 1),
      `no question is answered twice: ${counts.join(' ')}`,
    );
    const unanswered = counts.filter((n) => n === 0).length;
    assert.ok(
      unanswered <= restartLines(),
      `each question without an answer is named by a 'restarted while posting' line: ${counts.join(' ')}`,
    );
    assert.deepEqual(counts.slice(10), [1, 1, 1, 1, 1], 'the questions asked while it was down are answered');
    assert.ok(
      botTexts().some((t) => /offline/.test(t)),
      'the caught-up answers say they were asked while the bot was offline',
    );

    // State is intact: the alert rule set before the kill is still there.
    const before = botTexts().length;
    await ask('list alerts');
    const list = await eventually(() => botTexts().slice(before)[0], 'the list of alerts', 20_000);
    assert.match(list, /\ba1\b/);
    assert.match(list, /above 5[, ]?000/);
    console.log(
      `      answered before the kill: ${answeredBeforeKill} of 10; after the restart: ${counts.filter((n) => n === 1).length} of 15 answered once, ${restartLines()} 'restarted while posting' line(s)`,
    );
    assert.ok(answeredBeforeKill >= 2 && answeredBeforeKill < 10, 'some were in flight at the kill');
    assert.doesNotMatch(stderr, /unhandled|FATAL/i);
  });

  it('a first start on a new database answers nothing from before it: it was not offline, and those were answered', async () => {
    await kill();
    await ask('temperature in Room 4 last 21 hours');
    const answered = fs.mkdtempSync(join(os.tmpdir(), 'room-metrics-restart-'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = answered; // a new, empty database (removed in after())
    const before = botTexts().length;
    await startServe();
    // A question asked live is answered; the one from before the start is not, and nobody is
    // told the bot "was offline".
    await ask('temperature in Room 4 last 22 hours');
    await eventually(() => (answersTo(22) === 1 ? true : undefined), 'the live answer', 30_000);
    const since = botTexts().slice(before);
    assert.equal(answersTo(21), 0, since.join('\n---\n'));
    assert.ok(!since.some((t) => /offline/.test(t)), since.join('\n---\n'));
  });
});
