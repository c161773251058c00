/**
 * Room matching (case, accents, punctuation, spacing, typos), numbers exact, floors, locations, all rooms.
 * Questions about several rooms name two metrics here, so that they are plainly a query (a compare is
 * one metric over several rooms).
 */
import type { CorpusCase } from './types';
import {
  BERGEN,
  BERGEN_FLOOR_2,
  FLOOR_1,
  FLOOR_3,
  LAST_24H,
  OSLO,
  OSLO_FLOOR_2,
  THIS_WEEK,
  TODAY,
  YESTERDAY,
} from './types';

export const cases: CorpusCase[] = [
  // --- case, accents, punctuation, spacing ---
  {
    text: 'temperature in board room yesterday',
    expect: { intent: 'query', rooms: ['Boardroom'], metrics: ['temperature'], ...YESTERDAY },
  },
  {
    text: 'humidity in BOARDROOM today',
    expect: { intent: 'query', rooms: ['Boardroom'], metrics: ['humidity'] },
  },
  { text: 'noise in the boardroom', expect: { intent: 'query', rooms: ['Boardroom'], ...LAST_24H } },
  { text: 'temperature in Floyen today', expect: { intent: 'query', rooms: ['Fløyen'], ...TODAY } },
  {
    text: 'people in FLØYEN today',
    expect: { intent: 'query', rooms: ['Fløyen'], metrics: ['peopleCount'] },
  },
  { text: 'humidity in floyen yesterday', expect: { intent: 'query', rooms: ['Fløyen'], ...YESTERDAY } },
  {
    text: 'tvoc in lab 2.1 today',
    expect: { intent: 'query', rooms: ['Lab 2.1'], metrics: ['tvoc'], ...TODAY },
  },
  { text: 'tvoc in LAB2.1 yesterday', expect: { intent: 'query', rooms: ['Lab 2.1'], ...YESTERDAY } },
  { text: 'noise in lab-2.1 yesterday', expect: { intent: 'query', rooms: ['Lab 2.1'], ...YESTERDAY } },
  { text: 'temperature in huddle3.2 today', expect: { intent: 'query', rooms: ['Huddle 3.2'], ...TODAY } },
  { text: 'noise in room4 today', expect: { intent: 'query', rooms: ['Room 4'], ...TODAY } },
  {
    text: 'humidity in the kitchen open area',
    expect: { intent: 'query', rooms: ['Kitchen Open Area'], ...LAST_24H },
  },
  { text: 'noise in focus booth 1 today', expect: { intent: 'query', rooms: ['Focus Booth 1'], ...TODAY } },
  { text: 'people in ulriken yesterday', expect: { intent: 'query', rooms: ['Ulriken'], ...YESTERDAY } },

  // --- numbers match exactly ---
  {
    text: 'humidity in Room 4 yesterday',
    expect: { intent: 'query', rooms: ['Room 4'], allWorkspaces: false, ...YESTERDAY },
  },
  {
    text: 'humidity in room 40 yesterday',
    expect: { intent: 'query', rooms: ['Room 40'], allWorkspaces: false, ...YESTERDAY },
  },
  {
    text: 'noise and people in Room 4 and Room 40 yesterday',
    expect: {
      intent: 'query',
      rooms: ['Room 4', 'Room 40'],
      metrics: ['ambientNoise', 'peopleCount'],
      ...YESTERDAY,
    },
  },

  // --- small typos ---
  { text: 'temperature in the Bordroom today', expect: { intent: 'query', rooms: ['Boardroom'], ...TODAY } },
  { text: 'humidity in Fjrod yesterday', expect: { intent: 'query', rooms: ['Fjord'], ...YESTERDAY } },
  { text: 'noise in Ulrikn today', expect: { intent: 'query', rooms: ['Ulriken'], ...TODAY } },
  { text: 'people in Huddel 3.2 today', expect: { intent: 'query', rooms: ['Huddle 3.2'], ...TODAY } },
  {
    text: 'tvoc in Kitchen Opne Area today',
    expect: { intent: 'query', rooms: ['Kitchen Open Area'], ...TODAY },
  },

  // --- floors ---
  {
    text: 'temperature and humidity on floor 3 yesterday',
    expect: { intent: 'query', rooms: FLOOR_3, allWorkspaces: false, ...YESTERDAY },
  },
  {
    text: 'noise and occupancy on the 3rd floor today',
    expect: { intent: 'query', rooms: FLOOR_3, metrics: ['ambientNoise', 'peopleCount'], ...TODAY },
  },
  {
    text: 'humidity and tvoc third floor this week',
    expect: { intent: 'query', rooms: FLOOR_3, ...THIS_WEEK },
  },
  {
    text: 'people and noise on floor 1 today',
    expect: { intent: 'query', rooms: FLOOR_1, ...TODAY },
  },
  {
    text: 'temperature on floor 1 in Bergen',
    expect: { intent: 'query', rooms: ['March'], ...LAST_24H },
  },
  {
    text: 'tvoc and humidity on floor 2 at Oslo HQ today',
    expect: { intent: 'query', rooms: OSLO_FLOOR_2, ...TODAY },
  },
  {
    text: 'noise and sound level on the 2nd floor in Bergen yesterday',
    expect: { intent: 'query', rooms: BERGEN_FLOOR_2, ...YESTERDAY },
  },

  // --- locations ---
  {
    text: 'temperature and humidity in Bergen today',
    expect: { intent: 'query', rooms: BERGEN, allWorkspaces: false, ...TODAY },
  },
  {
    text: 'humidity and air quality at Oslo HQ yesterday',
    expect: { intent: 'query', rooms: OSLO, ...YESTERDAY },
  },
  {
    text: 'occupancy and bookings at the Bergen Office this week',
    expect: { intent: 'query', rooms: BERGEN, metrics: ['peopleCount', 'timeBooked'], ...THIS_WEEK },
  },
  {
    text: 'noise and people in Oslo today',
    expect: { intent: 'query', rooms: OSLO, ...TODAY },
  },

  // --- every room ---
  {
    text: 'temperature and humidity in all rooms today',
    expect: { intent: 'query', allWorkspaces: true, metrics: ['temperature', 'humidity'], ...TODAY },
  },
  {
    text: 'humidity and tvoc in every room yesterday',
    expect: { intent: 'query', allWorkspaces: true, ...YESTERDAY },
  },
  {
    text: 'noise and loudness in any room yesterday',
    expect: { intent: 'query', allWorkspaces: true, ...YESTERDAY },
  },
  {
    text: 'tvoc and people across all rooms this week',
    expect: { intent: 'query', allWorkspaces: true, metrics: ['tvoc', 'peopleCount'], ...THIS_WEEK },
  },
];
