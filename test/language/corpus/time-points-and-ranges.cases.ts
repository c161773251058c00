/**
 * Points in time (30 minutes either side), "since X" (X to now), "until/before X" (start of X's day to X),
 * "between A and B", "from A to B", "A–B". Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW } from './types';

const NOW = DEFAULT_NOW;
const AT_9 = { from: '2026-11-18T08:30:00+01:00', to: '2026-11-18T09:30:00+01:00' } as const;

export const cases: CorpusCase[] = [
  // --- points ---
  {
    text: 'temperature in Room 4 at 9am',
    expect: { intent: 'query', rooms: ['Room 4'], ...AT_9, aggregation: 'none', unit: 'celsius' },
  },
  { text: 'noise in Fjord at 09:00', expect: { intent: 'query', rooms: ['Fjord'], ...AT_9 } },
  { text: 'humidity in Lab 2.1 at 9', expect: { intent: 'query', rooms: ['Lab 2.1'], ...AT_9 } },
  {
    text: 'humidity in the Boardroom at noon',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-18T11:30:00+01:00',
      to: '2026-11-18T12:30:00+01:00',
    },
  },
  {
    text: 'people in Room 40 yesterday at 3pm',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-17T14:30:00+01:00',
      to: '2026-11-17T15:30:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'tvoc in Lab 2.1 on Monday at 10',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-16T09:30:00+01:00',
      to: '2026-11-16T10:30:00+01:00',
    },
  },
  {
    text: 'temperature in Fjord 2 hours ago',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T12:00:00+01:00',
      to: '2026-11-18T13:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Room 4 45 minutes ago',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T13:15:00+01:00',
      to: '2026-11-18T14:15:00+01:00',
    },
  },
  {
    text: 'how busy was the Boardroom an hour ago?',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      from: '2026-11-18T13:00:00+01:00',
      to: '2026-11-18T14:00:00+01:00',
    },
  },
  {
    text: 'humidity in Room 40 at 14:15',
    expect: { intent: 'query', rooms: ['Room 40'], from: '2026-11-18T13:45:00+01:00', to: NOW },
  },
  {
    text: 'temperature in Room 4 on Nov 3 at 14:00',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-03T13:30:00+01:00',
      to: '2026-11-03T14:30:00+01:00',
    },
  },

  // --- since ---
  {
    text: 'noise in Fjord since 8am',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T08:00:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'temperature in Room 4 since 9',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T09:00:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in the Boardroom since Monday',
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-11-16T00:00:00+01:00', to: NOW },
  },
  {
    text: 'people in Room 40 since yesterday',
    expect: { intent: 'query', rooms: ['Room 40'], from: '2026-11-17T00:00:00+01:00', to: NOW },
  },
  {
    text: 'tvoc in Fjord since Nov 1',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-01T00:00:00+01:00',
      to: NOW,
      aggregation: 'daily',
    },
  },
  {
    text: 'noise in Lab 2.1 since last Friday',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-13T00:00:00+01:00',
      to: NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'temperature in Room 4 since 10:30 yesterday',
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-11-17T10:30:00+01:00', to: NOW },
  },

  // --- until / before ---
  {
    text: 'noise in Fjord until 10am',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T00:00:00+01:00',
      to: '2026-11-18T10:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'humidity in Room 4 before 9am',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T00:00:00+01:00',
      to: '2026-11-18T09:00:00+01:00',
    },
  },
  {
    text: 'people in the Boardroom until noon yesterday',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-17T00:00:00+01:00',
      to: '2026-11-17T12:00:00+01:00',
    },
  },

  // --- between / from–to / A–B ---
  {
    text: 'temperature in the Boardroom between 9 and 5 yesterday',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-17T09:00:00+01:00',
      to: '2026-11-17T17:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Fjord between 9 and 5',
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-18T09:00:00+01:00', to: NOW },
  },
  {
    text: 'humidity in Room 40 between 10:00 and 12:00',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-18T10:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'temperature in Room 4 from 8 to 10 this morning',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T08:00:00+01:00',
      to: '2026-11-18T10:00:00+01:00',
    },
  },
  {
    text: 'noise in Fjord 10–12',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T10:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
    },
  },
  {
    text: 'humidity in Fjord 9:00-11:30',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T09:00:00+01:00',
      to: '2026-11-18T11:30:00+01:00',
    },
  },
  {
    text: 'people in Lab 2.1 between 2pm and 4pm yesterday',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-17T14:00:00+01:00',
      to: '2026-11-17T16:00:00+01:00',
    },
  },
  {
    text: 'tvoc in Room 4 from 13:00 to 14:00 on Monday',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-16T13:00:00+01:00',
      to: '2026-11-16T14:00:00+01:00',
    },
  },
  {
    text: 'temperature in Fjord between 8am and noon',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T08:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Room 40 from Nov 2 to Nov 6',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-02T00:00:00+01:00',
      to: '2026-11-07T00:00:00+01:00',
    },
    note: 'a range of whole days includes its last day: "to Nov 6" ends at the end of 6 Nov',
  },
];
