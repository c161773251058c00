import { DateTime } from 'luxon';
import { type Interval, overlapMs } from '../model/working-hours';
import type { DurationMetricItem } from '../webex/wire';
import { summarizeDurations } from './durations';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A room whose peak headcount stays at or under this share of its capacity is oversized. */
export const OVERSIZED_SHARE = 0.4;

/** One people-count bucket (hourly or daily): its start, end and the most people counted in it. */
export interface PeopleBucket {
  start: number;
  end: number;
  max: number;
}

export interface UtilisationInput {
  booked: readonly DurationMetricItem[];
  used: readonly DurationMetricItem[];
  /** The space's working intervals within the window (sorted). */
  working: readonly Interval[];
  capacity?: number;
  /**
   * People-count buckets of the window; absent when the room has no people-count sensor or it was
   * not read. Webex drops zero readings: an hour with nobody counted has no bucket.
   */
  people?: readonly PeopleBucket[];
}

export type RoomSize = 'oversized' | 'undersized' | 'fits';

export interface RoomUtilisation {
  bookedMinutes: number;
  usedMinutes: number;
  /** Booked minutes with no use detected: per bucket `max(0, booked − used)`. */
  ghostMinutes: number;
  /** Minutes of working hours in the window. */
  workingMinutes: number;
  /** Used minutes inside working hours (hourly buckets pro rata; a day's use up to its working minutes). */
  usedInWorkingMinutes: number;
  /** `usedInWorkingMinutes / workingMinutes`; undefined without working hours in the window. */
  usedShare: number | undefined;
  /**
   * Ghost bookings: runs of consecutive booked hours with no use detected at all. Only hourly
   * buckets can tell them apart (undefined for daily ones); back-to-back ghost bookings count once.
   */
  ghostBookings: number | undefined;
  /** Of those, the ones in which the people count saw nobody either (undefined without people buckets by the hour). */
  ghostConfirmed: number | undefined;
  /** The most people counted at once; undefined without a people-count sensor or readings. */
  peakPeople: number | undefined;
  /** Peak against capacity: ≤ 40 % oversized, over capacity undersized. Undefined without both. */
  size: RoomSize | undefined;
}

const startOf = (item: DurationMetricItem) => Date.parse(item.start);
const endOf = (item: DurationMetricItem) => {
  const end = Date.parse(item.end);
  return Number.isFinite(end) && end > startOf(item) ? end : startOf(item) + HOUR_MS;
};
const minutesOf = (item: DurationMetricItem) => (Number.isFinite(item.duration) ? item.duration : 0);

/** Used minutes inside working hours. */
function usedInWorking(used: readonly DurationMetricItem[], working: readonly Interval[]): number {
  let total = 0;
  for (const item of used) {
    const start = startOf(item);
    const end = endOf(item);
    const inside = overlapMs(working, start, end);
    if (inside <= 0) continue;
    const minutes = minutesOf(item);
    total +=
      end - start <= HOUR_MS ? minutes * (inside / (end - start)) : Math.min(minutes, inside / MINUTE_MS);
  }
  return total;
}

/** Runs of consecutive hourly buckets booked with no use at all, as [start, end) intervals. */
function ghostRuns(
  booked: readonly DurationMetricItem[],
  used: readonly DurationMetricItem[],
): Interval[] | undefined {
  if (booked.some((b) => endOf(b) - startOf(b) > HOUR_MS)) return undefined;
  const usedAt = new Map<number, number>();
  for (const u of used) usedAt.set(startOf(u), (usedAt.get(startOf(u)) ?? 0) + minutesOf(u));
  const runs: Interval[] = [];
  const ghostHours = booked
    .filter((b) => minutesOf(b) > 0 && (usedAt.get(startOf(b)) ?? 0) === 0)
    .map((b) => ({ from: startOf(b), to: endOf(b) }))
    .sort((a, b) => a.from - b.from);
  for (const hour of ghostHours) {
    const last = runs[runs.length - 1];
    if (last && hour.from <= last.to) last.to = Math.max(last.to, hour.to);
    else runs.push({ ...hour });
  }
  return runs;
}

function sizeOf(peak: number | undefined, capacity: number | undefined): RoomSize | undefined {
  if (peak === undefined || capacity === undefined || !(capacity > 0)) return undefined;
  if (peak <= OVERSIZED_SHARE * capacity) return 'oversized';
  if (peak > capacity) return 'undersized';
  return 'fits';
}

