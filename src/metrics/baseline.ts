import { DateTime } from 'luxon';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import type { MetricPoint } from './points';
import { formatValue } from './summary';

/**
 * What is usual for a room: its own readings at the same local weekday and hour over the weeks
 * before, as the median and a robust spread (scaled median absolute deviation). Pure: the hourly
 * buckets come from the readings cache, the instant and the zone are parameters.
 */
export interface Baseline {
  /** ISO weekday (1 = Monday) and local hour (0–23) the baseline is for. */
  weekday: number;
  hour: number;
  median: number;
  /** Robust spread: 1.4826 × the median absolute deviation, never below the metric's floor. */
  spread: number;
  /** How many past buckets (one per week) it was made of. */
  samples: number;
}

export interface BaselineOptions {
  /** Weeks looked back (default 6). */
  weeks?: number;
  /** Fewer past buckets than this: no baseline (default 3). */
  minSamples?: number;
}

/**
 * The smallest spread a baseline may have, in the metric's unit (temperature in °C): a room that
 * read 21.0 °C every Tuesday at 14:00 is not "unusual" at 21.2 °C.
 */
export const SPREAD_FLOOR: Readonly<Record<MetricName, number>> = {
  temperature: 0.3,
  humidity: 2,
  tvoc: 30,
  ambientNoise: 2,
  soundLevel: 3,
  peopleCount: 1,
};

/** The smallest difference from the median that is worth saying, in the metric's unit (°C). */
export const MEANINGFUL_DIFFERENCE: Readonly<Record<MetricName, number>> = {
  temperature: 1,
  humidity: 5,
  tvoc: 100,
  ambientNoise: 5,
  soundLevel: 6,
  peopleCount: 2,
};

/** How many spreads away from the median a value must be to be unusual (default). */
export const UNUSUAL_SCORE = 3;

const MAD_TO_SIGMA = 1.4826;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** °C floors and differences in the series' unit. */
function inUnit(metric: MetricName, celsius: number, unit: TemperatureUnit | undefined): number {
  return metric === 'temperature' && unit === 'fahrenheit' ? (celsius * 9) / 5 : celsius;
}

/**
 * The baseline for the local weekday and hour of `at`: hourly buckets (`points`, any order) that
 * start in the same local weekday and hour in the `weeks` weeks before `at`'s hour (that hour
 * itself excluded). DST-correct: "Tuesday 14:00" is the local wall clock, whatever the offset.
 */
export function baselineFor(
  metric: MetricName,
  points: readonly MetricPoint[],
  at: number,
  timeZone: string,
  options: BaselineOptions & { unit?: TemperatureUnit } = {},
): Baseline | undefined {
  const weeks = options.weeks ?? 6;
  const minSamples = options.minSamples ?? 3;
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const hourStart = local.startOf('hour').toMillis();
  const earliest = local.startOf('hour').minus({ weeks }).toMillis();
  const values = points
    .filter((p) => p.start >= earliest && p.start < hourStart)
    .filter((p) => {
      const t = DateTime.fromMillis(p.start, { zone: timeZone });
      return t.weekday === local.weekday && t.hour === local.hour;
    })
    .map((p) => p.mean)
    .filter(Number.isFinite);
  if (values.length < minSamples) return undefined;
  const middle = median(values);
  const mad = median(values.map((v) => Math.abs(v - middle)));
  return {
    weekday: local.weekday,
    hour: local.hour,
    median: middle,
    spread: Math.max(MAD_TO_SIGMA * mad, inUnit(metric, SPREAD_FLOOR[metric], options.unit)),
    samples: values.length,
  };
}

export interface Unusual {
  direction: 'higher' | 'lower';
  /** `value − median`, in the metric's unit. */
  difference: number;
  /** Spreads away from the median. */
  score: number;
}

/**
 * Whether `value` is unusual against `baseline`: at least `threshold` spreads (default
 * {@link UNUSUAL_SCORE}) and at least the metric's meaningful difference away from the median.
 * A `widen` factor (≥ 1; rules marked as false alarms widen their band) multiplies the threshold.
 */
export function judgeUnusual(
  metric: MetricName,
  value: number,
  baseline: Baseline,
  options: { threshold?: number; widen?: number; unit?: TemperatureUnit } = {},
): Unusual | undefined {
  const threshold = (options.threshold ?? UNUSUAL_SCORE) * Math.max(1, options.widen ?? 1);
  const difference = value - baseline.median;
  const score = difference / baseline.spread;
  if (Math.abs(score) < threshold) return undefined;
  if (Math.abs(difference) < inUnit(metric, MEANINGFUL_DIFFERENCE[metric], options.unit)) return undefined;
  return { direction: difference > 0 ? 'higher' : 'lower', difference, score };
}

/** Comparative words; TVOC and people count are said as amounts ("120 ppb more TVOC"). */
const WORDS: Readonly<Record<MetricName, { higher: string; lower: string }>> = {
  temperature: { higher: 'warmer', lower: 'cooler' },
  humidity: { higher: 'more humid', lower: 'drier' },
  tvoc: { higher: 'more TVOC', lower: 'less TVOC' },
  ambientNoise: { higher: 'louder', lower: 'quieter' },
  soundLevel: { higher: 'louder', lower: 'quieter' },
  peopleCount: { higher: 'more', lower: 'fewer' },
};

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "morning" (05–12), "afternoon" (12–17), "evening" (17–22) or "night". */
export function partOfDay(hour: number): 'morning' | 'afternoon' | 'evening' | 'night' {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

/**
 * For people: "3.1 °C warmer than a usual Tuesday afternoon here", "12 dBA louder than a usual
 * Monday morning here", "2 more people than …".
 */
export function describeUnusual(
  metric: MetricName,
  unusual: Unusual,
  baseline: Baseline,
  unit?: TemperatureUnit,
): string {
  const amount = formatValue(metric, Math.abs(unusual.difference), unit);
  const when = `a usual ${WEEKDAYS[baseline.weekday - 1]} ${partOfDay(baseline.hour)} here`;
  if (metric === 'peopleCount') {
    // "2 more people", "1 more person".
    const n = amount.split(' ')[0];
    return `${n} ${WORDS.peopleCount[unusual.direction]} ${n === '1' ? 'person' : 'people'} than ${when}`;
  }
  return `${amount} ${WORDS[metric][unusual.direction]} than ${when}`;
}
