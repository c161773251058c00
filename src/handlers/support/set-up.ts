import {
  DEFAULT_HOLD_MS,
  DEFAULT_HYSTERESIS,
  DEFAULT_RENOTIFY_MS,
  defaultHysteresis,
  validateThreshold,
} from '../../automation/alert-defaults';
import { nextSlot, validateReportTime } from '../../automation/report-schedule';
import { reportText, ruleText } from '../../automation/rule-text';
import { BASELINE_WEEKS } from '../../automation/unusual-rule';
import {
  ALL_ROOMS_VALUE,
  alertForm,
  automationConfirmCard,
  escapeMarkdown,
  MAX_FORM_ROOMS,
  reportForm,
} from '../../cards';
import { formatDuration, SENSOR_METRICS } from '../../metrics';
import { type AlertCondition, type AlertRule, isThreshold, type RoomSelection } from '../../model';
import { metricChoice } from '../../model/metric-catalogue';
import { cadenceProblem, type ReportCadence } from '../../model/report-cadence';
import { workingHoursOf } from '../../model/space-settings';
import { fahrenheitToCelsius as toCelsius, unitLabel } from '../../model/units';
import type { MetricName, TemperatureUnit } from '../../webex/wire';
import type { HandlerContext, Reply } from '../types';
import { nameOf } from './automation-rows';
import { formRoomList } from './room-places';

/** Rules one space may hold: enough for any team, a bound for a runaway script. */
export const MAX_RULES_PER_SPACE = 50;
/** Reports one space may hold. */
export const MAX_REPORTS_PER_SPACE = 20;

/** What an alert needs, however it was asked for (chat text or the form). */
export interface AlertSetUp {
  metric: MetricName;
  rooms: RoomSelection;
  condition: AlertCondition;
  /** The unit the threshold was given in (a Fahrenheit threshold is stored in °C). */
  unit: TemperatureUnit;
  holdMs?: number;
}

/** Rooms picked in a form ("all" or workspace ids); ids not in the directory are refused. */
export function formRooms(ctx: HandlerContext, picked: readonly string[]): RoomSelection | string {
  if (picked.includes(ALL_ROOMS_VALUE)) return { all: true };
  const known = new Set(ctx.directory.workspaces.map((w) => w.id));
  const unknown = picked.filter((id) => !known.has(id));
  if (unknown.length > 0)
    return `${unknown.length === 1 ? 'A room in the form no longer exists' : 'Some rooms in the form no longer exist'}; open the form again.`;
  return { workspaceIds: [...new Set(picked)] };
}

/** A condition in the API's unit (a Fahrenheit temperature threshold becomes °C). */
function inApiUnit(metric: MetricName, condition: AlertCondition, unit: TemperatureUnit): AlertCondition {
  if (metric !== 'temperature' || unit !== 'fahrenheit' || !isThreshold(condition)) return condition;
  return condition.op === 'outside'
    ? { op: 'outside', low: toCelsius(condition.low), high: toCelsius(condition.high) }
    : { op: condition.op, value: toCelsius(condition.value) };
}

/** A new condition for an existing rule (same checks as a new one); its state carries on. */
export async function changeAlert(
  ctx: HandlerContext,
  rule: AlertRule,
  given: AlertCondition,
  unit: TemperatureUnit,
): Promise<Reply> {
  const condition = inApiUnit(rule.metric, given, unit);
  const problem = conditionProblem(rule.metric, given, unit);
  if (problem) return { markdown: `${problem} Nothing was changed.` };
  const updated = await ctx.store.updateAlertRule(rule.id, ctx.space.roomId, {
    condition,
    hysteresis: hysteresisFor(rule.metric, condition),
  });
  if (!updated) return { markdown: `Alert **${rule.id}** no longer exists in this space.` };
  ctx.automation.evaluateRuleNow(updated.id);
  return {
    markdown: `Alert **${updated.id}** changed: ${escapeMarkdown(ruleText(updated, nameOf(ctx), ctx.space.unit))}.`,
  };
}

/** Why a condition cannot be meant (thresholds: the sensor's range; quiet: a sane time), or undefined. */
function conditionProblem(
  metric: MetricName,
  condition: AlertCondition,
  unit: TemperatureUnit,
): string | undefined {
  if (isThreshold(condition)) return validateThreshold(metric, condition, unit);
  if (
    condition.op === 'quiet' &&
    !(condition.afterMs >= 10 * 60_000 && condition.afterMs <= 7 * 86_400_000)
  ) {
    return 'A sensor can be called quiet after 10 minutes to 7 days without a reading.';
  }
  return undefined;
}

/** Thresholds: the capped default; unusual: the metric's noise margin; quiet: none (a reading resolves). */
function hysteresisFor(metric: MetricName, condition: AlertCondition): number {
  if (isThreshold(condition)) return defaultHysteresis(metric, condition);
  return condition.op === 'unusual' ? DEFAULT_HYSTERESIS[metric] : 0;
}

/** The rule's confirmation in plain words: what it watches, when it fires, reminds and resolves. */
function whatItWatches(rule: AlertRule): string {
  const remind = `reminds every ${Math.round(rule.renotifyMs / 3_600_000)} h while it lasts`;
  const hold = Math.round(rule.holdMs / 60_000);
  if (rule.condition.op === 'quiet') {
    return `It fires when a room's sensor has sent no reading for ${formatDuration(rule.condition.afterMs)}, says since when, ${remind}, and posts here when readings come back.`;
  }
  if (rule.condition.op === 'unusual') {
    return `Each reading is compared with the room's usual level for the same weekday and hour over the last ${BASELINE_WEEKS} weeks. It fires when unusual for ${hold} min, ${remind}, and posts when back to usual; a false alarm widens the band.`;
  }
  return `It fires when the condition holds for ${hold} min, ${remind}, and posts here when it is back to normal.`;
}

