import { DateTime } from 'luxon';
import {
  type ComfortBands,
  type DurationSummary,
  formatValue,
  METRIC_LABEL,
  summarize,
  toPoints,
} from '../metrics';
import type { MetricPoint } from '../metrics/points';
import { comfortRange, outsideRange } from '../model/comfort-bands';
import type { RoomMetricData } from '../readings/read-room-metrics';
import type { MetricName, TemperatureUnit } from '../webex/wire';

/** The metrics a daily report covers, in the order they are shown. */
export const REPORT_METRICS: readonly MetricName[] = [
  'temperature',
  'humidity',
  'tvoc',
  'ambientNoise',
  'peopleCount',
];

/** Working hours for "share of working hours inside the comfort band": Mon–Fri 08:00–17:00 local. */
export const WORKING_HOURS = { fromHour: 8, toHour: 17 } as const;

export interface ReportVerdict {
  level: 'good' | 'fair' | 'poor' | 'none';
  text: string;
}

export interface ReportMetricLine {
  metric: MetricName;
  label: string;
  mean: string;
  min: string;
  max: string;
  verdict: ReportVerdict;
  /** Share (0..1) of working-hour buckets whose mean was inside the comfort band. */
  inBandShare?: number;
}

export interface ReportRoom {
  workspaceId: string;
  name: string;
  verdict: ReportVerdict;
  metrics: ReportMetricLine[];
  peakPeople?: number;
  capacity?: number;
  bookedHours?: number;
  usedHours?: number;
  noData: boolean;
  /** Higher is worse: poor metrics weigh 3, fair 1, over capacity 2. Sorts the report. */
  score: number;
}

export interface RoomReportInput {
  workspaceId: string;
  name: string;
  capacity?: number;
  data: readonly RoomMetricData[];
  durations?: DurationSummary;
}

/** Whether a bucket mean sits inside the comfort band of its metric (undefined: the metric has none). */
export function insideBand(
  metric: MetricName,
  value: number,
  bands: ComfortBands,
  unit: TemperatureUnit,
  capacity?: number,
): boolean | undefined {
  const range = comfortRange(metric, bands, unit, capacity);
  return range ? outsideRange(range, value) === undefined : undefined;
}

/** Hourly buckets that start inside working hours (Mon–Fri, local), in the given zone. */
export function workingHourPoints(points: readonly MetricPoint[], timeZone: string): MetricPoint[] {
  return points.filter((p) => {
    const local = DateTime.fromMillis(p.start, { zone: timeZone });
    return local.weekday <= 5 && local.hour >= WORKING_HOURS.fromHour && local.hour < WORKING_HOURS.toHour;
  });
}

/**
 * One room of a report, from its hourly data over the period: per metric mean/min/max, verdict
 * and share of working hours inside the band; peak people against capacity; booked vs used.
 */
export function reportRoom(
  input: RoomReportInput,
  period: { from: number; to: number },
  options: { bands: ComfortBands; unit: TemperatureUnit; timeZone: string; now: number },
): ReportRoom {
  const lines: ReportMetricLine[] = [];
  let score = 0;
  let peakPeople: number | undefined;
  for (const d of input.data) {
    if (!d.supported || d.items.length === 0) continue;
    const unit = d.metric === 'temperature' ? options.unit : undefined;
    const points = toPoints(d.items, 'hourly');
    const summary = summarize(d.metric, points, {
      from: period.from,
      to: period.to,
      now: options.now,
      aggregation: 'hourly',
      bands: options.bands,
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(unit ? { unit } : {}),
    });
    if (summary.mean === undefined) continue;
    if (d.metric === 'peopleCount') peakPeople = summary.max?.value;
    const working = workingHourPoints(points, options.timeZone);
    const judged = working
      .map((p) => insideBand(d.metric, p.mean, options.bands, options.unit, input.capacity))
      .filter((x): x is boolean => x !== undefined);
    score += summary.verdict.level === 'poor' ? 3 : summary.verdict.level === 'fair' ? 1 : 0;
    lines.push({
      metric: d.metric,
      label: METRIC_LABEL[d.metric],
      mean: formatValue(d.metric, summary.mean, unit),
      min: summary.min ? formatValue(d.metric, summary.min.value, unit) : '—',
      max: summary.max ? formatValue(d.metric, summary.max.value, unit) : '—',
      verdict: summary.verdict,
      ...(judged.length > 0 ? { inBandShare: judged.filter(Boolean).length / judged.length } : {}),
    });
  }
  const overCapacity =
    peakPeople !== undefined && input.capacity !== undefined && peakPeople > input.capacity;
  if (overCapacity) score += 2;
  const worst = lines.reduce<ReportVerdict | undefined>(
    (w, l) =>
      rank(l.verdict) > rank(w) ? { level: l.verdict.level, text: `${l.label}: ${l.verdict.text}` } : w,
    undefined,
  );
  const verdict: ReportVerdict =
    lines.length === 0
      ? { level: 'none', text: 'No data for this period' }
      : worst && rank(worst) > rank({ level: 'good', text: '' })
        ? worst
        : { level: 'good', text: 'Comfortable all period' };
  return {
    workspaceId: input.workspaceId,
    name: input.name,
    verdict,
    metrics: lines,
    ...(peakPeople !== undefined ? { peakPeople } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.durations
      ? {
          bookedHours: input.durations.bookedMinutes / 60,
          usedHours: input.durations.usedMinutes / 60,
        }
      : {}),
    noData: lines.length === 0,
    score,
  };
}

function rank(verdict: ReportVerdict | undefined): number {
  return verdict ? { none: 0, good: 1, fair: 2, poor: 3 }[verdict.level] : -1;
}

/** Worst rooms first; rooms without data last; ties by name. */
export function worstFirst(rooms: readonly ReportRoom[]): ReportRoom[] {
  return [...rooms].sort(
    (a, b) => Number(a.noData) - Number(b.noData) || b.score - a.score || a.name.localeCompare(b.name),
  );
}
