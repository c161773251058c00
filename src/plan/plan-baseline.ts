import { DateTime } from 'luxon';
import { DAY_MS, HOUR_MS } from '../webex/wire/limits';
import { callsFor, pointsFor } from './bounded-window';
import type { AnswerLimits } from './limits';
import type { AnswerPlan, MetricFetch } from './plan-answer';

/** Weeks a room's usual is made of (the same weekday and hours, one bucket a week). */
export const BASELINE_WEEKS = 6;
/** Rooms an answer compares with their usual at most: each costs a call a week per metric. */
export const MAX_BASELINE_ROOMS = 3;
/** Calls the comparison adds to one answer at most (one room's six sensors over six weeks). */
export const MAX_BASELINE_CALLS = 36;
/** Windows longer than a day (and its DST hour) are not compared hour by hour with the usual. */
export const MAX_BASELINE_WINDOW_MS = DAY_MS + HOUR_MS;

/** One past week's read: the answer's series, `weeksBack` weeks earlier, in hourly buckets. */
export interface BaselineFetch extends MetricFetch {
  weeksBack: number;
  /** The answer's series it is the history of. */
  of: MetricFetch;
}

export interface BaselinePlan {
  /** The reads as a plan for the read step: one call each on a cold cache, none once cached. */
  plan: AnswerPlan;
  fetches: BaselineFetch[];
  /** Why nothing is compared (too many rooms, too long a window), or undefined. */
  skipped?: 'rooms' | 'window';
}

/**
 * What an answer about a few rooms reads to say whether a value is unusual for the room: for each of
 * its series, the whole local hours of its window shifted back 1…{@link BASELINE_WEEKS} weeks (the
 * local wall clock: DST-correct), in hourly buckets. Past weeks' buckets are complete, so the
 * readings cache keeps them: the same question again or a follow-up reads none of them again.
 * Bounded: at most {@link MAX_BASELINE_ROOMS} rooms, a window of about a day, and
 * {@link MAX_BASELINE_CALLS} calls unless `maxCalls` says otherwise (series past it are not
 * compared), never past the history limit or the calls one answer may make. Pure: the clock and limits are parameters.
 */
export function planBaselines(
  plan: AnswerPlan,
  ctx: { now: number; limits: AnswerLimits; timeZone: string },
  options: { maxCalls?: number } = {},
): BaselinePlan {
  const none = (skipped?: BaselinePlan['skipped']): BaselinePlan => ({
    plan: { ...plan, fetches: [], unsupported: [], omittedRooms: [], notes: [], calls: 0, expectedPoints: 0 },
    fetches: [],
    ...(skipped ? { skipped } : {}),
  });
  if (plan.fetches.length === 0) return none();
  if (new Set(plan.fetches.map((f) => f.room.id)).size > MAX_BASELINE_ROOMS) return none('rooms');
  const end = Math.min(plan.to, ctx.now);
  if (end - plan.from > MAX_BASELINE_WINDOW_MS) return none('window');
  const zone = ctx.timeZone;
  const first = DateTime.fromMillis(plan.from, { zone }).startOf('hour');
  const lastHour = DateTime.fromMillis(end - 1, { zone }).startOf('hour');
  const oldest = ctx.now - ctx.limits.maxHistoryDays * DAY_MS;
  const budget = Math.min(
    options.maxCalls ?? MAX_BASELINE_CALLS,
    Math.max(0, ctx.limits.maxCallsPerAnswer - plan.calls),
  );
  const fetches: BaselineFetch[] = [];
  let spent = 0;
  for (const of of plan.fetches) {
    const weeks: BaselineFetch[] = [];
    for (let k = 1; k <= BASELINE_WEEKS; k++) {
      const from = first.minus({ weeks: k }).toMillis();
      const to = lastHour.minus({ weeks: k }).plus({ hours: 1 }).toMillis();
      if (from < oldest) continue;
      weeks.push({ ...of, from, to, aggregation: 'hourly', weeksBack: k, of });
    }
    const calls = weeks.reduce((n, w) => n + callsFor(w.from, w.to, w.aggregation), 0);
    // A series is compared with all its weeks or not at all.
    if (spent + calls > budget) break;
    spent += calls;
    fetches.push(...weeks);
  }
  return {
    plan: {
      ...plan,
      fetches,
      aggregation: 'hourly',
      unsupported: [],
      omittedRooms: [],
      notes: [],
      calls: spent,
      expectedPoints: fetches.reduce((n, f) => n + pointsFor(f.from, f.to, f.aggregation), 0),
    },
    fetches,
  };
}
