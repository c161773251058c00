/**
 * Hold-out: "what is wrong now / today" — the rooms outside their comfort band now or during
 * today's working hours, with since when and how far out. Written before the intent existed.
 *
 * With no time named the answer looks at today (since 00:00 local) up to now, and "now" is judged
 * on the latest reading: "right now" and "at the moment" keep that window (the card says what is
 * wrong now and what was wrong earlier today). No room named means every room. Past-tense "how was
 * X yesterday?" stays an overview (corpus and queries hold-out); present-tense "how is X doing?"
 * without a metric asks whether anything is wrong there.
 */
import type { CorpusCase } from '../corpus/types';
import { ALL_ROOMS, BERGEN, FLOOR_2, FLOOR_3, OSLO, THIS_WEEK, TODAY, YESTERDAY } from '../corpus/types';

const everywhere = { intent: 'problems', rooms: ALL_ROOMS, allWorkspaces: true } as const;

export const cases: CorpusCase[] = [
  { text: 'any problems?', expect: { ...everywhere, ...TODAY } },
  { text: 'any problems today?', expect: { ...everywhere, ...TODAY } },
  { text: 'is anything off on floor 3?', expect: { intent: 'problems', rooms: FLOOR_3, ...TODAY } },
  { text: 'how is Bergen doing?', expect: { intent: 'problems', rooms: BERGEN, ...TODAY } },
  {
    text: "what's wrong right now",
    expect: { ...everywhere, ...TODAY },
    note: 'The answer judges "now" on the latest reading and still shows what went wrong earlier today.',
  },
  { text: 'anything I should know about today', expect: { ...everywhere, ...TODAY } },
  { text: 'which rooms need attention', expect: { ...everywhere, ...TODAY } },
  { text: 'are there issues in Oslo HQ', expect: { intent: 'problems', rooms: OSLO, ...TODAY } },
  { text: 'any problems this week?', expect: { ...everywhere, ...THIS_WEEK } },
  { text: 'how is the Boardroom doing?', expect: { intent: 'problems', rooms: ['Boardroom'], ...TODAY } },
  { text: 'is everything ok in Bergen?', expect: { intent: 'problems', rooms: BERGEN, ...TODAY } },
  { text: 'any rooms out of range on floor 2?', expect: { intent: 'problems', rooms: FLOOR_2, ...TODAY } },
  { text: 'are any rooms uncomfortable at the moment?', expect: { ...everywhere, ...TODAY } },
  {
    text: 'anything wrong in Fjord yesterday?',
    expect: { intent: 'problems', rooms: ['Fjord'], ...YESTERDAY },
  },
  { text: 'how are the rooms doing', expect: { ...everywhere, ...TODAY } },
  { text: 'what needs fixing in Oslo?', expect: { intent: 'problems', rooms: OSLO, ...TODAY } },
];
