/**
 * Hold-out: threshold alerts and scheduled reports (create, list, delete/cancel). They have no
 * window. Written without reading the parser or the corpus.
 */
import type { CorpusCase } from '../corpus/types';
import { BERGEN, FLOOR_3 } from '../corpus/types';

export const cases: CorpusCase[] = [
  // -------------------------------------------------------------------------------------------
  // alerts
  // -------------------------------------------------------------------------------------------
  {
    text: 'ping me if the boardroom goes above 25°C',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      alert: { op: 'above', value: 25 },
      noTime: true,
    },
  },
  {
    text: 'let me know when humidity in Fløyen drops under 30%',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Fløyen'],
      alert: { op: 'below', value: 30 },
      noTime: true,
    },
  },
  {
    text: 'alert if Fjord temp is outside 19 to 23 degrees',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      alert: { op: 'outside', low: 19, high: 23 },
      noTime: true,
    },
  },
  {
    text: 'notify me when noise in huddle 3.2 exceeds 50 dB',
    expect: {
      intent: 'alert.create',
      metrics: ['ambientNoise'],
      rooms: ['Huddle 3.2'],
      alert: { op: 'above', value: 50 },
      noTime: true,
    },
  },
  {
    text: 'set up an alert: Room 40 headcount over 8',
    expect: {
      intent: 'alert.create',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      alert: { op: 'above', value: 8 },
      noTime: true,
    },
  },
  {
    text: 'warn me if any room gets hotter than 27 degrees',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      allWorkspaces: true,
      alert: { op: 'above', value: 27 },
      noTime: true,
    },
  },
  {
    text: 'alert me if VOC in Lab 2.1 goes over 500',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: ['Lab 2.1'],
      alert: { op: 'above', value: 500 },
      noTime: true,
    },
  },
  {
    text: 'can you tell me when march gets colder than 18?',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['March'],
      alert: { op: 'below', value: 18 },
      noTime: true,
    },
    note: '"march … 18" reads like a date, but March is a room and 18 the threshold.',
  },
  {
    text: 'alert me about temperature in the boardroom',
    expect: { intent: 'alert.create', metrics: ['temperature'], noTime: true, clarify: true },
    note: 'An alert without a threshold must be asked back about.',
  },
  {
    text: 'which alerts have I set up?',
    expect: { intent: 'alert.list', noTime: true },
  },
  {
    text: 'show me my active alerts pls',
    expect: { intent: 'alert.list', noTime: true },
  },
  {
    text: 'delete the boardroom temperature alert',
    expect: { intent: 'alert.delete', noTime: true },
  },
  {
    text: 'stop alerting me about fjord',
    expect: { intent: 'alert.delete', noTime: true },
  },

  // -------------------------------------------------------------------------------------------
  // reports
  // -------------------------------------------------------------------------------------------
  {
    text: 'send me a daily occupancy report for floor 3 at 8am',
    expect: {
      intent: 'report.subscribe',
      metrics: ['peopleCount'],
      rooms: FLOOR_3,
      report: { time: '08:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'every weekday at 7:30 pls send me the temp summary for Fjord',
    expect: {
      intent: 'report.subscribe',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      report: { time: '07:30', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'can I get a report on Boardroom bookings each morning at 9?',
    expect: {
      intent: 'report.subscribe',
      metrics: ['timeBooked'],
      rooms: ['Boardroom'],
      report: { time: '09:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'subscribe me to a weekday humidity report for Bergen at 16:00',
    expect: {
      intent: 'report.subscribe',
      metrics: ['humidity'],
      rooms: BERGEN,
      report: { time: '16:00', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'Mon-Fri at 8:15 send me the Room 4 noise report',
    expect: {
      intent: 'report.subscribe',
      metrics: ['ambientNoise'],
      rooms: ['Room 4'],
      report: { time: '08:15', days: 'weekdays' },
      noTime: true,
    },
    note: '"Mon-Fri" means the weekdays; "Mon" alone is not the room Mon Space.',
  },
  {
    text: 'daily report at 6pm for Ulriken temperature',
    expect: {
      intent: 'report.subscribe',
      metrics: ['temperature'],
      rooms: ['Ulriken'],
      report: { time: '18:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'every day at noon send me how busy the Kitchen Open Area was',
    expect: {
      intent: 'report.subscribe',
      metrics: ['peopleCount'],
      rooms: ['Kitchen Open Area'],
      report: { time: '12:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'what reports am I getting?',
    expect: { intent: 'report.list', noTime: true },
  },
  {
    text: 'list my report subscriptions',
    expect: { intent: 'report.list', noTime: true },
  },
  {
    text: 'unsubscribe me from the Fjord report',
    expect: { intent: 'report.cancel', noTime: true },
  },
  {
    text: 'stop sending me the daily summary',
    expect: { intent: 'report.cancel', noTime: true },
  },
];
