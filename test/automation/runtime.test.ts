/**
 * The automation runtime end to end: ReportRunner and AlertRunner against the real Webex API
 * emulator, a file-backed store and a fake clock. Each scenario is what a facility manager would
 * check in the space: how many posts, when, and what they say. A "restart" closes the store and
 * the runners, reopens the same database file and builds new runner objects and a new Webex
 * client (the emulator, i.e. Webex, keeps running).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { AlertRunner } from '../../src/automation/alert-runner';
import { ReportRunner } from '../../src/automation/report-runner';
import { slotKey } from '../../src/automation/report-schedule';
import { QuickChartRenderer } from '../../src/charts/quickchart-renderer';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { scriptSensor } from '../../src/emulator/org/sensors';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { DEFAULT_COMFORT_BANDS } from '../../src/metrics';
import type { AlertRule, ReportSubscription } from '../../src/model';
import { openSqliteStore, STORE_FILE_NAME, type Store } from '../../src/store';
import { createWebexClient } from '../../src/webex/client';
import type { MetricName } from '../../src/webex/wire';
import { reportSpace } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';

const OSLO = 'Europe/Oslo';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEP = 5 * MINUTE;

/** A local wall-clock time in Oslo → epoch ms (only unambiguous times). */
const at = (local: string) => DateTime.fromISO(local, { zone: OSLO }).toMillis();
/** Epoch ms → "2026-10-25T08:00+01:00", as someone in Oslo reads it. */
const local = (ms: number) => DateTime.fromMillis(ms, { zone: OSLO }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
/** Epoch ms → "10:45" (scenarios that stay within one day). */
const clockOf = (ms: number) => DateTime.fromMillis(ms, { zone: OSLO }).toFormat('HH:mm');

const silent = pino({ level: 'silent' });
const charts = new QuickChartRenderer();

interface HarnessOptions {
  /** Emulator options besides the port and the clock. */
  emulator?: Partial<EmulatorOptions>;
  lateLimitMs?: number;
  intervalMs?: number;
  budgetPerMinute?: number;
  /** The alert runner's wait between calls; default a no-op (tests drive the clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Wraps the HTTP transport of every Webex client the harness builds (to watch requests). */
  fetch?: typeof fetch;
}

/** One bot process: its own store connection, Webex client and runners. */
interface BotProcess {
  store: Store;
  reports: ReportRunner;
  alerts: AlertRunner;
}

/**
 * The emulator, the space the bot reports into and the bot "process". `restart()` is what a
 * deploy or a crash followed by a restart does; `stop()` leaves the bot down until `start()`.
 */
class Harness {
  private current: BotProcess | undefined;
  private readonly extra: BotProcess[] = [];

  private constructor(
    readonly clock: FakeClock,
    readonly emulator: RunningEmulator,
    readonly roomId: string,
    readonly botId: string,
    readonly creator: { personId: string; email: string },
    readonly dir: string,
    private readonly options: HarnessOptions,
  ) {}

  static async create(start: number, options: HarnessOptions = {}): Promise<Harness> {
    const clock = new FakeClock(start);
    const emulator = await startEmulator({ port: 0, now: clock.now, ...options.emulator });
    const { roomId, botId, creator } = await reportSpace(emulator);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-metrics-runtime-'));
    const harness = new Harness(clock, emulator, roomId, botId, creator, dir, options);
    harness.start();
    return harness;
  }

  /** A bot process on the store file (a new connection, client and runners each time). */
  spawn(): BotProcess {
    const store = openSqliteStore({ file: path.join(this.dir, STORE_FILE_NAME) });
    const webex = createWebexClient({
      baseUrl: this.emulator.url,
      botToken: this.emulator.botToken,
      admin: { token: this.emulator.adminToken },
      now: this.clock.now,
      // Retries wait on the fake clock, never for real.
      http: { sleep: this.clock.sleep, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) },
    });
    const spaceOf = async () => ({ timeZone: OSLO, unit: 'celsius' as const });
    const now = this.clock.now;
    return {
      store,
      reports: new ReportRunner({
        store,
        webex,
        charts,
        bands: DEFAULT_COMFORT_BANDS,
        now,
        log: silent,
        spaceOf,
        lateLimitMs: this.options.lateLimitMs ?? 6 * HOUR,
      }),
      alerts: new AlertRunner({
        store,
        webex,
        charts,
        now,
        sleep: this.options.sleep ?? (async () => {}),
        log: silent,
        spaceOf,
        intervalMs: this.options.intervalMs ?? STEP,
        budgetPerMinute: this.options.budgetPerMinute ?? 300,
      }),
    };
  }

  /** A second replica on the same database file (closed with the harness). */
  replica(): BotProcess {
    const process = this.spawn();
    this.extra.push(process);
    return process;
  }

  start(): void {
    assert.equal(this.current, undefined, 'the bot is already running');
    this.current = this.spawn();
  }

  /** The process ends: its store connection closes and its runners are dropped. */
  stop(): void {
    this.current?.store.close();
    this.current = undefined;
  }

  restart(): void {
    this.stop();
    this.start();
  }

  private get running(): BotProcess {
    if (!this.current) throw new Error('the bot is not running');
    return this.current;
  }

  get store(): Store {
    return this.running.store;
  }

  get reports(): ReportRunner {
    return this.running.reports;
  }

  get alerts(): AlertRunner {
    return this.running.alerts;
  }

  workspaceId(displayName: string): string {
    const ws = this.emulator.context.org.workspaces.find((w) => w.displayName === displayName);
    if (!ws) throw new Error(`no workspace ${displayName}`);
    return ws.id;
  }

  /** What the bot posted in the space, oldest first. */
  posts(): StoredMessage[] {
    return [...this.emulator.context.store.messages.values()].filter(
      (m) => m.roomId === this.roomId && m.personId === this.botId,
    );
  }

  /** Ticks the report runner every `step` until `until` (inclusive), starting one step on. */
  async tickReportsUntil(until: number, step = STEP): Promise<void> {
    while (this.clock.now() + step <= until) {
      this.clock.advance(step);
      await this.reports.tick();
    }
  }

  /** Runs an alert pass every `step` until `until` (inclusive), starting one step on. */
  async passAlertsUntil(until: number, step = STEP): Promise<void> {
    while (this.clock.now() + step <= until) {
      this.clock.advance(step);
      const result = await this.alerts.pass();
      assert.equal(result.failedPairs, 0, `a pass at ${local(this.clock.now())} failed`);
    }
  }

  async report(over: Partial<Omit<ReportSubscription, 'id'>> = {}): Promise<ReportSubscription> {
    return await this.store.createReport({
      roomId: this.roomId,
      rooms: { workspaceIds: ['Fjord', 'Room 4', 'Boardroom'].map((n) => this.workspaceId(n)) },
      time: '08:00',
      days: 'daily',
      createdBy: this.creator,
      createdAt: this.clock.now(),
      ...over,
    });
  }

  async rule(over: Partial<Omit<AlertRule, 'id'>> = {}): Promise<AlertRule> {
    return await this.store.createAlertRule({
      roomId: this.roomId,
      metric: 'tvoc',
      rooms: { workspaceIds: [this.workspaceId('Fjord')] },
      condition: { op: 'above', value: 500 },
      holdMs: 0,
      hysteresis: 50,
      renotifyMs: 0,
      muted: false,
      createdBy: this.creator,
      createdAt: this.clock.now(),
      ...over,
    });
  }

  async close(): Promise<void> {
    this.stop();
    for (const process of this.extra) process.store.close();
    await this.emulator.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The card's JSON (what the Webex client renders), for "does the card say …". */
const cardText = (m: StoredMessage) => JSON.stringify(m.attachments ?? []);
/** The first line of the markdown fallback, without the bold markers. */
const titleOf = (m: StoredMessage) => (m.markdown ?? '').split('\n')[0]!.replace(/\*\*/g, '');
/** The second line of a report: its period ("Sat 24 Oct 00:00 – Sun 25 Oct 00:00 (Europe/Oslo)"). */
const periodOf = (m: StoredMessage) => (m.markdown ?? '').split('\n')[1]!;
const postedAt = (m: StoredMessage) => Date.parse(m.created);
const reportsOf = (posts: StoredMessage[], id: string) =>
  posts.filter((m) => (m.markdown ?? '').includes(`**cancel report ${id}**`));
const alertsOf = (posts: StoredMessage[], id: string) =>
  posts.filter((m) => (m.markdown ?? '').includes(`_Alert ${id}:`));

describe('automation runtime (fake clock, real emulator, file store)', function () {
  this.timeout(60_000);
  const harnesses: Harness[] = [];
  const harness = async (start: number, options?: HarnessOptions) => {
    const h = await Harness.create(start, options);
    harnesses.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
  });

  describe('daily reports', () => {
    it('posts a week of daily reports at 08:00 Oslo time across the fall-back, each once, covering the day before', async () => {
      // Created Fri 23 Oct 12:00; Oslo falls back from CEST to CET at 03:00 on Sun 25 Oct.
      const h = await harness(at('2026-10-23T12:00'));
      const daily = await h.report({ days: 'daily' });
      const weekdays = await h.report({ days: 'weekdays' });

      await h.tickReportsUntil(at('2026-10-30T23:55'));

      const posts = h.posts();
      const dailyPosts = reportsOf(posts, daily.id);
      const weekdayPosts = reportsOf(posts, weekdays.id);
      assert.equal(posts.length, dailyPosts.length + weekdayPosts.length, 'nothing else was posted');

      assert.deepEqual(dailyPosts.map(postedAt).map(local), [
        '2026-10-24T08:00+02:00',
        '2026-10-25T08:00+01:00', // the 25-hour day: still 08:00 on the wall clock
        '2026-10-26T08:00+01:00',
        '2026-10-27T08:00+01:00',
        '2026-10-28T08:00+01:00',
        '2026-10-29T08:00+01:00',
        '2026-10-30T08:00+01:00',
      ]);
      assert.deepEqual(dailyPosts.map(periodOf), [
        'Fri 23 Oct 00:00 – Sat 24 Oct 00:00 (Europe/Oslo)',
        'Sat 24 Oct 00:00 – Sun 25 Oct 00:00 (Europe/Oslo)',
        'Sun 25 Oct 00:00 – Mon 26 Oct 00:00 (Europe/Oslo)',
        'Mon 26 Oct 00:00 – Tue 27 Oct 00:00 (Europe/Oslo)',
        'Tue 27 Oct 00:00 – Wed 28 Oct 00:00 (Europe/Oslo)',
        'Wed 28 Oct 00:00 – Thu 29 Oct 00:00 (Europe/Oslo)',
        'Thu 29 Oct 00:00 – Fri 30 Oct 00:00 (Europe/Oslo)',
      ]);
      for (const post of dailyPosts) {
        assert.equal(titleOf(post), 'Daily room report');
        assert.ok(cardText(post).includes(periodOf(post)), 'the card shows the period with its zone');
        assert.ok(!post.markdown!.includes('late'), `on time: ${post.markdown}`);
        for (const room of ['Fjord', 'Room 4', 'Boardroom'])
          assert.ok(post.markdown!.includes(`**${room}**`));
      }

      // Weekdays: Mon–Fri only; Monday's covers the weekend since the previous (Friday) slot.
      assert.deepEqual(weekdayPosts.map(postedAt).map(local), [
        '2026-10-26T08:00+01:00',
        '2026-10-27T08:00+01:00',
        '2026-10-28T08:00+01:00',
        '2026-10-29T08:00+01:00',
        '2026-10-30T08:00+01:00',
      ]);
      assert.deepEqual(weekdayPosts.map(periodOf), [
        'Fri 23 Oct 00:00 – Mon 26 Oct 00:00 (Europe/Oslo)',
        'Mon 26 Oct 00:00 – Tue 27 Oct 00:00 (Europe/Oslo)',
        'Tue 27 Oct 00:00 – Wed 28 Oct 00:00 (Europe/Oslo)',
        'Wed 28 Oct 00:00 – Thu 29 Oct 00:00 (Europe/Oslo)',
        'Thu 29 Oct 00:00 – Fri 30 Oct 00:00 (Europe/Oslo)',
      ]);
      for (const post of weekdayPosts) assert.equal(titleOf(post), 'Weekday room report');
    });
  });

  describe('weekly reports across a DST change', () => {
    it('posts Monday 08:00 and Sunday 02:30 weekly reports once per slot across the fall-back (Sun 25 Oct 2026), restarts included', async () => {
      // Three weeks of fake time: an admin token that outlives them (the emulator's default is 14 days).
      const h = await harness(at('2026-10-14T12:00'), { emulator: { adminTokenTtlSeconds: 60 * 24 * 3600 } });
      const monday = await h.report({ days: 'weekly', weekday: 1 });
      // 02:30 happens twice on Sun 25 Oct (CEST, then CET): the first one is the slot.
      const sunday = await h.report({ days: 'weekly', weekday: 7, time: '02:30' });

      await h.tickReportsUntil(at('2026-10-25T02:40'));
      // Restarted inside the repeated hour (02:00–03:00 runs twice): no second Sunday report at 02:30 CET.
      h.restart();
      await h.tickReportsUntil(at('2026-10-26T08:00'));
      // Restarted right after Monday's slot: no second Monday report.
      h.restart();
      await h.tickReportsUntil(at('2026-11-03T12:00'));

      const posts = h.posts();
      const mondayPosts = reportsOf(posts, monday.id);
      const sundayPosts = reportsOf(posts, sunday.id);
      assert.equal(posts.length, mondayPosts.length + sundayPosts.length, 'nothing else was posted');
      assert.deepEqual(mondayPosts.map(postedAt).map(local), [
        '2026-10-19T08:00+02:00',
        '2026-10-26T08:00+01:00', // the week held 169 hours: still 08:00 on the wall clock
        '2026-11-02T08:00+01:00',
      ]);
      assert.deepEqual(mondayPosts.map(periodOf), [
        'Mon 12 Oct 00:00 – Mon 19 Oct 00:00 (Europe/Oslo)',
        'Mon 19 Oct 00:00 – Mon 26 Oct 00:00 (Europe/Oslo)',
        'Mon 26 Oct 00:00 – Mon 2 Nov 00:00 (Europe/Oslo)',
      ]);
      assert.deepEqual(sundayPosts.map(postedAt).map(local), [
        '2026-10-18T02:30+02:00',
        '2026-10-25T02:30+02:00', // the first 02:30, once
        '2026-11-01T02:30+01:00',
      ]);
      for (const post of mondayPosts) {
        assert.match(titleOf(post), /^Weekly report · /);
        assert.ok(cardText(post).includes(periodOf(post)), 'the card shows the period with its zone');
        assert.ok(!post.markdown!.includes('late'), `on time: ${post.markdown}`);
      }
      // The post log holds one key per slot, named by its local date and time.
      for (const slot of ['2026-10-19T08:00', '2026-10-26T08:00', '2026-11-02T08:00'])
        assert.ok(await h.store.getPost(`report:${monday.id}:${slot}`), slot);
    });

    it('posts a Sunday 02:30 weekly report at 03:30 on the spring-forward day (Sun 29 Mar 2026), once, and Monday 08:00 once', async () => {
      const h = await harness(at('2026-03-27T12:00'));
      const sunday = await h.report({ days: 'weekly', weekday: 7, time: '02:30' });
      const monday = await h.report({ days: 'weekly', weekday: 1 });
      await h.tickReportsUntil(at('2026-03-29T03:35'));
      h.restart();
      await h.tickReportsUntil(at('2026-03-31T12:00'));
      const posts = h.posts();
      assert.deepEqual(reportsOf(posts, sunday.id).map(postedAt).map(local), ['2026-03-29T03:30+02:00']);
      assert.deepEqual(reportsOf(posts, monday.id).map(postedAt).map(local), ['2026-03-30T08:00+02:00']);
      assert.deepEqual(reportsOf(posts, monday.id).map(periodOf), [
        'Mon 23 Mar 00:00 – Mon 30 Mar 00:00 (Europe/Oslo)',
      ]);
      assert.equal(posts.length, 2, 'nothing else was posted');
    });
  });

  describe('restarts around a report slot (Tue 24 Nov 2026, 08:00 Oslo)', () => {
    const SLOT = at('2026-11-24T08:00');

    it('(a) down at 07:59, back at 08:00:30: the report is posted once, on time', async () => {
      const h = await harness(at('2026-11-24T07:00'));
      const report = await h.report();
      await h.tickReportsUntil(at('2026-11-24T07:55'));
      h.clock.set(at('2026-11-24T07:59'));
      await h.reports.tick();
      h.stop();

      h.clock.set(SLOT + 30_000);
      h.start();
      await h.reports.tick();
      await h.tickReportsUntil(at('2026-11-24T12:00'));

      const posts = reportsOf(h.posts(), report.id);
      assert.deepEqual(posts.map(postedAt), [SLOT + 30_000]);
      assert.ok(!posts[0]!.markdown!.includes('late'), '30 s after the slot is on time');
      assert.equal(periodOf(posts[0]!), 'Mon 23 Nov 00:00 – Tue 24 Nov 00:00 (Europe/Oslo)');
    });

    it('(b) a crash mid-post (slot claimed, nothing posted): no second report after the restart', async () => {
      // The process claimed 08:00 in the post log and died before the card reached Webex. On the
      // restart the claim counts as posted: a missing report is preferred over a duplicate one
      // (the post may have reached Webex before the process died; the bot cannot tell).
      const h = await harness(at('2026-11-24T07:00'));
      const report = await h.report();
      await h.tickReportsUntil(at('2026-11-24T07:55'));
      h.clock.set(SLOT);
      assert.ok(await h.store.claimPost(slotKey(report, SLOT, OSLO), SLOT, JSON.stringify({ slot: SLOT })));
      h.stop();

      h.clock.set(SLOT + STEP);
      h.start();
      await h.reports.tick();
      await h.tickReportsUntil(at('2026-11-25T09:00'));

      // Nothing for Tuesday; Wednesday's report comes as usual.
      const posts = reportsOf(h.posts(), report.id);
      assert.deepEqual(posts.map(postedAt).map(local), ['2026-11-25T08:00+01:00']);
      assert.equal(periodOf(posts[0]!), 'Tue 24 Nov 00:00 – Wed 25 Nov 00:00 (Europe/Oslo)');
    });

    // BUG (skipped until fixed): src/automation/post-once.ts (line 7) promises that after a crash
    // mid-post "the next report says what was missed", but ReportRunner.runDue
    // (src/automation/report-runner.ts, line 61) reads the dangling claim (no message id) back as
    // the last posted slot and never adds it to the skipped list: Wednesday's report is silent
    // about Tuesday's.
    it('(b) after a crash mid-post, the next report says the slot may have been missed', async () => {
      const h = await harness(at('2026-11-24T07:00'));
      const report = await h.report();
      await h.tickReportsUntil(at('2026-11-24T07:55'));
      h.clock.set(SLOT);
      assert.ok(await h.store.claimPost(slotKey(report, SLOT, OSLO), SLOT, JSON.stringify({ slot: SLOT })));
      h.restart();
      await h.tickReportsUntil(at('2026-11-25T09:00'));
      const [wednesday] = reportsOf(h.posts(), report.id);
      assert.equal(local(postedAt(wednesday!)), '2026-11-25T08:00+01:00');
      assert.match(wednesday!.markdown!, /Tue 24 Nov 08:00/, 'the report says Tuesday’s may be missing');
    });

    it('(b) two replicas ticking at the same time on the same database: one report', async () => {
      const h = await harness(at('2026-11-24T07:00'));
      const report = await h.report();
      const other = h.replica();
      while (h.clock.now() < at('2026-11-24T10:00')) {
        h.clock.advance(STEP);
        await Promise.all([h.reports.tick(), other.reports.tick(), h.reports.tick()]);
      }
      const posts = reportsOf(h.posts(), report.id);
      assert.deepEqual(posts.map(postedAt), [SLOT]);
      assert.equal(h.posts().length, 1);
    });

    it('(c) down from 07:50 to 08:20: one report at 08:20 that says it is 20 min late', async () => {
      const h = await harness(at('2026-11-24T07:00'));
      const report = await h.report();
      await h.tickReportsUntil(at('2026-11-24T07:50'));
      h.stop();

      h.clock.set(at('2026-11-24T08:20'));
      h.start();
      await h.reports.tick();
      await h.tickReportsUntil(at('2026-11-24T12:00'));

      const posts = reportsOf(h.posts(), report.id);
      assert.deepEqual(posts.map(postedAt).map(local), ['2026-11-24T08:20+01:00']);
      assert.ok(
        posts[0]!.markdown!.includes('Posted 20 min late: the bot was offline at 08:00 (Europe/Oslo).'),
        posts[0]!.markdown,
      );
      assert.ok(cardText(posts[0]!).includes('Posted 20 min late'));
      assert.equal(periodOf(posts[0]!), 'Mon 23 Nov 00:00 – Tue 24 Nov 00:00 (Europe/Oslo)');
    });

    it('(d) down past the late limit: no report for the slot, and the next day’s report says it was missed', async () => {
      const h = await harness(at('2026-11-24T07:00'), { lateLimitMs: 2 * HOUR });
      const report = await h.report();
      await h.tickReportsUntil(at('2026-11-24T07:50'));
      h.stop();

      h.clock.set(at('2026-11-24T11:00'));
      h.start();
      await h.reports.tick();
      await h.tickReportsUntil(at('2026-11-25T12:00'));

      const posts = reportsOf(h.posts(), report.id);
      assert.deepEqual(posts.map(postedAt).map(local), ['2026-11-25T08:00+01:00']);
      const [next] = posts;
      assert.ok(
        next!.markdown!.includes(
          '1 earlier report was missed while the bot was offline: Tue 24 Nov 08:00 (Europe/Oslo).',
        ),
        next!.markdown,
      );
      assert.ok(!next!.markdown!.includes('late:'), 'the next report itself is on time');
      assert.equal(periodOf(next!), 'Tue 24 Nov 00:00 – Wed 25 Nov 00:00 (Europe/Oslo)');

      // The note is said once: Thursday's report does not repeat it.
      await h.tickReportsUntil(at('2026-11-26T09:00'));
      const thursday = reportsOf(h.posts(), report.id)[1]!;
      assert.equal(local(postedAt(thursday)), '2026-11-26T08:00+01:00');
      assert.ok(!thursday.markdown!.includes('missed'), thursday.markdown);
    });
  });

  describe('threshold alerts', () => {
    /** Scripts `metric` in `room`: `before` until `start`, then `values` every 5 min, the last one held. */
    function script(
      h: Harness,
      room: string,
      metric: MetricName,
      start: number,
      values: number[],
      before = 400,
    ) {
      scriptSensor(h.emulator.context.org, h.workspaceId(room), metric, (t) =>
        t < start ? before : values[Math.min(Math.floor((t - start) / STEP), values.length - 1)],
      );
    }

    it('fires once and resolves once, as a threaded reply, for TVOC flapping around 500 ppb', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      const T0 = at('2026-11-30T10:00');
      script(
        h,
        'Fjord',
        'tvoc',
        T0,
        [
          // 10:00–10:30: around 500, never above it for 10 minutes → no alert
          480, 520, 490, 515, 495, 510, 490,
          // 10:35–10:45: above 500 for 10 minutes → fires on the 10:45 reading
          520, 530, 525,
          // 10:50–11:40: between 450 and 550: still firing (it resolves only at ≤ 450)
          480, 540, 460, 545, 455, 530, 470, 520, 490, 535, 451,
          // 11:45 on: well below → resolves once
          400,
        ],
      );
      const rule = await h.rule({ holdMs: 10 * MINUTE, hysteresis: 50 });

      await h.passAlertsUntil(at('2026-11-30T13:00'));

      const posts = h.posts();
      assert.equal(posts.length, 2, posts.map((m) => titleOf(m)).join('\n'));
      const [fire, resolve] = posts as [StoredMessage, StoredMessage];
      assert.equal(clockOf(postedAt(fire)), '10:50', 'posted at the first pass after the 10:45 reading');
      assert.equal(titleOf(fire), '⚠️ Air quality (TVOC) in Fjord is 525 ppb');
      assert.ok(fire.markdown!.includes('since 10:35 (Europe/Oslo)'), fire.markdown);
      assert.equal(fire.parentId, undefined);

      assert.equal(clockOf(postedAt(resolve)), '11:50');
      assert.equal(titleOf(resolve), 'Back to normal: Air quality (TVOC) in Fjord is 400 ppb');
      assert.ok(
        resolve.markdown!.includes('from 10:35 to 11:45 (Europe/Oslo), for 1 h 10 min'),
        resolve.markdown,
      );
      assert.equal(resolve.parentId, fire.id, 'the recovery is a threaded reply to the alert');
      assert.equal(alertsOf(posts, rule.id).length, 2);
      assert.equal((await h.store.getAlertState(rule.id, h.workspaceId('Fjord')))?.status, 'normal');
    });

    it('a new rule whose condition began hours before its first look: "since" is when it began, and the hold is judged from then', async () => {
      const h = await harness(at('2026-11-30T12:00'));
      script(h, 'Fjord', 'tvoc', at('2026-11-30T08:40'), [700]);
      // Held for an hour: its first look (the last 30 minutes) alone could not tell.
      const rule = await h.rule({ holdMs: HOUR });
      h.clock.advance(STEP);
      const result = await h.alerts.pass();
      assert.ok(result.calls > 1 && result.calls <= 7, `the look-back's calls are counted: ${result.calls}`);
      const [fire] = h.posts();
      assert.equal(titleOf(fire!), '⚠️ Air quality (TVOC) in Fjord is 700 ppb');
      assert.ok(fire!.markdown!.includes('Above 500 ppb since 08:40 (Europe/Oslo)'), fire!.markdown);
      assert.ok(!fire!.markdown!.includes('or earlier'), fire!.markdown);
      assert.equal(
        (await h.store.getAlertState(rule.id, h.workspaceId('Fjord')))?.conditionSince,
        at('2026-11-30T08:40'),
      );
      // Later passes read on from there: no second look back, no second alert.
      const next = await (async () => {
        h.clock.advance(STEP);
        return h.alerts.pass();
      })();
      assert.equal(next.calls, 1);
      assert.equal(h.posts().length, 1);
    });

    it('after an outage, the start is found in the readings the bot missed, not after the gap', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      script(h, 'Fjord', 'tvoc', at('2026-11-30T10:40'), [700]);
      const rule = await h.rule({ holdMs: 10 * MINUTE });
      await h.passAlertsUntil(at('2026-11-30T09:55'));
      assert.equal((await h.store.getAlertState(rule.id, h.workspaceId('Fjord')))?.status, 'normal');
      h.stop();
      // Back at 14:00: a pass reads only the last 2 hours (from 12:00), all of them past 500 ppb.
      h.clock.set(at('2026-11-30T14:00'));
      h.start();
      await h.passAlertsUntil(at('2026-11-30T14:05'));
      const [fire] = h.posts();
      assert.ok(fire!.markdown!.includes('Above 500 ppb since 10:40 (Europe/Oslo)'), fire!.markdown);
    });

    it('a condition older than the look-back says it may have started earlier', async () => {
      const h = await harness(at('2026-11-30T12:00'));
      script(h, 'Fjord', 'tvoc', at('2026-11-30T00:00'), [700], 700);
      await h.rule({ holdMs: 10 * MINUTE });
      await h.passAlertsUntil(at('2026-11-30T12:05'));
      const [fire] = h.posts();
      assert.ok(
        fire!.markdown!.includes('Above 500 ppb since Mon 23 Nov 11:00 or earlier (Europe/Oslo)'),
        fire!.markdown,
      );
      assert.ok(fire!.markdown!.includes('I look back at most 7 days.'), fire!.markdown);
    });

    it('acknowledged: no reminders for hours; snoozed for 1 h: none during the hour, then reminders resume', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      const T0 = at('2026-11-30T10:00');
      script(h, 'Fjord', 'tvoc', T0, [700]);
      script(h, 'Room 40', 'tvoc', T0, [700]);
      const acked = await h.rule({ renotifyMs: 30 * MINUTE });
      const snoozed = await h.rule({
        renotifyMs: 30 * MINUTE,
        rooms: { workspaceIds: [h.workspaceId('Room 40')] },
      });

      // Both fire at the 10:05 pass (hold 0).
      await h.passAlertsUntil(at('2026-11-30T10:05'));
      assert.deepEqual(h.posts().map(titleOf), [
        '⚠️ Air quality (TVOC) in Fjord is 700 ppb',
        '⚠️ Air quality (TVOC) in Room 40 is 700 ppb',
      ]);

      // 10:07: someone presses Acknowledge on the Fjord alert and Snooze 1 h on the Room 40 one
      // (the card buttons write exactly these states).
      h.clock.set(at('2026-11-30T10:07'));
      const fjordState = (await h.store.getAlertState(acked.id, h.workspaceId('Fjord')))!;
      assert.equal(fjordState.status, 'firing');
      await h.store.saveAlertState({
        ...fjordState,
        acknowledgedBy: h.creator.email,
        acknowledgedAt: h.clock.now(),
      });
      const room40State = (await h.store.getAlertState(snoozed.id, h.workspaceId('Room 40')))!;
      const until = h.clock.now() + HOUR;
      await h.store.saveAlertState({ ...room40State, snoozedUntil: until });

      // During the snooze hour (passes 10:12–11:02): nothing at all, though a reminder was due at 10:35.
      await h.passAlertsUntil(at('2026-11-30T11:02'));
      assert.equal(h.posts().length, 2, h.posts().map(titleOf).join('\n'));

      // Passes until 14:05: the snoozed one reminds at once when the snooze ends (the 11:07
      // pass), then every 30 minutes; the acknowledged one stays quiet for 4 hours.
      await h.passAlertsUntil(at('2026-11-30T14:05'));
      const reminders = alertsOf(h.posts(), snoozed.id).slice(1);
      assert.deepEqual(
        reminders.map((m) => clockOf(postedAt(m))),
        ['11:07', '11:37', '12:07', '12:37', '13:07', '13:37'],
      );
      for (const m of reminders)
        assert.equal(titleOf(m), '⚠️ Reminder: Air quality (TVOC) in Room 40 is 700 ppb');
      assert.ok(postedAt(reminders[0]!) >= until);
      assert.deepEqual(alertsOf(h.posts(), acked.id).map(titleOf), [
        '⚠️ Air quality (TVOC) in Fjord is 700 ppb',
      ]);
      assert.equal((await h.store.getAlertState(acked.id, h.workspaceId('Fjord')))?.status, 'firing');
    });

    // A failed post leaves the state as it was: the next pass evaluates the same readings again, so
    // the recovery is retried (and the next episode is an alert of its own, not a silent reminder).
    it('a recovery Webex refused to post does not silence the next alert of the rule', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      const T0 = at('2026-11-30T10:00');
      // 10:00–10:25 high, 10:30–10:55 back to normal, 11:00 on high again: two episodes.
      script(h, 'Fjord', 'tvoc', T0, [...Array(6).fill(700), ...Array(6).fill(400), 700]);
      const rule = await h.rule({ holdMs: 0, renotifyMs: 0 });
      await h.passAlertsUntil(at('2026-11-30T10:30'));
      assert.deepEqual(h.posts().map(titleOf), ['⚠️ Air quality (TVOC) in Fjord is 700 ppb']);

      // The 10:35 pass sees 400 ppb; Webex answers the bot's recovery post with a 5xx.
      h.emulator.traffic.update({ faultRate: 1, appliesTo: [h.emulator.botToken] });
      h.clock.advance(STEP);
      await h.alerts.pass();
      h.emulator.traffic.update({ faultRate: 0, appliesTo: undefined });
      const state = (await h.store.getAlertState(rule.id, h.workspaceId('Fjord')))!;
      assert.equal(state.status, 'firing', 'the recovery is still owed');

      await h.passAlertsUntil(at('2026-11-30T11:30'));
      const titles = h.posts().map(titleOf);
      assert.equal(titles.filter((t) => /back to normal/i.test(t)).length, 1, titles.join('\n'));
      // The second episode (from 11:00) must be posted as an alert of its own.
      assert.deepEqual(
        titles.filter((t) => t.startsWith('⚠️')),
        ['⚠️ Air quality (TVOC) in Fjord is 700 ppb', '⚠️ Air quality (TVOC) in Fjord is 700 ppb'],
        titles.join('\n'),
      );
    });

    it('a restart while an alert is firing: no second alert; the recovery threads under the original', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      const T0 = at('2026-11-30T10:00');
      script(h, 'Fjord', 'tvoc', T0, [...Array(12).fill(700), 400]); // 10:00–10:55 high, 11:00 on low
      const rule = await h.rule({ holdMs: 10 * MINUTE, renotifyMs: 0 });

      await h.passAlertsUntil(at('2026-11-30T10:15'));
      const [fire] = h.posts();
      assert.equal(h.posts().length, 1);
      assert.equal(clockOf(postedAt(fire!)), '10:15');

      h.clock.set(at('2026-11-30T10:17'));
      h.restart();
      await h.passAlertsUntil(at('2026-11-30T10:57'));
      assert.equal(h.posts().length, 1, 'still firing after the restart: nothing new');

      await h.passAlertsUntil(at('2026-11-30T11:30'));
      const posts = h.posts();
      assert.equal(posts.length, 2);
      assert.equal(titleOf(posts[1]!), 'Back to normal: Air quality (TVOC) in Fjord is 400 ppb');
      assert.equal(clockOf(postedAt(posts[1]!)), '11:02');
      assert.equal(posts[1]!.parentId, fire!.id);
      assert.equal(alertsOf(posts, rule.id).length, 2);
    });

    it('a crash after the alert was posted but before its state was saved: no duplicate after the restart', async () => {
      const h = await harness(at('2026-11-30T09:30'));
      const T0 = at('2026-11-30T10:00');
      script(h, 'Fjord', 'tvoc', T0, [...Array(12).fill(700), 400]);
      const rule = await h.rule({ holdMs: 10 * MINUTE, renotifyMs: 0 });
      await h.passAlertsUntil(at('2026-11-30T10:10')); // pending since 10:00

      // The 10:15 pass fires and posts; the process dies before the state is written.
      const { store } = h;
      store.saveAlertState = () => {
        throw new Error('the process died');
      };
      h.clock.set(at('2026-11-30T10:15'));
      const crashed = await h.alerts.pass();
      assert.equal(crashed.failedPairs, 1);
      assert.equal(h.posts().length, 1, 'the alert reached the space');
      assert.equal((await store.getAlertState(rule.id, h.workspaceId('Fjord')))?.status, 'pending');

      h.restart();
      await h.passAlertsUntil(at('2026-11-30T11:30'));
      const posts = h.posts();
      assert.deepEqual(posts.map(titleOf), [
        '⚠️ Air quality (TVOC) in Fjord is 700 ppb',
        'Back to normal: Air quality (TVOC) in Fjord is 400 ppb',
      ]);
      assert.equal(posts[1]!.parentId, posts[0]!.id, 'threaded via the post log');
    });
  });

  describe('the API budget', () => {
    it('an "unusual" rule reads its 6-week look-back once (past hours cached), and waits when a pass cannot afford it', async () => {
      const poor = await harness(at('2026-11-30T10:00'), { budgetPerMinute: 10 });
      const waiting = await poor.rule({
        metric: 'temperature',
        condition: { op: 'unusual' },
        hysteresis: 0.5,
      });
      poor.clock.advance(STEP);
      assert.equal((await poor.alerts.pass()).calls, 1, 'only the poll: the cold look-back waits');
      assert.equal(
        await poor.store.getAlertState(waiting.id, poor.workspaceId('Fjord')),
        undefined,
        'nothing judged',
      );

      const h = await harness(at('2026-11-30T10:00'));
      const rule = await h.rule({ metric: 'temperature', condition: { op: 'unusual' }, hysteresis: 0.5 });
      h.clock.advance(STEP);
      const cold = await h.alerts.pass();
      // 6 weeks and 2 hours of hourly buckets, 48 h per call, and the poll.
      assert.ok(cold.calls >= 20 && cold.calls <= 24, `cold: ${cold.calls} calls`);
      assert.ok(await h.store.getAlertState(rule.id, h.workspaceId('Fjord')), 'judged');
      h.clock.advance(STEP);
      // 10:10: the 09:00 hour has settled and is read once more; then only the poll.
      assert.ok((await h.alerts.pass()).calls <= 2);
      h.clock.advance(STEP);
      assert.equal((await h.alerts.pass()).calls, 1);
    });

    it('2,000 rooms × 2 metrics: a lengthened interval, one call per pair, evenly spread, never a 429', async function () {
      this.timeout(90_000);
      const ROOMS = 2000;
      const BUDGET = 300;
      const metricCalls: { at: number; status: number }[] = [];
      const pairs = new Map<string, number>();
      let clock: FakeClock | undefined;
      const counting: typeof fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/workspaceMetrics')) {
          const key = `${url.searchParams.get('workspaceId')}|${url.searchParams.get('metricName')}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
        return fetch(input, init);
      };
      const lines: string[] = [];
      // Sunday 03:00: every office in every zone is empty and cool, so nothing fires (an alert
      // would add a chart call) and every metrics call is the pass's own.
      const h = await harness(at('2026-11-29T03:00'), {
        emulator: {
          workspaces: ROOMS,
          rateLimitPerMinute: BUDGET,
          onRequest: (line) => {
            lines.push(line);
            const [method, route, status] = line.split(' ');
            if (method === 'GET' && route === '/v1/workspaceMetrics')
              metricCalls.push({ at: clock!.now(), status: Number(status) });
          },
        },
        budgetPerMinute: BUDGET,
        intervalMs: 5 * MINUTE,
        sleep: (ms) => clock!.sleep(ms),
        fetch: counting,
      });
      clock = h.clock;
      const all = { all: true } as const;
      await h.rule({
        metric: 'temperature',
        rooms: all,
        condition: { op: 'above', value: 30 },
        hysteresis: 1,
      });
      await h.rule({ metric: 'tvoc', rooms: all, condition: { op: 'above', value: 1000 } });

      const { plan } = await h.alerts.plan();
      assert.equal(plan.callsPerPass, 2 * ROOMS);
      assert.equal(plan.lengthened, true);
      assert.equal(plan.intervalMs, 17 * MINUTE);
      assert.equal(plan.spacingMs, 255);
      assert.equal(
        plan.reason,
        '2,000 rooms × 2 metrics need 4,000 calls; at 240 calls/min that takes 16.7 min, ' +
          'so alerts are checked every 17 min instead of every 5 min',
      );

      const started = h.clock.now();
      const result = await h.alerts.pass(); // about 15 s on 2 cores

      assert.equal(result.calls, 2 * ROOMS);
      assert.equal(result.failedPairs, 0);
      assert.equal(result.posted, 0);
      assert.equal(metricCalls.length, 2 * ROOMS, 'one metrics call per pair, nothing else');
      assert.equal(pairs.size, 2 * ROOMS);
      assert.ok([...pairs.values()].every((n) => n === 1));
      assert.deepEqual(
        lines.filter((l) => / 429 /.test(l)),
        [],
        'never throttled at a rate limit equal to the budget',
      );
      // Spread over the lengthened interval, never more than the usable 240 calls in any minute.
      const elapsed = h.clock.now() - started;
      assert.ok(elapsed <= plan.intervalMs && elapsed >= plan.intervalMs - 2 * plan.spacingMs, `${elapsed}`);
      let busiest = 0;
      for (let i = 0, j = 0; i < metricCalls.length; i++) {
        while (metricCalls[i]!.at - metricCalls[j]!.at >= MINUTE) j++;
        busiest = Math.max(busiest, i - j + 1);
      }
      assert.ok(busiest <= 240, `${busiest} calls in one minute`);

      // As built, rooms without a Navigator (no temperature or TVOC sensor) are polled too: their
      // calls always come back empty (776 of the 4,000 here), a fifth of the alert budget.
      const unmeasured = h.emulator.context.org.workspaces.filter((w) => !w.metrics.includes('tvoc'));
      assert.ok(unmeasured.length > 0);
      for (const w of unmeasured) assert.equal(pairs.get(`${w.id}|tvoc`), 1);
    });
  });
});
