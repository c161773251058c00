/** A time of day as people write it: "9", "9am", "9:30 pm", "14:00", "noon", "midnight". */
export interface TimeOfDay {
  hour: number;
  minute: number;
  /** True when am/pm, a 24-hour clock or a word fixed it. */
  certain: boolean;
}

/** Regex source for one time of day (no capture groups of its own). */
export const TOD = String.raw`(?:noon|midday|midnight|\d{1,2}(?::\d{2})?(?: ?(?:am|pm|a\.m\.?|p\.m\.?))?)`;

export function readTimeOfDay(text: string): TimeOfDay | undefined {
  const t = text.trim();
  if (t === 'noon' || t === 'midday') return { hour: 12, minute: 0, certain: true };
  if (t === 'midnight') return { hour: 0, minute: 0, certain: true };
  const match = /^(\d{1,2})(?::(\d{2}))?(?: ?(am|pm|a\.m\.?|p\.m\.?))?$/.exec(t);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  const meridiem = match[3]?.[0];
  if (minute > 59 || hour > 24) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
    return { hour, minute, certain: true };
  }
  if (hour === 24) hour = 0;
  return {
    hour,
    minute,
    certain: hour === 0 || hour > 12 || (match[2] !== undefined && match[1]!.length === 2),
  };
}

/**
 * Office reading of an hour without am/pm: 1–6 means the afternoon ("at 3", "between 9 and 5"),
 * 7–12 the morning or noon.
 */
export function officeHour(time: TimeOfDay): TimeOfDay {
  if (time.certain || time.hour < 1 || time.hour > 6) return time;
  return { ...time, hour: time.hour + 12 };
}

/** Both ends of "between A and B": an uncertain end before the start moves to the afternoon. */
export function readTimeRange(a: string, b: string): [TimeOfDay, TimeOfDay] | undefined {
  const start = readTimeOfDay(a);
  let end = readTimeOfDay(b);
  if (!start || !end) return undefined;
  const first = start.certain ? start : start.hour >= 7 || !end.certain ? start : officeHour(start);
  if (!end.certain && end.hour * 60 + end.minute <= first.hour * 60 + first.minute && end.hour < 12) {
    end = { ...end, hour: end.hour + 12 };
  }
  if (!first.certain && !end.certain && first.hour < 7) return [officeHour(first), officeHour(end)];
  return [first, end];
}
