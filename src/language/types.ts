import type {
  BandKey,
  RankSpec,
  ReportDays,
  RequestMetric,
  ThresholdCondition,
  WorkingHours,
} from '../model';
import { RERUN_INTENTS } from '../model/card-actions';
import type { Floor, Location, TemperatureUnit, Workspace } from '../webex/wire';

export type { RankSpec, RequestMetric };

/** What people can ask for. */
export type Intent =
  | 'query'
  | 'current'
  | 'overview'
  | 'compare'
  | 'rank'
  | 'rooms'
  /** Sensor health: devices that stopped reporting, recurring gaps, impossible values. */
  | 'health'
  /** Utilisation: booked vs used hours, ghost bookings, rooms too big or too small for their use. */
  | 'utilisation'
  /** What is wrong now / today: rooms outside their comfort band (or over capacity), since when, how far. */
  | 'problems'
  | 'alert.create'
  | 'alert.list'
  | 'alert.delete'
  | 'report.subscribe'
  | 'report.list'
  | 'report.cancel'
  | 'settings'
  | 'help'
  | 'unknown';

/**
 * Questions about readings: they have a window, go through the plan and can be followed up — the
 * same ones a card's button can ask again (one list, kept with the button data it validates).
 */
export const DATA_INTENTS: ReadonlySet<Intent> = new Set<Intent>(RERUN_INTENTS);

/** Set-ups that may ask back and take the answer as a follow-up. */
export const SETUP_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['alert.create', 'report.subscribe']);

export type RequestAggregation = 'none' | 'hourly' | 'daily';

/** The workspace directory as the Webex API returns it (only the fields the parser reads). */
export interface Directory {
  workspaces: readonly Pick<
    Workspace,
    'id' | 'displayName' | 'locationId' | 'floorId' | 'type' | 'capacity'
  >[];
  locations: readonly (Pick<Location, 'id' | 'name'> & { address?: { city?: string } })[];
  floors: readonly Pick<Floor, 'id' | 'locationId' | 'floorNumber' | 'displayName'>[];
}

export interface ParseContext {
  /** The reference instant (epoch ms): "now". */
  now: number;
  /** The space's IANA time zone, e.g. `Europe/Oslo`. */
  timeZone: string;
  directory: Directory;
  defaults?: {
    /** Temperature unit of the space (default celsius). */
    unit?: TemperatureUnit;
  };
}

/**
 * An alert's condition as asked for: a threshold (in the unit of the request), "unusual for this
 * room", or "goes quiet" (after the named minutes; none named: the bot's offline setting).
 */
export type AlertSpec = ThresholdCondition | { op: 'unusual' } | { op: 'quiet'; afterMinutes?: number };

export interface ReportSpec {
  /** Local time of day, `HH:MM`. */
  time: string;
  days: ReportDays;
  /** Weekly reports: the weekday, 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /** Monthly reports: the day of the month, 1–31 (past a month's end: its last day). */
  dayOfMonth?: number;
}

export interface SettingsSpec {
  timeZone?: string;
  unit?: TemperatureUnit;
  /** Working hours as asked (days, times or both; the rest stays as it is). */
  workingHours?: Partial<WorkingHours>;
  /** Back to the default working hours (Mon–Fri 08:00–17:00). */
  resetWorkingHours?: true;
  /** One metric's own comfort band: LOW-HIGH, or the good and the fair limit (TVOC, noise). */
  band?: { key: BandKey; first: number; second: number; unit?: TemperatureUnit };
  /** Back to the deployment's band for one metric, or for all. */
  resetBands?: BandKey | 'all';
  /** Show the space's settings. */
  show?: true;
  /** Why the settings asked for cannot be read (the answer is this line; nothing changes). */
  problem?: string;
}

/** The part of a request an ask-back asks for: a reply in plain words fills exactly that part. */
export type AskedPart = 'room' | 'metric' | 'time' | 'threshold' | 'report-time' | 'confirm';

export interface Clarification {
  question: string;
  /** The answers offered, in people's words: a button sends one, a reply may name one. */
  options: string[];
  /** What is asked for ('confirm': an alert offered for confirmation). */
  asks?: AskedPart;
}

/** What a utilisation answer puts first: least used share, most ghost time, or size against use. */
export type UtilisationFocus = 'used' | 'ghost' | 'size';

/** An alert asked for with a comfort word ("overheats"): the side of the comfort band it watches. */
export interface ComfortSpec {
  op: 'above' | 'below';
}

/** The parser's answer: the contract of `room-metrics parse` (one JSON object per request). */
export interface ParsedRequest {
  intent: Intent;
  metrics: RequestMetric[];
  workspaces: { id: string; displayName: string }[];
  allWorkspaces?: true;
  /** ISO instants (UTC). Present whenever the text holds a time expression or the default window applies. */
  from?: string;
  to?: string;
  /**
   * The window runs from a time the text stated up to now ("since 8am", "since yesterday 18:00",
   * "after 10am" asked at 14:33), so its label names that start ("today, since 08:00"). Absent: the label is read from the window
   * itself — rolling ("last 6 h") or calendar ("today, since 00:00", "yesterday, Thu 3 Dec").
   */
  anchoredStart?: true;
  aggregation?: RequestAggregation;
  unit?: TemperatureUnit;
  rank?: RankSpec;
  alert?: AlertSpec;
  report?: ReportSpec;
  settings?: SettingsSpec;
  /** An alert asked for with a comfort word: its threshold is the comfort limit, offered first. */
  comfort?: ComfortSpec;
  /** Utilisation answers: what the card ranks by (absent: least used share first). */
  utilisation?: { focus: UtilisationFocus };
  clarify?: Clarification;
}
