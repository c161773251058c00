import assert from 'node:assert/strict';
import type { ParsedRequest } from '../../src/language';
import { answerLimits } from '../../src/plan/limits';
import type { PlanContext, PlanRoom } from '../../src/plan/plan-answer';
import { planUtilisation } from '../../src/plan/plan-utilisation';
import { planWindows } from '../../src/webex/metric-windows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Thu 3 Dec 2026, 14:37 Oslo. */
const NOW = Date.UTC(2026, 11, 3, 13, 37);
const iso = (ms: number) => new Date(ms).toISOString();
const counting = { occupancyDetection: { supported: true, configured: true } };
const room = (n: number, capabilities: PlanRoom['capabilities'] = counting): PlanRoom => ({
  id: `ws-${n}`,
  displayName: `Room ${n}`,
  capacity: 8,
  capabilities,
});
const context = (rooms: PlanRoom[]): PlanContext => ({
  directory: { workspaces: rooms },
  space: { timeZone: 'Europe/Oslo', unit: 'celsius' },
  now: NOW,
  limits: answerLimits(300, 400),
});
const ask = (rooms: PlanRoom[], days: number): ParsedRequest => ({
  intent: 'utilisation',
  metrics: ['timeBooked', 'timeUsed'],
  workspaces: rooms.map((r) => ({ id: r.id, displayName: r.displayName })),
  from: iso(NOW - days * DAY),
  to: iso(NOW),
});
/** Calls the API client really makes for one series: its legal windows. */
const apiCalls = (from: number, to: number, aggregation: 'hourly' | 'daily') =>
  planWindows(from, to, aggregation).length;

describe('plan/planUtilisation', () => {
  it('reads one room over a month by the hour, with its people count, and counts every call', () => {
    const plan = planUtilisation(ask([room(1)], 30), context([room(1)]));
    assert.equal(plan.problem, undefined);
    assert.equal(plan.aggregation, 'hourly');
    assert.equal(plan.fetches.length, 1);
    assert.equal(plan.people?.fetches.length, 1);
    const series = apiCalls(plan.from, plan.to, 'hourly');
    assert.equal(plan.calls, 3 * series, 'booked, used and people count');
    assert.ok(plan.notes.includes('Used share of working hours, Mon–Fri 08:00–17:00.'));
  });

  it('reads many rooms over a month by the day, and says ghost bookings are not counted then', () => {
    const rooms = Array.from({ length: 13 }, (_, i) => room(i + 1));
    const plan = planUtilisation(ask(rooms, 30), context(rooms));
    assert.equal(plan.aggregation, 'daily');
    assert.ok(plan.notes.some((n) => /ghost time is counted in minutes/.test(n)));
    assert.equal(plan.fetches.length, 13);
  });

  it('keeps 2,000 rooms within the calls one answer may make, and says how many it shows', () => {
    const rooms = Array.from({ length: 2000 }, (_, i) => room(i + 1));
    const limits = answerLimits(300, 400);
    const plan = planUtilisation(ask(rooms, 7), context(rooms));
    const perSeries = apiCalls(plan.from, plan.to, plan.aggregation);
    const real = plan.fetches.length * 2 * perSeries + (plan.people?.fetches.length ?? 0) * perSeries;
    assert.ok(real <= limits.maxCallsPerAnswer, `${real} calls`);
    assert.equal(plan.calls, real);
    assert.equal(plan.rooms.length, 2000);
    assert.ok(plan.fetches.length < 2000);
    assert.ok(
      plan.notes.includes(
        `One answer makes at most 3,000 calls: showing ${plan.fetches.length.toLocaleString('en-US')} of 2,000 rooms. Ask about a floor or a site for the rest.`,
      ),
      plan.notes.join(' | '),
    );
    assert.ok(
      plan.notes.includes('Peak people not read: it would take more calls than one answer may make.'),
    );
  });

  it('reads no people count in rooms without a people-count sensor', () => {
    const rooms = [room(1), room(2, { occupancyDetection: { supported: false, configured: false } })];
    const plan = planUtilisation(ask(rooms, 7), context(rooms));
    assert.deepEqual(
      plan.people?.fetches.map((f) => f.room.id),
      ['ws-1'],
    );
  });

  it('answers a window in the future with a problem and reads nothing', () => {
    const plan = planUtilisation(
      { ...ask([room(1)], 1), from: iso(NOW + DAY), to: iso(NOW + 2 * DAY) },
      context([room(1)]),
    );
    assert.match(plan.problem ?? '', /future/);
    assert.equal(plan.fetches.length, 0);
  });
});
