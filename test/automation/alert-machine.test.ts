import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  type AlertEvent,
  breaches,
  DEFAULT_HOLD_MS,
  DEFAULT_RENOTIFY_MS,
  defaultHysteresis,
  evaluateAlert,
  inQuietHours,
  recovered,
  validateThreshold,
} from '../../src/automation/alert-machine';
import type { AlertRule, AlertState } from '../../src/model';
import { alertRule } from '../support/alert-rule';

const OSLO = 'Europe/Oslo';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "2026-11-30T10:05" in Oslo → epoch ms. */
const at = (local: string) => DateTime.fromISO(local, { zone: OSLO }).toMillis();
/** Epoch ms → "10:05" in Oslo (all scenarios below stay within a day or two). */
const clock = (ms: number) => DateTime.fromMillis(ms, { zone: OSLO }).toFormat('HH:mm');

/** An event as a person reading the space would summarise it: "fire 1010 at 10:00 (since 10:00)". */
function describe_(event: AlertEvent): string {
  const base = `${event.kind} ${event.value} at ${clock(event.at)} (since ${clock(event.since)})`;
  return event.kind === 'resolve' ? `${base}, fired ${clock(event.firedAt)}` : base;
}

/**
 * Polls as the scheduler would: at each step the new readings arrive and the machine is evaluated
 * at `now` (the reading's time unless given). Returns the event log and the final state.
 */
function run(
  r: AlertRule,
  steps: { at: string; value?: number; now?: string }[],
  initial?: AlertState,
): { log: string[]; state: AlertState } {
  let state = initial;
  const log: string[] = [];
  for (const step of steps) {
    const readings = step.value === undefined ? [] : [{ at: at(step.at), value: step.value }];
    const result = evaluateAlert(r, state, readings, at(step.now ?? step.at), OSLO, 'ws-1');
    log.push(...result.events.map(describe_));
    state = result.state;
  }
  return { log, state: state! };
}

/** Readings every 5 minutes from `start`. */
const every5 = (start: string, values: number[]) =>
  values.map((value, i) => ({
    at: DateTime.fromISO(start, { zone: OSLO })
      .plus({ minutes: 5 * i })
      .toFormat("yyyy-MM-dd'T'HH:mm"),
    value,
  }));

