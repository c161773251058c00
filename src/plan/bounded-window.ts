import { DateTime } from 'luxon';
import { planWindows } from '../webex/metric-windows';
import { DAY_MS, HOUR_MS, METRICS_MAX_SPAN_MS } from '../webex/wire/limits';
import type { AnswerLimits } from './limits';

export type Aggregation = 'none' | 'hourly' | 'daily';

/** A window an answer may read: inside the history the bot keeps, never in the future. */
export interface BoundedWindow {
  from: number;
  /** `from` before it was moved to a whole hour: what the answer's label names ("last 6 h"). */
  labelFrom: number;
  to: number;
  aggregation: Aggregation;
  /** What changed and why, in the person's words. */
  notes: string[];
}

/** Why a window cannot be answered at all (the answer says so and reads nothing). */
export interface WindowProblem {
  problem: string;
}

const BUCKET_MS: Readonly<Record<Aggregation, number>> = { none: HOUR_MS, hourly: HOUR_MS, daily: DAY_MS };

/** Calls one (room, metric) pair takes for a window: its legal windows (48 h / 30 days each). */
export function callsFor(from: number, to: number, aggregation: Aggregation): number {
  return planWindows(from, to, aggregation).length;
}

/** Items one (room, metric) pair returns at most: readings every 5 min, or one per bucket. */
export function pointsFor(from: number, to: number, aggregation: Aggregation): number {
  if (!(to > from)) return 0;
  if (aggregation === 'none') return Math.ceil((to - from) / 300_000);
  const size = BUCKET_MS[aggregation];
  return Math.floor((to - 1) / size) - Math.floor(from / size) + 1;
}

const day = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat('d LLL yyyy', { locale: 'en-GB' });

/**
 * Bounds a window: `to` never after now, `from` never before the history limit, raw readings only
 * up to 48 h and hourly buckets only up to a month (coarser beyond, with a note). Hourly windows
 * start on a whole hour, so every past bucket is complete and can be reused. A window that is
 * unreadable (not a time, wholly in the future or wholly older than the history) is a problem.
 */
export function boundWindow(
  asked: { from: number; to: number; aggregation: Aggregation },
  now: number,
  limits: AnswerLimits,
  timeZone: string,
): BoundedWindow | WindowProblem {
  const notes: string[] = [];
  let { from, to, aggregation } = asked;
  if (!(Number.isFinite(from) && Number.isFinite(to)) || from >= to)
    return { problem: 'That time range is not one I can read (its start is not before its end).' };
  if (from >= now) return { problem: 'That time range is in the future; I only have readings up to now.' };
  if (to > now) to = now;
  const oldest = now - limits.maxHistoryDays * DAY_MS;
  if (to <= oldest)
    return {
      problem: `That is more than ${limits.maxHistoryDays} days ago; I look back at most ${limits.maxHistoryDays} days (since ${day(oldest, timeZone)}).`,
    };
  if (from < oldest) {
    from = oldest;
    notes.push(
      `I look back at most ${limits.maxHistoryDays} days: showing ${day(from, timeZone)} to ${day(to, timeZone)}.`,
    );
  }
  if (aggregation === 'none' && to - from > limits.maxRawSpanMs) {
    aggregation = to - from > limits.maxHourlySpanMs ? 'daily' : 'hourly';
    notes.push(
      `Single readings are shown for up to ${Math.round(limits.maxRawSpanMs / HOUR_MS)} h: showing ${aggregation} averages.`,
    );
  } else if (aggregation === 'hourly' && to - from > limits.maxHourlySpanMs) {
    aggregation = 'daily';
    notes.push(
      `Hourly values are shown for up to ${Math.round(limits.maxHourlySpanMs / DAY_MS)} days: showing daily averages.`,
    );
  }
  const labelFrom = from;
  if (aggregation === 'hourly') from = Math.floor(from / HOUR_MS) * HOUR_MS;
  return { from, labelFrom, to, aggregation, notes };
}

/**
 * A window narrowed (end kept) so one (room, metric) pair takes at most `calls` calls and
 * `points` items; a coarser aggregation first when that keeps more of the window.
 */
export function narrowWindow(
  window: BoundedWindow,
  maxCalls: number,
  maxPoints: number,
  timeZone: string,
): BoundedWindow {
  const fits = (w: { from: number; to: number; aggregation: Aggregation }) =>
    callsFor(w.from, w.to, w.aggregation) <= maxCalls && pointsFor(w.from, w.to, w.aggregation) <= maxPoints;
  if (fits(window)) return window;
  if (window.aggregation !== 'daily' && window.to - window.from > DAY_MS) {
    const daily = { ...window, aggregation: 'daily' as const };
    if (fits(daily))
      return {
        ...daily,
        from: window.labelFrom,
        notes: [...window.notes, 'Showing daily averages to keep the answer quick.'],
      };
  }
  const aggregation = window.aggregation;
  const size = aggregation === 'none' ? HOUR_MS : BUCKET_MS[aggregation];
  const span = Math.min(
    maxCalls * METRICS_MAX_SPAN_MS[aggregation],
    maxPoints * (aggregation === 'none' ? 300_000 : size),
  );
  let from = Math.max(window.from, window.to - Math.max(size, span));
  if (aggregation !== 'none') from = Math.ceil(from / size) * size;
  while (from < window.to && !fits({ from, to: window.to, aggregation })) from += size;
  if (from >= window.to) from = window.to - size;
  const note = `That is more than one answer reads for this many rooms: showing ${day(from, timeZone)} to ${day(window.to, timeZone)}.`;
  return { from, labelFrom: from, to: window.to, aggregation, notes: [...window.notes, note] };
}

export const isProblem = (w: BoundedWindow | WindowProblem): w is WindowProblem => 'problem' in w;
