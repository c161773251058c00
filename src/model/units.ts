import type { MetricName, TemperatureUnit } from '../webex/wire';

/** °C → °F. */
export const celsiusToFahrenheit = (c: number): number => (c * 9) / 5 + 32;
/** °F → °C. */
export const fahrenheitToCelsius = (f: number): number => ((f - 32) * 5) / 9;

/** A value of `metric` as stored (°C for temperature) in the unit it is shown in. */
export function inDisplayUnit(metric: MetricName, value: number, unit: TemperatureUnit): number {
  return metric === 'temperature' && unit === 'fahrenheit' ? celsiusToFahrenheit(value) : value;
}

/** A value of `metric` given in `unit` as the API's unit (°C for temperature). */
export function inApiUnit(metric: MetricName, value: number, unit: TemperatureUnit): number {
  return metric === 'temperature' && unit === 'fahrenheit' ? fahrenheitToCelsius(value) : value;
}

/** The short unit shown beside a value: °C/°F, %, ppb, dBA, people. */
export function unitLabel(metric: MetricName, unit: TemperatureUnit = 'celsius'): string {
  switch (metric) {
    case 'temperature':
      return unit === 'fahrenheit' ? '°F' : '°C';
    case 'humidity':
      return '%';
    case 'tvoc':
      return 'ppb';
    case 'ambientNoise':
    case 'soundLevel':
      return 'dBA';
    case 'peopleCount':
      return 'people';
  }
}
