/**
 * Hold-out: metric questions about one room — past ranges (query), the present (current) and
 * "how was the room" without a metric (overview). Written without reading the parser or the corpus.
 */
import type { CorpusCase } from '../corpus/types';
import {
  DEFAULT_NOW,
  LAST_24H,
  LAST_FRIDAY,
  LAST_HOUR,
  LAST_WEEK,
  MEASURED_OPTIONS,
  MONDAY,
  THIS_WEEK,
  TODAY,
  YESTERDAY,
} from '../corpus/types';

/** Default reference instant, parts of today and yesterday. */
const THIS_MORNING = { from: '2026-11-18T06:00:00+01:00', to: '2026-11-18T12:00:00+01:00' } as const;
const YESTERDAY_AFTERNOON = { from: '2026-11-17T12:00:00+01:00', to: '2026-11-17T18:00:00+01:00' } as const;
const LAST_NIGHT = { from: '2026-11-17T18:00:00+01:00', to: '2026-11-18T06:00:00+01:00' } as const;
const WEEKEND = { from: '2026-11-14T00:00:00+01:00', to: '2026-11-16T00:00:00+01:00' } as const;
/** Whole October 2026: starts in summer time, ends in winter time. */
const OCTOBER = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' } as const;
const THIS_MONTH = { from: '2026-11-01T00:00:00+01:00', to: DEFAULT_NOW } as const;

