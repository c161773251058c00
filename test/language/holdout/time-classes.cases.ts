/**
 * Hold-out: the time-phrase classes of the "time phrases still missed" issue — compound and
 * fractional durations, numbers glued to their unit, ISO date-times and ranges between them, a
 * clock range on a named day, "since the beginning of the week/quarter", clock times written with
 * a dot, ranges across days with times, and years on their own. Written before the parser was
 * changed for them, without reading the corpus; scored before and after (see the commit).
 */
import type { RequestMetric } from '../../../src/language/types';
import type { CorpusCase } from '../corpus/types';
import { DEFAULT_NOW, NEW_YEAR } from '../corpus/types';

/** Monday after the fall-back Sunday (25 October 2026, 03:00 CEST → 02:00 CET). */
const AFTER_FALL_BACK = '2026-10-26T09:00:00+01:00';
/** Wednesday morning in New York, after the US fall-back (1 November 2026). */
const NEW_YORK = '2026-11-18T08:30:00-05:00';
const NY = 'America/New_York';

type Window = { from: string; to?: string; aggregation?: 'none' | 'hourly' | 'daily' };

/** A query for one metric in one room over a window (`to` defaults to now). */
function ask(
  text: string,
  metric: RequestMetric,
  room: string,
  window: Window,
  extra: { now?: string; tz?: string; note?: string } = {},
): CorpusCase {
  const now = extra.now ?? DEFAULT_NOW;
  return {
    text,
    ...(extra.now ? { now: extra.now } : {}),
    ...(extra.tz ? { tz: extra.tz } : {}),
    expect: {
      intent: 'query',
      metrics: [metric],
      rooms: [room],
      from: window.from,
      to: window.to ?? now,
      ...(window.aggregation ? { aggregation: window.aggregation } : {}),
    },
    ...(extra.note ? { note: extra.note } : {}),
  };
}

/** A window wholly in the future: asked back. */
function ahead(text: string, metric: RequestMetric, room: string, extra: { now?: string } = {}): CorpusCase {
  return {
    text,
    ...(extra.now ? { now: extra.now } : {}),
    expect: { intent: 'query', metrics: [metric], rooms: [room], clarify: true },
    note: 'The whole window lies after now: asked back like any other future window.',
  };
}

