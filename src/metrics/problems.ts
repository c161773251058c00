/**
 * What is wrong in a room: for each metric, the run of readings outside its comfort band (or over
 * capacity) that matters — the one still going on now, else the one that went furthest out in the
 * judged hours — with when it began, when it ended, and how far out it went. Pure: `now` is a
 * parameter; the time outside comes from the metric's summary (judged exactly as summaries judge).
 */
import { comfortRange, outsideRange } from '../model/comfort-bands';
import type { Interval } from '../model/working-hours';
import type { MetricName } from '../webex/wire';
import type { MetricPoint } from './points';
import { type MetricSummary, RAW_GAP_MS, type SummaryOptions } from './summary';

/** A latest reading at most this old tells how a room is "now". */
export const NOW_READING_MS = 30 * 60_000;

export interface MetricProblem {
  metric: MetricName;
  side: 'above' | 'below';
  /** The band limit crossed (in the series' unit): the capacity for people count. */
  limit: number;
  /** The run's peak (above) or low (below), and when. */
  extreme: { value: number; at: number };
  /** The run's first point outside the band: a reading's time or a bucket's start. */
  since: number;
  /** The run's last point outside the band, when the run is over (absent: still outside now). */
  until?: number;
  /** The latest reading is recent (≤ {@link NOW_READING_MS}), judged, and outside the band. */
  now: boolean;
  /** Time outside the band in the judged hours (the summary's), on this side. */
  outsideMs: number;
  /**
   * How far out, as a share of the band's own width (temperature and humidity: high − low; TVOC and
   * noise: the fair range above good; people: the capacity), so that 3 °C and 1 % compare fairly.
   */
  severity: number;
}

export interface ProblemOptions extends Pick<SummaryOptions, 'now' | 'bands' | 'capacity' | 'unit'> {
  /** The working intervals comfort metrics are judged in (people count: any hour); undefined: every hour. */
  working?: readonly Interval[];
}

interface Run {
  side: 'above' | 'below';
  points: MetricPoint[];
}

/** Whether a point is judged: people count at any hour, comfort metrics in working hours. */
function judged(metric: MetricName, p: MetricPoint, working: readonly Interval[] | undefined): boolean {
  if (!working || metric === 'peopleCount') return true;
  return working.some((i) =>
    p.end > p.start ? i.from < p.end && p.start < i.to : i.from <= p.start && p.start < i.to,
  );
}

/** Consecutive points on one side of the band; an in-band point or a gap of more than 2 h ends a run. */
function runsOf(
  points: readonly MetricPoint[],
  classify: (v: number) => 'above' | 'below' | undefined,
): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let previous: MetricPoint | undefined;
  for (const p of points) {
    const side = classify(p.mean);
    const broken = previous !== undefined && p.start - previous.end > RAW_GAP_MS;
    if (!side) current = undefined;
    else if (current && current.side === side && !broken) current.points.push(p);
    else {
      current = { side, points: [p] };
      runs.push(current);
    }
    previous = p;
  }
  return runs;
}

function extremeOf(run: Run): { value: number; at: number } {
  return run.points.reduce<{ value: number; at: number }>(
    (best, p) =>
      run.side === 'above'
        ? p.max > best.value
          ? { value: p.max, at: p.start }
          : best
        : p.min < best.value
          ? { value: p.min, at: p.start }
          : best,
    run.side === 'above'
      ? { value: Number.NEGATIVE_INFINITY, at: run.points[0]!.start }
      : { value: Number.POSITIVE_INFINITY, at: run.points[0]!.start },
  );
}

/**
 * One metric's problem in one room, or undefined when it stayed in its band in the judged hours
 * (and is not outside now). `points` oldest first (as `toPoints` returns them).
 */
export function metricProblem(
  summary: MetricSummary,
  points: readonly MetricPoint[],
  options: ProblemOptions,
): MetricProblem | undefined {
  const { metric } = summary;
  const range = comfortRange(metric, options.bands, options.unit, options.capacity);
  if (!range) return undefined;
  const sorted = [...points].sort((a, b) => a.start - b.start);
  const runs = runsOf(sorted, (v) => outsideRange(range, v)).filter((r) =>
    r.points.some((p) => judged(metric, p, options.working)),
  );
  const last = sorted[sorted.length - 1];
  const lastRun = runs[runs.length - 1];
  const ongoing =
    last !== undefined &&
    lastRun !== undefined &&
    lastRun.points[lastRun.points.length - 1] === last &&
    judged(metric, last, options.working) &&
    options.now - Math.max(last.start, Math.min(last.end, options.now)) <= NOW_READING_MS;
  const chosen = ongoing
    ? lastRun
    : runs.reduce<Run | undefined>((worst, r) => {
        if (!worst) return r;
        const excess = (run: Run) => Math.abs(extremeOf(run).value - limitOf(range, run.side));
        return excess(r) > excess(worst) ? r : worst;
      }, undefined);
  if (!chosen) return undefined;
  const lastPoint = chosen.points[chosen.points.length - 1]!;
  return {
    metric,
    side: chosen.side,
    limit: limitOf(range, chosen.side),
    extreme: extremeOf(chosen),
    since: chosen.points[0]!.start,
    ...(ongoing ? {} : { until: lastPoint.start }),
    now: ongoing,
    outsideMs: chosen.side === 'above' ? summary.outside.aboveMs : summary.outside.belowMs,
    severity:
      Math.abs(extremeOf(chosen).value - limitOf(range, chosen.side)) / bandWidth(range, metric, options),
  };
}

/** The width a metric's distance from its limit is measured against (never 0). */
function bandWidth(
  range: { low?: number; high?: number },
  metric: MetricName,
  options: ProblemOptions,
): number {
  const { bands } = options;
  const width =
    range.low !== undefined && range.high !== undefined
      ? range.high - range.low
      : metric === 'tvoc'
        ? bands.tvoc.moderate - bands.tvoc.good
        : metric === 'ambientNoise'
          ? bands.ambientNoise.fair - bands.ambientNoise.good
          : (range.high ?? 1);
  return width > 0 ? width : 1;
}

const limitOf = (range: { low?: number; high?: number }, side: 'above' | 'below'): number =>
  (side === 'above' ? range.high : range.low) ?? Number.NaN;

/** Worst first: outside now, then furthest out (for its band), then longest outside. */
function compareProblems(a: MetricProblem, b: MetricProblem): number {
  return Number(b.now) - Number(a.now) || b.severity - a.severity || b.outsideMs - a.outsideMs;
}

/** A room's problems, worst first (rooms: {@link problemOrder}). */
export function sortProblems(problems: readonly MetricProblem[]): MetricProblem[] {
  return [...problems].sort(compareProblems);
}

/** Orders rooms worst first, by their worst problem (then the next), then by name. */
export function problemOrder(
  a: { name: string; problems: readonly MetricProblem[] },
  b: { name: string; problems: readonly MetricProblem[] },
): number {
  const x = sortProblems(a.problems);
  const y = sortProblems(b.problems);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareProblems(x[i]!, y[i]!);
    if (order !== 0) return order;
  }
  return y.length - x.length || a.name.localeCompare(b.name);
}
