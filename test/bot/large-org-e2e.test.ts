/**
 * The bot in a 2,000-room organisation, end to end: the real bot (`startBot`, in a process of its
 * own) against the Webex API emulator (in this process), both on one fixed clock. People ask in a
 * space; the test reads what they would see (the card, the progress line) and counts, from the
 * emulator's own request log, the Workspace Metrics calls each answer cost.
 *
 * Why a child process: webex-node-bot-framework binds to one Webex base URL per process, and the
 * other e2e tests share a 13-room emulator; this organisation needs an emulator of its own.
 *
 * Everything expected (rooms in scope, sensors, windows, the calls a cache cannot avoid) is
 * computed here from the emulator's directory (admin API, `includeCapabilities=true`), the
 * calendar and the calls already made, never from the bot's code.
 *
 * The `it`s run in order and share one bot (its readings cache is the point of the last one).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { createEmulator, type RunningEmulator } from '../../src/emulator/server';
import { freePort } from '../../src/free-port';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { Chat, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';
import { eventually } from '../support/framework-emulator';

const ROOT = path.join(__dirname, '..', '..');
const OSLO = 'Europe/Oslo';
const HOUR = 3_600_000;
/** The longest window one Workspace Metrics call may cover (raw readings and hourly buckets). */
const MAX_CALL_SPAN = 48 * HOUR;
const ROOMS = 2000;

/** The fixed clock of the emulator and the bot: a Wednesday afternoon in Oslo (13:30 UTC). */
const NOW = DateTime.fromISO('2026-11-18T14:30:00', { zone: OSLO }).toMillis();
/**
 * Readings of an hour that has ended do not change any more; the current UTC hour (13:00–13:30)
 * is the incomplete edge every answer that reaches "now" has to read again.
 */
const COMPLETE = Math.floor(NOW / HOUR) * HOUR;
const localMidnight = (daysAgo: number) =>
  DateTime.fromMillis(NOW, { zone: OSLO }).startOf('day').minus({ days: daysAgo }).toMillis();

type Aggregation = 'none' | 'hourly';
interface Window {
  from: number;
  to: number;
  aggregation: Aggregation;
}
/** What the questions mean on the calendar: "now" is the last hour of single readings. */
const WINDOWS = {
  now: { from: NOW - HOUR, to: NOW, aggregation: 'none' },
  yesterday: { from: localMidnight(1), to: localMidnight(0), aggregation: 'hourly' },
  today: { from: localMidnight(0), to: NOW, aggregation: 'hourly' },
  last24h: { from: NOW - 24 * HOUR, to: NOW, aggregation: 'hourly' },
} as const satisfies Record<string, Window>;

/** Webex's capability for each sensor metric (the documented `CapabilityMap` keys). */
const CAPABILITY = {
  temperature: 'temperature',
  humidity: 'relativeHumidity',
  tvoc: 'airQuality',
  ambientNoise: 'ambientNoise',
  soundLevel: 'soundLevel',
  peopleCount: 'occupancyDetection',
} as const;
type Metric = keyof typeof CAPABILITY;
const ALL_METRICS = Object.keys(CAPABILITY) as Metric[];

interface Workspace {
  id: string;
  displayName: string;
  floorId?: string;
  capabilities?: Partial<Record<string, { supported: boolean }>>;
}

interface Floor {
  id: string;
  locationId: string;
  floorNumber: number;
}

/** One GET /workspaceMetrics the bot made, as the emulator logged and received it. */
interface MetricCall {
  workspaceId: string;
  metric: string;
  aggregation: string;
  from: number;
  to: number;
  status: number;
}

interface Turn {
  messages: StoredMessage[];
  card: StoredMessage;
  progress: StoredMessage[];
  metricCalls: MetricCall[];
  capabilityCalls: number;
}

interface CardNode {
  type?: string;
  text?: string;
  body?: CardNode[];
  items?: CardNode[];
  columns?: CardNode[];
  actions?: { title: string; data?: Record<string, unknown> }[];
}

