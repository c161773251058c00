/**
 * "last/past/previous N minutes|hours" (exact durations) and "N days|weeks|months", "fortnight" (calendar
 * steps in the zone: the same wall-clock time N days ago). Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW, LAST_24H } from './types';

const NOW = DEFAULT_NOW;

export const cases: CorpusCase[] = [
  // --- minutes and hours: exact durations ---
  {
    text: 'temperature in Room 4 in the last 30 minutes',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T14:00:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Fjord past 2 hours',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T12:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in Lab 2.1 over the previous 90 minutes',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-18T13:00:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'tvoc in the Boardroom last 6 hours',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-18T08:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'people in Room 40 over the last 12 hours',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-18T02:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Ulriken last 48 hours',
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-11-16T14:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Room 40 in the last hour',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-18T13:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in Fjord in the last 24 hours',
    expect: { intent: 'query', rooms: ['Fjord'], ...LAST_24H, aggregation: 'hourly' },
  },
  {
    text: 'temperature in Room 4 over the past 10 minutes',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T14:20:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'temperature in Lab 2.1 past 36 hours',
    expect: { intent: 'query', rooms: ['Lab 2.1'], from: '2026-11-17T02:30:00+01:00', to: NOW },
  },
  {
    text: 'the last two hours of noise in Fjord',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Fjord'],
      from: '2026-11-18T12:30:00+01:00',
      to: NOW,
    },
  },
  {
    text: 'Boardroom tvoc last 15 min',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-18T14:15:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },

  // --- days, weeks, months: calendar steps ---
  {
    text: 'temperature in Fjord last 3 days',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-15T14:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Room 4 past 5 days',
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-11-13T14:30:00+01:00', to: NOW },
  },
  {
    text: 'humidity in the Boardroom for the past three days',
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-11-15T14:30:00+01:00', to: NOW },
  },
  {
    text: 'noise in the Boardroom last 7 days',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-11T14:30:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'tvoc in Lab 2.1 past week',
    expect: { intent: 'query', rooms: ['Lab 2.1'], from: '2026-11-11T14:30:00+01:00', to: NOW },
  },
  {
    text: 'occupancy of Fjord this past week',
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-11T14:30:00+01:00', to: NOW },
  },
  {
    text: 'people in Fjord last 8 days',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-10T14:30:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'temperature in Room 40 last 2 weeks',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-04T14:30:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in Fjord over the past fortnight',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-04T14:30:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in Room 4 in the last 4 weeks',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-10-21T14:30:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'humidity in Room 4 last 30 days',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-10-19T14:30:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'temperature in Fjord last 90 days',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-08-20T14:30:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'people in the Boardroom past 3 months',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-08-18T14:30:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'tvoc in Room 4 over the previous 2 months',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-09-18T14:30:00+02:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
];
