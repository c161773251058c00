import { mergeFollowUp } from '../handlers/rerun-request';
import {
  comfortOffer,
  DATA_INTENTS,
  type Intent,
  type ParsedRequest,
  type RequestAnalysis,
  SETUP_INTENTS,
} from '../language';

export { mergeFollowUp };

const FOLLOW_UP =
  /^(?:and|also|plus|what about|how about|same for|same but|same thing for|now for|ok and|then|and for|and in|and on)\b/i;

/** Words that ask for a room's overview: a room with them is a question of its own. */
const OVERVIEW_CUE = /\bhow (?:was|is|are|were|did|does)\b|\boverview\b|\bstatus\b|\bsummary\b/i;

/** A question of its own: asks what/who/where/why about something the parse found no part for. */
const OTHER_QUESTION = /\b(?:what|who|where|why)(?:'s|s| is| are| was| were)?\b/i;

/** What a text stating only part of a question parses as: no intent of its own. */
export const PARTIAL_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'query',
  'current',
  'overview',
  'unknown',
]);

/**
 * "and humidity?", "what about yesterday?", "last 7 days", "humidity", "Boardroom": a follow-up to
 * the previous question. Read by meaning, never by length: the text states some parts (a time, a
 * metric, a room) but leaves out one a question needs (which room; for a room, what about it), and
 * says no intent of its own (a ranking, a comparison, an overview, a set-up, help).
 */
export function looksLikeFollowUp(text: string, analysis: RequestAnalysis): boolean {
  if (FOLLOW_UP.test(text.trim())) return true;
  const { stated, request } = analysis;
  if (!stated.metrics && !stated.rooms && !stated.time) return false;
  if (!PARTIAL_INTENTS.has(request.intent)) return false;
  // Only a time, asked as a question about something no sensor measures ("what's for lunch?").
  if (request.intent === 'unknown' && OTHER_QUESTION.test(text)) return false;
  // A time or a metric without a room: the room (and the rest) of the previous question.
  if (!stated.rooms) return true;
  // A room without a metric: the previous question's metrics, unless an overview is asked for.
  return !stated.metrics && !OVERVIEW_CUE.test(text);
}

/**
 * Whether a request is context for the person's next follow-up: data questions, and a setup
 * while it still asks back. A request refused for its window (a time still ahead) is kept only as
 * the question "which time?" asks about: a reply naming a time completes it (see `readTurn`), a
 * later "what's the temperature?" never brings it back.
 */
export function worthRemembering(request: ParsedRequest, now: number, bareSetUp = false): boolean {
  if (request.clarify?.asks === 'time') return true;
  if (DATA_INTENTS.has(request.intent)) return !(Date.parse(request.from ?? '') >= now);
  return SETUP_INTENTS.has(request.intent) && Boolean(request.clarify) && !bareSetUp;
}

/** Requests that set something up; their clarifications are answered by a follow-up too. */
export { SETUP_INTENTS };

/**
 * How to read a follow-up to a setup request that asked back ("Fjord", "above 500", "at 08:00"):
 * with the words that make the parser read it as that kind of request.
 */
export function setupFollowUpText(previous: ParsedRequest, text: string): string {
  return previous.intent === 'alert.create' ? `alert me when ${text}` : `report ${text}`;
}

const GENERIC_QUESTION =
  /^(?:Which room do you mean\?|Which measurement should the alert watch\?|At which value)/;

/**
 * A setup request that asked back, completed by its follow-up (read with
 * {@link setupFollowUpText}): what the follow-up stated replaces the previous parts; a question
 * about what the follow-up itself said (an unknown room, an impossible time) is asked; otherwise
 * what is still missing is asked again.
 */
export function mergeSetupFollowUp(previous: ParsedRequest, analysis: RequestAnalysis): ParsedRequest {
  const next = analysis.request;
  const merged: ParsedRequest = { ...previous };
  delete merged.clarify;
  if (analysis.stated.rooms) {
    merged.workspaces = next.workspaces;
    if (next.allWorkspaces) merged.allWorkspaces = true;
    else delete merged.allWorkspaces;
  }
  if (analysis.stated.metrics && next.metrics.length > 0) merged.metrics = next.metrics;
  if (next.alert) {
    merged.alert = next.alert;
    delete merged.comfort;
  }
  if (next.report && (next.report.time !== '08:00' || !previous.report)) {
    // "at 9" to a weekly report's ask-back changes its time, not its cadence.
    merged.report =
      previous.report && !analysis.stated.cadence
        ? { ...previous.report, time: next.report.time }
        : next.report;
  } else if (next.report && previous.report && analysis.stated.cadence) {
    merged.report = { ...next.report, time: previous.report.time };
  }
  if (next.unit && next.unit !== previous.unit && next.metrics.includes('temperature'))
    merged.unit = next.unit;
  if (next.clarify && !GENERIC_QUESTION.test(next.clarify.question)) {
    merged.clarify = next.clarify;
    return merged;
  }
  if (merged.workspaces.length === 0 && !merged.allWorkspaces) {
    merged.clarify = previous.clarify ?? {
      question: 'Which room do you mean?',
      options: ['all rooms'],
      asks: 'room',
    };
  } else if (merged.intent === 'alert.create' && merged.metrics.length === 0) {
    merged.clarify = next.clarify ?? previous.clarify;
  } else if (merged.comfort && !merged.alert) {
    // A comfort word ("overheats"), now with its room: the alert is offered, not set up.
    merged.clarify = comfortOffer(merged);
  } else if (merged.intent === 'alert.create' && !merged.alert) {
    merged.clarify = previous.clarify;
  }
  if (merged.clarify === undefined) delete merged.clarify;
  return merged;
}
