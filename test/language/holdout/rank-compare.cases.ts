/**
 * Hold-out: which room is the most/least something (rank), and one metric across named rooms (compare).
 * Written without reading the parser or the corpus.
 */
import type { CorpusCase } from '../corpus/types';
import {
  BERGEN,
  DEFAULT_NOW,
  FLOOR_1,
  FLOOR_3,
  LAST_WEEK,
  OSLO,
  THIS_WEEK,
  TODAY,
  YESTERDAY,
} from '../corpus/types';

const OCTOBER = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' } as const;
const THIS_MONTH = { from: '2026-11-01T00:00:00+01:00', to: DEFAULT_NOW } as const;
const WEEKEND = { from: '2026-11-14T00:00:00+01:00', to: '2026-11-16T00:00:00+01:00' } as const;

export const cases: CorpusCase[] = [
  // -------------------------------------------------------------------------------------------
  // rank
  // -------------------------------------------------------------------------------------------
  {
    text: 'which room was the warmest yesterday?',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'top 3 noisiest rooms this week',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 3 },
    },
  },
  {
    text: 'coldest room in Bergen last week',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      rooms: BERGEN,
      ...LAST_WEEK,
      rank: { stat: 'mean', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'which rooms had the highest noise peaks today?',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...TODAY,
      rank: { stat: 'max', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'least busy rooms last month',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      allWorkspaces: true,
      ...OCTOBER,
      rank: { stat: 'mean', order: 'asc', limit: 5 },
    },
  },
  {
    text: "what's the most humid room on floor 3 this week",
    expect: {
      intent: 'rank',
      metrics: ['humidity'],
      rooms: FLOOR_3,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'rank every room by air quality over the past week',
    expect: {
      intent: 'rank',
      metrics: ['tvoc'],
      allWorkspaces: true,
      from: '2026-11-11T14:30:00+01:00',
      to: DEFAULT_NOW,
    },
    note: 'No superlative and no "top N": the rank order and limit are left open, only the rest is checked.',
  },
  {
    text: 'top 10 most booked rooms this month',
    expect: {
      intent: 'rank',
      metrics: ['timeBooked'],
      allWorkspaces: true,
      ...THIS_MONTH,
      rank: { stat: 'mean', order: 'desc', limit: 10 },
    },
  },
  {
    text: 'which room had the lowest humidity yesterday',
    expect: {
      intent: 'rank',
      metrics: ['humidity'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'min', order: 'asc', limit: 1 },
    },
  },
  {
    text: '5 stuffiest rooms since monday',
    expect: {
      intent: 'rank',
      metrics: ['tvoc'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'which room hit the highest temperature yesterday afternoon',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      from: '2026-11-17T12:00:00+01:00',
      to: '2026-11-17T18:00:00+01:00',
      rank: { stat: 'max', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'least utilised rooms in Oslo last week',
    expect: {
      intent: 'rank',
      metrics: ['timeUsed'],
      rooms: OSLO,
      ...LAST_WEEK,
      rank: { stat: 'mean', order: 'asc', limit: 5 },
    },
  },
  {
    text: 'busiest room on the 1st floor today',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      rooms: FLOOR_1,
      ...TODAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
    note: 'Floor 1 exists in both Oslo HQ and Bergen Office, and no location is named.',
  },
  {
    text: 'top 3 rooms by max sound level yesterday',
    expect: {
      intent: 'rank',
      metrics: ['soundLevel'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'max', order: 'desc', limit: 3 },
    },
  },
  {
    text: 'which rooms had the min temp last night',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      from: '2026-11-17T18:00:00+01:00',
      to: '2026-11-18T06:00:00+01:00',
      rank: { stat: 'min', order: 'asc', limit: 5 },
    },
  },
  {
    text: 'quietest room at Oslo HQ over the weekend',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      rooms: OSLO,
      ...WEEKEND,
      rank: { stat: 'mean', order: 'asc', limit: 1 },
    },
  },

  // -------------------------------------------------------------------------------------------
  // compare
  // -------------------------------------------------------------------------------------------
  {
    text: 'humidity: fjord v boardroom, past 3 days',
    expect: {
      intent: 'compare',
      metrics: ['humidity'],
      rooms: ['Fjord', 'Boardroom'],
      from: '2026-11-15T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'compare noise in Huddle 3.2 and Focus Booth 1 yesterday',
    expect: {
      intent: 'compare',
      metrics: ['ambientNoise'],
      rooms: ['Huddle 3.2', 'Focus Booth 1'],
      ...YESTERDAY,
      aggregation: 'hourly',
    },
  },
  {
    text: 'was Fløyen warmer than Ulriken this morning?',
    expect: {
      intent: 'compare',
      metrics: ['temperature'],
      rooms: ['Fløyen', 'Ulriken'],
      from: '2026-11-18T06:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'occupancy Room 4 versus Room 40 versus Boardroom this week',
    expect: {
      intent: 'compare',
      metrics: ['peopleCount'],
      rooms: ['Room 4', 'Room 40', 'Boardroom'],
      ...THIS_WEEK,
      aggregation: 'hourly',
    },
  },
  {
    text: 'how do March and Ulriken compare on temperature since Monday',
    expect: {
      intent: 'compare',
      metrics: ['temperature'],
      rooms: ['March', 'Ulriken'],
      ...THIS_WEEK,
      unit: 'celsius',
    },
  },
  {
    text: 'bookings lab 2.1 vs mon space last month',
    expect: {
      intent: 'compare',
      metrics: ['timeBooked'],
      rooms: ['Lab 2.1', 'Mon Space'],
      ...OCTOBER,
      aggregation: 'daily',
    },
  },
  {
    text: 'TVOC Boardroom vs Fjord, last 48h',
    expect: {
      intent: 'compare',
      metrics: ['tvoc'],
      rooms: ['Boardroom', 'Fjord'],
      from: '2026-11-16T14:30:00+01:00',
      to: DEFAULT_NOW,
      aggregation: 'hourly',
    },
  },
  {
    text: 'utilisation room 40 vs boardroom this quarter',
    expect: {
      intent: 'compare',
      metrics: ['timeUsed'],
      rooms: ['Room 40', 'Boardroom'],
      from: '2026-10-01T00:00:00+02:00',
      to: DEFAULT_NOW,
      aggregation: 'daily',
    },
  },
];
