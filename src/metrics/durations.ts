import type { DurationMetricItem } from '../webex/wire';

export interface DurationSummary {
  /** Total booked minutes. */
  bookedMinutes: number;
  /** Total minutes the room was in use (booked or not). */
  usedMinutes: number;
  /** Booked but unused ("ghost meetings"): per bucket `max(0, booked - used)`, summed. */
  ghostMinutes: number;
  /** `usedMinutes / bookedMinutes`; undefined when nothing was booked. Walk-ins can push it above 1. */
  utilisation: number | undefined;
}

/** Buckets of the two measurements line up by start instant (formatting differences ignored). */
function bucketKey(item: DurationMetricItem): string {
  const t = Date.parse(item.start);
  return Number.isFinite(t) ? String(t) : item.start;
}

function durationOf(item: DurationMetricItem): number {
  return Number.isFinite(item.duration) ? item.duration : 0;
}

/**
 * Compares `timeBooked` with `timeUsed` buckets of the same workspace, range and aggregation (minutes,
 * as `/workspaceDurationMetrics` answers with `unit: "minutes"`). A bucket present in only one of the
 * lists counts as 0 in the other.
 */
export function summarizeDurations(
  booked: readonly DurationMetricItem[],
  used: readonly DurationMetricItem[],
): DurationSummary {
  const usedByBucket = new Map<string, number>();
  let usedMinutes = 0;
  for (const item of used) {
    const minutes = durationOf(item);
    usedMinutes += minutes;
    const key = bucketKey(item);
    usedByBucket.set(key, (usedByBucket.get(key) ?? 0) + minutes);
  }
  const bookedByBucket = new Map<string, number>();
  let bookedMinutes = 0;
  for (const item of booked) {
    const minutes = durationOf(item);
    bookedMinutes += minutes;
    const key = bucketKey(item);
    bookedByBucket.set(key, (bookedByBucket.get(key) ?? 0) + minutes);
  }
  let ghostMinutes = 0;
  for (const [key, minutes] of bookedByBucket) {
    ghostMinutes += Math.max(0, minutes - (usedByBucket.get(key) ?? 0));
  }
  return {
    bookedMinutes,
    usedMinutes,
    ghostMinutes,
    utilisation: bookedMinutes > 0 ? usedMinutes / bookedMinutes : undefined,
  };
}
