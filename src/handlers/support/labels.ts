import { formatDuration } from '../../metrics';

/** "last 6 h", "last 7 d" for windows ending now; otherwise empty (the card shows the range). */
export function rangeLabel(from: number, to: number, now: number): string {
  if (Math.abs(now - to) > 60_000) return '';
  // People ask for "the last 24 hours", "the last 48 hours": say it the same way.
  const hours = (to - from) / 3_600_000;
  if (hours >= 24 && hours <= 48 && Number.isInteger(hours)) return `last ${hours} h`;
  return `last ${formatDuration(to - from)}`;
}

export { sensorMetrics } from '../../model/metric-catalogue';
export { unitLabel } from '../../model/units';
