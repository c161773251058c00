import type { ReportAttentionView } from '../cards/automation-views';
import type { ComfortBands } from '../metrics';
import { type SpaceSettings, workingHoursOf } from '../model/space-settings';
import { workingIntervals } from '../model/working-hours';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { comfortProblems, sensorHealth } from './site-report-content';

/** Rooms judged for "Needs attention" beyond the ones named are counted, not dropped. */
const NAMED = 5;

/**
 * The daily report's "Needs attention": from the hourly readings the report already read, the
 * rooms outside their comfort band in working hours (metrics/problems, with the run's start) and
 * the sensors that went quiet or reported impossible values (metrics/sensor-health, judged at the
 * period's end, with the last reading), one row per room, quiet sensors first. Empty when all is fine.
 */
export function needsAttention(
  readings: readonly RoomMetricData[],
  period: { from: number; to: number },
  space: SpaceSettings,
  o: {
    bands: ComfortBands;
    now: number;
    offlineAfterMs: number;
    capacityOf: (workspaceId: string) => number | undefined;
  },
): ReportAttentionView {
  const options = {
    bands: o.bands,
    unit: space.unit,
    timeZone: space.timeZone,
    offlineAfterMs: o.offlineAfterMs,
  };
  const working = workingIntervals(workingHoursOf(space), period.from, period.to, space.timeZone);
  const comfort = comfortProblems(readings, period, working, options, o.capacityOf, Number.MAX_SAFE_INTEGER);
  const health = sensorHealth(readings, period, o.now, options, Number.MAX_SAFE_INTEGER);
  const rows = new Map<string, ReportAttentionView['rows'][number]>();
  for (const h of health.rows)
    rows.set(h.roomName, {
      roomName: h.roomName,
      lines: h.problems.map((p) => ({ text: p.text, level: 'quiet' })),
    });
  for (const c of comfort.rows) {
    const row = rows.get(c.roomName) ?? { roomName: c.roomName, lines: [] };
    row.lines.push(...c.lines.map((text) => ({ text, level: 'problem' as const })));
    rows.set(c.roomName, row);
  }
  const all = [...rows.values()];
  return { rows: all.slice(0, NAMED), more: Math.max(0, all.length - NAMED) };
}
