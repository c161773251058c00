import { isTimeZone } from '../time-zones';
import type { TokenText } from './token-text';
import type { AlertSpec, RankSpec, ReportSpec, RequestMetric, SettingsSpec } from './types';

const NUM = String.raw`(-?\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(?: ?(?:%|percent|ppb|dba?|decibels?|celsius|fahrenheit|degrees(?: celsius| fahrenheit)?|c|f|people|persons))?`;
const MORE = String.raw`(?:above|over|beyond|exceeds?|exceeding|more than|higher than|greater than|bigger than|at least|(?:warmer|hotter|noisier|louder|stuffier|busier|more \w+) than)`;
const LESS = String.raw`(?:below|under|beneath|less than|fewer than|lower than|at most|(?:colder|cooler|quieter|drier|less \w+) than)`;

const toNumber = (s: string) => Number(s.replace(',', '.'));

/**
 * Claims the words of the first match of `pattern` and returns the match. It reads every word,
 * with `everyWord`, also those already read as a metric ("noisier than 55 dB" is both).
 */
function take(text: TokenText, pattern: RegExp, everyWord = false): RegExpExecArray | undefined {
  const view = everyWord ? text.words().join(' ') : text.view();
  const match = pattern.exec(view);
  if (!match) return undefined;
  text.claimChars(match.index, match.index + match[0].length, view, 'keyword');
  return match;
}

/** "goes quiet", "stops reporting", "has sent nothing for 30 minutes": a sensor-goes-quiet rule. */
export const QUIET_ALERT =
  /\b(?:goes|go|going|gone|went|has gone|is) (?:quiet|silent|offline|dead|dark)\b|\bstops? (?:reporting|sending(?: data| readings| anything)?)\b|\b(?:has )?sent nothing\b|\bsends nothing\b|\bno (?:readings?|data) (?:for|in)\b/;
/** "is unusual", "out of the ordinary", "abnormal", "unusually noisy", "anomalies". */
const UNUSUAL_ALERT =
  /\b(?:unusual(?:ly)?|out of the ordinary|abnormal(?:ly)?|not normal|anomal(?:y|ies|ous))\b(?: for (?:the|that|this) (?:time of day|hour|room|time))?/;

/** "above 500", "drops below 18", "outside 30-60%", "noisier than 55 dB"; "is unusual"; "goes quiet". */
export function readAlert(text: TokenText): AlertSpec | undefined {
  if (take(text, QUIET_ALERT, true)) {
    const time = take(text, /\bfor (\d+) ?(minutes?|mins?|hours?|hrs?|h)\b/, true);
    if (!time) return { op: 'quiet' };
    const n = Number(time[1]);
    return { op: 'quiet', afterMinutes: /^h/.test(time[2]!) ? n * 60 : n };
  }
  if (take(text, UNUSUAL_ALERT, true)) return { op: 'unusual' };
  const outside = take(
    text,
    new RegExp(
      String.raw`\b(?:is |goes |falls |gets )?(?:outside|out of|not between|not within)(?: the)?(?: range)?(?: of)? ${NUM}${UNIT} ?(?:-|to|and|–) ?${NUM}${UNIT}`,
    ),
    true,
  );
  if (outside) {
    const [a, b] = [toNumber(outside[1]!), toNumber(outside[2]!)];
    return { op: 'outside', low: Math.min(a, b), high: Math.max(a, b) };
  }
  const above = take(text, new RegExp(String.raw`(?:\b${MORE}|>=?) ?${NUM}${UNIT}`), true);
  const below = take(text, new RegExp(String.raw`(?:\b${LESS}|<=?) ?${NUM}${UNIT}`), true);
  // "drops below 20 or goes above 70": both sides make a band.
  if (above && below) {
    const [a, b] = [toNumber(below[1]!), toNumber(above[1]!)];
    return { op: 'outside', low: Math.min(a, b), high: Math.max(a, b) };
  }
  if (above) return { op: 'above', value: toNumber(above[1]!) };
  if (below) return { op: 'below', value: toNumber(below[1]!) };
  return undefined;
}

const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_PATTERN = new RegExp(String.raw`\b(?:on |every |each )?(${WEEKDAY_WORDS.join('|')})s?\b`);
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, last: 31 };

/**
 * "weekly report … on Fridays", "every Monday" → weekly on that weekday (Monday when none is
 * named); "monthly … on the 3rd", "every 1st of the month", "on the last day" → monthly on that day
 * (the 1st when none is named; "last" is the 31st, which shorter months get on their last day).
 */
