import { callsFor } from '../plan/bounded-window';
import { hasSensor, type MetricFetch, type PlanRoom, type RoomRef } from '../plan/plan-answer';
import type { WebexClient } from '../webex/client';
import { mapWithConcurrency } from '../webex/concurrency';
import type { AggregatedMetricItem, MetricName, RawMetricItem } from '../webex/wire';
import type { ReadingsCache, SeriesKey } from './readings-cache';

export type { RoomRef };

export interface RoomMetricData {
  room: RoomRef;
  metric: MetricName;
  /** False when the room has no sensor for it (no Room Navigator): nothing was fetched. */
  supported: boolean;
  items: (RawMetricItem | AggregatedMetricItem)[];
  /** API calls this took. */
  calls: number;
  /** A series without readings: the look-back before the window from `from`, and its newest reading. */
  lookBack?: { from: number; last?: { at: number; value: number } };
  /**
   * peopleCount without data: whether the room's device reported other metrics in the window
   * (Webex drops zero counts: reporting means the room was empty). Undefined: not known.
   */
  deviceReporting?: boolean;
}

/** The cache's key of a fetch (the unit matters only for temperature). */
export function seriesKey(f: MetricFetch): SeriesKey {
  return {
    workspaceId: f.room.id,
    metric: f.metric,
    aggregation: f.aggregation,
    ...(f.metric === 'temperature' ? { unit: f.unit } : {}),
  };
}

/** Calls reading `fetches` would make now: the plan's count, less what the cache holds. */
export async function callsToRead(
  fetches: readonly MetricFetch[],
  cache: ReadingsCache | undefined,
): Promise<number> {
  if (!cache) return fetches.reduce((n, f) => n + callsFor(f.from, f.to, f.aggregation), 0);
  const calls = await Promise.all(fetches.map((f) => cache.callsNeeded(seriesKey(f), f.from, f.to)));
  return calls.reduce((n, c) => n + c, 0);
}

export interface ReadOptions {
  cache?: ReadingsCache;
  concurrency?: number;
  /** Called after each series is read (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads the series a plan lists, with bounded concurrency, through the readings cache: one call per
 * legal window of what is not cached yet. Rooms without the sensor are not in the plan's fetches.
 */
export async function readSeries(
  webex: WebexClient,
  fetches: readonly MetricFetch[],
  options: ReadOptions = {},
): Promise<RoomMetricData[]> {
  let done = 0;
  return mapWithConcurrency(fetches, options.concurrency ?? 6, async (f) => {
    const fetchRange = async (from: number, to: number) => {
      const result = await webex.admin.metrics({
        workspaceId: f.room.id,
        metricName: f.metric,
        aggregation: f.aggregation,
        from,
        to,
        ...(f.metric === 'temperature' ? { unit: f.unit } : {}),
      });
      return { items: result.items as (RawMetricItem | AggregatedMetricItem)[], calls: result.calls };
    };
    const key = seriesKey(f);
    const result = options.cache
      ? await options.cache.read(key, f.from, f.to, fetchRange)
      : await fetchRange(f.from, f.to);
    options.onProgress?.(++done, fetches.length);
    return {
      room: { id: f.room.id, displayName: f.room.displayName },
      metric: f.metric,
      supported: true,
      items: result.items,
      calls: result.calls,
    };
  });
}

/**
 * Reads `metrics` of `rooms` over one window: rooms whose capabilities say they lack a sensor
 * are answered as unsupported without a call (the directory carries capabilities).
 */
export async function readRooms(
  webex: WebexClient,
  rooms: readonly PlanRoom[],
  metrics: readonly MetricName[],
  window: Pick<MetricFetch, 'from' | 'to' | 'aggregation' | 'unit'>,
  options: ReadOptions = {},
): Promise<RoomMetricData[]> {
  const fetches: MetricFetch[] = [];
  const unsupported: RoomMetricData[] = [];
  for (const room of rooms) {
    for (const metric of metrics) {
      if (hasSensor(room, metric)) fetches.push({ room, metric, ...window });
      else
        unsupported.push({
          room: { id: room.id, displayName: room.displayName },
          metric,
          supported: false,
          items: [],
          calls: 0,
        });
    }
  }
  return [...(await readSeries(webex, fetches, options)), ...unsupported];
}
