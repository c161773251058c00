import {
  type ComfortBands,
  type DurationSummary,
  formatValue,
  METRIC_LABEL,
  summarize,
  toPoints,
} from '../metrics';
import { DEFAULT_WORKING_HOURS, type WorkingHours, workingIntervals } from '../model/working-hours';
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
  /** Share (0..1) of the working time with data that was inside the comfort band (comfort metrics). */
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

/**
 * One room of a report, from its hourly data over the period: per metric mean/min/max, verdict
 * and share of working time inside the band (comfort judged in the space's working hours, default
 * Mon–Fri 08:00–17:00 local); peak people against capacity; booked vs used.
 */
export function reportRoom(
  input: RoomReportInput,
  period: { from: number; to: number },
  options: {
    bands: ComfortBands;
    unit: TemperatureUnit;
    timeZone: string;
    now: number;
    workingHours?: WorkingHours;
  },
): ReportRoom {
  const working = workingIntervals(
    options.workingHours ?? DEFAULT_WORKING_HOURS,
    period.from,
    period.to,
    options.timeZone,
  );
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
      working,
    });
    if (summary.mean === undefined) continue;
    if (d.metric === 'peopleCount') peakPeople = summary.max?.value;
    // The same working time the verdict counts: "Too cold for 2 h in working hours" sits beside
    // "78% in band", never beside "100% in band".
    const covered = summary.working?.coveredMs ?? 0;
    const inBandShare =
      covered > 0
        ? Math.max(0, 1 - (summary.outside.aboveMs + summary.outside.belowMs) / covered)
        : undefined;
    score += summary.verdict.level === 'poor' ? 3 : summary.verdict.level === 'fair' ? 1 : 0;
    lines.push({
      metric: d.metric,
      label: METRIC_LABEL[d.metric],
      mean: formatValue(d.metric, summary.mean, unit),
      min: summary.min ? formatValue(d.metric, summary.min.value, unit) : '—',
      max: summary.max ? formatValue(d.metric, summary.max.value, unit) : '—',
      verdict: summary.verdict,
      ...(inBandShare !== undefined ? { inBandShare } : {}),
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
        : working.length > 0
          ? { level: 'good', text: 'Comfortable in working hours' }
          : { level: 'none', text: 'Outside working hours: not judged' };
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
