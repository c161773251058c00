import { mergeFollowUp } from '../handlers/rerun-request';
import {
  type AskedPart,
  analyzeRequest,
  DATA_INTENTS,
  LIST_ROOMS,
  OFFER_OPTIONS,
  optionPicked,
  type ParseContext,
  type ParsedRequest,
  type RequestAnalysis,
  SETUP_INTENTS,
  saysNo,
  saysYes,
  thresholdAskBack,
} from '../language';
import { looksLikeFollowUp, mergeSetupFollowUp, PARTIAL_INTENTS, setupFollowUpText } from './follow-up';

/**
 * A text read in its conversation: the person's previous request (if any, still remembered) and
 * what the text says. A reply to an ask-back fills the part it asked for; another follow-up
 * completes the previous request; anything else is a question of its own. Pure: the memory is read
 * and written by the caller.
 */
export function readTurn(
  text: string,
  previous: ParsedRequest | undefined,
  context: ParseContext,
  forceFollowUp = false,
): ParsedRequest {
  const asked = previous?.clarify?.asks;
  if (previous && asked && !forceFollowUp) {
    const answer = answerAskBack(text, previous, context);
    if (answer) return answer;
    // A window refused as still ahead is context only for the time its ask-back asks for.
    if (asked === 'time') return analyzeRequest(text, context).request;
  }
  const analysis = analyzeRequest(text, context);
  const followsUp = previous !== undefined && (forceFollowUp || looksLikeFollowUp(text, analysis));
  if (!followsUp) return analysis.request;
  if (SETUP_INTENTS.has(previous.intent) && previous.clarify)
    return mergeSetupFollowUp(previous, analyzeRequest(setupFollowUpText(previous, text), context));
  return mergeFollowUp(previous, analysis);
}

/**
 * The answer to "no", "never mind", "cancel" in reply to an open ask-back or an offered alert:
 * nothing is set up or looked up, and the ask-back is forgotten (the caller forgets it).
 * Undefined when there is no open ask-back or the reply does not turn it down.
 */
export function declinedAskBack(text: string, previous: ParsedRequest | undefined): string | undefined {
  if (!previous?.clarify?.asks || !saysNo(text)) return undefined;
  return SETUP_INTENTS.has(previous.intent) ? 'OK, nothing set up.' : 'OK, I’ll leave it.';
}

/** "26", "26 °C", "500 ppb": a value without a side. */
const BARE_NUMBER = /^(-?\d+(?:[.,]\d+)?) ?(?:°|degrees?|%|percent|ppb|dba?|db|people|persons)? ?[cf]?$/i;

/** The words that ask for another threshold than the one offered. */
const OTHER_THRESHOLD = /^(?:change|another|other|different|set)(?: the| a)? (?:threshold|value|limit)$/i;

/**
 * A reply that answers the request's ask-back ("above 26", "all rooms", "the first one",
 * "temperature", "yesterday", "yes" to an offer), merged into that request; undefined when the
 * reply does not answer it (it is then read as usual).
 */
export function answerAskBack(
  text: string,
  previous: ParsedRequest,
  context: ParseContext,
): ParsedRequest | undefined {
  const asked = previous.clarify;
  if (!asked?.asks) return undefined;
  const picked = optionPicked(text, asked);
  if (picked === LIST_ROOMS) return undefined;
  const reply = picked ?? text;
  // A request of its own kind ("alert me when …" after a report's "at what time?") is no answer.
  const alone = analyzeRequest(reply, context);
  const ownIntent = !PARTIAL_INTENTS.has(alone.request.intent) && alone.request.intent !== previous.intent;
  // …but "all rooms" (which alone would list them) answers "which room?".
  if (ownIntent && !(asked.asks === 'room' && alone.stated.rooms)) return undefined;
  if (asked.asks === 'confirm') {
    const offered = { ...previous };
    delete offered.clarify;
    if (saysYes(reply) || reply.trim().toLowerCase() === OFFER_OPTIONS[0]) return offered;
    // The side stays known ("overheats": above), so a bare number answers the question.
    if (OTHER_THRESHOLD.test(reply.trim())) return { ...offered, clarify: thresholdAskBack(offered.metrics) };
  }
  const bare = BARE_NUMBER.exec(reply.trim());
  if (asked.asks === 'threshold' && previous.comfort && bare) {
    const answered: ParsedRequest = {
      ...previous,
      alert: { op: previous.comfort.op, value: Number(bare[1]!.replace(',', '.')) },
    };
    delete answered.clarify;
    delete answered.comfort;
    return answered;
  }
  if (SETUP_INTENTS.has(previous.intent)) {
    const setup = analyzeRequest(setupFollowUpText(previous, reply), context);
    return answersSetUp(asked.asks, setup, reply) ? mergeSetupFollowUp(previous, setup) : undefined;
  }
  if (!DATA_INTENTS.has(previous.intent)) return undefined;
  const analysis = alone;
  const part = statedPart(asked.asks);
  if (!part || !analysis.stated[part]) return undefined;
  // Only the part asked for ("Fjord please", "yesterday"), or a follow-up stating it with more.
  const onlyAsked = (['rooms', 'metrics', 'time'] as const).every((p) => p === part || !analysis.stated[p]);
  if (!picked && !onlyAsked && !looksLikeFollowUp(reply, analysis)) return undefined;
  return mergeFollowUp(previous, analysis);
}

/** The part of a parse that answers an ask-back about `asks`. */
function statedPart(asks: AskedPart): keyof RequestAnalysis['stated'] | undefined {
  if (asks === 'room') return 'rooms';
  if (asks === 'metric') return 'metrics';
  if (asks === 'time') return 'time';
  return undefined;
}

/** Whether a reply, read as part of the set-up that asked back, says what it asked for. */
function answersSetUp(asks: AskedPart, setup: RequestAnalysis, reply: string): boolean {
  switch (asks) {
    case 'threshold':
    case 'confirm':
      return Boolean(setup.request.alert);
    case 'report-time':
      return /\d|\b(?:noon|midday|midnight)\b/i.test(reply);
    default: {
      const part = statedPart(asks);
      return part !== undefined && setup.stated[part];
    }
  }
}
