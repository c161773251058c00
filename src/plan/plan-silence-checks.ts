import type { MetricName } from '../webex/wire';
import { DAY_MS, HOUR_MS } from '../webex/wire/limits';
import { callsFor } from './bounded-window';
import type { AnswerLimits } from './limits';
import { type AnswerPlan, hasSensor, type MetricFetch } from './plan-answer';

/** How far before a window a silent sensor's last reading is looked for: one call of raw readings. */
export const LOOK_BACK_MS = 48 * HOUR_MS;
/**
 * Series one answer checks at most, one call each: below the calls after which an answer posts a
 * progress message (20), so the checks never add one.
 */
export const MAX_SILENCE_CHECKS = 16;
/** The device's metric that shows it is reporting, in order of preference (every device has noise). */
export const WITNESS_ORDER: readonly MetricName[] = [
  'ambientNoise',
  'soundLevel',
  'temperature',
  'humidity',
  'tvoc',
];

/** What the first read returned for a series (the shape of the read step's results). */
export interface ReadSeries {
  room: { id: string };
  metric: MetricName;
  items: readonly unknown[];
}

export interface SilenceChecks {
  /** Series without readings: their raw readings in the 48 h before the window, for the last one. */
  lookBacks: MetricFetch[];
  /**
   * People-count series without data in rooms none of whose other metrics were read: one other
   * metric of the room's device over the window (daily buckets), to tell an empty room (Webex drops
   * zero counts) from a silent device.
   */
  witnesses: MetricFetch[];
  /** The checks as a plan for the read step: exactly one call each on a cold cache. */
  plan: AnswerPlan;
  /** Series without readings left unchecked (beyond {@link MAX_SILENCE_CHECKS} or the call limit). */
  unchecked: number;
}

/**
 * The second, bounded read an answer makes after its first one: for each series that came back
 * empty, one call that says why. A people-count series from a room whose other metrics were read
 * needs none (they tell whether the device reported). Pure: the first read's results are a
 * parameter; the checks go in the plan's order, at most {@link MAX_SILENCE_CHECKS} and never past
 * the calls one answer may make.
 */
export function planSilenceChecks(
  plan: AnswerPlan,
  read: readonly ReadSeries[],
  ctx: { now: number; limits: AnswerLimits },
): SilenceChecks {
  const itemsOf = (roomId: string, metric: MetricName) =>
    read.find((r) => r.room.id === roomId && r.metric === metric)?.items;
  const budget = Math.max(0, Math.min(MAX_SILENCE_CHECKS, ctx.limits.maxCallsPerAnswer - plan.calls));
  const oldest = ctx.now - ctx.limits.maxHistoryDays * DAY_MS;
  const lookBacks: MetricFetch[] = [];
  const witnesses: MetricFetch[] = [];
  let unchecked = 0;
  for (const f of plan.fetches) {
    if (itemsOf(f.room.id, f.metric)?.length !== 0) continue;
    let check: MetricFetch | undefined;
    if (f.metric === 'peopleCount') {
      const otherRead = plan.fetches.some((o) => o.room.id === f.room.id && o.metric !== 'peopleCount');
      if (otherRead) continue;
      const witness = WITNESS_ORDER.find((m) => hasSensor(f.room, m));
      if (!witness) continue;
      // The newest 30 days of the window (one daily call): any bucket means the device reported.
      check = { ...f, metric: witness, from: Math.max(f.from, f.to - 30 * DAY_MS), aggregation: 'daily' };
    } else {
      const from = Math.max(f.from - LOOK_BACK_MS, oldest);
      if (!(from < f.from)) continue;
      check = { ...f, from, to: f.from, aggregation: 'none' };
    }
    if (lookBacks.length + witnesses.length >= budget) {
      unchecked++;
      continue;
    }
    (check.aggregation === 'none' ? lookBacks : witnesses).push(check);
  }
  const fetches = [...lookBacks, ...witnesses];
  return {
    lookBacks,
    witnesses,
    plan: {
      ...plan,
      fetches,
      unsupported: [],
      omittedRooms: [],
      notes: [],
      calls: fetches.reduce((n, c) => n + callsFor(c.from, c.to, c.aggregation), 0),
      expectedPoints: lookBacks.length * (LOOK_BACK_MS / 300_000) + witnesses.length * 31,
    },
    unchecked,
  };
}
