/**
 * The threshold-alert state machine for one rule and one workspace. Pure: readings, the stored
 * state and `now` come in; the next state and the messages to post come out.
 *
 *   normal ──breach──► pending ──held ≥ holdMs──► firing ──back past threshold by hysteresis──► normal
 *                        │                          (values between threshold and recovery level
 *                        └──no breach──► normal       keep it firing: that is what stops flapping)
 *
 * Transitions follow the readings (their `at`), notifications follow `now`: a message can only be
 * posted at an evaluation, so whether to post is decided once per call, at `now`. Consequences:
 * - a fire or renotify that falls in quiet hours (or while the rule is muted, or snoozed) is held:
 *   the state stays firing with `lastNotifiedAt` unset/old and the first evaluation after the
 *   quiet hours posts it (as `fire` if it was never posted);
 * - a resolve is posted exactly when its fire was posted, quiet hours or not; an alert that fired
 *   and resolved without ever being posted goes back to normal silently;
 * - the returned state already records `lastNotifiedAt = now` for an emitted fire/renotify, so the
 *   caller persists that state together with its post-log claim; after posting it adds
 *   `alertMessageId` (recoveries thread under it).
 *
 * Invariant: `lastNotifiedAt` is set only while firing and is cleared on resolve, so "set" means
 * "this episode has been posted".
 */

import { DateTime } from 'luxon';
import {
  type AlertRule,
  type AlertState,
  isThreshold,
  type QuietHours,
  type ThresholdCondition,
} from '../model';
import { effectiveHysteresis } from './alert-defaults';
import { knownZone, parseLocalTime } from './report-schedule';

export {
  DEFAULT_HOLD_MS,
  DEFAULT_HYSTERESIS,
  DEFAULT_RENOTIFY_MS,
  defaultHysteresis,
  effectiveHysteresis,
  SENSOR_RANGES,
  validateThreshold,
} from './alert-defaults';

export interface Reading {
  at: number;
  value: number;
}

/**
 * What to post. `fire`: the alert (value and time of the reading that made it fire, `since` when
 * the condition began). `renotify`: still firing (the latest value). `resolve`: a threaded
 * recovery under `alertMessageId`.
 */
export type AlertEvent =
  | { kind: 'fire'; at: number; value: number; since: number }
  | { kind: 'renotify'; at: number; value: number; since: number }
  | { kind: 'resolve'; at: number; value: number; since: number; firedAt: number; alertMessageId?: string };

/**
 * How one reading is judged: whether it is past the condition, and whether it is back far enough
 * to resolve a firing alert. `undefined`: it cannot be judged (an "unusual" rule without a
 * baseline for that hour): the reading is taken as seen and changes nothing.
 */
export interface ReadingJudge {
  breaches(reading: Reading): boolean | undefined;
  recovered(reading: Reading): boolean | undefined;
}

/** A fixed threshold's judge: `breaches` and `recovered` with the rule's (capped) hysteresis. */
export function thresholdJudge(
  metric: AlertRule['metric'],
  condition: ThresholdCondition,
  hysteresisGiven: number,
): ReadingJudge {
  const hysteresis = effectiveHysteresis(metric, condition, hysteresisGiven);
  return {
    breaches: (r) => breaches(condition, r.value),
    recovered: (r) => recovered(condition, hysteresis, r.value),
  };
}

/** Whether a value breaches the condition (strictly: "above 500" is not breached by 500). */
export function breaches(condition: ThresholdCondition, value: number): boolean {
  switch (condition.op) {
    case 'above':
      return value > condition.value;
    case 'below':
      return value < condition.value;
    case 'outside':
      return value < condition.low || value > condition.high;
  }
}

/**
 * Whether a value is back past the threshold by at least `hysteresis`: above V → ≤ V − h,
 * below V → ≥ V + h, outside [L, H] → within [L + h, H − h]. With h = 0 this is `!breaches`.
 */
export function recovered(condition: ThresholdCondition, hysteresis: number, value: number): boolean {
  switch (condition.op) {
    case 'above':
      return value <= condition.value - hysteresis;
    case 'below':
      return value >= condition.value + hysteresis;
    case 'outside':
      return value >= condition.low + hysteresis && value <= condition.high - hysteresis;
  }
}

/**
 * Whether `now` falls in the quiet hours, read on the local wall clock of `timeZone`. The window
 * is [from, to) and crosses midnight when from > to (22:00–07:00); from = to, a missing or an
 * unreadable window means no quiet hours.
 */
