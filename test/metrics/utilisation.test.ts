import assert from 'node:assert/strict';
import { rankUtilisation, summarizeUtilisation, weeklyTotals } from '../../src/metrics';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** An hourly bucket on Wed 18 Nov 2026 (UTC). */
const hour = (h: number, duration: number) => ({
  start: `2026-11-18T${String(h).padStart(2, '0')}:00:00Z`,
  end: `2026-11-18T${String(h + 1).padStart(2, '0')}:00:00Z`,
  duration,
});
const day = (date: string, duration: number) => ({
  start: `${date}T00:00:00Z`,
  end: new Date(at(`${date}T00:00:00Z`) + 24 * H).toISOString(),
  duration,
});
/** Working hours 08:00–16:00 UTC that day: 480 minutes. */
const working = [{ from: at('2026-11-18T08:00:00Z'), to: at('2026-11-18T16:00:00Z') }];
const people = (h: number, max: number) => ({
  start: at(hour(h, 0).start),
  end: at(hour(h, 0).end),
  max,
});

describe('metrics/utilisation summarizeUtilisation', () => {
  // 09–11 booked and used; 12–13 booked, nobody (a ghost booking of two hours); 16 booked, nobody
  // (a second ghost); 15 a walk-in (used, not booked); 18 used after working hours.
  const booked = [hour(9, 60), hour(10, 60), hour(12, 60), hour(13, 30), hour(16, 45)];
  const used = [hour(9, 50), hour(10, 60), hour(15, 40), hour(18, 60)];

  it('counts booked, used, ghost minutes and ghost bookings, and the used share of working hours', () => {
    const u = summarizeUtilisation({ booked, used, working });
    assert.equal(u.bookedMinutes, 255);
    assert.equal(u.usedMinutes, 210);
    // 10 (09:00) + 60 + 30 + 45.
    assert.equal(u.ghostMinutes, 145);
    assert.equal(u.ghostBookings, 2);
    assert.equal(u.workingMinutes, 480);
    // The 18:00 hour is outside working hours: 50 + 60 + 40 of 480.
    assert.equal(u.usedInWorkingMinutes, 150);
    assert.equal(u.usedShare, 150 / 480);
    assert.equal(u.peakPeople, undefined);
    assert.equal(u.size, undefined);
    assert.equal(u.ghostConfirmed, undefined);
  });

  it('confirms a ghost booking only when the people count saw nobody in it', () => {
    // Someone was counted at 13:00 (the sensor saw a person the use detection did not): 1 of 2.
    const u = summarizeUtilisation({
      booked,
      used,
      working,
      capacity: 10,
      people: [people(9, 3), people(10, 4), people(13, 1), people(15, 2)],
    });
    assert.equal(u.ghostBookings, 2);
    assert.equal(u.ghostConfirmed, 1);
    assert.equal(u.peakPeople, 4);
    assert.equal(u.size, 'oversized');
  });

  it('judges size at the 40 % line and above capacity', () => {
    const of = (max: number, capacity: number) =>
      summarizeUtilisation({ booked: [], used: [], working, capacity, people: [people(9, max)] }).size;
    assert.equal(of(4, 10), 'oversized');
    assert.equal(of(5, 10), 'fits');
    assert.equal(of(10, 10), 'fits');
    assert.equal(of(11, 10), 'undersized');
  });

  it('cannot count ghost bookings from daily buckets, and counts a day’s use up to its working minutes', () => {
    const u = summarizeUtilisation({
      booked: [day('2026-11-18', 300)],
      used: [day('2026-11-18', 600)],
      working,
    });
    assert.equal(u.ghostBookings, undefined);
    assert.equal(u.ghostMinutes, 0);
    assert.equal(u.usedInWorkingMinutes, 480);
    assert.equal(u.usedShare, 1);
  });

  it('has no used share without working hours in the window', () => {
    assert.equal(summarizeUtilisation({ booked, used, working: [] }).usedShare, undefined);
  });
});

describe('metrics/utilisation rankUtilisation', () => {
  const row = (
    name: string,
    usedShare: number | undefined,
    ghostMinutes: number,
    peak?: number,
    capacity?: number,
  ) => ({
    name,
    capacity,
    utilisation: summarizeUtilisation({
      booked: [hour(9, ghostMinutes)],
      used: usedShare === undefined ? [] : [hour(10, usedShare * 60)],
      working: usedShare === undefined ? [] : [{ from: at(hour(10, 0).start), to: at(hour(10, 0).end) }],
      capacity,
      ...(peak === undefined ? {} : { people: [people(10, peak)] }),
    }),
  });
  const rows = [
    row('A', 0.5, 10, 6, 10),
    row('B', 0.1, 60, 2, 10),
    row('C', undefined, 30),
    row('D', 0.9, 0, 5, 4),
  ];

  it('puts the least used first, rooms without working hours last', () => {
    assert.deepEqual(
      rankUtilisation(rows, 'used').map((r) => r.name),
      ['B', 'A', 'D', 'C'],
    );
  });
  it('puts the most ghost time first', () => {
    assert.deepEqual(
      rankUtilisation(rows, 'ghost').map((r) => r.name),
      ['B', 'C', 'A', 'D'],
    );
  });
  it('puts oversized rooms first, then undersized, then those that fit, then unknown', () => {
    assert.deepEqual(
      rankUtilisation(rows, 'size').map((r) => r.name),
      ['B', 'D', 'A', 'C'],
    );
  });
});

describe('metrics/utilisation weeklyTotals', () => {
  it('adds buckets to local Monday-first weeks, DST change included', () => {
    // October 2026 in Oslo: summer time ends Sun 25 Oct. Weeks start Mon 28 Sep … Mon 26 Oct.
    const from = at('2026-10-01T00:00:00+02:00');
    const to = at('2026-11-01T00:00:00+01:00');
    const weeks = weeklyTotals(
      [day('2026-10-25', 60), day('2026-10-26', 30)],
      [day('2026-10-04', 20)],
      from,
      to,
      'Europe/Oslo',
    );
    assert.equal(weeks.length, 5);
    assert.equal(weeks[0]!.weekStart, at('2026-09-28T00:00:00+02:00'));
    assert.equal(weeks[4]!.weekStart, at('2026-10-26T00:00:00+01:00'));
    // Sun 25 Oct 00:00 UTC is Sunday 02:00 local: the week of 19 Oct. Mon 26 Oct 00:00 UTC is 01:00 local.
    assert.equal(weeks[3]!.bookedMinutes, 60);
    assert.equal(weeks[4]!.bookedMinutes, 30);
    // Sun 4 Oct 00:00 UTC is Sunday 02:00 local: still the week of 28 Sep.
    assert.equal(weeks[0]!.usedMinutes, 20);
  });
});