describe('automation/alert-machine evaluateAlert', () => {
  it('fires once and resolves once for a value flapping around the threshold (hysteresis)', () => {
    // tvoc above 1000 ppb, hysteresis 50: it resolves only at ≤ 950 ppb.
    const values = [980, 1010, 990, 1005, 995, 1001, 960, 955, 1003, 951, 940, 960, 990];
    const { log, state } = run(alertRule(), every5('2026-11-30T10:00', values));
    assert.deepEqual(log, [
      'fire 1010 at 10:05 (since 10:05)',
      'resolve 940 at 10:50 (since 10:05), fired 10:05',
    ]);
    assert.equal(state.status, 'normal');
    assert.equal(state.lastValue, 990);
    assert.equal(clock(state.lastReadingAt!), '11:00');
  });

  it('without hysteresis the same series fires and resolves over and over (why it exists)', () => {
    const values = [980, 1010, 990, 1005, 995, 1001, 960, 955, 1003, 951, 940, 960, 990];
    const { log } = run(alertRule({ hysteresis: 0 }), every5('2026-11-30T10:00', values));
    assert.equal(log.filter((line) => line.startsWith('fire')).length, 4);
  });

  it('waits for the hold time: pending, then firing once the breach has lasted holdMs', () => {
    const r = alertRule({ holdMs: DEFAULT_HOLD_MS });
    const pending = run(r, every5('2026-11-30T10:00', [1100, 1100]));
    assert.deepEqual(pending.log, []);
    assert.equal(pending.state.status, 'pending');
    assert.equal(clock(pending.state.conditionSince!), '10:00');
    const { log, state } = run(r, every5('2026-11-30T10:00', [1100, 1100, 1200]));
    assert.deepEqual(log, ['fire 1200 at 10:10 (since 10:00)']);
    assert.equal(state.status, 'firing');
    assert.equal(state.firedValue, 1200);
  });

  it('starts the hold time again after a reading that no longer breaches', () => {
    const r = alertRule({ holdMs: 10 * MINUTE });
    const { log } = run(r, every5('2026-11-30T10:00', [1100, 1100, 990, 1100, 1100, 1100]));
    assert.deepEqual(log, ['fire 1100 at 10:25 (since 10:15)']);
  });

  it('fires at the first breach with holdMs 0', () => {
    assert.deepEqual(run(alertRule(), every5('2026-11-30T10:00', [1001])).log, [
      'fire 1001 at 10:00 (since 10:00)',
    ]);
  });

  it('fires within one poll when all readings of the hold arrive together', () => {
    const r = alertRule({ holdMs: 10 * MINUTE });
    const readings = [0, 5, 10].map((m) => ({ at: at('2026-11-30T10:00') + m * MINUTE, value: 1100 }));
    const { state, events } = evaluateAlert(r, undefined, readings, at('2026-11-30T10:12'), OSLO, 'ws-1');
    assert.deepEqual(events.map(describe_), ['fire 1100 at 10:10 (since 10:00)']);
    assert.equal(state.workspaceId, 'ws-1');
    assert.equal(state.ruleId, 'a1');
    // The returned state already records the notification; the caller adds alertMessageId after posting.
    assert.equal(state.lastNotifiedAt, at('2026-11-30T10:12'));
  });

  it('renotifies every renotifyMs while firing, with the latest value', () => {
    const r = alertRule({ renotifyMs: DEFAULT_RENOTIFY_MS });
    const { log } = run(r, [
      { at: '2026-11-30T10:00', value: 1100 },
      { at: '2026-11-30T11:59', value: 1150 },
      { at: '2026-11-30T12:00', value: 1200 },
      { at: '2026-11-30T13:59', value: 1200 },
      { at: '2026-11-30T14:00', value: 1300 },
    ]);
    assert.deepEqual(log, [
      'fire 1100 at 10:00 (since 10:00)',
      'renotify 1200 at 12:00 (since 10:00)',
      'renotify 1300 at 14:00 (since 10:00)',
    ]);
  });

  it('never renotifies with renotifyMs 0', () => {
    const { log } = run(alertRule(), [
      { at: '2026-11-30T10:00', value: 1100 },
      { at: '2026-11-30T23:00', value: 1100 },
    ]);
    assert.deepEqual(log, ['fire 1100 at 10:00 (since 10:00)']);
  });

  it('stops renotifying once acknowledged; the resolve still comes and clears the acknowledgement', () => {
    const r = alertRule({ renotifyMs: 2 * HOUR });
    const fired = run(r, [{ at: '2026-11-30T10:00', value: 1100 }]);
    const acked: AlertState = {
      ...fired.state,
      alertMessageId: 'msg-1',
      acknowledgedBy: 'p2',
      acknowledgedAt: at('2026-11-30T10:30'),
    };
    const { log, state } = run(
      r,
      [
        { at: '2026-11-30T12:00', value: 1100 },
        { at: '2026-11-30T16:00', value: 1100 },
        { at: '2026-11-30T16:05', value: 900 },
      ],
      acked,
    );
    assert.deepEqual(log, ['resolve 900 at 16:05 (since 10:00), fired 10:00']);
    assert.deepEqual(state, {
      ruleId: 'a1',
      workspaceId: 'ws-1',
      status: 'normal',
      lastValue: 900,
      lastReadingAt: at('2026-11-30T16:05'),
    });
  });

  it('threads the resolve under the alert message', () => {
    const fired = run(alertRule(), [{ at: '2026-11-30T10:00', value: 1100 }]);
    const posted: AlertState = { ...fired.state, alertMessageId: 'msg-1' };
    const { events } = evaluateAlert(
      alertRule(),
      posted,
      [{ at: at('2026-11-30T10:05'), value: 900 }],
      at('2026-11-30T10:05'),
      OSLO,
    );
    assert.equal(events[0]?.kind === 'resolve' && events[0].alertMessageId, 'msg-1');
  });

  it('is quiet while snoozed and reminds as soon as the snooze ends if still firing', () => {
    const r = alertRule({ renotifyMs: 2 * HOUR });
    const fired = run(r, [{ at: '2026-11-30T10:00', value: 1100 }]);
    const snoozed: AlertState = { ...fired.state, snoozedUntil: at('2026-11-30T11:00') };
    const { log } = run(
      r,
      [
        { at: '2026-11-30T10:30', value: 1100 },
        { at: '2026-11-30T10:59', value: 1100 },
        { at: '2026-11-30T11:00', value: 1120 },
        { at: '2026-11-30T11:30', value: 1100 },
        { at: '2026-11-30T13:00', value: 1100 },
      ],
      snoozed,
    );
    // Reminded at 11:00 (snooze over, not 12:00), then every 2 h from that reminder.
    assert.deepEqual(log, ['renotify 1120 at 11:00 (since 10:00)', 'renotify 1100 at 13:00 (since 10:00)']);
  });

  it('reminds after a snooze even when the rule never renotifies', () => {
    const fired = run(alertRule(), [{ at: '2026-11-30T10:00', value: 1100 }]);
    const snoozed: AlertState = { ...fired.state, snoozedUntil: at('2026-11-30T11:00') };
    const { log } = run(alertRule(), [{ at: '2026-11-30T11:05', value: 1100 }], snoozed);
    assert.deepEqual(log, ['renotify 1100 at 11:05 (since 10:00)']);
  });

  it('a false alarm posts nothing more until it resolves; the next breach fires again', () => {
    const r = alertRule({ renotifyMs: HOUR });
    const fired = run(r, [{ at: '2026-11-30T10:00', value: 1100 }]);
    const marked: AlertState = { ...fired.state, falseAlarm: true };
    const { log, state } = run(
      r,
      [
        { at: '2026-11-30T12:00', value: 1100 },
        { at: '2026-11-30T12:05', value: 900 },
        { at: '2026-11-30T14:00', value: 1100 },
      ],
      marked,
    );
    assert.deepEqual(log, [
      'resolve 900 at 12:05 (since 10:00), fired 10:00',
      'fire 1100 at 14:00 (since 14:00)',
    ]);
    assert.equal(state.falseAlarm, undefined);
  });

  describe('quiet hours 22:00–07:00 (crossing midnight, Europe/Oslo)', () => {
    const quiet = alertRule({ quietHours: { from: '22:00', to: '07:00' }, renotifyMs: 2 * HOUR });

    it('holds a fire during quiet hours and posts it as a fire at the first poll after 07:00', () => {
      const { log, state } = run(quiet, [
        { at: '2026-11-30T23:10', value: 1100 },
        { at: '2026-12-01T03:00', value: 1150 },
        { at: '2026-12-01T06:59', value: 1150 },
        { at: '2026-12-01T07:00', value: 1130 },
      ]);
      assert.deepEqual(log, ['fire 1100 at 23:10 (since 23:10)']);
      assert.equal(state.lastNotifiedAt, at('2026-12-01T07:00'));
    });

    it('keeps the state firing with nothing notified while held', () => {
      const { log, state } = run(quiet, [{ at: '2026-11-30T23:10', value: 1100 }]);
      assert.deepEqual(log, []);
      assert.equal(state.status, 'firing');
      assert.equal(state.lastNotifiedAt, undefined);
    });

    it('goes back to normal silently when the unposted alert resolves in quiet hours', () => {
      const { log, state } = run(quiet, [
        { at: '2026-11-30T23:10', value: 1100 },
        { at: '2026-12-01T02:00', value: 800 },
        { at: '2026-12-01T07:00', value: 800 },
      ]);
      assert.deepEqual(log, []);
      assert.equal(state.status, 'normal');
    });

    it('posts the resolve of a posted alert even in quiet hours', () => {
      const { log } = run(quiet, [
        { at: '2026-11-30T21:50', value: 1100 },
        { at: '2026-11-30T23:30', value: 800 },
      ]);
      assert.deepEqual(log, [
        'fire 1100 at 21:50 (since 21:50)',
        'resolve 800 at 23:30 (since 21:50), fired 21:50',
      ]);
    });

    it('holds a renotify due at night until the quiet hours end', () => {
      const { log } = run(quiet, [
        { at: '2026-11-30T21:00', value: 1100 },
        { at: '2026-11-30T23:00', value: 1100 },
        { at: '2026-12-01T05:00', value: 1100 },
        { at: '2026-12-01T07:05', value: 1180 },
      ]);
      assert.deepEqual(log, ['fire 1100 at 21:00 (since 21:00)', 'renotify 1180 at 07:05 (since 21:00)']);
    });

    it('reads quiet hours on the local clock, including a window within one day', () => {
      const window = { from: '22:00', to: '07:00' };
      assert.equal(inQuietHours(window, at('2026-11-30T21:59'), OSLO), false);
      assert.equal(inQuietHours(window, at('2026-11-30T22:00'), OSLO), true);
      assert.equal(inQuietHours(window, at('2026-12-01T00:30'), OSLO), true);
      assert.equal(inQuietHours(window, at('2026-12-01T07:00'), OSLO), false);
      // 21:30 UTC is 22:30 in Oslo: the zone decides, not UTC.
      assert.equal(inQuietHours(window, Date.parse('2026-11-30T21:30:00Z'), OSLO), true);
      assert.equal(inQuietHours(window, Date.parse('2026-11-30T21:30:00Z'), 'UTC'), false);
      const lunch = { from: '12:00', to: '13:00' };
      assert.equal(inQuietHours(lunch, at('2026-11-30T12:30'), OSLO), true);
      assert.equal(inQuietHours(lunch, at('2026-11-30T13:30'), OSLO), false);
      assert.equal(inQuietHours({ from: '08:00', to: '08:00' }, at('2026-11-30T08:00'), OSLO), false);
    });
  });

  it('a muted rule keeps its state but posts nothing; unmuted while firing, it posts the fire', () => {
    const muted = run(alertRule({ muted: true }), every5('2026-11-30T10:00', [1100, 1200]));
    assert.deepEqual(muted.log, []);
    assert.equal(muted.state.status, 'firing');
    assert.equal(muted.state.lastValue, 1200);
    const unmuted = run(alertRule(), [{ at: '2026-11-30T10:30', value: 1150 }], muted.state);
    assert.deepEqual(unmuted.log, ['fire 1100 at 10:00 (since 10:00)']);
    const silentResolve = run(
      alertRule({ muted: true }),
      [{ at: '2026-11-30T10:45', value: 900 }],
      unmuted.state,
    );
    assert.deepEqual(silentResolve.log, []);
    assert.equal(silentResolve.state.status, 'normal');
  });

  it('handles an outside band on both sides, with hysteresis inside the band', () => {
    // Humidity outside 30–60 %, hysteresis 3: recovered only within 33–57 %.
    const r = alertRule({
      metric: 'humidity',
      condition: { op: 'outside', low: 30, high: 60 },
      hysteresis: 3,
    });
    const { log } = run(r, every5('2026-11-30T10:00', [45, 65, 58, 56, 25, 32, 35]));
    assert.deepEqual(log, [
      'fire 65 at 10:05 (since 10:05)',
      'resolve 56 at 10:15 (since 10:05), fired 10:05',
      'fire 25 at 10:20 (since 10:20)',
      'resolve 35 at 10:30 (since 10:20), fired 10:20',
    ]);
  });

  it('handles a below condition', () => {
    const r = alertRule({ metric: 'temperature', condition: { op: 'below', value: 19 }, hysteresis: 0.5 });
    const { log } = run(r, every5('2026-11-30T10:00', [19.5, 18.8, 19.2, 19.5]));
    assert.deepEqual(log, [
      'fire 18.8 at 10:05 (since 10:05)',
      'resolve 19.5 at 10:15 (since 10:05), fired 10:05',
    ]);
  });

  it('ignores readings at or before lastReadingAt, and sorts what is new', () => {
    const fired = run(alertRule(), [{ at: '2026-11-30T10:00', value: 1100 }]);
    const old = [
      { at: at('2026-11-30T09:55'), value: 100 },
      { at: at('2026-11-30T10:00'), value: 100 },
    ];
    const same = evaluateAlert(alertRule(), fired.state, old, at('2026-11-30T10:06'), OSLO);
    assert.deepEqual(same, { state: fired.state, events: [] });
    const unsorted = [
      { at: at('2026-11-30T10:10'), value: 900 },
      { at: at('2026-11-30T10:05'), value: 1200 },
    ];
    const { state, events } = evaluateAlert(alertRule(), fired.state, unsorted, at('2026-11-30T10:11'), OSLO);
    assert.deepEqual(events.map(describe_), ['resolve 900 at 10:10 (since 10:00), fired 10:00']);
    assert.equal(state.lastValue, 900);
  });

  it('stays silent for an alert that fired and resolved between two polls (never posted)', () => {
    const readings = [1100, 1200, 900].map((value, i) => ({
      at: at('2026-11-30T10:00') + i * 5 * MINUTE,
      value,
    }));
    const { state, events } = evaluateAlert(
      alertRule(),
      undefined,
      readings,
      at('2026-11-30T10:15'),
      OSLO,
      'ws-1',
    );
    assert.deepEqual(events, []);
    assert.equal(state.status, 'normal');
  });
});

