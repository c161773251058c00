import { formatDuration, formatValue } from '../metrics';
import type { MetricProblem } from '../metrics/problems';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import { formatAt, formatClock, sameLocalDay } from './format';

/** What a problem is called, above and below the band. */
const WORDS: Record<MetricName, [above: string, below: string]> = {
  temperature: ['Too warm', 'Too cold'],
  humidity: ['Too humid', 'Too dry'],
  tvoc: ['Poor air quality (TVOC)', 'Poor air quality (TVOC)'],
  ambientNoise: ['Noisy', 'Noisy'],
  soundLevel: ['Loud', 'Loud'],
  peopleCount: ['Over capacity', 'Over capacity'],
};

export interface LineContext {
  unit: TemperatureUnit;
  timeZone: string;
  /** The answer's window: times within one local day read as the clock alone. */
  from: number;
  to: number;
  /** Whether comfort was judged in working hours (the time outside says so). */
  workingHours: boolean;
}

/**
 * One problem in words: "Too warm now: 26.1 °C (peak 26.8 °C, 2.8 °C above the 24.0 °C limit),
 * since 13:05" (the run still going on), or "Too warm for 2 h 35 min in working hours; worst
 * 13:05–15:40: peak 26.8 °C, 2.8 °C above the 24.0 °C limit" (time outside in all, and the run that
 * went furthest out). Times are in the card's zone (its title names it).
 */
export function problemLine(
  problem: MetricProblem,
  latest: number | undefined,
  ctx: LineContext,
): { now: boolean; text: string } {
  const { metric } = problem;
  const value = (v: number) => formatValue(metric, v, ctx.unit);
  const at = (t: number) => formatAt(t, ctx, ctx.timeZone);
  const word = WORDS[metric][problem.side === 'above' ? 0 : 1];
  const far = `${value(Math.abs(problem.extreme.value - problem.limit))} ${problem.side} ${metric === 'peopleCount' ? `the capacity of ${Math.round(problem.limit)}` : `the ${value(problem.limit)} limit`}`;
  const peak = `${problem.side === 'above' ? 'peak' : 'low'} ${value(problem.extreme.value)}`;
  if (problem.now) {
    const current = latest === undefined ? '' : ` ${value(latest)}`;
    return { now: true, text: `${word} now:${current} (${peak}, ${far}), since ${at(problem.since)}` };
  }
  const span =
    problem.until === undefined || problem.until === problem.since
      ? at(problem.since)
      : `${at(problem.since)}–${sameLocalDay(problem.since, problem.until, ctx.timeZone) ? formatClock(problem.until, ctx.timeZone) : at(problem.until)}`;
  const scope = ctx.workingHours && metric !== 'peopleCount' ? ' in working hours' : '';
  const time = problem.outsideMs > 0 ? ` for ${formatDuration(problem.outsideMs)}${scope}` : '';
  return { now: false, text: `${word}${time}; worst ${span}: ${peak}, ${far}` };
}
