import assert from 'node:assert/strict';
import { pairsFor, planEvaluation } from '../../src/automation/evaluation-budget';
import type { AlertRule } from '../../src/model';

const MINUTE = 60_000;

const rooms = Array.from({ length: 2000 }, (_, i) => `ws-${i + 1}`);
type RuleLike = Pick<AlertRule, 'id' | 'metric'> & { workspaceIds: string[] };
const byRule = (rule: RuleLike) => rule.workspaceIds;

describe('automation/evaluation-budget pairsFor', () => {
  it('polls each room once per metric: 2,000 rooms × 2 rules on different metrics = 4,000 calls', () => {
    const rules: RuleLike[] = [
      { id: 'a1', metric: 'tvoc', workspaceIds: rooms },
      { id: 'a2', metric: 'temperature', workspaceIds: rooms },
    ];
    const pairs = pairsFor(rules, byRule);
    assert.equal(pairs.length, 4000);
    assert.deepEqual(pairs[0], { workspaceId: 'ws-1', metric: 'tvoc', ruleIds: ['a1'] });
  });

  it('shares one call between rules on the same metric in the same room', () => {
    const rules: RuleLike[] = [
      { id: 'a1', metric: 'tvoc', workspaceIds: rooms },
      { id: 'a2', metric: 'tvoc', workspaceIds: ['ws-7', 'ws-2001'] },
      { id: 'a3', metric: 'tvoc', workspaceIds: ['ws-7', 'ws-7'] },
    ];
    const pairs = pairsFor(rules, byRule);
    assert.equal(pairs.length, 2001);
    assert.deepEqual(pairs.find((p) => p.workspaceId === 'ws-7')?.ruleIds, ['a1', 'a2', 'a3']);
    assert.deepEqual(pairs.at(-1), { workspaceId: 'ws-2001', metric: 'tvoc', ruleIds: ['a2'] });
  });
});

describe('automation/evaluation-budget planEvaluation', () => {
  it('lengthens the interval for 2,000 rooms × 2 metrics and says why', () => {
    const plan = planEvaluation({
      pairs: 4000,
      rooms: 2000,
      desiredIntervalMs: MINUTE,
      budgetPerMinute: 300,
    });
    assert.deepEqual(plan, {
      intervalMs: 17 * MINUTE,
      callsPerPass: 4000,
      spacingMs: 255,
      lengthened: true,
      reason:
        '2,000 rooms × 2 metrics need 4,000 calls; at 240 calls/min that takes 16.7 min, ' +
        'so alerts are checked every 17 min instead of every 1 min',
    });
    // The pass stays within the 80 % left after the chat's reserve.
    assert.ok((plan.callsPerPass / plan.intervalMs) * MINUTE <= 240);
    assert.ok(plan.spacingMs * plan.callsPerPass <= plan.intervalMs);
  });

  it('keeps the desired interval when the pass fits, spreading the calls over it', () => {
    const plan = planEvaluation({ pairs: 100, desiredIntervalMs: MINUTE, budgetPerMinute: 300 });
    assert.deepEqual(plan, { intervalMs: MINUTE, callsPerPass: 100, spacingMs: 600, lengthened: false });
  });

  it('fits exactly at the usable rate without lengthening', () => {
    const plan = planEvaluation({ pairs: 2400, desiredIntervalMs: 10 * MINUTE, budgetPerMinute: 300 });
    assert.equal(plan.lengthened, false);
    assert.equal(plan.intervalMs, 10 * MINUTE);
  });

  it('uses the reserve share it is given', () => {
    const plan = planEvaluation({
      pairs: 4000,
      desiredIntervalMs: 5 * MINUTE,
      budgetPerMinute: 300,
      reserveShare: 0,
    });
    assert.equal(plan.intervalMs, 14 * MINUTE); // 4,000 / 300 = 13.3 min
    assert.match(
      plan.reason!,
      /^4,000 room–metric pairs need 4,000 calls; at 300 calls\/min that takes 13.3 min/,
    );
    assert.match(plan.reason!, /every 14 min instead of every 5 min$/);
  });

  it('plans nothing to do for no rules', () => {
    assert.deepEqual(planEvaluation({ pairs: 0, desiredIntervalMs: MINUTE, budgetPerMinute: 300 }), {
      intervalMs: MINUTE,
      callsPerPass: 0,
      spacingMs: 0,
      lengthened: false,
    });
  });

  it('refuses a budget that leaves nothing for alerts', () => {
    assert.throws(
      () => planEvaluation({ pairs: 10, desiredIntervalMs: MINUTE, budgetPerMinute: 1 }),
      /raise the budget/,
    );
    assert.throws(
      () => planEvaluation({ pairs: 10, desiredIntervalMs: 0, budgetPerMinute: 300 }),
      RangeError,
    );
    assert.throws(
      () => planEvaluation({ pairs: 10, desiredIntervalMs: MINUTE, budgetPerMinute: 300, reserveShare: 1 }),
      RangeError,
    );
  });
});
