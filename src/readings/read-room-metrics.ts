import type { WebexClient } from '../webex/client';
import { mapWithConcurrency } from '../webex/concurrency';
import type { AggregatedMetricItem, MetricName, RawMetricItem, TemperatureUnit } from '../webex/wire';
import { METRIC_CAPABILITY } from '../webex/wire';

export interface RoomRef {
  id: string;
  displayName: string;
}

export interface RoomMetricData {
  room: RoomRef;
  metric: MetricName;
  /** False when the room has no sensor for it (no Room Navigator): nothing was fetched. */
  supported: boolean;
  items: (RawMetricItem | AggregatedMetricItem)[];
  /** API calls this took. */
  calls: number;
}

export interface MetricsRange {
  from: number;
  to: number;
  aggregation: 'none' | 'hourly' | 'daily';
  unit: TemperatureUnit;
}

/**
 * Fetches every (room, metric) pair with bounded concurrency, skipping metrics a room cannot
 * measure (capabilities, cached by the directory). One call per legal window, nothing twice.
 */
export async function readRoomMetrics(
  webex: WebexClient,
  rooms: readonly RoomRef[],
  metrics: readonly MetricName[],
  range: MetricsRange,
  concurrency = 6,
): Promise<RoomMetricData[]> {
  const pairs = rooms.flatMap((room) => metrics.map((metric) => ({ room, metric })));
  return mapWithConcurrency(pairs, concurrency, async ({ room, metric }) => {
    const capabilities = await webex.directory.capabilities(room.id);
    const capability = capabilities[METRIC_CAPABILITY[metric]];
    if (capability && capability.supported === false) {
      return { room, metric, supported: false, items: [], calls: 0 };
    }
    const result = await webex.admin.metrics({
      workspaceId: room.id,
      metricName: metric,
      aggregation: range.aggregation,
      from: range.from,
      to: range.to,
      ...(metric === 'temperature' ? { unit: range.unit } : {}),
    });
    return { room, metric, supported: true, items: result.items, calls: result.calls };
  });
}
