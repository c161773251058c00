/**
 * When daily reports are due, and what each one covers. Pure: every function takes instants
 * (epoch ms) and the space's IANA zone; nothing reads the clock, so a restart, a late timer or a
 * test can ask "what should happen at `now`?" and get the same answer.
 *
 * A slot is the subscription's local wall-clock time on one local calendar day. Days are walked
 * as calendar dates, never as 24-hour steps, so a 23- or 25-hour day neither skips nor doubles a
 * report. The DST rules are those of RFC 5545 (and Temporal's `compatible`):
 * - a time inside a spring-forward gap is read with the offset from before the gap, i.e. it moves
 *   forward by the length of the gap (02:30 on 2026-03-29 in Europe/Oslo is 03:30 CEST);
 * - a time that occurs twice on a fall-back day is the FIRST occurrence (02:30 CEST, not CET).
 *
 * A zone luxon does not know is read as UTC, as the cards label times (see `src/cards/format.ts`).
 *
 * Weekly reports have one slot per week, on their weekday; monthly reports one per month, on their
 * day of the month, or on the month's last day when it has no such day (the 31st is posted on
 * 30 April and 28/29 February; the 29th–31st never skip a month nor post twice in one). The DST
 * rules above apply to their slots unchanged. A weekly report covers the previous full week,
 * Monday 00:00 to Monday 00:00 local (167 or 169 hours across a DST change), a monthly one the
 * previous calendar month; both whatever weekday or day they are posted on.
 */
import { DateTime } from 'luxon';
import type { ReportSubscription } from '../model';
import { zoneOrUtc } from '../time-zones';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * How late a report may be and still count as on time. A timer fires a few ms to seconds after
 * its slot and a poll loop may tick just after; only beyond this does the report say "late".
 */
export const REPORT_ON_TIME_GRACE_MS = 60_000;

type Schedule = Pick<ReportSubscription, 'time' | 'days' | 'weekday' | 'dayOfMonth'>;

/** A local calendar date; months and days are 1-based as people write them. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The zone used for all arithmetic: `timeZone` when luxon knows it, else "UTC". */
export function knownZone(timeZone: string): string {
  return zoneOrUtc(timeZone);
}

// ---------------------------------------------------------------------------------------------
// Local time of day
// ---------------------------------------------------------------------------------------------

const TIME_PATTERN = /^(\d{1,2}):(\d{2})$/;

