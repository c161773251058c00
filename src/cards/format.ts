/**
 * Times as people in the space read them: luxon, in the space's IANA zone, English names
 * ("Wed 18 Nov 14:30"), 24-hour clock. Pure: instants come in, the clock is never read.
 *
 * A zone luxon does not know falls back to UTC, and the label then says "UTC": the times
 * shown always match the zone named next to them.
 */
import { DateTime } from 'luxon';
import { zoneOrUtc } from '../time-zones';

const LOCALE = 'en-US'; // "Sep", not the "Sept" of en-GB; the pattern fixes the order.
const DAY_TIME = 'ccc d LLL HH:mm';
const DAY_TIME_YEAR = 'ccc d LLL yyyy HH:mm';
const CLOCK = 'HH:mm';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The zone used to format: `zone` when luxon knows it, else "UTC". */
export function resolveZone(zone: string): string {
  return zoneOrUtc(zone);
}

/** "(Europe/Oslo)" */
export function zoneSuffix(zone: string): string {
  return `(${resolveZone(zone)})`;
}

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: resolveZone(zone), locale: LOCALE });
}

/** "Wed 18 Nov 14:30" in `zone` (no zone label: the caller's title or suffix carries it). */
export function formatTime(ms: number, zone: string): string {
  return local(ms, zone).toFormat(DAY_TIME);
}

/** "Tue 3 Dec" in `zone`. */
export function formatDate(ms: number, zone: string): string {
  return local(ms, zone).toFormat('ccc d LLL');
}

/** "14:30" in `zone`. */
export function formatClock(ms: number, zone: string): string {
  return local(ms, zone).toFormat(CLOCK);
}

/** "14:30 (Europe/Oslo)" */
export function formatClockWithZone(ms: number, zone: string): string {
  return `${formatClock(ms, zone)} ${zoneSuffix(zone)}`;
}

/** "Wed 18 Nov 14:30 (Europe/Oslo)" */
export function formatTimeWithZone(ms: number, zone: string): string {
  return `${formatTime(ms, zone)} ${zoneSuffix(zone)}`;
}

/** Whether both instants fall on the same calendar day in `zone`. */
export function sameLocalDay(a: number, b: number, zone: string): boolean {
  return local(a, zone).hasSame(local(b, zone), 'day');
}

/**
 * "Wed 18 Nov 08:30 – 14:30 (Europe/Oslo)" within one local day,
 * "Mon 16 Nov 00:00 – Wed 18 Nov 14:30 (Europe/Oslo)" across days,
 * with the years when the range crosses New Year.
 */
export function formatRange(from: number, to: number, zone: string): string {
  return `${formatLocalRange(from, to, zone)} ${zoneSuffix(zone)}`;
}

/** {@link formatRange} without the zone: for cards whose title names it (once per card). */
export function formatLocalRange(from: number, to: number, zone: string): string {
  const start = local(from, zone);
  const end = local(to, zone);
  if (start.hasSame(end, 'day')) return `${start.toFormat(DAY_TIME)} – ${end.toFormat(CLOCK)}`;
  const pattern = start.hasSame(end, 'year') ? DAY_TIME : DAY_TIME_YEAR;
  return `${start.toFormat(pattern)} – ${end.toFormat(pattern)}`;
}

/**
 * When a stat was reached, for "at …": the clock alone when the whole range is one local day
 * ("14:30"), else with the day ("Tue 17 Nov 22:10"). The zone is in the card's title.
 */
export function formatAt(at: number, range: { from: number; to: number }, zone: string): string {
  return sameLocalDay(range.from, range.to, zone) && sameLocalDay(at, range.to, zone)
    ? formatClock(at, zone)
    : formatTime(at, zone);
}

/** "just now", "5 min ago", "1 h 20 min ago", "3 h ago", "2 d ago" (a negative age reads "just now"). */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'age unknown';
  if (ms < MINUTE_MS) return 'just now';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min ago`;
  if (ms < DAY_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
    return minutes === 0 ? `${hours} h ago` : `${hours} h ${minutes} min ago`;
  }
  return `${Math.floor(ms / DAY_MS)} d ago`;
}

/**
 * "45 min", "12.5 h": booked and used time in hours, however many days they add up to; none is
 * "0 h", so it reads beside "16.3 h" as the same kind of figure.
 */
export function formatHours(minutes: number): string {
  if (!(minutes >= 0.5)) return '0 h';
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  const h = Math.round(minutes / 6) / 10;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}
