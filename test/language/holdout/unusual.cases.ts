/**
 * Hold-out: "what is unusual" — readings unlike a room's own usual for the same weekday and hour.
 * Written before "unusual" was understood.
 *
 * Across a scope (no room, a floor, a site) "unusual" asks what is wrong or odd there: the problems
 * answer, which also names the rooms unusual now (for small scopes). About one room without a
 * metric it is that room's overview (as "anything unusual in Lab 2.1 over the weekend?" in the
 * queries hold-out); with a metric it is that metric's answer, which says when a value is unusual.
 */
import type { CorpusCase } from '../corpus/types';
import {
  ALL_ROOMS,
  BERGEN,
  FLOOR_1,
  FLOOR_2,
  FLOOR_3,
  LAST_HOUR,
  OSLO,
  THIS_WEEK,
  TODAY,
} from '../corpus/types';

const everywhere = { intent: 'problems', rooms: ALL_ROOMS, allWorkspaces: true } as const;

export const cases: CorpusCase[] = [
  { text: "what's unusual today?", expect: { ...everywhere, ...TODAY } },
  {
    text: 'anything out of the ordinary on floor 2?',
    expect: { intent: 'problems', rooms: FLOOR_2, ...TODAY },
  },
  { text: 'anything unusual in Bergen?', expect: { intent: 'problems', rooms: BERGEN, ...TODAY } },
  { text: 'is anything abnormal right now', expect: { ...everywhere, ...TODAY } },
  { text: 'which rooms are behaving unusually', expect: { ...everywhere, ...TODAY } },
  { text: 'any anomalies on floor 3 today?', expect: { intent: 'problems', rooms: FLOOR_3, ...TODAY } },
  { text: 'anything strange going on in Oslo HQ?', expect: { intent: 'problems', rooms: OSLO, ...TODAY } },
  { text: 'anything out of the ordinary this week?', expect: { ...everywhere, ...THIS_WEEK } },
  { text: 'unusual readings on floor 1?', expect: { intent: 'problems', rooms: FLOOR_1, ...TODAY } },
  { text: 'what looks odd in the building today', expect: { ...everywhere, ...TODAY } },
  {
    text: 'anything unusual in Room 4 today?',
    expect: { intent: 'overview', rooms: ['Room 4'], ...TODAY },
    note: 'One room without a metric: its overview, which says what is unusual for it.',
  },
  {
    text: 'is the noise in Room 40 unusual right now?',
    expect: {
      intent: 'current',
      metrics: ['ambientNoise'],
      rooms: ['Room 40'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
    note: 'A metric of one room now: the current answer, which says whether it is unusual here.',
  },
  {
    text: 'is Fjord unusually warm at the moment?',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
    note: 'A metric of one room now: the current answer, which says whether it is unusual here.',
  },
];
