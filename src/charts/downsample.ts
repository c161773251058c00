import type { ChartPoint } from './chart-request';

/**
 * Shrinks a series to at most `maxPoints` points for URL-encoded charts (QuickChart), keeping what a
 * reader looks for: min/max per bucket.
 *
 * - The first and last points are kept as they are.
 * - The points between are split into ⌊(maxPoints − 2) / 2⌋ buckets of equal count; each bucket
 *   contributes its lowest-mean and highest-mean points (in time order, once when they coincide),
 *   so every local spike, and with it the global minimum and maximum of `mean`, survives.
 * - When a bucket's points carry `min`/`max`, both emitted points carry the bucket's lowest `min`
 *   and highest `max` (falling back to `mean` for points without them), so the min–max band keeps
 *   its extremes too. Points without `min`/`max` stay without them.
 *
 * Points with a non-finite `t` or `mean` are dropped; the input is read in time order (sorted first
 * when it is not). Pure: the input array and its points are not modified.
 */
export function downsample(points: ChartPoint[], maxPoints: number): ChartPoint[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4) {
    throw new RangeError(`downsample: maxPoints must be an integer of at least 4 (got ${maxPoints})`);
  }
  const clean = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.mean));
  const sorted = isSortedByTime(clean) ? clean : [...clean].sort((a, b) => a.t - b.t);
  if (sorted.length <= maxPoints) return sorted.slice();

  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const inner = sorted.slice(1, -1);
  const bucketCount = Math.floor((maxPoints - 2) / 2);
  const out: ChartPoint[] = [first];
  for (let b = 0; b < bucketCount; b += 1) {
    const start = Math.floor((b * inner.length) / bucketCount);
    const end = Math.floor(((b + 1) * inner.length) / bucketCount);
    if (end > start) out.push(...reduceBucket(inner, start, end));
  }
  out.push(last);
  return out;
}

function reduceBucket(points: ChartPoint[], start: number, end: number): ChartPoint[] {
  let lo = start;
  let hi = start;
  let bandLow = Number.POSITIVE_INFINITY;
  let bandHigh = Number.NEGATIVE_INFINITY;
  let hasBand = false;
  for (let i = start; i < end; i += 1) {
    const p = points[i]!;
    if (p.mean < points[lo]!.mean) lo = i;
    if (p.mean > points[hi]!.mean) hi = i;
    if (p.min !== undefined || p.max !== undefined) hasBand = true;
    bandLow = Math.min(bandLow, finiteOr(p.min, p.mean), p.mean);
    bandHigh = Math.max(bandHigh, finiteOr(p.max, p.mean), p.mean);
  }
  const picks = lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)];
  return picks.map((i) => {
    const { t, mean } = points[i]!;
    return hasBand ? { t, mean, min: bandLow, max: bandHigh } : { t, mean };
  });
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

function isSortedByTime(points: ChartPoint[]): boolean {
  for (let i = 1; i < points.length; i += 1) {
    if (points[i]!.t < points[i - 1]!.t) return false;
  }
  return true;
}
