/** "Overheats", "too dry", "crowded": a metric and a side of its comfort band, offered to confirm. */
import type { AskBackCase } from './types';

const offer = { intent: 'alert.create', offered: true, noTime: true, clarify: true } as const;

export const cases: AskBackCase[] = [
  {
    text: 'let me know if Fjord overheats',
    expect: { ...offer, metrics: ['temperature'], rooms: ['Fjord'], comfort: 'above' },
  },
  {
    text: 'tell me when the Boardroom gets too cold',
    expect: { ...offer, metrics: ['temperature'], rooms: ['Boardroom'], comfort: 'below' },
  },
  {
    text: 'warn me if Room 4 is too warm',
    expect: { ...offer, metrics: ['temperature'], rooms: ['Room 4'], comfort: 'above' },
  },
  {
    text: 'notify me when Huddle 3.2 gets stuffy',
    expect: { ...offer, metrics: ['tvoc'], rooms: ['Huddle 3.2'], comfort: 'above' },
  },
  {
    text: 'alert me if there is bad air in Lab 2.1',
    expect: { ...offer, metrics: ['tvoc'], rooms: ['Lab 2.1'], comfort: 'above' },
  },
  {
    text: 'ping me when Friday Lounge is noisy',
    expect: { ...offer, metrics: ['ambientNoise'], rooms: ['Friday Lounge'], comfort: 'above' },
  },
  {
    text: 'let us know if March gets too loud',
    expect: { ...offer, metrics: ['ambientNoise'], rooms: ['March'], comfort: 'above' },
  },
  {
    text: 'alert me when Ulriken is too dry',
    expect: { ...offer, metrics: ['humidity'], rooms: ['Ulriken'], comfort: 'below' },
  },
  {
    text: 'tell me if Fløyen gets too humid',
    expect: { ...offer, metrics: ['humidity'], rooms: ['Fløyen'], comfort: 'above' },
  },
  {
    text: 'warn me when Room 40 is crowded',
    expect: { ...offer, metrics: ['peopleCount'], rooms: ['Room 40'], comfort: 'above' },
  },
  {
    text: 'alert me if any room overheats',
    expect: { ...offer, metrics: ['temperature'], allWorkspaces: true, comfort: 'above' },
  },
  {
    before: ['let me know if Fjord overheats'],
    text: 'above 26',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 26 },
      noTime: true,
    },
    note: 'a threshold in reply to the offer replaces the comfort limit',
  },
  {
    before: ['tell me when the Boardroom gets too cold'],
    text: 'yes',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      comfort: 'below',
      offered: false,
      noTime: true,
    },
    note: 'a yes confirms the offered alert',
  },
  {
    before: ['notify me if it gets stuffy'],
    text: 'Boardroom',
    expect: { ...offer, metrics: ['tvoc'], rooms: ['Boardroom'], comfort: 'above' },
    note: 'the room asked for, then the alert is offered',
  },
];