/**
 * One room's utilisation over a window, from its `timeBooked` and `timeUsed` buckets (minutes), the
 * space's working intervals and, where the room counts people, its people-count buckets. Pure.
 */
export function summarizeUtilisation(input: UtilisationInput): RoomUtilisation {
  const { booked, used, working, people } = input;
  const durations = summarizeDurations(booked, used);
  const workingMinutes = working.reduce((sum, i) => sum + (i.to - i.from), 0) / MINUTE_MS;
  const usedInWorkingMinutes = usedInWorking(used, working);
  const runs = ghostRuns(booked, used);
  const byHour = (list: readonly PeopleBucket[]) => list.every((p) => p.end - p.start <= HOUR_MS);
  const ghostConfirmed =
    runs && people && byHour(people)
      ? runs.filter((run) => !people.some((p) => p.max >= 1 && p.start < run.to && p.end > run.from)).length
      : undefined;
  const counted = (people ?? []).filter((p) => Number.isFinite(p.max));
  const peakPeople = counted.length > 0 ? Math.max(...counted.map((p) => p.max)) : undefined;
  return {
    bookedMinutes: durations.bookedMinutes,
    usedMinutes: durations.usedMinutes,
    ghostMinutes: durations.ghostMinutes,
    workingMinutes,
    usedInWorkingMinutes,
    usedShare: workingMinutes > 0 ? Math.min(1, usedInWorkingMinutes / workingMinutes) : undefined,
    ghostBookings: runs?.length,
    ghostConfirmed,
    peakPeople,
    size: sizeOf(peakPeople, input.capacity),
  };
}

/** What a utilisation answer puts first. */
export type UtilisationOrder = 'used' | 'ghost' | 'size' | 'booked';

const SIZE_RANK: Readonly<Record<RoomSize, number>> = { oversized: 0, undersized: 1, fits: 2 };

/**
 * Worst first: least used share of working hours ('used'), most ghost minutes ('ghost'), rooms
 * that do not fit their use ('size': oversized, emptiest against capacity first, then undersized),
 * or most booked ('booked'). `reverse` turns the figure's order round (most used first); rooms the
 * order cannot judge go last either way; ties keep the given order.
 */
export function rankUtilisation<T extends { utilisation: RoomUtilisation; capacity?: number }>(
  rows: readonly T[],
  order: UtilisationOrder,
  reverse = false,
): T[] {
  const key = (row: T): [number, number] => {
    const u = row.utilisation;
    if (order === 'ghost') return [0, -u.ghostMinutes];
    if (order === 'booked') return [0, -u.bookedMinutes];
    if (order === 'size') {
      if (u.size === undefined) return [3, 0];
      const fill = (u.peakPeople ?? 0) / (row.capacity ?? 1);
      return [SIZE_RANK[u.size], u.size === 'undersized' ? -fill : fill];
    }
    return u.usedShare === undefined ? [1, 0] : [0, u.usedShare];
  };
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => a.k[0] - b.k[0] || (reverse ? -1 : 1) * (a.k[1] - b.k[1]) || a.i - b.i)
    .map((x) => x.row);
}

export interface WeekTotals {
  /** Monday 00:00 local, epoch ms. */
  weekStart: number;
  bookedMinutes: number;
  usedMinutes: number;
}

/** Booked and used minutes per local calendar week (Monday first), each bucket by its start. */
export function weeklyTotals(
  booked: readonly DurationMetricItem[],
  used: readonly DurationMetricItem[],
  from: number,
  to: number,
  timeZone: string,
): WeekTotals[] {
  const weeks: WeekTotals[] = [];
  let week = DateTime.fromMillis(from, { zone: timeZone }).startOf('week');
  while (week.toMillis() < to) {
    weeks.push({ weekStart: week.toMillis(), bookedMinutes: 0, usedMinutes: 0 });
    week = week.plus({ weeks: 1 });
  }
  const add = (items: readonly DurationMetricItem[], field: 'bookedMinutes' | 'usedMinutes') => {
    for (const item of items) {
      const start = startOf(item);
      const target = [...weeks].reverse().find((w) => w.weekStart <= start);
      if (target) target[field] += minutesOf(item);
    }
  };
  add(booked, 'bookedMinutes');
  add(used, 'usedMinutes');
  return weeks;
}
