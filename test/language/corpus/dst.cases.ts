/**
 * Daylight saving time in Europe/Oslo.
 * Fall back: Sun 2026-10-25, 03:00 CEST → 02:00 CET (a 25-hour day).
 * Spring forward: Sun 2026-03-29, 02:00 CET → 03:00 CEST (a 23-hour day).
 * Calendar steps keep the wall-clock time; hours and minutes are exact durations.
 */
import type { CorpusCase } from './types';

const MON_OCT_26 = '2026-10-26T10:00:00+01:00';
const TUE_OCT_27 = '2026-10-27T10:00:00+01:00';
const SUN_OCT_25_NOON = '2026-10-25T12:00:00+01:00';
const MON_MAR_30 = '2026-03-30T09:00:00+02:00';
const SUN_MAR_29_NOON = '2026-03-29T12:00:00+02:00';

export const cases: CorpusCase[] = [
  // --- fall back ---
  {
    text: 'temperature in Room 4 yesterday',
    now: MON_OCT_26,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-10-25T00:00:00+02:00',
      to: '2026-10-26T00:00:00+01:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Fjord on Sunday',
    now: MON_OCT_26,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-10-25T00:00:00+02:00',
      to: '2026-10-26T00:00:00+01:00',
    },
  },
  {
    text: 'humidity in the Boardroom last 3 days',
    now: TUE_OCT_27,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-10-24T10:00:00+02:00', to: TUE_OCT_27 },
  },
  {
    text: 'humidity in the Boardroom last 72 hours',
    now: TUE_OCT_27,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-10-24T11:00:00+02:00', to: TUE_OCT_27 },
  },
  {
    text: 'people in Room 40 last 24 hours',
    now: SUN_OCT_25_NOON,
    expect: { intent: 'query', rooms: ['Room 40'], from: '2026-10-24T13:00:00+02:00', to: SUN_OCT_25_NOON },
  },
  {
    text: 'temperature in Fjord',
    now: SUN_OCT_25_NOON,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-10-24T13:00:00+02:00', to: SUN_OCT_25_NOON },
  },
  {
    text: 'temperature in Fjord today',
    now: SUN_OCT_25_NOON,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-10-25T00:00:00+02:00',
      to: SUN_OCT_25_NOON,
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Lab 2.1 last night',
    now: SUN_OCT_25_NOON,
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-10-24T18:00:00+02:00',
      to: '2026-10-25T06:00:00+01:00',
    },
  },
  {
    text: 'tvoc in Room 4 this morning',
    now: SUN_OCT_25_NOON,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-10-25T06:00:00+01:00',
      to: SUN_OCT_25_NOON,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Room 4 since yesterday',
    now: SUN_OCT_25_NOON,
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-10-24T00:00:00+02:00', to: SUN_OCT_25_NOON },
  },
  {
    text: 'people in the Boardroom 2 hours ago',
    now: '2026-10-25T03:30:00+01:00',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-10-25T02:00:00+02:00',
      to: '2026-10-25T02:00:00+01:00',
    },
    note: 'a point is an instant: 2 h before 03:30 CET is 02:30 CEST; ±30 min spans the repeated hour',
  },
  {
    text: 'noise in Fjord past week',
    now: '2026-10-28T14:30:00+01:00',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-10-21T14:30:00+02:00',
      to: '2026-10-28T14:30:00+01:00',
    },
  },
  {
    text: 'humidity in Room 40 last week',
    now: MON_OCT_26,
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-10-19T00:00:00+02:00',
      to: '2026-10-26T00:00:00+01:00',
    },
  },
  {
    text: 'temperature in Fjord over the weekend',
    now: MON_OCT_26,
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-10-24T00:00:00+02:00',
      to: '2026-10-26T00:00:00+01:00',
    },
  },
  {
    text: 'people in Ulriken on Sunday afternoon',
    now: MON_OCT_26,
    expect: {
      intent: 'query',
      rooms: ['Ulriken'],
      from: '2026-10-25T12:00:00+01:00',
      to: '2026-10-25T18:00:00+01:00',
    },
  },

  // --- spring forward ---
  {
    text: 'temperature in Room 4 yesterday',
    now: MON_MAR_30,
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-03-29T00:00:00+01:00',
      to: '2026-03-30T00:00:00+02:00',
      aggregation: 'hourly',
    },
  },
  {
    text: 'noise in Fjord last 3 days',
    now: '2026-03-31T10:00:00+02:00',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-03-28T10:00:00+01:00',
      to: '2026-03-31T10:00:00+02:00',
    },
  },
  {
    text: 'humidity in the Boardroom last 48 hours',
    now: MON_MAR_30,
    expect: { intent: 'query', rooms: ['Boardroom'], from: '2026-03-28T08:00:00+01:00', to: MON_MAR_30 },
  },
  {
    text: 'temperature in Room 4 last 2 days',
    now: MON_MAR_30,
    expect: { intent: 'query', rooms: ['Room 4'], from: '2026-03-28T09:00:00+01:00', to: MON_MAR_30 },
  },
  {
    text: 'people in Room 40 last night',
    now: '2026-03-29T10:00:00+02:00',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-03-28T18:00:00+01:00',
      to: '2026-03-29T06:00:00+02:00',
    },
  },
  {
    text: 'tvoc in Lab 2.1 this week',
    now: SUN_MAR_29_NOON,
    expect: { intent: 'query', rooms: ['Lab 2.1'], from: '2026-03-23T00:00:00+01:00', to: SUN_MAR_29_NOON },
  },
  {
    text: 'noise in Room 4 last week',
    now: '2026-04-01T12:00:00+02:00',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-03-23T00:00:00+01:00',
      to: '2026-03-30T00:00:00+02:00',
    },
  },
  {
    text: 'temperature in Fjord today',
    now: SUN_MAR_29_NOON,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-03-29T00:00:00+01:00', to: SUN_MAR_29_NOON },
  },
  {
    text: 'temperature in Fjord last 24 hours',
    now: SUN_MAR_29_NOON,
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-03-28T11:00:00+01:00', to: SUN_MAR_29_NOON },
  },
  {
    text: 'humidity in Ulriken this month',
    now: SUN_MAR_29_NOON,
    expect: { intent: 'query', rooms: ['Ulriken'], from: '2026-03-01T00:00:00+01:00', to: SUN_MAR_29_NOON },
  },
];
