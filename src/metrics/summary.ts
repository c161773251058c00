import { type ComfortBands, comfortRange, outsideRange } from '../model/comfort-bands';
import { type Interval, overlapMs } from '../model/working-hours';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import type { MetricPoint } from './points';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A raw reading stands for the time until the next one, but never for more than this. */
export const READING_VALIDITY_MS = 15 * MINUTE_MS;
/** Raw data: a stretch without readings longer than this is a gap. */
export const RAW_GAP_MS = 2 * HOUR_MS;
/** Aggregated data: a stretch without buckets longer than this many bucket lengths is a gap. */
export const GAP_BUCKETS = 2;

/**
 * Smallest change between the first and the last third of a series that counts as a trend, in the
 * metric's unit (temperature in °C, i.e. 0.9 °F for Fahrenheit series).
 */
export const TREND_THRESHOLD: Readonly<Record<MetricName, number>> = {
  temperature: 0.5,
  humidity: 3,
  tvoc: 50,
  ambientNoise: 3,
  soundLevel: 3,
  peopleCount: 1,
};

export interface Verdict {
  level: 'good' | 'fair' | 'poor' | 'none';
  text: string;
}

export interface MetricSummary {
  metric: MetricName;
  /** Number of points (readings or buckets). */
  count: number;
  /**
   * Raw readings: the mean of the values. Buckets: the plain mean of the bucket means, not weighted
   * by how many readings or how much time each bucket holds (what people expect from "average").
   * For peopleCount, Webex drops zero readings before anything else, so this is the mean number of
   * people *while the room is in use*, not over the whole period. Undefined without points.
   */
  mean: number | undefined;
  /** Lowest value (a reading, or a bucket's `min`) and when: the reading time or the bucket start. */
  min?: { value: number; at: number };
  /** Highest value (a reading, or a bucket's `max`) and when: the reading time or the bucket start. */
  max?: { value: number; at: number };
  /**
   * The newest point: a reading's value and time, or the last bucket's mean at its end clipped to
   * `to` (and to `now`, never before the bucket start). `ageMs = now - at`, never negative.
   * `bucketStart`: aggregated data only, where the last bucket begins (what a card names).
   */
  latest?: { value: number; at: number; ageMs: number; bucketStart?: number };
  trend: 'rising' | 'falling' | 'steady' | 'unknown';
  /**
   * Time (ms, within [from, to]) spent above / below the comfort band: within the working intervals
   * only when the options give them (comfort metrics; people count always over the whole period).
   */
  outside: { aboveMs: number; belowMs: number };
  /**
   * Comfort metrics judged in working hours (the options give working intervals): how much of the
   * period is working time, how much of it has data, and the time-weighted mean and the extremes
   * of the points in it. Rankings and verdicts read these, not the 24-hour values.
   */
  working?: {
    /** Working time within [from, min(to, now)] (ms). */
    ms: number;
    /** Working time covered by points (ms): the base of "share in band". */
    coveredMs: number;
    mean?: number;
    min?: number;
    max?: number;
  };
  /**
   * Stretches within [from, min(to, now)] without data: raw readings more than 2 h apart, or at
   * least 2 missing buckets. Never for peopleCount (missing means nobody there).
   */
  gaps: { from: number; to: number }[];
  /**
   * peopleCount only: no people-count data while the room's device reported other metrics. Webex
   * drops zero counts, so this is an empty room: 0 people (rankings and tables count it so).
   */
  empty?: true;
  /** Aggregated data whose first bucket starts before `from`. */
  partialFirst: boolean;
  /** Aggregated data whose last bucket ends after `to`. */
  partialLast: boolean;
  verdict: Verdict;
}

