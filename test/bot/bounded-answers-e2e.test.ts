/**
 * Oversized and forged requests against the real bot in a process of its own (as `npm start` runs
 * it: `--max-old-space-size=192`), with the emulator in this process holding an organisation of
 * 200 rooms. Every ask gets exactly one answer (after an optional progress message) that says what
 * it showed instead, or refuses in one line; the process never runs out of memory and still
 * answers a normal question at the end. Answer times are printed, never asserted (that is what
 * `npm run bench` is for).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { freePort } from '../../src/free-port';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { call } from '../support/emulator';
import { eventually } from '../support/framework-emulator';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'bounded-answers-secret-0123456789';
const ROOMS = 200;
const DAY_MS = 24 * 3600_000;
/** Longest wait for one answer: a deadline for a condition, not a sleep. */
const ANSWER_DEADLINE_MS = 60_000;
const ALL_METRICS = ['soundLevel', 'ambientNoise', 'temperature', 'humidity', 'tvoc', 'peopleCount'];

/** What a person sees of a message: its markdown, every text of its card, its file's name. */
function shownText(m: StoredMessage): string {
  const texts: string[] = [m.markdown ?? m.text ?? ''];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value'].includes(key)) texts.push(value);
        else walk(value);
      }
  };
  walk(m.attachments?.map((a) => a.content));
  // Markdown escapes (`\_`) are how the text is sent; a reader sees it without them.
  return texts.join('\n').replace(/\\/g, '');
}

