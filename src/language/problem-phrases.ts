/**
 * "any problems?", "is anything off on floor 3?", "how is Bergen doing?", "which rooms need
 * attention": asking what is wrong (rooms outside their comfort band), without naming a metric.
 * Past-tense "how was X?" stays an overview; "anything unusual" is not a problem word.
 */
const PROBLEM_WORDS =
  /\b(?:problems?|problematic|issues?|wrong|trouble|attention|fixing|uncomfortable|out of (?:range|band|bounds)|outside (?:the |their |its )?(?:comfort )?band)\b/;
const ALL_WELL = /\b(?:anything|something|everything|all) (?:off|ok|okay|fine|alright|all right|good|well)\b/;
const SHOULD_KNOW = /\b(?:i|we) (?:should|need to|ought to) know\b/;
const HOW_DOING = /\bhow(?: is|'s| are|s)\b.*\bdoing\b/;

export function asksProblems(view: string): boolean {
  return PROBLEM_WORDS.test(view) || ALL_WELL.test(view) || SHOULD_KNOW.test(view) || HOW_DOING.test(view);
}
