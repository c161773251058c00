import { DAY_MS, HOUR_MS } from '../webex/wire/limits';

/** What one answer may do, whatever was asked: from chat text and card buttons alike. */
export interface AnswerLimits {
  /** The oldest data an answer reaches back to, in days (`MAX_HISTORY_DAYS`). */
  maxHistoryDays: number;
  /** Raw readings only up to this span; longer becomes hourly. */
  maxRawSpanMs: number;
  /** Hourly buckets only up to this span; longer becomes daily. */
  maxHourlySpanMs: number;
  /** Points of one series that reach a chart or a CSV file; more are downsampled. */
  maxPointsPerSeries: number;
  /** Items (readings or buckets) one answer reads in all: what bounds its memory. */
  maxPointsPerAnswer: number;
  /** Metric API calls one answer may make. */
  maxCallsPerAnswer: number;
  /** Rooms a table card lists before it says "showing N of M" (Webex's card size). */
  maxTableRows: number;
  /** Series one chart draws. */
  maxChartSeries: number;
  /** An answer that needs more calls than this posts a progress message first. */
  progressAfterCalls: number;
  /** Calls per minute the answers may use (for the "how long" estimate). */
  callsPerMinute: number;
  /** A sensor without a reading for this long is offline (`SENSOR_OFFLINE_AFTER_MINUTES`, default 2 h). */
  sensorOfflineAfterMs: number;
}

export const DEFAULT_MAX_HISTORY_DAYS = 400;
export const DEFAULT_API_BUDGET_PER_MINUTE = 300;
export const DEFAULT_SENSOR_OFFLINE_AFTER_MINUTES = 120;

/**
 * The limits for an API budget (calls per minute of the admin token). An answer may spend up to
 * ten minutes of the budget (a ranking of 2,000 rooms); one that needs more than 15 s of it says
 * what it is doing and how long it will take.
 */
export function answerLimits(
  apiBudgetPerMinute = DEFAULT_API_BUDGET_PER_MINUTE,
  maxHistoryDays = DEFAULT_MAX_HISTORY_DAYS,
  sensorOfflineAfterMinutes = DEFAULT_SENSOR_OFFLINE_AFTER_MINUTES,
): AnswerLimits {
  const perMinute = Math.max(1, Math.floor(apiBudgetPerMinute));
  return {
    maxHistoryDays,
    maxRawSpanMs: 48 * HOUR_MS,
    maxHourlySpanMs: 31 * DAY_MS,
    maxPointsPerSeries: 1000,
    maxPointsPerAnswer: 100_000,
    maxCallsPerAnswer: perMinute * 10,
    maxTableRows: 25,
    maxChartSeries: 5,
    progressAfterCalls: Math.max(20, Math.floor(perMinute / 4)),
    callsPerMinute: perMinute,
    sensorOfflineAfterMs: sensorOfflineAfterMinutes * 60_000,
  };
}
