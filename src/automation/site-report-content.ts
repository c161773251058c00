/**
 * A weekly or monthly site report, built from data already read (pure): the worst rooms (their
 * comfort problems in working hours, metrics/problems), utilisation against the period before
 * (metrics/utilisation), and sensor health at the period's end (metrics/sensor-health). The
 * runner (site-report.ts) plans and reads; this judges and words; the card draws.
 */
import { healthRow } from '../cards/health-lines';
import { problemLine } from '../cards/problem-lines';
import type { SiteReportView, SiteUtilisationRow } from '../cards/site-report-card';
import { type ComfortBands, summarize, toPoints } from '../metrics';
import { type MetricProblem, metricProblem, problemOrder, sortProblems } from '../metrics/problems';
import { type HealthSeries, roomHealth, worstFirst } from '../metrics/sensor-health';
import { rankUtilisation, summarizeUtilisation } from '../metrics/utilisation';
import type { Interval } from '../model/working-hours';
import type { PlanRoom } from '../plan/plan-answer';
import type { RoomMetricData } from '../readings/read-room-metrics';
import type { DurationMetricItem, TemperatureUnit } from '../webex/wire';

/** Rooms each section shows at most; more are counted ("showing 8 of 23"). */
export const SITE_REPORT_ROWS = 8;

export interface RoomDurationsRead {
  room: Pick<PlanRoom, 'id' | 'displayName' | 'capacity'>;
  booked: readonly DurationMetricItem[];
  used: readonly DurationMetricItem[];
}

export interface SiteReportInput {
  period: { from: number; to: number };
  /** What the period is compared with: the week or month before. */
  previous: { from: number; to: number };
  /** Hourly readings of the period (comfort metrics and people count) of the rooms read. */
  readings: readonly RoomMetricData[];
  /** Booked and used time per room, this period and the one before. */
  durations: readonly RoomDurationsRead[];
  previousDurations: readonly RoomDurationsRead[];
  /** The space's working intervals in each period. */
  working: readonly Interval[];
  previousWorking: readonly Interval[];
  /** Rooms in scope (the parts may have read fewer, within the report's call budget). */
  roomsInScope: number;
  /** When the report is made: ages ("2 d ago") are told from it. */
  now: number;
}

export interface SiteReportOptions {
  bands: ComfortBands;
  unit: TemperatureUnit;
  timeZone: string;
  offlineAfterMs: number;
}

type SiteReportContent = Pick<SiteReportView, 'worst' | 'utilisation' | 'health'>;

/** The three sections of the report, each worst first and bounded to SITE_REPORT_ROWS rooms. */
export function siteReportContent(input: SiteReportInput, o: SiteReportOptions): SiteReportContent {
  return {
    worst: worstRooms(input, o),
    utilisation: utilisationSection(input),
    health: healthSection(input, o),
  };
}

function worstRooms(input: SiteReportInput, o: SiteReportOptions): SiteReportView['worst'] {
  const capacityOf = (id: string) => input.durations.find((r) => r.room.id === id)?.room.capacity;
  return comfortProblems(input.readings, input.period, input.working, o, capacityOf, SITE_REPORT_ROWS);
}

/**
 * The rooms outside their comfort band in working hours (or over capacity) over `period`, worst
 * first (problemOrder), each with its problems in words, "since" the run's start (problemLine):
 * the first `limit` rooms, with how many had a problem and how many were judged. Used by site
 * reports and by the daily report's "Needs attention".
 */
