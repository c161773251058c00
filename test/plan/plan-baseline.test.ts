import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { callsFor } from '../../src/plan/bounded-window';
import { answerLimits } from '../../src/plan/limits';
import { type PlanContext, type PlanRoom, planReadings } from '../../src/plan/plan-answer';
import { MAX_BASELINE_CALLS, planBaselines } from '../../src/plan/plan-baseline';
import type { MetricName } from '../../src/webex/wire';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const NOW = at('2026-11-05T14:30');
const rooms: PlanRoom[] = Array.from({ length: 5 }, (_, i) => ({ id: `ws-${i}`, displayName: `Room ${i}` }));
const ctx: PlanContext = {
  directory: { workspaces: rooms },
  space: { timeZone: ZONE, unit: 'celsius' },
  now: NOW,
  limits: answerLimits(300, 400),
};
const plan = (n: number, metrics: MetricName[], from: number, aggregation: 'none' | 'hourly' = 'none') =>
  planReadings({ rooms: rooms.slice(0, n), metrics, from, to: NOW, aggregation, unit: 'celsius' }, ctx);
const baselines = (p: ReturnType<typeof plan>) =>
  planBaselines(p, { now: NOW, limits: ctx.limits, timeZone: ZONE });

describe('plan: the past weeks an answer compares with (what is usual for the room)', () => {
  it('"noise in Room 0 now": the same local hours 1–6 weeks back, one hourly call each, DST-correct', () => {
    const b = baselines(plan(1, ['ambientNoise'], NOW - HOUR));
    assert.equal(b.plan.calls, 6);
    assert.deepEqual(
      b.fetches.map((f) => [f.weeksBack, f.aggregation, f.metric]),
      [1, 2, 3, 4, 5, 6].map((k) => [k, 'hourly', 'ambientNoise']),
    );
    // 13:00–15:00 local each week, also before 25 Oct (summer time): 12:00Z there, 13:00Z after.
    for (const f of b.fetches) {
      const from = DateTime.fromMillis(f.from, { zone: ZONE });
      const to = DateTime.fromMillis(f.to, { zone: ZONE });
      assert.equal(from.toFormat('ccc HH:mm'), 'Thu 13:00');
      assert.equal(to.toFormat('ccc HH:mm'), 'Thu 15:00');
      assert.equal(callsFor(f.from, f.to, 'hourly'), 1);
    }
    assert.equal(new Date(b.fetches[5]!.from).toISOString(), '2026-09-24T11:00:00.000Z');
  });

  it('is bounded: at most 3 rooms, a window of about a day, and 36 calls (whole series only)', () => {
    assert.equal(baselines(plan(4, ['temperature'], NOW - HOUR)).skipped, 'rooms');
    assert.equal(baselines(plan(4, ['temperature'], NOW - HOUR)).plan.calls, 0);
    assert.equal(baselines(plan(1, ['temperature'], NOW - 3 * 24 * HOUR, 'hourly')).skipped, 'window');
    const many = baselines(
      plan(3, ['temperature', 'humidity', 'tvoc', 'ambientNoise'], at('2026-11-05T00:00'), 'hourly'),
    );
    assert.ok(many.plan.calls <= MAX_BASELINE_CALLS);
    assert.equal(many.plan.calls % 6, 0, 'a series with all its weeks or none');
    assert.equal(many.plan.calls, 36);
  });

  it('reaches no further back than the history the bot keeps', () => {
    const short = { ...ctx, limits: answerLimits(300, 20) };
    const b = planBaselines(plan(1, ['temperature'], NOW - HOUR), {
      now: NOW,
      limits: short.limits,
      timeZone: ZONE,
    });
    assert.deepEqual(
      b.fetches.map((f) => f.weeksBack),
      [1, 2],
    );
  });
});