describe('automation/alert-machine thresholds', () => {
  it('breaches strictly', () => {
    assert.equal(breaches({ op: 'above', value: 500 }, 500), false);
    assert.equal(breaches({ op: 'above', value: 500 }, 500.1), true);
    assert.equal(breaches({ op: 'below', value: 19 }, 18.9), true);
    assert.equal(breaches({ op: 'outside', low: 30, high: 60 }, 30), false);
    assert.equal(breaches({ op: 'outside', low: 30, high: 60 }, 61), true);
  });

  it('recovers only back past the threshold by the hysteresis', () => {
    assert.equal(recovered({ op: 'above', value: 500 }, 50, 451), false);
    assert.equal(recovered({ op: 'above', value: 500 }, 50, 450), true);
    assert.equal(recovered({ op: 'below', value: 19 }, 0.5, 19.5), true);
    assert.equal(recovered({ op: 'outside', low: 30, high: 60 }, 3, 58), false);
    assert.equal(recovered({ op: 'outside', low: 30, high: 60 }, 3, 57), true);
  });

  it('has per-metric default hysteresis, capped so recovery stays possible', () => {
    assert.equal(defaultHysteresis('temperature', { op: 'above', value: 26 }), 0.5);
    assert.equal(defaultHysteresis('humidity', { op: 'below', value: 30 }), 3);
    assert.equal(defaultHysteresis('tvoc', { op: 'above', value: 1000 }), 50);
    assert.equal(defaultHysteresis('ambientNoise', { op: 'above', value: 50 }), 3);
    assert.equal(defaultHysteresis('soundLevel', { op: 'above', value: 70 }), 3);
    assert.equal(defaultHysteresis('peopleCount', { op: 'above', value: 8 }), 1);
    // "Anyone in the room" would otherwise resolve only at −1 people.
    assert.equal(defaultHysteresis('peopleCount', { op: 'above', value: 0 }), 0);
    // A 1 °C band keeps its middle half for recovery.
    assert.equal(defaultHysteresis('temperature', { op: 'outside', low: 21, high: 22 }), 0.25);
  });

  it('resolves "anyone in the room" when it is empty again, despite a hysteresis of 1', () => {
    const r = alertRule({ metric: 'peopleCount', condition: { op: 'above', value: 0 }, hysteresis: 1 });
    const { log } = run(r, every5('2026-11-30T10:00', [0, 2, 1, 0]));
    assert.deepEqual(log, ['fire 2 at 10:05 (since 10:05)', 'resolve 0 at 10:15 (since 10:05), fired 10:05']);
  });

  it('rejects thresholds no sensor can reach, naming the range', () => {
    assert.equal(validateThreshold('temperature', { op: 'above', value: 26 }), undefined);
    assert.equal(validateThreshold('humidity', { op: 'outside', low: 30, high: 60 }), undefined);
    assert.equal(
      validateThreshold('tvoc', { op: 'above', value: 60_001 }),
      'Air quality (TVOC) sensors read from 0 to 60000 ppb: 60001 ppb is outside that range.',
    );
    assert.match(validateThreshold('temperature', { op: 'above', value: 120 })!, /from -40 to 85 °C/);
    assert.match(validateThreshold('temperature', { op: 'below', value: -41 })!, /outside that range/);
    assert.match(validateThreshold('humidity', { op: 'above', value: 100 })!, /can never happen/);
    assert.match(validateThreshold('humidity', { op: 'below', value: 0 })!, /can never happen/);
    assert.match(validateThreshold('ambientNoise', { op: 'above', value: 150 })!, /0 to 140 dBA/);
    // A °F threshold is checked and answered in °F.
    assert.equal(validateThreshold('temperature', { op: 'above', value: 80 }, 'fahrenheit'), undefined);
    assert.equal(
      validateThreshold('temperature', { op: 'above', value: 200 }, 'fahrenheit'),
      'Temperature sensors read from -40 to 185 °F: 200 °F is outside that range.',
    );
    assert.match(validateThreshold('soundLevel', { op: 'outside', low: 20, high: 141 })!, /0 to 140 dBA/);
    assert.match(validateThreshold('peopleCount', { op: 'above', value: 5000 })!, /0 to 1000 people/);
    assert.match(
      validateThreshold('temperature', { op: 'outside', low: 25, high: 20 })!,
      /low end below the high end/,
    );
    assert.match(
      validateThreshold('temperature', { op: 'outside', low: 20, high: 20 })!,
      /low end below the high end/,
    );
    assert.match(validateThreshold('tvoc', { op: 'above', value: Number.NaN })!, /must be a number/);
  });

  it('has the documented defaults', () => {
    assert.equal(DEFAULT_HOLD_MS, 10 * MINUTE);
    assert.equal(DEFAULT_RENOTIFY_MS, 2 * HOUR);
  });
});