export function comfortProblems(
  readings: readonly RoomMetricData[],
  period: { from: number; to: number },
  working: readonly Interval[],
  o: SiteReportOptions,
  capacityOf: (workspaceId: string) => number | undefined,
  limit: number,
): SiteReportView['worst'] {
  // "Now" is the period's end: a report judges the period that was, not the hours since.
  const now = period.to;
  const input = { readings, working };
  const byRoom = new Map<string, { name: string; problems: { problem: MetricProblem; latest?: number }[] }>();
  const judged = new Set<string>();
  for (const d of input.readings) {
    if (!d.supported || d.items.length === 0) continue;
    judged.add(d.room.id);
    const capacity = capacityOf(d.room.id);
    const unit = d.metric === 'temperature' ? o.unit : undefined;
    const points = toPoints(d.items, 'hourly');
    const common = {
      now,
      bands: o.bands,
      ...(capacity !== undefined ? { capacity } : {}),
      ...(unit ? { unit } : {}),
      working: [...input.working],
    };
    const summary = summarize(d.metric, points, {
      ...common,
      from: period.from,
      to: period.to,
      aggregation: 'hourly',
    });
    const problem = metricProblem(summary, points, common);
    if (!problem) continue;
    const entry = byRoom.get(d.room.id) ?? { name: d.room.displayName, problems: [] };
    entry.problems.push({ problem, ...(summary.latest ? { latest: summary.latest.value } : {}) });
    byRoom.set(d.room.id, entry);
  }
  const rooms = [...byRoom.values()].sort((a, b) =>
    problemOrder(
      { name: a.name, problems: a.problems.map((p) => p.problem) },
      { name: b.name, problems: b.problems.map((p) => p.problem) },
    ),
  );
  const lineContext = {
    unit: o.unit,
    timeZone: o.timeZone,
    ...period,
    workingHours: input.working.length > 0,
  };
  return {
    rows: rooms.slice(0, limit).map((r) => {
      const order = sortProblems(r.problems.map((p) => p.problem));
      return {
        roomName: r.name,
        lines: order.map((problem) => {
          const latest = r.problems.find((p) => p.problem === problem)?.latest;
          return problemLine(problem, latest, lineContext).text;
        }),
      };
    }),
    withProblems: rooms.length,
    judged: judged.size,
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function utilisationSection(input: SiteReportInput): SiteReportView['utilisation'] {
  const before = new Map(
    input.previousDurations.map((r) => [
      r.room.id,
      summarizeUtilisation({ booked: r.booked, used: r.used, working: input.previousWorking }),
    ]),
  );
  const rows = input.durations.map((r) => ({
    room: r.room,
    utilisation: summarizeUtilisation({ booked: r.booked, used: r.used, working: input.working }),
    previous: before.get(r.room.id),
  }));
  const active = rows.filter((r) => r.utilisation.bookedMinutes > 0 || r.utilisation.usedMinutes > 0);
  // Ghost time first: booked and nobody came is what a facilities team acts on; then least used.
  const ranked = rankUtilisation(active, 'ghost');
  const view = (r: (typeof rows)[number]): SiteUtilisationRow => ({
    roomName: r.room.displayName,
    bookedMinutes: r.utilisation.bookedMinutes,
    usedMinutes: r.utilisation.usedMinutes,
    ghostMinutes: r.utilisation.ghostMinutes,
    ...(r.utilisation.usedShare !== undefined ? { usedShare: r.utilisation.usedShare } : {}),
    ...(r.utilisation.ghostBookings !== undefined ? { ghostBookings: r.utilisation.ghostBookings } : {}),
    ...(r.previous ? { previousUsedMinutes: r.previous.usedMinutes } : {}),
  });
  const workingMinutes = sum(rows.map((r) => r.utilisation.workingMinutes));
  const usedInWorking = sum(rows.map((r) => r.utilisation.usedInWorkingMinutes));
  const previousRows = [...before.values()];
  return {
    rows: ranked.slice(0, SITE_REPORT_ROWS).map(view),
    active: active.length,
    read: rows.length,
    idle: rows.length - active.length,
    totals: {
      bookedMinutes: sum(rows.map((r) => r.utilisation.bookedMinutes)),
      usedMinutes: sum(rows.map((r) => r.utilisation.usedMinutes)),
      ghostMinutes: sum(rows.map((r) => r.utilisation.ghostMinutes)),
      ...(workingMinutes > 0 ? { usedShare: usedInWorking / workingMinutes } : {}),
      ...(previousRows.length > 0
        ? {
            previousBookedMinutes: sum(previousRows.map((u) => u.bookedMinutes)),
            previousUsedMinutes: sum(previousRows.map((u) => u.usedMinutes)),
          }
        : {}),
    },
  };
}

function healthSection(input: SiteReportInput, o: SiteReportOptions): SiteReportView['health'] {
  return sensorHealth(input.readings, input.period, input.now, o, SITE_REPORT_ROWS);
}

/**
 * The rooms whose sensors went quiet (or reported impossible values) in `period`, judged at its
 * end from its hourly buckets (sensor-health), worst first: the first `limit`, with how many had a
 * problem and how many were checked. Ages ("5 d ago") are told from `now`.
 */
export function sensorHealth(
  readings: readonly RoomMetricData[],
  period: { from: number; to: number },
  now: number,
  o: SiteReportOptions,
  limit: number,
): SiteReportView['health'] {
  const input = { readings, period, now };
  const byRoom = new Map<string, { room: RoomMetricData['room']; series: HealthSeries[] }>();
  for (const d of input.readings) {
    if (!d.supported) continue;
    const entry = byRoom.get(d.room.id) ?? { room: d.room, series: [] };
    entry.series.push({
      metric: d.metric,
      ...input.period,
      buckets: d.items.flatMap((item) =>
        'start' in item && Number.isFinite(item.min) && Number.isFinite(item.max)
          ? [{ start: Date.parse(item.start), min: item.min, max: item.max }]
          : [],
      ),
    });
    byRoom.set(d.room.id, entry);
  }
  // Judged at the period's end: "offline since" a sensor's last reading in the period.
  const options = { now: input.period.to, offlineAfterMs: o.offlineAfterMs, timeZone: o.timeZone };
  const health = worstFirst([...byRoom.values()].map((r) => roomHealth(r, options)));
  const troubled = health.filter((h) => h.problems.length > 0);
  const lookBackMs = input.period.to - input.period.from;
  return {
    rows: troubled
      .slice(0, limit)
      .map((h) => healthRow(h, { now: input.now, timeZone: o.timeZone, lookBackMs })),
    withProblems: troubled.length,
    checked: health.length,
  };
}
