/** Room names that look like dates or times ("Mon Space", "March", "Friday Lounge", "Huddle 3.2", "Lab 2.1"). */
import type { CorpusCase } from './types';
import { LAST_24H, LAST_FRIDAY, LAST_HOUR, LAST_WEEK, MONDAY, TODAY, YESTERDAY } from './types';

export const cases: CorpusCase[] = [
  {
    text: 'temperature in Mon Space',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Mon Space'],
      ...LAST_24H,
      aggregation: 'hourly',
      unit: 'celsius',
    },
  },
  {
    text: 'noise in March last week',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['March'], ...LAST_WEEK },
  },
  {
    text: 'humidity in March',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['March'], ...LAST_24H },
  },
  {
    text: 'people in Friday Lounge',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Friday Lounge'], ...LAST_24H },
  },
  {
    text: 'how was Friday Lounge yesterday?',
    expect: { intent: 'overview', metrics: [], rooms: ['Friday Lounge'], ...YESTERDAY },
  },
  {
    text: 'humidity in Friday Lounge on Monday',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Friday Lounge'], ...MONDAY },
  },
  {
    text: 'people in Mon Space on Friday',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Mon Space'], ...LAST_FRIDAY },
  },
  {
    text: 'humidity in Mon Space on Monday',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Mon Space'], ...MONDAY },
  },
  {
    text: 'Friday Lounge on Friday',
    expect: { intent: 'overview', metrics: [], rooms: ['Friday Lounge'], ...LAST_FRIDAY },
  },
  {
    text: 'noise in Huddle 3.2',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Huddle 3.2'], ...LAST_24H },
  },
  {
    text: 'temperature in Lab 2.1',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Lab 2.1'], ...LAST_24H },
  },
  {
    text: 'temperature in Huddle 3.2 at 9am',
    expect: {
      intent: 'query',
      rooms: ['Huddle 3.2'],
      from: '2026-11-18T08:30:00+01:00',
      to: '2026-11-18T09:30:00+01:00',
    },
  },
  {
    text: 'tvoc in Lab 2.1 on 2.11',
    expect: {
      intent: 'query',
      metrics: ['tvoc'],
      rooms: ['Lab 2.1'],
      from: '2026-11-02T00:00:00+01:00',
      to: '2026-11-03T00:00:00+01:00',
    },
  },
  {
    text: 'noise in March on 3 March',
    expect: {
      intent: 'query',
      rooms: ['March'],
      from: '2026-03-03T00:00:00+01:00',
      to: '2026-03-04T00:00:00+01:00',
    },
  },
  {
    text: 'temperature in March since March 1',
    expect: {
      intent: 'query',
      rooms: ['March'],
      from: '2026-03-01T00:00:00+01:00',
      to: '2026-11-18T14:30:00+01:00',
      aggregation: 'daily',
    },
  },
  {
    text: 'Mon Space since Monday',
    expect: { intent: 'overview', metrics: [], rooms: ['Mon Space'], from: MONDAY.from, to: TODAY.to },
  },
  {
    text: 'how was Mon Space this morning?',
    expect: {
      intent: 'overview',
      rooms: ['Mon Space'],
      from: '2026-11-18T06:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
    },
  },
  {
    text: 'is Friday Lounge busy right now',
    expect: { intent: 'current', metrics: ['peopleCount'], rooms: ['Friday Lounge'], ...LAST_HOUR },
  },
  {
    text: 'Huddle 3.2 vs Lab 2.1 humidity',
    expect: { intent: 'compare', metrics: ['humidity'], rooms: ['Huddle 3.2', 'Lab 2.1'], ...LAST_24H },
  },
  {
    text: 'temperature in Room 4 for the last 4 hours',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T10:30:00+01:00',
      to: '2026-11-18T14:30:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'people in Room 40 in the last 40 minutes',
    expect: {
      intent: 'query',
      rooms: ['Room 40'],
      from: '2026-11-18T13:50:00+01:00',
      to: '2026-11-18T14:30:00+01:00',
      aggregation: 'none',
    },
  },
  {
    text: 'March yesterday',
    expect: { intent: 'overview', metrics: [], rooms: ['March'], ...YESTERDAY },
  },
];
