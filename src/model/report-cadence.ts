import type { ReportSubscription } from './automation';

/** How often a report runs, as stored: `days`, and the weekday or day of the month it needs. */
export type ReportCadence = Pick<ReportSubscription, 'days' | 'weekday' | 'dayOfMonth'>;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 1 → "Monday" … 7 → "Sunday" (ISO weekday numbers). */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `day ${weekday}`;
}

/** 1 → "1st", 22 → "22nd", 31 → "31st". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "1st", …, "28th", "29th (the last day in shorter months)", …: a monthly report's day, as said. */
export function dayOfMonthText(day: number): string {
  return `${ordinal(day)}${day > 28 ? ' (the last day in shorter months)' : ''}`;
}

/**
 * "Daily", "Weekdays", "Every Monday", "Monthly on the 1st" ("Monthly on the 31st (the last day in
 * shorter months)" for days a month may lack).
 */
export function cadenceText(cadence: ReportCadence): string {
  switch (cadence.days) {
    case 'weekdays':
      return 'Weekdays';
    case 'weekly':
      return `Every ${weekdayName(cadence.weekday ?? 1)}`;
    case 'monthly':
      return `Monthly on the ${dayOfMonthText(cadence.dayOfMonth ?? 1)}`;
    default:
      return 'Daily';
  }
}

/** Why a cadence cannot be stored, in one line for the chat; undefined when it is fine. */
export function cadenceProblem(cadence: ReportCadence): string | undefined {
  if (cadence.days === 'weekly') {
    const w = cadence.weekday;
    if (w === undefined || !Number.isInteger(w) || w < 1 || w > 7)
      return 'A weekly report needs a weekday, Monday to Sunday.';
  } else if (cadence.weekday !== undefined) return 'Only a weekly report has a weekday.';
  if (cadence.days === 'monthly') {
    const d = cadence.dayOfMonth;
    if (d === undefined || !Number.isInteger(d) || d < 1 || d > 31)
      return 'A monthly report needs a day of the month from 1 to 31.';
  } else if (cadence.dayOfMonth !== undefined) return 'Only a monthly report has a day of the month.';
  return undefined;
}
