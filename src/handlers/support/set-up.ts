import {
  DEFAULT_HOLD_MS,
  DEFAULT_RENOTIFY_MS,
  defaultHysteresis,
  validateThreshold,
} from '../../automation/alert-defaults';
import { nextSlot, validateReportTime } from '../../automation/report-schedule';
import { reportText, ruleText } from '../../automation/rule-text';
import {
  ALL_ROOMS_VALUE,
  alertForm,
  automationConfirmCard,
  escapeMarkdown,
  MAX_FORM_ROOMS,
  reportForm,
} from '../../cards';
import { SENSOR_METRICS } from '../../metrics';
import type { AlertCondition, AlertRule, RoomSelection } from '../../model';
import { metricChoice } from '../../model/metric-catalogue';
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
  if (metric !== 'temperature' || unit !== 'fahrenheit') return condition;
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
  const problem = validateThreshold(rule.metric, condition);
  if (problem) return { markdown: `${problem} Nothing was changed.` };
  const updated = await ctx.store.updateAlertRule(rule.id, ctx.space.roomId, {
    condition,
    hysteresis: defaultHysteresis(rule.metric, condition),
  });
  if (!updated) return { markdown: `Alert **${rule.id}** no longer exists in this space.` };
  ctx.automation.evaluateRuleNow(updated.id);
  return {
    markdown: `Alert **${updated.id}** changed: ${escapeMarkdown(ruleText(updated, nameOf(ctx), ctx.space.unit))}.`,
  };
}

/** Validates and saves an alert rule, looks at it at once, and confirms it. Bad input changes nothing. */
export async function setUpAlert(ctx: HandlerContext, setUp: AlertSetUp): Promise<Reply> {
  const { store, space } = ctx;
  const condition = inApiUnit(setUp.metric, setUp.condition, setUp.unit);
  const problem = validateThreshold(setUp.metric, condition);
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
    holdMs: setUp.holdMs ?? DEFAULT_HOLD_MS,
    hysteresis: defaultHysteresis(setUp.metric, condition),
    renotifyMs: DEFAULT_RENOTIFY_MS,
    muted: false,
    createdBy: { personId: ctx.person.id, email: ctx.person.email },
    createdAt: ctx.now(),
  });
  ctx.automation.evaluateRuleNow(rule.id);
  const message = automationConfirmCard({
    title: `Alert ${rule.id} set`,
    lines: [
      ruleText(rule, nameOf(ctx), space.unit),
      `It fires when the condition holds for ${Math.round(rule.holdMs / 60_000)} min, reminds every ${Math.round(rule.renotifyMs / 3_600_000)} h while it lasts, and posts here when it is back to normal.`,
    ],
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
  setUp: { rooms: RoomSelection; time: string; days: 'daily' | 'weekdays' },
): Promise<Reply> {
  const { store, space } = ctx;
  const problem = validateReportTime(setUp.time);
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
