import { DEFAULT_COMFORT_BANDS, type MetricPoint, type SummaryOptions } from '../../src/metrics';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Wednesday 18 November 2026, 08:00 UTC. */
export const T0 = Date.UTC(2026, 10, 18, 8, 0);

/** A raw reading as a point. */
export const reading = (t: number, value: number): MetricPoint => ({
  start: t,
  end: t,
  mean: value,
  min: value,
  max: value,
});

/** An hourly bucket starting at `start`. */
export const bucket = (start: number, mean: number, min = mean, max = mean, length = HOUR): MetricPoint => ({
  start,
  end: start + length,
  mean,
  min,
  max,
});

/** Readings every `stepMs` from `start`, one per value. */
export const series = (start: number, stepMs: number, values: readonly number[]): MetricPoint[] =>
  values.map((v, i) => reading(start + i * stepMs, v));

/** Hourly buckets from `start`, one per mean. */
export const hourly = (start: number, means: readonly number[]): MetricPoint[] =>
  means.map((m, i) => bucket(start + i * HOUR, m));

export const rawOptions = (
  from: number,
  to: number,
  extra: Partial<SummaryOptions> = {},
): SummaryOptions => ({
  from,
  to,
  now: to,
  aggregation: 'none',
  bands: DEFAULT_COMFORT_BANDS,
  ...extra,
});

export const hourlyOptions = (
  from: number,
  to: number,
  extra: Partial<SummaryOptions> = {},
): SummaryOptions => ({
  ...rawOptions(from, to),
  aggregation: 'hourly',
  ...extra,
});
