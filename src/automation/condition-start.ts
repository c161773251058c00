/**
 * When did an alert's condition start to hold? An alert's "since" must be the time of the first
 * reading past the threshold in the readings — not the first reading the bot happened to look at
 * (a new rule looks at the last 30 minutes; after an outage the bot reads only the last 2 hours).
 *
 * When a look at new readings begins in breach with nothing known before it, the readings before
 * are read backwards, bounded: hourly buckets in chunks of 48 h (the API's span for hourly data),
 * up to `MAX_LOOK_BACK_MS`, stopping at the first hour that is not wholly past the threshold (or a
 * missing hour: a sensor gap, where the condition is not known to have held); then the raw readings
 * of that boundary pin the first reading of the unbroken run. Typically 3 calls, at most 6.
 *
 * The condition is a fixed threshold, or any `ConditionTest`: an "unusual" rule's judge (each
 * reading and hour against its own baseline) searches back the same way.
 *
 * Pure apart from the injected `reader`; no clock of its own.
 */
import type { AlertState, ThresholdCondition } from '../model';
import { HOUR_MS } from '../webex/wire/limits';
import { breaches, type Reading, type ReadingJudge } from './alert-machine';

/** How far back the start of a condition is looked for. */
export const MAX_LOOK_BACK_MS = 7 * 24 * HOUR_MS;
/** Hourly data per call (the API's span limit for hourly buckets). */
const HOURLY_CHUNK_MS = 48 * HOUR_MS;
/**
 * Readings closer together than this are one continuous look: a breach right after a reading that
 * was evaluated as normal started at that breach, nothing to look back for.
 */
export const CONTINUOUS_MS = 15 * 60_000;

/** An hourly bucket's extremes: enough to tell whether the whole hour was past the threshold. */
export interface HourBucket {
  start: number;
  end: number;
  min: number;
  max: number;
}

/** Reads one room's metric: raw readings in [from, to), and hourly buckets in [from, to) (≤ 48 h). */
export interface SeriesReader {
  raw(from: number, to: number): Promise<Reading[]>;
  hourly(from: number, to: number): Promise<HourBucket[]>;
}

/**
 * What the backward search asks of a condition: whether one reading is past it (undefined: cannot
 * be judged, so not known to hold), and whether every reading of an hour was (from its extremes).
 */
export interface ConditionTest {
  breaches: ReadingJudge['breaches'];
  wholeHour(bucket: HourBucket): boolean;
}

/** A fixed threshold as the search's test (hysteresis plays no part in when a run starts). */
export function thresholdTest(condition: ThresholdCondition): ConditionTest {
  return {
    breaches: (r) => breaches(condition, r.value),
    wholeHour: (bucket) => wholeHourBreached(condition, bucket),
  };
}

function testOf(condition: ThresholdCondition | ConditionTest): ConditionTest {
  return 'op' in condition ? thresholdTest(condition) : condition;
}

export interface ConditionStart {
  /** The time of the first reading of the unbroken run past the threshold. */
  since: number;
  /** False when the run reaches back to the look-back bound: it may have started earlier. */
  exact: boolean;
}

/** A look that begins past the condition: its first reading, and when the condition did not hold. */
export interface LookBack {
  first: Reading;
  notBefore?: number;
}

/**
 * Whether a look at `readings` needs the history before it: the episode-free state (none, or
 * normal) meets a first new reading that is already past the threshold, and the reading evaluated
 * before it (if any) is more than `CONTINUOUS_MS` earlier. Returns that first reading and the
 * instant the condition is known not to have held (the last reading evaluated), else undefined.
 */
export function lookBackFrom(
  condition: ThresholdCondition | ConditionTest,
  state: AlertState | undefined,
  readings: readonly Reading[],
): LookBack | undefined {
  if (state && state.status !== 'normal') return undefined;
  const seen = state?.lastReadingAt;
  const first = readings
    .filter((r) => (seen === undefined || r.at > seen) && Number.isFinite(r.at) && Number.isFinite(r.value))
    .reduce<Reading | undefined>((a, r) => (a === undefined || r.at < a.at ? r : a), undefined);
  if (!first || testOf(condition).breaches(first) !== true) return undefined;
  if (seen !== undefined && first.at - seen <= CONTINUOUS_MS) return undefined;
  return seen === undefined ? { first } : { first, notBefore: seen };
}