export function inQuietHours(quietHours: QuietHours | undefined, now: number, timeZone: string): boolean {
  if (!quietHours) return false;
  const from = parseLocalTime(quietHours.from);
  const to = parseLocalTime(quietHours.to);
  if (!from || !to) return false;
  const local = DateTime.fromMillis(now, { zone: knownZone(timeZone) });
  const minute = local.hour * 60 + local.minute;
  const start = from.hour * 60 + from.minute;
  const end = to.hour * 60 + to.minute;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** A fresh state: normal, nothing seen yet. */
export function initialAlertState(ruleId: string, workspaceId: string): AlertState {
  return { ruleId, workspaceId, status: 'normal' };
}

/** Back to normal: the episode's fields and its acknowledgement, snooze and false-alarm mark go. */
function toNormal(state: AlertState): AlertState {
  const {
    conditionSince: _since,
    firedAt: _firedAt,
    firedValue: _firedValue,
    lastNotifiedAt: _notified,
    alertMessageId: _message,
    acknowledgedBy: _by,
    acknowledgedAt: _ackAt,
    snoozedUntil: _snooze,
    falseAlarm: _falseAlarm,
    ...rest
  } = state;
  return { ...rest, status: 'normal' };
}

/**
 * Whether a posted, still-firing alert should be posted again at `now`. Never after an
 * acknowledgement or a false-alarm mark, nor during a snooze. When a snooze has ended and nothing
 * was posted since, a reminder is due at once (whatever `renotifyMs`): the person asked to be
 * reminded. Otherwise every `renotifyMs` (0 = never).
 */
function renotifyDue(rule: AlertRule, state: AlertState, lastNotifiedAt: number, now: number): boolean {
  if (state.falseAlarm || state.acknowledgedAt !== undefined) return false;
  if (state.snoozedUntil !== undefined) {
    if (state.snoozedUntil > now) return false;
    if (lastNotifiedAt < state.snoozedUntil) return true;
  }
  return rule.renotifyMs > 0 && now - lastNotifiedAt >= rule.renotifyMs;
}

/**
 * Whether a never-posted fire must wait beyond muting and quiet hours: a snooze set before it was
 * posted (posting resumes when it ends) or a false-alarm mark.
 */
function holdFire(state: AlertState, now: number): boolean {
  return state.falseAlarm === true || (state.snoozedUntil !== undefined && state.snoozedUntil > now);
}

/**
 * Advances one rule's state for one workspace over the new readings and decides what to post at
 * `now`. Readings at or before `state.lastReadingAt` were evaluated already and are ignored, as
 * are non-numeric values; the rest are taken in time order. Pass `workspaceId` when there is no
 * stored state yet.
 */
export function evaluateAlert(
  rule: AlertRule,
  state: AlertState,
  readings: readonly Reading[],
  now: number,
  timeZone: string,
  workspaceId?: string,
  judge?: ReadingJudge,
): { state: AlertState; events: AlertEvent[] };
export function evaluateAlert(
  rule: AlertRule,
  state: AlertState | undefined,
  readings: readonly Reading[],
  now: number,
  timeZone: string,
  workspaceId: string,
  judge?: ReadingJudge,
): { state: AlertState; events: AlertEvent[] };
export function evaluateAlert(
  rule: AlertRule,
  state: AlertState | undefined,
  readings: readonly Reading[],
  now: number,
  timeZone: string,
  workspaceId?: string,
  judge?: ReadingJudge,
): { state: AlertState; events: AlertEvent[] } {
  let current: AlertState = state ?? initialAlertState(rule.id, workspaceId ?? '');
  const events: AlertEvent[] = [];
  const judged =
    judge ??
    (isThreshold(rule.condition)
      ? thresholdJudge(rule.metric, rule.condition, rule.hysteresis)
      : { breaches: () => undefined, recovered: () => undefined });
  const seenUpTo = current.lastReadingAt ?? Number.NEGATIVE_INFINITY;
  const fresh = readings
    .filter((r) => r.at > seenUpTo && Number.isFinite(r.value) && Number.isFinite(r.at))
    .sort((a, b) => a.at - b.at);

  for (const reading of fresh) {
    current = { ...current, lastValue: reading.value, lastReadingAt: reading.at };
    if (current.status === 'firing') {
      if (judged.recovered(reading) !== true) continue;
      const firedAt = current.firedAt ?? reading.at;
      if (current.lastNotifiedAt !== undefined && !rule.muted) {
        events.push({
          kind: 'resolve',
          at: reading.at,
          value: reading.value,
          since: current.conditionSince ?? firedAt,
          firedAt,
          ...(current.alertMessageId === undefined ? {} : { alertMessageId: current.alertMessageId }),
        });
      }
      current = toNormal(current);
      continue;
    }
    const breach = judged.breaches(reading);
    if (breach === undefined) continue;
    if (!breach) {
      if (current.status === 'pending') {
        const { conditionSince: _since, ...rest } = current;
        current = { ...rest, status: 'normal' };
      }
      continue;
    }
    const since = current.status === 'pending' ? (current.conditionSince ?? reading.at) : reading.at;
    current =
      reading.at - since >= rule.holdMs
        ? {
            ...current,
            status: 'firing',
            conditionSince: since,
            firedAt: reading.at,
            firedValue: reading.value,
          }
        : { ...current, status: 'pending', conditionSince: since };
  }

  if (current.status === 'firing' && !rule.muted && !inQuietHours(rule.quietHours, now, timeZone)) {
    const since = current.conditionSince ?? current.firedAt ?? now;
    if (current.lastNotifiedAt === undefined) {
      if (!holdFire(current, now)) {
        events.push({
          kind: 'fire',
          at: current.firedAt ?? now,
          value: current.firedValue ?? current.lastValue ?? Number.NaN,
          since,
        });
        current = { ...current, lastNotifiedAt: now };
      }
    } else if (renotifyDue(rule, current, current.lastNotifiedAt, now)) {
      events.push({
        kind: 'renotify',
        at: current.lastReadingAt ?? now,
        value: current.lastValue ?? current.firedValue ?? Number.NaN,
        since,
      });
      current = { ...current, lastNotifiedAt: now };
    }
  }
  return { state: current, events };
}
