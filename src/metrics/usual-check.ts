import { DateTime } from 'luxon';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import { type Baseline, baselineFor, describeUnusual, judgeUnusual, type Unusual } from './baseline';
import type { MetricPoint } from './points';
import { formatValue } from './summary';

/** What an answer says about a series against the room's own usual. */
export type UsualCheck =
  | {
      kind: 'unusual';
      /** The start of the hour (or the reading, for "now") that is unusual. */
      at: number;
      value: number;
      unusual: Unusual;
      baseline: Baseline;
      /** "32 dBA louder than a usual Thursday afternoon here (usual 32 dBA)" */
      text: string;
    }
  /** Every hour judged is within the usual. */
  | { kind: 'usual' }
  /** No hour has enough past weeks to say what is usual. */
  | { kind: 'unknown' };

export interface UsualCheckOptions {
  timeZone: string;
  unit?: TemperatureUnit;
  /** An answer about now: only the latest reading is judged, against its hour's usual. */
  latestOnly?: boolean;
}

/**
 * Compares a window's readings with the room's usual for the same weekday and local hour
 * (`history`: hourly buckets of the weeks before, from the readings cache). A window is judged hour
 * by hour (the mean of each local hour's points) and the most unusual hour is named; an answer
 * about now judges its latest reading. Pure.
 */
export function checkUsual(
  metric: MetricName,
  points: readonly MetricPoint[],
  history: readonly MetricPoint[],
  options: UsualCheckOptions,
): UsualCheck {
  const { timeZone, unit } = options;
  const latest = points[points.length - 1];
  const candidates = options.latestOnly
    ? latest
      ? [{ at: latest.start, value: latest.mean }]
      : []
    : hourlyMeans(points, timeZone);
  let judged = 0;
  let worst: Extract<UsualCheck, { kind: 'unusual' }> | undefined;
  for (const { at, value } of candidates) {
    const baseline = baselineFor(metric, history, at, timeZone, unit ? { unit } : {});
    if (!baseline) continue;
    judged++;
    const unusual = judgeUnusual(metric, value, baseline, unit ? { unit } : {});
    if (!unusual || (worst && Math.abs(worst.unusual.score) >= Math.abs(unusual.score))) continue;
    const usual = formatValue(metric, baseline.median, unit);
    const text = `${describeUnusual(metric, unusual, baseline, unit)} (usual ${usual})`;
    worst = { kind: 'unusual', at, value, unusual, baseline, text };
  }
  if (worst) return worst;
  return judged > 0 ? { kind: 'usual' } : { kind: 'unknown' };
}

/** The mean of each local hour's points (readings or buckets), by the hour's start. */
function hourlyMeans(points: readonly MetricPoint[], timeZone: string): { at: number; value: number }[] {
  const hours = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    if (!Number.isFinite(p.mean)) continue;
    const at = DateTime.fromMillis(p.start, { zone: timeZone }).startOf('hour').toMillis();
    const h = hours.get(at) ?? { sum: 0, n: 0 };
    h.sum += p.mean;
    h.n++;
    hours.set(at, h);
  }
  return [...hours].map(([at, h]) => ({ at, value: h.sum / h.n }));
}
