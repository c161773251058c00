/**
 * Workspace Metrics aggregation, as the reference page documents it:
 * - bucket starts are truncated to the hour/day (UTC: the API has no time-zone parameter),
 *   but a bucket only aggregates readings inside the requested range, so the first and last
 *   buckets can be partial;
 * - zero and negative readings are dropped first, so an hour with no positive reading has no
 *   bucket at all and the people-count mean is "people when in use".
 */
import { DAY_MS, HOUR_MS } from '../../webex/wire';

export interface Reading {
  t: number;
  value: number;
}

export interface Bucket {
  start: number;
  end: number;
  mean: number;
  min: number;
  max: number;
}

export function bucketStart(t: number, aggregation: 'hourly' | 'daily'): number {
  const size = aggregation === 'hourly' ? HOUR_MS : DAY_MS;
  return Math.floor(t / size) * size;
}

/** Positive readings in [fromMs, toMs). */
export function keptReadings(readings: readonly Reading[], fromMs: number, toMs: number): Reading[] {
  return readings.filter((r) => r.t >= fromMs && r.t < toMs && r.value > 0);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Aggregates positive readings in [fromMs, toMs) into hourly or daily buckets, oldest first. */
export function aggregateReadings(
  readings: readonly Reading[],
  aggregation: 'hourly' | 'daily',
  fromMs: number,
  toMs: number,
): Bucket[] {
  const size = aggregation === 'hourly' ? HOUR_MS : DAY_MS;
  const buckets = new Map<number, { sum: number; n: number; min: number; max: number }>();
  for (const r of keptReadings(readings, fromMs, toMs)) {
    const start = bucketStart(r.t, aggregation);
    const b = buckets.get(start);
    if (b) {
      b.sum += r.value;
      b.n += 1;
      b.min = Math.min(b.min, r.value);
      b.max = Math.max(b.max, r.value);
    } else {
      buckets.set(start, { sum: r.value, n: 1, min: r.value, max: r.value });
    }
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, b]) => ({
      start,
      end: start + size,
      mean: round2(b.sum / b.n),
      min: round2(b.min),
      max: round2(b.max),
    }));
}

export const celsiusToFahrenheit = (c: number): number => round2((c * 9) / 5 + 32);
