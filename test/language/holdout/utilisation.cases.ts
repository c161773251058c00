/**
 * Hold-out: utilisation — booked vs used hours, ghost bookings (booked, nobody detected), rooms too
 * big or too small for the people who use them. Written before the intent existed.
 *
 * Deliberate choice: questions about plain "utilisation", "used" or "booked" already parse as
 * `query`/`rank`/`compare` of timeUsed/timeBooked (corpus and older hold-out cases); they stay so,
 * and the query and rank handlers answer a request of only those measurements with the utilisation
 * card. The new intent `utilisation` is for what those words cannot say: ghost bookings, no-shows,
 * booked-but-empty, room size against the people in it. With no time named it looks at the last
 * 7 days (a day says little about how rooms are used).
 */
import type { CorpusCase } from '../corpus/types';
import {
  ALL_ROOMS,
  BERGEN,
  DEFAULT_NOW,
  FLOOR_2,
  FLOOR_3,
  LAST_WEEK,
  THIS_WEEK,
  YESTERDAY,
} from '../corpus/types';

const THIS_MONTH = { from: '2026-11-01T00:00:00+01:00', to: DEFAULT_NOW } as const;
const OCTOBER = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' } as const;
const LAST_7_DAYS = { from: '2026-11-11T14:30:00+01:00', to: DEFAULT_NOW } as const;
const everywhere = { intent: 'utilisation', rooms: ALL_ROOMS, allWorkspaces: true } as const;

export const cases: CorpusCase[] = [
  { text: 'which rooms are booked but empty?', expect: { ...everywhere, ...LAST_7_DAYS } },
  { text: 'rooms with the most ghost bookings last week', expect: { ...everywhere, ...LAST_WEEK } },
  {
    text: 'how many hours was the boardroom booked but nobody showed up this month?',
    expect: { intent: 'utilisation', rooms: ['Boardroom'], ...THIS_MONTH },
  },
  {
    text: 'any no-shows in Bergen yesterday?',
    expect: { intent: 'utilisation', rooms: BERGEN, ...YESTERDAY },
  },
  {
    text: 'ghost meetings on floor 3 this week',
    expect: { intent: 'utilisation', rooms: FLOOR_3, ...THIS_WEEK },
  },
  { text: 'which rooms were booked but not used last week?', expect: { ...everywhere, ...LAST_WEEK } },
  { text: 'which rooms are oversized this month?', expect: { ...everywhere, ...THIS_MONTH } },
  { text: 'are any rooms too big for the people using them?', expect: { ...everywhere, ...LAST_7_DAYS } },
  { text: 'are any rooms too small for their meetings last week', expect: { ...everywhere, ...LAST_WEEK } },
  {
    text: 'booked but unused hours in Fjord last month',
    expect: { intent: 'utilisation', rooms: ['Fjord'], ...OCTOBER },
  },
  {
    text: 'no show rate for Room 40 this week',
    expect: { intent: 'utilisation', rooms: ['Room 40'], ...THIS_WEEK },
  },
  {
    text: 'how often is the Boardroom booked and then left empty?',
    expect: { intent: 'utilisation', rooms: ['Boardroom'], ...LAST_7_DAYS },
  },
  {
    text: 'peak occupancy vs capacity on floor 2 this week',
    expect: { intent: 'utilisation', rooms: FLOOR_2, ...THIS_WEEK },
  },
  {
    text: 'boardroom utilisation this month',
    expect: { intent: 'query', metrics: ['timeUsed'], rooms: ['Boardroom'], ...THIS_MONTH },
    note: 'Plain "utilisation" of one room stays a query of time used (as the corpus has it); the handler answers it with the utilisation card and its weekly chart.',
  },
  {
    text: 'least used rooms this month',
    expect: {
      intent: 'rank',
      metrics: ['timeUsed'],
      allWorkspaces: true,
      ...THIS_MONTH,
      rank: { order: 'asc' },
    },
    note: 'A ranking by time used stays a rank of timeUsed (as the hold-out has "least utilised rooms"); the rank handler answers it with the utilisation table, least used first.',
  },
  {
    text: 'how were the Bergen rooms utilised last week',
    expect: { intent: 'query', metrics: ['timeUsed'], rooms: BERGEN, ...LAST_WEEK },
    note: 'Plain "utilised" over several rooms stays a query of time used; answered with the utilisation table.',
  },
];
