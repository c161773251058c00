/**
 * Whole days (today, yesterday, dates, weekdays: the most recent past occurrence, never the future) and
 * calendar periods (this/last week|month|quarter|year, to date, Qn, the weekend).
 * Reference: Wed 2026-11-18 14:30 Europe/Oslo; weeks start on Monday.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW, LAST_FRIDAY, LAST_WEEK, MONDAY, THIS_WEEK, TODAY, YESTERDAY } from './types';

const NOW = DEFAULT_NOW;
const NOV_3 = { from: '2026-11-03T00:00:00+01:00', to: '2026-11-04T00:00:00+01:00' } as const;
const NOV_30_2025 = { from: '2025-11-30T00:00:00+01:00', to: '2025-12-01T00:00:00+01:00' } as const;
const THIS_MONTH = { from: '2026-11-01T00:00:00+01:00', to: NOW } as const;
const LAST_MONTH = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' } as const;
const THIS_YEAR = { from: '2026-01-01T00:00:00+01:00', to: NOW } as const;

export const cases: CorpusCase[] = [
  // --- days ---
  {
    text: 'temperature in Room 4 today',
    expect: { intent: 'query', rooms: ['Room 4'], ...TODAY, aggregation: 'hourly' },
  },
  {
    text: 'humidity in Fjord yesterday',
    expect: { intent: 'query', rooms: ['Fjord'], ...YESTERDAY, aggregation: 'hourly' },
  },
  {
    text: 'noise in the Boardroom the day before yesterday',
    expect: { intent: 'query', rooms: ['Boardroom'], ...MONDAY },
  },
  {
    text: 'people in Room 40 3 days ago',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-15T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
    },
  },
  {
    text: 'tvoc in Lab 2.1 on Nov 3',
    expect: { intent: 'query', rooms: ['Lab 2.1'], ...NOV_3, aggregation: 'hourly' },
  },
  { text: 'temperature in Fjord on 03.11.2026', expect: { intent: 'query', rooms: ['Fjord'], ...NOV_3 } },
  { text: 'humidity in Ulriken on 3 November', expect: { intent: 'query', rooms: ['Ulriken'], ...NOV_3 } },
  { text: 'noise in Room 4 on November 3rd', expect: { intent: 'query', rooms: ['Room 4'], ...NOV_3 } },
  {
    text: 'people in the Boardroom on 2026-11-03',
    expect: { intent: 'query', rooms: ['Boardroom'], ...NOV_3 },
  },
  { text: 'tvoc in Fjord on the 3rd of November', expect: { intent: 'query', rooms: ['Fjord'], ...NOV_3 } },
  {
    text: 'temperature in Room 40 on Nov 30',
    expect: { intent: 'query', rooms: ['Room 40'], ...NOV_30_2025 },
  },
  { text: 'humidity in Lab 2.1 on 30.11', expect: { intent: 'query', rooms: ['Lab 2.1'], ...NOV_30_2025 } },
  {
    text: 'noise in Fjord on Nov 19',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2025-11-19T00:00:00+01:00',
      to: '2025-11-20T00:00:00+01:00',
    },
  },
  { text: 'people in Room 4 on Nov 18', expect: { intent: 'query', rooms: ['Room 4'], ...TODAY } },
  {
    text: 'temperature in Ulriken on 12.11.',
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-11-12T00:00:00+01:00',
      to: '2026-11-13T00:00:00+01:00',
    },
  },

  // --- weekdays: the most recent past occurrence ---
  { text: 'humidity in Fjord on Monday', expect: { intent: 'query', rooms: ['Fjord'], ...MONDAY } },
  { text: 'noise in Room 4 last Monday', expect: { intent: 'query', rooms: ['Room 4'], ...MONDAY } },
  {
    text: 'temperature in the Boardroom on Wednesday',
    expect: { intent: 'query', rooms: ['Boardroom'], ...TODAY },
  },
  { text: 'people in Room 40 on Friday', expect: { intent: 'query', rooms: ['Room 40'], ...LAST_FRIDAY } },
  { text: 'tvoc in Lab 2.1 last Friday', expect: { intent: 'query', rooms: ['Lab 2.1'], ...LAST_FRIDAY } },
  { text: 'noise in Ulriken Friday', expect: { intent: 'query', rooms: ['Ulriken'], ...LAST_FRIDAY } },
  { text: 'humidity in Room 4 on Tuesday', expect: { intent: 'query', rooms: ['Room 4'], ...YESTERDAY } },
  {
    text: 'temperature in Fjord on Thursday',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-12T00:00:00+01:00',
      to: '2026-11-13T00:00:00+01:00',
    },
  },
  {
    text: 'people in the Boardroom on Sunday',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-15T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
    },
  },

  // --- weeks ---
  {
    text: 'noise in Fjord this week',
    expect: { intent: 'query', rooms: ['Fjord'], ...THIS_WEEK, aggregation: 'hourly' },
  },
  { text: 'temperature in Room 4 last week', expect: { intent: 'query', rooms: ['Room 4'], ...LAST_WEEK } },
  {
    text: 'humidity in Lab 2.1 the previous week',
    expect: { intent: 'query', rooms: ['Lab 2.1'], ...LAST_WEEK },
  },
  { text: 'people in Room 40 week to date', expect: { intent: 'query', rooms: ['Room 40'], ...THIS_WEEK } },
  {
    text: 'noise in the Boardroom over the weekend',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-14T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },

  // --- months ---
  {
    text: 'temperature in Fjord this month',
    expect: { intent: 'query', rooms: ['Fjord'], ...THIS_MONTH, aggregation: 'daily' },
  },
  {
    text: 'humidity in Room 4 last month',
    expect: { intent: 'query', rooms: ['Room 4'], ...LAST_MONTH, aggregation: 'daily' },
  },
  {
    text: 'people in Ulriken the previous month',
    expect: { intent: 'query', rooms: ['Ulriken'], ...LAST_MONTH },
  },
  {
    text: 'tvoc in the Boardroom month to date',
    expect: { intent: 'query', rooms: ['Boardroom'], ...THIS_MONTH },
  },

  // --- quarters ---
  {
    text: 'noise in Room 40 this quarter',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-10-01T00:00:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'temperature in Fjord last quarter',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-07-01T00:00:00+02:00',
      to: '2026-10-01T00:00:00+02:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'humidity in Lab 2.1 in Q3',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-07-01T00:00:00+02:00',
      to: '2026-10-01T00:00:00+02:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'people in the Boardroom Q1',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-01-01T00:00:00+01:00',
      to: '2026-04-01T00:00:00+02:00',
    },
  },
  {
    text: 'tvoc in Room 4 during Q2',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-04-01T00:00:00+02:00',
      to: '2026-07-01T00:00:00+02:00',
    },
  },
  {
    text: 'noise in Ulriken in Q4',
    expect: { intent: 'query', rooms: ['Ulriken'], from: '2026-10-01T00:00:00+02:00', to: NOW },
  },

  // --- years ---
  {
    text: 'temperature in Room 4 this year',
    expect: { intent: 'query', rooms: ['Room 4'], ...THIS_YEAR, aggregation: 'daily' },
  },
  {
    text: 'humidity in Fjord last year',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2025-01-01T00:00:00+01:00',
      to: '2026-01-01T00:00:00+01:00',
      aggregation: 'daily',
    },
  },
  { text: 'people in Room 40 year to date', expect: { intent: 'query', rooms: ['Room 40'], ...THIS_YEAR } },
  { text: 'noise in the Boardroom YTD', expect: { intent: 'query', rooms: ['Boardroom'], ...THIS_YEAR } },
];