export interface SummaryOptions {
  /** Start of the period (epoch ms, inclusive). */
  from: number;
  /** End of the period (epoch ms, exclusive). */
  to: number;
  /** The reference instant (epoch ms). */
  now: number;
  aggregation: 'none' | 'hourly' | 'daily';
  bands: ComfortBands;
  /** Workspace capacity (people); peopleCount above it is "over capacity". */
  capacity?: number;
  /** Unit of temperature values (default celsius); the °C band is converted for fahrenheit. */
  unit?: TemperatureUnit;
  /**
   * The working intervals within [from, to) (sorted, from `workingIntervals`): comfort metrics are
   * judged in them only (time outside the band, verdict, working mean); readings outside them are
   * summarised (min, max, latest, trend) but not judged. Undefined: every hour is judged.
   */
  working?: readonly Interval[];
  /**
   * peopleCount: whether the room's device reported any other metric during the period. Webex
   * drops zero people counts, so no people-count data from a reporting device means an empty room;
   * from a silent device it means nothing is known. Undefined: not known (no verdict either way).
   */
  deviceReporting?: boolean;
  /**
   * When the period holds no readings: what a bounded look-back before `from` found, the newest
   * reading's time with the words the card shows it in ("08:55", "Mon 16 Nov 17:40"), or nothing
   * within `spanMs`. Undefined: no look-back was made.
   */
  before?: { spanMs: number; last?: { at: number; label: string } };
}

export { METRIC_LABEL, SENSOR_METRICS } from '../model/metric-catalogue';

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/**
 * A duration for people: "under a minute", "35 min", "1 h 20 min", "2 h", and from one day on in
 * days and (rounded) hours: "1 d", "3 d 4 h". Minutes are rounded to the nearest minute.
 */
