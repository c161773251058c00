/** Unknown rooms: suggest only near names, or offer to list the rooms; never unrelated names. */
import type { AskBackCase } from './types';

const unknown = { clarify: true } as const;

export const cases: AskBackCase[] = [
  {
    text: 'temperature in Room 99',
    expect: { ...unknown, intent: 'query', suggestsOnly: ['Room 4', 'Room 40'], offersRoomList: true },
    note: 'revised after the blind run: the corpus counts the same name with another number as near ("Lab 3" → Lab 2.1); blind it expected no suggestion',
  },
  {
    text: 'how warm is it in Huddle 3.3',
    expect: { ...unknown, intent: 'current', suggestsOnly: ['Huddle 3.2'] },
  },
  { text: 'tvoc in Room 41', expect: { ...unknown, intent: 'query', suggestsOnly: ['Room 4', 'Room 40'] } },
  {
    text: 'temperature in the Penthouse',
    expect: { ...unknown, intent: 'query', suggestsOnly: [], offersRoomList: true },
  },
  {
    text: 'how noisy was it in the Atrium yesterday',
    expect: { ...unknown, intent: 'query', suggestsOnly: [], offersRoomList: true },
  },
  { text: 'people count in Lab 2.2', expect: { ...unknown, intent: 'query', suggestsOnly: ['Lab 2.1'] } },
  {
    text: 'alert me when temperature in Room 77 goes above 25',
    expect: {
      ...unknown,
      intent: 'alert.create',
      suggestsOnly: ['Room 4', 'Room 40'],
      offersRoomList: true,
      noTime: true,
    },
    note: 'revised after the blind run, as "Room 99": the same name with another number is near',
  },
  { text: 'humidity in Fjordd', expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fjord'] } },
];
