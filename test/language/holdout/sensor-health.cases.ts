/**
 * Hold-out: sensor health — which devices stopped reporting, recurring gaps, impossible values
 * ("which sensors are offline?"). Written before the intent existed. The answer has its own fixed
 * look-back, so no case has a window; no room named means every room.
 */
import type { CorpusCase } from '../corpus/types';
import { ALL_ROOMS, BERGEN, FLOOR_2, FLOOR_3, OSLO } from '../corpus/types';

const everywhere = { intent: 'health', rooms: ALL_ROOMS, allWorkspaces: true, noTime: true } as const;

export const cases: CorpusCase[] = [
  { text: 'which sensors are offline?', expect: everywhere },
  { text: 'any dead sensors?', expect: everywhere },
  { text: 'show me broken sensors', expect: everywhere },
  { text: 'are all the sensors reporting?', expect: everywhere },
  { text: 'which devices stopped sending data', expect: everywhere },
  { text: 'which rooms have stopped reporting', expect: everywhere },
  { text: 'any sensors giving impossible readings?', expect: everywhere },
  { text: 'sensor health', expect: everywhere },
  {
    text: 'sensor health on floor 2',
    expect: { intent: 'health', rooms: FLOOR_2, noTime: true },
    note: '"floor 2" names a floor in both locations, as elsewhere in the corpus.',
  },
  {
    text: 'is the sensor in Lab 2.1 working?',
    expect: { intent: 'health', rooms: ['Lab 2.1'], noTime: true },
  },
  {
    text: 'is anything wrong with the sensors in Oslo?',
    expect: { intent: 'health', rooms: OSLO, noTime: true },
  },
  {
    text: 'has the Boardroom sensor gone quiet?',
    expect: { intent: 'health', rooms: ['Boardroom'], noTime: true },
  },
  { text: 'is the Fjord device online', expect: { intent: 'health', rooms: ['Fjord'], noTime: true } },
  { text: 'sensor check Bergen', expect: { intent: 'health', rooms: BERGEN, noTime: true } },
  {
    text: 'any gaps in the sensor data on floor 3?',
    expect: { intent: 'health', rooms: FLOOR_3, noTime: true },
  },
  { text: 'are the Room 4 sensors ok', expect: { intent: 'health', rooms: ['Room 4'], noTime: true } },
];