export const cases: CorpusCase[] = [
  // -- compound durations -----------------------------------------------------------------------
  ask('fjord temp last 2h 15m', 'temperature', 'Fjord', {
    from: '2026-11-18T12:15:00+01:00',
    aggregation: 'none',
  }),
  ask('boardroom noise over the past 1 hour 30 minutes', 'ambientNoise', 'Boardroom', {
    from: '2026-11-18T13:00:00+01:00',
    aggregation: 'none',
  }),
  ask('humidity in Ulriken last 1h30m', 'humidity', 'Ulriken', { from: '2026-11-18T13:00:00+01:00' }),
  ask('Room 4 temperature past 2 hours and 45 minutes', 'temperature', 'Room 4', {
    from: '2026-11-18T11:45:00+01:00',
    aggregation: 'none',
  }),
  ask('tvoc in Lab 2.1 for the last 3 days 12 hours', 'tvoc', 'Lab 2.1', {
    from: '2026-11-15T02:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask('how many people in Fjord the last 1 day and 6 hours', 'peopleCount', 'Fjord', {
    from: '2026-11-17T08:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask(
    'Fjord temperature past 2 days 3 hours',
    'temperature',
    'Fjord',
    { from: '2026-10-24T06:00:00+02:00', aggregation: 'hourly' },
    {
      now: AFTER_FALL_BACK,
      note: 'Days are calendar steps (same wall clock, Saturday 09:00 CEST), then 3 exact hours back.',
    },
  ),
  ask(
    'temp in Fjord last 4h 30m',
    'temperature',
    'Fjord',
    { from: '2026-11-18T04:00:00-05:00', aggregation: 'none' },
    { now: NEW_YORK, tz: NY },
  ),
  ask('last 2 hrs 30 mins noise in Huddle 3.2', 'ambientNoise', 'Huddle 3.2', {
    from: '2026-11-18T12:00:00+01:00',
  }),
  ask('past 1 week 2 days temp Room 40', 'temperature', 'Room 40', {
    from: '2026-11-09T14:30:00+01:00',
    aggregation: 'daily',
  }),

  // -- fractional durations ---------------------------------------------------------------------
  ask('fjord humidity past half a day', 'humidity', 'Fjord', {
    from: '2026-11-18T02:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask('Boardroom noise last half hour', 'ambientNoise', 'Boardroom', {
    from: '2026-11-18T14:00:00+01:00',
    aggregation: 'none',
  }),
  ask('temp in Room 4 the last hour and a half', 'temperature', 'Room 4', {
    from: '2026-11-18T13:00:00+01:00',
  }),
  ask('Lab 2.1 VOC past 1.5 hours', 'tvoc', 'Lab 2.1', { from: '2026-11-18T13:00:00+01:00' }),
  ask('people in Fjord over the last 2.5 days', 'peopleCount', 'Fjord', {
    from: '2026-11-16T02:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask('Ulriken temperature past half an hour', 'temperature', 'Ulriken', {
    from: '2026-11-18T14:00:00+01:00',
  }),
  ask('noise in Fjord in the past one and a half hours', 'ambientNoise', 'Fjord', {
    from: '2026-11-18T13:00:00+01:00',
  }),
  ask(
    'humidity Room 40 last 1.5 days',
    'humidity',
    'Room 40',
    { from: '2026-10-24T22:00:00+02:00', aggregation: 'hourly' },
    {
      now: AFTER_FALL_BACK,
      note: 'One calendar day (Sunday 09:00 CET) and 12 exact hours: Saturday 22:00 CEST.',
    },
  ),
  ask('temp in Fjord the last half day', 'temperature', 'Fjord', { from: '2026-11-18T02:30:00+01:00' }),
  ask(
    'Huddle 3.2 noise in the last quarter of an hour',
    'ambientNoise',
    'Huddle 3.2',
    { from: '2026-11-18T14:15:00+01:00', aggregation: 'none' },
    { note: '"quarter of an hour" is 15 minutes, not the last calendar quarter.' },
  ),

  // -- numbers glued to units -------------------------------------------------------------------
  ask('fjord temp past 12hrs', 'temperature', 'Fjord', {
    from: '2026-11-18T02:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask('boardroom noise last2days', 'ambientNoise', 'Boardroom', {
    from: '2026-11-16T14:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask('humidity in Ulriken last 36hrs', 'humidity', 'Ulriken', { from: '2026-11-17T02:30:00+01:00' }),
  ask('Room 4 temperature past 3days', 'temperature', 'Room 4', { from: '2026-11-15T14:30:00+01:00' }),
  ask('Lab 2.1 noise last 45mins', 'ambientNoise', 'Lab 2.1', {
    from: '2026-11-18T13:45:00+01:00',
    aggregation: 'none',
  }),
  ask('people count in Fjord past 2wks', 'peopleCount', 'Fjord', {
    from: '2026-11-04T14:30:00+01:00',
    aggregation: 'daily',
  }),
  ask('temp in Room 40 last10min', 'temperature', 'Room 40', { from: '2026-11-18T14:20:00+01:00' }),
  ask(
    'fjord humidity past10days',
    'humidity',
    'Fjord',
    { from: '2026-10-16T09:00:00+02:00', aggregation: 'daily' },
    {
      now: AFTER_FALL_BACK,
      note: 'Ten calendar days back is before the fall-back: same wall clock at +02:00.',
    },
  ),
  ask(
    'Boardroom temp last 48hrs',
    'temperature',
    'Boardroom',
    { from: '2026-11-16T08:30:00-05:00', aggregation: 'hourly' },
    { now: NEW_YORK, tz: NY },
  ),
  ask('noise in Huddle 3.2 last 6hours', 'ambientNoise', 'Huddle 3.2', {
    from: '2026-11-18T08:30:00+01:00',
  }),

  // -- ISO date-times and ranges between them ---------------------------------------------------
  ask('fjord temp from 2026-11-16T08:00 to 2026-11-17T17:30', 'temperature', 'Fjord', {
    from: '2026-11-16T08:00:00+01:00',
    to: '2026-11-17T17:30:00+01:00',
    aggregation: 'hourly',
  }),
  ask(
    'Boardroom noise between 2026-11-17T09:00:00+01:00 and 2026-11-17T12:00:00+01:00',
    'ambientNoise',
    'Boardroom',
    { from: '2026-11-17T09:00:00+01:00', to: '2026-11-17T12:00:00+01:00', aggregation: 'none' },
  ),
  ask(
    'Room 4 temperature 2026-11-17T13:00Z to 2026-11-17T15:00Z',
    'temperature',
    'Room 4',
    { from: '2026-11-17T14:00:00+01:00', to: '2026-11-17T16:00:00+01:00', aggregation: 'none' },
    { note: 'A written offset (Z) wins over the space zone.' },
  ),
  ask('humidity in Ulriken from 2026-11-10 06:00 to 2026-11-10 18:00', 'humidity', 'Ulriken', {
    from: '2026-11-10T06:00:00+01:00',
    to: '2026-11-10T18:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask('Lab 2.1 VOC since 2026-11-17T09:00', 'tvoc', 'Lab 2.1', {
    from: '2026-11-17T09:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask(
    'Fjord temp at 2026-11-17T10:00',
    'temperature',
    'Fjord',
    { from: '2026-11-17T09:30:00+01:00', to: '2026-11-17T10:30:00+01:00', aggregation: 'none' },
    { note: 'One ISO instant is a point like "at 10am": half an hour either side.' },
  ),
  ask(
    'fjord temperature from 2026-10-24T22:00 to 2026-10-25T06:00',
    'temperature',
    'Fjord',
    { from: '2026-10-24T22:00:00+02:00', to: '2026-10-25T06:00:00+01:00', aggregation: 'hourly' },
    {
      now: AFTER_FALL_BACK,
      note: 'Across the fall-back night: nine real hours, each end at its own offset.',
    },
  ),
  ask(
    'boardroom noise from 2026-11-17T08:00 to 2026-11-17T18:00',
    'ambientNoise',
    'Boardroom',
    { from: '2026-11-17T08:00:00-05:00', to: '2026-11-17T18:00:00-05:00', aggregation: 'hourly' },
    { now: NEW_YORK, tz: NY },
  ),
  ask(
    'temp in Fjord 2026-11-12T07:30/2026-11-12T16:00',
    'temperature',
    'Fjord',
    { from: '2026-11-12T07:30:00+01:00', to: '2026-11-12T16:00:00+01:00', aggregation: 'hourly' },
    { note: 'The ISO 8601 interval notation start/end.' },
  ),
  ask(
    'noise in Room 40 until 2026-11-18T10:00',
    'ambientNoise',
    'Room 40',
    { from: '2026-11-18T00:00:00+01:00', to: '2026-11-18T10:00:00+01:00', aggregation: 'hourly' },
    { note: 'Like "until 10am": from the start of that day to the instant.' },
  ),
  ask('Fjord humidity from 2026-11-02 to 2026-11-06', 'humidity', 'Fjord', {
    from: '2026-11-02T00:00:00+01:00',
    to: '2026-11-07T00:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask('between 2026-11-17 22:00 and 2026-11-18 06:00 noise in Boardroom', 'ambientNoise', 'Boardroom', {
    from: '2026-11-17T22:00:00+01:00',
    to: '2026-11-18T06:00:00+01:00',
    aggregation: 'hourly',
  }),

  // -- a clock range on a named day -------------------------------------------------------------
  ask('fjord temp from 9 to 11:30 on Monday', 'temperature', 'Fjord', {
    from: '2026-11-16T09:00:00+01:00',
    to: '2026-11-16T11:30:00+01:00',
    aggregation: 'none',
  }),
  ask('Boardroom noise on Tuesday between 13:00 and 15:00', 'ambientNoise', 'Boardroom', {
    from: '2026-11-17T13:00:00+01:00',
    to: '2026-11-17T15:00:00+01:00',
  }),
  ask('people in Fjord Monday 9-11', 'peopleCount', 'Fjord', {
    from: '2026-11-16T09:00:00+01:00',
    to: '2026-11-16T11:00:00+01:00',
  }),
  ask('humidity Room 4 yesterday from 8 to 10:15', 'humidity', 'Room 4', {
    from: '2026-11-17T08:00:00+01:00',
    to: '2026-11-17T10:15:00+01:00',
  }),
  ask('temp in Lab 2.1 on Nov 12 from 10am to 2pm', 'temperature', 'Lab 2.1', {
    from: '2026-11-12T10:00:00+01:00',
    to: '2026-11-12T14:00:00+01:00',
  }),
  ask('Ulriken noise last Friday 14:00-16:30', 'ambientNoise', 'Ulriken', {
    from: '2026-11-13T14:00:00+01:00',
    to: '2026-11-13T16:30:00+01:00',
  }),
  ask('from 8:30 to 12 on thursday, temperature in Room 40', 'temperature', 'Room 40', {
    from: '2026-11-12T08:30:00+01:00',
    to: '2026-11-12T12:00:00+01:00',
  }),
  ask(
    'Fjord temp from 1am to 4am on Sunday',
    'temperature',
    'Fjord',
    { from: '2026-10-25T01:00:00+02:00', to: '2026-10-25T04:00:00+01:00', aggregation: 'none' },
    { now: AFTER_FALL_BACK, note: 'The fall-back night: 01:00 CEST to 04:00 CET is four real hours.' },
  ),
  ask(
    'noise in boardroom on monday from 9 to 11:30',
    'ambientNoise',
    'Boardroom',
    { from: '2026-11-16T09:00:00-05:00', to: '2026-11-16T11:30:00-05:00' },
    { now: NEW_YORK, tz: NY },
  ),
  ask('temp in Fjord Wednesday 8 to 10', 'temperature', 'Fjord', {
    from: '2026-11-18T08:00:00+01:00',
    to: '2026-11-18T10:00:00+01:00',
  }),

  // -- since the beginning of a period ----------------------------------------------------------
  ask('fjord temp since the beginning of the week', 'temperature', 'Fjord', {
    from: '2026-11-16T00:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask('boardroom noise since the start of the quarter', 'ambientNoise', 'Boardroom', {
    from: '2026-10-01T00:00:00+02:00',
    aggregation: 'daily',
  }),
  ask('humidity in Ulriken since beginning of month', 'humidity', 'Ulriken', {
    from: '2026-11-01T00:00:00+01:00',
  }),
  ask('Room 4 temperature since the start of the year', 'temperature', 'Room 4', {
    from: '2026-01-01T00:00:00+01:00',
    aggregation: 'daily',
  }),
  ask('people in Fjord from the beginning of this week', 'peopleCount', 'Fjord', {
    from: '2026-11-16T00:00:00+01:00',
  }),
  ask(
    'Lab 2.1 temp since the beginning of the month',
    'temperature',
    'Lab 2.1',
    { from: '2026-10-01T00:00:00+02:00', aggregation: 'daily' },
    { now: AFTER_FALL_BACK },
  ),
  ask(
    'Fjord humidity since the start of the quarter',
    'humidity',
    'Fjord',
    { from: '2027-01-01T00:00:00+01:00', aggregation: 'hourly' },
    { now: NEW_YEAR, note: 'On 1 January the quarter (and the year) began at midnight.' },
  ),
  ask(
    'boardroom temp since the beginning of the week',
    'temperature',
    'Boardroom',
    { from: '2026-11-16T00:00:00-05:00' },
    { now: NEW_YORK, tz: NY },
  ),
  ask('noise in Huddle 3.2 since the beginning of last week', 'ambientNoise', 'Huddle 3.2', {
    from: '2026-11-09T00:00:00+01:00',
    aggregation: 'daily',
  }),
  ask('temperature in fjord since start of day', 'temperature', 'Fjord', {
    from: '2026-11-18T00:00:00+01:00',
  }),

  // -- clock times written with a dot -----------------------------------------------------------
  ask('fjord temp since 7.45', 'temperature', 'Fjord', {
    from: '2026-11-18T07:45:00+01:00',
    aggregation: 'hourly',
  }),
  ask('Boardroom noise from 8.30 to 10.15', 'ambientNoise', 'Boardroom', {
    from: '2026-11-18T08:30:00+01:00',
    to: '2026-11-18T10:15:00+01:00',
  }),
  ask('humidity in Room 4 at 13.15', 'humidity', 'Room 4', {
    from: '2026-11-18T12:45:00+01:00',
    to: '2026-11-18T13:45:00+01:00',
  }),
  ask(
    'Lab 2.1 temp until 9.30',
    'temperature',
    'Lab 2.1',
    { from: '2026-11-18T00:00:00+01:00', to: '2026-11-18T09:30:00+01:00' },
    { note: 'Like "until 9:30": from the start of the day.' },
  ),
  ask('Ulriken noise between 9.15 and 11.45 yesterday', 'ambientNoise', 'Ulriken', {
    from: '2026-11-17T09:15:00+01:00',
    to: '2026-11-17T11:45:00+01:00',
  }),
  ask(
    'temp in fjord since 6.50',
    'temperature',
    'Fjord',
    { from: '2026-11-18T06:50:00-05:00', aggregation: 'none' },
    { now: NEW_YORK, tz: NY },
  ),
  ask('people in Fjord since 13.30', 'peopleCount', 'Fjord', { from: '2026-11-18T13:30:00+01:00' }),

  // -- ranges across days with times ------------------------------------------------------------
  ask('fjord temp Mon 8am to Tue 6pm', 'temperature', 'Fjord', {
    from: '2026-11-16T08:00:00+01:00',
    to: '2026-11-17T18:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask('boardroom noise from Sunday 20:00 to Monday 07:00', 'ambientNoise', 'Boardroom', {
    from: '2026-11-15T20:00:00+01:00',
    to: '2026-11-16T07:00:00+01:00',
  }),
  ask('humidity Room 4 between yesterday 9pm and today 6am', 'humidity', 'Room 4', {
    from: '2026-11-17T21:00:00+01:00',
    to: '2026-11-18T06:00:00+01:00',
  }),
  ask('Lab 2.1 temp from Friday 17:00 until Monday 08:00', 'temperature', 'Lab 2.1', {
    from: '2026-11-13T17:00:00+01:00',
    to: '2026-11-16T08:00:00+01:00',
    aggregation: 'hourly',
  }),
  ask(
    'Fjord temp Sat 10:00 - Sun 22:00',
    'temperature',
    'Fjord',
    { from: '2026-10-24T10:00:00+02:00', to: '2026-10-25T22:00:00+01:00', aggregation: 'hourly' },
    { now: AFTER_FALL_BACK },
  ),
  ask('noise in Ulriken Nov 10 14:00 to Nov 12 09:00', 'ambientNoise', 'Ulriken', {
    from: '2026-11-10T14:00:00+01:00',
    to: '2026-11-12T09:00:00+01:00',
  }),
  ask(
    'boardroom temperature Mon 7am to Tue 7pm',
    'temperature',
    'Boardroom',
    { from: '2026-11-16T07:00:00-05:00', to: '2026-11-17T19:00:00-05:00' },
    { now: NEW_YORK, tz: NY },
  ),

  // -- years ------------------------------------------------------------------------------------
  ask('fjord temp since 2024', 'temperature', 'Fjord', {
    from: '2024-01-01T00:00:00+01:00',
    aggregation: 'daily',
  }),
  ask('boardroom noise in 2025', 'ambientNoise', 'Boardroom', {
    from: '2025-01-01T00:00:00+01:00',
    to: '2026-01-01T00:00:00+01:00',
    aggregation: 'daily',
  }),
  ask('Room 4 humidity during 2023', 'humidity', 'Room 4', {
    from: '2023-01-01T00:00:00+01:00',
    to: '2024-01-01T00:00:00+01:00',
  }),
  ahead('temp in Fjord from 2030 to 2031', 'temperature', 'Fjord'),
  ahead('people in Fjord in 2027', 'peopleCount', 'Fjord'),
  ask(
    'Lab 2.1 temperature in 2026',
    'temperature',
    'Lab 2.1',
    { from: '2026-01-01T00:00:00+01:00', aggregation: 'daily' },
    { note: 'The year in progress: from 1 January to now.' },
  ),
  ask(
    'Ulriken temp from 2024 to 2025',
    'temperature',
    'Ulriken',
    { from: '2024-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' },
    { note: 'Both years included, like "from Monday to Wednesday".' },
  ),
  ask(
    'Fjord noise in 2026',
    'ambientNoise',
    'Fjord',
    { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00', aggregation: 'daily' },
    { now: NEW_YEAR },
  ),
  ask('fjord humidity since 1995', 'humidity', 'Fjord', { from: '1995-01-01T00:00:00+01:00' }),
  ask(
    'boardroom temp since 2025',
    'temperature',
    'Boardroom',
    { from: '2025-01-01T00:00:00-05:00' },
    { now: NEW_YORK, tz: NY },
  ),
];
