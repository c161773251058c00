/**
 * "Sensor goes quiet" alert rules, pure: silence is turned into readings the threshold state
 * machine understands, so hold, snooze, acknowledge, false alarm, reminders and the threaded
 * recovery are the same as for thresholds. Each real reading is a "reporting" mark (0); when the
 * newest reading known is older than the rule's time at `now`, one "quiet" mark (1) just after
 * that reading makes the alert fire, `since` the last reading. The next real reading resolves it.
 * The last reading before a first look is found with the sensor-health logic (`silence`).
 */
import { type HealthSeries, type HourBucket, silence } from '../metrics/sensor-health';
import type { AlertState, QuietCondition } from '../model';
import type { Reading, ReadingJudge } from './alert-machine';

/** The quiet mark sits this long after the last reading (so it is newer than it; invisible in minutes). */
export const QUIET_MARK_MS = 1;

/** A quiet mark fires, a reporting mark resolves. */
export const QUIET_JUDGE: ReadingJudge = {
  breaches: (r) => r.value > 0,
  recovered: (r) => r.value === 0,
};

/** The last reading of a quiet episode whose `since` is its quiet mark. */
export function lastReadingOf(since: number): number {
  return since - QUIET_MARK_MS;
}

/**
 * The marks the machine evaluates at `now` for new real `readings` (any order) after what `state`
 * saw. A firing rule with nothing new gets no mark (it stays firing, reminders follow `now`).
 */
export function quietMarks(
  condition: QuietCondition,
  state: AlertState | undefined,
  readings: readonly Reading[],
  now: number,
): Reading[] {
  const seen = state?.lastReadingAt ?? Number.NEGATIVE_INFINITY;
  const real = readings.filter((r) => r.at > seen && Number.isFinite(r.at)).sort((a, b) => a.at - b.at);
  const marks = real.map((r) => ({ at: r.at, value: 0 }));
  if (real.length === 0 && state?.status === 'firing') return marks;
  const newest = real.at(-1)?.at ?? state?.lastReadingAt;
  if (newest !== undefined && now - newest > condition.afterMs)
    marks.push({ at: newest + QUIET_MARK_MS, value: 1 });
  return marks;
}

/**
 * The last reading before `to` from a look-back's hourly buckets and the raw readings of their
 * newest hour (the sensor-health logic: exact when the raw hour covers it, else the hour's end).
 * Undefined when there is no bucket at all (then the look-back's start is as far as it is known).
 */
export function lastReadingFound(
  metric: HealthSeries['metric'],
  buckets: readonly HourBucket[],
  raw: readonly Reading[],
  from: number,
  to: number,
): number | undefined {
  return silence({ metric, buckets, raw, from, to }, { now: to, offlineAfterMs: -1 })?.last;
}
