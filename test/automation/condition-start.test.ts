/**
 * Honest "since": the start of an alert's condition is found in constructed series (readings every
 * 5 minutes from a function of time, with gaps), read through a fake reader that aggregates hourly
 * buckets as the API does and counts calls. No clock: instants are built from a fixed day.
 */
import assert from 'node:assert/strict';
import type { Reading } from '../../src/automation/alert-machine';
import {
  CONTINUOUS_MS,
  findConditionStart,
  type HourBucket,
  lookBackFrom,
  MAX_LOOK_BACK_MS,
  runStart,
  wholeHourBreached,
} from '../../src/automation/condition-start';
import type { AlertCondition, AlertState } from '../../src/model';
import { series } from '../support/constructed-series';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEP = 5 * MINUTE;
/** Wednesday 18 Nov 2026, 14:00 UTC. */
const T = Date.UTC(2026, 10, 18, 14, 0);

const ABOVE_500: AlertCondition = { op: 'above', value: 500 };

/** 400 before `start`, 700 from it on. */
const stepUpAt = (start: number) => (t: number) => (t < start ? 400 : 700);

describe('automation: when a condition started (honest "since")', () => {
  it('within the hour of the reading: the first reading past the threshold', async () => {
    const { reader, calls } = series(stepUpAt(T + 15 * MINUTE));
    const found = await findConditionStart(ABOVE_500, T + 40 * MINUTE, reader);
    assert.deepEqual(found, { since: T + 15 * MINUTE, exact: true });
    assert.equal(calls.length, 1, 'one call: the raw readings of this hour');
  });

  it('three days back: hourly data until the boundary hour, then its raw readings pin the reading', async () => {
    const start = T - 3 * DAY + 35 * MINUTE; // Sun 15 Nov 14:35 UTC
    const { reader, calls } = series(stepUpAt(start));
    const found = await findConditionStart(ABOVE_500, T + 10 * MINUTE, reader);
    assert.deepEqual(found, { since: start, exact: true });
    assert.deepEqual(calls, [
      'raw 2026-11-18T14:00–2026-11-18T14:10',
      'hourly 2026-11-16T14:00–2026-11-18T14:00',
      'hourly 2026-11-14T14:00–2026-11-16T14:00',
      'raw 2026-11-15T14:00–2026-11-15T16:00',
    ]);
  });

  it('a start on the hour: the last reading below is the last of the hour before', async () => {
    const start = T - 5 * HOUR; // 09:00 exactly
    const { reader } = series(stepUpAt(start));
    assert.deepEqual(await findConditionStart(ABOVE_500, T + 20 * MINUTE, reader), {
      since: start,
      exact: true,
    });
    // The hour before the reading's own hour is the boundary.
    const { reader: r2 } = series(stepUpAt(T));
    assert.deepEqual(await findConditionStart(ABOVE_500, T + 20 * MINUTE, r2), { since: T, exact: true });
    // The reading is the first of its hour (nothing read before it in the hour).
    const { reader: r3 } = series(stepUpAt(T - 2 * HOUR + 10 * MINUTE));
    assert.deepEqual(await findConditionStart(ABOVE_500, T, r3), {
      since: T - 2 * HOUR + 10 * MINUTE,
      exact: true,
    });
  });

  it('below and outside conditions', async () => {
    const start = T - 26 * HOUR + 50 * MINUTE;
    const dry = series((t) => (t < start ? 35 : 24));
    assert.deepEqual(await findConditionStart({ op: 'below', value: 30 }, T + 5 * MINUTE, dry.reader), {
      since: start,
      exact: true,
    });
    // Outside 30–60: too dry, then too humid, all outside; a reading inside the band before.
    const swing = series((t) => (t < start ? 45 : t < T - 3 * HOUR ? 25 : 65));
    assert.deepEqual(
      await findConditionStart({ op: 'outside', low: 30, high: 60 }, T + 5 * MINUTE, swing.reader),
      { since: start, exact: true },
    );
  });

  it('a sensor gap ends the look-back: the condition is not known to have held across it', async () => {
    const gapFrom = T - 6 * HOUR;
    const gapTo = T - 4 * HOUR;
    const { reader } = series((t) => (t >= gapFrom && t < gapTo ? undefined : 700));
    const found = await findConditionStart(ABOVE_500, T + 10 * MINUTE, reader);
    assert.deepEqual(found, { since: gapTo, exact: true });
    // A gap inside the reading's own hour is not a missing hour; one just before it is.
    const { reader: r2 } = series((t) => (t >= T - HOUR && t < T ? undefined : 700));
    assert.deepEqual(await findConditionStart(ABOVE_500, T + 10 * MINUTE, r2), { since: T, exact: true });
  });

  it('bounded: a condition held for longer than 7 days says so, in at most 6 calls', async () => {
    const { reader, calls } = series(() => 700);
    const found = await findConditionStart(ABOVE_500, T + 10 * MINUTE, reader);
    assert.deepEqual(found, { since: T - MAX_LOOK_BACK_MS, exact: false });
    assert.ok(calls.length <= 6, calls.join('\n'));
  });

  it('a reading known not to breach bounds it: the run starts after it, exactly', async () => {
    const known = T - 3 * HOUR - 7 * MINUTE; // evaluated as normal before an outage
    const { reader, calls } = series((t) => (t <= known ? 400 : 700));
    const found = await findConditionStart(ABOVE_500, T - HOUR, reader, { notBefore: known });
    assert.deepEqual(found, { since: known + 2 * MINUTE, exact: true });
    assert.ok(
      calls.every((c) => !c.includes('2026-11-17')),
      `nothing read before it: ${calls.join('; ')}`,
    );
  });

  it('no history at all: the reading itself', async () => {
    const { reader } = series((t) => (t < T + 10 * MINUTE ? undefined : 700));
    assert.deepEqual(await findConditionStart(ABOVE_500, T + 10 * MINUTE, reader), {
      since: T + 10 * MINUTE,
      exact: true,
    });
  });

  it('runStart and wholeHourBreached', () => {
    const r = (at: number, value: number) => ({ at, value });
    assert.deepEqual(runStart(ABOVE_500, [r(1, 400), r(2, 600), r(3, 700)], 9), { start: 2, broken: true });
    assert.deepEqual(runStart(ABOVE_500, [r(1, 600), r(2, 400)], 9), { start: 9, broken: true });
    assert.deepEqual(runStart(ABOVE_500, [r(1, 600)], 9), { start: 1, broken: false });
    assert.deepEqual(runStart(ABOVE_500, [], 9), { start: 9, broken: false });
    const bucket = (min: number, max: number): HourBucket => ({ start: 0, end: HOUR, min, max });
    assert.equal(wholeHourBreached(ABOVE_500, bucket(501, 900)), true);
    assert.equal(wholeHourBreached(ABOVE_500, bucket(500, 900)), false, 'strictly above');
    assert.equal(wholeHourBreached({ op: 'below', value: 18 }, bucket(10, 17.9)), true);
    assert.equal(wholeHourBreached({ op: 'outside', low: 30, high: 60 }, bucket(20, 70)), false);
    assert.equal(wholeHourBreached({ op: 'outside', low: 30, high: 60 }, bucket(61, 70)), true);
  });
});

