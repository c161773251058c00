/**
 * Deterministic daily schedule of a workspace: bookings, occupancy sessions, HVAC hours and sensor gaps
 * for one local day, derived from (seed, workspace id, local date) only.
 *
 * Days are "anchored" at 04:00 local time: a day plan covers [04:00 of its date, 04:00 of the next date).
 * At 04:00 every room has been empty and unventilated for hours, so the slow metrics (temperature,
 * humidity, tvoc) restart from their night equilibrium there. That keeps every reading a function of
 * the day it belongs to, with at most 24 h of warm-up and no dependence on the query range.
 */
import { DateTime } from 'luxon';
import { isTimeZone } from '../../time-zones';
import { createRng, hash32, hashInts, type Rng } from './random';
import type { Organisation, SensorProfile, SyntheticWorkspace } from './types';

/** Sensor readings are produced every 5 minutes, aligned to the Unix epoch (…:00, …:05, … UTC). */
export const SAMPLE_INTERVAL_MS = 5 * 60_000;

/** Local working hours during which meetings and walk-ins happen (Mon–Fri). */
export const WORKDAY_START_HOUR = 8;
export const WORKDAY_END_HOUR = 17;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ANCHOR_MINUTE = 4 * 60;
const WORK_START_MINUTE = WORKDAY_START_HOUR * 60;
const WORK_MINUTES = (WORKDAY_END_HOUR - WORKDAY_START_HOUR) * 60;
/** HVAC runs 06:00–18:00 local on working days. */
const HVAC_ON_MINUTE = 6 * 60;
const HVAC_OFF_MINUTE = 18 * 60;
/** Afternoon window in which an overheating room gets its extra heat (sun + equipment). */
const OVERHEAT_START_MINUTE = 11 * 60;
const OVERHEAT_END_MINUTE = 17 * 60 + 30;

const MEETING_DURATIONS = [30, 30, 45, 60, 60, 60, 75, 90] as const;

export interface Interval {
  startMs: number;
  endMs: number;
}

/** A calendar booking. `attended` is false for ghost meetings (booked, nobody came). */
export interface Booking extends Interval {
  attended: boolean;
}

/** An interval with people in the room, booked or walk-in. */
export interface OccupancySession extends Interval {
  people: number;
  booked: boolean;
}

/** Everything the model needs about one workspace, resolved once per call. */
export interface WorkspaceContext {
  profile: SensorProfile;
  timeZone: string;
  /** Southern hemisphere: seasons are flipped. */
  southern: boolean;
  /** 32-bit key of (seed, workspace id); all per-room randomness hangs off it. */
  key: number;
}

export interface DayPlan {
  /** Days since 1970-01-01 of the local calendar date. */
  dayNum: number;
  /** ISO weekday of the local date (1 = Monday). */
  isoWeekday: number;
  workday: boolean;
  /** 04:00 local on this date, and on the next date. */
  anchorMs: number;
  nextAnchorMs: number;
  /** HVAC on/off instants (NaN when the HVAC stays off all day). */
  hvacOnMs: number;
  hvacOffMs: number;
  /** Overheating window (NaN unless the room overheats and it is a working day). */
  overheatStartMs: number;
  overheatEndMs: number;
  /** Sensor gap window (NaN when none that day). */
  gapStartMs: number;
  gapEndMs: number;
  /** 0 in mid-winter, 1 in mid-summer (hemisphere-aware). */
  summerness: number;
  bookings: Booking[];
  /** Sorted, non-overlapping. */
  sessions: OccupancySession[];
}

export function contextOf(org: Organisation, ws: SyntheticWorkspace): WorkspaceContext {
  const location = org.locations.find((l) => l.id === ws.locationId);
  if (!location) throw new Error(`Workspace ${ws.id} refers to unknown location ${ws.locationId}`);
  if (!isTimeZone(location.timeZone)) {
    throw new Error(`Location ${location.id} has an invalid time zone: ${location.timeZone}`);
  }
  return {
    profile: ws.profile,
    timeZone: location.timeZone,
    southern: location.latitude < 0,
    key: hash32(org.seed, 'sensors', ws.id),
  };
}

/** Epoch ms of a local wall-clock time (minutes after midnight) on a local date, DST-correct. */
export function localMs(timeZone: string, dayNum: number, minuteOfDay: number): number {
  const date = new Date(dayNum * DAY_MS);
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone: timeZone },
  ).toMillis();
}

