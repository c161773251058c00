/**
 * Defaults and plausibility limits for threshold alerts, per metric. Values are in the unit the
 * API reports (temperature in °C: the caller converts a Fahrenheit threshold before it gets here).
 */
import { METRIC_LABEL, TREND_THRESHOLD } from '../metrics';
import type { ThresholdCondition } from '../model';
import { inDisplayUnit, unitLabel } from '../model/units';
import type { MetricName, TemperatureUnit } from '../webex/wire';

/** A condition must hold this long before an alert fires: one noisy reading is not an alert. */
export const DEFAULT_HOLD_MS = 10 * 60_000;

/** A still-firing, unacknowledged alert is posted again after this long. */
export const DEFAULT_RENOTIFY_MS = 2 * 60 * 60_000;

/**
 * How far back past the threshold a value must come before an alert resolves: about the
 * sensor's noise, so a value hovering at the threshold does not fire and resolve every poll. The
 * same margin that tells a trend from noise in answers.
 */
export const DEFAULT_HYSTERESIS: Readonly<Record<MetricName, number>> = TREND_THRESHOLD;

/** What a room sensor can report at all (a generous envelope over the devices Webex supports). */
export const SENSOR_RANGES: Readonly<Record<MetricName, { min: number; max: number; unit: string }>> = {
  temperature: { min: -40, max: 85, unit: '°C' },
  humidity: { min: 0, max: 100, unit: '%' },
  tvoc: { min: 0, max: 60_000, unit: 'ppb' },
  ambientNoise: { min: 0, max: 140, unit: 'dBA' },
  soundLevel: { min: 0, max: 140, unit: 'dBA' },
  peopleCount: { min: 0, max: 1000, unit: 'people' },
};

/**
 * The hysteresis actually used: negative or non-numeric counts as 0, and it is capped so that
 * recovery stays possible. Uncapped, `peopleCount above 0` with 1 would resolve only at −1 people,
 * and `outside 20–21` with 0.5 only at exactly 20.5: the alert would never resolve. An `outside`
 * band keeps at least its middle half as the recovery zone.
 */
export function effectiveHysteresis(
  metric: MetricName,
  condition: ThresholdCondition,
  hysteresis: number,
): number {
  const h = Number.isFinite(hysteresis) && hysteresis > 0 ? hysteresis : 0;
  const range = SENSOR_RANGES[metric];
  switch (condition.op) {
    case 'above':
      return Math.min(h, Math.max(0, condition.value - range.min));
    case 'below':
      return Math.min(h, Math.max(0, range.max - condition.value));
    case 'outside':
      return Math.min(h, Math.max(0, (condition.high - condition.low) / 4));
  }
}

/** The per-metric default hysteresis, capped for this condition (see `effectiveHysteresis`). */
export function defaultHysteresis(metric: MetricName, condition: ThresholdCondition): number {
  return effectiveHysteresis(metric, condition, DEFAULT_HYSTERESIS[metric]);
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Why a threshold cannot be meant, in one line for the chat (naming the sensor range); undefined
 * when it is plausible. Catches typos ("above 250 °C", "below 0 %") before they become a rule
 * that never fires.
 */
export function validateThreshold(
  metric: MetricName,
  condition: ThresholdCondition,
  temperatureUnit: TemperatureUnit = 'celsius',
): string | undefined {
  // Checked and answered in the unit the threshold was given in ("-40 to 185 °F" in a °F space).
  const range = SENSOR_RANGES[metric];
  const min = inDisplayUnit(metric, range.min, temperatureUnit);
  const max = inDisplayUnit(metric, range.max, temperatureUnit);
  const unit = metric === 'temperature' ? unitLabel(metric, temperatureUnit) : range.unit;
  const sensors = `${capitalized(METRIC_LABEL[metric])} sensors read from ${min} to ${max} ${unit}`;
  const values = condition.op === 'outside' ? [condition.low, condition.high] : [condition.value];
  if (!values.every(Number.isFinite)) return 'The threshold must be a number, e.g. "above 800".';
  for (const value of values) {
    if (value < min || value > max) return `${sensors}: ${value} ${unit} is outside that range.`;
  }
  switch (condition.op) {
    case 'above':
      return condition.value >= max
        ? `${sensors}, so "above ${condition.value} ${unit}" can never happen.`
        : undefined;
    case 'below':
      return condition.value <= min
        ? `${sensors}, so "below ${condition.value} ${unit}" can never happen.`
        : undefined;
    case 'outside':
      return condition.low >= condition.high
        ? `"Outside ${condition.low}–${condition.high} ${unit}" needs the low end below the high end.`
        : undefined;
  }
}
