import assert from 'node:assert/strict';
import { withSilence } from '../../src/handlers/support/read-answer';
import { answerLimits } from '../../src/plan/limits';
import { type PlanContext, type PlanRoom, planAnswer } from '../../src/plan/plan-answer';
import { LOOK_BACK_MS, MAX_SILENCE_CHECKS, planSilenceChecks } from '../../src/plan/plan-silence-checks';
import type { RoomMetricData } from '../../src/readings/read-room-metrics';
import type { MetricName } from '../../src/webex/wire';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 3, 13, 37);
const room = (n: number): PlanRoom => ({ id: `ws-${n}`, displayName: `Room ${n}` });
const context = (rooms: PlanRoom[]): PlanContext => ({
  directory: { workspaces: rooms },
  space: { timeZone: 'Europe/Oslo', unit: 'celsius' },
  now: NOW,
  limits: answerLimits(300, 400),
});
const planFor = (rooms: PlanRoom[], metrics: MetricName[]) =>
  planAnswer(
    {
      intent: 'current',
      metrics,
      workspaces: rooms,
      from: new Date(NOW - HOUR).toISOString(),
      to: new Date(NOW).toISOString(),
      aggregation: 'none',
    },
    context(rooms),
  );
const reading = (t: number) => ({ deviceId: 'd', timestamp: new Date(t).toISOString(), value: 21 });
const series = (roomId: string, metric: MetricName, items: RoomMetricData['items']): RoomMetricData => ({
  room: { id: roomId, displayName: roomId },
  metric,
  supported: true,
  items,
  calls: 1,
});
const ctx = { now: NOW, limits: answerLimits(300, 400) };

describe('plan/planSilenceChecks', () => {
  it('checks nothing when every series has readings', () => {
    const plan = planFor([room(1)], ['temperature', 'peopleCount']);
    const read = [
      series('ws-1', 'temperature', [reading(NOW - 60_000)]),
      series('ws-1', 'peopleCount', [reading(NOW - 60_000)]),
    ];
    const checks = planSilenceChecks(plan, read, ctx);
    assert.equal(checks.plan.fetches.length, 0);
    assert.equal(checks.plan.calls, 0);
  });

  it('looks back 48 h of raw readings for a silent series: one call', () => {
    const plan = planFor([room(1)], ['temperature']);
    const checks = planSilenceChecks(plan, [series('ws-1', 'temperature', [])], ctx);
    assert.deepEqual(
      checks.lookBacks.map((f) => [f.metric, f.from, f.to, f.aggregation]),
      [['temperature', plan.from - LOOK_BACK_MS, plan.from, 'none']],
    );
    assert.equal(checks.plan.calls, 1);
  });

  it('people count without data: no call when another metric of the room was read, else one witness call', () => {
    const both = planFor([room(1)], ['temperature', 'peopleCount']);
    const read = [series('ws-1', 'temperature', [reading(NOW - 60_000)]), series('ws-1', 'peopleCount', [])];
    assert.equal(planSilenceChecks(both, read, ctx).plan.fetches.length, 0);
    const alone = planFor([room(1)], ['peopleCount']);
    const checks = planSilenceChecks(alone, [series('ws-1', 'peopleCount', [])], ctx);
    assert.deepEqual(
      checks.witnesses.map((f) => [f.metric, f.aggregation, f.from, f.to]),
      [['ambientNoise', 'daily', alone.from, alone.to]],
    );
    assert.equal(checks.plan.calls, 1);
  });

  it(`checks at most ${MAX_SILENCE_CHECKS} series, and counts the rest`, () => {
    const rooms = Array.from({ length: 20 }, (_, i) => room(i + 1));
    const plan = planFor(rooms, ['peopleCount']);
    const checks = planSilenceChecks(
      plan,
      rooms.map((r) => series(r.id, 'peopleCount', [])),
      ctx,
    );
    assert.equal(checks.plan.calls, MAX_SILENCE_CHECKS);
    assert.equal(checks.unchecked, 20 - MAX_SILENCE_CHECKS);
  });
});

describe('handlers/withSilence', () => {
  it('marks an empty room, a silent device, and a silent sensor’s last reading', () => {
    const plan = planFor([room(1), room(2)], ['peopleCount']);
    const data = [series('ws-1', 'peopleCount', []), series('ws-2', 'peopleCount', [])];
    const checks = planSilenceChecks(plan, data, ctx);
    const found = checks.plan.fetches.map((f) =>
      series(
        f.room.id,
        f.metric,
        f.room.id === 'ws-1' ? [{ start: 'a', end: 'b', mean: 40, min: 38, max: 44 }] : [],
      ),
    );
    const marked = withSilence(data, checks, found);
    assert.deepEqual(
      marked.map((d) => d.deviceReporting),
      [true, false],
    );

    const tPlan = planFor([room(1)], ['temperature']);
    const silent = [series('ws-1', 'temperature', [])];
    const tChecks = planSilenceChecks(tPlan, silent, ctx);
    const last = NOW - 3 * HOUR;
    const [withLast] = withSilence(silent, tChecks, [
      series('ws-1', 'temperature', [reading(last - 300_000), reading(last)]),
    ]);
    assert.deepEqual(withLast!.lookBack, { from: tPlan.from - LOOK_BACK_MS, last: { at: last, value: 21 } });
    const [nothing] = withSilence(silent, tChecks, [series('ws-1', 'temperature', [])]);
    assert.deepEqual(nothing!.lookBack, { from: tPlan.from - LOOK_BACK_MS });
  });
});
