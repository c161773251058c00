/** Reports: subscribe ({time "HH:MM", days daily|weekdays}), list, cancel. Reports carry no window. */
import type { CorpusCase } from './types';
import { BERGEN, FLOOR_2, FLOOR_3 } from './types';

export const cases: CorpusCase[] = [
  // --- report.subscribe ---
  {
    text: 'daily report for Room 4 and Boardroom at 8:00',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Room 4', 'Boardroom'],
      report: { time: '08:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'every weekday at 7am post a report for floor 3',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_3,
      report: { time: '07:00', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'daily report for all rooms at 9',
    expect: {
      intent: 'report.subscribe',
      allWorkspaces: true,
      report: { time: '09:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'send me a report on Fjord every day at 17:30',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Fjord'],
      report: { time: '17:30', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'weekday report for Bergen at 8.30',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '08:30', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'subscribe to a daily report for Lab 2.1 at 6pm',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Lab 2.1'],
      report: { time: '18:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'every day at 7:15 send a report on Room 40',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Room 40'],
      report: { time: '07:15', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'report on floor 2 every weekday at 9am',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_2,
      report: { time: '09:00', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'daily temperature report for Fløyen at 08:00',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Fløyen'],
      report: { time: '08:00', days: 'daily' },
      noTime: true,
    },
  },
  {
    text: 'Mon-Fri report for the Boardroom at 16:00',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Boardroom'],
      report: { time: '16:00', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'every weekday at noon post a report for March',
    expect: {
      intent: 'report.subscribe',
      rooms: ['March'],
      report: { time: '12:00', days: 'weekdays' },
      noTime: true,
    },
  },
  {
    text: 'daily report for Friday Lounge at 10:00',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Friday Lounge'],
      report: { time: '10:00', days: 'daily' },
      noTime: true,
    },
  },
  // Impossible times are asked back, never guessed.
  {
    text: 'daily report for Room 4 at 25:00',
    expect: { intent: 'report.subscribe', rooms: ['Room 4'], clarify: true, noTime: true },
  },
  {
    text: 'daily report for Fjord at 8:75',
    expect: { intent: 'report.subscribe', rooms: ['Fjord'], clarify: true, noTime: true },
  },

  // --- report.list ---
  { text: 'list my reports', expect: { intent: 'report.list', noTime: true } },
  { text: 'what reports am I subscribed to?', expect: { intent: 'report.list', noTime: true } },
  { text: 'which reports are scheduled?', expect: { intent: 'report.list', noTime: true } },

  // --- report.cancel ---
  { text: 'stop the daily report', expect: { intent: 'report.cancel', noTime: true } },
  { text: 'cancel report for floor 3', expect: { intent: 'report.cancel', rooms: FLOOR_3, noTime: true } },
  {
    text: 'unsubscribe from the Room 4 report',
    expect: { intent: 'report.cancel', rooms: ['Room 4'], noTime: true },
  },
  { text: 'stop sending me the weekday report', expect: { intent: 'report.cancel', noTime: true } },
];
