/**
 * Hold-out: tricky time expressions — rolling vs calendar periods, parts of days, points, ranges,
 * typos, future windows, DST weeks, year edges and another zone. Written without reading the parser
 * or the corpus.
 */
import type { CorpusCase } from '../corpus/types';
import { DEFAULT_NOW, LAST_FRIDAY, LAST_WEEK, MONDAY_MORNING, NEW_YEAR } from '../corpus/types';

/** Monday after the spring-forward Sunday (29 March 2026, 02:00 → 03:00). */
const AFTER_SPRING_FORWARD = '2026-03-30T10:00:00+02:00';
/** Monday after the fall-back Sunday (25 October 2026, 03:00 → 02:00). */
const AFTER_FALL_BACK = '2026-10-26T09:00:00+01:00';
/** Wednesday morning in New York, after the US fall-back (1 November 2026). */
const NEW_YORK_MORNING = '2026-11-18T08:30:00-05:00';

export const cases: CorpusCase[] = [
  // -- rolling windows --------------------------------------------------------------------------
  {
    text: 'humidity in ulriken the past fortnight',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      from: '2026-11-04T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in Fjord past 30 days',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Fjord'],
      from: '2026-10-19T14:30:00+02:00',
      to: DEFAULT_NOW,
      aggregation: 'daily',
    },
    note: 'Thirty days back is before the October fall-back: same wall-clock 14:30, at +02:00.',
  },
  {
    text: 'boardroom noise past 45 mins',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Boardroom'],
      from: '2026-11-18T13:45:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'Lab 2.1 temp hourly for the last 2 weeks',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      from: '2026-11-04T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },

  // -- calendar periods -------------------------------------------------------------------------
  {
    text: 'boardroom noise lst week',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Boardroom'], ...LAST_WEEK },
  },
  {
    text: 'tvoc in fjord previous month',
    expect: {
      intent: 'query',
      metrics: ['tvoc'],
      rooms: ['Fjord'],
      from: '2026-10-01T00:00:00+02:00',
      to: '2026-11-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'Boardroom bookings this quarter',
    expect: {
      intent: 'query',
      metrics: ['timeBooked'],
      rooms: ['Boardroom'],
      from: '2026-10-01T00:00:00+02:00',
      to: DEFAULT_NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'Fløyen humidity in Q3',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Fløyen'],
      from: '2026-07-01T00:00:00+02:00',
      to: '2026-10-01T00:00:00+02:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'room 40 utilisation year to date',
    expect: {
      intent: 'query',
      metrics: ['timeUsed'],
      rooms: ['Room 40'],
      from: '2026-01-01T00:00:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'daily',
    },
  },

  // -- days and dates ---------------------------------------------------------------------------
  {
    text: 'mon space humidity on friday',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Mon Space'],
      ...LAST_FRIDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'march temp on 3 nov',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['March'],
      from: '2026-11-03T00:00:00+01:00',
      to: '2026-11-04T00:00:00+01:00',
    },
  },
  {
    text: 'Fløyen humidity 03.11.2026',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Fløyen'],
      from: '2026-11-03T00:00:00+01:00',
      to: '2026-11-04T00:00:00+01:00',
    },
  },
  {
    text: 'Ulriken temperature on Dec 5',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Ulriken'],
      from: '2025-12-05T00:00:00+01:00',
      to: '2025-12-06T00:00:00+01:00',
      aggregation: 'hourly',
    },
    note: '5 December 2026 is still to come, so the most recent past one is in 2025.',
  },
  {
    text: 'temp room 4 since tuesday',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      from: '2026-11-17T00:00:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },

  // -- parts of the day, ranges and points ------------------------------------------------------
  {
    text: 'Room 40 temperature yesterdy between 9 and 5',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 40'],
      from: '2026-11-17T09:00:00+01:00',
      to: '2026-11-17T17:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'people in Boardroom during business hours on Monday',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      from: '2026-11-16T08:00:00+01:00',
      to: '2026-11-16T17:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'Fjord humidity since 8 this morning',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Fjord'],
      from: '2026-11-18T08:00:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Huddle 3.2 since 9am',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Huddle 3.2'],
      from: '2026-11-18T09:00:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'temp in room 4 until 11am',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      from: '2026-11-18T00:00:00+01:00',
      to: '2026-11-18T11:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'Boardroom occupancy 3 hours ago',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      from: '2026-11-18T11:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'how loud was Friday Lounge at 1pm?',
    expect: {
      intent: 'query',
      metrics: ['soundLevel'],
      rooms: ['Friday Lounge'],
      from: '2026-11-18T12:30:00+01:00',
      to: '2026-11-18T13:30:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'boardroom people yesterday evening',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      from: '2026-11-17T18:00:00+01:00',
      to: '2026-11-18T00:00:00+01:00',
      aggregation: 'none',
    },
    note: 'Evening is 18–24: exactly six hours, which is still within the raw-sample limit.',
  },
  {
    text: 'humidity in Ulriken between 10 and 12 today',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      from: '2026-11-18T10:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'noise in the boardroom on Tuesday afternoon',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Boardroom'],
      from: '2026-11-17T12:00:00+01:00',
      to: '2026-11-17T18:00:00+01:00',
      aggregation: 'none',
    },
  },

  // -- windows wholly in the future -------------------------------------------------------------
  {
    text: 'temp in fjord this evening',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], clarify: true },
    note: 'At 14:30 the evening (18–24) has not started: the whole window is in the future.',
  },
  {
    text: 'Room 4 noise next week',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 4'], clarify: true },
  },

  // -- other reference instants: DST, the year's edge, another zone -----------------------------
  {
    text: 'Fjord temperature yesterday',
    now: AFTER_SPRING_FORWARD,
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      from: '2026-03-29T00:00:00+01:00',
      to: '2026-03-30T00:00:00+02:00',
      aggregation: 'hourly',
    },
    note: 'Sunday 29 March 2026 has only 23 hours.',
  },
  {
    text: 'fjord temp past 36 hours',
    now: AFTER_SPRING_FORWARD,
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      from: '2026-03-28T21:00:00+01:00',
      to: AFTER_SPRING_FORWARD,
      aggregation: 'hourly',
    },
    note: 'Hours are an exact duration: 36 h back across the lost hour is 21:00, not the wall-clock 22:00.',
  },
  {
    text: 'Lab 2.1 occupancy over the weekend',
    now: AFTER_FALL_BACK,
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Lab 2.1'],
      from: '2026-10-24T00:00:00+02:00',
      to: '2026-10-26T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'boardroom bookings last quarter',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      metrics: ['timeBooked'],
      rooms: ['Boardroom'],
      from: '2026-10-01T00:00:00+02:00',
      to: '2027-01-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'fjord temp this week',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      from: '2026-12-28T00:00:00+01:00',
      to: NEW_YEAR,
      aggregation: 'hourly',
    },
    note: 'The week began on Monday 28 December, in the previous year.',
  },
  {
    text: 'Room 4 humidity past 3 weeks',
    now: NEW_YORK_MORNING,
    tz: 'America/New_York',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Room 4'],
      from: '2026-10-28T08:30:00-04:00',
      to: NEW_YORK_MORNING,
      aggregation: 'daily',
    },
    note: 'Same wall-clock 08:30 three weeks back, before New York fell back: -04:00.',
  },
  {
    text: 'Friday Lounge temp over the weekend',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Friday Lounge'],
      from: '2026-11-14T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
];
