import {
  DEFAULT_HOLD_MS,
  DEFAULT_RENOTIFY_MS,
  defaultHysteresis,
  validateThreshold,
} from '../automation/alert-defaults';
import { ruleText } from '../automation/rule-text';
import type { AlertCondition } from '../automation/types';
import { automationConfirmCard } from '../cards';
import { METRIC_LABEL } from '../metrics';
import { nameOf } from './support/automation-rows';
import { sensorMetrics } from './support/labels';
import type { Handler } from './types';

/** Rules one space may hold: enough for any team, a bound for a runaway script. */
export const MAX_RULES_PER_SPACE = 50;

const toCelsius = (f: number) => ((f - 32) * 5) / 9;

/** `alert.create`: validates the rule (one metric, rooms, a plausible threshold), saves it, looks at once. */
export const createAlert: Handler = async (ctx) => {
  const { request, store, space } = ctx;
  const metrics = sensorMetrics(request.metrics);
  if (metrics.length !== 1 || !request.alert) {
    return {
      markdown:
        metrics.length > 1
          ? `One alert watches one measurement; you named ${metrics.map((m) => METRIC_LABEL[m]).join(' and ')}. Set one alert for each.`
          : 'Tell me what to watch and when, e.g. **alert me when tvoc in Fjord goes above 500**.',
    };
  }
  const metric = metrics[0]!;
  let condition: AlertCondition = request.alert;
  if (metric === 'temperature' && request.unit === 'fahrenheit') {
    condition =
      condition.op === 'outside'
        ? { op: 'outside', low: toCelsius(condition.low), high: toCelsius(condition.high) }
        : { op: condition.op, value: toCelsius(condition.value) };
  }
  const problem = validateThreshold(metric, condition);
  if (problem) return { markdown: `${problem} Nothing was set.` };
  if (store.listAlertRules(space.roomId).length >= MAX_RULES_PER_SPACE) {
    return {
      markdown: `This space already has ${MAX_RULES_PER_SPACE} alert rules. Delete some (**list alerts**) before adding more.`,
    };
  }
  const rule = store.createAlertRule({
    roomId: space.roomId,
    metric,
    rooms: request.allWorkspaces ? { all: true } : { workspaceIds: request.workspaces.map((w) => w.id) },
    condition,
    holdMs: DEFAULT_HOLD_MS,
    hysteresis: defaultHysteresis(metric, condition),
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
};
