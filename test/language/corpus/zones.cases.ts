/**
 * Spaces in other zones (America/New_York, Asia/Kolkata), and the word "ist", which is never the
 * IST zone abbreviation.
 */
import type { CorpusCase } from './types';

const NY = 'America/New_York';
const NY_NOW = '2026-11-18T09:00:00-05:00';
const KOLKATA = 'Asia/Kolkata';
const KOLKATA_NOW = '2026-11-18T19:00:00+05:30';

export const cases: CorpusCase[] = [
  // --- America/New_York ---
  {
    text: 'temperature in Room 4 yesterday',
    now: NY_NOW,
    tz: NY,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-17T00:00:00-05:00',
      to: '2026-11-18T00:00:00-05:00',
    },
  },
  {
    text: 'noise in Fjord today',
    now: NY_NOW,
    tz: NY,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-18T00:00:00-05:00', to: NY_NOW },
  },
  {
    text: 'humidity in the Boardroom at 8am',
    now: NY_NOW,
    tz: NY,
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-18T07:30:00-05:00',
      to: '2026-11-18T08:30:00-05:00',
    },
  },
  {
    text: 'people in Room 40 last week',
    now: NY_NOW,
    tz: NY,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-09T00:00:00-05:00',
      to: '2026-11-16T00:00:00-05:00',
    },
  },
  {
    text: 'noise in Fjord on Nov 1',
    now: NY_NOW,
    tz: NY,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-01T00:00:00-04:00',
      to: '2026-11-02T00:00:00-05:00',
    },
  },

  // --- Asia/Kolkata ---
  {
    text: 'temperature in Room 4 yesterday',
    now: KOLKATA_NOW,
    tz: KOLKATA,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-17T00:00:00+05:30',
      to: '2026-11-18T00:00:00+05:30',
    },
  },
  {
    text: 'noise in Fjord at 9am',
    now: KOLKATA_NOW,
    tz: KOLKATA,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-18T08:30:00+05:30',
      to: '2026-11-18T09:30:00+05:30',
    },
  },
  {
    text: 'people in Room 40 this morning',
    now: KOLKATA_NOW,
    tz: KOLKATA,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-18T06:00:00+05:30',
      to: '2026-11-18T12:00:00+05:30',
    },
  },
  {
    text: 'what ist the temperature in Lab 2.1 right now',
    now: KOLKATA_NOW,
    tz: KOLKATA,
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      from: '2026-11-18T18:00:00+05:30',
      to: KOLKATA_NOW,
    },
  },
  {
    text: 'humidity in Ulriken since 9 ist',
    now: KOLKATA_NOW,
    tz: KOLKATA,
    expect: { intent: 'query', rooms: ['Ulriken'], from: '2026-11-18T09:00:00+05:30', to: KOLKATA_NOW },
    note: 'a trailing "ist" changes nothing: 9 is read in the space zone (here Kolkata itself)',
  },

  // --- "ist" in an Oslo space ---
  {
    text: 'what ist the humidity in Fjord at 9?',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Fjord'],
      from: '2026-11-18T08:30:00+01:00',
      to: '2026-11-18T09:30:00+01:00',
    },
  },
  {
    text: 'how warm ist Room 40 since 9',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 40'],
      from: '2026-11-18T09:00:00+01:00',
      to: '2026-11-18T14:30:00+01:00',
    },
  },
  {
    text: 'temperature history for Room 4 since 9am',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T09:00:00+01:00',
      to: '2026-11-18T14:30:00+01:00',
    },
  },
];
