import type { ComfortBands } from '../model/comfort-bands';
import { celsiusToFahrenheit } from '../model/units';
import type { MetricName, TemperatureUnit } from '../webex/wire';
import type { ChartRequest } from './chart-request';

const toF = (c: number) => Math.round(celsiusToFahrenheit(c) * 10) / 10;

/** The comfort band or threshold line a chart of this metric shows. */
export function comfortOverlay(
  metric: MetricName,
  bands: ComfortBands,
  unit: TemperatureUnit,
  capacity: number | undefined,
): { band?: ChartRequest['band']; threshold?: ChartRequest['threshold'] } {
  switch (metric) {
    case 'temperature': {
      const { low, high } = bands.temperature;
      return unit === 'fahrenheit'
        ? { band: { low: toF(low), high: toF(high), label: 'comfort' } }
        : { band: { low, high, label: 'comfort' } };
    }
    case 'humidity':
      return { band: { low: bands.humidity.low, high: bands.humidity.high, label: 'comfort' } };
    case 'tvoc':
      return { threshold: { value: bands.tvoc.moderate, label: 'poor above' } };
    case 'ambientNoise':
      return { threshold: { value: bands.ambientNoise.fair, label: 'noisy above' } };
    case 'peopleCount':
      return capacity ? { threshold: { value: capacity, label: 'capacity' } } : {};
    case 'soundLevel':
      return {};
  }
}
