/**
 * The two alert rules without a fixed threshold, through the same state machine as thresholds:
 * "unusual for this room" on a constructed series with a known anomaly (six Tuesdays of 21 °C
 * around 14:00, then 24.5 °C), and "sensor goes quiet" on a device whose readings stop.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { evaluateAlert } from '../../src/automation/alert-machine';
import { alertMessage } from '../../src/automation/alert-message';
import { findConditionStart, lookBackFrom } from '../../src/automation/condition-start';
import { lastReadingFound, QUIET_JUDGE, quietMarks } from '../../src/automation/quiet-rule';
import { ruleText } from '../../src/automation/rule-text';
import {
  UNUSUAL_LOOK_BACK_MS,
  unusualJudge,
  unusualStatement,
  usualBand,
  widenedAfterFalseAlarm,
  widenedText,
  widenOf,
} from '../../src/automation/unusual-rule';
import { baselineFor } from '../../src/metrics/baseline';
import type { MetricPoint } from '../../src/metrics/points';
import type { AlertRule, AlertState, UnusualCondition } from '../../src/model';
import { alertRule } from '../support/alert-rule';
import { series } from '../support/constructed-series';

const OSLO = 'Europe/Oslo';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (local: string) => DateTime.fromISO(local, { zone: OSLO }).toMillis();

/** An "unusual" temperature rule on Fjord, held 10 min, 0.5 °C hysteresis. */
const rule = (over: Partial<AlertRule>): AlertRule =>
  alertRule({
    metric: 'temperature',
    rooms: { workspaceIds: ['fjord'] },
    condition: { op: 'unusual' },
    holdMs: 10 * MINUTE,
    hysteresis: 0.5,
    ...over,
  });

/** Six past Tuesdays 14:00–15:00 in Oslo (one across the DST change on 25 Oct), 20.8–21.2 °C. */
function tuesdays(): MetricPoint[] {
  const means = [21.0, 20.8, 21.2, 21.1, 20.9, 21.0];
  return means.map((mean, i) => {
    const start = DateTime.fromISO('2026-12-01T14:00', { zone: OSLO })
      .minus({ weeks: i + 1 })
      .toMillis();
    return { start, end: start + HOUR, mean, min: mean - 0.2, max: mean + 0.2 };
  });
}