function readCadence(text: TokenText): Pick<ReportSpec, 'days' | 'weekday' | 'dayOfMonth'> | undefined {
  const view = text.view();
  const monthly = /\b(?:monthly|(?:every|each|once a|per) month|of (?:the|each|every) month)\b/.test(view);
  if (monthly) {
    const day =
      take(
        text,
        /\b(?:on |every |each )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?: of (?:the|each|every) month)?/,
      ) ??
      take(text, /\b(?:on )?day (\d{1,2})\b(?: of (?:the|each|every) month)?/) ??
      take(text, /\b(?:on )?the (first|second|third|last)(?: day)?\b(?: of (?:the|each|every) month)?/);
    take(text, /\b(?:monthly|(?:every|each|once a|per) month)\b/);
    const value = day ? (ORDINAL_WORDS[day[1]!] ?? Number(day[1])) : 1;
    return { days: 'monthly', dayOfMonth: Math.min(31, Math.max(1, value)) };
  }
  const weekWord = /\b(?:weekly|(?:every|each|once a|per) week)\b/.test(view);
  const named = WEEKDAY_PATTERN.exec(view);
  // A weekday alone ("on Friday") is weekly only when repeated: "every Friday", "Fridays".
  const repeated = named && (weekWord || /^(?:every|each) |s$/.test(named[0].trim()));
  if (!weekWord && !repeated) return undefined;
  const weekday = named ? take(text, WEEKDAY_PATTERN) : undefined;
  take(text, /\b(?:weekly|(?:every|each|once a|per) week)\b/);
  return { days: 'weekly', weekday: weekday ? WEEKDAY_WORDS.indexOf(weekday[1]!) + 1 : 1 };
}

/**
 * "at 8", "at 7am", "08:30" → "HH:MM"; "every weekday" → weekdays; "weekly on Fridays", "monthly
 * on the 1st" (see `readCadence`). Defaults: 08:00, daily. An impossible time ("25:00", "8:75")
 * comes back as `impossibleTime`, never as a guess.
 */
export function readReport(
  text: TokenText,
): ReportSpec & { impossibleTime?: string; cadenceStated: boolean } {
  const weekdays = take(
    text,
    /\b(?:on |every |each )?(?:weekdays?|working days?|work days?|business days?|mon(?:day)? ?(?:-|to|through) ?fri(?:day)?)\b/,
  );
  const cadence = weekdays ? undefined : readCadence(text);
  const time = take(
    text,
    /\b(?:at |@ ?)?(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a\.m\.?|p\.m\.?)?(?: o'?clock)?(?=\s|$)/,
  );
  const word = time ? undefined : take(text, /\b(?:at )?(noon|midday|midnight)\b/);
  let hour = word ? (word[1] === 'midnight' ? 0 : 12) : 8;
  let minute = 0;
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2] ?? 0);
    const meridiem = time[3]?.[0];
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
  }
  const daily = take(text, /\b(?:daily|every day|each day|every morning|each morning)\b/);
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = cadence ?? { days: weekdays ? ('weekdays' as const) : ('daily' as const) };
  // Said, not the default: a reply to an ask-back keeps the cadence asked for unless it says one.
  const cadenceStated = Boolean(weekdays || cadence || daily);
  if (hour > 23 || minute > 59)
    return {
      time: '08:00',
      ...days,
      impossibleTime: time![0].replace(/^(?:at |@ ?)/, '').trim(),
      cadenceStated,
    };
  return { time: `${pad(hour)}:${pad(minute)}`, ...days, cadenceStated };
}

const KNOWN_ZONES: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC'];

