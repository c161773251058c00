import {
  type AggregatedMetricItem,
  type Aggregation,
  DAY_MS,
  type DurationMetricItem,
  HOUR_MS,
  METRICS_MAX_SPAN_MS,
  type RawMetricItem,
} from './wire';

export interface TimeWindow {
  from: number;
  to: number;
}

const BUCKET_MS: Readonly<Record<Aggregation, number>> = { none: 1, hourly: HOUR_MS, daily: DAY_MS };

/**
 * Splits [from, to) into the fewest legal windows. Inner boundaries fall on bucket starts (UTC
 * hour or day), so no bucket is split across two calls and none comes back twice; only the first
 * and last buckets of the whole range can be partial, exactly as with a single call.
 */
export function planWindows(fromMs: number, toMs: number, aggregation: Aggregation): TimeWindow[] {
  if (!(Number.isFinite(fromMs) && Number.isFinite(toMs)) || fromMs >= toMs) return [];
  const span = METRICS_MAX_SPAN_MS[aggregation];
  const bucket = BUCKET_MS[aggregation];
  const windows: TimeWindow[] = [];
  let start = fromMs;
  while (start < toMs) {
    let end = Math.min(toMs, start + span);
    if (end < toMs) {
      const aligned = Math.floor(end / bucket) * bucket;
      if (aligned > start) end = aligned;
    }
    windows.push({ from: start, to: end });
    start = end;
  }
  return windows;
}

/** Joins the windows' buckets oldest-first, dropping any bucket start seen before. */
export function stitchBuckets<T extends AggregatedMetricItem | DurationMetricItem>(
  pages: readonly (readonly T[])[],
): T[] {
  const byStart = new Map<number, T>();
  for (const page of pages) {
    for (const item of page) {
      const start = Date.parse(item.start);
      if (!byStart.has(start)) byStart.set(start, item);
    }
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
}

/** Joins raw readings oldest-first, dropping duplicates of the same device and instant. */
export function stitchReadings(pages: readonly (readonly RawMetricItem[])[]): RawMetricItem[] {
  const byKey = new Map<string, { t: number; item: RawMetricItem }>();
  for (const page of pages) {
    for (const item of page) {
      const t = Date.parse(item.timestamp);
      const key = `${item.deviceId}@${t}`;
      if (!byKey.has(key)) byKey.set(key, { t, item });
    }
  }
  return [...byKey.values()].sort((a, b) => a.t - b.t).map((x) => x.item);
}