/** Local calendar date (as a day number) of an instant. */
export function localDayNum(timeZone: string, t: number): number {
  const offsetMinutes = DateTime.fromMillis(t, { zone: timeZone }).offset;
  return Math.floor((t + offsetMinutes * MINUTE_MS) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekdayOf(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

function summernessOf(dayNum: number, southern: boolean): number {
  const date = new Date(dayNum * DAY_MS);
  const dayOfYear = (dayNum * DAY_MS - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
  // Coldest around 15 January, warmest around mid-July.
  const northern = 0.5 * (1 - Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25));
  return southern ? 1 - northern : northern;
}

/** The day plan whose [anchorMs, nextAnchorMs) contains `t`. */
export function planContaining(ctx: WorkspaceContext, t: number): DayPlan {
  let dayNum = localDayNum(ctx.timeZone, t);
  let anchor = localMs(ctx.timeZone, dayNum, ANCHOR_MINUTE);
  if (t < anchor) {
    dayNum -= 1;
    anchor = localMs(ctx.timeZone, dayNum, ANCHOR_MINUTE);
  }
  return buildPlan(ctx, dayNum, anchor);
}

/** The plan of the following local date. */
export function nextPlan(ctx: WorkspaceContext, plan: DayPlan): DayPlan {
  return buildPlan(ctx, plan.dayNum + 1, plan.nextAnchorMs);
}

export function buildPlan(ctx: WorkspaceContext, dayNum: number, anchorMs?: number): DayPlan {
  const { profile, timeZone } = ctx;
  const isoWeekday = isoWeekdayOf(dayNum);
  const workday = isoWeekday <= 5;
  const plan: DayPlan = {
    dayNum,
    isoWeekday,
    workday,
    anchorMs: anchorMs ?? localMs(timeZone, dayNum, ANCHOR_MINUTE),
    nextAnchorMs: localMs(timeZone, dayNum + 1, ANCHOR_MINUTE),
    hvacOnMs: Number.NaN,
    hvacOffMs: Number.NaN,
    overheatStartMs: Number.NaN,
    overheatEndMs: Number.NaN,
    gapStartMs: Number.NaN,
    gapEndMs: Number.NaN,
    summerness: summernessOf(dayNum, ctx.southern),
    bookings: [],
    sessions: [],
  };
  const gap = profile.sensorGap;
  if (!workday && gap?.isoWeekday !== isoWeekday) return plan;

  // Daytime events are offsets from local 08:00, resolved with luxon for this date. DST transitions
  // happen at night, so the offsets hold on transition days too.
  const workStart = localMs(timeZone, dayNum, WORK_START_MINUTE);
  const at = (minuteOfDay: number): number => workStart + (minuteOfDay - WORK_START_MINUTE) * MINUTE_MS;
  if (gap?.isoWeekday === isoWeekday) {
    plan.gapStartMs = at(gap.startMinute);
    plan.gapEndMs = plan.gapStartMs + gap.durationMinutes * MINUTE_MS;
  }
  if (!workday) return plan;

  plan.hvacOnMs = at(HVAC_ON_MINUTE);
  plan.hvacOffMs = at(HVAC_OFF_MINUTE);
  if (profile.overheatsAfternoons) {
    plan.overheatStartMs = at(OVERHEAT_START_MINUTE);
    plan.overheatEndMs = at(OVERHEAT_END_MINUTE);
  }
  fillSchedule(plan, createRng(hashInts(ctx.key, dayNum, 0x5c4ed)), profile, workStart);
  return plan;
}

function groupSize(rng: Rng, profile: SensorProfile): number {
  const cap = Math.max(1, profile.occupancyCapacity);
  return Math.min(cap, 1 + Math.floor(cap * rng.next() ** profile.groupSizeSkew));
}

/** Minutes of free time before the next slot; back-to-back with probability `meetingDensity`. */
function gapMinutes(rng: Rng, density: number): number {
  if (rng.chance(density)) return rng.chance(0.6) ? 0 : 15;
  return 15 * rng.int(2, 16);
}

/**
 * Generates the day's slots on a 15-minute grid within working hours. Bookable rooms turn slots into
 * bookings (some of them ghost meetings) plus the sessions of attended ones, and get occasional
 * walk-ins in free time; walk-in-only rooms turn slots directly into sessions.
 */
function fillSchedule(plan: DayPlan, rng: Rng, profile: SensorProfile, workStart: number): void {
  const ms = (minute: number): number => workStart + minute * MINUTE_MS;
  // A quiet day now and then, more often in rooms with a sparse schedule.
  if (rng.chance(0.15 * (1 - profile.meetingDensity))) return;
  let cursor = rng.chance(0.35) ? 0 : gapMinutes(rng, profile.meetingDensity);
  let freeFrom = 0;
  while (cursor + 30 <= WORK_MINUTES) {
    let duration = rng.pick(MEETING_DURATIONS);
    if (cursor + duration > WORK_MINUTES) duration = Math.floor((WORK_MINUTES - cursor) / 15) * 15;
    if (duration < 30) break;
    const people = groupSize(rng, profile);
    if (profile.bookable) {
      addWalkIn(plan, rng, profile, freeFrom, cursor, ms);
      const attended = !rng.chance(profile.ghostMeetingRate);
      plan.bookings.push({ startMs: ms(cursor), endMs: ms(cursor + duration), attended });
      if (attended) {
        const late = rng.pick([0, 0, 0, 5, 5, 10]);
        const early = rng.pick([0, 0, 0, 5, 10, 15]);
        plan.sessions.push({
          startMs: ms(cursor + late),
          endMs: ms(cursor + duration - early),
          people,
          booked: true,
        });
      }
    } else {
      plan.sessions.push({ startMs: ms(cursor), endMs: ms(cursor + duration), people, booked: false });
    }
    freeFrom = cursor + duration;
    cursor = freeFrom + gapMinutes(rng, profile.meetingDensity);
  }
  if (profile.bookable) addWalkIn(plan, rng, profile, freeFrom, WORK_MINUTES, ms);
}

function addWalkIn(
  plan: DayPlan,
  rng: Rng,
  profile: SensorProfile,
  freeFrom: number,
  freeTo: number,
  ms: (minute: number) => number,
): void {
  if (freeTo - freeFrom < 45 || !rng.chance(profile.walkInRate)) return;
  const start = freeFrom + 5 * rng.int(1, 3);
  const end = Math.min(freeTo - 5, start + 5 * rng.int(3, 9));
  if (end - start < 10) return;
  const people = Math.min(profile.occupancyCapacity, rng.int(1, 3));
  plan.sessions.push({ startMs: ms(start), endMs: ms(end), people: Math.max(1, people), booked: false });
}
