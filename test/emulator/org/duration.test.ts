import assert from 'node:assert/strict';
import {
  buildOrganisation,
  durationMinutes,
  type SyntheticWorkspace,
  scheduleBetween,
  sensorGapsBetween,
  sensorSamples,
} from '../../../src/emulator/org';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 16 November 2026, 00:00 in Oslo (CET, UTC+1). */
const WEEK_START = Date.UTC(2026, 10, 15, 23, 0);
const WEEK_END = WEEK_START + 7 * DAY;
/** Sunday 22 November 2026 in Oslo. */
const SUNDAY = WEEK_START + 6 * DAY;

const org = buildOrganisation({ seed: 42 });
const byName = (name: string): SyntheticWorkspace => org.workspaces.find((w) => w.displayName === name)!;

describe('emulator/org durationMinutes', () => {
  it('books more than is used in some rooms (ghost meetings)', () => {
    const ghosted = org.workspaces.filter(
      (ws) =>
        durationMinutes(org, ws, 'timeBooked', WEEK_START, WEEK_END) >
        durationMinutes(org, ws, 'timeUsed', WEEK_START, WEEK_END),
    );
    assert.ok(ghosted.length >= 1);
    const boardroom = byName('Boardroom');
    const booked = durationMinutes(org, boardroom, 'timeBooked', WEEK_START, WEEK_END);
    const used = durationMinutes(org, boardroom, 'timeUsed', WEEK_START, WEEK_END);
    assert.ok(booked > used * 1.3, `${booked} vs ${used}`);
    const schedule = scheduleBetween(org, boardroom, WEEK_START, WEEK_END);
    assert.ok(schedule.bookings.some((b) => !b.attended));
  });

  it('is zero on a Sunday for both measurements in every room', () => {
    for (const ws of org.workspaces) {
      assert.equal(durationMinutes(org, ws, 'timeBooked', SUNDAY, SUNDAY + DAY), 0);
      assert.equal(durationMinutes(org, ws, 'timeUsed', SUNDAY, SUNDAY + DAY), 0);
    }
  });

  it('never books walk-in-only spaces, but they are used', () => {
    for (const name of ['Kitchen Open Area', 'Friday Lounge', 'Focus Booth 1']) {
      const ws = byName(name);
      assert.equal(durationMinutes(org, ws, 'timeBooked', WEEK_START, WEEK_END), 0, name);
      assert.ok(durationMinutes(org, ws, 'timeUsed', WEEK_START, WEEK_END) > 0, name);
    }
  });

  it('agrees with the peopleCount readings and stays within working hours', () => {
    for (const ws of org.workspaces) {
      const used = durationMinutes(org, ws, 'timeUsed', WEEK_START, WEEK_END);
      const occupied = sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_END).filter((s) => s.value > 0);
      assert.equal(used, occupied.length * 5, ws.displayName);
      const booked = durationMinutes(org, ws, 'timeBooked', WEEK_START, WEEK_END);
      assert.ok(booked <= 5 * 9 * 60 && used <= 5 * 9 * 60);
    }
  });

  it('is additive over adjacent ranges, including partial minutes', () => {
    const ws = byName('Room 40');
    const mid = WEEK_START + 2 * DAY + 10 * HOUR + 12_345;
    for (const m of ['timeBooked', 'timeUsed'] as const) {
      const whole = durationMinutes(org, ws, m, WEEK_START, WEEK_END);
      const parts = durationMinutes(org, ws, m, WEEK_START, mid) + durationMinutes(org, ws, m, mid, WEEK_END);
      assert.ok(Math.abs(whole - parts) < 1e-9, m);
      assert.equal(durationMinutes(org, ws, m, WEEK_END, WEEK_START), 0);
    }
  });

  it('does not count usage while the gap room’s sensor is offline', () => {
    const ws = org.workspaces.find((w) => w.profile.sensorGap)!;
    const [gap] = sensorGapsBetween(org, ws, WEEK_START, WEEK_END);
    assert.ok(gap);
    assert.equal(durationMinutes(org, ws, 'timeUsed', gap.startMs, gap.endMs), 0);
  });

  it('covers a whole year', () => {
    const minutes = durationMinutes(
      org,
      byName('Fjord'),
      'timeUsed',
      Date.UTC(2025, 10, 1),
      Date.UTC(2026, 10, 1),
    );
    assert.ok(minutes > 0);
  });
});