describe('automation: when to look back', () => {
  const r = (at: number, value: number): Reading => ({ at, value });
  const state = (over: Partial<AlertState>): AlertState => ({
    ruleId: 'a1',
    workspaceId: 'w',
    status: 'normal',
    ...over,
  });

  it('a first look (no state) that begins in breach', () => {
    assert.deepEqual(lookBackFrom(ABOVE_500, undefined, [r(T + STEP, 700), r(T, 650)]), { first: r(T, 650) });
    assert.equal(lookBackFrom(ABOVE_500, undefined, [r(T, 450), r(T + STEP, 700)]), undefined);
    assert.equal(lookBackFrom(ABOVE_500, undefined, []), undefined);
  });

  it('after an outage (the last reading evaluated is long before); not within a continuous look', () => {
    const seen = state({ lastReadingAt: T - 3 * HOUR });
    assert.deepEqual(lookBackFrom(ABOVE_500, seen, [r(T - 3 * HOUR, 700), r(T, 700)]), {
      first: r(T, 700),
      notBefore: T - 3 * HOUR,
    });
    const continuous = state({ lastReadingAt: T - CONTINUOUS_MS });
    assert.equal(lookBackFrom(ABOVE_500, continuous, [r(T, 700)]), undefined);
  });

  it('never while an episode is under way (pending or firing: its start is known)', () => {
    for (const status of ['pending', 'firing'] as const) {
      assert.equal(
        lookBackFrom(ABOVE_500, state({ status, conditionSince: T - HOUR }), [r(T, 700)]),
        undefined,
      );
    }
  });
});
