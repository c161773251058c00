import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';

/**
 * Month-name dates ("Nov 3", "3 November", "November 3rd 2025") through chrono, restricted to its
 * date parsers. chrono's own instants are not used: it ignores IANA zones and reads lower-case
 * words such as "et" or "ist" as zone abbreviations. We take the calendar fields it found and
 * build the day in the space's zone ourselves.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/**
 * "Nov 19", "November 3rd, 2025": month first, then the day. chrono's own middle-endian parser
 * reads "Nov 19" as November 2019, so this custom parser (chrono's extension API) replaces it.
 */
const monthDayParser: chrono.Parser = {
  pattern: () => new RegExp(String.raw`\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?(?![\d:])`, 'i'),
  extract: (_context, match) => {
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
    const day = Number(match[2]);
    if (month < 1 || day < 1 || day > 31) return null;
    return { month, day, ...(match[3] ? { year: Number(match[3]) } : {}) };
  },
};

const monthNameDates = (() => {
  const parser = chrono.en.GB.clone();
  parser.parsers = parser.parsers.filter((p) => p.constructor.name === 'ENMonthNameLittleEndianParser');
  parser.parsers.push(monthDayParser);
  // Only overlap removal: the zone-abbreviation refiners read "et"/"ist" as zones, and the
  // forward-date and merge refiners move or join dates in ways the time grammar does itself.
  parser.refiners = parser.refiners.filter((r) => r.constructor.name === 'OverlapRemovalRefiner');
  return parser;
})();

export interface FoundDate {
  index: number;
  length: number;
  year: number | undefined;
  month: number;
  day: number;
}

/** Calendar dates written with a month name. */
export function findMonthNameDates(view: string, now: DateTime): FoundDate[] {
  if (!/[a-z]{3}/.test(view)) return [];
  const reference = new Date(Date.UTC(now.year, now.month - 1, now.day, 12));
  return monthNameDates
    .parse(view, reference)
    .filter((r) => r.start.isCertain('month') && r.start.isCertain('day') && !r.text.includes('§'))
    .map((r) => ({
      index: r.index,
      length: r.text.length,
      year: r.start.isCertain('year') ? (r.start.get('year') ?? undefined) : undefined,
      month: r.start.get('month') ?? 1,
      day: r.start.get('day') ?? 1,
    }));
}

/**
 * Numeric dates: ISO `2026-11-03`; dotted dates day-first (`03.11.2026`, `3.11.`, `3.11` after a
 * date word); slashed dates month-first unless the first number cannot be a month (`25/11`).
 */
export function findNumericDates(view: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of view.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    found.push({
      index: m.index,
      length: m[0].length,
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
    });
  }
  for (const m of view.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?(?![\d.]?\d)/g)) {
    const hasYearOrDot = m[0].split('.').length === 3;
    const before = view.slice(Math.max(0, m.index - 7), m.index);
    if (!hasYearOrDot && !/\b(on|since|from|until|till|before|after|of|den|am)\s$/.test(before)) continue;
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
    found.push({ index: m.index, length: m[0].length, year, month: Number(m[2]), day: Number(m[1]) });
  }
  for (const m of view.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [month, day] = a > 12 ? [b, a] : [a, b];
    const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
    found.push({ index: m.index, length: m[0].length, year, month, day });
  }
  return found.filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
}
