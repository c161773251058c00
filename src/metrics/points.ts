import type { AggregatedMetricItem, RawMetricItem } from '../webex/wire';

/**
 * One point of a metric series, in epoch milliseconds. A raw reading is a point of zero length
 * (`start === end`, `mean === min === max`); an hourly/daily bucket keeps its own fields.
 */
export interface MetricPoint {
  start: number;
  end: number;
  mean: number;
  min: number;
  max: number;
}

function isRaw(item: RawMetricItem | AggregatedMetricItem): item is RawMetricItem {
  return 'timestamp' in item;
}

function pointOf(item: RawMetricItem | AggregatedMetricItem): MetricPoint | undefined {
  if (isRaw(item)) {
    const t = Date.parse(item.timestamp);
    if (!Number.isFinite(t) || !Number.isFinite(item.value)) return undefined;
    return { start: t, end: t, mean: item.value, min: item.value, max: item.value };
  }
  const start = Date.parse(item.start);
  const end = Date.parse(item.end);
  if (![start, end, item.mean, item.min, item.max].every(Number.isFinite)) return undefined;
  return { start, end, mean: item.mean, min: item.min, max: item.max };
}

/**
 * Turns Workspace Metrics items into points, oldest first (ties keep their order).
 *
 * Each item is read by its own shape, so a caller can never get it wrong: a raw reading (`timestamp`,
 * `value`) becomes a zero-length point at its timestamp; a bucket (`start`, `end`, `mean`, `min`,
 * `max`) keeps its fields. `_aggregation` (what the items were requested with) is accepted for the
 * call's readability and not needed. Items with an unparsable time or a non-finite number are skipped.
 */
export function toPoints(
  items: readonly (RawMetricItem | AggregatedMetricItem)[],
  _aggregation: 'none' | 'hourly' | 'daily',
): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const item of items) {
    const point = pointOf(item);
    if (point) points.push(point);
  }
  return points.sort((a, b) => a.start - b.start || a.end - b.end);
}