/** "set time zone to America/New_York", "use fahrenheit". */
export function readSettings(original: string, view: string): SettingsSpec | { invalidZone: string } {
  const settings: SettingsSpec = {};
  const zone = /\b([A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT)\b/.exec(original);
  if (zone && /\b(time ?zone|tz|zone)\b/.test(view)) {
    if (!isTimeZone(zone[1]!)) return { invalidZone: zone[1]! };
    // Keep the name as written (Asia/Kolkata stays Kolkata), with its official capitals.
    const wanted = zone[1]!.toLowerCase();
    settings.timeZone = KNOWN_ZONES.find((z) => z.toLowerCase() === wanted) ?? zone[1]!;
  }
  if (/\bfahrenheit\b|°f\b|\bimperial\b/.test(view)) settings.unit = 'fahrenheit';
  else if (/\bcelsius\b|°c\b|\bcentigrade\b|\bmetric\b/.test(view)) settings.unit = 'celsius';
  return settings;
}

interface Superlative {
  pattern: RegExp;
  metric: RequestMetric;
  order: 'desc' | 'asc';
}

const SUPERLATIVES: readonly Superlative[] = [
  { pattern: /\b(?:warmest|hottest)\b/, metric: 'temperature', order: 'desc' },
  { pattern: /\b(?:coldest|coolest|chilliest)\b/, metric: 'temperature', order: 'asc' },
  { pattern: /\b(?:most humid|humidest|dampest)\b/, metric: 'humidity', order: 'desc' },
  { pattern: /\b(?:driest|least humid)\b/, metric: 'humidity', order: 'asc' },
  { pattern: /\b(?:stuffiest|worst air(?: quality)?|most stuffy)\b/, metric: 'tvoc', order: 'desc' },
  { pattern: /\b(?:freshest|best air(?: quality)?|least stuffy)\b/, metric: 'tvoc', order: 'asc' },
  { pattern: /\b(?:noisiest|most noisy)\b/, metric: 'ambientNoise', order: 'desc' },
  { pattern: /\b(?:quietest|least noisy)\b/, metric: 'ambientNoise', order: 'asc' },
  { pattern: /\b(?:loudest|most loud)\b/, metric: 'soundLevel', order: 'desc' },
  {
    pattern: /\b(?:busiest|most crowded|most occupied|most popular|fullest)\b/,
    metric: 'peopleCount',
    order: 'desc',
  },
  {
    pattern: /\b(?:emptiest|least busy|least crowded|least occupied|least popular)\b/,
    metric: 'peopleCount',
    order: 'asc',
  },
  { pattern: /\bmost booked\b/, metric: 'timeBooked', order: 'desc' },
  { pattern: /\bleast booked\b/, metric: 'timeBooked', order: 'asc' },
  { pattern: /\bmost (?:used|utili[sz]ed)\b/, metric: 'timeUsed', order: 'desc' },
  {
    pattern: /\bleast (?:used|utili[sz]ed)\b|\bunderused\b|\bunder-?utili[sz]ed\b/,
    metric: 'timeUsed',
    order: 'asc',
  },
];

export interface RankReading {
  rank: RankSpec;
  metric?: RequestMetric;
}

/**
 * Rankings: superlatives ("warmest", "busiest") rank by the mean; "peak", "highest", "max" by the
 * maximum; "lowest", "min" by the minimum. Limit: "top N"; otherwise 5 for rooms in the plural
 * or "rank", else 1.
 */
export function readRank(view: string): RankReading | undefined {
  const superlative = SUPERLATIVES.find((s) => s.pattern.test(view));
  const extreme = /\b(peak|highest|max(?:imum)?|most)\b|\b(lowest|min(?:imum)?|least)\b/.exec(view);
  const ranking = /\b(?:top|bottom|rank(?:ed|ing)?|leaderboard)\b/.test(view);
  if (!superlative && !(extreme && (ranking || /\b(which|what) (rooms?|spaces?)\b/.test(view))) && !ranking)
    return undefined;
  const limitMatch = /\b(?:top|bottom|best|worst) (\d+|three|five|ten)\b/.exec(view);
  const words: Record<string, number> = { three: 3, five: 5, ten: 10 };
  const limit = limitMatch
    ? (words[limitMatch[1]!] ?? Number(limitMatch[1]))
    : /\b(rooms|spaces|workspaces|rank(?:ed|ing)?)\b/.test(view)
      ? 5
      : 1;
  const average = /\b(average|mean|on average)\b/.test(view);
  let stat: RankSpec['stat'] = 'mean';
  let order: RankSpec['order'] = superlative?.order ?? 'desc';
  if (extreme?.[1] && !average && extreme[1] !== 'most') stat = 'max';
  if (extreme?.[2] && !average && extreme[2] !== 'least') {
    stat = 'min';
    order = 'asc';
  }
  if (/\bbottom\b/.test(view)) order = order === 'desc' ? 'asc' : 'desc';
  return {
    rank: { stat, order, limit: Math.max(1, Math.min(limit, 100)) },
    ...(superlative ? { metric: superlative.metric } : {}),
  };
}