/** `"8:05"` / `"08:05"` → `{hour: 8, minute: 5}`; anything else (`"25:00"`, `"8am"`) → undefined. */
export function parseLocalTime(time: string): { hour: number; minute: number } | undefined {
  const match = TIME_PATTERN.exec(time.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * Why `time` cannot be a report time, in one line for the chat; undefined when it is fine.
 * Checked when a subscription is created, so the schedule below can assume a valid time.
 */
export function validateReportTime(time: string): string | undefined {
  const match = TIME_PATTERN.exec(time.trim());
  if (!match) return `"${time}" is not a time of day: use HH:MM on a 24-hour clock, e.g. 08:00.`;
  if (Number(match[1]) > 23) return `${time} is not a time of day: hours go from 00 to 23.`;
  if (Number(match[2]) > 59) return `${time} is not a time of day: minutes go from 00 to 59.`;
  return undefined;
}

/** `HH:MM`, zero-padded, so "8:00" and "08:00" name the same slot. */
function normalizedTime(time: string): { hour: number; minute: number; text: string } {
  const parsed = parseLocalTime(time);
  if (!parsed) {
    // Subscriptions are validated on creation; reaching this is a programming error.
    throw new RangeError(validateReportTime(time) ?? `Invalid report time "${time}".`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ...parsed, text: `${pad(parsed.hour)}:${pad(parsed.minute)}` };
}

// ---------------------------------------------------------------------------------------------
// Local dates and wall-clock instants
// ---------------------------------------------------------------------------------------------

function localDateOf(ms: number, zone: string): LocalDate {
  const dt = DateTime.fromMillis(ms, { zone });
  return { year: dt.year, month: dt.month, day: dt.day };
}

/** Calendar arithmetic on the date alone (in UTC, where every day has 24 hours). */
function addDays(date: LocalDate, days: number): LocalDate {
  const dt = DateTime.utc(date.year, date.month, date.day).plus({ days });
  return { year: dt.year, month: dt.month, day: dt.day };
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

function weekdayOf(date: LocalDate): number {
  return DateTime.utc(date.year, date.month, date.day).weekday; // 1 = Monday … 7 = Sunday
}

/** Whether the schedule has a slot on this local date (see the file's comment for month ends). */
function scheduledOn(sub: Schedule, date: LocalDate): boolean {
  switch (sub.days) {
    case 'daily':
      return true;
    case 'weekdays':
      return weekdayOf(date) <= 5;
    case 'weekly':
      return weekdayOf(date) === (sub.weekday ?? 1);
    case 'monthly': {
      const last = DateTime.utc(date.year, date.month, 1).daysInMonth ?? 31;
      return date.day === Math.min(sub.dayOfMonth ?? 1, last);
    }
  }
}

/**
 * The instant of a local wall-clock time: luxon moves a time in a gap forward by the gap; of the
 * two instants of an ambiguous time, the earlier is taken (luxon alone would pick the later).
 * Undefined when the date does not exist in the zone at all (Pacific/Apia skipped 2011-12-30):
 * the shifted instant would fall on the next day and give it two slots.
 */
function wallClockInstant(date: LocalDate, hour: number, minute: number, zone: string): number | undefined {
  const dt = DateTime.fromObject({ ...date, hour, minute }, { zone });
  if (!dt.isValid) return undefined;
  const instant = Math.min(...dt.getPossibleOffsets().map((candidate) => candidate.toMillis()));
  return sameDate(localDateOf(instant, zone), date) ? instant : undefined;
}

/** The first instant of a local day (01:00 where midnight falls in a gap). */
function startOfLocalDay(date: LocalDate, zone: string): number {
  return wallClockInstant(date, 0, 0, zone) ?? DateTime.fromObject(date, { zone }).startOf('day').toMillis();
}

// ---------------------------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------------------------

/**
 * The instants of the report's slots in (fromExclusive, toInclusive], ascending: one per local
 * day (Monday–Friday only for `weekdays`), at `sub.time` in `timeZone`.
 */
export function reportSlots(
  sub: Schedule,
  timeZone: string,
  fromExclusive: number,
  toInclusive: number,
): number[] {
  const zone = knownZone(timeZone);
  const { hour, minute } = normalizedTime(sub.time);
  const slots: number[] = [];
  if (!Number.isFinite(fromExclusive) || !Number.isFinite(toInclusive)) {
    throw new RangeError('reportSlots needs a finite window (epoch ms).');
  }
  if (toInclusive <= fromExclusive) return slots;
  // A slot lies within a day of its local date's midnight, so one date either side is enough.
  const last = addDays(localDateOf(toInclusive, zone), 1);
  for (let date = addDays(localDateOf(fromExclusive, zone), -1); ; date = addDays(date, 1)) {
    if (scheduledOn(sub, date)) {
      const slot = wallClockInstant(date, hour, minute, zone);
      if (slot !== undefined && slot > fromExclusive && slot <= toInclusive) slots.push(slot);
    }
    if (sameDate(date, last)) break;
  }
  return slots;
}

/** How far to look for a neighbouring slot: a month and then some, for zones that skip a date. */
const SEARCH_DAYS = 70;

/** The first slot strictly after `after`. */
export function nextSlot(sub: Schedule, timeZone: string, after: number): number {
  for (let from = after; from < after + SEARCH_DAYS * DAY_MS; from += 7 * DAY_MS) {
    const [slot] = reportSlots(sub, timeZone, from, from + 7 * DAY_MS);
    if (slot !== undefined) return slot;
  }
  throw new RangeError(`No report slot within ${SEARCH_DAYS} days after ${new Date(after).toISOString()}.`);
}

/** The last slot strictly before `before`: what the previous report covered up to. */
export function previousSlot(sub: Schedule, timeZone: string, before: number): number {
  for (let to = before - 1; to > before - SEARCH_DAYS * DAY_MS; to -= 7 * DAY_MS) {
    const slot = reportSlots(sub, timeZone, to - 7 * DAY_MS, to).at(-1);
    if (slot !== undefined) return slot;
  }
  throw new RangeError(`No report slot within ${SEARCH_DAYS} days before ${new Date(before).toISOString()}.`);
}

/** `report:r1:` — every key of one subscription starts with this. */
export function slotPrefix(subId: string): string {
  return `report:${subId}:`;
}

/**
 * `report:r1:2026-11-30T08:00`: the slot's local date and the subscription's time, so each local
 * day has exactly one key whatever DST does to the instant (the 02:30 slot on a spring-forward
 * day, posted at 03:30, is still `…T02:30`). The post log claims this key before posting, which
 * is what keeps two instances or a restart from posting a day's report twice.
 */
export function slotKey(
  sub: Pick<ReportSubscription, 'id' | 'time'>,
  slot: number,
  timeZone: string,
): string {
  const date = DateTime.fromMillis(slot, { zone: knownZone(timeZone) }).toFormat('yyyy-MM-dd');
  return `${slotPrefix(sub.id)}${date}T${normalizedTime(sub.time).text}`;
}

// ---------------------------------------------------------------------------------------------
// Deciding at `now`
// ---------------------------------------------------------------------------------------------

export interface ReportDecisionInput {
  sub: Schedule;
  timeZone: string;
  now: number;
  /**
   * The newest slot already dealt with: posted, or reported as skipped. Slots up to it are never
   * returned again, so the caller advances it past skipped slots as well once it has noted them.
   */
  lastPostedSlot?: number;
  /** Slots at or before the subscription's creation are not owed. */
  createdAt: number;
  /** A slot older than this at `now` is skipped rather than posted (an 08:00 report at 17:00 is noise). */
  lateLimitMs: number;
}

export interface ReportDecision {
  /** The slot to post now; `late` once it is more than `REPORT_ON_TIME_GRACE_MS` behind. */
  post?: { slot: number; late: boolean; lateByMs: number };
  /** Due slots that will never be posted, oldest first, for a "… was skipped" note. */
  skipped: number[];
}

/**
 * What to do at `now`: post the most recent due slot if it is within the late limit; every other
 * due slot since max(lastPostedSlot, createdAt) is skipped (one report per wake-up, not a
 * backlog of them after an outage).
 */
export function decideReport(input: ReportDecisionInput): ReportDecision {
  const after = Math.max(input.lastPostedSlot ?? Number.NEGATIVE_INFINITY, input.createdAt);
  const due = reportSlots(input.sub, input.timeZone, after, input.now);
  const latest = due.at(-1);
  if (latest === undefined) return { skipped: [] };
  const lateByMs = input.now - latest;
  if (lateByMs > input.lateLimitMs) return { skipped: due };
  return {
    post: { slot: latest, late: lateByMs > REPORT_ON_TIME_GRACE_MS, lateByMs },
    skipped: due.slice(0, -1),
  };
}

/**
 * The period a report covers, [from, to): the previous local calendar day, or everything since
 * the previous report's day when that was longer ago (Monday's weekday report covers Friday,
 * Saturday and Sunday). `previousSlot` is the previous *scheduled* slot (see `previousSlot()`),
 * so consecutive reports tile time without gaps or overlaps: the report at slot S covers the days
 * from the previous slot's local day up to S's local day. Bounds are local midnights, so a period
 * is 23 or 25 hours long across a DST change.
 */
export function reportPeriod(
  sub: Schedule,
  timeZone: string,
  slot: number,
  previousSlot?: number,
): { from: number; to: number } {
  const zone = knownZone(timeZone);
  const today = localDateOf(slot, zone);
  if (sub.days === 'weekly' || sub.days === 'monthly') return fullPeriodBefore(sub.days, today, zone, 1);
  const to = startOfLocalDay(today, zone);
  const yesterday = startOfLocalDay(addDays(today, -1), zone);
  if (previousSlot === undefined) return { from: yesterday, to };
  const previousDay = startOfLocalDay(localDateOf(previousSlot, zone), zone);
  return { from: Math.min(previousDay, yesterday), to };
}

/**
 * The full week (Monday–Sunday) or calendar month `back` periods before the one holding `date`,
 * [local midnight, local midnight): `back` 1 is what a weekly or monthly report covers, 2 the
 * period it is compared with.
 */
function fullPeriodBefore(
  days: 'weekly' | 'monthly',
  date: LocalDate,
  zone: string,
  back: number,
): { from: number; to: number } {
  const unit = days === 'weekly' ? 'week' : 'month';
  const start = DateTime.utc(date.year, date.month, date.day).startOf(unit);
  const local = (dt: DateTime): LocalDate => ({ year: dt.year, month: dt.month, day: dt.day });
  return {
    from: startOfLocalDay(local(start.minus({ [unit]: back })), zone),
    to: startOfLocalDay(local(start.minus({ [unit]: back - 1 })), zone),
  };
}

/**
 * The period a weekly or monthly report compares with: the full week or month before the one it
 * covers ("+4 h on the week before"). Undefined for daily reports.
 */
export function comparisonPeriod(
  sub: Schedule,
  timeZone: string,
  slot: number,
): { from: number; to: number } | undefined {
  if (sub.days !== 'weekly' && sub.days !== 'monthly') return undefined;
  const zone = knownZone(timeZone);
  return fullPeriodBefore(sub.days, localDateOf(slot, zone), zone, 2);
}
