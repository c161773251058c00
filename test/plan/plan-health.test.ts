import assert from 'node:assert/strict';
import type { ParsedRequest } from '../../src/language';
import { answerLimits } from '../../src/plan/limits';
import type { PlanContext, PlanRoom } from '../../src/plan/plan-answer';
import { MAX_PINPOINTS, planHealth, planPinpoints } from '../../src/plan/plan-health';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 3, 13, 37, 20);
const MINUTE_NOW = Date.UTC(2026, 11, 3, 13, 37);

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
const room = (n: number, capabilities = navigator): PlanRoom => ({
  id: `ws-${n}`,
  displayName: `Room ${n}`,
  capabilities,
});
const context = (rooms: PlanRoom[], budget = 300): PlanContext => ({
  directory: { workspaces: rooms },
  space: { timeZone: 'Europe/Oslo', unit: 'fahrenheit' },
  now: NOW,
  limits: answerLimits(budget, 400),
});
const request = (rooms: PlanRoom[]): ParsedRequest => ({
  intent: 'health',
  metrics: [],
  workspaces: rooms.map((r) => ({ id: r.id, displayName: r.displayName })),
});

describe('plan/planHealth', () => {
  it('reads hourly buckets in °C: 16 days of noise (gaps recur weekly), 7 days of every other sensor; calls counted', () => {
    const rooms = [room(1), room(2, noNavigator)];
    const plan = planHealth(request(rooms), context(rooms));
    const hourStart = (days: number) => Math.floor((MINUTE_NOW - days * DAY) / HOUR) * HOUR;
    assert.deepEqual(
      plan.fetches.map((f) => [f.room.id, f.metric, f.from, f.to, f.aggregation, f.unit]).sort(),
      [
        ['ws-1', 'soundLevel', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-1', 'ambientNoise', hourStart(16), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-1', 'temperature', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-1', 'humidity', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-1', 'tvoc', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-1', 'peopleCount', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-2', 'soundLevel', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-2', 'ambientNoise', hourStart(16), MINUTE_NOW, 'hourly', 'celsius'],
        ['ws-2', 'peopleCount', hourStart(7), MINUTE_NOW, 'hourly', 'celsius'],
      ].sort(),
    );
    // 48 h per call: 16 days and a part hour = 9 calls, 7 days and a part hour = 4 calls.
    assert.equal(plan.calls, 2 * 9 + 7 * 4);
    assert.deepEqual(plan.omittedRooms, []);
  });

  it('leaves out the rooms beyond the calls one answer may make, and says "showing N of M"', () => {
    const rooms = Array.from({ length: 200 }, (_, i) => room(i));
    const plan = planHealth(request(rooms), context(rooms, 10)); // 100 calls per answer
    assert.ok(plan.calls <= 100);
    assert.equal(plan.rooms.length + plan.omittedRooms.length, 200);
    assert.equal(plan.rooms.length, 3); // 29 calls a room: 9 of noise, 4 of each of the five others
    assert.deepEqual(plan.notes, [
      'One answer makes at most 100 calls: showing 3 of 200 rooms. Ask about a floor or a site for the rest.',
    ]);
  });

  it('pinpoints at most 16 raw hours, one call each, never past the plan’s end', () => {
    const rooms = [room(1)];
    const plan = planHealth(request(rooms), context(rooms));
    const lastHour = Math.floor(MINUTE_NOW / HOUR) * HOUR;
    const asks = Array.from({ length: 20 }, () => ({
      room: rooms[0]!,
      metric: 'tvoc' as const,
      hourStart: lastHour,
    }));
    const raw = planPinpoints(plan, asks);
    assert.equal(raw.fetches.length, MAX_PINPOINTS);
    assert.equal(raw.calls, MAX_PINPOINTS);
    assert.ok(
      raw.fetches.every((f) => f.aggregation === 'none' && f.from === lastHour && f.to === MINUTE_NOW),
    );
  });
});
