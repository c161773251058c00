import type { Logger } from 'pino';
import type { ChartRenderer } from '../charts';
import { type Baseline, baselineFor } from '../metrics/baseline';
import type { MetricPoint } from '../metrics/points';
import { toPoints } from '../metrics/points';
import type { AlertRule, AlertState } from '../model';
import { isThreshold } from '../model';
import type { Reply } from '../model/reply';
import type { SpaceSettings } from '../model/space-settings';
import { hasSensor } from '../plan/plan-answer';
import { ReadingsCache, type SeriesKey } from '../readings/readings-cache';
import type { Store } from '../store';
import type { WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import { replyMessage } from '../webex/reply-message';
import type { MetricName } from '../webex/wire';
import { HOUR_MS } from '../webex/wire/limits';
import { type AlertEvent, evaluateAlert, type Reading, type ReadingJudge } from './alert-machine';
import { alertMessage } from './alert-message';
import {
  type ConditionTest,
  findConditionStart,
  type HourBucket,
  type LookBack,
  lookBackFrom,
  MAX_LOOK_BACK_MS,
  type SeriesReader,
  thresholdTest,
} from './condition-start';
import { type EvaluationPlan, type PollPair, pairsFor, planEvaluation } from './evaluation-budget';
import { guarded, type PostGuard, postOnce } from './post-once';
import { lastReadingFound, QUIET_JUDGE, quietMarks } from './quiet-rule';
import { BASELINE_WEEKS, UNUSUAL_LOOK_BACK_MS, unusualJudge } from './unusual-rule';

export interface AlertRunnerDeps {
  store: Store;
  webex: WebexClient;
  charts: ChartRenderer;
  now: () => number;
  /** Waits between calls (spreads a pass over its interval); ends early on abort. Tests pass a no-op. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  log: Logger;
  /** The space's time zone and temperature unit. */
  spaceOf: (roomId: string) => Promise<SpaceSettings>;
  /** How often alerts should be checked. */
  intervalMs: number;
  /** API calls per minute the bot may make in all (the plan keeps a share for chat answers). */
  budgetPerMinute: number;
  /** True while a space's rules are paused (an outsider is a member): they are neither polled nor posted. */
  paused?: (roomId: string) => Promise<boolean>;
  /** Told after each pass (for metrics): its length, its result (undefined: it failed), one rule only. */
  onPass?: (seconds: number, result: PassResult | undefined, oneRule: boolean) => void;
  /** Set when other processes share the post log: alerts left by a dead one are taken over. */
  guard?: PostGuard;
  /**
   * Whole past hours already read (shared with chat answers): "unusual" rules read their baselines
   * through it, so each past hour is fetched once. Without one, the runner keeps its own.
   */
  cache?: ReadingsCache;
}

/** Memory for the runner's own readings cache when none is shared. */
const OWN_CACHE_BYTES = 16 * 1024 * 1024;

export interface PassResult {
  plan: EvaluationPlan;
  /** Metric calls made (one per workspace × metric pair). */
  calls: number;
  posted: number;
  failedPairs: number;
}

/** How far back a rule's first look reaches: enough for a hold time to be judged at once. */
const FIRST_LOOK_MS = 30 * 60_000;

/**
 * Evaluates every alert rule: polls each workspace × metric once (only readings newer than the
 * last one evaluated), spread evenly over the interval and inside the API budget, advances each
 * rule's state machine and posts what it decides, exactly once (a post log keyed by the event),
 * recoveries as threaded replies to the alert.
 */
export class AlertRunner {
  private readonly cache: ReadingsCache;
  /** Baseline hours read in this pass, per workspace × metric: one look-back each. */
  private baselineReads = new Map<string, Promise<MetricPoint[] | undefined>>();
  /**
   * Calls baseline look-backs may still make in this pass: one minute's worth of the API budget.
   * A cold look-back (about 21 calls) beyond it waits for the next pass, whose poll reads the same
   * readings again (the rule's state is not advanced), so many "unusual" rules on every room
   * warm up over a few passes instead of bursting through the budget.
   */
  private baselineCallsLeft = 0;

  constructor(private readonly deps: AlertRunnerDeps) {
    this.cache = deps.cache ?? new ReadingsCache({ maxBytes: OWN_CACHE_BYTES, now: deps.now });
  }

  /** The plan for the rules as they are now (interval lengthened when the budget demands). */
  async plan(): Promise<{ plan: EvaluationPlan; pairs: PollPair[]; rules: AlertRule[] }> {
    const all = await this.deps.store.listAlertRules();
    const paused = await Promise.all(all.map((r) => this.deps.paused?.(r.roomId) ?? false));
    const rules = all.filter((_, i) => !paused[i]);
    const directory = rules.some((r) => r.rooms.all) ? await this.deps.webex.directory.get() : undefined;
    const allIds = directory?.workspaces.map((w) => w.id) ?? [];
    // "Unusual" and "quiet" rules on every room watch the rooms that have the sensor: a room
    // without one would read as forever quiet, or cost a baseline look-back for nothing.
    const withSensor = (metric: MetricName) =>
      (directory?.workspaces ?? []).filter((w) => hasSensor(w, metric)).map((w) => w.id);
    const pairs = pairsFor(rules, (rule) =>
      !rule.rooms.all
        ? rule.rooms.workspaceIds
        : isThreshold(rule.condition)
          ? allIds
          : withSensor(rule.metric),
    );
    const rooms = new Set(pairs.map((p) => p.workspaceId)).size;
    const plan = planEvaluation({
      pairs: pairs.length,
      desiredIntervalMs: this.deps.intervalMs,
      budgetPerMinute: this.deps.budgetPerMinute,
      rooms,
    });
    return { plan, pairs, rules };
  }

  /**
   * One evaluation pass over every rule. Only rule `onlyRuleId` when given (a new rule's first
   * look). An aborted `signal` (the bot is stopping) ends the pass after the call in flight.
   */
  async pass(onlyRuleId?: string, signal?: AbortSignal): Promise<PassResult> {
    const started = performance.now();
    const ended = (result?: PassResult) =>
      this.deps.onPass?.((performance.now() - started) / 1000, result, onlyRuleId !== undefined);
    const { plan, pairs, rules } = await this.plan().catch((error: unknown) => {
      ended();
      throw error;
    });
    const byId = new Map(rules.map((r) => [r.id, r]));
    this.baselineReads = new Map();
    this.baselineCallsLeft = this.deps.budgetPerMinute;
    const selected = onlyRuleId ? pairs.filter((p) => p.ruleIds.includes(onlyRuleId)) : pairs;
    let calls = 0;
    let posted = 0;
    let failedPairs = 0;
    for (const [index, pair] of selected.entries()) {
      if (index > 0 && !onlyRuleId) await this.deps.sleep(plan.spacingMs, signal);
      if (signal?.aborted) break;
      const pairRules = pair.ruleIds
        .filter((id) => !onlyRuleId || id === onlyRuleId)
        .map((id) => byId.get(id))
        .filter((r): r is AlertRule => r !== undefined);
      try {
        const readings = await this.readingsFor(pair, pairRules);
        calls += 1;
        for (const rule of pairRules) {
          const done = await this.evaluate(rule, pair.workspaceId, readings);
          posted += done.posted;
          calls += done.calls;
        }
      } catch (error) {
        failedPairs += 1;
        this.deps.log.warn(
          { err: error, workspaceId: pair.workspaceId, metric: pair.metric },
          'alert evaluation: could not read metrics; trying again next pass',
        );
        if (error instanceof WebexApiError && error.code === 'rate-limited') break;
      }
    }
    const result = { plan, calls, posted, failedPairs };
    ended(result);
    return result;
  }

  /** New readings of one pair since the oldest of its rules' last evaluated reading. */
  private async readingsFor(pair: PollPair, rules: readonly AlertRule[]): Promise<Reading[]> {
    const now = this.deps.now();
    const seen = await Promise.all(
      rules.map(
        async (r) =>
          (await this.deps.store.getAlertState(r.id, pair.workspaceId))?.lastReadingAt ?? now - FIRST_LOOK_MS,
      ),
    );
    const from = Math.max(Math.min(...seen) + 1, now - FIRST_LOOK_MS * 4);
    if (from >= now) return [];
    const result = await this.deps.webex.admin.metrics({
      workspaceId: pair.workspaceId,
      metricName: pair.metric,
      aggregation: 'none',
      from,
      to: now,
      ...(pair.metric === 'temperature' ? { unit: 'celsius' as const } : {}),
    });
    return result.items
      .map((item) => ({ at: Date.parse(item.timestamp), value: item.value }))
      .filter((r) => Number.isFinite(r.at) && Number.isFinite(r.value));
  }

  /**
   * Runs the state machine, posts its events once each, saves the state. Returns posts and extra
   * metric calls made. When a post fails the state is left as it was, so the next pass evaluates
   * the same readings again and retries (events already posted are found in the post log, never
   * posted twice).
   *
   * When the new readings begin in breach with nothing known before them (a new rule's first look,
   * or after an outage), the condition's start is looked for in the readings before (bounded: see
   * `condition-start.ts`; an "unusual" rule searches up to a day back, each hour against its own
   * baseline), so "since" is when it began, and the hold time is judged from then.
   */
  private async evaluate(
    rule: AlertRule,
    workspaceId: string,
    readings: Reading[],
  ): Promise<{ posted: number; calls: number }> {
    const { store, now } = this.deps;
    const { timeZone } = await this.deps.spaceOf(rule.roomId);
    const before = await store.getAlertState(rule.id, workspaceId);
    let start = before;
    let calls = 0;
    let judge: ReadingJudge | undefined;
    let judged = readings;
    const counted = () => {
      calls += 1;
    };
    const condition = rule.condition;
    // A look that begins past the condition: how to search back for when the run began.
    let search: { look: LookBack; test: () => Promise<ConditionTest>; maxLookBackMs: number } | undefined;
    if (condition.op === 'unusual') {
      const points = await this.baselineHours(workspaceId, rule.metric, counted);
      // Deferred (this pass's look-back calls are spent): judged next pass, from the same readings.
      if (!points) return { posted: 0, calls };
      const judgeWith = (hours: readonly MetricPoint[]) =>
        unusualJudge(rule.metric, condition, rule.hysteresis, (at) =>
          baselineFor(rule.metric, hours, at, timeZone, { weeks: BASELINE_WEEKS }),
        );
      const unusual = judgeWith(points);
      judge = unusual;
      const look = lookBackFrom(unusual, before, readings);
      if (look) {
        // The hours searched need their own weeks of baseline: the cache reads only the older ones.
        const hour = Math.floor(look.first.at / HOUR_MS) * HOUR_MS;
        const from = hour - UNUSUAL_LOOK_BACK_MS - BASELINE_WEEKS * 7 * 24 * HOUR_MS;
        const test = async () =>
          judgeWith(await this.hourlyBuckets(workspaceId, rule.metric, from, hour, counted));
        search = { look, test, maxLookBackMs: UNUSUAL_LOOK_BACK_MS };
      }
    } else if (condition.op === 'quiet') {
      if (before?.lastReadingAt === undefined && readings.length === 0) {
        // A first look with nothing recent: when did the sensor last report?
        const last = await this.lastReading(workspaceId, rule.metric, counted);
        start = { ...(before ?? { ruleId: rule.id, workspaceId, status: 'normal' }), lastReadingAt: last };
      }
      judged = quietMarks(condition, start, readings, now());
      judge = QUIET_JUDGE;
    } else {
      const look = lookBackFrom(condition, before, readings);
      if (look)
        search = { look, test: async () => thresholdTest(condition), maxLookBackMs: MAX_LOOK_BACK_MS };
    }
    if (search) {
      const { look } = search;
      const reader = this.reader(workspaceId, rule.metric, counted);
      const found = await findConditionStart(await search.test(), look.first.at, reader, {
        maxLookBackMs: search.maxLookBackMs,
        ...(look.notBefore === undefined ? {} : { notBefore: look.notBefore }),
      });
      start = {
        ...(before ?? { ruleId: rule.id, workspaceId }),
        status: 'pending',
        conditionSince: found.since,
      };
    }
    const { state, events } = evaluateAlert(rule, start, judged, now(), timeZone, workspaceId, judge);
    let next: AlertState = state;
    let posted = 0;
    for (const event of events) {
      const messageId = await this.post(rule, workspaceId, event, next, timeZone);
      if (messageId === undefined) return { posted, calls };
      posted += 1;
      if (event.kind === 'fire') next = { ...next, alertMessageId: messageId };
    }
    // A button pressed while we were posting (acknowledge, snooze, false alarm) wins.
    next = withPressesSince(before, await store.getAlertState(rule.id, workspaceId), next);
    if (!(await store.saveAlertState(next))) {
      this.deps.log.info({ ruleId: rule.id }, 'alert rule was deleted during evaluation; state dropped');
    }
    return { posted, calls };
  }

  /**
   * The hourly buckets an "unusual" rule's baselines are made of: the weeks before the hours this
   * pass can judge, through the readings cache (past hours are fetched once), read once per pass
   * for each workspace × metric however many rules share them.
   */
  private baselineHours(
    workspaceId: string,
    metric: MetricName,
    counted: () => void,
  ): Promise<MetricPoint[] | undefined> {
    const key = `${workspaceId}|${metric}`;
    let read = this.baselineReads.get(key);
    if (!read) {
      const now = this.deps.now();
      const to = Math.floor(now / HOUR_MS) * HOUR_MS;
      const from =
        Math.floor((now - FIRST_LOOK_MS * 4) / HOUR_MS) * HOUR_MS - BASELINE_WEEKS * 7 * 24 * HOUR_MS;
      read = this.cache.callsNeeded(seriesKeyOf(workspaceId, metric), from, to).then((needed) => {
        if (needed > 1 && needed > this.baselineCallsLeft) return undefined;
        this.baselineCallsLeft -= needed;
        return this.hourlyBuckets(workspaceId, metric, from, to, counted);
      });
      this.baselineReads.set(key, read);
      read.catch(() => this.baselineReads.delete(key));
    }
    return read;
  }

  /** An "unusual" rule's baseline for the hour of `at` (from this pass's look-back, read once). */
  private async baselineOf(
    rule: AlertRule,
    workspaceId: string,
    at: number,
    timeZone: string,
  ): Promise<Baseline | undefined> {
    if (rule.condition.op !== 'unusual') return undefined;
    const points = await this.baselineHours(workspaceId, rule.metric, () => undefined);
    if (!points) return undefined;
    return baselineFor(rule.metric, points, at, timeZone, { weeks: BASELINE_WEEKS });
  }

  /**
   * The last reading of a room's metric within the look-back (`MAX_LOOK_BACK_MS`), by the
   * sensor-health logic: hourly buckets through the readings cache, then the raw readings of the
   * newest hour. The look-back's start when there is none.
   */
  private async lastReading(workspaceId: string, metric: MetricName, counted: () => void): Promise<number> {
    const now = this.deps.now();
    const from = now - MAX_LOOK_BACK_MS;
    const points = await this.hourlyBuckets(workspaceId, metric, from, now, counted);
    const newest = points.reduce<MetricPoint | undefined>(
      (a, p) => (!a || p.start > a.start ? p : a),
      undefined,
    );
    const raw = newest
      ? await this.reader(workspaceId, metric, counted).raw(
          newest.start,
          Math.min(newest.start + HOUR_MS, now),
        )
      : [];
    return lastReadingFound(metric, points, raw, from, now) ?? from;
  }

  /** Hourly buckets of [from, to) through the readings cache. */
  private async hourlyBuckets(
    workspaceId: string,
    metric: MetricName,
    from: number,
    to: number,
    counted: () => void,
  ): Promise<MetricPoint[]> {
    const result = await this.cache.read(
      {
        workspaceId,
        metric,
        aggregation: 'hourly',
        ...(metric === 'temperature' ? { unit: 'celsius' } : {}),
      },
      from,
      to,
      async (a, b) => {
        const r = await this.deps.webex.admin.metrics({
          workspaceId,
          metricName: metric,
          aggregation: 'hourly',
          from: a,
          to: b,
          ...(metric === 'temperature' ? { unit: 'celsius' as const } : {}),
        });
        for (let i = 0; i < Math.max(1, r.calls); i++) counted();
        return { items: r.items, calls: r.calls };
      },
    );
    return toPoints(result.items, 'hourly');
  }

  /** One room's metric as the condition's look-back reads it (in °C, like the rules); counts calls. */
  private reader(workspaceId: string, metric: MetricName, counted: () => void): SeriesReader {
    const read = async <A extends 'none' | 'hourly'>(aggregation: A, from: number, to: number) => {
      const result = await this.deps.webex.admin.metrics({
        workspaceId,
        metricName: metric,
        aggregation,
        from,
        to,
        ...(metric === 'temperature' ? { unit: 'celsius' as const } : {}),
      });
      for (let i = 0; i < Math.max(1, result.calls); i++) counted();
      return result;
    };
    return {
      raw: async (from, to) => {
        if (from >= to) return [];
        const result = await read('none', from, to);
        return result.items.map((item) => ({ at: Date.parse(item.timestamp), value: item.value }));
      },
      hourly: async (from, to): Promise<HourBucket[]> => {
        if (from >= to) return [];
        const result = await read('hourly', from, to);
        return result.items.map((item) => ({
          start: Date.parse(item.start),
          end: Date.parse(item.end),
          min: item.min,
          max: item.max,
        }));
      },
    };
  }

  /** Posts an alert event once (also across restarts); the message id, or undefined on failure. */
  private async post(
    rule: AlertRule,
    workspaceId: string,
    event: AlertEvent,
    state: AlertState,
    timeZone: string,
  ): Promise<string | undefined> {
    const at = event.kind === 'renotify' ? `:${event.at}` : '';
    const key = `alert:${rule.id}:${workspaceId}:${event.since}:${event.kind}${at}`;
    const claimedAt = this.deps.now();
    let message: Promise<Reply> | undefined;
    const build = async (): Promise<Reply> => {
      const directory = await this.deps.webex.directory.get();
      const roomName = directory.workspaces.find((w) => w.id === workspaceId)?.displayName ?? 'a room';
      const baseline = await this.baselineOf(rule, workspaceId, event.at, timeZone);
      return alertMessage({
        ...(baseline ? { baseline } : {}),
        rule,
        workspaceId,
        roomName,
        event,
        state,
        timeZone,
        unit: (await this.deps.spaceOf(rule.roomId)).unit,
        charts: this.deps.charts,
        history: (from) => this.history(workspaceId, rule.metric, from),
        now: this.deps.now(),
      });
    };
    const built = () => {
      message ??= build();
      return message;
    };
    try {
      return await postOnce(
        this.deps.store,
        key,
        claimedAt,
        async () => {
          const parentId =
            event.kind === 'resolve' ? await this.alertMessageId(rule, workspaceId, event) : undefined;
          const sent = await this.deps.webex.bot.sendMessage(
            replyMessage({ roomId: rule.roomId, ...(parentId ? { parentId } : {}) }, await built()),
          );
          return sent.id;
        },
        // The same event's message starts with the same line (its chart link comes later).
        guarded(this.deps.guard, rule.roomId, claimedAt, async () => {
          const head = firstLine((await built()).markdown);
          return (markdown) => firstLine(markdown) === head;
        }),
      );
    } catch (error) {
      this.deps.log.warn({ err: error, key }, 'could not post an alert; trying again next pass');
      return undefined;
    }
  }

  /** The alert a recovery replies to: from the state, or from the post log after a restart. */
  private async alertMessageId(
    rule: AlertRule,
    workspaceId: string,
    event: Extract<AlertEvent, { kind: 'resolve' }>,
  ): Promise<string | undefined> {
    return (
      event.alertMessageId ??
      (await this.deps.store.getPost(`alert:${rule.id}:${workspaceId}:${event.since}:fire`))?.messageId
    );
  }

  /** The last hours of a metric for the alert's chart (one call; only when an alert is posted). */
  private async history(workspaceId: string, metric: MetricName, from: number): Promise<Reading[]> {
    const result = await this.deps.webex.admin.metrics({
      workspaceId,
      metricName: metric,
      aggregation: 'none',
      from,
      to: this.deps.now(),
      ...(metric === 'temperature' ? { unit: 'celsius' as const } : {}),
    });
    return result.items.map((item) => ({ at: Date.parse(item.timestamp), value: item.value }));
  }
}

/** The readings cache's key of a room's hourly buckets, as alerts read them (temperature in °C). */
function seriesKeyOf(workspaceId: string, metric: MetricName): SeriesKey {
  return {
    workspaceId,
    metric,
    aggregation: 'hourly',
    ...(metric === 'temperature' ? { unit: 'celsius' } : {}),
  };
}

/** The first line of a message's text. */
function firstLine(markdown: string | undefined): string {
  return (markdown ?? '').trim().split('\n', 1)[0] ?? '';
}

const PRESSED = ['acknowledgedBy', 'acknowledgedAt', 'snoozedUntil', 'falseAlarm'] as const;

/** `next` with what people set through buttons between reading `before` and now (while still firing). */
function withPressesSince(
  before: AlertState | undefined,
  now: AlertState | undefined,
  next: AlertState,
): AlertState {
  if (!now || next.status !== 'firing') return next;
  const merged: AlertState = { ...next };
  for (const field of PRESSED) {
    if (now[field] === before?.[field]) continue;
    if (now[field] === undefined) delete merged[field];
    else Object.assign(merged, { [field]: now[field] });
  }
  return merged;
}
