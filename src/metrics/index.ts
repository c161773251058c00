/**
 * The pure statistics core: comfort bands, series points, per-metric summaries with verdicts,
 * workspace ranking and booked-versus-used durations. No I/O and no clock: the reference instant
 * is always a parameter.
 */
export { type ComfortBands, DEFAULT_COMFORT_BANDS, parseComfortBands } from '../model/comfort-bands';
export { type DurationSummary, summarizeDurations } from './durations';
export { type MetricPoint, toPoints } from './points';
export { rankValue, rankWorkspaces } from './ranking';
export {
  formatDuration,
  formatValue,
  GAP_BUCKETS,
  METRIC_LABEL,
  type MetricSummary,
  RAW_GAP_MS,
  READING_VALIDITY_MS,
  SENSOR_METRICS,
  type SummaryOptions,
  summarize,
  TREND_THRESHOLD,
  type Verdict,
} from './summary';
export {
  OVERSIZED_SHARE,
  type PeopleBucket,
  type RoomSize,
  type RoomUtilisation,
  rankUtilisation,
  summarizeUtilisation,
  type UtilisationOrder,
  type WeekTotals,
  weeklyTotals,
} from './utilisation';
