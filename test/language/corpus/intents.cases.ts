/** One phrase per way of asking: query, current, overview, compare, rooms (rank, alerts, reports, settings elsewhere). */
import type { CorpusCase } from './types';
import {
  BERGEN,
  FLOOR_2,
  FLOOR_3,
  LAST_24H,
  LAST_HOUR,
  LAST_WEEK,
  MONDAY,
  OSLO,
  THIS_WEEK,
  TODAY,
  YESTERDAY,
} from './types';

export const cases: CorpusCase[] = [
  // --- query: metrics of rooms over a range ---
  {
    text: 'temperature in Room 4 yesterday',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...YESTERDAY,
      aggregation: 'hourly',
      unit: 'celsius',
    },
  },
  {
    text: 'show me the humidity in Fjord today',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fjord'], ...TODAY, aggregation: 'hourly' },
  },
  {
    text: 'graph the noise in the Boardroom this week',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise'],
      rooms: ['Boardroom'],
      ...THIS_WEEK,
      aggregation: 'hourly',
    },
  },
  {
    text: 'temperature in Fjord',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      ...LAST_24H,
      aggregation: 'hourly',
      unit: 'celsius',
    },
  },
  {
    text: 'people count in Room 40 last week',
    expect: {
      intent: 'query',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      ...LAST_WEEK,
      aggregation: 'hourly',
    },
  },
  {
    text: 'plot tvoc for Ulriken on Monday',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Ulriken'], ...MONDAY, aggregation: 'hourly' },
  },
  {
    text: 'What was the humidity in Lab 2.1?',
    expect: {
      intent: 'query',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      ...LAST_24H,
      aggregation: 'hourly',
    },
    note: 'past tense without a time expression is not "current": a query over the default window',
  },

  // --- current: the present value, the last hour, raw readings ---
  {
    text: "what's the humidity in Lab 2.1?",
    expect: {
      intent: 'current',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'temperature in Room 4 now',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...LAST_HOUR,
      aggregation: 'none',
      unit: 'celsius',
    },
  },
  {
    text: 'how noisy is Fjord right now?',
    expect: {
      intent: 'current',
      metrics: ['ambientNoise'],
      rooms: ['Fjord'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'current tvoc in Ulriken',
    expect: { intent: 'current', metrics: ['tvoc'], rooms: ['Ulriken'], ...LAST_HOUR, aggregation: 'none' },
  },
  {
    text: 'is the Boardroom busy?',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'how many people are in Room 40?',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: 'How warm is it in Fløyen currently?',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Fløyen'],
      ...LAST_HOUR,
      aggregation: 'none',
      unit: 'celsius',
    },
  },
  {
    text: 'what is the sound level in Huddle 3.2 right now',
    expect: {
      intent: 'current',
      metrics: ['soundLevel'],
      rooms: ['Huddle 3.2'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },

  // --- overview: a room, no metric ---
  {
    text: 'how was Room 4 today?',
    expect: { intent: 'overview', metrics: [], rooms: ['Room 4'], ...TODAY, aggregation: 'hourly' },
  },
  {
    text: 'how was the Boardroom yesterday?',
    expect: { intent: 'overview', metrics: [], rooms: ['Boardroom'], ...YESTERDAY },
  },
  {
    text: 'tell me about Fjord',
    expect: { intent: 'overview', metrics: [], rooms: ['Fjord'], ...LAST_24H },
  },
  {
    text: 'give me an overview of Lab 2.1 this week',
    expect: { intent: 'overview', metrics: [], rooms: ['Lab 2.1'], ...THIS_WEEK },
  },
  {
    text: 'Ulriken last week',
    expect: { intent: 'overview', metrics: [], rooms: ['Ulriken'], ...LAST_WEEK },
  },
  {
    text: 'summary for Huddle 3.2 on Monday',
    expect: { intent: 'overview', metrics: [], rooms: ['Huddle 3.2'], ...MONDAY },
  },

  // --- compare: one metric, several rooms ---
  {
    text: 'compare humidity in Fjord and Fløyen',
    expect: { intent: 'compare', metrics: ['humidity'], rooms: ['Fjord', 'Fløyen'], ...LAST_24H },
  },
  {
    text: 'temperature in Room 4 vs Room 40',
    expect: {
      intent: 'compare',
      metrics: ['temperature'],
      rooms: ['Room 4', 'Room 40'],
      ...LAST_24H,
      unit: 'celsius',
    },
  },
  {
    text: 'compare noise in the Boardroom and Ulriken yesterday',
    expect: { intent: 'compare', metrics: ['ambientNoise'], rooms: ['Boardroom', 'Ulriken'], ...YESTERDAY },
  },
  {
    text: 'was Fjord warmer than the Boardroom yesterday?',
    expect: { intent: 'compare', metrics: ['temperature'], rooms: ['Fjord', 'Boardroom'], ...YESTERDAY },
  },
  {
    text: 'occupancy Room 4 versus Friday Lounge this week',
    expect: { intent: 'compare', metrics: ['peopleCount'], rooms: ['Room 4', 'Friday Lounge'], ...THIS_WEEK },
  },
  {
    text: 'compare tvoc across floor 3 today',
    expect: { intent: 'compare', metrics: ['tvoc'], rooms: FLOOR_3, ...TODAY },
  },

  // --- rooms: the directory ---
  { text: 'list rooms', expect: { intent: 'rooms', noTime: true } },
  { text: 'what rooms are on floor 2?', expect: { intent: 'rooms', rooms: FLOOR_2, noTime: true } },
  { text: 'rooms in Bergen', expect: { intent: 'rooms', rooms: BERGEN, noTime: true } },
  { text: 'which rooms do you know about?', expect: { intent: 'rooms', noTime: true } },
  { text: 'show me the rooms at Oslo HQ', expect: { intent: 'rooms', rooms: OSLO, noTime: true } },
  { text: 'list all rooms', expect: { intent: 'rooms', allWorkspaces: true, noTime: true } },
  { text: 'what rooms are on the 3rd floor', expect: { intent: 'rooms', rooms: FLOOR_3, noTime: true } },
  { text: 'rooms on floor 1 in Bergen', expect: { intent: 'rooms', rooms: ['March'], noTime: true } },
];
