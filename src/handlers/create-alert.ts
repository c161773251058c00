import type { AlertSpec } from '../language/types';
import { METRIC_LABEL } from '../metrics';
import type { AlertCondition } from '../model';
import { WITNESS_ORDER } from '../plan/plan-silence-checks';
import type { MetricName } from '../webex/wire';
import { comfortAlert, setUpComfortAlert } from './support/alert-offer';
import { idIn } from './support/automation-rows';
import { sensorMetrics } from './support/labels';
import { changeAlert, newAlertForm, setUpAlert } from './support/set-up';
import type { Handler, HandlerContext, Reply } from './types';

/** The metric a quiet rule watches when none is named: the one every device reports. */
const QUIET_WITNESS: MetricName = WITNESS_ORDER[0]!;

/** `alert.create`: one metric, rooms and a plausible threshold; with nothing stated, the form. */
export const createAlert: Handler = async (ctx) => {
  const { request } = ctx;
  const named = idIn(ctx.text, 'a');
  if (named) return editAlert(ctx, named);
  const metrics = sensorMetrics(request.metrics);
  if (request.alert?.op === 'quiet') return setUpQuietAlert(ctx, request.alert, metrics);
  const rooms = request.allWorkspaces || request.workspaces.length > 0;
  if (!request.alert && metrics.length === 0 && !rooms) {
    return {
      markdown: 'Fill in the form, or say it in words, e.g. **alert me when TVOC in Fjord goes above 500**.',
      card: newAlertForm(ctx),
    };
  }
  // "let me know if Fjord overheats", confirmed: the comfort limit it was offered with.
  if (request.comfort && !request.alert && metrics.length === 1 && rooms) {
    const alert = comfortAlert(ctx, request);
    return 'problem' in alert ? { markdown: alert.problem } : setUpComfortAlert(ctx, alert);
  }
  if (metrics.length !== 1 || !request.alert) {
    return {
      markdown:
        metrics.length > 1
          ? `One alert watches one measurement; you named ${metrics.map((m) => METRIC_LABEL[m]).join(' and ')}. Set one alert for each.`
          : 'Tell me what to watch and when, e.g. **alert me when TVOC in Fjord goes above 500**.',
    };
  }
  return setUpAlert(ctx, {
    metric: metrics[0]!,
    rooms: request.allWorkspaces ? { all: true } : { workspaceIds: request.workspaces.map((w) => w.id) },
    condition: conditionOf(ctx, request.alert),
    unit: request.unit ?? ctx.space.unit,
  });
};

/** The condition to store: a quiet rule's time is the one asked for, else the offline setting. */
function conditionOf(ctx: HandlerContext, spec: AlertSpec): AlertCondition {
  if (spec.op !== 'quiet') return spec;
  return {
    op: 'quiet',
    afterMs: spec.afterMinutes !== undefined ? spec.afterMinutes * 60_000 : ctx.limits.sensorOfflineAfterMs,
  };
}

/**
 * "tell me when a sensor goes quiet": the device of each room (no room named: every room) through
 * the metric every device reports (the one named, when one is).
 */
function setUpQuietAlert(
  ctx: HandlerContext,
  spec: Extract<AlertSpec, { op: 'quiet' }>,
  metrics: MetricName[],
): Promise<Reply> {
  const { request } = ctx;
  const named = request.workspaces.length > 0 && !request.allWorkspaces;
  return setUpAlert(ctx, {
    metric: metrics[0] ?? QUIET_WITNESS,
    rooms: named ? { workspaceIds: request.workspaces.map((w) => w.id) } : { all: true },
    condition: conditionOf(ctx, spec),
    unit: ctx.space.unit,
  });
}

/** "change alert a3 to above 600": a new condition for a rule of this space. */
async function editAlert(ctx: HandlerContext, id: string): Promise<Reply> {
  const rule = await ctx.store.getAlertRule(id);
  if (!rule || rule.roomId !== ctx.space.roomId) {
    return { markdown: `There is no alert **${id}** in this space. Say **list alerts** to see them.` };
  }
  if (!ctx.request.alert) {
    return {
      markdown: `Say the new condition, e.g. **change alert ${id} to above 600**. Nothing was changed.`,
    };
  }
  return changeAlert(ctx, rule, conditionOf(ctx, ctx.request.alert), ctx.request.unit ?? ctx.space.unit);
}
