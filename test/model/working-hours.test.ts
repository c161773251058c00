import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  DEFAULT_WORKING_HOURS,
  describeWorkingHours,
  parseWorkingHours,
  type WorkingHours,
  workingHoursProblem,
  workingIntervals,
} from '../../src/model';

const HOUR = 3_600_000;
const OSLO = 'Europe/Oslo';
const local = (iso: string, zone = OSLO) => DateTime.fromISO(iso, { zone }).toMillis();
/** The intervals as local "ccc HH:mm–HH:mm" lines, to read like a calendar. */
const asLocal = (intervals: { from: number; to: number }[], zone = OSLO) =>
  intervals.map(
    (i) =>
      `${DateTime.fromMillis(i.from, { zone }).toFormat('ccc d HH:mm')}–${DateTime.fromMillis(i.to, { zone }).toFormat('HH:mm')}`,
  );

describe('model/working-hours', () => {
  describe('parseWorkingHours', () => {
    const cases: [string, Partial<WorkingHours>][] = [
      ['set working hours to 7-16', { start: '07:00', end: '16:00' }],
      ['working hours 07:30-16:30 mon-thu', { days: [1, 2, 3, 4], start: '07:30', end: '16:30' }],
      ['working hours mon-sat 8-18', { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
      ['office hours 8am to 5pm weekdays', { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }],
      ['working hours 8-5', { start: '08:00', end: '17:00' }],
      ['working hours 1-5pm', { start: '13:00', end: '17:00' }],
      [
        'working hours monday to friday, saturday 9.15 - 14.45',
        { days: [1, 2, 3, 4, 5, 6], start: '09:15', end: '14:45' },
      ],
      ['working hours mon, wed and fri', { days: [1, 3, 5] }],
      ['working hours every day 0-24', { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
      ['set working hours to 06:00–14:00 Tue–Sat', { days: [2, 3, 4, 5, 6], start: '06:00', end: '14:00' }],
    ];
    for (const [text, expected] of cases) {
      it(`reads "${text}"`, () => assert.deepEqual(parseWorkingHours(text), expected));
    }

    const bad: [string, RegExp][] = [
      ['set working hours', /Which working hours\?/],
      ['working hours 8', /couldn't read a start and an end time/],
      ['working hours 25-30', /"25" is not a time of day|hours go to 24/],
      ['working hours 8:75-17', /not a time of day/],
      ['working hours fri-mon 8-17', /runs backwards/],
      ['working hours 13pm-5pm', /"13pm" is not a time of day/],
    ];
    for (const [text, message] of bad) {
      it(`answers "${text}" with a clear problem`, () => {
        const result = parseWorkingHours(text);
        assert.ok('problem' in result, `expected a problem, got ${JSON.stringify(result)}`);
        assert.match(result.problem as string, message);
      });
    }
  });

  describe('workingHoursProblem', () => {
    it('accepts the default and a day that ends at midnight', () => {
      assert.equal(workingHoursProblem(DEFAULT_WORKING_HOURS), undefined);
      assert.equal(workingHoursProblem({ days: [6], start: '18:00', end: '24:00' }), undefined);
    });
    it('refuses hours that end before they start, with the reason', () => {
      assert.match(
        workingHoursProblem({ days: [1], start: '17:00', end: '08:00' }) ?? '',
        /must end after they start \(17:00–08:00\); hours across midnight are not supported/,
      );
    });
    it('refuses no days, repeated days and malformed times', () => {
      assert.match(workingHoursProblem({ days: [], start: '08:00', end: '17:00' }) ?? '', /at least one day/);
      assert.match(workingHoursProblem({ days: [1, 1], start: '08:00', end: '17:00' }) ?? '', /each once/);
      assert.match(
        workingHoursProblem({ days: [1], start: '8:00', end: '17:00' }) ?? '',
        /"8:00" is not a time/,
      );
      assert.match(
        workingHoursProblem({ days: [1], start: '08:00', end: '24:30' }) ?? '',
        /"24:30" is not a time/,
      );
    });
  });

  it('describes working hours the way cards name them', () => {
    assert.equal(describeWorkingHours(DEFAULT_WORKING_HOURS), 'Mon–Fri 08:00–17:00');
    assert.equal(
      describeWorkingHours({ days: [1, 2, 3, 4, 6], start: '07:30', end: '16:30' }),
      'Mon–Thu, Sat 07:30–16:30',
    );
    assert.equal(
      describeWorkingHours({ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }),
      'every day 00:00–24:00',
    );
  });

  describe('workingIntervals', () => {
    it('gives Mon–Fri 08:00–17:00 local across a week, none at the weekend', () => {
      // Thursday 3 Dec 2026 12:00 to Tuesday 8 Dec 12:00, Oslo (CET).
      const intervals = workingIntervals(
        DEFAULT_WORKING_HOURS,
        local('2026-12-03T12:00'),
        local('2026-12-08T12:00'),
        OSLO,
      );
      assert.deepEqual(asLocal(intervals), [
        'Thu 3 12:00–17:00',
        'Fri 4 08:00–17:00',
        'Mon 7 08:00–17:00',
        'Tue 8 08:00–12:00',
      ]);
      assert.equal(intervals[1]!.from, Date.UTC(2026, 11, 4, 7, 0), '08:00 CET is 07:00 UTC');
    });

    it('has nothing on a Sunday', () => {
      assert.deepEqual(
        workingIntervals(DEFAULT_WORKING_HOURS, local('2026-12-06T00:00'), local('2026-12-07T00:00'), OSLO),
        [],
      );
    });

    it('keeps local 08:00 across the spring change (last Sunday of March: CET → CEST)', () => {
      // Fri 27 Mar 2026 is CET (UTC+1), Mon 30 Mar is CEST (UTC+2).
      const intervals = workingIntervals(
        DEFAULT_WORKING_HOURS,
        local('2026-03-27T00:00'),
        local('2026-03-31T00:00'),
        OSLO,
      );
      assert.deepEqual(asLocal(intervals), ['Fri 27 08:00–17:00', 'Mon 30 08:00–17:00']);
      assert.equal(intervals[0]!.from, Date.UTC(2026, 2, 27, 7, 0));
      assert.equal(intervals[1]!.from, Date.UTC(2026, 2, 30, 6, 0));
      // A whole Sunday of the change is 23 hours of instants.
      const sunday = workingIntervals(
        { days: [7], start: '00:00', end: '24:00' },
        local('2026-03-20T00:00'),
        local('2026-04-01T00:00'),
        OSLO,
      );
      const change = sunday.find((i) => i.from === local('2026-03-29T00:00'));
      assert.equal(change!.to - change!.from, 23 * HOUR);
    });

    it('keeps local 08:00 across the autumn change (last Sunday of October: CEST → CET)', () => {
      const intervals = workingIntervals(
        DEFAULT_WORKING_HOURS,
        local('2026-10-23T00:00'),
        local('2026-10-27T00:00'),
        OSLO,
      );
      assert.deepEqual(asLocal(intervals), ['Fri 23 08:00–17:00', 'Mon 26 08:00–17:00']);
      assert.equal(intervals[0]!.from, Date.UTC(2026, 9, 23, 6, 0));
      assert.equal(intervals[1]!.from, Date.UTC(2026, 9, 26, 7, 0));
      const sunday = workingIntervals(
        { days: [7], start: '00:00', end: '24:00' },
        local('2026-10-25T00:00'),
        local('2026-10-26T00:00'),
        OSLO,
      );
      assert.deepEqual(
        sunday.map((i) => i.to - i.from),
        [25 * HOUR],
      );
      // Working hours inside the repeated hour still start at the local time.
      const night = workingIntervals(
        { days: [7], start: '01:00', end: '04:00' },
        local('2026-10-25T00:00'),
        local('2026-10-26T00:00'),
        OSLO,
      );
      assert.deepEqual(
        night.map((i) => i.to - i.from),
        [4 * HOUR],
      );
    });

    it('reads the week in the zone, not in UTC: Monday 00:30 in Auckland is Sunday in UTC', () => {
      const zone = 'Pacific/Auckland';
      const hours: WorkingHours = { days: [1], start: '00:00', end: '01:00' };
      const intervals = workingIntervals(
        hours,
        local('2026-12-07T00:00', zone),
        local('2026-12-08T00:00', zone),
        zone,
      );
      assert.equal(intervals.length, 1);
      assert.equal(new Date(intervals[0]!.from).getUTCDay(), 0, 'Sunday in UTC');
    });

    it('clips to [from, to) and gives nothing for an empty range', () => {
      const from = local('2026-12-07T16:30');
      assert.deepEqual(workingIntervals(DEFAULT_WORKING_HOURS, from, local('2026-12-08T08:15'), OSLO), [
        { from, to: local('2026-12-07T17:00') },
        { from: local('2026-12-08T08:00'), to: local('2026-12-08T08:15') },
      ]);
      assert.deepEqual(workingIntervals(DEFAULT_WORKING_HOURS, from, from, OSLO), []);
    });
  });
});