export function formatDuration(ms: number): string {
  if (!(ms >= MINUTE_MS)) return 'under a minute';
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** Avoids "-0" and "-0.0" after rounding. */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/**
 * A metric value with its unit: "22.4 °C", "72.3 °F", "41 %", "520 ppb", "45 dBA", "6 people",
 * "1 person". Temperature has one decimal, everything else is rounded to an integer.
 */
export function formatValue(metric: MetricName, value: number, unit?: TemperatureUnit): string {
  switch (metric) {
    case 'temperature':
      return `${fixed(value, 1)} ${unit === 'fahrenheit' ? '°F' : '°C'}`;
    case 'humidity':
      return `${fixed(value, 0)} %`;
    case 'tvoc':
      return `${fixed(value, 0)} ppb`;
    case 'ambientNoise':
    case 'soundLevel':
      return `${fixed(value, 0)} dBA`;
    case 'peopleCount': {
      const n = fixed(value, 0);
      return `${n} ${n === '1' ? 'person' : 'people'}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

/** Decides for one value whether it lies above or below the comfort band (or neither). */
type Classifier = (value: number) => 'above' | 'below' | undefined;

function classifierFor(metric: MetricName, options: SummaryOptions): Classifier | undefined {
  const range = comfortRange(metric, options.bands, options.unit, options.capacity);
  return range ? (v) => outsideRange(range, v) : undefined;
}

/** The stretch of time a point stands for, clipped to [from, min(to, now)] for raw readings. */
function spans(points: readonly MetricPoint[], options: SummaryOptions): { from: number; to: number }[] {
  if (options.aggregation !== 'none') {
    return points.map((p) => ({ from: Math.max(p.start, options.from), to: Math.min(p.end, options.to) }));
  }
  const horizon = Math.min(options.to, options.now);
  return points.map((p, i) => {
    const next = points[i + 1]?.start ?? horizon;
    return {
      from: Math.max(p.start, options.from),
      to: Math.min(next, p.start + READING_VALIDITY_MS, options.to),
    };
  });
}

/** Whether a metric's comfort is judged in working hours (people count is judged against capacity at any hour). */
const JUDGED_IN_WORKING_HOURS: ReadonlySet<MetricName> = new Set([
  'temperature',
  'humidity',
  'tvoc',
  'ambientNoise',
]);

/** The working intervals that judge this metric, or undefined when every hour does. */
function workingOf(metric: MetricName, options: SummaryOptions): readonly Interval[] | undefined {
  return options.working && JUDGED_IN_WORKING_HOURS.has(metric) ? options.working : undefined;
}

/** How long a point's stretch counts: all of it, or its overlap with the working intervals. */
function judgedMs(stretch: { from: number; to: number }, working: readonly Interval[] | undefined): number {
  if (!working) return Math.max(0, stretch.to - stretch.from);
  return overlapMs(working, stretch.from, stretch.to);
}

function outsideTime(
  metric: MetricName,
  points: readonly MetricPoint[],
  options: SummaryOptions,
): { aboveMs: number; belowMs: number } {
  const classify = classifierFor(metric, options);
  const outside = { aboveMs: 0, belowMs: 0 };
  if (!classify) return outside;
  const working = workingOf(metric, options);
  const stretches = spans(points, options);
  points.forEach((p, i) => {
    const side = classify(p.mean);
    const ms = judgedMs(stretches[i]!, working);
    if (side === 'above') outside.aboveMs += ms;
    else if (side === 'below') outside.belowMs += ms;
  });
  return outside;
}

/** The working-hours part of a summary (see `MetricSummary.working`). */
function workingStats(
  metric: MetricName,
  points: readonly MetricPoint[],
  options: SummaryOptions,
): MetricSummary['working'] {
  const working = workingOf(metric, options);
  if (!working) return undefined;
  const stats: NonNullable<MetricSummary['working']> = {
    ms: overlapMs(working, options.from, Math.min(options.to, options.now)),
    coveredMs: 0,
  };
  let weighted = 0;
  const stretches = spans(points, options);
  points.forEach((p, i) => {
    const ms = judgedMs(stretches[i]!, working);
    if (ms <= 0) return;
    stats.coveredMs += ms;
    weighted += p.mean * ms;
    if (stats.min === undefined || p.min < stats.min) stats.min = p.min;
    if (stats.max === undefined || p.max > stats.max) stats.max = p.max;
  });
  if (stats.coveredMs > 0) stats.mean = weighted / stats.coveredMs;
  return stats;
}

function gapsOf(
  metric: MetricName,
  points: readonly MetricPoint[],
  options: SummaryOptions,
): { from: number; to: number }[] {
  // Webex drops zero people counts, so missing peopleCount data means "nobody there", not a gap.
  if (metric === 'peopleCount') return [];
  const threshold =
    options.aggregation === 'none'
      ? RAW_GAP_MS
      : GAP_BUCKETS * (options.aggregation === 'hourly' ? HOUR_MS : DAY_MS);
  // Raw: more than 2 h between readings. Buckets: 2 or more missing (Tue 09:00–11:00 hourly).
  const isGap = (ms: number): boolean => (options.aggregation === 'none' ? ms > threshold : ms >= threshold);
  const from = options.from;
  const to = Math.min(options.to, options.now);
  const gaps: { from: number; to: number }[] = [];
  let covered = from;
  const consider = (until: number): void => {
    const a = Math.max(covered, from);
    const b = Math.min(until, to);
    if (isGap(b - a)) gaps.push({ from: a, to: b });
  };
  for (const p of points) {
    consider(p.start);
    covered = Math.max(covered, p.end);
  }
  consider(to);
  return gaps;
}

function meanOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function trendOf(
  metric: MetricName,
  points: readonly MetricPoint[],
  unit?: TemperatureUnit,
): MetricSummary['trend'] {
  if (points.length < 3) return 'unknown';
  const third = Math.floor(points.length / 3);
  const first = meanOf(points.slice(0, third).map((p) => p.mean))!;
  const last = meanOf(points.slice(points.length - third).map((p) => p.mean))!;
  const threshold =
    metric === 'temperature' && unit === 'fahrenheit'
      ? (TREND_THRESHOLD.temperature * 9) / 5
      : TREND_THRESHOLD[metric];
  const change = last - first;
  if (change > threshold) return 'rising';
  if (change < -threshold) return 'falling';
  return 'steady';
}

function levelForTime(ms: number): 'fair' | 'poor' {
  return ms > HOUR_MS ? 'poor' : 'fair';
}

/**
 * "Too warm for 1 h 20 min and too cold for 10 min", or "Comfortable"; `scope` (" in working
 * hours") says what was judged.
 */
function bandVerdict(
  aboveMs: number,
  belowMs: number,
  aboveWord: string,
  belowWord: string,
  scope = '',
): Verdict {
  if (aboveMs <= 0 && belowMs <= 0) return { level: 'good', text: `Comfortable${scope}` };
  const parts: string[] = [];
  if (aboveMs > 0) parts.push(`too ${aboveWord} for ${formatDuration(aboveMs)}`);
  if (belowMs > 0) parts.push(`too ${belowWord} for ${formatDuration(belowMs)}`);
  const text = `${parts.join(' and ')}${scope}`;
  return { level: levelForTime(aboveMs + belowMs), text: text.charAt(0).toUpperCase() + text.slice(1) };
}

/** Says so when working hours leave nothing to judge; undefined when there is something. */
function unjudged(working: NonNullable<MetricSummary['working']>): Verdict | undefined {
  if (working.ms <= 0) return { level: 'none', text: 'Outside working hours: not judged' };
  if (working.coveredMs <= 0) return { level: 'none', text: 'No readings in working hours: not judged' };
  return undefined;
}

/** Three-level verdict by the mean, with " — <poorWord> for …" when time was spent above the middle level. */
function graded(
  mean: number,
  limits: { good: number; middle: number },
  texts: [good: string, middle: string, poor: string],
  aboveMs: number,
  poorWord: string,
  scope = '',
): Verdict {
  const base: Verdict =
    mean <= limits.good
      ? { level: 'good', text: `${texts[0]}${scope}` }
      : mean <= limits.middle
        ? { level: 'fair', text: `${texts[1]}${scope}` }
        : { level: 'poor', text: `${texts[2]}${scope}` };
  if (aboveMs <= 0) return base;
  return {
    // Time spent in the poor range makes the period at best fair, even when the mean is good.
    level: base.level === 'good' ? 'fair' : base.level,
    text: `${base.text} — ${poorWord} for ${formatDuration(aboveMs)}`,
  };
}

/** Whether a people-count series without data is an empty room (the device reported otherwise). */
function isEmptyRoom(metric: MetricName, count: number, options: SummaryOptions): boolean {
  return metric === 'peopleCount' && count === 0 && options.deviceReporting === true;
}

/**
 * A period without readings: an empty room (people count from a reporting device), a silent
 * device (people count), a sensor silent since its last reading before the period, or — nothing
 * looked up or found — no readings.
 */
function silentVerdict(metric: MetricName, options: SummaryOptions): Verdict {
  if (isEmptyRoom(metric, 0, options)) return { level: 'good', text: 'Empty' };
  if (metric === 'peopleCount') {
    return options.deviceReporting === false
      ? { level: 'fair', text: 'No readings from the room’s device in this period — offline?' }
      : { level: 'none', text: 'No readings in this period' };
  }
  const before = options.before;
  if (before?.last)
    return { level: 'fair', text: `No readings since ${before.last.label} — sensor offline?` };
  if (before) {
    const hours = Math.round(before.spanMs / HOUR_MS);
    return {
      level: 'fair',
      text: `No readings in this period or the ${hours} h before — sensor offline?`,
    };
  }
  return { level: 'none', text: 'No readings in this period' };
}

function verdictOf(
  metric: MetricName,
  summary: Omit<MetricSummary, 'verdict'>,
  options: SummaryOptions,
): Verdict {
  if (summary.count === 0 || summary.mean === undefined || !summary.max) {
    return silentVerdict(metric, options);
  }
  const { aboveMs, belowMs } = summary.outside;
  const working = summary.working;
  if (working) {
    const nothing = unjudged(working);
    if (nothing) return nothing;
  }
  // Judged in working hours: the verdict says so, and graded metrics go by the working mean.
  const scope = working ? ' in working hours' : '';
  const judgedMean = working?.mean ?? summary.mean;
  switch (metric) {
    case 'temperature':
      return bandVerdict(aboveMs, belowMs, 'warm', 'cold', scope);
    case 'humidity':
      return bandVerdict(aboveMs, belowMs, 'humid', 'dry', scope);
    case 'tvoc': {
      const { good, moderate } = options.bands.tvoc;
      return graded(
        judgedMean,
        { good, middle: moderate },
        ['Good air quality', 'Moderate air quality', 'Poor air quality'],
        aboveMs,
        'poor',
        scope,
      );
    }
    case 'ambientNoise': {
      const { good, fair } = options.bands.ambientNoise;
      return graded(
        judgedMean,
        { good, middle: fair },
        ['Quiet', 'Some background noise', 'Noisy'],
        aboveMs,
        'noisy',
        scope,
      );
    }
    case 'peopleCount': {
      const peak = summary.max.value;
      const capacity = options.capacity;
      if (capacity === undefined || !(capacity > 0)) {
        return { level: 'none', text: `Peak ${formatValue('peopleCount', peak)}` };
      }
      const peakText = `peak ${fixed(peak, 0)} of ${fixed(capacity, 0)}`;
      if (aboveMs > 0) {
        return {
          level: levelForTime(aboveMs),
          text: `Over capacity for ${formatDuration(aboveMs)} (${peakText})`,
        };
      }
      // Buckets count as over capacity only when their mean is; a peak above capacity still shows.
      if (peak > capacity) return { level: 'fair', text: `Over capacity at times (${peakText})` };
      return { level: 'good', text: 'Within capacity' };
    }
    case 'soundLevel':
      return { level: 'none', text: `Peak ${formatValue('soundLevel', summary.max.value)}` };
  }
}

const withWorking = (working: MetricSummary['working']) => (working ? { working } : {});

/**
 * Summarises one metric of one workspace over [from, to): mean, extremes, latest value, trend, time
 * outside the comfort band, data gaps and a one-line verdict. Pure: `now` is the reference instant.
 *
 * `points` are expected oldest first (as `toPoints` returns them); they are re-sorted defensively.
 * Values are in the unit of the series: temperature in `unit` (default celsius), humidity %RH,
 * tvoc ppb, noise and sound dBA, people count persons.
 */
export function summarize(
  metric: MetricName,
  points: readonly MetricPoint[],
  options: SummaryOptions,
): MetricSummary {
  const sorted = [...points].sort((a, b) => a.start - b.start || a.end - b.end);
  const raw = options.aggregation === 'none';

  let min: MetricSummary['min'];
  let max: MetricSummary['max'];
  for (const p of sorted) {
    if (!min || p.min < min.value) min = { value: p.min, at: p.start };
    if (!max || p.max > max.value) max = { value: p.max, at: p.start };
  }

  let latest: MetricSummary['latest'];
  const last = sorted[sorted.length - 1];
  if (last) {
    const at = raw ? last.start : Math.max(last.start, Math.min(last.end, options.to, options.now));
    latest = {
      value: last.mean,
      at,
      ageMs: Math.max(0, options.now - at),
      ...(raw ? {} : { bucketStart: last.start }),
    };
  }

  const first = sorted[0];
  const base: Omit<MetricSummary, 'verdict'> = {
    metric,
    count: sorted.length,
    mean: meanOf(sorted.map((p) => p.mean)),
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
    ...(latest ? { latest } : {}),
    trend: trendOf(metric, sorted, options.unit),
    outside: outsideTime(metric, sorted, options),
    ...withWorking(workingStats(metric, sorted, options)),
    gaps: gapsOf(metric, sorted, options),
    partialFirst: !raw && first !== undefined && first.start < options.from,
    partialLast: !raw && last !== undefined && last.end > options.to,
    ...(isEmptyRoom(metric, sorted.length, options) ? { empty: true as const } : {}),
  };
  return { ...base, verdict: verdictOf(metric, base, options) };
}