/**
 * Why an alert cannot be meant (its condition, in the API's unit: the sensor's range, a sane quiet
 * time), or undefined: the check `setUpAlert` makes, for a form that names the field it came from.
 */
export function alertSetUpProblem(
  setUp: Pick<AlertSetUp, 'metric' | 'condition' | 'unit'>,
): string | undefined {
  return conditionProblem(setUp.metric, setUp.condition, setUp.unit);
}

/** Validates and saves an alert rule, looks at it at once, and confirms it. Bad input changes nothing. */
export async function setUpAlert(ctx: HandlerContext, setUp: AlertSetUp): Promise<Reply> {
  const { store, space } = ctx;
  const condition = inApiUnit(setUp.metric, setUp.condition, setUp.unit);
  const problem = alertSetUpProblem(setUp);
  if (problem) return { markdown: `${problem} Nothing was set.` };
  if ((await store.listAlertRules(space.roomId)).length >= MAX_RULES_PER_SPACE) {
    return {
      markdown: `This space already has ${MAX_RULES_PER_SPACE} alert rules. Delete some (**list alerts**) before adding more.`,
    };
  }
  const rule = await store.createAlertRule({
    roomId: space.roomId,
    metric: setUp.metric,
    rooms: setUp.rooms,
    condition,
    // A quiet rule's time is its hold: it fires at once when the time without a reading has passed.
    holdMs: condition.op === 'quiet' ? 0 : (setUp.holdMs ?? DEFAULT_HOLD_MS),
    hysteresis: hysteresisFor(setUp.metric, condition),
    renotifyMs: DEFAULT_RENOTIFY_MS,
    muted: false,
    createdBy: { personId: ctx.person.id, email: ctx.person.email },
    createdAt: ctx.now(),
  });
  ctx.automation.evaluateRuleNow(rule.id);
  const message = automationConfirmCard({
    title: `Alert ${rule.id} set`,
    lines: [ruleText(rule, nameOf(ctx), space.unit), whatItWatches(rule)],
    actions: [
      { title: 'List alerts', data: { kind: 'ask', text: 'list alerts' } },
      { title: `Delete ${rule.id}`, data: { kind: 'alert', op: 'delete', ruleId: rule.id } },
    ],
  });
  return { markdown: message.markdown, card: message.card };
}

/** Validates and saves a report subscription, and confirms it with its first run. */
export async function setUpReport(
  ctx: HandlerContext,
  setUp: { rooms: RoomSelection; time: string } & ReportCadence,
): Promise<Reply> {
  const { store, space } = ctx;
  const problem = validateReportTime(setUp.time) ?? cadenceProblem(setUp);
  if (problem) return { markdown: `${problem} Nothing was scheduled.` };
  if ((await store.listReports(space.roomId)).length >= MAX_REPORTS_PER_SPACE) {
    return {
      markdown: `This space already has ${MAX_REPORTS_PER_SPACE} reports. Cancel some (**list reports**) first.`,
    };
  }
  const time = setUp.time.padStart(5, '0');
  const report = await store.createReport({
    roomId: space.roomId,
    rooms: setUp.rooms,
    time,
    days: setUp.days,
    ...(setUp.days === 'weekly' ? { weekday: setUp.weekday! } : {}),
    ...(setUp.days === 'monthly' ? { dayOfMonth: setUp.dayOfMonth! } : {}),
    createdBy: { personId: ctx.person.id, email: ctx.person.email },
    createdAt: ctx.now(),
  });
  const message = automationConfirmCard({
    title: `Report ${report.id} scheduled`,
    lines: [reportText(report, nameOf(ctx))],
    next: { label: 'First report', at: nextSlot(report, space.timeZone, ctx.now()) },
    timeZone: space.timeZone,
    actions: [
      { title: 'Send now', data: { kind: 'report', op: 'send-now', reportId: report.id } },
      { title: 'List reports', data: { kind: 'ask', text: 'list reports' } },
      { title: `Cancel ${report.id}`, data: { kind: 'report', op: 'cancel', reportId: report.id } },
    ],
  });
  return { markdown: message.markdown, card: message.card };
}

/** The "New alert" form for this space (rooms of the directory, the sensor metrics). */
export function newAlertForm(ctx: HandlerContext, prefill: { roomId?: string; metric?: MetricName } = {}) {
  const { unit } = ctx.space;
  return alertForm({
    rooms: formRoomList(ctx.directory, MAX_FORM_ROOMS),
    metrics: SENSOR_METRICS.map((m) => ({ value: m, title: metricChoice(m, unit) })),
    ...prefill,
    thresholdUnits: [...new Set(SENSOR_METRICS.map((m) => unitLabel(m, unit)))].join(', '),
  });
}

/** The "New report" form for this space: on its working days (every day if it works weekends). */
export function newReportForm(ctx: HandlerContext) {
  const weekend = workingHoursOf(ctx.space).days.some((d) => d >= 6);
  return reportForm({
    rooms: formRoomList(ctx.directory, MAX_FORM_ROOMS),
    timeZone: ctx.space.timeZone,
    days: weekend ? 'daily' : 'weekdays',
  });
}
