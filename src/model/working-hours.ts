import { DateTime } from 'luxon';

/**
 * Working hours: the local days and times in which comfort is judged (verdicts, rankings, time
 * outside the band, reports). Readings outside them are still shown, just not judged. A space
 * setting, read in the space's own IANA time zone.
 */

/** ISO weekday, as luxon numbers them: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WorkingHours {
  /** The working days, ascending, each once. */
  days: readonly Weekday[];
  /** Local start, `HH:MM`. */
  start: string;
  /** Local end, `HH:MM` after `start`; `24:00` is the midnight that ends the day. */
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5] as const),
  start: '08:00',
  end: '17:00',
});

/** An instant range, epoch ms: `from` inclusive, `to` exclusive. */
export interface Interval {
  from: number;
  to: number;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** Minutes after local midnight of `HH:MM` (`24:00` is 1440), or undefined when malformed. */
function minutesOf(clock: string): number | undefined {
  const m = CLOCK.exec(clock);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/**
 * Why `hours` cannot be working hours, in one line for the chat (undefined when they can): no
 * days, a malformed time, or an end not after the start (overnight shifts are not supported).
 */
export function workingHoursProblem(hours: WorkingHours): string | undefined {
  if (hours.days.length === 0) return 'Working hours need at least one day, e.g. "working hours mon-fri".';
  if (
    hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(hours.days).size !== hours.days.length
  )
    return 'Working days must be Monday to Sunday, each once.';
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === undefined || start >= 24 * 60)
    return `"${hours.start}" is not a time of day: give hours 00–23 and minutes 00–59, e.g. 07:30.`;
  if (end === undefined)
    return `"${hours.end}" is not a time of day: give hours 00–24 and minutes 00–59, e.g. 16:30.`;
  if (end <= start)
    return `Working hours must end after they start (${hours.start}–${hours.end}); hours across midnight are not supported.`;
  return undefined;
}

/** "Mon–Fri", "Mon–Thu, Sat", "every day". */
export function describeDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: [Weekday, Weekday][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs
    .map(([a, b]) =>
      a === b
        ? DAY_NAMES[a - 1]!
        : b === a + 1
          ? `${DAY_NAMES[a - 1]}, ${DAY_NAMES[b - 1]}`
          : `${DAY_NAMES[a - 1]}–${DAY_NAMES[b - 1]}`,
    )
    .join(', ');
}

/** "Mon–Fri 08:00–17:00". */
export function describeWorkingHours(hours: WorkingHours): string {
  return `${describeDays(hours.days)} ${hours.start}–${hours.end}`;
}

/**
 * The working intervals that fall within [from, to) in `timeZone`, oldest first, each clipped to
 * the range. DST-correct: every day's start and end are local wall-clock times (a working day
 * across a change is an hour shorter or longer in instants); a wall time the change skips moves
 * forward, as luxon does.
 */
export function workingIntervals(
  hours: WorkingHours,
  from: number,
  to: number,
  timeZone: string,
): Interval[] {
  if (!(to > from)) return [];
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === undefined || end === undefined || end <= start) return [];
  const days = new Set<number>(hours.days);
  const intervals: Interval[] = [];
  const at = (day: DateTime, minutes: number) =>
    minutes >= 24 * 60
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  let day = DateTime.fromMillis(from, { zone: timeZone }).startOf('day');
  while (day.toMillis() < to) {
    if (days.has(day.weekday)) {
      const a = Math.max(from, at(day, start));
      const b = Math.min(to, at(day, end));
      if (b > a) intervals.push({ from: a, to: b });
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return intervals;
}

/** Milliseconds of [from, to) inside the intervals (sorted, not overlapping). */
export function overlapMs(intervals: readonly Interval[], from: number, to: number): number {
  let total = 0;
  for (const i of intervals) {
    if (i.from >= to) break;
    const a = Math.max(i.from, from);
    const b = Math.min(i.to, to);
    if (b > a) total += b - a;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// People's words
// ---------------------------------------------------------------------------------------------

const DAY_WORDS: readonly [RegExp, Weekday][] = [
  [/^mon(?:day)?s?$/, 1],
  [/^tue(?:s|sday)?s?$/, 2],
  [/^wed(?:s|nesday)?s?$/, 3],
  [/^thu(?:r|rs|rsday)?s?$/, 4],
  [/^fri(?:day)?s?$/, 5],
  [/^sat(?:urday)?s?$/, 6],
  [/^sun(?:day)?s?$/, 7],
];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';
const DAY_RANGE = new RegExp(String.raw`\b(${DAY})\s*(?:-|–|to|through|thru|till|until)\s*(${DAY})\b`, 'g');
const DAY_SINGLE = new RegExp(String.raw`\b(${DAY})\b`, 'g');
const CLOCK_WORD = String.raw`(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
const TIME_RANGE = new RegExp(
  String.raw`(?:^|[^\d:.])${CLOCK_WORD}\s*(?:-|–|to|till|until)\s*${CLOCK_WORD}(?![\d:])`,
);

function weekdayOf(word: string): Weekday | undefined {
  return DAY_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The days named in the text ("mon-thu", "monday to friday, saturday", "weekdays"), if any. */
function readDays(text: string): Weekday[] | { problem: string } | undefined {
  if (/\b(?:every ?day|daily|all week|7 days|seven days)\b/.test(text)) return [1, 2, 3, 4, 5, 6, 7];
  const found = new Set<Weekday>();
  if (/\b(?:weekdays|working days|work days|business days)\b/.test(text))
    for (const d of [1, 2, 3, 4, 5] as const) found.add(d);
  if (/\bweekends?\b/.test(text)) for (const d of [6, 7] as const) found.add(d);
  let rest = text;
  for (const m of text.matchAll(DAY_RANGE)) {
    const a = weekdayOf(m[1]!);
    const b = weekdayOf(m[2]!);
    if (a === undefined || b === undefined)
      return { problem: `I don't know the day "${a === undefined ? m[1] : m[2]}".` };
    if (b < a)
      return { problem: `"${m[0]}" runs backwards: working days go from Monday to Sunday, e.g. "mon-fri".` };
    for (let d = a; d <= b; d++) found.add(d as Weekday);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(DAY_SINGLE)) {
    const d = weekdayOf(m[1]!);
    if (d === undefined) return { problem: `I don't know the day "${m[1]}".` };
    found.add(d);
  }
  return found.size > 0 ? [...found].sort((a, b) => a - b) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One clock word as 24-hour minutes (24:00 allowed as an end), or a problem. */
function clockMinutes(
  hour: string,
  minute: string | undefined,
  meridiem: string | undefined,
): number | string {
  let h = Number(hour);
  const m = Number(minute ?? 0);
  const text = `${hour}${minute ? `:${minute}` : ''}${meridiem ?? ''}`;
  if (meridiem) {
    if (h < 1 || h > 12) return `"${text}" is not a time of day.`;
    if (meridiem.startsWith('p') && h < 12) h += 12;
    if (meridiem.startsWith('a') && h === 12) h = 0;
  }
  if (m > 59 || h > 24 || (h === 24 && m > 0))
    return `"${text}" is not a time of day: hours go to 24 and minutes to 59.`;
  return h * 60 + m;
}

const clockText = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Reads working hours from people's words, e.g. "set working hours to 7-16", "working hours
 * 07:30-16:30 mon-thu", "office hours mon-sat 8-18", "working hours 8am to 5pm weekdays". Returns
 * what the text sets (the days, the times, or both; the rest stays as it was) or a problem in one
 * line. "8-5" without am/pm means 08:00–17:00. The result is checked with
 * {@link workingHoursProblem} once merged with the current hours.
 */
export function parseWorkingHours(text: string): Partial<WorkingHours> | { problem: string } {
  const view = text.toLowerCase().replace(/\s+/g, ' ');
  const days = readDays(view);
  if (days && 'problem' in days) return days;
  const time = TIME_RANGE.exec(view);
  const result: Partial<WorkingHours> = days ? { days } : {};
  if (time) {
    const [, h1, m1, ap1, h2, m2, ap2] = time;
    // "1-5pm": the start shares the end's am/pm when that keeps it before the end.
    let start = clockMinutes(h1!, m1, ap1);
    const end = clockMinutes(h2!, m2, ap2);
    if (typeof start === 'string') return { problem: start };
    if (typeof end === 'string') return { problem: end };
    if (!ap1 && ap2 && Number(h1) <= 12) {
      const shared = clockMinutes(h1!, m1, ap2);
      if (typeof shared === 'number' && shared < end) start = shared;
    }
    let endMinutes = end;
    // "8-5": a bare end before the start is in the afternoon.
    if (
      !ap1 &&
      !ap2 &&
      start < 12 * 60 &&
      endMinutes <= start &&
      endMinutes < 12 * 60 &&
      endMinutes + 12 * 60 > start
    )
      endMinutes += 12 * 60;
    if (start >= 24 * 60)
      return { problem: `"${h1}${m1 ? `:${m1}` : ''}" is not a time of day to start at.` };
    result.start = clockText(start);
    result.end = clockText(endMinutes);
    if (endMinutes <= start)
      return {
        problem: `Working hours must end after they start (${result.start}–${result.end}); hours across midnight are not supported.`,
      };
  } else if (/\d/.test(view.replace(DAY_RANGE, ' '))) {
    return {
      problem: `I couldn't read a start and an end time in "${text.trim()}". Say e.g. "set working hours to 07:30-16:30 mon-fri".`,
    };
  }
  if (result.days === undefined && result.start === undefined)
    return {
      problem:
        'Which working hours? Say e.g. "set working hours to 8-17" or "working hours 07:30-16:30 mon-thu".',
    };
  return result;
}
