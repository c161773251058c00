import { DateTime, type DateTimeUnit } from 'luxon';
import { findMonthNameDates, findNumericDates } from './calendar-dates';
import { officeHour, readTimeOfDay, readTimeRange, type TimeOfDay, TOD } from './time-of-day';
import { DURATION, ISO_DATE_TIME, readDuration, readIsoDateTime, rewriteDotTimes } from './time-spans';
import type { TokenText } from './token-text';

/**
 * Time expressions → a window in the space's IANA zone, DST-correct (luxon does calendar steps in
 * the zone and hour/minute steps as exact durations). The conventions are in the issue "Understanding
 * what people type" and are tested one by one in test/language.
 */
export interface TimeReading {
  /** The window asked for, before clipping to now. */
  window?: { from: DateTime; to: DateTime };
  /** The window starts at a time the text stated: "since 8am", "since yesterday 18:00", "after 10am". */
  anchored?: true;
  /** "now", "right now", "currently" … */
  current: boolean;
  /** Words that place the question in the past ("was", "did") or any time word at all. */
  found: boolean;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
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
  'twenty four': 24,
  'forty eight': 48,
  couple: 2,
  'couple of': 2,
  few: 3,
  'a few': 3,
  'a couple of': 2,
};
const NUMBER = String.raw`(\d+(?:\.\d+)?|twenty four|forty eight|a couple of|couple of|couple|a few|few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = String.raw`(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`;

type Unit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'quarters' | 'years';

function unitOf(word: string): Unit | undefined {
  if (/^(m|mins?|minutes?)$/.test(word)) return 'minutes';
  if (/^(h|hrs?|hours?)$/.test(word)) return 'hours';
  if (/^(d|days?)$/.test(word)) return 'days';
  if (/^(w|wks?|weeks?)$/.test(word)) return 'weeks';
  if (/^months?$/.test(word)) return 'months';
  if (/^quarters?$/.test(word)) return 'quarters';
  if (/^(y|yrs?|years?)$/.test(word)) return 'years';
  return undefined;
}

const numberOf = (word: string | undefined): number =>
  word === undefined ? 1 : (NUMBER_WORDS[word] ?? Number(word));

const weekdayIndex = (word: string): number => WEEKDAYS.findIndex((d) => d.startsWith(word.slice(0, 3))) + 1;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** A day inside a range with times: "Mon", "last Friday", "yesterday", "Nov 10", "10 Nov", "2026-11-10". */
const RANGE_DAY = String.raw`(?:(?:last|this|on|past|previous) )?${WEEKDAY.replace('(', '(?:')}|yesterday|today|${MONTH} \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? ${MONTH}|\d{4}-\d{2}-\d{2}`;
/** A year on its own (a calendar window). */
const YEAR = String.raw`(1[89]\d{2}|20\d{2}|2100)(?![-:./\d])`;

/** Parts of the day, in local hours; night runs past midnight. */
const PARTS: Readonly<Record<string, [number, number]>> = {
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  night: [18, 30],
  overnight: [18, 30],
  business: [8, 17],
  lunch: [11, 13],
};

/** Wall-clock hour `h` of `day` (24 and more run into the next day), DST-correct. */
function atHour(day: DateTime, h: number): DateTime {
  return h >= 24 ? day.plus({ days: 1 }).set({ hour: h - 24 }) : day.set({ hour: h });
}

interface Atoms {
  day?: DateTime;
  /** Every day named, for "from Nov 2 to Nov 6". */
  days: DateTime[];
  dayWasWeekday?: boolean;
  part?: [number, number];
  range?: [TimeOfDay, TimeOfDay];
  point?: TimeOfDay;
  /** The point as written, before the office reading moved 1–6 to the afternoon. */
  pointAsWritten?: TimeOfDay;
  window?: { from: DateTime; to: DateTime };
  marker?: 'since' | 'until' | 'after';
  /** The window of an ISO instant with "since", "from" or "after": a stated start. */
  anchored?: true;
  current: boolean;
  found: boolean;
}

export function readTime(text: TokenText, now: DateTime): TimeReading {
  const atoms: Atoms = { current: false, found: false, days: [] };
  const setDay = (day: DateTime) => {
    atoms.day ??= day;
    atoms.days.push(day);
  };
  const today = now.startOf('day');

  /** Runs `pattern` on the free words; `handle` returns false to leave a match unclaimed. */
  const rule = (pattern: RegExp, handle: (m: RegExpExecArray) => boolean | undefined): void => {
    const global = new RegExp(pattern.source, 'g');
    let view = text.view();
    let match = global.exec(view);
    while (match) {
      const keep = handle(match) !== false;
      if (keep) {
        const start = match.index + (match[0].length - match[0].trimStart().length);
        text.claimChars(start, match.index + match[0].length, view, 'time');
        atoms.found = true;
        view = text.view();
        global.lastIndex = 0;
      }
      match = global.exec(view);
    }
  };
  const windowOf = (from: DateTime, to: DateTime) => {
    // "last 99999999999999999999 days" reaches past what a date can hold: as far back as can be
    // (the plan bounds it to the history it keeps, and says so).
    atoms.window ??= { from: from.isValid ? from : DateTime.fromMillis(0, { zone: to.zone }), to };
  };

  rewriteDotTimes(text);
  const placeDate = (year: number | undefined, month: number, day: number): DateTime | undefined => {
    let date = DateTime.fromObject({ year: year ?? now.year, month, day }, { zone: now.zone });
    if (!date.isValid) return undefined;
    if (year === undefined && date > now) date = date.minus({ years: 1 });
    return date;
  };
  /** A day named inside a range with times, the most recent one (undefined: not a day). */
  const rangeDay = (word: string): DateTime | undefined => {
    if (word === 'yesterday') return today.minus({ days: 1 });
    if (word === 'today') return today;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
    if (iso) return placeDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const weekday = new RegExp(String.raw`^(?:(last|this|on|past|previous) )?${WEEKDAY}$`).exec(word);
    if (weekday) {
      let back = (now.weekday - weekdayIndex(weekday[2]!) + 7) % 7;
      if (back === 0 && /last|previous|past/.test(weekday[1] ?? '')) back = 7;
      return today.minus({ days: back });
    }
    const month = MONTH_NAMES.findIndex((m) => word.includes(m)) + 1;
    const day = Number(/\d{1,2}/.exec(word)?.[0]);
    return month > 0 ? placeDate(undefined, month, day) : undefined;
  };
  const atTime = (day: DateTime, t: TimeOfDay) =>
    day.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 });

  // ISO date-times: ranges between two ("from 2026-11-16T08:00 to 2026-11-17T17:30", "A/B"), then one.
  rule(
    new RegExp(
      String.raw`\b(?:from |between )?(${ISO_DATE_TIME}) ?(?:to|and|until|till|-|/) ?(${ISO_DATE_TIME})(?=\s|$)`,
    ),
    (m) => {
      const from = readIsoDateTime(m[1]!, now.zone);
      const to = readIsoDateTime(m[2]!, now.zone);
      if (!from || !to) return false;
      windowOf(from, to);
      return true;
    },
  );
  rule(
    new RegExp(
      String.raw`\b(?:(since|from|after|until|till|before|by|up to|at|around|about) )?(${ISO_DATE_TIME})(?=\s|$)`,
    ),
    (m) => {
      const at = readIsoDateTime(m[2]!, now.zone);
      if (!at) return false;
      const marker = m[1] ?? 'at';
      if (/since|from|after/.test(marker)) {
        if (!atoms.window) atoms.anchored = true;
        windowOf(at, now);
      } else if (/until|till|before|by|up to/.test(marker)) windowOf(at.startOf('day'), at);
      else windowOf(at.minus({ minutes: 30 }), at.plus({ minutes: 30 }));
      return true;
    },
  );
  // Times on named days: "Mon 8am to Tue 6pm", "from Friday 17:00 until Monday 08:00", "Wednesday 8 to 10".
  rule(
    new RegExp(
      String.raw`\b(?:from |between )?(${RANGE_DAY}) (?:at )?(${TOD}) ?(?:to|and|until|till|-) ?(?:(${RANGE_DAY}) (?:at )?)?(${TOD})(?=\s|$)`,
    ),
    (m) => {
      let first = rangeDay(m[1]!);
      const second = m[3] ? rangeDay(m[3]) : first;
      if (!first || !second) return false;
      let start: TimeOfDay | undefined;
      let end: TimeOfDay | undefined;
      if (m[3]) {
        const a = readTimeOfDay(m[2]!);
        const b = readTimeOfDay(m[4]!);
        if (!a || !b) return false;
        [start, end] = [officeHour(a), officeHour(b)];
      } else {
        [start, end] = readTimeRange(m[2]!, m[4]!) ?? [];
        if (!start || !end) return false;
      }
      let from = atTime(first, start);
      let to = atTime(second, end);
      if (
        to <= from &&
        m[3] &&
        /^(?:(?:last|this|on|past|previous) )?[a-z]{3}/.test(m[1]!) &&
        !/^(?:yesterday|today)$/.test(m[1]!)
      ) {
        first = first.minus({ days: 7 });
        from = atTime(first, start);
      }
      if (to <= from) to = to.plus({ days: 1 });
      windowOf(from, to);
      return true;
    },
  );
  // "since the beginning of the week", "from the start of the quarter", "since start of day".
  rule(
    /\b(?:since|from) (?:the )?(?:very )?(?:beginning|start) of (?:the |this |last |previous |the last |the previous )?(day|today|week|month|quarter|year)\b/,
    (m) => {
      const unit = (m[1] === 'today' ? 'day' : m[1]) as DateTimeUnit;
      let start = now.startOf(unit);
      if (/last|previous/.test(m[0])) start = start.minus({ [`${unit}s`]: 1 });
      windowOf(start, now);
      return true;
    },
  );
  // Rolling windows with compound, fractional or glued durations: "last 2h 15m", "past half a day",
  // "last2days", "the last hour and a half", "past 1.5 hours".
  rule(
    new RegExp(
      String.raw`\b(?:(?:in|over|during|for|within|from) )?(?:the )?(?:this past|last|past|previous|prior|recent|latest) ?(${DURATION})(?! ago)(?![a-z])`,
    ),
    (m) => {
      const duration = readDuration(m[1]!);
      if (!duration) return false;
      windowOf(now.minus(duration), now);
      return true;
    },
  );

  // "until now", "up to now", "to date" are ends that add nothing.
  rule(/\b(?:until|till|up to|up until|to|through) now\b/, () => true);
  // Future words: "tomorrow", "next week", "in 3 hours".
  rule(/\btomorrow(?: (morning|afternoon|evening|night))?\b/, (m) => {
    const day = today.plus({ days: 1 });
    const part = m[1] ? PARTS[m[1]] : undefined;
    windowOf(atHour(day, part?.[0] ?? 0), part ? atHour(day, part[1]) : day.plus({ days: 1 }));
    return true;
  });
  rule(new RegExp(String.raw`\bnext ${WEEKDAY}\b`), (m) => {
    const ahead = (weekdayIndex(m[1]!) - now.weekday + 7) % 7 || 7;
    const day = today.plus({ days: ahead });
    windowOf(day, day.plus({ days: 1 }));
    return true;
  });
  rule(/\bnext (week|month|quarter|year)\b/, (m) => {
    const unit = m[1] as DateTimeUnit;
    const start = now.startOf(unit).plus({ [`${unit}s`]: 1 });
    windowOf(start, start.plus({ [`${unit}s`]: 1 }));
    return true;
  });
  rule(new RegExp(String.raw`\bin ${NUMBER} (minutes?|hours?|days?|weeks?)\b`), (m) => {
    const unit = unitOf(m[2]!)!;
    const at = now.plus({ [unit]: numberOf(m[1]) });
    windowOf(at.minus({ minutes: 30 }), at.plus({ minutes: 30 }));
    return true;
  });
  // "N units ago": minutes/hours are a point (±30 min); days, weeks, months the whole period.
  rule(
    new RegExp(String.raw`\b${NUMBER} (minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\b`),
    (m) => {
      const unit = unitOf(m[2]!)!;
      const n = numberOf(m[1]);
      if (unit === 'minutes' || unit === 'hours') {
        const at = now.minus({ [unit]: n });
        windowOf(at.minus({ minutes: 30 }), at.plus({ minutes: 30 }));
      } else {
        const period = unit.slice(0, -1) as DateTimeUnit;
        const start = now.minus({ [unit]: n }).startOf(period);
        windowOf(start, start.plus({ [unit]: 1 }));
      }
      return true;
    },
  );
  rule(/\b(?:the )?day before yesterday\b/, () => {
    setDay(today.minus({ days: 2 }));
    return true;
  });
  // Calendar periods. "this week" runs to now; "last week" is the whole previous one.
  rule(
    /\b(?:this|current|the current|so far this) (week|month|quarter|year)\b|\b(week|month|quarter|year) to date\b|\bso far this (week|month|quarter|year)\b/,
    (m) => {
      const unit = (m[1] ?? m[2] ?? m[3]) as DateTimeUnit;
      windowOf(now.startOf(unit), now);
      return true;
    },
  );
  rule(/\b(?:the )?(?:last|previous|prior) (calendar )?(week|month|quarter|year)\b(?! ago)/, (m) => {
    const unit = m[2] as DateTimeUnit;
    const start = now.startOf(unit).minus({ [`${unit}s`]: 1 });
    windowOf(start, start.plus({ [`${unit}s`]: 1 }));
    return true;
  });
  // Rolling windows: "last 6 hours", "past 3 days", "past week", "last fortnight", "6h", "for 24 hours".
  rule(
    new RegExp(
      String.raw`\b(?:(?:in|over|during|for|within|from) )?(?:the )?(?:this past|last|past|previous|prior|recent|latest) (?:${NUMBER} )?(minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|fortnight)\b`,
    ),
    (m) => {
      if (m[2] === 'fortnight') windowOf(now.minus({ days: 14 * numberOf(m[1]) }), now);
      else windowOf(now.minus({ [unitOf(m[2]!)!]: numberOf(m[1]) }), now);
      return true;
    },
  );
  rule(/\b(?:(?:in|over|during|for) )?(?:the )?(?:last|past) fortnight\b|\bfortnight\b/, () => {
    windowOf(now.minus({ days: 14 }), now);
    return true;
  });
  rule(
    new RegExp(
      String.raw`\b(?:for|over|in|during|within) (?:the )?${NUMBER} (minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b`,
    ),
    (m) => {
      windowOf(now.minus({ [unitOf(m[2]!)!]: numberOf(m[1]) }), now);
      return true;
    },
  );
  rule(/(?<![\d.:])\b(\d{1,3}) ?(h|hrs?|m|mins?|d|w|wks?)\b(?! ago)/, (m) => {
    windowOf(now.minus({ [unitOf(m[2]!)!]: Number(m[1]) }), now);
    return true;
  });
  // Quarters by name: "Q3", "Q1 2026": the most recent one that has started.
  rule(/\bq([1-4])(?: (\d{4}))?\b/, (m) => {
    let start = now.set({ month: (Number(m[1]) - 1) * 3 + 1 }).startOf('month');
    if (m[2]) start = start.set({ year: Number(m[2]) });
    else if (start > now) start = start.minus({ years: 1 });
    windowOf(start, start.plus({ months: 3 }));
    return true;
  });
  // The weekend: the most recent Saturday 00:00 to Monday 00:00 (to now during a weekend).
  rule(/\b(?:(?:over|during|on|at|for) )?(?:the |this |last |past )?weekend\b/, (m) => {
    const inWeekend = now.weekday >= 6;
    let saturday = today.minus({ days: (now.weekday + 1) % 7 });
    if (/last|past/.test(m[0]) && inWeekend) saturday = saturday.minus({ days: 7 });
    windowOf(saturday, saturday.plus({ days: 2 }));
    return true;
  });
  // Days.
  rule(/\b(?:the )?yesterday\b/, () => {
    setDay(today.minus({ days: 1 }));
    return true;
  });
  rule(/\btoday\b|\bso far today\b/, () => {
    setDay(today);
    return true;
  });
  rule(
    new RegExp(
      String.raw`\b(?:(last|this|past|previous|on|on the|since|until|before) )?${WEEKDAY}s?\b(?! (?:lounge|space))`,
    ),
    (m) => {
      const target = weekdayIndex(m[2]!);
      let back = (now.weekday - target + 7) % 7;
      if (back === 0 && /last|previous|past/.test(m[1] ?? '')) back = 7;
      setDay(today.minus({ days: back }));
      atoms.dayWasWeekday = true;
      if (m[1] === 'since') atoms.marker ??= 'since';
      if (m[1] === 'until' || m[1] === 'before') atoms.marker ??= 'until';
      return true;
    },
  );
  for (const found of [...findNumericDates(text.view()), ...findMonthNameDates(text.view(), now)]) {
    const view = text.view();
    if (view.slice(found.index, found.index + found.length).includes('§')) continue;
    const date = placeDate(found.year, found.month, found.day);
    if (!date) continue;
    setDay(date);
    atoms.found = true;
    text.claimChars(found.index, found.index + found.length, view, 'time');
  }
  // A month on its own: "in October" → that whole month, the most recent one.
  rule(
    /\b(?:in |during |for |of )?(january|february|april|may|june|july|august|september|october|november|december|march)(?: (\d{4}))?\b/,
    (m) => {
      if (m[1] === 'may' && !/^(in|during|for|of) /.test(m[0]) && !m[2]) return false;
      const month = DateTime.fromFormat(m[1]!, 'LLLL', { locale: 'en' }).month;
      let start = DateTime.fromObject(
        { year: m[2] ? Number(m[2]) : now.year, month, day: 1 },
        { zone: now.zone },
      );
      if (!m[2] && start > now) start = start.minus({ years: 1 });
      windowOf(start, start.plus({ months: 1 }));
      return true;
    },
  );
  // Years: "from 2024 to 2025" (both whole), "since 2024" (from its start), "in 2025" (the whole year).
  const yearStart = (y: string) =>
    DateTime.fromObject({ year: Number(y), month: 1, day: 1 }, { zone: now.zone });
  rule(new RegExp(String.raw`\b(?:from|between) ${YEAR} ?(?:to|and|until|till|-) ?${YEAR}`), (m) => {
    const from = yearStart(m[1]!);
    const to = yearStart(m[2]!).plus({ years: 1 });
    if (to <= from) return false;
    windowOf(from, to);
    return true;
  });
  rule(new RegExp(String.raw`\b(since|from|after|in|during|for|of|throughout|in the year) ${YEAR}`), (m) => {
    const start = yearStart(m[2]!);
    if (m[1] === 'since' || m[1] === 'from') windowOf(start, now);
    else if (m[1] === 'after') windowOf(start.plus({ years: 1 }), now);
    else windowOf(start, start.plus({ years: 1 }));
    return true;
  });
  // Parts of the day: "last night", "tonight", "this morning", "business hours".
  rule(/\b(?:last night|overnight|tonight)\b/, (m) => {
    if (m[0] === 'tonight') atoms.part = [18, 24];
    else {
      setDay(today.minus({ days: 1 }));
      atoms.part = PARTS.night;
    }
    return true;
  });
  rule(
    /\b(?:(?:this|in the|during the|during|the) )?(morning|afternoon|evening|night|lunch ?time|lunch|(?:business|working|office|work) hours)s?\b/,
    (m) => {
      const key = m[1]!.startsWith('lunch') ? 'lunch' : /hours/.test(m[1]!) ? 'business' : m[1]!;
      atoms.part = PARTS[key];
      return true;
    },
  );
  // Times of day: ranges, then "since/until X", then single points.
  rule(new RegExp(String.raw`\b(?:between|from) (${TOD}) (?:and|to|until|till|-) (${TOD})(?=\s|$)`), (m) => {
    const range = readTimeRange(m[1]!, m[2]!);
    if (!range) return false;
    atoms.range = range;
    return true;
  });
  rule(new RegExp(String.raw`(?<![\d.:/])(${TOD}) ?- ?(${TOD})(?=\s|$)`), (m) => {
    const range = readTimeRange(m[1]!, m[2]!);
    if (!range || (!/[:ap]|noon|midnight/.test(m[0]) && !/\d+ ?- ?\d+/.test(m[0]))) return false;
    atoms.range = range;
    return true;
  });
  rule(new RegExp(String.raw`\b(since|from|after|until|till|before|by|up to) (${TOD})(?=\s|$)`), (m) => {
    const time = readTimeOfDay(m[2]!);
    if (!time) return false;
    atoms.point = officeHour(time);
    atoms.pointAsWritten = time;
    atoms.marker = /since|from|after/.test(m[1]!) ? (m[1] === 'after' ? 'after' : 'since') : 'until';
    return true;
  });
  rule(
    new RegExp(
      String.raw`\b(?:at|around|about|near) (${TOD})(?=\s|$)|(?<![\d.:/])(\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.?|p\.m\.?)|\d{1,2}:\d{2}|noon|midnight)(?=\s|$)`,
    ),
    (m) => {
      const time = readTimeOfDay((m[1] ?? m[2])!);
      if (!time) return false;
      atoms.point = officeHour(time);
      return true;
    },
  );
  // "since Monday", "since yesterday", "until Friday": a marker right before a day word.
  rule(/\b(since|until|till|before|after|from)(?= §)/, (m) => {
    atoms.marker ??= m[1] === 'after' ? 'after' : m[1] === 'since' || m[1] === 'from' ? 'since' : 'until';
    return true;
  });
  // "now": the present value.
  rule(
    /\b(?:right now|just now|now|currently|at the moment|at present|presently|current|live|latest)\b/,
    () => {
      atoms.current = true;
      return true;
    },
  );

  return { ...(combine(atoms, now, today) ?? {}), current: atoms.current, found: atoms.found };
}

function combine(
  atoms: Atoms,
  now: DateTime,
  today: DateTime,
): { window: { from: DateTime; to: DateTime }; anchored?: true } | undefined {
  if (atoms.window && !atoms.day && !atoms.part && !atoms.range && !atoms.point)
    return { window: atoms.window, ...(atoms.anchored ? { anchored: true } : {}) };
  if (atoms.window && atoms.marker === 'since') return { window: { from: atoms.window.from, to: now } };
  if (atoms.window) return { window: atoms.window };
  if (!atoms.day && !atoms.part && !atoms.range && !atoms.point) return undefined;
  const at = (day: DateTime, t: TimeOfDay) =>
    day.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 });
  if (atoms.days.length >= 2 && !atoms.part && !atoms.range && !atoms.point) {
    // "from Nov 2 to Nov 6", "between Monday and Wednesday": both days included.
    const sorted = [...atoms.days].sort((a, b) => a.toMillis() - b.toMillis());
    return { window: { from: sorted[0]!, to: sorted[sorted.length - 1]!.plus({ days: 1 }) } };
  }
  let day = atoms.day ?? today;
  if (atoms.point && atoms.marker) {
    // "since 8am", "until 3pm", "since Tuesday 8am": the most recent such time.
    let instant = at(day, atoms.point);
    // "since 6:50" at 08:30: this morning's 06:50, not yesterday's 18:50.
    const written = atoms.pointAsWritten;
    if (
      !atoms.day &&
      instant > now &&
      written &&
      written.hour !== atoms.point.hour &&
      at(day, written) <= now
    )
      instant = at(day, written);
    if (!atoms.day && instant > now) instant = instant.minus({ days: 1 });
    if (atoms.marker === 'until') return { window: { from: instant.startOf('day'), to: instant } };
    if (atoms.marker === 'after')
      return { window: { from: instant, to: instant.startOf('day').plus({ days: 1 }) }, anchored: true };
    return { window: { from: instant, to: now }, anchored: true };
  }
  // "since this morning" starts at the part's first hour; "since Monday" at midnight (a calendar window).
  if (atoms.marker === 'since')
    return {
      window: { from: atHour(day, atoms.part?.[0] ?? 0), to: now },
      ...(atoms.part && atoms.part[0] !== 0 ? { anchored: true } : {}),
    };
  // "until Friday" without a time: that whole day.
  if (atoms.range) {
    let from = at(day, atoms.range[0]);
    let to = at(day, atoms.range[1]);
    if (to <= from) to = to.plus({ days: 1 });
    if (!atoms.day && from > now) {
      from = from.minus({ days: 1 });
      to = to.minus({ days: 1 });
    }
    return { window: { from, to } };
  }
  if (atoms.part) {
    const [start, end] = atoms.part;
    return { window: { from: atHour(day, start), to: atHour(day, end) } };
  }
  if (atoms.point) {
    let instant = at(day, atoms.point);
    if (!atoms.day && instant > now) {
      day = day.minus({ days: 1 });
      instant = at(day, atoms.point);
    }
    return { window: { from: instant.minus({ minutes: 30 }), to: instant.plus({ minutes: 30 }) } };
  }
  return { window: { from: day, to: day.plus({ days: 1 }) } };
}
