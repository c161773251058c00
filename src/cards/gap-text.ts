/**
 * What a card says about stretches without readings: "No readings Tue 17 Nov 09:00–11:00" (at most
 * two named, then "and N more"), and "No readings since 10:05 — sensor offline?" for a sensor
 * silent up to the end of an answer about now. The zone is the card's (named once, in its title).
 */
import { formatClock, formatTime, sameLocalDay } from './format';

/** Gaps a card names before it counts the rest. */
export const NAMED_GAPS = 2;

export interface Span {
  from: number;
  to: number;
}

/** "09:00–11:00" within a one-day range, "Tue 17 Nov 09:00–11:00", "Mon 16 Nov 22:00 – Tue 17 Nov 06:00". */
export function formatGap(gap: Span, range: Span, zone: string): string {
  if (sameLocalDay(gap.from, gap.to, zone)) {
    const day = sameLocalDay(range.from, range.to, zone)
      ? ''
      : `${formatTime(gap.from, zone).replace(/ \d\d:\d\d$/, '')} `;
    return `${day}${formatClock(gap.from, zone)}–${formatClock(gap.to, zone)}`;
  }
  return `${formatTime(gap.from, zone)} – ${formatTime(gap.to, zone)}`;
}

/** "No readings 09:00–11:00", "No readings A and B", "No readings A, B and 3 more"; undefined without gaps. */
export function gapLine(gaps: readonly Span[], range: Span, zone: string): string | undefined {
  if (gaps.length === 0) return undefined;
  const named = gaps.slice(0, NAMED_GAPS).map((g) => formatGap(g, range, zone));
  const rest = gaps.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(' and ');
  return `No readings ${list}`;
}

/** "No readings since 10:05 — sensor offline?" (the day too when it is not the range's last day). */
export function silentSinceLine(since: number, range: Span, zone: string): string {
  const at = sameLocalDay(since, range.to, zone) ? formatClock(since, zone) : formatTime(since, zone);
  return `No readings since ${at} — sensor offline?`;
}

/** The short marker a table row carries when its series has gaps. */
export const GAP_MARKER = 'gap';
