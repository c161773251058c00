import type { CardAction } from '../../cards';
import type { ParsedRequest } from '../../language';
import { type CardRequestPayload, RERUN_INTENTS } from '../../model/card-actions';
import type { AnswerPlan } from '../../plan/plan-answer';

/** Rooms a button names by id; larger answers name their scope (card JSON stays small). */
const BUTTON_IDS = 50;

type Scope = Pick<CardRequestPayload, 'workspaceIds' | 'allRooms' | 'floorId' | 'locationId'>;
type ScopedRoom = { id: string; floorId?: string; locationId?: string };

/** Rooms by id (up to 50), or every room / a floor / a site when they are more. */
function scopeOf(ids: readonly string[], all: boolean, known: readonly ScopedRoom[]): Scope {
  if (all) return { allRooms: true };
  if (ids.length <= BUTTON_IDS) return { workspaceIds: [...ids] };
  const byId = new Map(known.map((r) => [r.id, r]));
  const rooms = ids.map((id) => byId.get(id));
  const floor = rooms[0]?.floorId;
  if (floor && rooms.every((r) => r?.floorId === floor)) return { floorId: floor };
  const location = rooms[0]?.locationId;
  if (location && rooms.every((r) => r?.locationId === location)) return { locationId: location };
  return { workspaceIds: ids.slice(0, BUTTON_IDS) };
}

/** What a CSV button carries for the rooms of a plan: their ids, or every room / a floor / a site. */
function csvRooms(plan: AnswerPlan, request: ParsedRequest): Scope {
  return scopeOf(
    plan.rooms.map((r) => r.id),
    plan.rooms.length > BUTTON_IDS && Boolean(request.allWorkspaces),
    plan.rooms,
  );
}

const isRerunIntent = (intent: string): intent is CardRequestPayload['intent'] =>
  (RERUN_INTENTS as readonly string[]).includes(intent);

/** A request's window as a button carries it: a stated start runs to the press ("since 8am"). */
function windowOf(request: ParsedRequest): CardRequestPayload['window'] {
  if (request.anchoredStart && request.from) return { since: request.from };
  return request.from && request.to ? { from: request.from, to: request.to } : { last: '24h' };
}

/**
 * A data request as its card's buttons carry it: intent, metrics, rooms (ids or scope), window,
 * aggregation, unit, ranking. `window` replaces the request's own; none for other intents.
 */
export function cardRequest(
  request: ParsedRequest,
  plan?: AnswerPlan,
  window?: CardRequestPayload['window'],
): CardRequestPayload | undefined {
  const { intent } = request;
  if (!isRerunIntent(intent)) return undefined;
  const known = plan ? [...plan.rooms, ...plan.omittedRooms] : [];
  return {
    intent,
    metrics: request.metrics.slice(0, 8),
    ...scopeOf(
      request.workspaces.map((w) => w.id),
      Boolean(request.allWorkspaces),
      known,
    ),
    window: window ?? windowOf(request),
    ...(request.aggregation ? { aggregation: request.aggregation } : {}),
    ...(request.unit ? { unit: request.unit } : {}),
    ...(request.rank ? { rank: request.rank } : {}),
    ...(request.utilisation ? { utilisation: { ...request.utilisation } } : {}),
  };
}

/** A button asking the card's request again over another window (the phrase for older kinds). */
function rerunAction(
  title: string,
  request: ParsedRequest,
  plan: AnswerPlan | undefined,
  last: '24h' | '7d',
  phrase: string,
): CardAction {
  const carried = cardRequest(request, plan, { last });
  return { title, data: carried ? { kind: 'rerun', request: carried } : { kind: 'followup', text: phrase } };
}

/** The buttons under an answer (at most 5): other ranges, CSV of what was read, an overview of the room. */
export function followUpActions(
  request: ParsedRequest,
  plan: AnswerPlan | undefined,
  roomName?: string,
): CardAction[] {
  const actions: CardAction[] = [
    rerunAction('Last 24 h', request, plan, '24h', 'last 24 hours'),
    rerunAction('Last 7 days', request, plan, '7d', 'last 7 days'),
  ];
  if (plan && plan.metrics.length > 0 && plan.fetches.length > 0) {
    actions.push({
      title: 'CSV',
      data: {
        kind: 'csv',
        ...csvRooms(plan, request),
        metrics: plan.metrics.slice(0, 6),
        from: new Date(plan.from).toISOString(),
        to: new Date(plan.to).toISOString(),
        aggregation: plan.aggregation,
        unit: plan.unit,
      },
    });
  }
  if (roomName) {
    const room = plan?.rooms.find((r) => r.displayName === roomName);
    actions.push({
      title: `Overview of ${roomName}`.slice(0, 40),
      data: room
        ? {
            kind: 'rerun',
            request: { intent: 'overview', metrics: [], workspaceIds: [room.id], window: { last: 'today' } },
          }
        : { kind: 'ask', text: `how was ${roomName} today` },
    });
  }
  return actions.slice(0, 5);
}
