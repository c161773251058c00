/** Plain-word replies to an ask-back: they fill the part the ask-back asked for. */
import { FLOOR_3, LAST_24H, LAST_HOUR, YESTERDAY } from '../corpus/types';
import type { AskBackCase } from './types';

export const cases: AskBackCase[] = [
  // which threshold?
  {
    before: ['alert me about the temperature in Fjord'],
    text: 'above 26',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 26 },
      noTime: true,
    },
  },
  {
    before: ['notify me about tvoc in Boardroom'],
    text: 'over 500',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: ['Boardroom'],
      alert: { op: 'above', value: 500 },
      noTime: true,
    },
  },
  {
    before: ['warn me about humidity in Ulriken'],
    text: 'when it drops under 25',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      alert: { op: 'below', value: 25 },
      noTime: true,
    },
  },
  {
    before: ['set up an alert for noise in Room 40'],
    text: 'more than 55 dB',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: ['Room 40'],
      alert: { op: 'above', value: 55 },
      noTime: true,
    },
  },
  // which room? (set-ups)
  {
    before: ['alert me when it goes above 25 degrees'],
    text: 'Boardroom',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      alert: { op: 'above', value: 25 },
      noTime: true,
    },
  },
  {
    before: ['alert me when noise goes above 50'],
    text: 'all rooms',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      alert: { op: 'above', value: 50 },
      noTime: true,
    },
  },
  {
    before: ['set an alert for humidity under 30'],
    text: 'floor 3',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: FLOOR_3,
      alert: { op: 'below', value: 30 },
      noTime: true,
    },
  },
  {
    before: ['alert me when the temperature drops below 19'],
    text: 'the first one',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      alert: { op: 'below', value: 19 },
      noTime: true,
    },
    note: 'the first option of "which room?" is the first room of the directory',
  },
  {
    before: ['daily report at 9'],
    text: 'everywhere',
    expect: {
      intent: 'report.subscribe',
      allWorkspaces: true,
      report: { time: '09:00', days: 'daily' },
      noTime: true,
    },
  },
  // which room? (questions)
  {
    before: ['how warm is it?'],
    text: 'the second one',
    expect: { intent: 'current', metrics: ['temperature'], rooms: ['Room 40'], ...LAST_HOUR },
    note: 'the second option of "which room?" is the second room of the directory',
  },
  {
    before: ['show me the noise levels'],
    text: 'the second',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 40'], ...LAST_24H },
  },
  {
    before: ['what was the humidity yesterday'],
    text: 'all of them',
    expect: { intent: 'query', metrics: ['humidity'], allWorkspaces: true, ...YESTERDAY },
    note: '"all of them" after "which room?" is every room',
  },
  {
    before: ['how loud was it yesterday'],
    text: 'Fjord please',
    expect: { intent: 'query', metrics: ['soundLevel'], rooms: ['Fjord'], ...YESTERDAY },
  },
  // which measurement?
  {
    before: ['ping me if Room 40 goes over 55'],
    text: 'the noise one',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: ['Room 40'],
      alert: { op: 'above', value: 55 },
      noTime: true,
    },
  },
  {
    before: ['tell me when Boardroom drops below 21'],
    text: 'temperature',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      alert: { op: 'below', value: 21 },
      noTime: true,
    },
  },
  {
    before: ['let me know when Huddle 3.2 exceeds 8'],
    text: 'people count',
    expect: {
      intent: 'alert.create',
      metrics: ['peopleCount'],
      rooms: ['Huddle 3.2'],
      alert: { op: 'above', value: 8 },
      noTime: true,
    },
  },
  {
    before: ['alert me when Fjord gets above 600'],
    text: 'the air quality one',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 600 },
      noTime: true,
    },
  },
  {
    before: ['notify me if Lab 2.1 goes above 45'],
    text: 'the first one',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      alert: { op: 'above', value: 45 },
      noTime: true,
    },
    note: 'the first option of "which measurement?" is temperature',
  },
  {
    before: ['co2 in Fjord today'],
    text: 'the noise one',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Fjord'] },
  },
  // which period?
  {
    before: ['temperature in Room 4 tomorrow'],
    text: 'yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
    note: 'the refused window is asked again; a time answers that ask-back (never a later question)',
  },
  {
    before: ['humidity in Boardroom next week'],
    text: 'the second one',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Boardroom'], ...YESTERDAY },
    note: 'the options are today, yesterday, last 24 hours',
  },
];
