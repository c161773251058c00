import { DateTime } from 'luxon';
import { METRIC_LABEL, metricChoice, sensorMetrics } from '../model/metric-catalogue';
import { zoneOrUtc } from '../time-zones';
import { comfortOffer } from './comfort-offer';
import { readComfortWord } from './comfort-words';
import { type IndexedWorkspace, indexDirectory } from './directory-index';
import { editDistance, typoAllowance } from './fuzzy';
import { findMetrics, MEASURED_METRICS } from './metric-words';
import { normalize } from './normalize';
import { asksProblems, asksUnusual } from './problem-phrases';
import { QUIET_ALERT, readAlert, readRank, readReport, readSettings } from './request-details';
import { claimCorrectedRooms, claimRooms, type RoomSelection, selectRooms } from './rooms';
import { isSpaceSettingPhrase, readSpaceSettingPhrase } from './space-setting-phrases';
import { readTime } from './time-expressions';
import { TokenText } from './token-text';
import type {
  Clarification,
  Intent,
  ParseContext,
  ParsedRequest,
  RequestAggregation,
  RequestMetric,
} from './types';
import { DATA_INTENTS } from './types';
import { readUtilisationFocus } from './utilisation-phrases';
import { correctWord, isKnownWord } from './vocabulary';

const HOUR_MS = 3_600_000;

type Family = 'help' | 'settings' | 'alert' | 'report' | 'rooms' | 'health' | 'data';

/** "which sensors are offline?", "any dead sensors?", "is the sensor in Lab 2.1 working?" */
function asksSensorHealth(view: string): boolean {
  if (/\bworking (?:hours?|days?|time|week)\b/.test(view)) return false;
  const device = '(?:sensors?|devices?|navigators?)';
  const trouble =
    '(?:offline|online|dead|broken|faulty|working|work|reporting|report|health|healthy|quiet|silent|gaps?|impossible|check|ok|okay|wrong|down|alive|stopped)';
  return (
    new RegExp(`\\b${device}\\b.*\\b${trouble}\\b|\\b${trouble}\\b.*\\b${device}\\b`).test(view) ||
    /\bstopped (?:reporting|sending)\b/.test(view)
  );
}

