import { validateReportTime } from '../automation/report-schedule';
import { widenedAfterFalseAlarm, widenedText } from '../automation/unusual-rule';
import { escapeMarkdown } from '../cards';
import { formatTimeWithZone } from '../cards/format';
import { SENSOR_METRICS } from '../metrics';
import { type AlertCondition, REPORT_DAYS } from '../model';
import type {
  AlertFormInputs,
  AlertInputs,
  ConfirmInputs,
  ReportFormInputs,
  ReportInputs,
} from '../model/card-actions';
import { formNumberField, notAChoice } from './support/form-fields';
import { alertSetUpProblem, formRooms, setUpAlert, setUpReport } from './support/set-up';
import {
  answerConfirmation,
  askToCancelReports,
  askToDeleteAlerts,
  muteAlert,
  unmuteAlert,
} from './support/shared-actions';
import type { HandlerContext, Reply } from './types';

const HOUR_MS = 3_600_000;

/**
 * The buttons of alert and report cards, and of the confirmations they ask. Each acts only on
 * rules and reports of the space the button was pressed in: a card forwarded elsewhere (or forged
 * inputs) changes nothing. Delete, cancel and muting someone else's rule ask first.
 */
export async function automationAction(
  ctx: HandlerContext,
  inputs: AlertInputs | ReportInputs | AlertFormInputs | ReportFormInputs | ConfirmInputs,
): Promise<Reply[]> {
  switch (inputs.kind) {
    case 'confirm':
      return [await answerConfirmation(ctx, inputs)];
    case 'alert':
      return [await alertAction(ctx, inputs)];
    case 'report':
      return reportAction(ctx, inputs);
    case 'alert-form':
      return [await alertFromForm(ctx, inputs)];
    case 'report-form':
      return [await reportFromForm(ctx, inputs)];
  }
}

/**
 * The "New alert" form: checked exactly like an alert asked for in chat (the thresholds against the
 * sensor's range by `setUpAlert`'s own check). A missing or bad field is answered in one line
 * naming it as the form labels it; nothing is saved.
 */
async function alertFromForm(ctx: HandlerContext, form: AlertFormInputs): Promise<Reply> {
  const refuse = (problem: string): Reply => ({ markdown: `${problem} Nothing was set.` });
  if (!form.rooms) return refuse('Pick at least one room (Rooms).');
  const rooms = formRooms(ctx, form.rooms);
  if (typeof rooms === 'string') return refuse(rooms);
  const metric = SENSOR_METRICS.find((m) => m === form.metric?.trim());
  if (!metric) return refuse(`${notAChoice(form.metric)}Pick a measurement (Measurement).`);
  const op = ALERT_FORM_OPS.find((o) => o === form.op?.trim());
  if (!op) {
    return refuse(
      `${notAChoice(form.op)}Pick a condition: goes above, drops below or leaves a range (Condition).`,
    );
  }
  const value = formNumberField(form.value, 'Threshold');
  if (value === undefined) return refuse('Enter a threshold (Threshold).');
  if (typeof value !== 'number') return refuse(value.problem);
  const high = formNumberField(form.high, UPPER_END);
  if (typeof high === 'object') return refuse(high.problem);
  if (op === 'outside' && high === undefined) {
    return refuse(`A range needs both ends: fill in the upper end too (${UPPER_END}).`);
  }
  const hold = formNumberField(form.holdMinutes, HOLD);
  if (typeof hold === 'object') return refuse(hold.problem);
  if (hold !== undefined && !(Number.isInteger(hold) && hold >= 0 && hold <= 1440)) {
    return refuse(`Give whole minutes from 0 to 1440 (${HOLD}).`);
  }
  const condition: AlertCondition =
    op === 'outside'
      ? { op: 'outside', low: Math.min(value, high!), high: Math.max(value, high!) }
      : { op, value };
  const setUp = { metric, rooms, condition, unit: ctx.space.unit };
  // The chat's own check, answered with the field(s) the numbers came from.
  const problem = alertSetUpProblem(setUp);
  if (problem) {
    const fields = op === 'outside' ? `Threshold, ${UPPER_END}` : 'Threshold';
    return refuse(`${problem.replace(/\.$/, '')} (${fields}).`);
  }
  return setUpAlert(ctx, { ...setUp, ...(hold !== undefined ? { holdMs: hold * 60_000 } : {}) });
}

/** The alert form's conditions, and how the answers name its fields (as the form labels them). */
const ALERT_FORM_OPS = ['above', 'below', 'outside'] as const;
const UPPER_END = 'Upper end of the range';
const HOLD = 'For at least (minutes)';

