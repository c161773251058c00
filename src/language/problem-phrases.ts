/**
 * "any problems?", "is anything off on floor 3?", "how is Bergen doing?", "which rooms need
 * attention": asking what is wrong (rooms outside their comfort band), without naming a metric.
 * Past-tense "how was X?" stays an overview. "what's unusual today?", "anything out of the
 * ordinary on floor 2?" ask the same across a scope (the problems answer also names the rooms unusual
 * for themselves); about one room they are that room's overview ({@link asksUnusual}).
 */
const PROBLEM_WORDS =
  /\b(?:problems?|problematic|issues?|wrong|trouble|attention|fixing|uncomfortable|out of (?:range|band|bounds)|outside (?:the |their |its )?(?:comfort )?band)\b/;
const ALL_WELL = /\b(?:anything|something|everything|all) (?:off|ok|okay|fine|alright|all right|good|well)\b/;
const SHOULD_KNOW = /\b(?:i|we) (?:should|need to|ought to) know\b/;
const HOW_DOING = /\bhow(?: is|'s| are|s)\b.*\bdoing\b/;

export function asksProblems(view: string): boolean {
  return PROBLEM_WORDS.test(view) || ALL_WELL.test(view) || SHOULD_KNOW.test(view) || HOW_DOING.test(view);
}

const UNUSUAL_WORDS =
  /\b(?:unusual(?:ly)?|out of the ordinary|abnormal(?:ly)?|anomal(?:y|ies|ous)|strange(?:ly)?|odd|weird)\b/;

/** "what's unusual today?", "any anomalies on floor 3?", "what looks odd in the building". */
export function asksUnusual(view: string): boolean {
  return UNUSUAL_WORDS.test(view);
}
