import type { MetricName } from '../webex/wire';

/**
 * The domain of what runs on its own: daily report subscriptions, threshold alert rules and the
 * state they keep. Plain data, so the store can persist it and the pure core can reason about it.
 * All instants are epoch milliseconds (UTC); local times are `HH:MM` in the space's IANA zone.
 */

/** Which rooms: a fixed list, or every workspace (rooms added later included). */
export type RoomSelection = { all: true } | { all?: false; workspaceIds: string[] };

export interface Creator {
  personId: string;
  email: string;
}

/**
 * How often a report is posted: every day, Monday–Friday, once a week (covering the previous
 * Monday–Sunday) or once a month (covering the previous calendar month).
 */
export const REPORT_DAYS = ['daily', 'weekdays', 'weekly', 'monthly'] as const;
export type ReportDays = (typeof REPORT_DAYS)[number];

export interface ReportSubscription {
  /** Short id people can type: `r1`, `r2`, … */
  id: string;
  /** The Webex space the report is posted into (its recipients). */
  roomId: string;
  rooms: RoomSelection;
  /** Local time of day in the space's zone, `HH:MM`. */
  time: string;
  days: ReportDays;
  /** `weekly` only: the weekday it is posted on, 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /**
   * `monthly` only: the day of the month it is posted on, 1–31; a month without that day gets it
   * on its last day (the 31st is 30 April, 28 or 29 February).
   */
  dayOfMonth?: number;
  createdBy: Creator;
  createdAt: number;
}

/** A fixed threshold or band, in the API's unit (°C for temperature). */
export type ThresholdCondition =
  | { op: 'above' | 'below'; value: number }
  | { op: 'outside'; low: number; high: number };

/** The most a false alarm can widen an "unusual" rule's band: 1.5 × per false alarm, up to this. */
export const MAX_UNUSUAL_WIDEN = 4;

/**
 * "Unusual for this room": each reading against the room's own baseline for the same local weekday
 * and hour (src/metrics/baseline.ts). `widen` (≥ 1, default 1) multiplies the band; each false
 * alarm marked on the rule widens it (`falseAlarms` counts them, for the rule list and the card).
 */
export interface UnusualCondition {
  op: 'unusual';
  widen?: number;
  falseAlarms?: number;
}

/** "Sensor goes quiet": the room's device has sent no reading (of the rule's metric) for `afterMs`. */
export interface QuietCondition {
  op: 'quiet';
  afterMs: number;
}

export type AlertCondition = ThresholdCondition | UnusualCondition | QuietCondition;

/** Whether a condition is a fixed threshold (the others judge against a baseline or silence). */
export function isThreshold(condition: AlertCondition): condition is ThresholdCondition {
  return condition.op === 'above' || condition.op === 'below' || condition.op === 'outside';
}

export interface QuietHours {
  /** Local `HH:MM`; the window may cross midnight (22:00–07:00). */
  from: string;
  to: string;
}

export interface AlertRule {
  /** Short id people can type: `a1`, `a2`, … */
  id: string;
  roomId: string;
  metric: MetricName;
  rooms: RoomSelection;
  condition: AlertCondition;
  /** How long the condition must hold before the alert fires (ms). */
  holdMs: number;
  /**
   * Hysteresis: how far back past the threshold a value must come before the alert resolves
   * (in the metric's unit; for `above 500` with 50, it resolves at ≤ 450).
   */
  hysteresis: number;
  /** While still firing, notify again after this long (ms); 0 = never. */
  renotifyMs: number;
  quietHours?: QuietHours;
  /** A muted rule is evaluated (state is kept) but posts nothing. */
  muted: boolean;
  createdBy: Creator;
  createdAt: number;
}

export type AlertStatus = 'normal' | 'pending' | 'firing';

/** The state of one rule for one workspace. */
export interface AlertState {
  ruleId: string;
  workspaceId: string;
  status: AlertStatus;
  /** When the condition started to hold (pending and firing). */
  conditionSince?: number;
  /** When the alert fired (firing). */
  firedAt?: number;
  /** The reading that made it fire, and the latest reading seen. */
  firedValue?: number;
  lastValue?: number;
  /** The newest reading already evaluated: the next poll asks only for newer data. */
  lastReadingAt?: number;
  lastNotifiedAt?: number;
  /** The alert message (recoveries are threaded replies to it). */
  alertMessageId?: string;
  acknowledgedBy?: string;
  acknowledgedAt?: number;
  snoozedUntil?: number;
  /** Marked as a false alarm: nothing more is posted until it resolves. */
  falseAlarm?: boolean;
}
