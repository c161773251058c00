import type { CardAction } from '../../cards';
import type { ParsedRequest } from '../../language';
import type { MetricName } from '../../webex/wire';

/** The buttons under an answer (at most 5): other ranges, CSV, an overview of the room. */
export function followUpActions(
  request: ParsedRequest,
  metrics: readonly MetricName[],
  roomName?: string,
): CardAction[] {
  const actions: CardAction[] = [
    { title: 'Last 24 h', data: { kind: 'followup', text: 'last 24 hours' } },
    { title: 'Last 7 days', data: { kind: 'followup', text: 'last 7 days' } },
  ];
  if (metrics.length > 0 && request.from && request.to && request.workspaces.length > 0) {
    actions.push({
      title: 'CSV',
      data: {
        kind: 'csv',
        workspaceIds: request.workspaces.slice(0, 50).map((w) => w.id),
        metrics: metrics.slice(0, 6),
        from: request.from,
        to: request.to,
        aggregation: request.aggregation ?? 'hourly',
        ...(request.unit ? { unit: request.unit } : {}),
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
