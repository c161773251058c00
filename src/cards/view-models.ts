import type { CardPayload } from '../model/card-actions';
/**
 * View models: everything a card shows, already decided and formatted by the handler. Values
 * arrive as display strings with units ("22.4 °C"); instants arrive as epoch ms and the cards
 * format them in `timeZone` (an IANA zone). Text from people or the directory (room names,
 * questions) may hold anything: the cards escape it.
 */

/** A follow-up button: an `Action.Submit` whose `data` comes back in the attachment action. */
export interface CardAction {
  title: string;
  data: CardPayload;
}

export interface StatLine {
  label: string;
  value: string;
  /** When the value was reached (epoch ms); rendered "at 14:30" in the space's zone. */
  at?: number;
}

export type VerdictLevel = 'good' | 'fair' | 'poor' | 'none';

export interface Verdict {
  level: VerdictLevel;
  text: string;
}

export interface MetricSection {
  /** "temperature" */
  metricLabel: string;
  verdict: Verdict;
  /** Already formatted values ("22.4 °C"); the card formats `at` in the zone. */
  stats: StatLine[];
  /**
   * Hourly or daily averages: every `at` (stats and latest) is a bucket's start, shown "in the hour
   * from 10:00" or "on Tue 3 Dec", never as a bare time that looks like a reading. Absent: readings.
   */
  bucket?: 'hour' | 'day';
  latest?: { value: string; at: number; ageMs: number };
  trend?: 'rising' | 'falling' | 'steady' | 'unknown';
  /** e.g. "Above 24 °C for 1 h 20 min" */
  warnings: string[];
  /** e.g. "People count mean is when the room is in use" */
  caveats: string[];
  /** Stretches without readings (epoch ms): named "No readings Tue 09:00–11:00", two at most. */
  gaps?: { from: number; to: number }[];
  /** The sensor has been silent since this reading (an answer about now): "No readings since 10:05". */
  silentSince?: number;
  /** Against the room's own usual for the weekday and hour: shown next to the verdict. */
  usual?: UsualLine;
}

/**
 * "32 dBA louder than a usual Thursday afternoon here (usual 32 dBA)", for the hour from `at` (a
 * window's most unusual hour; absent for a reading now); or, where it was asked, that there is not
 * enough history to say (`unusual: false`).
 */
export interface UsualLine {
  text: string;
  unusual: boolean;
  at?: number;
}

/** The answer to `query` and `current`. */
export interface MetricsAnswerView {
  roomName: string;
  timeZone: string;
  from: number;
  to: number;
  /** "last 6 h" */
  rangeLabel: string;
  /** A "right now" answer: the latest reading leads, the range reads "as of …". */
  current: boolean;
  sections: MetricSection[];
  chartUrl?: string;
  chartAlt?: string;
  actions: CardAction[];
}

export interface OverviewView {
  roomName: string;
  timeZone: string;
  from: number;
  to: number;
  rangeLabel: string;
  lines: { metricLabel: string; verdict: Verdict; value: string; usual?: UsualLine }[];
  /** "No humidity sensor in this room" */
  unsupported: string[];
  bookedVsUsed?: { booked: string; used: string; ghost: string };
  actions: CardAction[];
}

export interface CompareView {
  metricLabel: string;
  timeZone: string;
  from: number;
  to: number;
  rangeLabel: string;
  rows: { roomName: string; mean: string; max: string; verdict: Verdict }[];
  /** What the plan bounded (history, aggregation). */
  notes?: string[];
  chartUrl?: string;
  actions: CardAction[];
}

export interface RankView {
  /** "Warmest rooms" */
  title: string;
  metricLabel: string;
  statLabel: string;
  timeZone: string;
  from: number;
  to: number;
  rangeLabel: string;
  rows: { position: number; roomName: string; value: string }[];
  /** Rooms without data in the range. */
  noData: string[];
  /** How many rooms were ranked, what was bounded or left out. */
  notes?: string[];
  chartUrl?: string;
  actions: CardAction[];
}

export interface RoomsView {
  groups: {
    location: string;
    floors: { floor: string; rooms: { name: string; sensors: string[] }[] }[];
  }[];
  /** All rooms, including any the groups leave out. */
  total: number;
  actions: CardAction[];
}

export interface HelpView {
  /** At most 5 become buttons; the rest are listed as text. */
  examples: { title: string; data: CardPayload }[];
}

export interface ClarifyView {
  question: string;
  /** Up to 5 become buttons; the rest are listed as text. */
  options: { title: string; data: CardPayload }[];
}

export interface ErrorView {
  message: string;
  trackingId?: string;
  /** The request is being retried: the card says "Webex is busy; the answer is coming." */
  retrying?: boolean;
}

/** Several rooms in ONE card: a row per room, worst first, every room in scope or "showing N of M". */
export interface RoomsTableView {
  /** "Temperature now", "Oslo HQ · how the rooms were" */
  title: string;
  timeZone: string;
  from: number;
  to: number;
  rangeLabel: string;
  /** Header of the value column ("Now", "Mean", "Warmest"). */
  valueLabel: string;
  /** Worst first; the card lists the first `maxRows`, the markdown as many as fit. */
  /** `gap`: the row's readings have gaps (marked "gap"; the room's own answer names them). */
  rows: { roomName: string; value: string; verdict: Verdict; detail?: string; gap?: boolean }[];
  /** Rows the card lists at most (Webex's card size). */
  maxRows: number;
  /** Rooms in scope (rows + no sensor + no data + not read). */
  total: number;
  /** Rooms without the sensor (named, never read). */
  noSensor: string[];
  /** Rooms with a sensor but no readings in the range. */
  noData: string[];
  /** What the plan bounded or left out. */
  notes: string[];
  chartUrl?: string;
  actions: CardAction[];
}