/** The request's kind, read from the whole sentence before anything claims words. */
function familyOf(view: string): { family: Family; intent?: Intent } {
  if (
    /^(?:help|\?|commands|usage|examples?|what can (?:you do|i ask|i say)|what do you (?:understand|know|do)|how does this work|how do i use (?:this|you)|what are your commands)\b/.test(
      view,
    ) ||
    /^(?:hi |hello |hey )?(?:help|commands)(?: me)?(?: please)?$/.test(view) ||
    /\bwhat (?:sort|kind|type)s? of (?:things|questions|stuff)\b.*\b(?:ask|answer|do|know)\b/.test(view) ||
    /\bhow (?:does|do) (?:this|it|you|the bot)(?: thing| bot)? work\b/.test(view) ||
    /\bwhat can (?:i|you|this bot|the bot) (?:ask|do|answer|say)\b/.test(view)
  ) {
    return { family: 'help', intent: 'help' };
  }
  if (
    /\balert(?:s|ing|ed)?\b|\bnotify\b|\bwarn (?:me|us|if|when)\b|\b(?:tell|ping|message) (?:me|us) (?:when|if)\b|\blet (?:me|us) know (?:when|if)\b/.test(
      view,
    )
  ) {
    // "alert me if any room stops reporting" sets an alert; "stop alert a2" deletes one.
    if (
      /\b(?:delete|remove|cancel|stop|disable|turn off|drop|clear|mute)\b/.test(view) &&
      !QUIET_ALERT.test(view)
    )
      return { family: 'alert', intent: 'alert.delete' };
    if (
      /\b(?:list|show|what|which|my|all|active|current)\b.*\balerts\b|\balerts\b.*\b(?:set|active|running|configured|list)\b|^alerts$/.test(
        view,
      )
    ) {
      return { family: 'alert', intent: 'alert.list' };
    }
    return { family: 'alert', intent: 'alert.create' };
  }
  const scheduled =
    /\b(?:every|each) (?:day|weekday|working day|morning|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bonce a (?:week|month)\b|\b(?:daily|weekly|monthly)\b/;
  if (
    /\breports?\b|\bsubscribe\b|\bsubscriptions?\b|\bdigest\b|\b(?:daily|weekly|monthly|morning) (?:summary|update)\b/.test(
      view,
    ) ||
    (scheduled.test(view) && /\b(?:send|post|give|deliver|share)\b/.test(view))
  ) {
    if (/\b(?:cancel|stop|delete|remove|unsubscribe|end|turn off|disable|no more)\b/.test(view)) {
      return { family: 'report', intent: 'report.cancel' };
    }
    if (
      /\b(?:list|show|what|which|my|all|active)\b.*\b(?:reports|subscriptions)\b|^(?:reports|subscriptions)$/.test(
        view,
      )
    ) {
      return { family: 'report', intent: 'report.list' };
    }
    return { family: 'report', intent: 'report.subscribe' };
  }
  if (isSpaceSettingPhrase(view)) return { family: 'settings', intent: 'settings' };
  if (asksSensorHealth(view)) return { family: 'health', intent: 'health' };
  if (
    /\b(?:set|change|switch|use|make|always|default|prefer|show)\b.*\b(?:time ?zone|tz|fahrenheit|celsius|units?|°f|°c|imperial|metric)\b/.test(
      view,
    ) ||
    /^(?:time ?zone|units?|settings?)\b/.test(view) ||
    /\b(?:my|our|the|this space'?s?) time ?zone is\b/.test(view)
  ) {
    if (!/\b(?:was|were|in room|last|yesterday|today)\b/.test(view) || /\btime ?zone|units?\b/.test(view)) {
      return { family: 'settings', intent: 'settings' };
    }
  }
  return { family: 'data' };
}

/** Typos in the words the grammar knows ("yesterdy", "lst", "temprature"), leaving room names alone. */
function correctTypos(text: TokenText, rooms: readonly IndexedWorkspace[]): void {
  text.tokens.forEach((token, i) => {
    if (!text.isFree(i) || (isKnownWord(token.text) && !/^[a-z]+$/.test(token.text))) return;
    if (!/^[a-z]+$/.test(token.text) || isKnownWord(token.text)) {
      const expanded = correctWord(token.text);
      if (expanded && expanded !== token.text) token.text = expanded;
      return;
    }
    const allowance = typoAllowance(token.text);
    const nearRoom = rooms.some(
      (w) =>
        w.numbers === '' &&
        Math.abs(w.letters.length - token.text.length) <= allowance &&
        editDistance(token.text, w.letters, allowance) <= allowance,
    );
    if (nearRoom) return;
    const corrected = correctWord(token.text);
    if (corrected) token.text = corrected;
  });
  // Expansions may hold spaces ("year to date"): re-split so every token is one word.
  const words = text.tokens.flatMap((t) => t.text.split(' ').map((w) => ({ text: w, kind: t.kind })));
  text.tokens.splice(0, text.tokens.length, ...words);
}

function aggregationFor(view: string, spanMs: number): RequestAggregation {
  if (/\b(?:raw|every reading|all readings|each reading|individual readings|all data points)\b/.test(view))
    return 'none';
  if (/\b(?:hourly|per hour|by hour|each hour|hour by hour|every hour)\b/.test(view)) return 'hourly';
  if (/\b(?:daily|per day|by day|each day|day by day|every day)\b/.test(view)) return 'daily';
  if (spanMs <= 6 * HOUR_MS) return 'none';
  if (spanMs <= 7 * 24 * HOUR_MS) return 'hourly';
  return 'daily';
}

/** Problems name the reading a run outside the band began with: raw readings up to 48 h, then hours. */
const problemsAggregation = (spanMs: number): RequestAggregation =>
  spanMs <= 48 * HOUR_MS ? 'none' : 'hourly';

/** A plausible threshold to show as an example, per metric. */
const THRESHOLD_EXAMPLE: Partial<Record<RequestMetric, string>> = {
  temperature: '"above 26" or "outside 19-24"',
  humidity: '"below 25" or "outside 25-60"',
  tvoc: '"above 660"',
  ambientNoise: '"above 50"',
  soundLevel: '"above 70"',
  peopleCount: '"above 8"',
};

/** "At which value…?": the ask-back for an alert's threshold. */
export function thresholdAskBack(metrics: readonly RequestMetric[]): Clarification {
  const example = metrics.length === 1 ? THRESHOLD_EXAMPLE[metrics[0]!] : undefined;
  return {
    question: `At which value should I alert you about ${listNames(metrics.map((m) => METRIC_LABEL[m]))}? For example ${example ?? '"above 500" or "outside 30-60"'}.`,
    options: ['above …', 'below …', 'outside … - …'],
    asks: 'threshold',
  };
}

/** The option that offers the rooms' list, when a room named matches nothing. */
export const LIST_ROOMS = 'list rooms';

const listNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/**
 * Chat text → a precise request: intent, metrics, rooms, a time window in the space's zone,
 * aggregation and details, or a clarification instead of a guess. Pure: no I/O, no clock.
 */
export function parseRequest(input: string, context: ParseContext): ParsedRequest {
  return analyzeRequest(input, context).request;
}

/** What the text itself said, as opposed to defaults: follow-ups ("and humidity?") reuse the rest. */
export interface RequestAnalysis {
  request: ParsedRequest;
  stated: { metrics: boolean; rooms: boolean; time: boolean; cadence: boolean };
}

/** `parseRequest`, plus which parts the text stated explicitly. */
export function analyzeRequest(input: string, context: ParseContext): RequestAnalysis {
  const zone = zoneOrUtc(context.timeZone);
  const now = DateTime.fromMillis(context.now, { zone });
  const index = indexDirectory(context.directory);
  const original = typeof input === 'string' ? input : '';
  const text = new TokenText(normalize(original));
  const fullView = text.view();
  const { family, intent: familyIntent } = familyOf(fullView);

  const none = { metrics: false, rooms: false, time: false, cadence: false };
  if (family === 'help') return { request: { intent: 'help', metrics: [], workspaces: [] }, stated: none };
  if (family === 'settings') {
    const spaceSetting = readSpaceSettingPhrase(fullView);
    if (spaceSetting) {
      return {
        request: { intent: 'settings', metrics: [], workspaces: [], settings: spaceSetting },
        stated: none,
      };
    }
    const settings = readSettings(original, fullView);
    if ('invalidZone' in settings) {
      const request: ParsedRequest = {
        intent: 'settings',
        metrics: [],
        workspaces: [],
        clarify: {
          question: `I don't know the time zone “${settings.invalidZone}”. Which one do you mean? Use an IANA name such as Europe/Oslo.`,
          options: ['Europe/Oslo', 'Europe/London', 'America/New_York', 'UTC'],
        },
      };
      return { request, stated: none };
    }
    if (!settings.timeZone && !settings.unit) {
      const request: ParsedRequest = {
        intent: 'settings',
        metrics: [],
        workspaces: [],
        clarify: {
          question:
            'What would you like to change: the time zone, the temperature unit, the working hours or a comfort band?',
          options: ['celsius', 'fahrenheit', 'Europe/Oslo'],
        },
      };
      return { request, stated: none };
    }
    return { request: { intent: 'settings', metrics: [], workspaces: [], settings }, stated: none };
  }

  const early = claimRooms(text, index);
  // "overheats", "too dry": read before typos are corrected, which would make them other words.
  const comfortWord = familyIntent === 'alert.create' ? readComfortWord(text) : undefined;
  correctTypos(text, index.workspaces);
  claimCorrectedRooms(text, index, early);
  const report = family === 'report' && familyIntent === 'report.subscribe' ? readReport(text) : undefined;
  const rank = family === 'data' ? readRank(text.words().join(' ')) : undefined;
  const metricMatch = findMetrics(text);
  const alert = family === 'alert' && familyIntent === 'alert.create' ? readAlert(text) : undefined;
  const time = family === 'data' ? readTime(text, now) : undefined;
  const dataCue =
    metricMatch.metrics.length > 0 || Boolean(rank) || Boolean(time?.found) || family !== 'data';
  const selection: RoomSelection = selectRooms(text, index, early, dataCue);
  // "any rooms … on floor 2": the floor or site named is the scope, not every room.
  if (selection.all && selection.scoped && selection.rooms.length > 0) selection.all = false;
  const correctedView = text.words().join(' ');

  let metrics = metricMatch.metrics;
  if (comfortWord && metrics.length === 0) metrics = [comfortWord.metric];
  if (rank?.metric && !metrics.includes(rank.metric)) metrics = [rank.metric, ...metrics];
  const rooms = selection.rooms;
  const explicitRooms = rooms.length > 0 || selection.all;

  let intent: Intent = familyIntent ?? 'query';
  const utilisationFocus =
    family === 'data' ? (readUtilisationFocus(fullView) ?? readUtilisationFocus(correctedView)) : undefined;
  if (family === 'data') {
    const listsRooms =
      /\b(?:list|show|which|what|all|any|name)\b.*\b(?:rooms|spaces|workspaces)\b|^(?:rooms|spaces|workspaces)\b|\brooms? (?:do you know|are there|exist)/.test(
        fullView,
      ) &&
      metrics.length === 0 &&
      !rank &&
      !metricMatch.unmeasured;
    const compareWords =
      /\b(?:compare|compared|comparison|versus|vs|against)\b/.test(correctedView) || /\bvs\b/.test(fullView);
    const present =
      /\b(?:is|are|what's|whats|how's|hows|what is|how is)\b/.test(correctedView) &&
      !/\b(?:was|were|did|had|been)\b/.test(correctedView);
    // "anything unusual in Room 4?" is that room's overview (which says what is unusual there).
    const oneRoom = rooms.length === 1 && !selection.all && !selection.scoped;
    const problems =
      metrics.length === 0 &&
      !rank &&
      !metricMatch.unmeasured &&
      (asksProblems(fullView) || (asksUnusual(fullView) && !oneRoom));
    if (problems) intent = 'problems';
    else if (listsRooms) intent = 'rooms';
    else if (rank && (rooms.length !== 1 || /\b(?:which|what|top|rank)\b/.test(correctedView)))
      intent = 'rank';
    else if (
      rooms.length >= 2 &&
      !selection.all &&
      (compareWords || metrics.length <= 1) &&
      !(selection.scoped && !compareWords)
    ) {
      intent = metrics.length <= 1 ? 'compare' : 'query';
    } else if (metrics.length === 0 && !metricMatch.unmeasured) {
      // A room with no metric is an overview; words that only might be a room need a cue.
      const overviewCue =
        /\bhow (?:was|is|are|were|did|does|about)\b|\boverview\b|\bstatus\b|\bsummary\b/.test(correctedView);
      if (explicitRooms || selection.ambiguous || (selection.unresolved && (overviewCue || time?.found))) {
        intent = time?.current ? 'current' : 'overview';
      } else intent = 'unknown';
    } else if (time?.current || (present && !time?.window && !time?.found)) intent = 'current';
    else intent = 'query';
    // "booked vs used, any ghost meetings?" sets the two measurements side by side: a query of them
    // (answered with the same utilisation card).
    const measurementsSideBySide =
      compareWords && metrics.includes('timeBooked') && metrics.includes('timeUsed') && intent === 'query';
    if (utilisationFocus && !measurementsSideBySide) intent = 'utilisation';
  }

  // Rankings, sensor health and utilisation without a room look at every room; so does "tell me
  // when a sensor goes quiet".
  const everyRoomByDefault =
    (intent === 'rank' ||
      intent === 'health' ||
      intent === 'utilisation' ||
      intent === 'problems' ||
      (intent === 'alert.create' && alert?.op === 'quiet')) &&
    !explicitRooms;
  const result: ParsedRequest = {
    intent,
    metrics: intent === 'rooms' || intent === 'unknown' ? [] : metrics,
    workspaces: (everyRoomByDefault ? index.workspaces : selection.all ? index.workspaces : rooms).map(
      (w) => ({
        id: w.id,
        displayName: w.displayName,
      }),
    ),
  };
  if (selection.all || everyRoomByDefault) result.allWorkspaces = true;
  const stated = {
    metrics: metricMatch.metrics.length > 0 || Boolean(rank?.metric),
    rooms: explicitRooms || selection.scoped,
    time: Boolean(time?.window) || Boolean(time?.current),
    cadence: report?.cadenceStated ?? false,
  };
  if (intent === 'unknown') {
    result.workspaces = [];
    delete result.allWorkspaces;
    if (!time?.window) return { request: result, stated };
  }

  // Time window: data questions only (and a bare time, "last 24 hours", which a follow-up uses);
  // reports and alerts run on their own clock.
  const windowed = DATA_INTENTS.has(intent) || intent === 'unknown';
  let future = false;
  if (windowed) {
    let from: DateTime;
    let to: DateTime;
    if (time?.window) {
      ({ from, to } = time.window);
    } else if (intent === 'problems') {
      // What is wrong today: since local midnight ("right now" included: now is judged on the latest reading).
      from = now.startOf('day');
      to = now;
    } else if (intent === 'current') {
      from = now.minus({ hours: 1 });
      to = now;
    } else {
      // Utilisation over a day says little: without a time it looks at the last 7 days.
      from = intent === 'utilisation' ? now.minus({ days: 7 }) : now.minus({ hours: 24 });
      to = now;
    }
    if (to <= from) to = from.plus({ hours: 1 });
    if (from >= now) future = true;
    else if (to > now) to = now;
    result.from = from.toUTC().toISO() ?? undefined;
    result.to = to.toUTC().toISO() ?? undefined;
    // A stated start up to now ("since 8am", "after 10am" clipped to now); a closed window is not one.
    if (time?.window && time.anchored && +to === +now) result.anchoredStart = true;
    result.aggregation =
      intent === 'current' && !time?.window
        ? 'none'
        : intent === 'problems'
          ? problemsAggregation(to.toMillis() - from.toMillis())
          : aggregationFor(correctedView, to.toMillis() - from.toMillis());
  }
  if (intent === 'unknown') {
    // A bare time still ahead ("next week") gives a follow-up nothing to show: no window.
    if (future) {
      delete result.from;
      delete result.to;
      delete result.aggregation;
    }
    return { request: result, stated };
  }
  if (metrics.includes('temperature')) {
    // "in fahrenheit", "°F", and in alerts a threshold written "80F" / "80 F".
    const fahrenheitThreshold = intent === 'alert.create' && /\d ?(?:°|deg(?:rees)? ?)?f\b/.test(fullView);
    result.unit =
      fahrenheitThreshold || /\bfahrenheit\b|°f\b|\bin f\b/.test(fullView)
        ? 'fahrenheit'
        : /\bcelsius\b|°c\b/.test(fullView)
          ? 'celsius'
          : (context.defaults?.unit ?? 'celsius');
  }
  if (intent === 'rank' && rank) result.rank = rank.rank;
  if (intent === 'utilisation' && utilisationFocus) {
    result.utilisation = { focus: utilisationFocus };
    result.metrics = ['timeBooked', 'timeUsed'];
  }
  if (alert) result.alert = alert;
  else if (comfortWord && metrics.length === 1 && metrics[0] === comfortWord.metric)
    result.comfort = { op: comfortWord.op };
  if (report) {
    const { impossibleTime: _, cadenceStated: __, ...spec } = report;
    result.report = spec;
  }

  // Ask back rather than guess.
  const firstNames = index.workspaces.slice(0, 8).map((w) => w.displayName);
  const unit = context.defaults?.unit ?? 'celsius';
  const metricChoices = sensorMetrics(MEASURED_METRICS).map((m) => metricChoice(m, unit));
  if (metricMatch.unmeasured && metrics.length === 0) {
    result.clarify = {
      question: `Webex room sensors don't measure ${metricMatch.unmeasured}. They measure ${MEASURED_METRICS.map((m) => METRIC_LABEL[m]).join(', ')}. Which one would you like?`,
      options: metricChoices,
      asks: 'metric',
    };
  } else if (selection.ambiguous) {
    result.clarify = {
      question: `Which room do you mean by “${selection.ambiguous.words}”?`,
      options: selection.ambiguous.options,
      asks: 'room',
    };
  } else if (selection.unresolved) {
    const near = selection.unresolved.options;
    const missing = `I couldn't find a room called “${selection.unresolved.words}”.`;
    result.clarify = {
      question:
        near.length > 0
          ? `${missing} Did you mean ${listNames(near.slice(0, 3))}?`
          : `${missing} Say “list rooms” to see the rooms I know.`,
      options: [...near, LIST_ROOMS],
      asks: 'room',
    };
  } else if (future) {
    result.clarify = {
      question:
        'That time is still ahead: I can only show what has already been measured. Which time do you mean?',
      options: ['today', 'yesterday', 'last 24 hours'],
      asks: 'time',
    };
  } else if (
    !explicitRooms &&
    !everyRoomByDefault &&
    ['query', 'current', 'overview', 'compare', 'alert.create', 'report.subscribe'].includes(intent)
  ) {
    result.clarify = {
      question: 'Which room do you mean?',
      options: [...firstNames, 'all rooms'],
      asks: 'room',
    };
  } else if (result.comfort) {
    result.clarify = comfortOffer(result);
  } else if (report?.impossibleTime) {
    result.clarify = {
      question: `“${report.impossibleTime}” is not a time of day. At what time should I post the report (00:00–23:59)?`,
      options: ['at 07:00', 'at 08:00', 'at 09:00'],
      asks: 'report-time',
    };
  } else if (intent === 'alert.create' && metrics.length === 0 && alert?.op !== 'quiet') {
    result.clarify = {
      question: 'Which measurement should the alert watch?',
      options: metricChoices,
      asks: 'metric',
    };
  } else if (intent === 'alert.create' && !alert) {
    result.clarify = thresholdAskBack(metrics);
  }
  return { request: result, stated };
}
