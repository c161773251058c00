import type { ParsedRequest } from '../language/types';
import { SENSOR_METRICS, sensorMetrics } from '../model/metric-catalogue';
import { type SpaceSettings, workingHoursOf } from '../model/space-settings';
import {
  describeWorkingHours,
  type Interval,
  type WorkingHours,
  workingIntervals,
} from '../model/working-hours';
import { type CapabilityMap, METRIC_CAPABILITY, type MetricName, type TemperatureUnit } from '../webex/wire';
import {
  type Aggregation,
  boundWindow,
  callsFor,
  isProblem,
  narrowWindow,
  pointsFor,
} from './bounded-window';
import type { AnswerLimits } from './limits';

export interface RoomRef {
  id: string;
  displayName: string;
}

/** A room as the plan sees it: the directory's entry, with capabilities when the directory has them. */
export interface PlanRoom extends RoomRef {
  capacity?: number;
  floorId?: string;
  locationId?: string;
  capabilities?: CapabilityMap;
}

export interface PlanContext {
  /** The workspace directory (with capabilities: `includeCapabilities=true`). */
  directory: { workspaces: readonly PlanRoom[] };
  space: SpaceSettings;
  /** The injected clock's reading (epoch ms). */
  now: number;
  limits: AnswerLimits;
}

/** One series to read: a (room, metric) pair over the plan's window. */
export interface MetricFetch {
  room: PlanRoom;
  metric: MetricName;
  from: number;
  to: number;
  aggregation: Aggregation;
  unit: TemperatureUnit;
}

/** Everything an answer will do, decided before any I/O. */
export interface AnswerPlan {
  /** Every room in scope that the answer reads or names, in the order asked (directory order). */
  rooms: PlanRoom[];
  metrics: MetricName[];
  from: number;
  /** The start the answer's label names (the window asked, before whole-hour alignment). */
  labelFrom: number;
  /** The request's window starts at a time the person stated ("since 8am"): the label names it. */
  anchoredStart?: true;
  to: number;
  aggregation: Aggregation;
  unit: TemperatureUnit;
  /** The (room, metric) series to read: rooms without the sensor are not among them. */
  fetches: MetricFetch[];
  /** Rooms in scope without a sensor for a metric: named, never fetched. */
  unsupported: { room: PlanRoom; metric: MetricName }[];
  /** Metric API calls the fetches take on a cold cache: one per legal window of each series. */
  calls: number;
  /** Items (readings or buckets) the fetches return at most. */
  expectedPoints: number;
  /** Rooms in scope left out because one answer may not read more. */
  omittedRooms: PlanRoom[];
  /** For the person: what was bounded, narrowed or left out, and why. */
  notes: string[];
  /** Set when nothing can be read (the answer is this line). */
  problem?: string;
  /**
   * Answers to data questions: comfort is judged in the space's working hours, the intervals of
   * them within [from, to) (summaries take these), and the card says so once, in `notes`.
   */
  judging?: { workingHours: WorkingHours; timeZone: string; intervals: Interval[] };
}

export interface ReadingsAsk {
  rooms: readonly RoomRef[];
  metrics: readonly MetricName[];
  from: number;
  to: number;
  aggregation: Aggregation;
  unit: TemperatureUnit;
}

/** False only when the directory's capabilities say the room has no sensor for the metric. */
export const hasSensor = (room: PlanRoom, metric: MetricName): boolean =>
  room.capabilities?.[METRIC_CAPABILITY[metric]]?.supported !== false;
const supports = hasSensor;

/**
 * Plans the readings behind an answer (or a CSV file): the rooms known to the directory, the
 * bounded window, the (room, metric) series with a sensor, the exact number of calls, and notes.
 * Pure: the clock and the directory are parameters.
 */
