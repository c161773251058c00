import type { DurationFetch } from '../plan/plan-utilisation';
import type { WebexClient } from '../webex/client';
import { mapWithConcurrency } from '../webex/concurrency';
import type { DurationMetricItem } from '../webex/wire';

export interface RoomDurations {
  fetch: DurationFetch;
  booked: DurationMetricItem[];
  used: DurationMetricItem[];
}

/**
 * Reads a utilisation plan's durations: `timeBooked` and `timeUsed` of each room, six rooms at a
 * time (answers and site reports alike).
 */
export function readDurations(
  webex: Pick<WebexClient, 'admin'>,
  fetches: readonly DurationFetch[],
): Promise<RoomDurations[]> {
  return mapWithConcurrency(fetches, 6, async (fetch) => {
    const ask = (measurement: 'timeBooked' | 'timeUsed') =>
      webex.admin.durations({
        workspaceId: fetch.room.id,
        measurement,
        aggregation: fetch.aggregation,
        from: fetch.from,
        to: fetch.to,
      });
    const [booked, used] = await Promise.all([ask('timeBooked'), ask('timeUsed')]);
    return { fetch, booked: booked.items, used: used.items };
  });
}
