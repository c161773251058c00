/**
 * "Let me know if Fjord overheats": an alert asked for with a comfort word. Its threshold is the
 * space's comfort limit (temperature high for "overheats", TVOC moderate for "stuffy", capacity for
 * "crowded"), offered for confirmation before anything is set up.
 */
import { conditionText, roomsText } from '../../automation/rule-text';
import { ALL_ROOMS_VALUE, confirmCard } from '../../cards';
import type { ParsedRequest } from '../../language';
import {
  comfortRange,
  inDisplayUnit,
  METRIC_LABEL,
  type RoomSelection,
  sensorMetrics,
  spaceBands,
} from '../../model';
import type { SharedAction } from '../../model/card-actions';
import type { TemperatureUnit } from '../../webex/wire';
import type { HandlerContext, Reply } from '../types';
import { nameOf } from './automation-rows';
import { formRooms, newAlertForm, setUpAlert } from './set-up';

interface ComfortAlert {
  metric: ReturnType<typeof sensorMetrics>[number];
  rooms: RoomSelection;
  /** In the API's unit (°C for temperature). */
  condition: { op: 'above' | 'below'; value: number };
}

/** The alert a comfort word asks for, with the comfort limit as threshold; or why there is none. */
export function comfortAlert(
  ctx: HandlerContext,
  request: ParsedRequest,
): ComfortAlert | { problem: string } {
  const metric = sensorMetrics(request.metrics)[0];
  const op = request.comfort?.op ?? 'above';
  if (!metric) return { problem: 'Tell me what to watch, e.g. **alert me when Fjord overheats**.' };
  const rooms: RoomSelection = request.allWorkspaces
    ? { all: true }
    : { workspaceIds: request.workspaces.map((w) => w.id) };
  let capacity: number | undefined;
  if (metric === 'peopleCount') {
    const watched = request.allWorkspaces
      ? ctx.directory.workspaces
      : ctx.directory.workspaces.filter((w) => request.workspaces.some((r) => r.id === w.id));
    const capacities = new Set(watched.map((w) => w.capacity));
    capacity = capacities.size === 1 ? [...capacities][0] : undefined;
    if (capacity === undefined)
      return {
        problem:
          capacities.size > 1
            ? 'Those rooms seat different numbers of people, so one limit does not fit them all. Say a number, e.g. **above 8**, or set one alert per room.'
            : 'No capacity is set for that room, so I cannot tell when it is crowded. Say a number, e.g. **above 8**.',
      };
  }
  const range = comfortRange(metric, spaceBands(ctx.bands, ctx.space), 'celsius', capacity);
  const value = op === 'above' ? range?.high : range?.low;
  if (value === undefined)
    return {
      problem: `There is no comfort limit for ${METRIC_LABEL[metric]}. Say a number, e.g. **${op} 60**.`,
    };
  return { metric, rooms, condition: { op, value } };
}

/** The offer: "Alert when temperature in Fjord goes above 24 °C?" [Set it up] [Change threshold]. */
export function offerComfortAlert(ctx: HandlerContext): Reply {
  const alert = comfortAlert(ctx, ctx.request);
  if ('problem' in alert) return { markdown: alert.problem };
  const side = alert.condition.op === 'above' ? 'goes above' : 'drops below';
  const limit = conditionText(alert.metric, alert.condition, ctx.space.unit).replace(/^(?:above|below) /, '');
  const message = confirmCard({
    question: `Alert when ${METRIC_LABEL[alert.metric]} in ${roomsText(alert.rooms, nameOf(ctx))} ${side} ${limit}?`,
    items: [],
    note: `${limit} is this space's comfort limit. To watch another value, say it, e.g. “${alert.condition.op} ${example(alert, ctx.space.unit)}”.`,
    confirmTitle: 'Set it up',
    keepTitle: 'Change threshold',
    action: { op: 'create-alert', ...alert },
  });
  return { markdown: message.markdown, card: message.card };
}

/** A round value a little past the limit, as an example of another threshold. */
function example(alert: ComfortAlert, unit: TemperatureUnit): number {
  const shown = inDisplayUnit(alert.metric, alert.condition.value, unit);
  const step = alert.metric === 'tvoc' ? 100 : 2;
  return Math.round(shown) + (alert.condition.op === 'above' ? step : -step);
}

/** The offer confirmed ("yes", or its button): the alert is set up as offered. */
export function setUpComfortAlert(ctx: HandlerContext, alert: ComfortAlert): Promise<Reply> {
  return setUpAlert(ctx, { ...alert, unit: 'celsius' });
}

/** The offer's button, pressed: its rooms checked against the directory (card inputs are untrusted). */
export async function answerOffer(
  ctx: HandlerContext,
  offer: Extract<SharedAction, { op: 'create-alert' }>,
  answer: 'confirm' | 'keep',
): Promise<Reply> {
  const ids = 'all' in offer.rooms ? [ALL_ROOMS_VALUE] : offer.rooms.workspaceIds;
  const rooms = formRooms(ctx, ids);
  if (typeof rooms === 'string')
    return { markdown: `${rooms.replace(/; open the form again\.$/, '')}; nothing was set.` };
  if (answer === 'confirm')
    return setUpComfortAlert(ctx, { metric: offer.metric, rooms, condition: offer.condition });
  const roomId =
    'workspaceIds' in rooms && rooms.workspaceIds.length === 1 ? rooms.workspaceIds[0] : undefined;
  return {
    markdown: `Nothing was set. Say the value to watch, e.g. **${offer.condition.op} ${example(offer, ctx.space.unit)}**, or fill in the form.`,
    card: newAlertForm(ctx, { metric: offer.metric, ...(roomId ? { roomId } : {}) }),
  };
}
