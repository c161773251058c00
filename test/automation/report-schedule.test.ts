import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  decideReport,
  nextSlot,
  previousSlot,
  REPORT_ON_TIME_GRACE_MS,
  reportPeriod,
  reportSlots,
  slotKey,
  slotPrefix,
  validateReportTime,
} from '../../src/automation/report-schedule';

const OSLO = 'Europe/Oslo';
const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A local wall-clock time in `zone` → epoch ms (only for unambiguous times). */
const at = (local: string, zone = OSLO) => DateTime.fromISO(local, { zone }).toMillis();
/** Epoch ms → "2026-03-29T03:30+02:00", as someone in `zone` reads it. */
const local = (ms: number, zone = OSLO) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
const locals = (slots: number[], zone = OSLO) => slots.map((s) => local(s, zone));
/** "Mon", "Tue", … of each slot, in `zone`. */
const weekdays = (slots: number[], zone = OSLO) =>
  slots.map((s) => DateTime.fromMillis(s, { zone, locale: 'en-US' }).toFormat('ccc'));

const daily = (time: string) => ({ id: 'r1', time, days: 'daily' as const });
const weekly = (time: string) => ({ id: 'r1', time, days: 'weekdays' as const });

describe('automation/report-schedule reportSlots', () => {
  it('puts a daily 08:00 report at 08:00 local every day across spring-forward (Europe/Oslo)', () => {
    const slots = reportSlots(daily('08:00'), OSLO, at('2026-03-26T00:00'), at('2026-04-01T23:59'));
    assert.deepEqual(locals(slots), [
      '2026-03-26T08:00+01:00',
      '2026-03-27T08:00+01:00',
      '2026-03-28T08:00+01:00',
      '2026-03-29T08:00+02:00',
      '2026-03-30T08:00+02:00',
      '2026-03-31T08:00+02:00',
      '2026-04-01T08:00+02:00',
    ]);
    // The night of the change is 23 hours long: the slots are wall-clock, not every 24 h.
    assert.equal(slots[3]! - slots[2]!, 23 * HOUR);
  });

  it('moves 02:30 on the spring-forward day to 03:30 (the gap is 02:00–03:00) and keeps one slot a day', () => {
    const slots = reportSlots(daily('02:30'), OSLO, at('2026-03-27T00:00'), at('2026-03-31T00:00'));
    assert.deepEqual(locals(slots), [
      '2026-03-27T02:30+01:00',
      '2026-03-28T02:30+01:00',
      '2026-03-29T03:30+02:00',
      '2026-03-30T02:30+02:00',
    ]);
  });

  it('takes the first 02:30 on the fall-back day (2026-10-25, Europe/Oslo), once', () => {
    const slots = reportSlots(daily('02:30'), OSLO, at('2026-10-23T00:00'), at('2026-10-27T00:00'));
    assert.deepEqual(locals(slots), [
      '2026-10-23T02:30+02:00',
      '2026-10-24T02:30+02:00',
      '2026-10-25T02:30+02:00', // CEST, the first of the two 02:30s
      '2026-10-26T02:30+01:00',
    ]);
    assert.equal(new Date(slots[2]!).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(slots[3]! - slots[2]!, 25 * HOUR);
  });

  it('gives weekday reports Monday–Friday only, across the Oslo fall-back weekend', () => {
    const slots = reportSlots(weekly('08:00'), OSLO, at('2026-10-19T00:00'), at('2026-11-01T00:00'));
    assert.deepEqual(weekdays(slots), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    assert.deepEqual(locals(slots.slice(4, 6)), ['2026-10-23T08:00+02:00', '2026-10-26T08:00+01:00']);
  });

  it('takes the first 01:30 on the America/New_York fall-back day (2026-11-01)', () => {
    const slots = reportSlots(
      daily('01:30'),
      NEW_YORK,
      at('2026-10-31T00:00', NEW_YORK),
      at('2026-11-03T00:00', NEW_YORK),
    );
    assert.deepEqual(locals(slots, NEW_YORK), [
      '2026-10-31T01:30-04:00',
      '2026-11-01T01:30-04:00', // EDT, the first 01:30
      '2026-11-02T01:30-05:00',
    ]);
  });

  it('moves 02:30 on the America/New_York spring-forward day (2026-03-08) to 03:30', () => {
    const slots = reportSlots(
      daily('02:30'),
      NEW_YORK,
      at('2026-03-07T00:00', NEW_YORK),
      at('2026-03-09T12:00', NEW_YORK),
    );
    assert.deepEqual(locals(slots, NEW_YORK), [
      '2026-03-07T02:30-05:00',
      '2026-03-08T03:30-04:00',
      '2026-03-09T02:30-04:00',
    ]);
  });

  for (const zone of [OSLO, NEW_YORK, 'Australia/Lord_Howe', 'America/Santiago']) {
    for (const time of ['00:00', '01:30', '02:30', '08:00', '23:59']) {
      it(`has exactly one ${time} slot on every local day of 2026 in ${zone}`, () => {
        const from = at('2026-01-01T00:00', zone) - 1;
        const to = at('2027-01-01T00:00', zone) - 1;
        const slots = reportSlots(daily(time), zone, from, to);
        const days = slots.map((s) => DateTime.fromMillis(s, { zone }).toISODate());
        assert.equal(slots.length, 365);
        assert.equal(new Set(days).size, 365);
        assert.equal(days[0], '2026-01-01');
        assert.equal(days.at(-1), '2026-12-31');
        assert.ok(
          slots.every((s, i) => i === 0 || s > slots[i - 1]!),
          'ascending',
        );
      });
    }
  }

  it('excludes the window start and includes its end', () => {
    const slot = at('2026-11-30T08:00');
    assert.deepEqual(reportSlots(daily('08:00'), OSLO, slot, slot + HOUR), []);
    assert.deepEqual(reportSlots(daily('08:00'), OSLO, slot - HOUR, slot), [slot]);
  });
});

describe('automation/report-schedule nextSlot / previousSlot / slotKey', () => {
  it('finds the next slot strictly after an instant, skipping the weekend for weekdays', () => {
    assert.equal(local(nextSlot(weekly('08:00'), OSLO, at('2026-11-27T08:00'))), '2026-11-30T08:00+01:00');
    assert.equal(local(nextSlot(daily('08:00'), OSLO, at('2026-11-27T07:59'))), '2026-11-27T08:00+01:00');
    assert.equal(local(nextSlot(daily('02:30'), OSLO, at('2026-03-28T03:00'))), '2026-03-29T03:30+02:00');
  });

  it('finds the previous slot strictly before an instant', () => {
    assert.equal(
      local(previousSlot(weekly('08:00'), OSLO, at('2026-11-30T08:00'))),
      '2026-11-27T08:00+01:00',
    );
    assert.equal(local(previousSlot(daily('08:00'), OSLO, at('2026-11-30T08:01'))), '2026-11-30T08:00+01:00');
  });

  it('names each local day’s slot once, with the configured time', () => {
    assert.equal(slotKey(daily('08:00'), at('2026-11-30T08:00'), OSLO), 'report:r1:2026-11-30T08:00');
    assert.equal(slotKey(daily('8:00'), at('2026-11-30T08:00'), OSLO), 'report:r1:2026-11-30T08:00');
    // Posted at 03:30 because of the gap, but still the 02:30 slot of that day.
    assert.equal(slotKey(daily('02:30'), at('2026-03-29T03:30'), OSLO), 'report:r1:2026-03-29T02:30');
    assert.ok(slotKey(daily('08:00'), at('2026-11-30T08:00'), OSLO).startsWith(slotPrefix('r1')));
    assert.equal(slotPrefix('r12'), 'report:r12:');
    // The key is local: 23:30 UTC on the 30th is already 1 December in Oslo.
    assert.equal(
      slotKey(daily('00:30'), Date.parse('2026-11-30T23:30:00Z'), OSLO),
      'report:r1:2026-12-01T00:30',
    );
  });
});

describe('automation/report-schedule decideReport', () => {
  const sub = daily('08:00');
  const base = { sub, timeZone: OSLO, createdAt: at('2026-11-01T12:00'), lateLimitMs: 3 * HOUR };
  const yesterday = at('2026-11-29T08:00');
  const today = at('2026-11-30T08:00');

  it('does nothing when restarted before the slot', () => {
    assert.deepEqual(decideReport({ ...base, now: at('2026-11-30T07:59'), lastPostedSlot: yesterday }), {
      skipped: [],
    });
  });

  it('posts on time at the slot and within the grace', () => {
    assert.deepEqual(decideReport({ ...base, now: today, lastPostedSlot: yesterday }), {
      post: { slot: today, late: false, lateByMs: 0 },
      skipped: [],
    });
    const justAfter = decideReport({
      ...base,
      now: today + REPORT_ON_TIME_GRACE_MS,
      lastPostedSlot: yesterday,
    });
    assert.equal(justAfter.post?.late, false);
  });

  it('posts a late report after a restart within the late limit, saying how late', () => {
    const decision = decideReport({ ...base, now: at('2026-11-30T09:30'), lastPostedSlot: yesterday });
    assert.equal(local(decision.post!.slot), '2026-11-30T08:00+01:00');
    assert.equal(decision.post!.late, true);
    assert.equal(decision.post!.lateByMs, 90 * MINUTE);
    assert.deepEqual(decision.skipped, []);
  });

  it('skips the slot once it is beyond the late limit', () => {
    const decision = decideReport({ ...base, now: at('2026-11-30T11:01'), lastPostedSlot: yesterday });
    assert.equal(decision.post, undefined);
    assert.deepEqual(locals(decision.skipped), ['2026-11-30T08:00+01:00']);
    // Exactly at the limit still posts.
    assert.ok(decideReport({ ...base, now: at('2026-11-30T11:00'), lastPostedSlot: yesterday }).post);
  });

  it('never returns a slot already posted (restart after posting)', () => {
    assert.deepEqual(decideReport({ ...base, now: at('2026-11-30T08:05'), lastPostedSlot: today }), {
      skipped: [],
    });
  });

  it('after days offline posts today’s report and lists the missed ones as skipped', () => {
    const decision = decideReport({ ...base, now: at('2026-12-03T08:10'), lastPostedSlot: today });
    assert.equal(local(decision.post!.slot), '2026-12-03T08:00+01:00');
    assert.equal(decision.post!.late, true);
    assert.deepEqual(weekdays(decision.skipped), ['Tue', 'Wed']);
    assert.deepEqual(locals(decision.skipped), ['2026-12-01T08:00+01:00', '2026-12-02T08:00+01:00']);
  });

  it('owes nothing for slots before the subscription existed', () => {
    const createdAt = at('2026-11-30T09:00');
    assert.deepEqual(decideReport({ ...base, createdAt, now: at('2026-11-30T10:00') }), { skipped: [] });
    const early = decideReport({ ...base, createdAt: at('2026-11-30T07:00'), now: at('2026-11-30T08:00') });
    assert.equal(early.post?.slot, today);
  });

  it('posts the 02:30 report at 03:30 on the spring-forward day, late only after that', () => {
    const spring = { ...base, sub: daily('02:30'), createdAt: at('2026-03-01T12:00') };
    const lastPostedSlot = at('2026-03-28T02:30');
    const onTime = decideReport({ ...spring, now: at('2026-03-29T03:30'), lastPostedSlot });
    assert.equal(local(onTime.post!.slot), '2026-03-29T03:30+02:00');
    assert.equal(onTime.post!.late, false);
    const late = decideReport({ ...spring, now: at('2026-03-29T03:40'), lastPostedSlot });
    assert.equal(late.post!.lateByMs, 10 * MINUTE);
  });

  it('does not post the 02:30 report twice on the fall-back day (restart during the repeated hour)', () => {
    const fall = { ...base, sub: daily('02:30'), createdAt: at('2026-10-01T12:00') };
    const first = at('2026-10-25T02:30'); // luxon reads this as CET (the second one) …
    const slot = reportSlots(fall.sub, OSLO, first - 2 * HOUR, first)[0]!;
    assert.equal(local(slot), '2026-10-25T02:30+02:00'); // … the schedule uses the first
    // The second 02:30 (CET) comes an hour later: nothing more is due.
    assert.deepEqual(decideReport({ ...fall, now: slot + HOUR, lastPostedSlot: slot }), { skipped: [] });
  });

  it('weekday reports skip no weekday and owe nothing at the weekend', () => {
    const weekdaysOnly = { ...base, sub: weekly('08:00') };
    const friday = at('2026-11-27T08:00');
    assert.deepEqual(decideReport({ ...weekdaysOnly, now: at('2026-11-29T08:00'), lastPostedSlot: friday }), {
      skipped: [],
    });
    const monday = decideReport({ ...weekdaysOnly, now: at('2026-11-30T08:00'), lastPostedSlot: friday });
    assert.equal(local(monday.post!.slot), '2026-11-30T08:00+01:00');
  });
});

describe('automation/report-schedule reportPeriod', () => {
  const period = (p: { from: number; to: number }, zone = OSLO) => [local(p.from, zone), local(p.to, zone)];

  it('covers the previous local day by default', () => {
    assert.deepEqual(period(reportPeriod(daily('08:00'), OSLO, at('2026-11-30T08:00'))), [
      '2026-11-29T00:00+01:00',
      '2026-11-30T00:00+01:00',
    ]);
  });

  it('is 23 hours after spring-forward and 25 hours after fall-back', () => {
    const spring = reportPeriod(daily('08:00'), OSLO, at('2026-03-30T08:00'), at('2026-03-29T08:00'));
    assert.deepEqual(period(spring), ['2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00']);
    assert.equal(spring.to - spring.from, 23 * HOUR);
    const fall = reportPeriod(daily('08:00'), NEW_YORK, at('2026-11-02T08:00', NEW_YORK));
    assert.deepEqual(period(fall, NEW_YORK), ['2026-11-01T00:00-04:00', '2026-11-02T00:00-05:00']);
    assert.equal(fall.to - fall.from, 25 * HOUR);
  });

  it('covers Friday to Sunday in Monday’s weekday report', () => {
    const monday = at('2026-11-30T08:00');
    const friday = previousSlot(weekly('08:00'), OSLO, monday);
    assert.deepEqual(period(reportPeriod(weekly('08:00'), OSLO, monday, friday)), [
      '2026-11-27T00:00+01:00',
      '2026-11-30T00:00+01:00',
    ]);
  });

  it('tiles time: consecutive weekday reports cover adjacent periods, DST weekend included', () => {
    const sub = weekly('08:00');
    const slots = reportSlots(sub, OSLO, at('2026-10-19T00:00'), at('2026-11-07T00:00'));
    const periods = slots.slice(1).map((slot, i) => reportPeriod(sub, OSLO, slot, slots[i]));
    for (let i = 1; i < periods.length; i++) assert.equal(periods[i]!.from, periods[i - 1]!.to);
    // Monday 26 Oct covers Fri 23 00:00 CEST … Mon 26 00:00 CET: 3 days and the extra hour.
    assert.equal(periods[4]!.to - periods[4]!.from, 73 * HOUR);
  });
});

describe('automation/report-schedule validateReportTime', () => {
  it('accepts real times of day', () => {
    for (const time of ['00:00', '08:00', '8:05', '23:59']) assert.equal(validateReportTime(time), undefined);
  });

  it('explains impossible or malformed times', () => {
    assert.match(validateReportTime('25:00')!, /hours go from 00 to 23/);
    assert.match(validateReportTime('24:00')!, /hours go from 00 to 23/);
    assert.match(validateReportTime('08:75')!, /minutes go from 00 to 59/);
    assert.match(validateReportTime('8am')!, /use HH:MM/);
    assert.match(validateReportTime('08:5')!, /use HH:MM/);
  });

  it('refuses to schedule an invalid time', () => {
    assert.throws(() => reportSlots(daily('25:00'), OSLO, 0, 1), RangeError);
  });
});
