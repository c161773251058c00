/**
 * Rank: superlatives rank by mean (warmest/noisiest/busiest desc; coldest/quietest/driest asc);
 * peak/highest/max by max (desc); lowest/min by min (asc); "top N" → N, "which room" → 1,
 * "which rooms"/"rank the rooms" → 5; rooms default to every workspace.
 * Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import {
  BERGEN,
  DEFAULT_NOW,
  FLOOR_2,
  FLOOR_3,
  LAST_24H,
  LAST_WEEK,
  OSLO,
  THIS_WEEK,
  TODAY,
  YESTERDAY,
} from './types';

const LAST_NIGHT = { from: '2026-11-17T18:00:00+01:00', to: '2026-11-18T06:00:00+01:00' } as const;

export const cases: CorpusCase[] = [
  {
    text: 'which room was warmest yesterday',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
      unit: 'celsius',
    },
  },
  {
    text: 'top 5 noisiest rooms this week',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'which room was the coldest last night?',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...LAST_NIGHT,
      rank: { stat: 'mean', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'which rooms were busiest last week',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      allWorkspaces: true,
      ...LAST_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'what was the quietest room today',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...TODAY,
      rank: { stat: 'mean', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'which room was driest this week',
    expect: {
      intent: 'rank',
      metrics: ['humidity'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'which room had the highest temperature yesterday',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'max', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room had the lowest humidity today',
    expect: {
      intent: 'rank',
      metrics: ['humidity'],
      allWorkspaces: true,
      ...TODAY,
      rank: { stat: 'min', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'which room had the peak noise yesterday',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'max', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room had the max sound level today',
    expect: {
      intent: 'rank',
      metrics: ['soundLevel'],
      allWorkspaces: true,
      ...TODAY,
      rank: { stat: 'max', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room had the min temperature last night',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...LAST_NIGHT,
      rank: { stat: 'min', order: 'asc', limit: 1 },
    },
  },
  {
    text: 'top 3 busiest rooms in Bergen this month',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      rooms: BERGEN,
      allWorkspaces: false,
      from: '2026-11-01T00:00:00+01:00',
      to: DEFAULT_NOW,
      rank: { stat: 'mean', order: 'desc', limit: 3 },
    },
  },
  {
    text: 'rank the rooms by tvoc',
    expect: { intent: 'rank', metrics: ['tvoc'], allWorkspaces: true, ...LAST_24H, rank: { limit: 5 } },
  },
  {
    text: 'rank rooms by occupancy this week',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { limit: 5 },
    },
  },
  {
    text: 'which room on floor 3 was warmest today',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      rooms: FLOOR_3,
      allWorkspaces: false,
      ...TODAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room was the stuffiest yesterday',
    expect: {
      intent: 'rank',
      metrics: ['tvoc'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room was loudest last week',
    expect: {
      intent: 'rank',
      metrics: ['soundLevel'],
      allWorkspaces: true,
      ...LAST_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room was most crowded yesterday',
    expect: {
      intent: 'rank',
      metrics: ['peopleCount'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'top 10 warmest rooms',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...LAST_24H,
      rank: { stat: 'mean', order: 'desc', limit: 10 },
    },
  },
  {
    text: 'which rooms were the quietest yesterday?',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'asc', limit: 5 },
    },
  },
  {
    text: 'top 5 rooms by peak noise this week',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'max', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'which room was the most humid at Oslo HQ yesterday',
    expect: {
      intent: 'rank',
      metrics: ['humidity'],
      rooms: OSLO,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which room is warmest?',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...LAST_24H,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
    note: 'present tense does not make a rank "current": a rank without a time uses the default window',
  },
  {
    text: 'which room was booked the most last week',
    expect: {
      intent: 'rank',
      metrics: ['timeBooked'],
      allWorkspaces: true,
      ...LAST_WEEK,
      rank: { order: 'desc', limit: 1 },
    },
  },
  {
    text: 'which rooms on floor 2 had the lowest tvoc today',
    expect: {
      intent: 'rank',
      metrics: ['tvoc'],
      rooms: FLOOR_2,
      ...TODAY,
      rank: { stat: 'min', order: 'asc', limit: 5 },
    },
  },
];
