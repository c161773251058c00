/**
 * "Unusual for this room" alert rules, pure: each reading is judged against the room's own
 * baseline for the same local weekday and hour (src/metrics/baseline.ts), through the same state
 * machine as thresholds (hold time, hysteresis, snooze, false alarm). A false alarm widens the
 * rule's band (×1.5 each, capped), kept in the rule's condition. Values in the API's unit (°C).
 */
import {
  type Baseline,
  describeUnusual,
  judgeUnusual,
  MEANINGFUL_DIFFERENCE,
  UNUSUAL_SCORE,
} from '../metrics/baseline';
import { formatValue } from '../metrics/summary';
import { MAX_UNUSUAL_WIDEN, type UnusualCondition } from '../model';
import { inDisplayUnit } from '../model/units';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import { effectiveHysteresis } from './alert-defaults';
import { type Reading, type ReadingJudge, recovered } from './alert-machine';
import { type ConditionTest, type HourBucket, wholeHourBreached } from './condition-start';

/** Weeks of the same weekday and hour a baseline is made of. */
export const BASELINE_WEEKS = 6;
/**
 * How far back the start of an unusual run is looked for (a day: each hour before needs its own
 * six weeks of baseline, read only when a look begins unusual).
 */
export const UNUSUAL_LOOK_BACK_MS = 24 * 3_600_000;
/** Each false alarm multiplies the band by this (up to `MAX_UNUSUAL_WIDEN`). */
export const WIDEN_PER_FALSE_ALARM = 1.5;

/** The band's widening factor (≥ 1). */
export function widenOf(condition: UnusualCondition): number {
  const w = condition.widen ?? 1;
  return Number.isFinite(w) ? Math.min(MAX_UNUSUAL_WIDEN, Math.max(1, w)) : 1;
}

/**
 * The band a value is usual in: the median ± the larger of the score's spreads (widened) and the
 * metric's meaningful difference — exactly where `judgeUnusual` starts to call a value unusual.
 */
export function usualBand(
  metric: MetricName,
  baseline: Baseline,
  widen: number,
): { op: 'outside'; low: number; high: number } {
  const half = Math.max(UNUSUAL_SCORE * widen * baseline.spread, MEANINGFUL_DIFFERENCE[metric]);
  return { op: 'outside', low: baseline.median - half, high: baseline.median + half };
}

/**
 * The judge of an unusual rule: unusual by `judgeUnusual`; back to normal once inside the usual
 * band by the rule's hysteresis (capped like a threshold band's). A reading whose hour has no
 * baseline (too few past weeks) is not judged. An hour was wholly unusual when its extremes are
 * both outside its usual band on the same side (how `findConditionStart` finds when a run began).
 */
export function unusualJudge(
  metric: MetricName,
  condition: UnusualCondition,
  hysteresis: number,
  baselineAt: (at: number) => Baseline | undefined,
): ReadingJudge & ConditionTest {
  const widen = widenOf(condition);
  return {
    breaches: (r: Reading) => {
      const baseline = baselineAt(r.at);
      return baseline ? judgeUnusual(metric, r.value, baseline, { widen }) !== undefined : undefined;
    },
    recovered: (r: Reading) => {
      const baseline = baselineAt(r.at);
      if (!baseline) return undefined;
      const band = usualBand(metric, baseline, widen);
      return recovered(band, effectiveHysteresis(metric, band, hysteresis), r.value);
    },
    wholeHour: (bucket: HourBucket) => {
      const baseline = baselineAt(bucket.start);
      return baseline ? wholeHourBreached(usualBand(metric, baseline, widen), bucket) : false;
    },
  };
}

/** The rule's condition after one more false alarm: its band ×1.5 wider (capped), counted. */
export function widenedAfterFalseAlarm(condition: UnusualCondition): UnusualCondition {
  return {
    op: 'unusual',
    widen: Math.min(MAX_UNUSUAL_WIDEN, widenOf(condition) * WIDEN_PER_FALSE_ALARM),
    falseAlarms: (condition.falseAlarms ?? 0) + 1,
  };
}

/** "band widened ×1.5 after 1 false alarm", or undefined when never widened. */
export function widenedText(condition: UnusualCondition): string | undefined {
  const n = condition.falseAlarms ?? 0;
  if (n <= 0) return undefined;
  const factor = Math.round(widenOf(condition) * 100) / 100;
  return `band widened ×${factor} after ${n} false ${n === 1 ? 'alarm' : 'alarms'}`;
}

/**
 * "Fjord is 3.1 °C warmer than a usual Tuesday afternoon here (usual 21.2 °C)", in the space's unit;
 * undefined without a baseline or when the value is exactly the usual one.
 */
export function unusualStatement(
  metric: MetricName,
  roomName: string,
  value: number,
  baseline: Baseline | undefined,
  unit: TemperatureUnit,
): string | undefined {
  if (!baseline) return undefined;
  const difference = inDisplayUnit(metric, value, unit) - inDisplayUnit(metric, baseline.median, unit);
  if (difference === 0) return undefined;
  const said = { direction: difference > 0 ? ('higher' as const) : ('lower' as const), difference, score: 0 };
  return `${roomName} is ${describeUnusual(metric, said, baseline, unit)} (usual ${formatValue(metric, inDisplayUnit(metric, baseline.median, unit), unit)})`;
}
