import { formatDuration, SENSOR_METRICS } from '../../metrics';
import type { MetricName, TemperatureUnit } from '../../webex/wire';

/** "last 6 h", "last 7 d" for windows ending now; otherwise empty (the card shows the range). */
export function rangeLabel(from: number, to: number, now: number): string {
  if (Math.abs(now - to) > 60_000) return '';
  // People ask for "the last 24 hours", "the last 48 hours": say it the same way.
  const hours = (to - from) / 3_600_000;
  if (hours >= 24 && hours <= 48 && Number.isInteger(hours)) return `last ${hours} h`;
  return `last ${formatDuration(to - from)}`;
}

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

/** Sensor metrics of a request (time used / booked are durations, answered apart). */
export function sensorMetrics(metrics: readonly string[]): MetricName[] {
  return metrics.filter((m): m is MetricName => (SENSOR_METRICS as readonly string[]).includes(m));
}
