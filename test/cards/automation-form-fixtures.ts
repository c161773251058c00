import type { AlertFormView } from '../../src/cards';
import { EVIL } from './fixtures';

/** Rooms for the forms, one of them named with hostile text. */
export const FORM_ROOMS = [
  { id: 'ws-room-4', name: 'Room 4' },
  { id: 'ws-fjord', name: 'Fjord' },
  { id: 'ws-evil', name: EVIL },
];

export function alertFormView(overrides: Partial<AlertFormView> = {}): AlertFormView {
  return {
    rooms: FORM_ROOMS,
    metrics: [
      { value: 'temperature', title: 'temperature' },
      { value: 'tvoc', title: 'air quality (TVOC)' },
    ],
    thresholdUnits: '°C, %, ppb, dBA, people',
    ...overrides,
  };
}
