/**
 * Sensor health, pure: from a room's hourly buckets over the last days (and, where asked, the raw
 * readings of one hour) → which sensors stopped reporting and since when, gaps that recur at the
 * same local weekday and hours, and readings no sensor can physically make. No I/O, no clock.
 */
import { DateTime } from 'luxon';
import type { MetricName } from '../webex/wire';

const HOUR_MS = 3_600_000;

/** Default: a sensor with no reading for 2 h is offline (`SENSOR_OFFLINE_AFTER`). */
export const DEFAULT_OFFLINE_AFTER_MS = 2 * HOUR_MS;

/**
 * Values outside these are impossible for the device (°C for temperature); people count is checked
 * against 3× the room's capacity instead. Webex drops zeros and negative values before it
 * aggregates, so impossible negatives never reach hourly buckets: only impossible highs show there.
 */
export const PHYSICAL_RANGE: Readonly<
  Record<Exclude<MetricName, 'peopleCount'>, { min: number; max: number }>
> = {
  temperature: { min: -30, max: 60 },
  humidity: { min: 0, max: 100 },
  tvoc: { min: 0, max: Number.POSITIVE_INFINITY },
  ambientNoise: { min: 0, max: Number.POSITIVE_INFINITY },
  soundLevel: { min: 0, max: Number.POSITIVE_INFINITY },
};
/** More people than this many times the capacity is a counting fault, not a crowd. */
export const PEOPLE_PER_CAPACITY_LIMIT = 3;

/** An hourly bucket as epoch ms. */
export interface HourBucket {
  start: number;
  min: number;
  max: number;
}

export interface HealthSeries {
  metric: MetricName;
  /** The hourly buckets read over [from, to) (any order). */
  buckets: readonly HourBucket[];
  from: number;
  to: number;
  /** Raw readings of one hour read to pinpoint a time (the last reading, an impossible value). */
  raw?: readonly { at: number; value: number }[];
}

export interface RoomHealthInput {
  room: { id: string; displayName: string; capacity?: number };
  series: readonly HealthSeries[];
}

export interface HealthOptions {
  now: number;
  offlineAfterMs: number;
  timeZone: string;
}

export type HealthProblem =
  | {
      kind: 'offline';
      /** Every sensor of the device, or these metrics. */
      metrics: 'device' | MetricName[];
      /** The last reading; absent when none in the whole look-back (`since` = its start). */
      lastReading?: number;
      since: number;
      /** True when `lastReading` is the exact reading, false when only its hour is known. */
      exact: boolean;
    }
  | {
      kind: 'impossible';
      metric: MetricName;
      value: number;
      /** The reading's instant (exact) or its hour's start. */
      at: number;
      exact: boolean;
      /** Hours with an impossible value in the look-back. */
      hours: number;
    }
  | {
      kind: 'recurring-gap';
      /** ISO weekday (1 = Monday), local start and end (minutes after midnight; end may be 1440). */
      weekday: number;
      startMinute: number;
      endMinute: number;
      /** Weeks it happened in, of the weeks the look-back holds that slot. */
      weeks: number;
      ofWeeks: number;
    };

export interface RoomHealth {
  room: RoomHealthInput['room'];
  problems: HealthProblem[];
  /** 0 healthy; higher is worse (an offline device, a silent sensor, impossible values, recurring gaps). */
  severity: number;
}

/** Metrics whose silence means the sensor is silent (people count has no bucket when nobody is in). */
const reportsAlways = (m: MetricName) => m !== 'peopleCount';

function newestBucket(s: HealthSeries): HourBucket | undefined {
  let best: HourBucket | undefined;
  for (const b of s.buckets) if (!best || b.start > best.start) best = b;
  return best;
}

function lastRaw(s: HealthSeries): number | undefined {
  let last: number | undefined;
  for (const r of s.raw ?? []) if (last === undefined || r.at > last) last = r.at;
  return last;
}