/** Every text the card shows, as a reader sees it (markdown escapes removed). */
function cardText(message: StoredMessage): string {
  const walk = (n: CardNode): string[] => [
    n.text ?? '',
    ...[...(n.body ?? []), ...(n.items ?? []), ...(n.columns ?? [])].flatMap(walk),
  ];
  const card = message.attachments?.[0]?.content as CardNode | undefined;
  assert.ok(card, `a card: ${message.markdown ?? message.text}`);
  return walk(card).join('\n').replace(/\\/g, '');
}

const numberIn = (text: string, pattern: RegExp, what: string): number[] => {
  const match = pattern.exec(text);
  assert.ok(match, `the card says ${what} (${pattern}); it shows:\n${text}`);
  return match.slice(1).map((n) => Number(n!.replace(/,/g, '')));
};

/** The emulator with its request log; the wrapper adds each logged request's query (by trackingId). */
async function startLoggedEmulator(log: string[], queries: Map<string, string>) {
  const { app, context, traffic, info } = createEmulator({
    workspaces: ROOMS,
    now: () => NOW,
    onRequest: (line) => log.push(line),
  });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    res.on('finish', () => {
      const trackingId = res.getHeader('TrackingID');
      if (typeof trackingId === 'string') queries.set(trackingId, url);
    });
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const emulator: RunningEmulator = {
    ...info(`http://127.0.0.1:${port}/v1`),
    context,
    traffic,
    close: async () => {
      await context.webhooks.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}

/** The real bot (`startBot`, serve mode, in-memory store) in a child process on the fixed clock. */
async function startBotProcess(emulator: RunningEmulator): Promise<{ child: ChildProcess; botId: string }> {
  const port = await freePort();
  const env = {
    ...process.env,
    ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
    WEBHOOK_SECRET,
    DEFAULT_TIME_ZONE: OSLO,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: ':memory:',
    LARGE_ORG_NOW: String(NOW),
  };
  const script = `
    const { startBot } = require(${JSON.stringify(path.join(ROOT, 'src/bot/bot-app.ts'))});
    const { readSettings } = require(${JSON.stringify(path.join(ROOT, 'src/bot/settings.ts'))});
    const now = Number(process.env.LARGE_ORG_NOW);
    startBot(readSettings(process.env), { now: () => now, automation: false }).then(
      (bot) => {
        process.on('disconnect', () => bot.stop().finally(() => process.exit(0)));
        process.send({ botId: bot.me.id });
      },
      (error) => { console.error(error); process.exit(1); },
    );`;
  const child = spawn(
    process.execPath,
    ['-r', 'tsx/cjs', '-r', path.join(ROOT, 'test/support/loopback-only.ts'), '-e', script],
    { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const botId = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { botId: string }).botId));
    child.once('exit', (code) => reject(new Error(`the bot process exited (${code}) before it was ready`)));
  });
  return { child, botId };
}

/** Every page of a list (Link rel="next"), with the admin token. */
async function listAll<T>(emulator: RunningEmulator, first: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = first;
  while (next) {
    const page = await call(emulator, 'GET', next);
    assert.equal(page.status, 200, page.text);
    items.push(...(page.body as { items: T[] }).items);
    next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
  }
  return items;
}

/** Hours (UTC starts) a window needs: every hour bucket that overlaps it. */
function hoursOf(w: Window): number[] {
  const hours: number[] = [];
  for (let h = Math.floor(w.from / HOUR) * HOUR; h < w.to; h += HOUR) hours.push(h);
  return hours;
}