describe('unusual-for-this-room rules', () => {
  const points = tuesdays();
  const baselineAt = (t: number) => baselineFor('temperature', points, t, OSLO, { weeks: 6 });

  it('fires after the hold time on the anomaly and says how far from a usual Tuesday afternoon', async () => {
    const condition: UnusualCondition = { op: 'unusual' };
    const judge = unusualJudge('temperature', condition, 0.5, baselineAt);
    const readings = [
      { at: at('2026-12-01T14:00'), value: 21.1 },
      { at: at('2026-12-01T14:05'), value: 24.3 },
      { at: at('2026-12-01T14:10'), value: 24.1 },
      { at: at('2026-12-01T14:15'), value: 24.5 },
    ];
    const r = rule({});
    const { state, events } = evaluateAlert(
      r,
      undefined,
      readings,
      at('2026-12-01T14:16'),
      OSLO,
      'fjord',
      judge,
    );
    assert.equal(state.status, 'firing');
    assert.deepEqual(
      events.map((e) => [e.kind, e.value, e.since]),
      [['fire', 24.5, at('2026-12-01T14:05')]],
    );
    const baseline = baselineAt(events[0]!.at)!;
    assert.equal(baseline.median, 21.0);
    assert.equal(
      unusualStatement('temperature', 'Fjord', 24.5, baseline, 'celsius'),
      'Fjord is 3.5 °C warmer than a usual Tuesday afternoon here (usual 21.0 °C)',
    );
    // The card: that sentence as its headline, the time with its zone.
    const message = await alertMessage({
      rule: r,
      workspaceId: 'fjord',
      roomName: 'Fjord',
      event: events[0]!,
      state,
      timeZone: OSLO,
      unit: 'celsius',
      charts: { render: async () => undefined } as never,
      history: async () => [],
      now: at('2026-12-01T14:16'),
      baseline,
    });
    assert.match(
      message.markdown!,
      /Fjord is 3\.5 °C warmer than a usual Tuesday afternoon here \(usual 21\.0 °C\)/,
    );
    assert.match(message.markdown!, /since 14:05 \(Europe\/Oslo\)/);
  });

  it('"since" is when the anomaly began: searched back through the hours before the look, each against its own baseline', async () => {
    // Six past Tuesdays of 21 °C from 11:00 to 15:00; on Tue 1 Dec it jumps to 24.5 °C at 12:40.
    const hours = [11, 12, 13, 14].flatMap((h) =>
      [1, 2, 3, 4, 5, 6].map((k) => {
        const start = DateTime.fromISO('2026-12-01T00:00', { zone: OSLO })
          .set({ hour: h })
          .minus({ weeks: k })
          .toMillis();
        const mean = [21.0, 20.8, 21.2, 21.1, 20.9, 21.0][k - 1]!;
        return { start, end: start + HOUR, mean, min: mean - 0.2, max: mean + 0.2 };
      }),
    );
    const judgeOf = (known: MetricPoint[]) =>
      unusualJudge('temperature', { op: 'unusual' }, 0.5, (t) =>
        baselineFor('temperature', known, t, OSLO, { weeks: 6 }),
      );
    const judge = judgeOf(hours);
    const jump = at('2026-12-01T12:40');
    const { reader, calls } = series((t) => (t < jump ? 21.0 : 24.5));
    // A new rule's first look, 14:00–14:30: unusual from its first reading, nothing known before.
    const look = lookBackFrom(judge, undefined, [
      { at: at('2026-12-01T14:00'), value: 24.5 },
      { at: at('2026-12-01T14:05'), value: 24.5 },
    ]);
    assert.equal(look?.first.at, at('2026-12-01T14:00'));
    const found = await findConditionStart(judge, look!.first.at, reader, {
      maxLookBackMs: UNUSUAL_LOOK_BACK_MS,
    });
    assert.deepEqual(found, { since: jump, exact: true }, calls.join('; '));
    // The 13:00 hour was wholly unusual (one hourly read), the 12:00 one not: its raw readings pin 12:40.
    assert.equal(calls.filter((c) => c.startsWith('raw')).length, 2, calls.join('; '));

    // An hour without a baseline is not known to be unusual: the run is not carried into it.
    const without12 = judgeOf(hours.filter((p) => DateTime.fromMillis(p.start, { zone: OSLO }).hour !== 12));
    const partial = await findConditionStart(
      without12,
      look!.first.at,
      series((t) => (t < jump ? 21.0 : 24.5)).reader,
    );
    assert.equal(partial.since, at('2026-12-01T13:00'));

    // The state machine then holds from 12:40: the look's first reading fires at once.
    const pending: AlertState = {
      ruleId: 'a1',
      workspaceId: 'fjord',
      status: 'pending',
      conditionSince: found.since,
    };
    const { events } = evaluateAlert(
      rule({}),
      pending,
      [{ at: at('2026-12-01T14:00'), value: 24.5 }],
      at('2026-12-01T14:30'),
      OSLO,
      'fjord',
      judge,
    );
    assert.deepEqual(
      events.map((e) => [e.kind, e.since]),
      [['fire', jump]],
    );
  });

  it('does not resolve inside the hysteresis, resolves back in the usual band; hours without a baseline are not judged', () => {
    const judge = unusualJudge('temperature', { op: 'unusual' }, 0.5, baselineAt);
    const band = usualBand('temperature', baselineAt(at('2026-12-01T14:30'))!, 1);
    assert.ok(band.high > 21.9 && band.high < 22.1, `band up to ${band.high}`); // 21.0 + max(3 × 0.3, 1)
    const firing: AlertState = {
      ruleId: 'a1',
      workspaceId: 'fjord',
      status: 'firing',
      conditionSince: at('2026-12-01T14:05'),
      firedAt: at('2026-12-01T14:15'),
      lastNotifiedAt: at('2026-12-01T14:16'),
      lastReadingAt: at('2026-12-01T14:15'),
    };
    const still = evaluateAlert(
      rule({}),
      firing,
      [{ at: at('2026-12-01T14:20'), value: 21.8 }],
      at('2026-12-01T14:21'),
      OSLO,
      'fjord',
      judge,
    );
    assert.equal(still.state.status, 'firing');
    const back = evaluateAlert(
      rule({}),
      still.state,
      [{ at: at('2026-12-01T14:25'), value: 21.2 }],
      at('2026-12-01T14:26'),
      OSLO,
      'fjord',
      judge,
    );
    assert.deepEqual(
      back.events.map((e) => e.kind),
      ['resolve'],
    );
    // Wednesday 14:00 has no past Wednesdays here: not judged, nothing changes.
    const wednesday = evaluateAlert(
      rule({}),
      undefined,
      [{ at: at('2026-12-02T14:05'), value: 40 }],
      at('2026-12-02T14:30'),
      OSLO,
      'fjord',
      judge,
    );
    assert.equal(wednesday.state.status, 'normal');
  });

  it('a false alarm widens the band ×1.5 (capped) and the rule says so', () => {
    const once = widenedAfterFalseAlarm({ op: 'unusual' });
    assert.deepEqual(once, { op: 'unusual', widen: 1.5, falseAlarms: 1 });
    assert.equal(widenedText(once), 'band widened ×1.5 after 1 false alarm');
    let many: UnusualCondition = once;
    for (let i = 0; i < 6; i++) many = widenedAfterFalseAlarm(many);
    assert.equal(widenOf(many), 4);
    assert.equal(widenedText(many), 'band widened ×4 after 7 false alarms');
    // 24.5 °C fires at ×1, and at ×1.5 too (3.5 °C against 1.35 °C), but 22.3 °C only at ×1.
    const base = baselineAt(at('2026-12-01T14:30'))!;
    assert.ok(usualBand('temperature', base, 1).high < 22.3);
    const wideJudge = unusualJudge('temperature', { op: 'unusual', widen: 4 }, 0.5, baselineAt);
    assert.equal(wideJudge.breaches({ at: at('2026-12-01T14:30'), value: 22.3 }), false);
    assert.equal(
      ruleText(rule({ condition: once }), () => 'Fjord'),
      'Temperature unusual for the room in Fjord, for 10 min (band widened ×1.5 after 1 false alarm)',
    );
  });
});

