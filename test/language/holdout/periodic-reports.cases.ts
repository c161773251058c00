/**
 * Hold-out: weekly and monthly report subscriptions for a site, a floor or every room (issue 14).
 * Written before the parser knew them. A weekly report names its weekday (Monday when none is
 * said), a monthly one its day of the month (the 1st when none is said); the time defaults to
 * 08:00 like daily reports. They have no window: each report covers the previous full week
 * (Mon–Sun) or month.
 */
import type { CorpusCase } from '../corpus/types';
import { ALL_ROOMS, BERGEN, FLOOR_2, FLOOR_3, OSLO } from '../corpus/types';

const every = { rooms: ALL_ROOMS, allWorkspaces: true } as const;

export const cases: CorpusCase[] = [
  // -------------------------------------------------------------------------------------------
  // weekly
  // -------------------------------------------------------------------------------------------
  {
    text: 'every Monday at 8 post a weekly report for Oslo HQ',
    expect: {
      intent: 'report.subscribe',
      rooms: OSLO,
      report: { time: '08:00', days: 'weekly', weekday: 1 },
      noTime: true,
    },
  },
  {
    text: 'weekly report for floor 3 on Fridays at 16:00',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_3,
      report: { time: '16:00', days: 'weekly', weekday: 5 },
      noTime: true,
    },
  },
  {
    text: 'send a weekly summary of all rooms',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '08:00', days: 'weekly', weekday: 1 },
      noTime: true,
    },
    note: 'No weekday and no time: Monday at 08:00, the start of the working week.',
  },
  {
    text: 'weekly report for Bergen every Tuesday at 9am',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '09:00', days: 'weekly', weekday: 2 },
      noTime: true,
    },
  },
  {
    text: 'post a report on floor 2 every week on Wednesday at 07:30',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_2,
      report: { time: '07:30', days: 'weekly', weekday: 3 },
      noTime: true,
    },
  },
  {
    text: 'subscribe this space to a weekly digest for Oslo HQ',
    expect: {
      intent: 'report.subscribe',
      rooms: OSLO,
      report: { time: '08:00', days: 'weekly', weekday: 1 },
      noTime: true,
    },
  },
  {
    text: 'each Thursday at 14:00 send the weekly report for the Boardroom',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Boardroom'],
      report: { time: '14:00', days: 'weekly', weekday: 4 },
      noTime: true,
    },
  },
  {
    text: 'once a week on Monday morning give me a report for all rooms',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '08:00', days: 'weekly', weekday: 1 },
      noTime: true,
    },
    note: '"Monday morning" without a clock time keeps the default 08:00.',
  },
  {
    text: 'weekly site report for Bergen, sundays at 18:00',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '18:00', days: 'weekly', weekday: 7 },
      noTime: true,
    },
  },
  {
    text: 'I want a weekly report of floor 3 every friday afternoon at 3pm',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_3,
      report: { time: '15:00', days: 'weekly', weekday: 5 },
      noTime: true,
    },
  },
  {
    text: 'every monday 8:00 weekly summary for Oslo',
    expect: {
      intent: 'report.subscribe',
      rooms: OSLO,
      report: { time: '08:00', days: 'weekly', weekday: 1 },
      noTime: true,
    },
  },
  {
    text: 'weekly update on all rooms on saturdays at 10',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '10:00', days: 'weekly', weekday: 6 },
      noTime: true,
    },
  },

  // -------------------------------------------------------------------------------------------
  // monthly
  // -------------------------------------------------------------------------------------------
  {
    text: 'monthly report for Bergen on the 1st at 9',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '09:00', days: 'monthly', dayOfMonth: 1 },
      noTime: true,
    },
  },
  {
    text: 'send a monthly summary of all rooms',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '08:00', days: 'monthly', dayOfMonth: 1 },
      noTime: true,
    },
    note: 'No day and no time: the 1st at 08:00, right after the month it covers.',
  },
  {
    text: 'monthly report for Oslo HQ on the 3rd at 10:00',
    expect: {
      intent: 'report.subscribe',
      rooms: OSLO,
      report: { time: '10:00', days: 'monthly', dayOfMonth: 3 },
      noTime: true,
    },
  },
  {
    text: 'post a monthly report for floor 3 on the 31st at 17:00',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_3,
      report: { time: '17:00', days: 'monthly', dayOfMonth: 31 },
      noTime: true,
    },
    note: 'The 31st is kept as said; a 30-day month gets it on its last day.',
  },
  {
    text: 'every month on the 2nd at 8am send a report for Bergen',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '08:00', days: 'monthly', dayOfMonth: 2 },
      noTime: true,
    },
  },
  {
    text: 'subscribe to a monthly digest for floor 2',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_2,
      report: { time: '08:00', days: 'monthly', dayOfMonth: 1 },
      noTime: true,
    },
  },
  {
    text: 'a monthly report on the Boardroom on day 15 at 12:00',
    expect: {
      intent: 'report.subscribe',
      rooms: ['Boardroom'],
      report: { time: '12:00', days: 'monthly', dayOfMonth: 15 },
      noTime: true,
    },
  },
  {
    text: 'once a month give me a summary for Oslo HQ on the first at 9:30',
    expect: {
      intent: 'report.subscribe',
      rooms: OSLO,
      report: { time: '09:30', days: 'monthly', dayOfMonth: 1 },
      noTime: true,
    },
  },
  {
    text: 'monthly site report for all rooms on the 5th',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '08:00', days: 'monthly', dayOfMonth: 5 },
      noTime: true,
    },
  },
  {
    text: 'send me the monthly report for floor 3 every 1st of the month at 7',
    expect: {
      intent: 'report.subscribe',
      rooms: FLOOR_3,
      report: { time: '07:00', days: 'monthly', dayOfMonth: 1 },
      noTime: true,
    },
  },
  {
    text: 'monthly summary for Bergen on the 28th at 16:30',
    expect: {
      intent: 'report.subscribe',
      rooms: BERGEN,
      report: { time: '16:30', days: 'monthly', dayOfMonth: 28 },
      noTime: true,
    },
  },
  {
    text: 'post the monthly update for all rooms on the last day at 18:00',
    expect: {
      intent: 'report.subscribe',
      ...every,
      report: { time: '18:00', days: 'monthly', dayOfMonth: 31 },
      noTime: true,
    },
    note: '"The last day" is stored as the 31st, which every month gets on its own last day.',
  },
];
