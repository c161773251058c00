import { formatAt } from './format';
import type { UsualLine } from './view-models';

/**
 * "Unusual for this room in the hour from 14:00: 48 dBA louder than a usual Thursday afternoon here
 * (usual 39 dBA)" — or, for a reading now, without the hour; a line that is not unusual as it is.
 * Unescaped; the hour is shown as the answer's other times are (the title names the zone).
 */
export function usualText(usual: UsualLine, range: { from: number; to: number }, timeZone: string): string {
  if (!usual.unusual) return usual.text;
  const when = usual.at === undefined ? '' : ` in the hour from ${formatAt(usual.at, range, timeZone)}`;
  return `Unusual for this room${when}: ${usual.text}`;
}
