import { DATA_INTENTS, type ParsedRequest, type RequestAnalysis, SETUP_INTENTS } from '../language';

const FOLLOW_UP =
  /^(?:and|also|plus|what about|how about|same for|same but|same thing for|now for|ok and|then|and for|and in|and on)\b/i;

/** "and humidity?", "what about yesterday?", "same for Fjord": a follow-up to the previous question. */
export function looksLikeFollowUp(text: string, analysis: RequestAnalysis): boolean {
  if (FOLLOW_UP.test(text.trim())) return true;
  const { stated, request } = analysis;
  // A short phrase that names only one part ("yesterday?", "humidity") also continues the last question.
  const parts = Number(stated.metrics) + Number(stated.rooms) + Number(stated.time);
  return parts === 1 && text.trim().split(/\s+/).length <= 3 && request.intent !== 'unknown';
}

/**
 * The previous request with what the follow-up stated put in: its metrics, its rooms, its time.
 * A clarification of the follow-up is kept only when it is about something the follow-up said.
 */
export function mergeFollowUp(previous: ParsedRequest, analysis: RequestAnalysis): ParsedRequest {
  const next = analysis.request;
  if (!DATA_INTENTS.has(previous.intent)) return next;
  const merged: ParsedRequest = { ...previous };
  delete merged.clarify;
  if (analysis.stated.metrics) {
    merged.metrics = next.metrics;
    if (next.rank) merged.rank = next.rank;
    if (previous.intent === 'overview') merged.intent = 'query';
  }
  if (analysis.stated.rooms) {
    merged.workspaces = next.workspaces;
    if (next.allWorkspaces) merged.allWorkspaces = true;
    else delete merged.allWorkspaces;
  }
  if (analysis.stated.time) {
    if (next.from) merged.from = next.from;
    if (next.to) merged.to = next.to;
    if (next.aggregation) merged.aggregation = next.aggregation;
    if (merged.intent === 'current' && next.intent !== 'current') merged.intent = 'query';
    if (next.intent === 'current') merged.intent = 'current';
  }
  if (merged.metrics.includes('temperature')) merged.unit = next.unit ?? previous.unit ?? 'celsius';
  else delete merged.unit;
  const roomQuestion = next.clarify?.question.startsWith('Which room do you mean?');
  const stillNoRoom = merged.workspaces.length === 0 && !merged.allWorkspaces && merged.intent !== 'rank';
  if (next.clarify && (!roomQuestion || stillNoRoom)) merged.clarify = next.clarify;
  else if (stillNoRoom && !merged.clarify)
    merged.clarify = previous.clarify ?? { question: 'Which room do you mean?', options: [] };
  return merged;
}

/** Requests that set something up; their clarifications are answered by a follow-up too. */
export { SETUP_INTENTS };

/**
 * How to read a follow-up to a setup request that asked back ("Fjord", "above 500", "at 08:00"):
 * with the words that make the parser read it as that kind of request.
 */
export function setupFollowUpText(previous: ParsedRequest, text: string): string {
  return previous.intent === 'alert.create' ? `alert me when ${text}` : `daily report ${text}`;
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
  if (next.alert) merged.alert = next.alert;
  if (next.report && (next.report.time !== '08:00' || !previous.report)) merged.report = next.report;
  if (next.unit && next.unit !== previous.unit && next.metrics.includes('temperature'))
    merged.unit = next.unit;
  if (next.clarify && !GENERIC_QUESTION.test(next.clarify.question)) {
    merged.clarify = next.clarify;
    return merged;
  }
  if (merged.workspaces.length === 0 && !merged.allWorkspaces) {
    merged.clarify = previous.clarify ?? { question: 'Which room do you mean?', options: ['all rooms'] };
  } else if (merged.intent === 'alert.create' && merged.metrics.length === 0) {
    merged.clarify = next.clarify ?? previous.clarify;
  } else if (merged.intent === 'alert.create' && !merged.alert) {
    merged.clarify = previous.clarify;
  }
  if (merged.clarify === undefined) delete merged.clarify;
  return merged;
}
