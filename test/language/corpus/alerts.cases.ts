/** Alerts: create (above / below / outside; no number → clarify), list, delete. Alerts carry no window. */
import type { CorpusCase } from './types';
import { BERGEN, FLOOR_3 } from './types';

export const cases: CorpusCase[] = [
  // --- alert.create ---
  {
    text: 'alert me when tvoc in Fjord goes above 500',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 500 },
      noTime: true,
    },
  },
  {
    text: 'warn if temperature in any room drops below 18',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      allWorkspaces: true,
      alert: { op: 'below', value: 18 },
      unit: 'celsius',
      noTime: true,
    },
  },
  {
    text: 'notify me when humidity in Boardroom is outside 30-60%',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Boardroom'],
      alert: { op: 'outside', low: 30, high: 60 },
      noTime: true,
    },
  },
  {
    text: 'alert me if Room 4 gets noisier than 55 dB',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: ['Room 4'],
      alert: { op: 'above', value: 55 },
      noTime: true,
    },
  },
  {
    text: 'tell me when more than 10 people are in the Boardroom',
    expect: {
      intent: 'alert.create',
      metrics: ['peopleCount'],
      rooms: ['Boardroom'],
      alert: { op: 'above', value: 10 },
      noTime: true,
    },
  },
  {
    text: 'alert when Lab 2.1 temperature exceeds 26',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      alert: { op: 'above', value: 26 },
      noTime: true,
    },
  },
  {
    text: 'ping me if humidity in Ulriken falls under 25%',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Ulriken'],
      alert: { op: 'below', value: 25 },
      noTime: true,
    },
  },
  {
    text: 'alert me when the temperature in Room 4 is not between 19 and 24',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      alert: { op: 'outside', low: 19, high: 24 },
      noTime: true,
    },
  },
  {
    text: 'alert me when noise on floor 3 goes over 60',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: FLOOR_3,
      alert: { op: 'above', value: 60 },
      noTime: true,
    },
  },
  {
    text: 'warn me if tvoc in Bergen rises above 300',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: BERGEN,
      alert: { op: 'above', value: 300 },
      noTime: true,
    },
  },
  {
    text: 'let me know if Room 40 gets louder than 70 dB',
    expect: {
      intent: 'alert.create',
      metrics: ['soundLevel'],
      rooms: ['Room 40'],
      alert: { op: 'above', value: 70 },
      noTime: true,
    },
  },
  {
    text: 'alert if humidity in Fløyen drops below 20 or goes above 70',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Fløyen'],
      alert: { op: 'outside', low: 20, high: 70 },
      noTime: true,
    },
    note: '"below A or above B" is the "outside A..B" alert',
  },
  {
    text: 'alert me when temperature in the Boardroom is below 19.5',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      alert: { op: 'below', value: 19.5 },
      noTime: true,
    },
  },
  {
    text: 'create an alert: people count in Huddle 3.2 above 4',
    expect: {
      intent: 'alert.create',
      metrics: ['peopleCount'],
      rooms: ['Huddle 3.2'],
      alert: { op: 'above', value: 4 },
      noTime: true,
    },
  },
  {
    text: 'alert me if it gets warmer than 25 degrees in Fjord',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 25 },
      noTime: true,
    },
  },
  {
    text: 'alert me if any room gets more crowded than 12 people',
    expect: {
      intent: 'alert.create',
      metrics: ['peopleCount'],
      allWorkspaces: true,
      alert: { op: 'above', value: 12 },
      noTime: true,
    },
  },

  // --- alert.create without a number: clarify ---
  {
    text: 'alert me when Room 40 is too hot',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Room 40'],
      clarify: true,
      noTime: true,
    },
  },
  {
    text: 'set up an alert for noise in Fjord',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: ['Fjord'],
      clarify: true,
      noTime: true,
    },
  },
  {
    text: 'warn me if the Boardroom gets stuffy',
    expect: { intent: 'alert.create', metrics: ['tvoc'], rooms: ['Boardroom'], clarify: true, noTime: true },
  },

  // --- alert.list ---
  { text: 'list my alerts', expect: { intent: 'alert.list', noTime: true } },
  { text: 'what alerts are set?', expect: { intent: 'alert.list', noTime: true } },
  { text: 'show alerts', expect: { intent: 'alert.list', noTime: true } },
  { text: 'which alerts do I have?', expect: { intent: 'alert.list', noTime: true } },

  // --- alert.delete ---
  {
    text: 'delete the tvoc alert for Fjord',
    expect: { intent: 'alert.delete', metrics: ['tvoc'], rooms: ['Fjord'], noTime: true },
  },
  { text: 'remove alert 2', expect: { intent: 'alert.delete', noTime: true } },
  {
    text: 'cancel the humidity alert',
    expect: { intent: 'alert.delete', metrics: ['humidity'], noTime: true },
  },
  {
    text: 'stop alerting me about Room 4',
    expect: { intent: 'alert.delete', rooms: ['Room 4'], noTime: true },
  },
  // A threshold written in °F makes the request fahrenheit (the rule is stored in °C).
  {
    text: 'alert me when temperature in Room 4 goes above 80F',
    expect: {
      intent: 'alert.create',
      rooms: ['Room 4'],
      metrics: ['temperature'],
      unit: 'fahrenheit',
      noTime: true,
    },
  },
];
