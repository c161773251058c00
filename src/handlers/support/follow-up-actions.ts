import type { CardAction } from '../../cards';
import type { ParsedRequest } from '../../language';
import type { AnswerPlan } from '../../plan/plan-answer';

/** Rooms a CSV button names by id; larger answers name their scope. */
const CSV_IDS = 50;

/** What a CSV button carries for the rooms of a plan: their ids, or every room / a floor / a site. */
function csvRooms(plan: AnswerPlan, request: ParsedRequest): Record<string, unknown> {
  const rooms = plan.rooms;
  if (rooms.length <= CSV_IDS) return { workspaceIds: rooms.map((r) => r.id) };
  if (request.allWorkspaces) return { allRooms: true };
  const floor = rooms[0]?.floorId;
  if (floor && rooms.every((r) => r.floorId === floor)) return { floorId: floor };
  const location = rooms[0]?.locationId;
  if (location && rooms.every((r) => r.locationId === location)) return { locationId: location };
  return { workspaceIds: rooms.slice(0, CSV_IDS).map((r) => r.id) };
}

/** The buttons under an answer (at most 5): other ranges, CSV of what was read, an overview of the room. */
export function followUpActions(
  request: ParsedRequest,
  plan: AnswerPlan | undefined,
  roomName?: string,
): CardAction[] {
  const actions: CardAction[] = [
    { title: 'Last 24 h', data: { kind: 'followup', text: 'last 24 hours' } },
    { title: 'Last 7 days', data: { kind: 'followup', text: 'last 7 days' } },
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
  if (roomName)
    actions.push({
      title: `Overview of ${roomName}`.slice(0, 40),
      data: { kind: 'ask', text: `how was ${roomName} today` },
    });
  return actions.slice(0, 5);
}
