/**
 * Parts of the day: morning 06–12, afternoon 12–18, evening 18–24, last night / overnight 18–06,
 * business hours 08–17; clipped to now, wholly future → clarification.
 * Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW } from './types';

const NOW = DEFAULT_NOW;
const LAST_NIGHT = { from: '2026-11-17T18:00:00+01:00', to: '2026-11-18T06:00:00+01:00' } as const;

export const cases: CorpusCase[] = [
  {
    text: 'temperature in Room 4 this morning',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T06:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Fjord this afternoon',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T12:00:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Fjord yesterday afternoon',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-17T12:00:00+01:00',
      to: '2026-11-17T18:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'humidity in the Boardroom yesterday morning',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-17T06:00:00+01:00',
      to: '2026-11-17T12:00:00+01:00',
    },
  },
  {
    text: 'people in the Kitchen Open Area yesterday evening',
    expect: {
      intent: 'query',
      rooms: ['Kitchen Open Area'],
      from: '2026-11-17T18:00:00+01:00',
      to: '2026-11-18T00:00:00+01:00',
    },
  },
  {
    text: 'temperature in Lab 2.1 last night',
    expect: { intent: 'query', rooms: ['Lab 2.1'], ...LAST_NIGHT, aggregation: 'hourly' },
  },
  { text: 'tvoc in Room 40 overnight', expect: { intent: 'query', rooms: ['Room 40'], ...LAST_NIGHT } },
  {
    text: 'noise in the Boardroom during business hours yesterday',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-17T08:00:00+01:00',
      to: '2026-11-17T17:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'tvoc in Fjord yesterday in business hours',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-17T08:00:00+01:00',
      to: '2026-11-17T17:00:00+01:00',
    },
  },
  {
    text: 'occupancy in Fjord during business hours today',
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-18T08:00:00+01:00', to: NOW },
  },
  {
    text: 'humidity in Room 4 on Monday afternoon',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-16T12:00:00+01:00',
      to: '2026-11-16T18:00:00+01:00',
    },
  },
  {
    text: 'noise in Ulriken on Friday morning',
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-11-13T06:00:00+01:00',
      to: '2026-11-13T12:00:00+01:00',
    },
  },
  {
    text: 'noise in Room 4 Tuesday evening',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-17T18:00:00+01:00',
      to: '2026-11-18T00:00:00+01:00',
    },
  },
  {
    text: 'how was the Boardroom this morning?',
    expect: {
      intent: 'overview',
      metrics: [],
      rooms: ['Boardroom'],
      from: '2026-11-18T06:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
    },
  },
  {
    text: 'how cold did Fløyen get overnight?',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fløyen'], ...LAST_NIGHT, unit: 'celsius' },
  },
  {
    text: 'temperature in Fjord this evening',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], clarify: true },
  },
];
