import { DateTime } from 'luxon';
import { formatDuration } from '../../metrics';
import { zoneOrUtc } from '../../time-zones';

/** A window's end this close to now is "now" (the plan clips to the clock it read a moment ago). */
const NOW_SLACK_MS = 60_000;
const MINUTE_MS = 60_000;

/**
 * What an answer's window is called, in the space's zone. Calendar windows are named as such:
 * "today, since 00:00", "this week, since Mon 00:00", "since yesterday 00:00", "since Tue 1 Dec",
 * "yesterday, Thu 3 Dec", "Tue 1 Dec",
 * "last week, Mon 23 – Sun 29 Nov", "November 2026"; a window ending now that starts at a time the
 * person stated (`anchoredStart`: "since 8am") names that start: "today, since 08:00", "since
 * yesterday 18:00", "since Tue 1 Dec 18:00"; other windows ending now are rolling:
 * "last 6 h", "last 24 h", "last 7 d". Anything else is "" (the card's range line says it).
 * A window is a calendar one when its ends are local midnights (the start of a week or month),
 * which a rolling window, measured from the clock to the millisecond, is not; a stated start at
 * midnight ("since midnight") is named as the calendar window it is.
 */
export function rangeLabel(
  from: number,
  to: number,
  now: number,
  timeZone: string,
  anchoredStart = false,
): string {
  const zone = zoneOrUtc(timeZone);
  const start = DateTime.fromMillis(from, { zone, locale: 'en-US' });
  const end = DateTime.fromMillis(to, { zone, locale: 'en-US' });
  const today = DateTime.fromMillis(now, { zone, locale: 'en-US' }).startOf('day');
  const isStartOf = (t: DateTime, unit: 'day' | 'week' | 'month' | 'year') => +t.startOf(unit) === +t;
  if (Math.abs(now - to) <= NOW_SLACK_MS) {
    if (+start === +today) return 'today, since 00:00';
    if (isStartOf(start, 'week') && +start === +today.startOf('week')) return 'this week, since Mon 00:00';
    if (isStartOf(start, 'month') && +start === +today.startOf('month'))
      return `this month, since ${start.toFormat('d LLL')}`;
    if (isStartOf(start, 'year') && +start === +today.startOf('year'))
      return `this year, since ${start.toFormat('d LLL')}`;
    if (isStartOf(start, 'day'))
      return +start === +today.minus({ days: 1 })
        ? 'since yesterday 00:00'
        : `since ${start.toFormat(start.hasSame(today, 'year') ? 'ccc d LLL' : 'ccc d LLL yyyy')}`;
    return anchoredStart ? sinceLabel(start, today) : rollingLabel(to - from);
  }
  if (!isStartOf(start, 'day') || !isStartOf(end, 'day')) return '';
  const days = Math.round(end.diff(start, 'days').days);
  if (days === 1) {
    const date = start.toFormat('ccc d LLL');
    return +start === +today.minus({ days: 1 }) ? `yesterday, ${date}` : date;
  }
  if (isStartOf(start, 'month') && +end === +start.plus({ months: 1 })) return start.toFormat('LLLL yyyy');
  const last = end.minus({ days: 1 });
  const span = start.hasSame(last, 'month')
    ? `${start.toFormat('ccc d')} – ${last.toFormat('ccc d LLL')}`
    : `${start.toFormat('ccc d LLL')} – ${last.toFormat('ccc d LLL')}`;
  const lastWeek = +start === +today.startOf('week').minus({ weeks: 1 }) && days === 7;
  return lastWeek ? `last week, ${span}` : span;
}

/** A stated start, to now: "today, since 08:00", "since yesterday 18:00", "since Tue 1 Dec 18:00". */
function sinceLabel(start: DateTime, today: DateTime): string {
  const time = start.toFormat('HH:mm');
  if (start >= today) return `today, since ${time}`;
  if (start >= today.minus({ days: 1 })) return `since yesterday ${time}`;
  return `since ${start.toFormat(start.hasSame(today, 'year') ? 'ccc d LLL' : 'ccc d LLL yyyy')} ${time}`;
}

/** "last 6 h", "last 24 h", "last 7 d": whole minutes, so a window read a moment late stays "24 h". */
function rollingLabel(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  // People ask for "the last 24 hours", "the last 48 hours": say it the same way.
  if (minutes % 60 === 0 && minutes >= 24 * 60 && minutes <= 48 * 60) return `last ${minutes / 60} h`;
  return `last ${formatDuration(minutes * MINUTE_MS)}`;
}

export { sensorMetrics } from '../../model/metric-catalogue';
export { unitLabel } from '../../model/units';
