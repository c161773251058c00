/**
 * Weekly and monthly report schedules (pure): one slot per week on its weekday, one per month on
 * its day or the month's last day, DST-correct like daily ones; each covers the previous full
 * week (Mon–Sun local) or calendar month and compares with the one before.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  comparisonPeriod,
  decideReport,
  nextSlot,
  previousSlot,
  reportPeriod,
  reportSlots,
  slotKey,
} from '../../src/automation/report-schedule';
import { cadenceProblem, cadenceText } from '../../src/model/report-cadence';

const OSLO = 'Europe/Oslo';
const HOUR = 3_600_000;
const at = (local: string, zone = OSLO) => DateTime.fromISO(local, { zone }).toMillis();
const local = (ms: number, zone = OSLO) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
const locals = (slots: number[], zone = OSLO) => slots.map((s) => local(s, zone));

const weekly = (time: string, weekday: number) => ({ id: 'r7', time, days: 'weekly' as const, weekday });
const monthly = (time: string, dayOfMonth: number) => ({
  id: 'r8',
  time,
  days: 'monthly' as const,
  dayOfMonth,
});

describe('automation/report-schedule weekly and monthly slots', () => {
  it('puts a Monday 08:00 weekly report on each Monday across fall-back (Sun 25 Oct 2026, Oslo)', () => {
    const slots = reportSlots(weekly('08:00', 1), OSLO, at('2026-10-10T00:00'), at('2026-11-03T00:00'));
    assert.deepEqual(locals(slots), [
      '2026-10-12T08:00+02:00',
      '2026-10-19T08:00+02:00',
      '2026-10-26T08:00+01:00',
      '2026-11-02T08:00+01:00',
    ]);
    // The week holding the change is 169 hours long: slots are wall-clock, not every 168 h.
    assert.equal(slots[2]! - slots[1]!, 169 * HOUR);
  });

  it('moves a Sunday 02:30 weekly slot into 03:30 on the spring-forward Sunday and takes the first 02:30 at fall-back', () => {
    const spring = reportSlots(weekly('02:30', 7), OSLO, at('2026-03-21T00:00'), at('2026-04-06T00:00'));
    assert.deepEqual(locals(spring), [
      '2026-03-22T02:30+01:00',
      '2026-03-29T03:30+02:00',
      '2026-04-05T02:30+02:00',
    ]);
    const fall = reportSlots(weekly('02:30', 7), OSLO, at('2026-10-24T00:00'), at('2026-10-26T00:00'));
    assert.deepEqual(locals(fall), ['2026-10-25T02:30+02:00']);
  });

  it('posts a monthly report for the 31st on the last day of shorter months, once a month', () => {
    const slots = reportSlots(monthly('09:00', 31), OSLO, at('2026-01-01T00:00'), at('2027-01-01T00:00'));
    assert.deepEqual(
      locals(slots).map((s) => s.slice(0, 10)),
      [
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
        '2026-06-30',
        '2026-07-31',
        '2026-08-31',
        '2026-09-30',
        '2026-10-31',
        '2026-11-30',
        '2026-12-31',
      ],
    );
    // A leap year's February has its 29th.
    const leap = reportSlots(monthly('09:00', 30), OSLO, at('2028-02-01T00:00'), at('2028-03-01T00:00'));
    assert.deepEqual(locals(leap), ['2028-02-29T09:00+01:00']);
  });

  it('keeps the 1st at 08:00 on the 1st across months with a DST change', () => {
    const slots = reportSlots(monthly('08:00', 1), OSLO, at('2026-02-15T00:00'), at('2026-05-15T00:00'));
    assert.deepEqual(locals(slots), [
      '2026-03-01T08:00+01:00',
      '2026-04-01T08:00+02:00',
      '2026-05-01T08:00+02:00',
    ]);
  });

  it('finds the next and previous slot a week or a month away, keyed by local date', () => {
    const friday = weekly('16:00', 5);
    assert.equal(local(nextSlot(friday, OSLO, at('2026-12-04T16:00'))), '2026-12-11T16:00+01:00');
    assert.equal(local(previousSlot(friday, OSLO, at('2026-12-04T16:00'))), '2026-11-27T16:00+01:00');
    const first = monthly('09:00', 1);
    assert.equal(local(nextSlot(first, OSLO, at('2026-12-04T12:00'))), '2027-01-01T09:00+01:00');
    assert.equal(local(previousSlot(first, OSLO, at('2026-12-04T12:00'))), '2026-12-01T09:00+01:00');
    assert.equal(slotKey(first, at('2027-01-01T09:00'), OSLO), 'report:r8:2027-01-01T09:00');
  });

  it('decides one post per weekly slot and owes nothing between slots', () => {
    const sub = weekly('08:00', 1);
    const createdAt = at('2026-10-20T12:00');
    const input = { sub, timeZone: OSLO, createdAt, lateLimitMs: 4 * HOUR };
    assert.deepEqual(decideReport({ ...input, now: at('2026-10-25T12:00') }), { skipped: [] });
    const due = decideReport({ ...input, now: at('2026-10-26T08:00') });
    assert.equal(local(due.post!.slot), '2026-10-26T08:00+01:00');
    assert.deepEqual(
      decideReport({ ...input, now: at('2026-10-30T08:00'), lastPostedSlot: due.post!.slot }),
      {
        skipped: [],
      },
    );
  });
});

describe('automation/report-schedule weekly and monthly periods', () => {
  it('covers the previous Monday–Sunday whatever weekday it is posted on, 169 h across fall-back', () => {
    for (const [weekday, slot] of [
      [1, '2026-10-26T08:00'],
      [5, '2026-10-30T16:00'],
    ] as const) {
      const period = reportPeriod(weekly('08:00', weekday), OSLO, at(slot));
      assert.deepEqual(
        [local(period.from), local(period.to)],
        ['2026-10-19T00:00+02:00', '2026-10-26T00:00+01:00'],
      );
      assert.equal(period.to - period.from, 169 * HOUR);
    }
    const before = comparisonPeriod(weekly('08:00', 1), OSLO, at('2026-10-26T08:00'))!;
    assert.deepEqual(
      [local(before.from), local(before.to)],
      ['2026-10-12T00:00+02:00', '2026-10-19T00:00+02:00'],
    );
  });

  it('covers the previous calendar month (March: 743 h) and compares with the month before', () => {
    const period = reportPeriod(monthly('09:00', 1), OSLO, at('2026-04-01T09:00'));
    assert.deepEqual(
      [local(period.from), local(period.to)],
      ['2026-03-01T00:00+01:00', '2026-04-01T00:00+02:00'],
    );
    assert.equal(period.to - period.from, (31 * 24 - 1) * HOUR);
    const before = comparisonPeriod(monthly('09:00', 1), OSLO, at('2026-04-01T09:00'))!;
    assert.deepEqual(
      [local(before.from), local(before.to)],
      ['2026-02-01T00:00+01:00', '2026-03-01T00:00+01:00'],
    );
    // A report on the 31st still covers the previous full month.
    const late = reportPeriod(monthly('09:00', 31), OSLO, at('2026-04-30T09:00'));
    assert.deepEqual(
      [local(late.from), local(late.to)],
      ['2026-03-01T00:00+01:00', '2026-04-01T00:00+02:00'],
    );
    assert.equal(comparisonPeriod({ time: '08:00', days: 'daily' }, OSLO, at('2026-04-01T09:00')), undefined);
  });
});

describe('model/report-cadence', () => {
  it('names the cadence as the list shows it', () => {
    assert.equal(cadenceText({ days: 'weekly', weekday: 1 }), 'Every Monday');
    assert.equal(cadenceText({ days: 'monthly', dayOfMonth: 1 }), 'Monthly on the 1st');
    assert.equal(cadenceText({ days: 'monthly', dayOfMonth: 22 }), 'Monthly on the 22nd');
    assert.equal(
      cadenceText({ days: 'monthly', dayOfMonth: 31 }),
      'Monthly on the 31st (the last day in shorter months)',
    );
    assert.equal(cadenceText({ days: 'weekdays' }), 'Weekdays');
  });

  it('refuses a cadence without its day, or with the other kind’s', () => {
    assert.match(cadenceProblem({ days: 'weekly' })!, /weekday/);
    assert.match(cadenceProblem({ days: 'weekly', weekday: 8 })!, /weekday/);
    assert.match(cadenceProblem({ days: 'monthly', dayOfMonth: 0 })!, /1 to 31/);
    assert.match(cadenceProblem({ days: 'daily', weekday: 1 })!, /Only a weekly/);
    assert.equal(cadenceProblem({ days: 'monthly', dayOfMonth: 31 }), undefined);
  });
});
