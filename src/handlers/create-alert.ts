import { METRIC_LABEL } from '../metrics';
import { comfortAlert, setUpComfortAlert } from './support/alert-offer';
import { idIn } from './support/automation-rows';
import { sensorMetrics } from './support/labels';
import { changeAlert, newAlertForm, setUpAlert } from './support/set-up';
import type { Handler, HandlerContext, Reply } from './types';

/** `alert.create`: one metric, rooms and a plausible threshold; with nothing stated, the form. */
export const createAlert: Handler = async (ctx) => {
  const { request } = ctx;
  const named = idIn(ctx.text, 'a');
  if (named) return editAlert(ctx, named);
  const metrics = sensorMetrics(request.metrics);
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
    condition: request.alert,
    unit: request.unit ?? ctx.space.unit,
  });
};

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
  return changeAlert(ctx, rule, ctx.request.alert, ctx.request.unit ?? ctx.space.unit);
}
