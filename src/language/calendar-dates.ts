import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';

/**
 * Month-name dates ("Nov 3", "3 November", "November 3rd 2025") through chrono, restricted to its
 * date parsers. chrono's own instants are not used: it ignores IANA zones and reads lower-case
 * words such as "et" or "ist" as zone abbreviations. We take the calendar fields it found and
 * build the day in the space's zone ourselves.
 */
const monthNameDates = (() => {
  const parser = chrono.en.GB.clone();
  const keep = new Set(['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser']);
  parser.parsers = parser.parsers.filter((p) => keep.has(p.constructor.name));
  parser.refiners = parser.refiners.filter(
    (r) => !/Timezone|ForwardDate|MergeDateTime|MergeDateRange/.test(r.constructor.name),
  );
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
      year: r.start.isCertain('year') ? r.start.get('year') ?? undefined : undefined,
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
    found.push({ index: m.index, length: m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
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
