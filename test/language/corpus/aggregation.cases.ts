/**
 * Aggregation: explicit words win ("raw"/"every reading" → none, "hourly"/"per hour" → hourly,
 * "daily"/"per day" → daily); otherwise by span: ≤ 6 h none, ≤ 7 days hourly, longer daily.
 * Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW, LAST_HOUR, LAST_WEEK, THIS_WEEK, TODAY, YESTERDAY } from './types';

const NOW = DEFAULT_NOW;

export const cases: CorpusCase[] = [
  // --- explicit words ---
  {
    text: 'hourly temperature in Room 4 today',
    expect: { intent: 'query', rooms: ['Room 4'], ...TODAY, aggregation: 'hourly' },
  },
  {
    text: 'raw noise data for Fjord yesterday',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Fjord'],
      ...YESTERDAY,
      aggregation: 'none',
    },
  },
  {
    text: 'every reading of humidity in Lab 2.1 in the last 2 days',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      from: '2026-11-16T14:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'daily people count in the Boardroom this week',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      ...THIS_WEEK,
      aggregation: 'daily',
    },
  },
  {
    text: 'temperature per hour in Room 40 last month',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-10-01T00:00:00+02:00',
      to: '2026-11-01T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'tvoc per day in Fjord over the last 3 days',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-15T14:30:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'show every reading of tvoc in the Boardroom this week',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Boardroom'], ...THIS_WEEK, aggregation: 'none' },
  },
  {
    text: 'daily averages of temperature in Room 4 last week',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...LAST_WEEK,
      aggregation: 'daily',
    },
  },
  {
    text: 'humidity in Lab 2.1 per day since Monday',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-16T00:00:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'raw temperature readings Room 4 last hour',
    expect: { intent: 'query', rooms: ['Room 4'], ...LAST_HOUR, aggregation: 'none' },
  },
  {
    text: 'temperature in Room 4 hourly for the last 3 hours',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T11:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },

  // --- by span ---
  {
    text: 'noise in Room 4 last 6 hours',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T08:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Room 4 last 7 hours',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T07:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Fjord last 7 days',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-11T14:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Ulriken last 8 days',
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-11-10T14:30:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'temperature in the Boardroom this month',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-01T00:00:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in Fjord in the last 5 minutes',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T14:25:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'people in Room 40 yesterday',
    expect: { intent: 'query', rooms: ['Room 40'], ...YESTERDAY, aggregation: 'hourly' },
  },
  {
    text: 'temperature in Fjord today',
    now: '2026-11-19T03:00:00+01:00',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-19T00:00:00+01:00',
      to: '2026-11-19T03:00:00+01:00',
      aggregation: 'none',
    },
  },
];