/**
 * A series is offline when its newest reading is older than `offlineAfterMs`: from the raw hour
 * when it was read, else from its newest bucket's end (an hour's precision). Returns the last
 * reading and whether it is exact; `undefined` when the series reports.
 */
export function silence(
  s: HealthSeries,
  o: Pick<HealthOptions, 'now' | 'offlineAfterMs'>,
): { last?: number; exact: boolean } | undefined {
  const bucket = newestBucket(s);
  if (!bucket) return { exact: false };
  // Raw readings pinpoint the last one only when they cover the newest bucket's hour.
  const raw = lastRaw(s);
  const exact = raw !== undefined && raw >= bucket.start;
  const last = exact ? raw : Math.min(bucket.start + HOUR_MS, s.to);
  return o.now - last > o.offlineAfterMs ? { last, exact } : undefined;
}

/** Whether a series may be offline: its newest bucket began longer ago than the limit (pinpoint its hour). */
export function mayBeSilent(
  s: HealthSeries,
  o: Pick<HealthOptions, 'now' | 'offlineAfterMs'>,
): HourBucket | undefined {
  const bucket = newestBucket(s);
  return bucket && o.now - bucket.start > o.offlineAfterMs ? bucket : undefined;
}

function limitOf(metric: MetricName, capacity: number | undefined): { min: number; max: number } | undefined {
  if (metric !== 'peopleCount') return PHYSICAL_RANGE[metric];
  return capacity && capacity > 0 ? { min: 0, max: PEOPLE_PER_CAPACITY_LIMIT * capacity } : undefined;
}

const outside = (v: number, r: { min: number; max: number }) => v < r.min || v > r.max;

/** The hourly buckets of a series holding an impossible value, newest first. */
export function impossibleBuckets(s: HealthSeries, capacity: number | undefined): HourBucket[] {
  const range = limitOf(s.metric, capacity);
  if (!range) return [];
  return s.buckets
    .filter((b) => outside(b.min, range) || outside(b.max, range))
    .sort((a, b) => b.start - a.start);
}

function impossible(s: HealthSeries, capacity: number | undefined): HealthProblem | undefined {
  const hours = impossibleBuckets(s, capacity);
  const newest = hours[0];
  const range = limitOf(s.metric, capacity);
  if (!newest || !range) return undefined;
  const rawHit = (s.raw ?? [])
    .filter((r) => r.at >= newest.start && r.at < newest.start + HOUR_MS && outside(r.value, range))
    .sort((a, b) => b.at - a.at)[0];
  const value = rawHit?.value ?? (newest.max > range.max ? newest.max : newest.min);
  return {
    kind: 'impossible',
    metric: s.metric,
    value,
    at: rawHit?.at ?? newest.start,
    exact: rawHit !== undefined,
    hours: hours.length,
  };
}

/**
 * Gaps of the device's always-reporting series that recur: runs of whole hours without a bucket
 * between its first and newest bucket, keyed by local weekday and hours, kept when the same key
 * happened in two weeks or more.
 */
