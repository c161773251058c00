/**
 * The sensor model: raw device readings and duration metrics as pure functions of
 * (seed, workspace, metric, time).
 *
 * - Readings come every {@link SAMPLE_INTERVAL_MS} (5 minutes) for every metric, at instants that are
 *   multiples of 5 minutes since the Unix epoch; a range [from, to) yields the grid points inside it.
 * - Occupancy follows the day plan (see `schedule.ts`): meetings of 30–90 minutes between 08:00 and
 *   17:00 local on Mon–Fri, ghost meetings, walk-ins; nights and weekends are empty.
 * - peopleCount, ambientNoise and soundLevel react instantly to occupancy. temperature, humidity and
 *   tvoc approach an occupancy/HVAC-dependent target exponentially (first-order lag, integrated on the
 *   5-minute grid from the day's 04:00 anchor, so at most 24 h of warm-up per query).
 * - Small deterministic noise comes from hashing (workspace, metric, time), never `Math.random`.
 */
import { hashInts, unitFromHash } from './random';
import {
  type Booking,
  contextOf,
  type DayPlan,
  type Interval,
  nextPlan,
  type OccupancySession,
  planContaining,
  SAMPLE_INTERVAL_MS,
  type WorkspaceContext,
} from './schedule';
import type { DurationMeasurement, Organisation, Sample, SensorMetric, SyntheticWorkspace } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

const METRIC_SALT: Readonly<Record<SensorMetric, number>> = {
  soundLevel: 0x51,
  ambientNoise: 0xa3,
  temperature: 0x7e,
  humidity: 0x4d,
  tvoc: 0x70c,
  peopleCount: 0x9e,
};

/** Deterministic white noise in [-1, 1) for a grid instant. */
function white(key: number, salt: number, t: number): number {
  return 2 * unitFromHash(hashInts(key, salt, Math.floor(t / SAMPLE_INTERVAL_MS))) - 1;
}

