/**
 * The same kinds of phrases from other reference instants: a Monday morning, a Saturday, a Sunday
 * evening, and New Year's Day 2027 (year and quarter edges). All Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { MONDAY_MORNING, NEW_YEAR, SATURDAY, SUNDAY_EVENING } from './types';

const LAST_WEEK = { from: '2026-11-09T00:00:00+01:00', to: '2026-11-16T00:00:00+01:00' } as const;

export const cases: CorpusCase[] = [
  // --- Monday 2026-11-16 07:45 ---
  {
    text: 'temperature in Room 4 this morning',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-16T06:00:00+01:00',
      to: MONDAY_MORNING,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Fjord over the weekend',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-14T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'how was the Boardroom last night?',
    now: MONDAY_MORNING,
    expect: {
      intent: 'overview',
      metrics: [],
      rooms: ['Boardroom'],
      from: '2026-11-15T18:00:00+01:00',
      to: '2026-11-16T06:00:00+01:00',
    },
  },
  {
    text: 'people in Room 40 yesterday afternoon',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-15T12:00:00+01:00',
      to: '2026-11-15T18:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'temperature in Fjord today',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-16T00:00:00+01:00',
      to: MONDAY_MORNING,
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Lab 2.1 on Friday',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-13T00:00:00+01:00',
      to: '2026-11-14T00:00:00+01:00',
    },
  },
  {
    text: 'noise in the Boardroom last week',
    now: MONDAY_MORNING,
    expect: { intent: 'query', rooms: ['Boardroom'], ...LAST_WEEK, aggregation: 'hourly' },
  },
  {
    text: 'tvoc in Room 4 this week',
    now: MONDAY_MORNING,
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-11-16T00:00:00+01:00', to: MONDAY_MORNING },
  },
  {
    text: 'temperature in Fjord on Monday',
    now: MONDAY_MORNING,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-16T00:00:00+01:00', to: MONDAY_MORNING },
  },
  {
    text: 'people in Room 40 since Friday',
    now: MONDAY_MORNING,
    expect: { intent: 'query', rooms: ['Room 40'], from: '2026-11-13T00:00:00+01:00', to: MONDAY_MORNING },
  },
  {
    text: "what's the temperature in Room 4?",
    now: MONDAY_MORNING,
    expect: {
      intent: 'current',
      rooms: ['Room 4'],
      metrics: ['temperature'],
      from: '2026-11-16T06:45:00+01:00',
      to: MONDAY_MORNING,
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in Ulriken yesterday',
    now: MONDAY_MORNING,
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-11-15T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
    },
  },

  // --- Saturday 2026-11-21 11:00 ---
  {
    text: 'noise in Fjord over the weekend',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-21T00:00:00+01:00',
      to: SATURDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'temperature in Room 4 this morning',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-21T06:00:00+01:00',
      to: SATURDAY,
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in the Boardroom yesterday',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-20T00:00:00+01:00',
      to: '2026-11-21T00:00:00+01:00',
    },
  },
  {
    text: 'people in Room 40 on Friday',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-20T00:00:00+01:00',
      to: '2026-11-21T00:00:00+01:00',
    },
  },
  {
    text: 'tvoc in Lab 2.1 this week',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-16T00:00:00+01:00',
      to: SATURDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Ulriken last week',
    now: SATURDAY,
    expect: { intent: 'query', rooms: ['Ulriken'], ...LAST_WEEK },
  },
  {
    text: 'temperature in Fjord on Saturday',
    now: SATURDAY,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-21T00:00:00+01:00', to: SATURDAY },
  },
  {
    text: 'humidity in March last night',
    now: SATURDAY,
    expect: {
      intent: 'query',
      rooms: ['March'],
      from: '2026-11-20T18:00:00+01:00',
      to: '2026-11-21T06:00:00+01:00',
    },
  },

  // --- Sunday 2026-11-22 20:00 ---
  {
    text: 'noise in Fjord over the weekend',
    now: SUNDAY_EVENING,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-21T00:00:00+01:00',
      to: SUNDAY_EVENING,
      aggregation: 'hourly',
    },
  },
  {
    text: 'people in the Boardroom this evening',
    now: SUNDAY_EVENING,
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-22T18:00:00+01:00',
      to: SUNDAY_EVENING,
      aggregation: 'none',
    },
  },
  {
    text: 'temperature in Room 4 this week',
    now: SUNDAY_EVENING,
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-11-16T00:00:00+01:00', to: SUNDAY_EVENING },
  },
  {
    text: 'humidity in Room 40 yesterday',
    now: SUNDAY_EVENING,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-21T00:00:00+01:00',
      to: '2026-11-22T00:00:00+01:00',
    },
  },
  {
    text: 'tvoc in Fjord last week',
    now: SUNDAY_EVENING,
    expect: { intent: 'query', rooms: ['Fjord'], ...LAST_WEEK },
  },
  {
    text: 'how was Fjord this afternoon?',
    now: SUNDAY_EVENING,
    expect: {
      intent: 'overview',
      metrics: [],
      rooms: ['Fjord'],
      from: '2026-11-22T12:00:00+01:00',
      to: '2026-11-22T18:00:00+01:00',
    },
  },
  {
    text: 'temperature in Room 4 on Monday',
    now: SUNDAY_EVENING,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-16T00:00:00+01:00',
      to: '2026-11-17T00:00:00+01:00',
    },
  },

  // --- Friday 2027-01-01 10:00: year and quarter edges ---
  {
    text: 'temperature in Room 4 this year',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2027-01-01T00:00:00+01:00',
      to: NEW_YEAR,
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Fjord last year',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-01-01T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in the Boardroom this quarter',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2027-01-01T00:00:00+01:00', to: NEW_YEAR },
  },
  {
    text: 'people in Room 40 last quarter',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-10-01T00:00:00+02:00',
      to: '2027-01-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'tvoc in Lab 2.1 in Q3',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-07-01T00:00:00+02:00',
      to: '2026-10-01T00:00:00+02:00',
    },
  },
  {
    text: 'temperature in Fjord Q4',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-10-01T00:00:00+02:00',
      to: '2027-01-01T00:00:00+01:00',
    },
  },
  {
    text: 'noise in Ulriken in Q1',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Ulriken'], from: '2027-01-01T00:00:00+01:00', to: NEW_YEAR },
  },
  {
    text: 'humidity in Room 4 last month',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-12-01T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'people in the Boardroom this month',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2027-01-01T00:00:00+01:00', to: NEW_YEAR },
  },
  {
    text: 'temperature in Room 40 yesterday',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-12-31T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
    },
  },
  {
    text: 'noise in Fjord on Dec 24',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-12-24T00:00:00+01:00',
      to: '2026-12-25T00:00:00+01:00',
    },
  },
  {
    text: 'humidity in Lab 2.1 on Jan 2',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-01-02T00:00:00+01:00',
      to: '2026-01-03T00:00:00+01:00',
    },
  },
  {
    text: 'temperature in Room 40 on Nov 30',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-30T00:00:00+01:00',
      to: '2026-12-01T00:00:00+01:00',
    },
  },
  {
    text: 'tvoc in the Boardroom this week',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-12-28T00:00:00+01:00', to: NEW_YEAR },
  },
  {
    text: 'noise in Room 4 last week',
    now: NEW_YEAR,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-12-21T00:00:00+01:00',
      to: '2026-12-28T00:00:00+01:00',
    },
  },
  {
    text: 'people in Fjord year to date',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2027-01-01T00:00:00+01:00', to: NEW_YEAR },
  },
  {
    text: 'humidity in Ulriken last 7 days',
    now: NEW_YEAR,
    expect: { intent: 'query', rooms: ['Ulriken'], from: '2026-12-25T10:00:00+01:00', to: NEW_YEAR },
  },
];
