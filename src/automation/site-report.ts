/**
 * Reads what a weekly or monthly site report needs, within a bound: the plan stage decides every
 * call first (plan-answer for the period's hourly comfort readings and people count, through the
 * readings cache, so a week of hourly data is fetched once; plan-utilisation for booked and used
 * time of the period and of the one before), each part within its share of REPORT_CALL_BUDGET —
 * a site of 2,000 rooms reads the first rooms it can and says "read N of M" instead of making
 * thousands of calls. Then site-report-content judges and words it, and the card draws it.
 */
import type { SiteReportView } from '../cards';
import type { ComfortBands } from '../metrics';
import type { ReportSubscription } from '../model';
import { type SpaceSettings, spaceBands } from '../model/space-settings';
import { callsFor } from '../plan/bounded-window';
import type { AnswerLimits } from '../plan/limits';
import { judgedInWorkingHours, type PlanContext, type PlanRoom, planReadings } from '../plan/plan-answer';
import { planUtilisation } from '../plan/plan-utilisation';
import { type RoomDurations, readDurations } from '../readings/read-durations';
import { readSeries } from '../readings/read-room-metrics';
import type { ReadingsCache } from '../readings/readings-cache';
import type { WebexClient } from '../webex/client';
import { REPORT_METRICS } from './report-content';
import { comparisonPeriod } from './report-schedule';
import { type RoomDurationsRead, siteReportContent } from './site-report-content';

/** Metric API calls one site report makes at most (cold cache). */
export const REPORT_CALL_BUDGET = 600;
/**
 * Of them, for the hourly comfort readings (problems and sensor health need hours: a week is 4
 * calls per series, 20 per room); the rest is shared by the two periods' booked and used time
 * (which plan-utilisation reads by the day when hourly would not fit).
 */
const READINGS_CALLS = 400;

export interface SiteReportDeps {
  webex: WebexClient;
  bands: ComfortBands;
  limits: AnswerLimits;
  cache?: ReadingsCache;
  now: () => number;
}

/** What a weekly or monthly report shows for `period` (its rooms as the directory lists them). */
export async function siteReportView(
  deps: SiteReportDeps,
  report: ReportSubscription,
  space: SpaceSettings,
  period: { from: number; to: number },
  slot: number,
  scope: { title: string; rooms: readonly PlanRoom[] },
): Promise<Omit<SiteReportView, 'subscriptionId' | 'late' | 'skipped'>> {
  const previous = comparisonPeriod(report, space.timeZone, slot) ?? {
    from: period.from - (period.to - period.from),
    to: period.from,
  };
  const ctx = (now: number, calls: number): PlanContext => ({
    directory: { workspaces: scope.rooms },
    space,
    now,
    limits: { ...deps.limits, maxCallsPerAnswer: calls },
  });
  // Hourly for the rooms that fit, rather than coarser buckets for more: a sensor's last hour and
  // a run outside the band need hours. The rooms past them are counted in a note.
  const perRoom = REPORT_METRICS.length * callsFor(period.from, period.to, 'hourly');
  const readable = scope.rooms.slice(0, Math.max(1, Math.floor(READINGS_CALLS / perRoom)));
  const planned = judgedInWorkingHours(
    planReadings(
      { rooms: readable, metrics: REPORT_METRICS, ...period, aggregation: 'hourly', unit: space.unit },
      ctx(deps.now(), READINGS_CALLS),
    ),
    space,
  );
  // Only hours can be judged here: a plan that had to coarsen is not read.
  const plan =
    planned.aggregation === 'hourly' ? planned : { ...planned, fetches: [], omittedRooms: readable };
  const utilisationOf = (window: { from: number; to: number }) =>
    planUtilisation(
      {
        intent: 'utilisation',
        metrics: ['timeBooked', 'timeUsed'],
        workspaces: scope.rooms.map((r) => ({ id: r.id, displayName: r.displayName })),
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      },
      // Planned as if asked at the window's end: the window is whole, not cut at "now".
      ctx(Math.max(window.to, deps.now()), Math.floor((REPORT_CALL_BUDGET - READINGS_CALLS) / 2)),
    );
  const current = utilisationOf(period);
  const before = utilisationOf(previous);
  const [readings, durations, previousDurations] = await Promise.all([
    plan.problem
      ? Promise.resolve([])
      : readSeries(deps.webex, plan.fetches, {
          ...(deps.cache ? { cache: deps.cache } : {}),
          concurrency: 4,
        }),
    current.problem ? Promise.resolve([]) : readDurations(deps.webex, current.fetches).then(byRoom),
    before.problem ? Promise.resolve([]) : readDurations(deps.webex, before.fetches).then(byRoom),
  ]);
  const content = siteReportContent(
    {
      period,
      previous,
      readings,
      durations,
      previousDurations,
      working: plan.judging?.intervals ?? [],
      previousWorking: before.working,
      roomsInScope: scope.rooms.length,
      now: deps.now(),
    },
    {
      bands: spaceBands(deps.bands, space),
      unit: space.unit,
      timeZone: space.timeZone,
      offlineAfterMs: deps.limits.sensorOfflineAfterMs,
    },
  );
  const readRooms = new Set(plan.fetches.map((f) => f.room.id)).size;
  const count = (n: number) => n.toLocaleString('en-US');
  const notes = [
    ...(readRooms < scope.rooms.length || current.fetches.length < scope.rooms.length
      ? [
          `A report makes at most ${count(REPORT_CALL_BUDGET)} Webex calls: comfort and sensors read for ${count(readRooms)} of ${count(scope.rooms.length)} rooms, bookings for ${count(current.fetches.length)}. Ask about a floor for the rest.`,
        ]
      : []),
    ...(plan.judging && plan.judging.intervals.length > 0
      ? [
          `Comfort judged in working hours; offline = no reading for ${Math.round(deps.limits.sensorOfflineAfterMs / 60_000)} min before the period's end.`,
        ]
      : []),
    'Booked: calendar bookings. Used: people detected, booked or not. Ghost: booked with no use detected.',
  ];
  return {
    title: scope.title,
    period,
    comparedWith: report.days === 'monthly' ? 'month' : 'week',
    timeZone: space.timeZone,
    ...content,
    notes,
  };
}

const byRoom = (read: readonly RoomDurations[]): RoomDurationsRead[] =>
  read.map((r) => ({ room: r.fetch.room, booked: r.booked, used: r.used }));
