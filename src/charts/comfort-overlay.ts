import { type ComfortBands, comfortRange } from '../model/comfort-bands';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import type { ChartRequest } from './chart-request';

/** The comfort band or threshold line a chart of this metric shows. */
export function comfortOverlay(
  metric: MetricName,
  bands: ComfortBands,
  unit: TemperatureUnit,
  capacity: number | undefined,
): { band?: ChartRequest['band']; threshold?: ChartRequest['threshold'] } {
  const range = comfortRange(metric, bands, unit, capacity);
  if (!range || range.high === undefined) return {};
  const round = (v: number) => Math.round(v * 10) / 10;
  if (range.low !== undefined)
    return { band: { low: round(range.low), high: round(range.high), label: 'comfort' } };
  return { threshold: { value: range.high, label: THRESHOLD_LABEL[metric] ?? 'limit' } };
}

const THRESHOLD_LABEL: Partial<Record<MetricName, string>> = {
  tvoc: 'poor above',
  ambientNoise: 'noisy above',
  peopleCount: 'capacity',
};