export function planReadings(ask: ReadingsAsk, ctx: PlanContext): AnswerPlan {
  const { limits, space } = ctx;
  const byId = new Map(ctx.directory.workspaces.map((w) => [w.id, w]));
  const known = ask.rooms.map((r) => byId.get(r.id)).filter((r): r is PlanRoom => r !== undefined);
  const unknown = ask.rooms.length - known.length;
  const notes: string[] = [];
  if (unknown > 0)
    notes.push(`${unknown === 1 ? 'One room is' : `${unknown} rooms are`} no longer in the directory.`);
  const metrics = [...new Set(ask.metrics)];
  const empty = (problem?: string): AnswerPlan => ({
    rooms: known,
    metrics,
    from: ask.from,
    labelFrom: ask.from,
    to: ask.to,
    aggregation: ask.aggregation,
    unit: ask.unit,
    fetches: [],
    unsupported: [],
    calls: 0,
    expectedPoints: 0,
    omittedRooms: [],
    notes,
    ...(problem ? { problem } : {}),
  });
  const bounded = boundWindow(ask, ctx.now, limits, space.timeZone);
  if (isProblem(bounded)) return empty(bounded.problem);
  notes.push(...bounded.notes);
  const unsupported = known.flatMap((room) =>
    metrics.filter((m) => !supports(room, m)).map((metric) => ({ room, metric })),
  );
  const readable = (room: PlanRoom) => metrics.filter((m) => supports(room, m));
  // Rooms beyond what one answer may read are left out, and said so.
  let rooms = known;
  let omittedRooms: PlanRoom[] = [];
  const pairsOf = (list: readonly PlanRoom[]) => list.reduce((n, r) => n + readable(r).length, 0);
  if (pairsOf(rooms) > limits.maxCallsPerAnswer) {
    let pairs = 0;
    let keep = 0;
    while (keep < rooms.length && pairs + readable(rooms[keep]!).length <= limits.maxCallsPerAnswer)
      pairs += readable(rooms[keep++]!).length;
    omittedRooms = rooms.slice(keep);
    rooms = rooms.slice(0, keep);
    notes.push(
      `One answer reads at most ${limits.maxCallsPerAnswer.toLocaleString('en-US')} series: showing ${keep.toLocaleString('en-US')} of ${known.length.toLocaleString('en-US')} rooms. Ask about a floor or a site for the rest.`,
    );
  }
  const pairs = Math.max(1, pairsOf(rooms));
  const window = narrowWindow(
    bounded,
    Math.max(1, Math.floor(limits.maxCallsPerAnswer / pairs)),
    Math.max(1, Math.floor(limits.maxPointsPerAnswer / pairs)),
    space.timeZone,
  );
  if (window !== bounded) notes.push(...window.notes.slice(bounded.notes.length));
  const fetches: MetricFetch[] = rooms.flatMap((room) =>
    readable(room).map((metric) => ({
      room,
      metric,
      from: window.from,
      to: window.to,
      aggregation: window.aggregation,
      unit: ask.unit,
    })),
  );
  const perPairCalls = callsFor(window.from, window.to, window.aggregation);
  const perPairPoints = pointsFor(window.from, window.to, window.aggregation);
  return {
    rooms: known,
    metrics,
    from: window.from,
    labelFrom: window.labelFrom,
    to: window.to,
    aggregation: window.aggregation,
    unit: ask.unit,
    fetches,
    unsupported: unsupported.filter((u) => rooms.includes(u.room)),
    calls: fetches.length * perPairCalls,
    expectedPoints: fetches.length * perPairPoints,
    omittedRooms,
    notes,
  };
}

/** The metrics an intent reads: a question's sensors, every sensor for an overview, one for rankings. */
export function metricsFor(request: ParsedRequest): MetricName[] {
  const asked = sensorMetrics(request.metrics);
  switch (request.intent) {
    case 'overview':
      return [...SENSOR_METRICS];
    case 'problems':
      return ['temperature', 'humidity', 'tvoc', 'ambientNoise', 'peopleCount'];
    case 'compare':
    case 'rank':
      return [asked[0] ?? 'temperature'];
    default:
      return asked;
  }
}

/**
 * Plans the answer to a data question (query, current, overview, compare, rank). A request that
 * reaches the plan without a window is a bug in the parser or a follow-up merge: it throws.
 */
export function planAnswer(request: ParsedRequest, ctx: PlanContext): AnswerPlan {
  const from = Date.parse(request.from ?? '');
  const to = Date.parse(request.to ?? '');
  if (request.from === undefined || request.to === undefined)
    throw new Error(`A ${request.intent} request reached the plan without a window.`);
  const plan = planReadings(
    {
      rooms: request.workspaces,
      metrics: metricsFor(request),
      from,
      to,
      aggregation: request.aggregation ?? 'hourly',
      unit: request.unit ?? ctx.space.unit,
    },
    ctx,
  );
  if (plan.problem) return plan;
  return judgedInWorkingHours(request.anchoredStart ? { ...plan, anchoredStart: true } : plan, ctx.space);
}

/**
 * The plan with its working intervals and the one line that names them: "Judged in working hours,
 * Mon–Fri 08:00–17:00." (the card's title names the zone, once) — or, when the window holds none,
 * that comfort is not judged.
 */
export function judgedInWorkingHours(plan: AnswerPlan, space: SpaceSettings): AnswerPlan {
  const workingHours = workingHoursOf(space);
  const { timeZone } = space;
  const intervals = workingIntervals(workingHours, plan.from, plan.to, timeZone);
  const hours = describeWorkingHours(workingHours);
  const note =
    intervals.length > 0
      ? `Judged in working hours, ${hours}.`
      : `No working hours (${hours}) in this window: readings shown, comfort not judged.`;
  return { ...plan, notes: [...plan.notes, note], judging: { workingHours, timeZone, intervals } };
}