/** Deterministic smooth noise in [-1, 1): hourly knots, smoothstep-interpolated. */
function smooth(key: number, salt: number, t: number): number {
  const h = t / HOUR_MS;
  const i = Math.floor(h);
  const f = h - i;
  const a = 2 * unitFromHash(hashInts(key, salt + 0x1000, i)) - 1;
  const b = 2 * unitFromHash(hashInts(key, salt + 0x1000, i + 1)) - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

function within(t: number, startMs: number, endMs: number): boolean {
  return t >= startMs && t < endMs;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** What a metric model sees at one grid instant. */
interface Moment {
  plan: DayPlan;
  t: number;
  /** People in the room according to the schedule (before sensor jitter). */
  people: number;
}

interface MetricModel {
  /** Lagged metrics integrate a state; `tauMs` is their time constant. */
  lag?: { tauMs: number; target(m: Moment): number };
  /** Reading from the (lagged) state, or directly from the moment for instant metrics. */
  read(m: Moment, state: number): number;
}

function hvacOn(m: Moment): boolean {
  return within(m.t, m.plan.hvacOnMs, m.plan.hvacOffMs);
}

function modelFor(metric: SensorMetric, ctx: WorkspaceContext): MetricModel {
  const p = ctx.profile;
  const key = ctx.key;
  const salt = METRIC_SALT[metric];
  switch (metric) {
    case 'temperature':
      return {
        lag: {
          tauMs: p.thermalTimeConstantMinutes * MINUTE_MS,
          target: (m) => {
            const s = m.plan.summerness;
            const base = hvacOn(m)
              ? p.baselineTemperature + 0.8 * s
              : p.baselineTemperature - p.nightSetback * (1 - 0.5 * s);
            const heat = Math.min(1.8, p.heatPerPerson * m.people);
            const sun = within(m.t, m.plan.overheatStartMs, m.plan.overheatEndMs) ? p.overheatDelta : 0;
            return base + heat + sun;
          },
        },
        read: (m, state) => round(state + 0.15 * smooth(key, salt, m.t) + 0.05 * white(key, salt, m.t), 1),
      };
    case 'humidity':
      return {
        lag: {
          tauMs: 40 * MINUTE_MS,
          target: (m) =>
            22 + 18 * m.plan.summerness + p.humidityOffset + Math.min(6, p.humidityPerPerson * m.people),
        },
        read: (m, state) =>
          Math.round(clamp(state + 1.0 * smooth(key, salt, m.t) + 0.3 * white(key, salt, m.t), 10, 70)),
      };
    case 'tvoc': {
      const q = clamp(p.ventilationQuality, 0.05, 1);
      return {
        lag: {
          tauMs: (20 / q) * MINUTE_MS,
          target: (m) => p.tvocBaseline + (hvacOn(m) ? 0 : 10) + (p.tvocPerPerson * m.people) / q,
        },
        read: (m, state) =>
          Math.max(0, Math.round(state * (1 + 0.04 * smooth(key, salt, m.t)) + 3 * white(key, salt, m.t))),
      };
    }
    case 'ambientNoise':
      return {
        read: (m) => {
          const noise = white(key, salt, m.t);
          if (p.loud && within(m.t, p.loud.fromMs, p.loud.toMs)) return Math.round(p.loud.level + 3 * noise);
          if (m.people === 0) return Math.round(p.ambientNoiseBaseline + (hvacOn(m) ? 2 : 0) + noise);
          return Math.round(Math.min(56, 40 + 3 * Math.log2(1 + m.people) + 2 * noise));
        },
      };
    case 'soundLevel':
      return {
        read: (m) => {
          const noise = white(key, salt, m.t);
          // Noise from outside is heard over the room's own (speech tops out near 72 dBA).
          if (p.loud && within(m.t, p.loud.fromMs, p.loud.toMs))
            return Math.round(
              Math.max(p.loud.level + 2, Math.min(72, 50 + 3.6 * Math.log2(1 + m.people))) + 3 * noise,
            );
          if (m.people === 0) return Math.round(p.soundLevelBaseline + (hvacOn(m) ? 1.5 : 0) + 1.5 * noise);
          return Math.round(Math.min(72, 50 + 3.6 * Math.log2(1 + m.people) + 3 * noise));
        },
      };
    case 'peopleCount':
      return {
        read: (m) => {
          if (m.people === 0) return 0;
          const r = unitFromHash(hashInts(key, salt, Math.floor(m.t / SAMPLE_INTERVAL_MS)));
          const cap = p.occupancyCapacity;
          if (p.exceedsCapacity && m.people >= cap - 1 && r >= 0.8) return cap + 1;
          if (m.people > 1 && r < 0.1) return m.people - 1;
          return m.people;
        },
      };
  }
}

/**
 * Raw device readings of `metric` in [fromMs, toMs), ascending, one every 5 minutes at epoch-aligned
 * instants. Empty when the room does not measure the metric; nothing inside sensor-gap windows.
 *
 * Units: temperature °C (0.1 resolution), humidity %RH, tvoc ppb, ambientNoise and soundLevel dBA
 * (integers), peopleCount persons (integer, 0 when empty).
 */
export function sensorSamples(
  org: Organisation,
  ws: SyntheticWorkspace,
  metric: SensorMetric,
  fromMs: number,
  toMs: number,
): Sample[] {
  if (!ws.metrics.includes(metric) || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) return [];
  const first = Math.ceil(fromMs / SAMPLE_INTERVAL_MS) * SAMPLE_INTERVAL_MS;
  // A dead device reports nothing after it went offline.
  if (ws.profile.offlineFromMs !== undefined) toMs = Math.min(toMs, ws.profile.offlineFromMs);
  if (first >= toMs) return [];
  const scripted = org.scripted?.get(`${ws.id}|${metric}`);
  if (scripted) return scriptedSamples(scripted, first, toMs);
  const ctx = contextOf(org, ws);
  const model = modelFor(metric, ctx);
  const lag = model.lag;
  const alpha = lag ? 1 - Math.exp(-SAMPLE_INTERVAL_MS / lag.tauMs) : 0;
  const out: Sample[] = [];

  let plan = planContaining(ctx, first);
  for (;;) {
    const dayStart = Math.ceil(plan.anchorMs / SAMPLE_INTERVAL_MS) * SAMPLE_INTERVAL_MS;
    const dayEnd = Math.min(plan.nextAnchorMs, toMs);
    const sessions = plan.sessions;
    let index = 0;
    let state = Number.NaN;
    // Lagged metrics start at the day's anchor (warm-up); instant ones at the first requested instant.
    for (let t = lag ? dayStart : Math.max(dayStart, first); t < dayEnd; t += SAMPLE_INTERVAL_MS) {
      while (index < sessions.length && sessions[index]!.endMs <= t) index++;
      const candidate = sessions[index];
      const people = candidate && candidate.startMs <= t ? candidate.people : 0;
      const moment: Moment = { plan, t, people };
      if (lag) {
        const target = lag.target(moment);
        state = Number.isNaN(state) ? target : state + alpha * (target - state);
      }
      if (t < first || within(t, plan.gapStartMs, plan.gapEndMs)) continue;
      const spike = ctx.profile.spike;
      const faulty = spike?.metric === metric && spike.atMs === t;
      out.push({ t, value: faulty ? spike.value : model.read(moment, state) });
    }
    if (plan.nextAnchorMs >= toMs) break;
    plan = nextPlan(ctx, plan);
  }
  return out;
}

function scriptedSamples(script: (t: number) => number | undefined, first: number, toMs: number): Sample[] {
  const out: Sample[] = [];
  for (let t = first; t < toMs; t += SAMPLE_INTERVAL_MS) {
    const value = script(t);
    if (value !== undefined && Number.isFinite(value)) out.push({ t, value });
  }
  return out;
}

/** Test control: the readings of one sensor from now on come from `script` (undefined: model again). */
export function scriptSensor(
  org: Organisation,
  workspaceId: string,
  metric: SensorMetric,
  script: ((t: number) => number | undefined) | undefined,
): void {
  org.scripted ??= new Map();
  if (script) org.scripted.set(`${workspaceId}|${metric}`, script);
  else org.scripted.delete(`${workspaceId}|${metric}`);
}

function overlapMs(a: Interval, fromMs: number, toMs: number): number {
  return Math.max(0, Math.min(a.endMs, toMs) - Math.max(a.startMs, fromMs));
}

/** Calls `visit` for every day plan that overlaps [fromMs, toMs). */
function forEachPlan(
  ctx: WorkspaceContext,
  fromMs: number,
  toMs: number,
  visit: (plan: DayPlan) => void,
): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) return;
  let plan = planContaining(ctx, fromMs);
  while (plan.anchorMs < toMs) {
    visit(plan);
    plan = nextPlan(ctx, plan);
  }
}