describe('sensor-goes-quiet rules', () => {
  const quiet = rule({
    metric: 'ambientNoise',
    holdMs: 0,
    hysteresis: 0,
    condition: { op: 'quiet', afterMs: 2 * HOUR },
    rooms: { workspaceIds: ['booth'] },
  });
  const condition = { op: 'quiet' as const, afterMs: 2 * HOUR };

  it('fires once the last reading is older than the rule’s time, since that reading; a new reading resolves', () => {
    const last = at('2026-12-01T10:20');
    const seen: AlertState = { ruleId: 'a1', workspaceId: 'booth', status: 'normal', lastReadingAt: last };
    // 2 h exactly: not yet.
    assert.deepEqual(quietMarks(condition, seen, [], last + 2 * HOUR), []);
    const now = at('2026-12-01T12:25');
    const fired = evaluateAlert(
      quiet,
      seen,
      quietMarks(condition, seen, [], now),
      now,
      OSLO,
      'booth',
      QUIET_JUDGE,
    );
    assert.deepEqual(
      fired.events.map((e) => e.kind),
      ['fire'],
    );
    assert.equal(DateTime.fromMillis(fired.events[0]!.since, { zone: OSLO }).toFormat('HH:mm'), '10:20');
    // Later passes: still firing, nothing new posted.
    const later = at('2026-12-01T16:00');
    const again = evaluateAlert(
      quiet,
      fired.state,
      quietMarks(condition, fired.state, [], later),
      later,
      OSLO,
      'booth',
      QUIET_JUDGE,
    );
    assert.deepEqual(again.events, []);
    assert.equal(again.state.status, 'firing');
    // Readings come back.
    const back = at('2026-12-01T16:05');
    const marks = quietMarks(condition, again.state, [{ at: back, value: 48 }], back + MINUTE);
    const resolved = evaluateAlert(quiet, again.state, marks, back + MINUTE, OSLO, 'booth', QUIET_JUDGE);
    assert.deepEqual(
      resolved.events.map((e) => [e.kind, e.at]),
      [['resolve', back]],
    );
    assert.equal(resolved.state.status, 'normal');
  });

  it('the last reading of a first look comes from the hourly buckets and the raw hour (sensor-health logic)', () => {
    const hour = at('2026-12-01T10:00');
    const buckets = [
      { start: hour - HOUR, min: 40, max: 50 },
      { start: hour, min: 40, max: 50 },
    ];
    const raw = [
      { at: at('2026-12-01T10:15'), value: 45 },
      { at: at('2026-12-01T10:20'), value: 44 },
    ];
    const now = at('2026-12-04T15:00');
    assert.equal(
      lastReadingFound('ambientNoise', buckets, raw, now - 7 * 24 * HOUR, now),
      at('2026-12-01T10:20'),
    );
    // Without the raw hour: the end of the newest bucket.
    assert.equal(lastReadingFound('ambientNoise', buckets, [], now - 7 * 24 * HOUR, now), hour + HOUR);
    assert.equal(lastReadingFound('ambientNoise', [], [], now - 7 * 24 * HOUR, now), undefined);
  });

  it('reads as a rule: which rooms and after how long', () => {
    assert.equal(
      ruleText(quiet, () => 'Focus Booth 1'),
      'Sensor in Focus Booth 1 goes quiet: no reading for 2 h',
    );
    assert.equal(
      ruleText({ ...quiet, rooms: { all: true } }, () => ''),
      'Any room’s sensor goes quiet: no reading for 2 h',
    );
  });
});
