import type { ParsedRequest } from '../language/types';
import { SENSOR_METRICS } from '../model/metric-catalogue';
import type { MetricName } from '../webex/wire';
import { DAY_MS, HOUR_MS } from '../webex/wire/limits';
import { callsFor, pointsFor } from './bounded-window';
import { type AnswerPlan, hasSensor, type MetricFetch, type PlanContext, type PlanRoom } from './plan-answer';

/** Hourly buckets of the device's witness metric over this long: gaps that recur weekly show twice. */
export const GAP_LOOK_BACK_DAYS = 16;
/** Hourly buckets of every other metric over this long: silent sensors, impossible values. */
export const DETAIL_LOOK_BACK_DAYS = 7;
/** Raw hours a health answer reads at most to pinpoint last readings and impossible values. */
export const MAX_PINPOINTS = 16;
/** The device's metric gaps are looked for in, in order of preference (every device has noise). */
const WITNESS_ORDER: readonly MetricName[] = [
  'ambientNoise',
  'soundLevel',
  'temperature',
  'humidity',
  'tvoc',
];

/** The metric whose gaps stand for the device's. */
export function witnessOf(room: PlanRoom): MetricName | undefined {
  return WITNESS_ORDER.find((m) => hasSensor(room, m));
}

/**
 * The reads behind a sensor-health answer: per room, hourly buckets of its witness metric over the
 * last {@link GAP_LOOK_BACK_DAYS} days and of each other metric it has over the last
 * {@link DETAIL_LOOK_BACK_DAYS} days, in °C; one call per legal window. Rooms beyond the calls one
 * answer may make are left out and said so. Pure.
 */
export function planHealth(request: ParsedRequest, ctx: PlanContext): AnswerPlan {
  const to = Math.floor(ctx.now / 60_000) * 60_000;
  const hourAligned = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
  const byId = new Map(ctx.directory.workspaces.map((w) => [w.id, w]));
  const known = request.workspaces.map((r) => byId.get(r.id)).filter((r): r is PlanRoom => r !== undefined);
  const fetchesOf = (room: PlanRoom): MetricFetch[] => {
    const witness = witnessOf(room);
    return SENSOR_METRICS.filter((m) => hasSensor(room, m)).map((metric) => ({
      room,
      metric,
      from: hourAligned(to - (metric === witness ? GAP_LOOK_BACK_DAYS : DETAIL_LOOK_BACK_DAYS) * DAY_MS),
      to,
      aggregation: 'hourly',
      unit: 'celsius',
    }));
  };
  const callsOf = (fs: readonly MetricFetch[]) =>
    fs.reduce((n, f) => n + callsFor(f.from, f.to, f.aggregation), 0);
  const fetches: MetricFetch[] = [];
  let calls = 0;
  let kept = 0;
  for (const room of known) {
    const own = fetchesOf(room);
    if (calls + callsOf(own) > ctx.limits.maxCallsPerAnswer) break;
    fetches.push(...own);
    calls += callsOf(own);
    kept++;
  }
  const omittedRooms = known.slice(kept);
  const notes =
    omittedRooms.length > 0
      ? [
          `One answer makes at most ${ctx.limits.maxCallsPerAnswer} calls: showing ${kept} of ${known.length} rooms. Ask about a floor or a site for the rest.`,
        ]
      : [];
  const from = hourAligned(to - GAP_LOOK_BACK_DAYS * DAY_MS);
  return {
    rooms: known.slice(0, kept),
    metrics: [...SENSOR_METRICS],
    from,
    labelFrom: from,
    to,
    aggregation: 'hourly',
    unit: 'celsius',
    fetches,
    unsupported: [],
    calls,
    expectedPoints: fetches.reduce((n, f) => n + pointsFor(f.from, f.to, f.aggregation), 0),
    omittedRooms,
    notes,
  };
}

/** One hour of one series to read raw: where a silent sensor's last reading or an impossible value is. */
export interface Pinpoint {
  room: PlanRoom;
  metric: MetricName;
  hourStart: number;
}

/**
 * The second read of a health answer: the raw readings of the hours asked for (a silent sensor's
 * last hour, the newest hour with an impossible value), at most {@link MAX_PINPOINTS}, one call each.
 */
export function planPinpoints(plan: AnswerPlan, pinpoints: readonly Pinpoint[]): AnswerPlan {
  const fetches: MetricFetch[] = pinpoints.slice(0, MAX_PINPOINTS).map((p) => ({
    room: p.room,
    metric: p.metric,
    from: p.hourStart,
    to: Math.min(p.hourStart + HOUR_MS, plan.to),
    aggregation: 'none',
    unit: 'celsius',
  }));
  return {
    ...plan,
    fetches,
    aggregation: 'none',
    calls: fetches.length,
    expectedPoints: fetches.reduce((n, f) => n + pointsFor(f.from, f.to, f.aggregation), 0),
    omittedRooms: [],
    notes: [],
  };
}
