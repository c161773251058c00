import assert from 'node:assert/strict';
import type { ParsedRequest } from '../../src/language';
import { boundWindow, callsFor, isProblem, pointsFor } from '../../src/plan/bounded-window';
import { answerLimits } from '../../src/plan/limits';
import { type PlanContext, type PlanRoom, planAnswer, planReadings } from '../../src/plan/plan-answer';
import { planWindows } from '../../src/webex/metric-windows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 3, 13, 37);
const iso = (ms: number) => new Date(ms).toISOString();

const navigator = {
  temperature: { supported: true, configured: true },
  relativeHumidity: { supported: true, configured: true },
  airQuality: { supported: true, configured: true },
};
const noNavigator = {
  temperature: { supported: false, configured: false },
  relativeHumidity: { supported: false, configured: false },
  airQuality: { supported: false, configured: false },
};
const room = (n: number, capabilities = navigator, floorId = 'f1'): PlanRoom => ({
  id: `ws-${n}`,
  displayName: `Room ${n}`,
  floorId,
  locationId: 'oslo',
  capabilities,
});

const context = (rooms: PlanRoom[], budget = 300): PlanContext => ({
  directory: { workspaces: rooms },
  space: { timeZone: 'Europe/Oslo', unit: 'celsius' },
  now: NOW,
  limits: answerLimits(budget, 400),
});

const request = (overrides: Partial<ParsedRequest>): ParsedRequest => ({
  intent: 'query',
  metrics: ['temperature'],
  workspaces: [{ id: 'ws-1', displayName: 'Room 1' }],
  from: iso(NOW - 6 * HOUR),
  to: iso(NOW),
  aggregation: 'hourly',
  ...overrides,
});