/**
 * Minutes booked (calendar bookings, ghost meetings included) or used (people present, booked or
 * walk-in) within [fromMs, toMs). Partial overlaps count proportionally, so the result can be
 * fractional for ranges that are not minute-aligned. `timeUsed` leaves out sensor-gap windows
 * and the time after a dead device went offline (occupancy is unknown); `timeBooked` does not.
 */
export function durationMinutes(
  org: Organisation,
  ws: SyntheticWorkspace,
  measurement: DurationMeasurement,
  fromMs: number,
  toMs: number,
): number {
  const ctx = contextOf(org, ws);
  let totalMs = 0;
  // A dead device counts no use after it went offline (bookings are unaffected).
  if (measurement === 'timeUsed' && ws.profile.offlineFromMs !== undefined)
    toMs = Math.min(toMs, ws.profile.offlineFromMs);
  forEachPlan(ctx, fromMs, toMs, (plan) => {
    if (measurement === 'timeBooked') {
      for (const booking of plan.bookings) totalMs += overlapMs(booking, fromMs, toMs);
      return;
    }
    const hasGap = !Number.isNaN(plan.gapStartMs);
    for (const session of plan.sessions) {
      totalMs += overlapMs(session, fromMs, toMs);
      if (hasGap) {
        const lo = Math.max(fromMs, plan.gapStartMs);
        const hi = Math.min(toMs, plan.gapEndMs);
        if (hi > lo) totalMs -= overlapMs(session, lo, hi);
      }
    }
  });
  return totalMs / MINUTE_MS;
}

export interface WorkspaceSchedule {
  /** Calendar bookings overlapping the range (ghost meetings have `attended: false`). */
  bookings: Booking[];
  /** Intervals with people present overlapping the range (booked meetings and walk-ins). */
  sessions: OccupancySession[];
}

/**
 * The deterministic schedule behind the sensor model for [fromMs, toMs): what `peopleCount` and the
 * duration metrics are computed from. Intervals are not clipped to the range.
 */
export function scheduleBetween(
  org: Organisation,
  ws: SyntheticWorkspace,
  fromMs: number,
  toMs: number,
): WorkspaceSchedule {
  const ctx = contextOf(org, ws);
  const result: WorkspaceSchedule = { bookings: [], sessions: [] };
  forEachPlan(ctx, fromMs, toMs, (plan) => {
    for (const b of plan.bookings) if (overlapMs(b, fromMs, toMs) > 0) result.bookings.push({ ...b });
    for (const s of plan.sessions) if (overlapMs(s, fromMs, toMs) > 0) result.sessions.push({ ...s });
  });
  return result;
}

/**
 * The sensor-gap windows (device offline, no samples for any metric) overlapping [fromMs, toMs),
 * as absolute instants. Empty for rooms without `profile.sensorGap`.
 */
export function sensorGapsBetween(
  org: Organisation,
  ws: SyntheticWorkspace,
  fromMs: number,
  toMs: number,
): Interval[] {
  if (!ws.profile.sensorGap) return [];
  const ctx = contextOf(org, ws);
  const gaps: Interval[] = [];
  forEachPlan(ctx, fromMs, toMs, (plan) => {
    if (Number.isNaN(plan.gapStartMs)) return;
    const gap = { startMs: plan.gapStartMs, endMs: plan.gapEndMs };
    if (overlapMs(gap, fromMs, toMs) > 0) gaps.push(gap);
  });
  return gaps;
}