const kindOf = (m: StoredMessage) => (m.files?.length ? 'file' : m.attachments?.length ? 'card' : 'line');
const isProgress = (m: StoredMessage) => /^Reading [\d,]+ rooms \(/.test(m.markdown ?? '');

interface Exchange {
  label: string;
  /** Bot messages in the space before the ask was sent. */
  known: Set<string>;
  answer: StoredMessage;
  ms: number;
  /** The bot's peak resident set (MB) once it had answered. */
  peakRssMb: number;
}

/** A process's peak resident set in MB, from /proc (Linux; NaN elsewhere). */
function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

describe('bounded answers: oversized and forged asks to the bot in its own process', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let child: ChildProcess;
  let stderr = '';
  /** The bot's log (pino writes to stdout). */
  let stdout = '';
  let botId: string;
  let space: string;
  /** A card of the bot in the space: the message forged button presses claim to come from. */
  let card: StoredMessage;
  const exchanges: Exchange[] = [];
  let peakRssMb = Number.NaN;

  const alive = () => {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      process.kill(child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  const botMessages = () =>
    [...emulator.context.store.messages.values()].filter((m) => m.roomId === space && m.personId === botId);

  /** Sends an ask and waits (with a deadline) for the bot's first message that is not progress. */
  async function exchange(label: string, send: () => Promise<void>): Promise<Exchange> {
    const known = new Set(botMessages().map((m) => m.id));
    const started = performance.now();
    await send();
    const answer = await eventually(
      () => {
        if (!alive()) throw new Error(`the bot exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
        return botMessages().find((m) => !known.has(m.id) && !isProgress(m));
      },
      `an answer to ${label}`,
      ANSWER_DEADLINE_MS,
    );
    const done = { label, known, answer, ms: performance.now() - started, peakRssMb: peakRss(child.pid) };
    exchanges.push(done);
    return done;
  }

  const ask = async (text: string, label = text) => {
    const { answer } = await exchange(label.length > 90 ? `${label.slice(0, 87)}…` : label, async () => {
      const posted = await call(emulator, 'POST', '/messages', {
        token: emulator.userTokens.ingrid,
        json: { roomId: space, markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}` },
      });
      assert.equal(posted.status, 200, `Webex accepted the message: ${posted.text}`);
    });
    return answer;
  };

  const press = async (label: string, inputs: Record<string, unknown>) => {
    const { answer } = await exchange(label, async () => {
      const pressed = await call(emulator, 'POST', '/attachment/actions', {
        token: emulator.userTokens.ingrid,
        json: { type: 'submit', messageId: card.id, inputs },
      });
      assert.equal(pressed.status, 202, `Webex accepted the submit: ${pressed.text}`);
    });
    return answer;
  };

  const csvFile = async (m: StoredMessage) => {
    assert.equal(m.files?.length, 1, `a file: ${shownText(m)}`);
    const content = await fetch(m.files![0]!, {
      headers: { authorization: `Bearer ${emulator.userTokens.ingrid}` },
    });
    assert.equal(content.status, 200);
    const lines = (await content.text()).trimEnd().split('\n');
    assert.equal(lines[0], 'room,metric,start,end,mean,min,max,unit');
    return lines.slice(1);
  };
  /** The earliest start in a CSV's rows (they hold the start with its offset in column 3). */
  const earliestStart = (rows: string[]) =>
    Math.min(...rows.map((r) => Date.parse(r.split(',').at(-6) ?? '')).filter(Number.isFinite));

  const refusal = (m: StoredMessage, pattern: RegExp) => {
    assert.equal(kindOf(m), 'line', `a line, not a card or a file: ${shownText(m)}`);
    assert.match(shownText(m), pattern);
  };
  const cardSaying = (m: StoredMessage, ...patterns: RegExp[]) => {
    assert.equal(kindOf(m), 'card', `a card: ${shownText(m)}`);
    notAnError(m);
    for (const p of patterns) assert.match(shownText(m), p);
  };
  const notAnError = (m: StoredMessage) =>
    assert.doesNotMatch(shownText(m), /went wrong|not answering|Webex could not answer/);

  const csv = (overrides: Record<string, unknown>) => ({
    kind: 'csv',
    workspaceIds: [emulator.context.org.workspaces[0]!.id],
    metrics: ['temperature'],
    from: new Date(Date.now() - 6 * 3600_000).toISOString(),
    to: new Date().toISOString(),
    aggregation: 'hourly',
    ...overrides,
  });

  before(async () => {
    emulator = await startEmulator({ port: 0, workspaces: ROOMS });
    botId = ((await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as { id: string })
      .id;
    const port = await freePort();
    child = spawn(process.execPath, ['--max-old-space-size=192', join(ROOT, 'bin/room-metrics'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
        WEBHOOK_SECRET: SECRET,
        DEFAULT_TIME_ZONE: 'Europe/Oslo',
        DATA_DIR: ':memory:',
        LOG_LEVEL: 'warn',
        // The emulator computes every 5-minute reading behind a daily bucket, in this process: at
        // the default budget (300 calls/min, so 3,000 calls per answer) one all-rooms answer takes
        // half a minute here. A fifth of it keeps the run short; the bounds that do not scale with
        // the budget (400 days, raw 48 h, 100,000 points per answer) are the same.
        API_BUDGET_PER_MINUTE: '60',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const target = `http://127.0.0.1:${port}/webhook`;
    await eventually(
      async () => {
        if (!alive()) throw new Error(`the bot exited at start: ${stderr}`);
        const hooks = await call(emulator, 'GET', '/webhooks', { token: emulator.botToken });
        const items = (hooks.body as { items?: { targetUrl: string }[] }).items ?? [];
        return items.filter((h) => h.targetUrl === target).length >= 2 ? true : undefined;
      },
      'the bot to register its webhooks',
      30_000,
    );
    const room = await call(emulator, 'POST', '/rooms', {
      token: emulator.userTokens.ingrid,
      json: { title: 'Facilities, bounded answers' },
    });
    space = (room.body as { id: string }).id;
    await call(emulator, 'POST', '/memberships', {
      token: emulator.userTokens.ingrid,
      json: { roomId: space, personEmail: emulator.botEmail },
    });
    card = await ask('temperature in Room 4 last 6 hours', 'warm-up: temperature in Room 4 last 6 hours');
    cardSaying(card, /Room 4/);
  });

  after(async () => {
    if (child && alive()) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await emulator?.close();
  });

  it('bounds oversized questions typed in chat and says what it showed instead', async () => {
    // The crash of the issue: raw readings of two rooms over ten years. The card names the 400 days
    // it shows and that it shows daily averages.
    const tenYears = await ask('every reading of temperature in Room 4 and Room 40 over the last 10 years');
    cardSaying(tenYears, /Room 4/, /Room 40/, /last 400 d\b/, /daily/);
    // "since 1990": from 1990 to now, bounded to the history the bot reads, and said so.
    const sinceYear = await ask('temperature in all rooms since 1990');
    cardSaying(sinceYear, /400 days/);
    // Read as "list rooms": a misunderstanding, but one bounded answer.
    notAnError(await ask('every reading of all metrics in all rooms last year'));
    notAnError(await ask('compare all rooms over the last 5 years'));
    cardSaying(await ask('rank all rooms by noise since 2010'), /noise/i);
    cardSaying(await ask('temperature in Room 4 last 99999999 hours'), /Room 4/, /400 days/);
    cardSaying(
      await ask('people count in all rooms every reading last 2 years'),
      /400 days/,
      /daily|showing/i,
    );
    cardSaying(await ask('how was every room over the last 3 years'), /showing/i);
    cardSaying(await ask('temperature in Room 4 between 1 Jan 2000 and 1 Jan 2099'), /Room 4/, /400 days/);
    cardSaying(await ask('every reading of tvoc in Boardroom over the last 400 days'), /daily/);
    // Wholly in the future: asked back, nothing read.
    assert.match(shownText(await ask('temperature in Room 4 next week')), /still ahead/);
    // A number of days past what a date can hold: as far back as the bot reads.
    cardSaying(await ask('humidity in Fjord last 99999999999999999999999 days'), /Fjord/, /400 d/);
    // As long a message as Webex takes (7439 bytes): rooms over and over, ten years of readings.
    const long = `every reading of temperature in ${'Room 4, Room 40, Boardroom, '.repeat(255)}Fjord over the last 10 years`;
    assert.ok(long.length > 7000 && Buffer.byteLength(long) < 7300);
    notAnError(await ask(long, `a ${long.length}-character message naming rooms 766 times, 10 years raw`));
  });

  it('bounds or refuses forged card buttons', async () => {
    const ids = emulator.context.org.workspaces.map((w) => w.id);
    // The crash of the issue: a CSV button forged to 99 years of raw readings of 50 rooms.
    const forged = await press(
      'CSV button: 2000-01-01 to 2099-01-01, 50 rooms, all 6 metrics, aggregation none',
      csv({
        workspaceIds: ids.slice(0, 50),
        metrics: ALL_METRICS,
        from: '2000-01-01T00:00:00Z',
        to: '2099-01-01T00:00:00Z',
        aggregation: 'none',
      }),
    );
    assert.match(shownText(forged), /400 days/);
    assert.match(shownText(forged), /daily/);
    const rows = await csvFile(forged);
    assert.ok(rows.length > 0 && rows.length <= 100_000, `${rows.length} rows`);
    assert.ok(earliestStart(rows) >= Date.now() - 401 * DAY_MS, 'no row older than the history limit');

    refusal(
      await press(
        'CSV button: from after to',
        csv({ from: '2025-06-01T00:00:00Z', to: '2025-05-01T00:00:00Z' }),
      ),
      /not one I can read.*Nothing was exported/s,
    );
    refusal(
      await press(
        'CSV button: from and to in the future',
        csv({ from: '2090-01-01T00:00:00Z', to: '2095-01-01T00:00:00Z' }),
      ),
      /in the future.*Nothing was exported/s,
    );
    refusal(
      await press('CSV button: non-ISO dates', csv({ from: '01/02/2025', to: 'yesterday' })),
      /didn't understand that button/,
    );
    refusal(
      await press(
        'CSV button: dates without an offset',
        csv({ from: '2025-01-01 00:00', to: '2025-02-01 00:00' }),
      ),
      /didn't understand that button/,
    );
    const raw400 = await press(
      'CSV button: aggregation none over 400 days, one room',
      csv({ from: new Date(Date.now() - 400 * DAY_MS).toISOString(), aggregation: 'none' }),
    );
    assert.match(shownText(raw400), /Single readings are shown for up to 48 h: showing daily averages/);
    assert.ok((await csvFile(raw400)).length <= 401);
    refusal(
      await press(
        'CSV button: 50 unknown workspace ids',
        csv({ workspaceIds: Array.from({ length: 50 }, (_, i) => `forged-${i}-${'x'.repeat(200)}`) }),
      ),
      /no longer in the directory.*nothing to export/s,
    );
    const all = await press(
      'CSV button: allRooms, temperature, 1 year raw',
      csv({ allRooms: true, from: new Date(Date.now() - 365 * DAY_MS).toISOString(), aggregation: 'none' }),
    );
    assert.match(shownText(all), /daily averages/);
    assert.match(shownText(all), /more rooms/);
    await csvFile(all);
    refusal(
      await press('CSV button: floorId of a floor that does not exist', csv({ floorId: 'no-such-floor' })),
      /nothing to export/,
    );
    refusal(
      await press('CSV button: locationId of a site that does not exist', csv({ locationId: 'nowhere' })),
      /nothing to export/,
    );
    refusal(
      await press(
        'CSV button: 51 workspace ids (over the 50 a button may name)',
        csv({ workspaceIds: ids.slice(0, 51) }),
      ),
      /didn't understand that button/,
    );
    refusal(
      await press('CSV button: a metric Webex does not measure (co2)', csv({ metrics: ['co2'] })),
      /didn't understand that button/,
    );
    refusal(
      await press('ask button: a 10,000-character question', {
        kind: 'ask',
        text: `temperature ${'x'.repeat(10_000)}`,
      }),
      /didn't understand that button/,
    );
    // Raw readings are what fills memory: every metric of every room for 48 h is more points than
    // one answer holds (100,000), so fewer rooms and a shorter window are read, and said so.
    const rawAll = await press(
      'CSV button: allRooms, all 6 metrics, last 48 h raw',
      csv({
        allRooms: true,
        metrics: ALL_METRICS,
        from: new Date(Date.now() - 48 * 3600_000).toISOString(),
        aggregation: 'none',
      }),
    );
    assert.match(shownText(rawAll), /showing/);
    assert.ok((await csvFile(rawAll)).length <= 100_000);
    const allScope = await press(
      'CSV button: allRooms, all 6 metrics, 0000-01-01 to 9999-12-31, aggregation none',
      csv({
        allRooms: true,
        metrics: ALL_METRICS,
        from: '0000-01-01T00:00:00Z',
        to: '9999-12-31T23:59:59Z',
        aggregation: 'none',
      }),
    );
    assert.match(shownText(allScope), /400 days/);
    assert.match(shownText(allScope), /showing/);
    const allRows = await csvFile(allScope);
    assert.ok(allRows.length <= 100_000, `${allRows.length} rows`);
    assert.ok(earliestStart(allRows) >= Date.now() - 401 * DAY_MS, 'no row older than the history limit');
    cardSaying(
      await press('follow-up button: "last 99999 days"', { kind: 'followup', text: 'last 99999 days' }),
      /400 days/,
    );
  });

  it('answered each ask exactly once, never ran out of memory, and still answers a normal question', async () => {
    assert.ok(alive(), 'the bot process is still running');
    const last = await ask('temperature in Room 4 last 6 hours', 'final: temperature in Room 4 last 6 hours');
    cardSaying(last, /Room 4/);
    // Every ask's messages: those after it was sent and before the next one was.
    const all = botMessages();
    for (const [i, e] of exchanges.entries()) {
      const next = exchanges[i + 1];
      if (!next) break;
      const answers = all.filter((m) => !e.known.has(m.id) && next.known.has(m.id) && !isProgress(m));
      assert.equal(
        answers.length,
        1,
        `exactly one answer to ${e.label}: ${answers.map((m) => shownText(m).slice(0, 200)).join(' | ')}`,
      );
    }
    assert.doesNotMatch(`${stderr}\n${stdout}`, /heap out of memory|Allocation failed|FATAL ERROR/i);
    peakRssMb = peakRss(child.pid);
    const asks = exchanges.filter((e) => !/^(warm-up|final):/.test(e.label));
    assert.ok(asks.length >= 22, `${asks.length} oversized or forged asks`);
    for (const e of exchanges)
      console.log(
        `  ${(e.ms / 1000).toFixed(2).padStart(6)} s ${e.peakRssMb.toFixed(0).padStart(4)} MB  ${kindOf(e.answer).padEnd(4)}  ${e.label}\n${' '.repeat(17)}→ ${shownText(e.answer).replace(/\s+/g, ' ').slice(0, 220)}`,
      );
    const logged = `${stderr}\n${stdout}`.split('\n').filter(Boolean);
    for (const line of logged.slice(0, 5)) console.log(`  the bot logged: ${line.slice(0, 300)}`);
    const slowest = asks.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `bounded answers: ${asks.length} asks answered once each; max answer time ${(slowest.ms / 1000).toFixed(2)} s (${slowest.label}); bot peak RSS ${peakRssMb.toFixed(0)} MB`,
    );
  });
});