describe('the bot in a 2,000-room organisation (end to end)', function () {
  // About 15-25 s per `it` on an idle 2-core machine; the margin is for a busy one.
  this.timeout(90_000);
  const log: string[] = [];
  const queries = new Map<string, string>();
  let emulator: RunningEmulator;
  let child: ChildProcess | undefined;
  let chat: Chat;
  let space: string;
  let workspaces: Workspace[];
  let floor2: Workspace[];
  let locations: { id: string; name?: string; displayName?: string }[];
  const floors: Floor[] = [];
  const roomsOnFloor = (list: readonly Floor[]) => {
    const ids = new Set(list.map((f) => f.id));
    return workspaces.filter((w) => w.floorId !== undefined && ids.has(w.floorId));
  };
  /** Complete hours the bot has read whole, per series (workspace|metric|aggregation). */
  const readWhole = new Map<string, Set<number>>();
  const firstTurns = new Map<string, Turn>();

  const hasSensor = (w: Workspace, metric: Metric) =>
    w.capabilities?.[CAPABILITY[metric]]?.supported === true;
  const series = (rooms: readonly Workspace[], metrics: readonly Metric[]) =>
    rooms.flatMap((room) => metrics.filter((m) => hasSensor(room, m)).map((metric) => ({ room, metric })));
  const seriesKey = (workspaceId: string, metric: string, aggregation: string) =>
    `${workspaceId}|${metric}|${aggregation}`;

  /**
   * The fewest calls that read a window for these series given what was read before: per series,
   * the hours not yet read whole, covered greedily by 48-hour calls (0 when every hour is known).
   */
  function minimumCalls(rooms: readonly Workspace[], metrics: readonly Metric[], w: Window): number {
    let calls = 0;
    for (const { room, metric } of series(rooms, metrics)) {
      const known = readWhole.get(seriesKey(room.id, metric, w.aggregation)) ?? new Set<number>();
      let coveredUntil = Number.NEGATIVE_INFINITY;
      for (const h of hoursOf(w)) {
        if (known.has(h) || h < coveredUntil) continue;
        calls++;
        coveredUntil = h + MAX_CALL_SPAN;
      }
    }
    return calls;
  }

  /** Calls that read an hour this series had already read whole (and that had ended). */
  function rereads(calls: readonly MetricCall[]): string[] {
    return calls.flatMap((c) => {
      const known = readWhole.get(seriesKey(c.workspaceId, c.metric, c.aggregation)) ?? new Set<number>();
      const again = hoursOf({ ...c, aggregation: 'hourly' }).filter(
        (h) => known.has(h) && h >= c.from && h + HOUR <= c.to,
      );
      return again.length > 0
        ? [
            `${c.metric} of ${c.workspaceId} re-read ${again.map((h) => new Date(h).toISOString()).join(', ')}`,
          ]
        : [];
    });
  }

  /** Remembers the complete hours each call read whole. */
  function remember(calls: readonly MetricCall[]) {
    for (const c of calls) {
      const key = seriesKey(c.workspaceId, c.metric, c.aggregation);
      const known = readWhole.get(key) ?? new Set<number>();
      for (let h = Math.ceil(c.from / HOUR) * HOUR; h + HOUR <= Math.min(c.to, COMPLETE); h += HOUR)
        known.add(h);
      readWhole.set(key, known);
    }
  }

  /**
   * One turn of the conversation: `act` posts a message or presses a button; the turn ends when
   * the bot's card is posted and its progress line (if any) says the answer is below. Returns what
   * the bot posted and the calls its admin token made meanwhile.
   */
  async function turn(act: () => Promise<void>): Promise<Turn> {
    const known = new Set([...emulator.context.store.messages.keys()]);
    const logStart = log.length;
    const startedAt = Date.now();
    await act();
    const fresh = () =>
      [...emulator.context.store.messages.values()].filter(
        (m) => m.roomId === space && m.personId === chat.botId && !known.has(m.id),
      );
    await eventually(() => fresh().find((m) => m.attachments?.length), 'the answer card', 45_000);
    const progress = fresh().filter((m) => !m.attachments?.length);
    for (const message of progress) {
      await eventually(
        async () => {
          const read = await call(emulator, 'GET', `/messages/${message.id}`, {
            token: emulator.userTokens.ingrid,
          });
          const markdown = (read.body as { markdown?: string }).markdown ?? '';
          return /answer is below/.test(markdown) ? markdown : undefined;
        },
        'the progress line to say the answer is below',
        10_000,
      );
    }
    // Nothing else is on its way (a second card, a late line).
    await new Promise((resolve) => setTimeout(resolve, 150));
    await emulator.context.webhooks.idle();
    const messages = fresh();
    if (process.env.LARGE_ORG_REPORT) console.log(`turn: ${Date.now() - startedAt} ms`);
    const lines = log.slice(logStart).filter((l) => / admin$/.test(l));
    const metricCalls = lines
      .filter((l) => l.startsWith('GET /v1/workspaceMetrics '))
      .map((line) => {
        const [, , status, , trackingId] = line.split(' ');
        const url = new URL(queries.get(trackingId!) ?? '', 'http://emulator');
        return {
          workspaceId: url.searchParams.get('workspaceId') ?? '',
          metric: url.searchParams.get('metricName') ?? '',
          aggregation: url.searchParams.get('aggregation') ?? 'hourly',
          from: Date.parse(url.searchParams.get('from') ?? ''),
          to: Date.parse(url.searchParams.get('to') ?? ''),
          status: Number(status),
        };
      });
    const capabilityCalls = lines.filter((l) =>
      /^GET \/v1\/workspaces\/[^/ ]+\/capabilities /.test(l),
    ).length;
    const cards = messages.filter((m) => m.attachments?.length);
    assert.equal(cards.length, 1, `one card per answer, got ${cards.length}`);
    return {
      messages,
      card: cards[0]!,
      progress: messages.filter((m) => !m.attachments?.length),
      metricCalls,
      capabilityCalls,
    };
  }

  const ask = (text: string) =>
    turn(async () => {
      const posted = await call(emulator, 'POST', '/messages', {
        token: emulator.userTokens.ingrid,
        json: { roomId: space, markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}` },
      });
      assert.equal(posted.status, 200, posted.text);
    });

  const press = (message: StoredMessage, title: string) =>
    turn(async () => {
      const card = message.attachments?.[0]?.content as CardNode;
      const button = card.actions?.find((a) => a.title === title);
      assert.ok(button?.data, `the card has a "${title}" button`);
      const pressed = await call(emulator, 'POST', '/attachment/actions', {
        token: emulator.userTokens.ingrid,
        json: { type: 'submit', messageId: message.id, inputs: button.data },
      });
      assert.equal(pressed.status, 202, pressed.text);
    });

  /** Checks one turn's calls against the minimum and records what they read. */
  function checkCalls(
    what: string,
    t: Turn,
    scope: { rooms: readonly Workspace[]; metrics: readonly Metric[]; window: Window },
  ): { calls: number; expected: number } {
    const expected = minimumCalls(scope.rooms, scope.metrics, scope.window);
    const inScope = new Set(
      series(scope.rooms, scope.metrics).map((s) => seriesKey(s.room.id, s.metric, '')),
    );
    const perSeries = new Map<string, number>();
    for (const c of t.metricCalls) {
      assert.equal(c.status, 200, `${what}: a metrics call failed (${c.status})`);
      assert.ok(
        inScope.has(seriesKey(c.workspaceId, c.metric, '')),
        `${what}: a call for a series out of scope`,
      );
      assert.equal(c.aggregation, scope.window.aggregation, `${what}: read at the aggregation shown`);
      assert.ok(
        c.from >= Math.floor(scope.window.from / HOUR) * HOUR && c.to <= scope.window.to,
        `${what}: a call outside the window (${new Date(c.from).toISOString()}–${new Date(c.to).toISOString()})`,
      );
      const key = seriesKey(c.workspaceId, c.metric, c.aggregation);
      perSeries.set(key, (perSeries.get(key) ?? 0) + 1);
    }
    assert.deepEqual(rereads(t.metricCalls), [], `${what}: no call re-reads an hour already read whole`);
    assert.equal(t.capabilityCalls, 0, `${what}: no per-room capabilities calls`);
    assert.equal(t.metricCalls.length, expected, `${what}: GET /workspaceMetrics calls`);
    remember(t.metricCalls);
    return { calls: t.metricCalls.length, expected };
  }

  before(async function () {
    this.timeout(60_000);
    emulator = await startLoggedEmulator(log, queries);
    // The emulator's own directory: every room with its capabilities, the floors of every site.
    workspaces = await listAll<Workspace>(emulator, '/workspaces?includeCapabilities=true&max=1000');
    locations = await listAll<{ id: string; name?: string; displayName?: string }>(
      emulator,
      '/locations?max=1000',
    );
    for (const location of locations) {
      const listed = await call(emulator, 'GET', `/locations/${location.id}/floors`);
      floors.push(...(listed.body as { items: Floor[] }).items);
    }
    floor2 = roomsOnFloor(floors.filter((f) => f.floorNumber === 2));
    const started = await startBotProcess(emulator);
    child = started.child;
    chat = new Chat(emulator, started.botId);
    space = await chat.groupSpace('ingrid', 'Facilities, all sites');
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill();
    }
    await emulator?.close();
  });

  it('answers "all rooms now", "warmest yesterday" and "floor 2 today" with one card each, counting every room in scope', async () => {
    assert.equal(workspaces.length, ROOMS, 'the emulated organisation has 2,000 rooms');
    const withTemperature = workspaces.filter((w) => hasSensor(w, 'temperature'));
    assert.ok(
      withTemperature.length > 0 && withTemperature.length < ROOMS,
      'some rooms lack a Room Navigator',
    );
    assert.ok(floor2.length > 25, 'floor 2 has more rooms than one card lists');

    // Every answer: exactly one card, at most one progress line, which ends saying the answer is below.
    const checkTurn = (t: Turn, text: string) => {
      assert.ok(t.progress.length <= 1, `${text}: at most one progress line, got ${t.progress.length}`);
      assert.equal(
        t.messages.length,
        1 + t.progress.length,
        `${text}: nothing but the card and its progress line`,
      );
      if (t.progress[0])
        assert.ok(t.messages.indexOf(t.progress[0]) < t.messages.indexOf(t.card), 'progress first');
    };

    const now = await ask('temperature in all rooms now');
    checkTurn(now, 'all rooms now');
    firstTurns.set('now', now);
    const nowText = cardText(now.card);
    assert.match(nowText, /Temperature now/);
    const [shown, total] = numberIn(nowText, /Showing ([\d,]+) of ([\d,]+) rooms/, 'how many rooms it shows');
    assert.equal(total, ROOMS, 'every room of the organisation is in scope');
    assert.equal(shown, 25, 'one card lists 25 rooms');
    const [noSensor] = numberIn(nowText, /No sensor \(([\d,]+)\)/, 'how many rooms have no sensor');
    assert.equal(noSensor, ROOMS - withTemperature.length, 'rooms without a temperature sensor are counted');

    const warmest = await ask('which room was warmest yesterday');
    checkTurn(warmest, 'warmest yesterday');
    firstTurns.set('yesterday', warmest);
    const warmestText = cardText(warmest.card);
    assert.match(warmestText, /Warmest room/);
    const [ranked, of] = numberIn(
      warmestText,
      /Ranked ([\d,]+) of ([\d,]+) rooms/,
      'how many rooms it ranked',
    );
    assert.equal(of, ROOMS, 'ranked among every room');
    assert.equal(ranked, withTemperature.length, 'every room with a temperature sensor is ranked');
    const [without] = numberIn(warmestText, /([\d,]+) have no temperature sensor/, 'rooms without a sensor');
    assert.equal(without, ROOMS - withTemperature.length);

    const floor = await ask('how was floor 2 today');
    checkTurn(floor, 'floor 2 today');
    firstTurns.set('today', floor);
    const floorText = cardText(floor.card);
    assert.match(floorText, /How the rooms were/);
    const [floorShown, floorTotal] = numberIn(
      floorText,
      /Showing ([\d,]+) of ([\d,]+) rooms/,
      'how many it shows',
    );
    assert.equal(floorTotal, floor2.length, 'every room on a floor numbered 2 is in scope');
    assert.equal(floorShown, 25);

    // The larger reads say what they are doing while they do it.
    assert.equal(now.progress.length, 1, 'reading 2,000 rooms posts a progress line');
    assert.equal(
      floor.progress.length,
      1,
      `reading ${floor2.length} rooms × 6 sensors posts a progress line`,
    );
  });

  it('reads each series once per legal window, and never asks for capabilities room by room', () => {
    const first = (key: string) => {
      const t = firstTurns.get(key);
      assert.ok(t, `the first answer to "${key}" (asked in the test before)`);
      return t;
    };
    const withTemperature = workspaces.filter((w) => hasSensor(w, 'temperature'));
    const counts = [
      checkCalls('all rooms now', first('now'), {
        rooms: workspaces,
        metrics: ['temperature'],
        window: WINDOWS.now,
      }),
      checkCalls('warmest yesterday', first('yesterday'), {
        rooms: workspaces,
        metrics: ['temperature'],
        window: WINDOWS.yesterday,
      }),
      checkCalls('floor 2 today', first('today'), {
        rooms: floor2,
        metrics: ALL_METRICS,
        window: WINDOWS.today,
      }),
    ];
    // On a cold cache the minimum is one call per (room with the sensor, metric): each window ≤ 48 h.
    assert.deepEqual(
      counts.map((c) => c.calls),
      [withTemperature.length, withTemperature.length, series(floor2, ALL_METRICS).length],
    );
  });

  it('asked again or followed up, reads only what it has not read whole: at most one call per series', async () => {
    const withTemperature = workspaces.filter((w) => hasSensor(w, 'temperature'));
    const floorSeries = series(floor2, ALL_METRICS).length;
    const measured: Record<string, number> = {};
    const step = async (
      name: string,
      t: Turn,
      scope: { rooms: readonly Workspace[]; metrics: readonly Metric[]; window: Window },
    ) => {
      const { calls } = checkCalls(name, t, scope);
      assert.ok(calls <= series(scope.rooms, scope.metrics).length, `${name}: at most one call per series`);
      measured[name] = calls;
      return t;
    };
    const everyRoom = { rooms: workspaces, metrics: ['temperature'] as Metric[] };
    const floor = { rooms: floor2, metrics: ALL_METRICS };

    // Buttons and follow-ups continue the person's latest question, so each is pressed or typed
    // right after the question it follows.

    // The last hour of single readings: its part before 13:00 was never read as whole hours, so a
    // repeat reads the hour again, one call per series (the minimum, and no fewer than before).
    await step('all rooms now, again', await ask('temperature in all rooms now'), {
      ...everyRoom,
      window: WINDOWS.now,
    });
    assert.equal(measured['all rooms now, again'], withTemperature.length);
    // "and yesterday?": the ranking has read yesterday's temperature of every room.
    const allYesterday = await step('all rooms now → and yesterday?', await ask('and yesterday?'), {
      ...everyRoom,
      window: WINDOWS.yesterday,
    });
    assert.equal(measured['all rooms now → and yesterday?'], 0);
    const [, allTotal] = numberIn(
      cardText(allYesterday.card),
      /Showing ([\d,]+) of ([\d,]+) rooms/,
      'its scope',
    );
    assert.equal(allTotal, ROOMS, 'the follow-up keeps every room');

    // Yesterday is complete and was read: nothing to read.
    const warmestAgain = await step(
      'warmest yesterday, again',
      await ask('which room was warmest yesterday'),
      {
        ...everyRoom,
        window: WINDOWS.yesterday,
      },
    );
    assert.equal(measured['warmest yesterday, again'], 0, 'a complete day already read costs no call');
    assert.match(cardText(warmestAgain.card), /Warmest room/);
    // Its "Last 24 h": yesterday evening is known; floor 2's morning too ("floor 2 today"), so
    // those rooms read only the current hour; the others read this morning once.
    const last24 = await step('warmest yesterday → Last 24 h', await press(warmestAgain.card, 'Last 24 h'), {
      ...everyRoom,
      window: WINDOWS.last24h,
    });
    assert.equal(measured['warmest yesterday → Last 24 h'], withTemperature.length);
    const floorIds = new Set(floor2.map((w) => w.id));
    for (const c of last24.metricCalls)
      assert.equal(c.from, floorIds.has(c.workspaceId) ? COMPLETE : WINDOWS.today.from, 'nothing read twice');
    assert.match(cardText(last24.card), /Warmest room/);

    // Today: only the incomplete edge, the current hour.
    const floorAgain = await step('floor 2 today, again', await ask('how was floor 2 today'), {
      ...floor,
      window: WINDOWS.today,
    });
    assert.equal(measured['floor 2 today, again'], floorSeries);
    for (const c of floorAgain.metricCalls)
      assert.equal(c.from, COMPLETE, 'a repeat of today reads only the current hour');
    // "and yesterday?": temperature yesterday was read for every room already.
    const yesterday = await step('floor 2 today → and yesterday?', await ask('and yesterday?'), {
      ...floor,
      window: WINDOWS.yesterday,
    });
    assert.equal(
      measured['floor 2 today → and yesterday?'],
      floorSeries - series(floor2, ['temperature']).length,
    );
    assert.ok(yesterday.metricCalls.every((c) => c.metric !== 'temperature'));
    const [, yesterdayTotal] = numberIn(
      cardText(yesterday.card),
      /Showing ([\d,]+) of ([\d,]+) rooms/,
      'its scope',
    );
    assert.equal(yesterdayTotal, floor2.length, 'the follow-up keeps the floor');

    // A repeat that has something complete to reuse costs fewer calls than the first answer.
    assert.ok(measured['warmest yesterday, again']! < firstTurns.get('yesterday')!.metricCalls.length);
    assert.ok(measured['floor 2 today → and yesterday?']! < floorSeries);
    assert.ok(measured['all rooms now → and yesterday?']! < withTemperature.length);
    if (process.env.LARGE_ORG_REPORT) console.log(JSON.stringify(measured));
  });

  // When the cached hours sit in the middle of a window (today is known, yesterday afternoon is
  // not), one call of at most 48 h covers the head and the incomplete tail together.
  it('"today" then "Last 24 h" costs at most one call per series', async () => {
    const trondheim = locations.find((l) => (l.name ?? l.displayName) === 'Trondheim Office');
    assert.ok(trondheim, 'a Trondheim office');
    const rooms = roomsOnFloor(floors.filter((f) => f.locationId === trondheim.id && f.floorNumber === 3));
    const scope = { rooms, metrics: ALL_METRICS };
    const today = await ask('how was floor 3 in Trondheim today');
    const [total] = numberIn(cardText(today.card), /(?:All|Showing [\d,]+ of) ([\d,]+) rooms/, 'its scope');
    assert.equal(total, rooms.length);
    checkCalls('Trondheim floor 3 today', today, { ...scope, window: WINDOWS.today });
    const last24 = await press(today.card, 'Last 24 h');
    const perSeries = new Map<string, number>();
    for (const c of last24.metricCalls)
      perSeries.set(`${c.workspaceId}|${c.metric}`, (perSeries.get(`${c.workspaceId}|${c.metric}`) ?? 0) + 1);
    assert.deepEqual(
      [...perSeries.values()].filter((n) => n > 1),
      [],
      'at most one call per series',
    );
    assert.equal(last24.metricCalls.length, minimumCalls(rooms, ALL_METRICS, WINDOWS.last24h));
  });
});
