/**
 * Weekly site reports end to end: the ReportRunner against the real Webex API emulator, a file
 * store and a fake clock. What the report says is checked against the API's own answers (booked and
 * used time of every room of the site this week and the week before; the dead device's last
 * reading), and a 2,000-room organisation's report against the calls it made.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { ReportRunner } from '../../src/automation/report-runner';
import { REPORT_CALL_BUDGET } from '../../src/automation/site-report';
import { QuickChartRenderer } from '../../src/charts/quickchart-renderer';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { DEFAULT_COMFORT_BANDS } from '../../src/metrics';
import { ReadingsCache } from '../../src/readings/readings-cache';
import { openSqliteStore, STORE_FILE_NAME, type Store } from '../../src/store';
import { createWebexClient } from '../../src/webex/client';
import { hoursAsShown as hours } from '../support/card-text';
import { apiDurations, apiReadings, call, reportSpace } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';

const OSLO = 'Europe/Oslo';
const MINUTE = 60_000;
const at = (local: string) => DateTime.fromISO(local, { zone: OSLO }).toMillis();

const change = (now: number, before: number) => {
  const delta = Math.round(now - before);
  return delta === 0
    ? 'same as the week before'
    : `${delta > 0 ? '+' : '−'}${hours(Math.abs(delta))} on the week before`;
};

/** Total minutes of one measurement of one room over [from, to), as the API has them. */
const apiMinutes = async (...args: Parameters<typeof apiDurations>): Promise<number> =>
  (await apiDurations(...args)).reduce((sum, bucket) => sum + bucket.duration, 0);

interface Setup {
  clock: FakeClock;
  emulator: RunningEmulator;
  store: Store;
  runner: ReportRunner;
  roomId: string;
  botId: string;
  creator: { personId: string; email: string };
  dir: string;
  calls: string[];
}

async function setUp(
  start: number,
  options: Partial<EmulatorOptions> = {},
  withCache = false,
): Promise<Setup> {
  const clock = new FakeClock(start);
  const calls: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    now: clock.now,
    onRequest: (line) => calls.push(line),
    ...options,
  });
  const { roomId, botId, creator } = await reportSpace(emulator);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-metrics-site-report-'));
  const store = openSqliteStore({ file: path.join(dir, STORE_FILE_NAME) });
  const webex = createWebexClient({
    baseUrl: emulator.url,
    botToken: emulator.botToken,
    admin: { token: emulator.adminToken },
    now: clock.now,
    http: { sleep: clock.sleep },
  });
  const runner = new ReportRunner({
    store,
    webex,
    charts: new QuickChartRenderer(),
    bands: DEFAULT_COMFORT_BANDS,
    now: clock.now,
    log: pino({ level: 'silent' }),
    spaceOf: async () => ({ timeZone: OSLO, unit: 'celsius' as const }),
    lateLimitMs: 6 * 3_600_000,
    ...(withCache ? { cache: new ReadingsCache({ maxBytes: 64 * 1024 * 1024, store, now: clock.now }) } : {}),
  });
  return {
    clock,
    emulator,
    store,
    runner,
    roomId,
    botId,
    creator,
    dir,
    calls,
  };
}

async function tearDown(s: Setup): Promise<void> {
  s.store.close();
  await s.emulator.close();
  fs.rmSync(s.dir, { recursive: true, force: true });
}

const posts = (s: Setup): StoredMessage[] =>
  [...s.emulator.context.store.messages.values()].filter(
    (m) => m.roomId === s.roomId && m.personId === s.botId,
  );

/** The workspaces of the emulator's site `site` ("Oslo HQ"), as the API lists them. */
async function roomsAt(s: Setup, site: string): Promise<{ id: string; displayName: string }[]> {
  const listed = (await call(s.emulator, 'GET', '/workspaces?max=1000')).body as {
    items: { id: string; displayName: string; locationId: string }[];
  };
  const locations = (await call(s.emulator, 'GET', '/locations')).body as {
    items: { id: string; displayName?: string; name?: string }[];
  };
  const location = locations.items.find((l) => (l.displayName ?? l.name) === site);
  assert.ok(location, `the emulator has a site named ${site}`);
  return listed.items.filter((w) => w.locationId === location.id);
}

/** The start of the room's last hourly bucket of any sensor in [from, to), as the API has it (0: none). */
async function lastHourlyBucket(s: Setup, workspaceId: string, from: number, to: number): Promise<number> {
  let last = 0;
  for (const metric of ['temperature', 'humidity', 'tvoc', 'ambientNoise']) {
    const buckets = await apiReadings(s.emulator, workspaceId, metric, from, to, 'hourly');
    for (const b of buckets) last = Math.max(last, b.t);
  }
  return last;
}

