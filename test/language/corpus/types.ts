/**
 * The language corpus: chat phrases with the parse `parseRequest` must produce for them.
 *
 * A case names only the fields it is about; `test/language/corpus.test.ts` checks exactly those
 * (plus: no surprise clarification unless the intent is `unknown`). Instants are written literally,
 * with the offset the zone has at that instant, so a reviewer can read them off a calendar.
 */
import type {
  AlertSpec,
  Intent,
  RankSpec,
  ReportSpec,
  RequestAggregation,
  RequestMetric,
  SettingsSpec,
} from '../../../src/language/types';
import type { TemperatureUnit } from '../../../src/webex/wire';

export interface CorpusExpectation {
  intent: Intent;
  /** Compared as sets. */
  metrics?: RequestMetric[];
  /** Workspace display names, compared as sets (`[]` = no room). */
  rooms?: string[];
  /** `true`: the parse must say every workspace; `false`: it must not. */
  allWorkspaces?: boolean;
  /** ISO instants with offset, compared as instants. */
  from?: string;
  to?: string;
  /** `from` and `to` must both be absent. */
  noTime?: true;
  aggregation?: RequestAggregation;
  /** `true`: the window starts at a time the text stated ("since 8am"); `false`: it must not say so. */
  anchoredStart?: boolean;
  unit?: TemperatureUnit;
  /** Only the given keys are compared. */
  rank?: Partial<RankSpec>;
  alert?: AlertSpec;
  report?: ReportSpec;
  settings?: SettingsSpec;
  /**
   * `true` or an object: a clarification must be present (with at least these options, compared
   * ignoring case, spaces and punctuation); `false`: it must be absent. When omitted, a
   * clarification must be absent unless the intent is `unknown`.
   */
  clarify?: boolean | { optionsInclude?: string[] };
}

export interface CorpusCase {
  text: string;
  /** The reference instant, ISO with offset. Default {@link DEFAULT_NOW}. */
  now?: string;
  /** The space's IANA zone. Default {@link DEFAULT_TZ}. */
  tz?: string;
  /** The space's default temperature unit. Default celsius. */
  unit?: TemperatureUnit;
  expect: CorpusExpectation;
  /** Why, when the expectation is a judgement call the conventions do not fix. */
  note?: string;
}

/** Wednesday afternoon in Oslo. */
export const DEFAULT_NOW = '2026-11-18T14:30:00+01:00';
export const DEFAULT_TZ = 'Europe/Oslo';
export const DEFAULT_UNIT: TemperatureUnit = 'celsius';

/** Other reference instants the corpus uses. */
export const MONDAY_MORNING = '2026-11-16T07:45:00+01:00';
export const SATURDAY = '2026-11-21T11:00:00+01:00';
export const SUNDAY_EVENING = '2026-11-22T20:00:00+01:00';
/** Friday 1 January 2027, a year and quarter edge. */
export const NEW_YEAR = '2027-01-01T10:00:00+01:00';

/** Groups of the fixture directory (`test/language/fixtures/directory.json`), by display name. */
export const OSLO_FLOOR_1 = ['Room 4', 'Friday Lounge'];
export const OSLO_FLOOR_2 = ['Lab 2.1', 'Mon Space', 'Focus Booth 1'];
export const OSLO_FLOOR_3 = ['Room 40', 'Boardroom', 'Fjord', 'Huddle 3.2'];
export const BERGEN_FLOOR_1 = ['March'];
export const BERGEN_FLOOR_2 = ['Fløyen', 'Ulriken'];
/** "floor 1" names a floor in both locations. */
export const FLOOR_1 = [...OSLO_FLOOR_1, ...BERGEN_FLOOR_1];
export const FLOOR_2 = [...OSLO_FLOOR_2, ...BERGEN_FLOOR_2];
export const FLOOR_3 = OSLO_FLOOR_3;
export const OSLO = [...OSLO_FLOOR_1, ...OSLO_FLOOR_2, ...OSLO_FLOOR_3, 'Kitchen Open Area'];
export const BERGEN = [...BERGEN_FLOOR_1, ...BERGEN_FLOOR_2];
export const ALL_ROOMS = [...OSLO, ...BERGEN];

/** Default reference instant, default window (the last 24 hours). */
export const LAST_24H = { from: '2026-11-17T14:30:00+01:00', to: DEFAULT_NOW } as const;
/** Default reference instant, the current window (the last hour). */
export const LAST_HOUR = { from: '2026-11-18T13:30:00+01:00', to: DEFAULT_NOW } as const;
/** Default reference instant: whole days of the week of 16 November 2026. */
export const TODAY = { from: '2026-11-18T00:00:00+01:00', to: DEFAULT_NOW } as const;
export const YESTERDAY = { from: '2026-11-17T00:00:00+01:00', to: '2026-11-18T00:00:00+01:00' } as const;
export const MONDAY = { from: '2026-11-16T00:00:00+01:00', to: '2026-11-17T00:00:00+01:00' } as const;
export const LAST_FRIDAY = { from: '2026-11-13T00:00:00+01:00', to: '2026-11-14T00:00:00+01:00' } as const;
export const THIS_WEEK = { from: '2026-11-16T00:00:00+01:00', to: DEFAULT_NOW } as const;
export const LAST_WEEK = { from: '2026-11-09T00:00:00+01:00', to: '2026-11-16T00:00:00+01:00' } as const;

/** The measured metrics a "not measured" clarification must offer (at least these two), with units. */
export const MEASURED_OPTIONS = ['Temperature (°C)', 'Humidity (%)'];