/**
 * The "New report" form: checked exactly like a report asked for in chat (the time and the cadence
 * by `setUpReport`). A missing or bad field is answered in one line naming it; nothing is saved.
 */
async function reportFromForm(ctx: HandlerContext, form: ReportFormInputs): Promise<Reply> {
  const refuse = (problem: string): Reply => ({ markdown: `${problem} Nothing was scheduled.` });
  if (!form.rooms) return refuse('Pick at least one room (Rooms).');
  const rooms = formRooms(ctx, form.rooms);
  if (typeof rooms === 'string') return refuse(rooms);
  const time = form.time?.trim() ?? '';
  if (time === '') return refuse('Pick a time (At).');
  const days = REPORT_DAYS.find((d) => d === form.days?.trim());
  if (!days)
    return refuse(
      `${notAChoice(form.days)}Pick how often: every day, weekdays, weekly or monthly (How often).`,
    );
  const timeProblem = validateReportTime(time);
  // The time is echoed in the answer: escaped, as anything a form sends.
  if (timeProblem) return refuse(escapeMarkdown(timeProblem));
  return setUpReport(ctx, {
    rooms,
    time,
    days,
    ...(days === 'weekly' ? { weekday: formInteger(form.weekday) } : {}),
    ...(days === 'monthly' ? { dayOfMonth: formInteger(form.dayOfMonth) } : {}),
  });
}

/**
 * A form's whole-number field: its number; NaN when it is not digits (the cadence check refuses it
 * by name, like a missing one); undefined when empty.
 */
function formInteger(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

async function alertAction(ctx: HandlerContext, inputs: AlertInputs): Promise<Reply> {
  const { store, space } = ctx;
  const rule = await store.getAlertRule(inputs.ruleId);
  if (!rule || rule.roomId !== space.roomId) {
    return { markdown: `Alert **${inputs.ruleId}** no longer exists in this space.` };
  }
  switch (inputs.op) {
    case 'delete':
      return askToDeleteAlerts(ctx, [rule]);
    case 'mute':
      return muteAlert(ctx, rule);
    case 'unmute':
      return unmuteAlert(ctx, rule);
  }
  // Acknowledgements are stored by display name: the alert list shows who.
  const who = await ctx.displayName(ctx.person.id, ctx.person.email || 'someone');
  const shown = escapeMarkdown(who);
  const workspaceId = inputs.workspaceId;
  const state = workspaceId ? await store.getAlertState(rule.id, workspaceId) : undefined;
  if (state?.status !== 'firing') {
    return { markdown: `Alert **${rule.id}** is not firing any more; nothing to do.` };
  }
  const now = ctx.now();
  if (inputs.op === 'ack') {
    await store.saveAlertState({ ...state, acknowledgedBy: who, acknowledgedAt: now });
    return {
      markdown: `Acknowledged by ${shown}. No more reminders; you will see when it is back to normal.`,
    };
  }
  if (inputs.op === 'snooze') {
    const hours = inputs.hours ?? 1;
    const until = now + hours * HOUR_MS;
    await store.saveAlertState({ ...state, snoozedUntil: until });
    return { markdown: `Snoozed by ${shown} until ${formatTimeWithZone(until, space.timeZone)}.` };
  }
  // A false alarm is also an acknowledgement (no reminders either): it records who and when.
  await store.saveAlertState({
    ...state,
    falseAlarm: true,
    acknowledgedBy: state.acknowledgedBy ?? who,
    acknowledgedAt: state.acknowledgedAt ?? now,
  });
  if (rule.condition.op === 'unusual') {
    // An "unusual" rule learns from it: its band widens, and the rule list and its cards say so.
    const condition = widenedAfterFalseAlarm(rule.condition);
    await store.updateAlertRule(rule.id, space.roomId, { condition });
    return {
      markdown: `Marked as a false alarm by ${shown}. Alert **${rule.id}** now allows more before calling a reading unusual (${widenedText(condition)}). Nothing more is posted about this one until it is back to usual.`,
    };
  }
  return {
    markdown: `Marked as a false alarm by ${shown}. Nothing more is posted about it until it is back to normal; if it keeps happening, adjust or delete alert **${rule.id}**.`,
  };
}

async function reportAction(ctx: HandlerContext, inputs: ReportInputs): Promise<Reply[]> {
  const report = await ctx.store.getReport(inputs.reportId);
  if (!report || report.roomId !== ctx.space.roomId) {
    return [{ markdown: `Report **${inputs.reportId}** no longer exists in this space.` }];
  }
  if (inputs.op === 'cancel') return [await askToCancelReports(ctx, [report])];
  await ctx.automation.sendReportNow(report);
  return [];
}