/**
 * The start of the run past the threshold that ends in `readings` (ascending): the reading after
 * the last one not past it; `broken` says whether such a reading was found (else the run may
 * continue before the first reading, and `start` is that first reading, or `end` when empty).
 */
export function runStart(
  condition: ThresholdCondition | ConditionTest,
  readings: readonly Reading[],
  end: number,
): { start: number; broken: boolean } {
  const test = testOf(condition);
  for (let i = readings.length - 1; i >= 0; i--) {
    if (test.breaches(readings[i]!) !== true) return { start: readings[i + 1]?.at ?? end, broken: true };
  }
  return { start: readings[0]?.at ?? end, broken: false };
}

/** Whether every reading of an hour was past the threshold (its min and max say so). */
export function wholeHourBreached(condition: ThresholdCondition, bucket: HourBucket): boolean {
  switch (condition.op) {
    case 'above':
      return bucket.min > condition.value;
    case 'below':
      return bucket.max < condition.value;
    case 'outside':
      return bucket.min > condition.high || bucket.max < condition.low;
  }
}

/**
 * When the condition started to hold, given that it holds at `at` (a reading past the threshold)
 * and did not hold at `notBefore` (when given). Readings after `notBefore` and at most
 * `maxLookBackMs` before the hour of `at` are considered.
 */
export async function findConditionStart(
  given: ThresholdCondition | ConditionTest,
  at: number,
  reader: SeriesReader,
  options: { notBefore?: number; maxLookBackMs?: number } = {},
): Promise<ConditionStart> {
  const condition = testOf(given);
  const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
  const byAge = hour - (options.maxLookBackMs ?? MAX_LOOK_BACK_MS);
  const afterKnown = options.notBefore === undefined ? Number.NEGATIVE_INFINITY : options.notBefore + 1;
  // The earliest instant considered, and whether reaching it means "or earlier".
  const limit = Math.max(byAge, afterKnown);
  const bounded = byAge >= afterKnown;

  // The hour of `at`, up to it.
  const recent = (await reader.raw(Math.max(hour, limit), at)).filter((r) => r.at < at);
  const inHour = runStart(condition, sort(recent), at);
  if (inHour.broken || hour <= limit) return { since: inHour.start, exact: inHour.broken || !bounded };

  // Whole hours before it, newest first, in chunks the API allows.
  let earliestFull = hour;
  let boundary: HourBucket | undefined;
  let stopped: 'boundary' | 'gap' | 'limit' = 'limit';
  scan: for (let to = hour; to > limit; to -= HOURLY_CHUNK_MS) {
    const from = Math.max(limit, to - HOURLY_CHUNK_MS);
    const buckets = (await reader.hourly(from, to))
      .filter((b) => b.end <= to)
      .sort((a, b) => b.start - a.start);
    for (const bucket of buckets) {
      if (bucket.end !== earliestFull) {
        stopped = 'gap';
        break scan;
      }
      if (!condition.wholeHour(bucket)) {
        boundary = bucket;
        stopped = 'boundary';
        break scan;
      }
      earliestFull = bucket.start;
    }
    // A chunk that ends before its window does (an empty hour at its start) is a gap too.
    if (earliestFull > from) {
      stopped = 'gap';
      break;
    }
  }

  if (earliestFull === hour && stopped !== 'boundary') {
    // Not one whole hour before: the run starts with the first reading of this hour.
    return { since: inHour.start, exact: true };
  }
  const from = Math.max(limit, boundary ? boundary.start : earliestFull);
  const to = earliestFull === hour ? hour : earliestFull + HOUR_MS;
  const edge = sort(await reader.raw(from, to));
  // The reading after the edge: the first of this hour's run (already read), when the edge ends there.
  const run = runStart(condition, edge, earliestFull === hour ? inHour.start : to);
  if (run.broken) return { since: run.start, exact: true };
  // Every reading read is past the threshold: the run starts at the first of them at the latest.
  const since = edge[0]?.at ?? (earliestFull === hour ? inHour.start : earliestFull);
  return { since, exact: stopped !== 'limit' || !bounded };
}

function sort(readings: readonly Reading[]): Reading[] {
  return readings
    .filter((r) => Number.isFinite(r.at) && Number.isFinite(r.value))
    .sort((a, b) => a.at - b.at);
}
