import { DateTime, type DurationLikeObject } from 'luxon';
import type { TokenText } from './token-text';

/**
 * Building blocks for the longer time phrases: compound and fractional durations ("2h 15m",
 * "an hour and a half", "half a day"), ISO date-times with or without an offset, clock times
 * written with a dot ("7.45"), and a day named inside a range ("Mon 8am to Tue 6pm").
 */

const UNIT = String.raw`(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|years?|yrs?|y)`;
const COUNT_WORD = String.raw`(?:a couple of|couple of|a few|few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty four|twenty|thirty|forty five|forty eight)`;
const COUNT = String.raw`(?:\d+(?:\.\d+)? ?|${COUNT_WORD} )`;
const PART = String.raw`${COUNT}${UNIT}(?![a-z])`;
const FRACTION = String.raw`(?:half (?:an? )?(?:hour|day)|(?:an? |one )?hour and a half|(?:one|1|an?) and a half (?:hours?|days?)|(?:an? )?quarter (?:of an )?hour)`;
/** One duration: a fraction, or number-unit parts ("2h 15m", "1 day and 6 hours", "1h30m"). */
export const DURATION = String.raw`(?:${FRACTION}|${PART}(?:(?: and |,? ?)${PART})*)`;

const WORD_COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty five': 45,
  'forty eight': 48,
  'twenty four': 24,
  couple: 2,
  'couple of': 2,
  'a couple of': 2,
  few: 3,
  'a few': 3,
};

type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

function durationUnit(word: string): DurationUnit {
  if (/^(m|mins?|minutes?)$/.test(word)) return 'minutes';
  if (/^(h|hrs?|hours?)$/.test(word)) return 'hours';
  if (/^(d|days?)$/.test(word)) return 'days';
  if (/^(w|wks?|weeks?)$/.test(word)) return 'weeks';
  if (/^months?$/.test(word)) return 'months';
  return 'years';
}

/** A {@link DURATION} match → a luxon duration (calendar units first, then exact hours/minutes). */
export function readDuration(text: string): DurationLikeObject | undefined {
  const t = text.trim();
  if (/^half (?:an? )?hour$/.test(t)) return { minutes: 30 };
  if (/^half (?:an? )?day$/.test(t)) return { hours: 12 };
  if (/quarter/.test(t)) return { minutes: 15 };
  if (/hour and a half|and a half hours?/.test(t)) return { minutes: 90 };
  if (/and a half days?/.test(t)) return { hours: 36 };
  const out: DurationLikeObject = {};
  const part = new RegExp(String.raw`(\d+(?:\.\d+)?|\b${COUNT_WORD}) ?(${UNIT})(?![a-z])`, 'g');
  for (const m of t.replace(/\band\b|,/g, ' ').matchAll(part)) {
    const raw = m[1]!.trim();
    const n = /^\d/.test(raw) ? Number(raw) : WORD_COUNTS[raw];
    if (n === undefined || !Number.isFinite(n)) return undefined;
    const unit = durationUnit(m[2]!);
    out[unit] = (out[unit] ?? 0) + n;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** An ISO date-time: `2026-11-17T09:00`, `2026-11-17 09:00:00+01:00`, `2026-11-17T13:00Z`. */
export const ISO_DATE_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:t| )\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?`;

/** Reads an {@link ISO_DATE_TIME} in `zone` (a written offset wins). */
export function readIsoDateTime(text: string, zone: DateTime['zone'] | string): DateTime | undefined {
  const iso = text.trim().toUpperCase().replace(' ', 'T');
  const parsed = DateTime.fromISO(iso, { zone, setZone: false });
  return parsed.isValid ? parsed.setZone(zone) : undefined;
}

const DOT_CONTEXT = new Set([
  'since',
  'from',
  'until',
  'till',
  'before',
  'after',
  'at',
  'around',
  'about',
  'between',
  'and',
  'to',
  'by',
  '-',
]);

/**
 * Clock times written with a dot ("since 7.45", "from 8.30 to 10.15") become "7:45" in the free
 * words when they cannot be a day-first date (the minutes are 00 or above 12) and stand where a
 * time does: after a time word or before am/pm, not before a unit.
 */
export function rewriteDotTimes(text: TokenText): void {
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'free') continue;
    const m = /^(\d{1,2})\.(\d{2})$/.exec(token.text);
    if (!m) continue;
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    if (hour > 24 || minute > 59 || (minute >= 1 && minute <= 12)) continue;
    const before = tokens[i - 1]?.text ?? '';
    const after = tokens[i + 1]?.text ?? '';
    if (
      /^(?:degrees?|deg|celsius|fahrenheit|c|f|%|percent|ppm|ppb|db|people|h|hours?|days?|m|mins?)$/.test(
        after,
      )
    )
      continue;
    if (DOT_CONTEXT.has(before) || /^(?:am|pm|a\.m\.?|p\.m\.?)$/.test(after)) token.text = `${m[1]}:${m[2]}`;
  }
}