export const cases: CorpusCase[] = [
  // -------------------------------------------------------------------------------------------
  // query: a metric over a past range
  // -------------------------------------------------------------------------------------------
  {
    text: 'temp log for Fjord, last 24 hrs',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      ...LAST_24H,
      aggregation: 'hourly',
      unit: 'celsius',
    },
  },
  {
    text: 'how humid did the Boardroom get yesterday?',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Boardroom'],
      ...YESTERDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'Room 40 noise levels today 🙉',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Room 40'],
      ...TODAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'Was Lab 2.1 too dry last week?',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      ...LAST_WEEK,
      aggregation: 'hourly',
    },
  },
  {
    text: 'any VOC spikes in Huddle 3.2 since monday?',
    expect: {
      intent: 'query',
      metrics: ['tvoc'],
      rooms: ['Huddle 3.2'],
      ...THIS_WEEK,
      aggregation: 'hourly',
    },
  },
  {
    text: 'headcount in the boardroom yesterday afternoon',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      ...YESTERDAY_AFTERNOON,
      aggregation: 'none',
    },
  },
  {
    text: 'How many people were in Focus Booth 1 this morning?',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Focus Booth 1'],
      ...THIS_MORNING,
      aggregation: 'none',
    },
  },
  {
    text: 'kitchen open area occupancy over the last 3 days',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Kitchen Open Area'],
      from: '2026-11-15T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'fløyen temperature this week in fahrenheit',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fløyen'],
      ...THIS_WEEK,
      aggregation: 'hourly',
      unit: 'fahrenheit',
    },
  },
  {
    text: 'ULRIKEN HUMIDITY YESTERDAY',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      ...YESTERDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'what was the sound level in Friday Lounge last night?',
    expect: {
      intent: 'query',
      metrics: ['soundLevel'],
      rooms: ['Friday Lounge'],
      ...LAST_NIGHT,
      aggregation: 'hourly',
    },
  },
  {
    text: 'Mon Space - how noisy was it on Monday?',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Mon Space'],
      ...MONDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'temperature + humidity in Room 4 for the past 12 hours',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'humidity'],
      rooms: ['Room 4'],
      from: '2026-11-18T02:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
      unit: 'celsius',
    },
  },
  {
    text: 'was the boardroom booked a lot this week?',
    expect: { intent: 'query', metrics: ['timeBooked'], rooms: ['Boardroom'], ...THIS_WEEK },
  },
  {
    text: 'how much was Fjord actually used last month?',
    expect: { intent: 'query', metrics: ['timeUsed'], rooms: ['Fjord'], ...OCTOBER, aggregation: 'daily' },
  },
  {
    text: 'Boardroom: booked vs actually used last week, any ghost meetings?',
    expect: {
      intent: 'query',
      metrics: ['timeBooked', 'timeUsed'],
      rooms: ['Boardroom'],
      ...LAST_WEEK,
    },
    note: 'Two metrics of one room: "vs" here sets metrics side by side, not rooms, so it is no compare.',
  },
  {
    text: 'utilisation of room 40 this month?',
    expect: {
      intent: 'query',
      metrics: ['timeUsed'],
      rooms: ['Room 40'],
      ...THIS_MONTH,
      aggregation: 'daily',
    },
  },
  {
    text: 'how crowded did Lab 2.1 get on friday',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Lab 2.1'],
      ...LAST_FRIDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'air quality in Mon Space over the past week',
    expect: {
      intent: 'query',
      metrics: ['tvoc'],
      rooms: ['Mon Space'],
      from: '2026-11-11T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'march humidity past 2 days',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['March'],
      from: '2026-11-16T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'pls send the temp graph for Huddle 3.2, last 6 hours',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Huddle 3.2'],
      from: '2026-11-18T08:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'background noise in the board room yesterday',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Boardroom'],
      ...YESTERDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'Floyen bookings last week',
    expect: { intent: 'query', metrics: ['timeBooked'], rooms: ['Fløyen'], ...LAST_WEEK },
  },
  {
    text: 'temp in Fjrod today',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...TODAY, aggregation: 'hourly' },
  },
  {
    text: 'humidity in Ulrikken this morning',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      ...THIS_MORNING,
      aggregation: 'none',
    },
  },
  {
    text: 'how warm was the boardrom at 10am?',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      from: '2026-11-18T09:30:00+01:00',
      to: '2026-11-18T10:30:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'Lab 2.1 RH last 48 hours',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      from: '2026-11-16T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'did it get cold in Room 4 over the weekend?',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...WEEKEND,
      aggregation: 'hourly',
    },
  },
  {
    text: 'was focus booth 1 loud yesterday?',
    expect: {
      intent: 'query',
      metrics: ['soundLevel'],
      rooms: ['Focus Booth 1'],
      ...YESTERDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'Room 40 people count since 8am',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      from: '2026-11-18T08:00:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
    note: '08:00 to 14:30 is six and a half hours, just over the six-hour limit for raw samples.',
  },
  {
    text: 'tvoc room 4 yesterday raw',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Room 4'], ...YESTERDAY, aggregation: 'none' },
  },
  {
    text: 'hourly noise for Room 40 over the last 3 hours',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Room 40'],
      from: '2026-11-18T11:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'daily temperature for Boardroom this week',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      ...THIS_WEEK,
      aggregation: 'daily',
    },
  },
  {
    text: 'Friday Lounge occupancy on 3 november',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Friday Lounge'],
      from: '2026-11-03T00:00:00+01:00',
      to: '2026-11-04T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'was march stuffy yesterday',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['March'], ...YESTERDAY, aggregation: 'hourly' },
  },
  {
    text: 'lab 2.1 temperature in °F, past 24 hours',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      ...LAST_24H,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'what was the temp in the fjord room yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...YESTERDAY, unit: 'celsius' },
  },

  // -- things to ask back about --------------------------------------------------------------
  {
    text: 'temperature in Room 5 yesterday',
    expect: { intent: 'query', metrics: ['temperature'], clarify: true },
    note: 'No room is called Room 5, and numbers must match exactly, so neither Room 4 nor Room 40.',
  },
  {
    text: 'humidity in Room 400',
    expect: { intent: 'query', metrics: ['humidity'], clarify: true },
  },
  {
    text: 'co2 in the boardroom this morning?',
    expect: { intent: 'query', metrics: [], clarify: { optionsInclude: MEASURED_OPTIONS } },
  },
  {
    text: 'PM2.5 levels in Fjord last week',
    expect: { intent: 'query', metrics: [], clarify: { optionsInclude: MEASURED_OPTIONS } },
  },
  {
    text: 'light levels in Lab 2.1 yesterday',
    expect: { intent: 'query', metrics: [], clarify: { optionsInclude: MEASURED_OPTIONS } },
  },
  {
    text: 'barometric pressure Ulriken past week',
    expect: { intent: 'query', metrics: [], clarify: { optionsInclude: MEASURED_OPTIONS } },
  },

  // -------------------------------------------------------------------------------------------
  // current: the present, the last hour
  // -------------------------------------------------------------------------------------------
  {
    text: 'is fjord stuffy rn?',
    expect: { intent: 'current', metrics: ['tvoc'], rooms: ['Fjord'], ...LAST_HOUR, aggregation: 'none' },
  },
  {
    text: 'how warm is Room 4 at the moment',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...LAST_HOUR,
      aggregation: 'none',
      unit: 'celsius',
    },
  },
  {
    text: 'boardroom humidity right now',
    expect: {
      intent: 'current',
      metrics: ['humidity'],
      rooms: ['Boardroom'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'whats the noise like in huddle 3.2 currently',
    expect: {
      intent: 'current',
      metrics: ['ambientNoise'],
      rooms: ['Huddle 3.2'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'how many people are in Focus Booth 1?',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Focus Booth 1'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'is the kitchen open area crowded?',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Kitchen Open Area'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'is it loud in the friday lounge?',
    expect: {
      intent: 'current',
      metrics: ['soundLevel'],
      rooms: ['Friday Lounge'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'how dry is Fløyen?',
    expect: {
      intent: 'current',
      metrics: ['humidity'],
      rooms: ['Fløyen'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'Is March cold?',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['March'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'mon space temp now pls',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Mon Space'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'is Room 40 busy?',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'Ulriken temperature currently, in fahrenheit',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Ulriken'],
      ...LAST_HOUR,
      aggregation: 'none',
      unit: 'fahrenheit',
    },
  },

  // -------------------------------------------------------------------------------------------
  // overview: a room, no metric
  // -------------------------------------------------------------------------------------------
  {
    text: 'how was Fjord yesterday?',
    expect: { intent: 'overview', rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'give me the rundown on the Boardroom for last week',
    expect: { intent: 'overview', rooms: ['Boardroom'], ...LAST_WEEK },
  },
  {
    text: 'Room 40 summary',
    expect: { intent: 'overview', rooms: ['Room 40'], ...LAST_24H },
  },
  {
    text: 'anything unusual in Lab 2.1 over the weekend?',
    expect: { intent: 'overview', rooms: ['Lab 2.1'], ...WEEKEND },
  },
  {
    text: 'Ulriken today',
    expect: { intent: 'overview', rooms: ['Ulriken'], ...TODAY },
  },
  {
    text: 'stats for huddle 3.2 since monday',
    expect: { intent: 'overview', rooms: ['Huddle 3.2'], ...THIS_WEEK },
  },
  {
    text: 'Mon Space, this month',
    expect: { intent: 'overview', rooms: ['Mon Space'], ...THIS_MONTH },
  },
  {
    text: 'show me friday lounge on friday',
    expect: { intent: 'overview', rooms: ['Friday Lounge'], ...LAST_FRIDAY },
  },
];