describe('plan/planAnswer', () => {
  it('plans one call per (room, metric) for a short window, hourly from the whole hour', () => {
    const plan = planAnswer(request({}), context([room(1)]));
    assert.equal(plan.problem, undefined);
    assert.equal(plan.calls, 1);
    assert.equal(plan.fetches.length, 1);
    assert.equal(plan.from, Date.UTC(2026, 11, 3, 7, 0), 'hourly windows start on the hour');
    assert.equal(plan.to, NOW);
    assert.deepEqual(plan.notes, ['Judged in working hours, Mon–Fri 08:00–17:00.']);
  });

  it("judges comfort in the space's working hours, local time, and says when the window has none", () => {
    // Thu 3 Dec 2026, 08:00–14:00 Oslo: working from 08:00 (07:00 UTC) to the end of the window.
    const plan = planAnswer(request({}), context([room(1)]));
    assert.deepEqual(plan.judging?.intervals, [{ from: Date.UTC(2026, 11, 3, 7, 0), to: NOW }]);
    const early = {
      ...context([room(1)]),
      space: {
        timeZone: 'Europe/Oslo',
        unit: 'celsius' as const,
        workingHours: { days: [1, 2, 3, 4, 5] as const, start: '07:00', end: '16:00' },
      },
    };
    const custom = planAnswer(request({}), early);
    assert.match(custom.notes.join(' '), /Judged in working hours, Mon–Fri 07:00–16:00\./);
    // Saturday 5 Dec: no working hours in the window.
    const saturday = planAnswer(
      request({ from: iso(NOW + 2 * 24 * HOUR - 6 * HOUR), to: iso(NOW + 2 * 24 * HOUR) }),
      { ...context([room(1)]), now: NOW + 2 * 24 * HOUR },
    );
    assert.deepEqual(saturday.judging?.intervals, []);
    assert.match(
      saturday.notes.join(' '),
      /No working hours \(Mon–Fri 08:00–17:00\) in this window: readings shown, comfort not judged\./,
    );
  });

  it('answers ten years of raw readings with the last 400 days, daily, and says so', () => {
    const rooms = [room(4), room(40)];
    const plan = planAnswer(
      request({
        intent: 'compare',
        workspaces: rooms,
        from: iso(NOW - 3652 * DAY),
        aggregation: 'none',
      }),
      context(rooms),
    );
    assert.equal(plan.aggregation, 'daily');
    assert.equal(plan.from, NOW - 400 * DAY);
    assert.match(plan.notes.join(' '), /400 days/);
    assert.match(plan.notes.join(' '), /daily/);
    // 400 days daily: 14 windows of 30 days per series.
    assert.equal(plan.calls, 2 * planWindows(plan.from, plan.to, 'daily').length);
    assert.ok(plan.expectedPoints <= 2 * 402);
  });

  it('names rooms without the sensor and never plans a call for them', () => {
    const rooms = [room(1), room(2, noNavigator), room(3)];
    const plan = planAnswer(request({ workspaces: rooms, allWorkspaces: true }), context(rooms));
    assert.deepEqual(
      plan.fetches.map((f) => f.room.id),
      ['ws-1', 'ws-3'],
    );
    assert.deepEqual(
      plan.unsupported.map((u) => u.room.displayName),
      ['Room 2'],
    );
    assert.equal(plan.calls, 2);
    assert.equal(plan.rooms.length, 3, 'every room in scope stays in the plan');
  });

  it('counts exactly the legal windows of every series', () => {
    const rooms = [room(1), room(2)];
    const from = NOW - 10 * DAY;
    const plan = planAnswer(
      request({ workspaces: rooms, metrics: ['temperature', 'humidity'], from: iso(from) }),
      context(rooms),
    );
    const perSeries = planWindows(plan.from, plan.to, 'hourly').length;
    assert.equal(perSeries, 6);
    assert.equal(plan.calls, 4 * perSeries);
    assert.equal(callsFor(plan.from, plan.to, 'hourly'), perSeries);
  });

  it('leaves rooms out beyond the calls one answer may make, and says how many are shown', () => {
    const rooms = Array.from({ length: 40 }, (_, i) => room(i + 1));
    // A budget of 10 calls/min allows 100 calls per answer: 40 rooms × 3 metrics = 120 series.
    const plan = planAnswer(
      request({ workspaces: rooms, metrics: ['temperature', 'humidity', 'tvoc'], allWorkspaces: true }),
      context(rooms, 10),
    );
    assert.ok(plan.calls <= 100);
    assert.equal(plan.omittedRooms.length, 40 - 33);
    assert.match(plan.notes.join(' '), /showing 33 of 40 rooms/);
  });

  it('narrows a long window for many rooms instead of exceeding the call limit', () => {
    const rooms = Array.from({ length: 50 }, (_, i) => room(i + 1));
    const plan = planAnswer(
      request({ workspaces: rooms, from: iso(NOW - 300 * DAY), aggregation: 'daily' }),
      context(rooms, 10),
    );
    assert.ok(plan.calls <= 100, `${plan.calls} calls`);
    assert.equal(plan.fetches.length, 50, 'every room is still read');
    assert.ok(plan.from > NOW - 300 * DAY);
    assert.match(plan.notes.join(' '), /showing/);
  });

  it('refuses windows it cannot read with a line, and reads nothing', () => {
    const cases: [string, Partial<ParsedRequest>, RegExp][] = [
      ['future', { from: iso(NOW + DAY), to: iso(NOW + 2 * DAY) }, /future/],
      ['reversed', { from: iso(NOW), to: iso(NOW - DAY) }, /start is not before its end/],
      ['too old', { from: iso(NOW - 3000 * DAY), to: iso(NOW - 2000 * DAY) }, /400 days/],
      ['not a time', { from: 'yesterday', to: iso(NOW) }, /not one I can read/],
    ];
    for (const [name, overrides, pattern] of cases) {
      const plan = planAnswer(request(overrides), context([room(1)]));
      assert.match(plan.problem ?? '', pattern, name);
      assert.equal(plan.calls, 0, name);
      assert.deepEqual(plan.fetches, [], name);
    }
  });

  it('throws when a data request reaches the plan without a window (a bug, not NaN)', () => {
    const { from: _from, ...noWindow } = request({});
    assert.throws(() => planAnswer(noWindow, context([room(1)])), /without a window/);
  });

  it('drops rooms the directory no longer has (a forged or stale button)', () => {
    const plan = planReadings(
      {
        rooms: [
          { id: 'ws-1', displayName: 'Room 1' },
          { id: 'forged', displayName: 'x' },
        ],
        metrics: ['temperature'],
        from: NOW - DAY,
        to: NOW,
        aggregation: 'hourly',
        unit: 'celsius',
      },
      context([room(1)]),
    );
    assert.deepEqual(
      plan.rooms.map((r) => r.id),
      ['ws-1'],
    );
    assert.match(plan.notes.join(' '), /no longer in the directory/);
  });

  it('reads at most 48 h of raw readings and a month of hourly buckets', () => {
    const limits = answerLimits();
    const raw = boundWindow(
      { from: NOW - 5 * DAY, to: NOW, aggregation: 'none' },
      NOW,
      limits,
      'Europe/Oslo',
    );
    assert.ok(!isProblem(raw) && raw.aggregation === 'hourly');
    const hourly = boundWindow({ from: NOW - 90 * DAY, to: NOW, aggregation: 'hourly' }, NOW, limits, 'UTC');
    assert.ok(!isProblem(hourly) && hourly.aggregation === 'daily');
    const future = boundWindow({ from: NOW - HOUR, to: NOW + HOUR, aggregation: 'none' }, NOW, limits, 'UTC');
    assert.ok(!isProblem(future) && future.to === NOW, 'the end is clipped to now');
    assert.equal(pointsFor(NOW - 2 * HOUR, NOW, 'none'), 24);
  });
});
