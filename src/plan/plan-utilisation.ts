import type { ParsedRequest } from '../language/types';
import { workingHoursOf } from '../model/space-settings';
import { describeWorkingHours, type Interval, workingIntervals } from '../model/working-hours';
import { DAY_MS } from '../webex/wire/limits';
import { boundWindow, callsFor, isProblem } from './bounded-window';
import { type AnswerPlan, hasSensor, type PlanContext, type PlanRoom, planReadings } from './plan-answer';

export type DurationMeasurement = 'timeBooked' | 'timeUsed';
export type DurationAggregation = 'hourly' | 'daily';

/** Both measurements of one room over the plan's window. */
export interface DurationFetch {
  room: PlanRoom;
  from: number;
  to: number;
  aggregation: DurationAggregation;
}

/** Everything a utilisation answer will read, decided before any I/O. */
export interface UtilisationPlan {
  /** Every room in scope (known to the directory), directory order. */
  rooms: PlanRoom[];
  /** Rooms whose booked and used time are read: `rooms` unless one answer may not read them all. */
  fetches: DurationFetch[];
  from: number;
  labelFrom: number;
  /** The request's window starts at a time the person stated ("since 8am"): the label names it. */
  anchoredStart?: true;
  to: number;
  aggregation: DurationAggregation;
  /** People-count readings of the read rooms that count people (peaks, ghost confirmation); absent when the budget has no room for them. */
  people?: AnswerPlan;
  /** The space's working intervals within the window. */
  working: Interval[];
  /** Duration calls plus people-count calls on a cold cache. */
  calls: number;
  notes: string[];
  problem?: string;
}

/** Windows up to this long read hourly buckets (ghost bookings can be counted); longer ones daily for several rooms. */
const HOURLY_FOR_MANY_ROOMS_MS = 8 * DAY_MS;

/**
 * Plans a utilisation answer: `timeBooked` and `timeUsed` of every room in scope (two series per
 * room), by the hour where the budget allows (a week for many rooms, up to a month for one), by the
 * day otherwise; rooms beyond the calls one answer may make are left out and said so; people count
 * of the read rooms only with the calls left. Pure.
 */
export function planUtilisation(request: ParsedRequest, ctx: PlanContext): UtilisationPlan {
  if (request.from === undefined || request.to === undefined)
    throw new Error(`A ${request.intent} request reached the plan without a window.`);
  const { limits, space } = ctx;
  const byId = new Map(ctx.directory.workspaces.map((w) => [w.id, w]));
  const rooms = request.workspaces.map((r) => byId.get(r.id)).filter((r): r is PlanRoom => r !== undefined);
  const notes: string[] = [];
  const empty = (problem: string): UtilisationPlan => ({
    rooms,
    fetches: [],
    from: Date.parse(request.from!),
    labelFrom: Date.parse(request.from!),
    to: Date.parse(request.to!),
    aggregation: 'hourly',
    working: [],
    calls: 0,
    notes,
    problem,
  });
  const bounded = boundWindow(
    { from: Date.parse(request.from), to: Date.parse(request.to), aggregation: 'hourly' },
    ctx.now,
    limits,
    space.timeZone,
  );
  if (isProblem(bounded)) return empty(bounded.problem);
  // boundWindow's note about daily averages is for sensor answers; say it in this answer's words.
  notes.push(...bounded.notes.filter((n) => !n.startsWith('Hourly values')));
  const { from, to } = bounded;
  const budget = limits.maxCallsPerAnswer;
  const hourlyCalls = 2 * callsFor(from, to, 'hourly');
  const hourly =
    bounded.aggregation === 'hourly' &&
    rooms.length * hourlyCalls <= budget &&
    (rooms.length === 1 || to - from <= HOURLY_FOR_MANY_ROOMS_MS);
  const aggregation: DurationAggregation = hourly ? 'hourly' : 'daily';
  if (!hourly) notes.push('Read by the day: ghost time is counted in minutes, not as separate bookings.');
  const perRoom = 2 * callsFor(from, to, aggregation);
  const readCount = Math.min(rooms.length, Math.floor(budget / perRoom));
  const read = rooms.slice(0, readCount);
  if (readCount < rooms.length)
    notes.push(
      `One answer makes at most ${budget.toLocaleString('en-US')} calls: showing ${readCount.toLocaleString('en-US')} of ${rooms.length.toLocaleString('en-US')} rooms. Ask about a floor or a site for the rest.`,
    );
  const durationCalls = read.length * perRoom;
  const counting = read.filter((room) => hasSensor(room, 'peopleCount'));
  const peopleCalls = counting.length * callsFor(from, to, aggregation);
  let people: AnswerPlan | undefined;
  if (counting.length > 0 && durationCalls + peopleCalls <= budget) {
    const planned = planReadings(
      { rooms: counting, metrics: ['peopleCount'], from, to, aggregation, unit: space.unit },
      ctx,
    );
    // Only a read of the same window and buckets can be set beside the durations.
    if (!planned.problem && planned.from === from && planned.aggregation === aggregation) people = planned;
  }
  if (counting.length > 0 && !people)
    notes.push('Peak people not read: it would take more calls than one answer may make.');
  const working = workingIntervals(workingHoursOf(space), from, to, space.timeZone);
  notes.push(
    working.length > 0
      ? `Used share of working hours, ${describeWorkingHours(workingHoursOf(space))}.`
      : `No working hours (${describeWorkingHours(workingHoursOf(space))}) in this window: no used share.`,
  );
  return {
    rooms,
    fetches: read.map((room) => ({ room, from, to, aggregation })),
    from,
    labelFrom: bounded.labelFrom,
    ...(request.anchoredStart ? { anchoredStart: true as const } : {}),
    to,
    aggregation,
    ...(people ? { people } : {}),
    working,
    calls: durationCalls + (people?.calls ?? 0),
    notes,
  };
}