export function recurringGaps(s: HealthSeries, timeZone: string): HealthProblem[] {
  const starts = new Set(s.buckets.map((b) => b.start));
  const sorted = [...starts].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const runs: { start: number; end: number }[] = [];
  let open: number | undefined;
  for (let h = first; h <= last; h += HOUR_MS) {
    if (!starts.has(h)) open ??= h;
    else if (open !== undefined) {
      runs.push({ start: open, end: h });
      open = undefined;
    }
  }
  const byKey = new Map<string, { weekday: number; startMinute: number; endMinute: number; weeks: number }>();
  for (const run of runs) {
    const a = DateTime.fromMillis(run.start, { zone: timeZone });
    const b = DateTime.fromMillis(run.end, { zone: timeZone });
    if (b.diff(a, 'days').days >= 1) continue;
    const startMinute = a.hour * 60 + a.minute;
    const endMinute = b.hasSame(a, 'day') ? b.hour * 60 + b.minute : 1440 + b.hour * 60 + b.minute;
    const key = `${a.weekday}|${startMinute}|${endMinute}`;
    const entry = byKey.get(key) ?? { weekday: a.weekday, startMinute, endMinute, weeks: 0 };
    entry.weeks += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .filter((g) => g.weeks >= 2)
    .map((g) => ({ kind: 'recurring-gap', ...g, ofWeeks: slotsIn(s.from, s.to, g, timeZone) }));
}

/** How many times a weekly local slot lies wholly inside [from, to). */
function slotsIn(
  from: number,
  to: number,
  g: { weekday: number; startMinute: number; endMinute: number },
  timeZone: string,
): number {
  let day = DateTime.fromMillis(from, { zone: timeZone }).startOf('day');
  let n = 0;
  for (; day.toMillis() < to; day = day.plus({ days: 1 })) {
    if (day.weekday !== g.weekday) continue;
    const start = day.plus({ minutes: g.startMinute }).toMillis();
    const end = day.plus({ minutes: g.endMinute }).toMillis();
    if (start >= from && end <= to) n++;
  }
  return n;
}

/**
 * One room's health. `witness` is the series gaps are looked for in (the device's longest-read
 * always-reporting one); when every always-reporting series is offline the device is.
 */
export function roomHealth(input: RoomHealthInput, o: HealthOptions): RoomHealth {
  const problems: HealthProblem[] = [];
  const always = input.series.filter((s) => reportsAlways(s.metric));
  const silent = always.flatMap((s) => {
    const quiet = silence(s, o);
    return quiet ? [{ s, ...quiet }] : [];
  });
  const sinceOf = (q: { s: HealthSeries; last?: number }) => q.last ?? q.s.from;
  if (silent.length > 0 && silent.length === always.length) {
    const newest = silent.reduce((a, b) => (sinceOf(b) > sinceOf(a) ? b : a));
    problems.push({
      kind: 'offline',
      metrics: 'device',
      ...(newest.last !== undefined ? { lastReading: newest.last } : {}),
      since: sinceOf(newest),
      exact: newest.exact,
    });
  } else {
    for (const q of silent) {
      problems.push({
        kind: 'offline',
        metrics: [q.s.metric],
        ...(q.last !== undefined ? { lastReading: q.last } : {}),
        since: sinceOf(q),
        exact: q.exact,
      });
    }
  }
  for (const s of input.series) {
    const p = impossible(s, input.room.capacity);
    if (p) problems.push(p);
  }
  const witness = [...always].sort((a, b) => a.from - b.from)[0];
  if (witness) problems.push(...recurringGaps(witness, o.timeZone));
  return { room: input.room, problems, severity: severityOf(problems) };
}

const WEIGHT = { device: 4, metric: 3, impossible: 2, gap: 1 } as const;

function severityOf(problems: readonly HealthProblem[]): number {
  let worst = 0;
  for (const p of problems) {
    const w =
      p.kind === 'offline'
        ? p.metrics === 'device'
          ? WEIGHT.device
          : WEIGHT.metric
        : p.kind === 'impossible'
          ? WEIGHT.impossible
          : WEIGHT.gap;
    worst = Math.max(worst, w);
  }
  return worst;
}

/** Rooms worst first: by severity, then the longest silence, then name. Healthy rooms last. */
export function worstFirst(rooms: readonly RoomHealth[]): RoomHealth[] {
  const oldestSilence = (r: RoomHealth) =>
    Math.min(...r.problems.map((p) => (p.kind === 'offline' ? p.since : Number.POSITIVE_INFINITY)));
  return [...rooms].sort(
    (a, b) =>
      b.severity - a.severity ||
      oldestSilence(a) - oldestSilence(b) ||
      a.room.displayName.localeCompare(b.room.displayName),
  );
}
