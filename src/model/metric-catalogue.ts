import type { MetricName, TemperatureUnit } from '../webex/wire';
import { unitLabel } from './units';

/** What people can ask about: the sensor metrics plus the durations of `/workspaceDurationMetrics`. */
export type RequestMetric = MetricName | 'timeUsed' | 'timeBooked';

/** The sensor metrics, in the order answers and forms show them. */
export const SENSOR_METRICS: readonly MetricName[] = [
  'temperature',
  'humidity',
  'tvoc',
  'ambientNoise',
  'soundLevel',
  'peopleCount',
];

/** Display names of the metrics, lower case (cards capitalise as needed). */
export const METRIC_LABEL: Readonly<Record<RequestMetric, string>> = {
  temperature: 'temperature',
  humidity: 'humidity',
  tvoc: 'air quality (TVOC)',
  ambientNoise: 'ambient noise',
  soundLevel: 'sound level',
  peopleCount: 'people count',
  timeUsed: 'time used',
  timeBooked: 'time booked',
};

/** Sensor metrics of a request (time used / booked are durations, answered apart). */
export function sensorMetrics(metrics: readonly string[]): MetricName[] {
  return metrics.filter((m): m is MetricName => (SENSOR_METRICS as readonly string[]).includes(m));
}

/** How rooms are ranked: by a statistic of one metric, highest or lowest first, the first `limit`. */
export interface RankSpec {
  stat: 'mean' | 'max' | 'min';
  order: 'desc' | 'asc';
  limit: number;
}

/** Names of the sensor metrics as a choice shows them, capitalised. */
const CHOICE_NAME: Readonly<Record<MetricName, string>> = {
  temperature: 'Temperature',
  humidity: 'Humidity',
  tvoc: 'TVOC',
  ambientNoise: 'Ambient noise',
  soundLevel: 'Sound level',
  peopleCount: 'People count',
};

/** A metric as an ask-back offers it, with its unit: "TVOC (ppb)", "Temperature (°F)", "People count". */
export function metricChoice(metric: MetricName, unit: TemperatureUnit = 'celsius'): string {
  return metric === 'peopleCount'
    ? CHOICE_NAME[metric]
    : `${CHOICE_NAME[metric]} (${unitLabel(metric, unit)})`;
}
