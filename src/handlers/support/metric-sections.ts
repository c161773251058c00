import type { MetricSection } from '../../cards';
import {
  type ComfortBands,
  formatDuration,
  formatValue,
  METRIC_LABEL,
  type MetricSummary,
  summarize,
  toPoints,
} from '../../metrics';
import type { Interval } from '../../model/working-hours';
import type { AnswerPlan } from '../../plan/plan-answer';
import type { RoomMetricData } from '../../readings/read-room-metrics';
import type { TemperatureUnit } from '../../webex/wire';
import { sectionGaps, silenceOptions } from './silent-sensors';

export interface SectionInput {
  data: RoomMetricData;
  from: number;
  to: number;
  now: number;
  aggregation: 'none' | 'hourly' | 'daily';
  bands: ComfortBands;
  capacity: number | undefined;
  unit: TemperatureUnit;
  timeZone: string;
  /** The working intervals comfort is judged in (the plan's `judging`); undefined: every hour. */
  working?: readonly Interval[] | undefined;
}

/**
 * What a series is summarised against in an answer: the plan's window, aggregation, unit and
 * working intervals, the space's bands and zone, the room's capacity (from the plan's rooms).
 */
export function sectionInput(
  ctx: { now: () => number; bands: ComfortBands; space: { timeZone: string } },
  plan: AnswerPlan,
  data: RoomMetricData,
): SectionInput {
  return {
    data,
    from: plan.from,
    to: plan.to,
    now: ctx.now(),
    aggregation: plan.aggregation,
    bands: ctx.bands,
    capacity: plan.rooms.find((r) => r.id === data.room.id)?.capacity,
    unit: plan.unit,
    timeZone: ctx.space.timeZone,
    working: plan.judging?.intervals,
  };
}

export function summaryOf(input: SectionInput): MetricSummary {
  return summarize(input.data.metric, toPoints(input.data.items, input.aggregation), {
    from: input.from,
    to: input.to,
    now: input.now,
    aggregation: input.aggregation,
    bands: input.bands,
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    unit: input.unit,
    ...silenceOptions(input.data, input),
    ...(input.working ? { working: input.working } : {}),
  });
}

/** One metric of one room as a card section: verdict, min/mean/max, latest, warnings, caveats. */
export function metricSection(input: SectionInput, summary: MetricSummary = summaryOf(input)): MetricSection {
  const { metric } = input.data;
  const label = METRIC_LABEL[metric];
  const value = (v: number) => formatValue(metric, v, input.unit);
  if (!input.data.supported) {
    return {
      metricLabel: label,
      verdict: { level: 'none', text: `No ${label} sensor in this room` },
      stats: [],
      warnings: [],
      caveats: [],
    };
  }
  const stats = [
    ...(summary.min ? [{ label: 'Min', value: value(summary.min.value), at: summary.min.at }] : []),
    ...(summary.mean !== undefined
      ? [{ label: metric === 'peopleCount' ? 'Mean in use' : 'Mean', value: value(summary.mean) }]
      : []),
    ...(summary.max ? [{ label: 'Max', value: value(summary.max.value), at: summary.max.at }] : []),
  ];
  const warnings: string[] = [];
  const scope = summary.working ? ' in working hours' : '';
  if (summary.outside.aboveMs > 0)
    warnings.push(`Outside the comfort band (high) for ${formatDuration(summary.outside.aboveMs)}${scope}`);
  if (summary.outside.belowMs > 0)
    warnings.push(`Outside the comfort band (low) for ${formatDuration(summary.outside.belowMs)}${scope}`);
  const caveats: string[] = [];
  // An empty room has no mean to explain.
  if (metric === 'peopleCount' && summary.count > 0)
    caveats.push('People count mean is when the room is in use (empty readings are not counted).');
  if (summary.partialFirst) caveats.push('The first bucket covers only part of its period.');
  if (summary.partialLast) caveats.push('The last bucket covers only part of its period.');
  return {
    metricLabel: label,
    verdict: summary.verdict,
    stats,
    ...(input.aggregation === 'none' ? {} : { bucket: input.aggregation === 'hourly' ? 'hour' : 'day' }),
    ...(summary.latest
      ? {
          latest: {
            value: value(summary.latest.value),
            at: summary.latest.bucketStart ?? summary.latest.at,
            ageMs: summary.latest.ageMs,
          },
        }
      : {}),
    trend: summary.trend,
    warnings,
    caveats,
    ...sectionGaps(summary, input),
  };
}