/** Ticks every 5 min until `until`. */
async function tickUntil(s: Setup, until: number): Promise<void> {
  while (s.clock.now() + 5 * MINUTE <= until) {
    s.clock.advance(5 * MINUTE);
    await s.runner.tick();
  }
}

/** A report into the test space, set up by Ingrid now; `schedule` says which rooms, when and how often. */
function createReport(
  s: Setup,
  schedule: Omit<Parameters<Store['createReport']>[0], 'roomId' | 'createdBy' | 'createdAt'>,
) {
  return s.store.createReport({
    roomId: s.roomId,
    ...schedule,
    createdBy: s.creator,
    createdAt: s.clock.now(),
  });
}

/** The one report the bot posted into the test space, and its markdown (printed with SHOW_ANSWERS). */
function onlyPost(s: Setup, message?: string): { post: StoredMessage; md: string } {
  const mine = posts(s);
  assert.equal(mine.length, 1, message);
  const post = mine[0]!;
  const md = post.markdown ?? '';
  if (process.env.SHOW_ANSWERS) console.log(md);
  return { post, md };
}

describe('weekly site report (end to end through the emulator)', function () {
  this.timeout(120_000);
  let s: Setup | undefined;
  afterEach(async () => {
    if (s) await tearDown(s);
    s = undefined;
  });

  it('posts Oslo HQ’s week once on Monday 08:00: used and booked hours against the week before, and the dead device, as the API has them', async () => {
    s = await setUp(at('2026-12-07T07:40'));
    const rooms = await roomsAt(s, 'Oslo HQ');
    assert.ok(rooms.length >= 5, 'Oslo HQ has its rooms');
    const report = await createReport(s, {
      rooms: { workspaceIds: rooms.map((r) => r.id) },
      time: '08:00',
      days: 'weekly',
      weekday: 1,
    });
    await tickUntil(s, at('2026-12-07T09:00'));

    const { post, md } = onlyPost(s, 'one report for the slot');
    assert.equal(DateTime.fromISO(post.created, { zone: OSLO }).toFormat('ccc HH:mm'), 'Mon 08:00');
    assert.equal(md.split('\n')[0], '**Weekly report · Oslo HQ**');
    assert.equal(md.split('\n')[1], 'Mon 30 Nov 00:00 – Mon 7 Dec 00:00 (Europe/Oslo)');
    assert.ok(md.includes(`**cancel report ${report.id}**`));

    // Used and booked time of the whole site, this week and the week before, from the API.
    const week = { from: at('2026-11-30T00:00'), to: at('2026-12-07T00:00') };
    const before = { from: at('2026-11-23T00:00'), to: at('2026-11-30T00:00') };
    let used = 0;
    let usedBefore = 0;
    let booked = 0;
    let bookedBefore = 0;
    for (const room of rooms) {
      used += await apiMinutes(s.emulator, room.id, 'timeUsed', week.from, week.to);
      usedBefore += await apiMinutes(s.emulator, room.id, 'timeUsed', before.from, before.to);
      booked += await apiMinutes(s.emulator, room.id, 'timeBooked', week.from, week.to);
      bookedBefore += await apiMinutes(s.emulator, room.id, 'timeBooked', before.from, before.to);
    }
    assert.ok(used > 0 && booked > 0, 'the site was booked and used');
    const usedText = `Used ${hours(used)} (${change(used, usedBefore)})`;
    const bookedText = `booked ${hours(booked)} (${change(booked, bookedBefore)})`;
    assert.ok(md.includes(`${usedText} · ${bookedText}`), `${usedText} · ${bookedText}\n${md}`);

    // Focus Booth 1's device went dead on Tue 1 Dec: its last hourly bucket in the API, plus an hour.
    const booth = rooms.find((r) => r.displayName === 'Focus Booth 1')!;
    const last = await lastHourlyBucket(s, booth.id, week.from, at('2026-12-02T00:00'));
    assert.ok(last > 0, 'the booth reported before it died');
    const hourTo = DateTime.fromMillis(last + 3_600_000, { zone: OSLO }).toFormat('ccc d LLL HH:mm');
    assert.match(
      md,
      new RegExp(`\\*\\*Focus Booth 1\\*\\*: Device offline, last reading in the hour to ${hourTo}`),
    );

    // A restart of the ticking later that morning posts nothing more.
    await tickUntil(s, at('2026-12-07T12:00'));
    assert.equal(posts(s).length, 1);
  });

  it('posts Bergen Office’s monthly report on the 1st at 09:00, covering November, against October, as the API has it', async () => {
    s = await setUp(at('2026-12-01T08:50'));
    const rooms = await roomsAt(s, 'Bergen Office');
    await createReport(s, {
      rooms: { workspaceIds: rooms.map((r) => r.id) },
      time: '09:00',
      days: 'monthly',
      dayOfMonth: 1,
    });
    await tickUntil(s, at('2026-12-01T10:00'));
    const { md } = onlyPost(s);
    assert.equal(md.split('\n')[0], '**Monthly report · Bergen Office**');
    assert.equal(md.split('\n')[1], 'Sun 1 Nov 00:00 – Tue 1 Dec 00:00 (Europe/Oslo)');
    const month = { from: at('2026-11-01T00:00'), to: at('2026-12-01T00:00') };
    const before = { from: at('2026-10-01T00:00'), to: at('2026-11-01T00:00') };
    let used = 0;
    let usedBefore = 0;
    for (const room of rooms) {
      used += await apiMinutes(s.emulator, room.id, 'timeUsed', month.from, month.to);
      usedBefore += await apiMinutes(s.emulator, room.id, 'timeUsed', before.from, before.to);
    }
    const expected = `Used ${hours(used)} (${change(used, usedBefore).replace('week', 'month')})`;
    assert.ok(md.includes(expected), `${expected}\n${md}`);
  });

  it('the daily report says what needs attention: Focus Booth 1 gone quiet (its last reading as the API has it) and rooms outside their band, with since when', async () => {
    s = await setUp(at('2026-12-02T07:50'));
    const listed = (await call(s.emulator, 'GET', '/workspaces?max=1000')).body as {
      items: { id: string; displayName: string }[];
    };
    const named = (n: string) => listed.items.find((w) => w.displayName === n)!;
    const booth = named('Focus Booth 1');
    await createReport(s, {
      rooms: { workspaceIds: ['Focus Booth 1', 'Fjord', 'Room 4'].map((n) => named(n).id) },
      time: '08:00',
      days: 'daily',
    });
    await tickUntil(s, at('2026-12-02T08:10'));
    const [post] = posts(s);
    assert.ok(post);
    const md = post.markdown ?? '';
    if (process.env.SHOW_ANSWERS) console.log(md);
    assert.ok(md.includes('**Needs attention (Europe/Oslo)**'), md);
    // The device died on Tue 1 Dec at 10:20: its last hourly bucket in the API, plus an hour.
    const last = await lastHourlyBucket(s, booth.id, at('2026-12-01T00:00'), at('2026-12-02T00:00'));
    const hourTo = DateTime.fromMillis(last + 3_600_000, { zone: OSLO }).toFormat('ccc d LLL HH:mm');
    assert.equal(hourTo, 'Tue 1 Dec 11:00');
    assert.match(
      md,
      new RegExp(`- \\*\\*Focus Booth 1\\*\\*: Device offline, last reading in the hour to ${hourTo}`),
    );
    // The section sits before the rooms' own lines, and is on the card too.
    assert.ok(md.indexOf('Needs attention') < md.indexOf('\n**Fjord**'));
    assert.ok(JSON.stringify(post.attachments).includes('Needs attention (Europe/Oslo)'));
  });

  it('a week of hourly readings is fetched once: Send now after the Monday report reads no sensor data again', async () => {
    s = await setUp(at('2026-12-07T07:55'), {}, true);
    const report = await createReport(s, {
      rooms: { all: true },
      time: '08:00',
      days: 'weekly',
      weekday: 1,
    });
    const readingCalls = () => s!.calls.filter((line) => /\/workspaceMetrics/.test(line)).length;
    await tickUntil(s, at('2026-12-07T08:05'));
    const first = readingCalls();
    assert.ok(first > 0, 'the report read the week');
    if (process.env.SHOW_ANSWERS) console.log(`readings calls, cold: ${first}`);
    s.clock.advance(10 * MINUTE);
    await s.runner.sendNow(report);
    assert.equal(posts(s).length, 2);
    assert.equal(readingCalls(), first, `no sensor reads the second time (first: ${first} calls)`);
  });

  it('a 2,000-room organisation: one report within the call budget, saying how many rooms it read', async function () {
    this.timeout(300_000);
    s = await setUp(at('2026-12-07T07:55'), { workspaces: 2000 });
    await createReport(s, {
      rooms: { all: true },
      time: '08:00',
      days: 'weekly',
      weekday: 1,
    });
    await tickUntil(s, at('2026-12-07T08:05'));
    const { md } = onlyPost(s);
    const metricCalls = s.calls.filter((line) => /\/workspace(?:Duration)?Metrics/.test(line)).length;
    assert.ok(metricCalls <= REPORT_CALL_BUDGET, `${metricCalls} metric calls`);
    if (process.env.SHOW_ANSWERS) console.log(`2,000 rooms: ${metricCalls} metric calls`);
    assert.match(md, /of 2,000 rooms/);
    assert.match(md, /Showing \d+ of/);
  });
});
