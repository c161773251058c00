import { normalize } from './normalize';
import type { Clarification } from './types';

const ORDINALS: Readonly<Record<string, number>> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  sixth: 5,
  '6th': 5,
  seventh: 6,
  '7th': 6,
  eighth: 7,
  '8th': 7,
  ninth: 8,
  '9th': 8,
  tenth: 9,
  '10th': 9,
};

/** "the first one", "the second", "option 3", "#2", "the last one" (after an ask-back's options). */
const ORDINAL_REPLY =
  /^(?:(?:i mean|i meant|take|pick|choose|go with) )?(?:the )?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last)|(?:option|number|no|#) ?(\d{1,2}))(?: (?:one|option|choice|room|measurement|metric|time))?(?: please)?$/;

/** "all of them", "both", "every one": every room, after "which room?". */
const EVERY_ONE =
  /^(?:all(?: of them| of those| of the above| the rooms| rooms)?|both(?: of them)?|every ?one|each of them|everything)(?: please)?$/;

/** Words that answer "yes" to an offer ("Alert when … goes above 24 °C?"). */
const YES =
  /^(?:yes|yeah|yep|yup|sure|ok|okay|please|please do|do it|go ahead|sounds good|perfect|great|confirm|set it up|set up|create it|that works|fine)(?: please| thanks| thank you)?$/;

/** Words that turn an offer or an ask-back down ("no", "never mind", "cancel", "no, thanks"). */
const NO_WORD = `(?:no|nope|nah|never ?mind|nvm|forget it|forget about it|cancel(?: that| it)?|stop|not now|not needed|no need|skip(?: it)?|leave it|don'?t|do not|i'?m good|all good)`;
const NO = new RegExp(`^${NO_WORD}(?: ${NO_WORD})*(?: please| thanks| thank you| then)?$`);

const plain = (text: string) =>
  normalize(text)
    .replace(/[.!?,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The option of an ask-back a reply picks by position or as a whole ("the second one" → its
 * second option; "all of them" after "which room?" → "all rooms"), or undefined.
 */
export function optionPicked(text: string, asked: Clarification): string | undefined {
  const reply = plain(text);
  if (asked.asks === 'room' && EVERY_ONE.test(reply))
    return asked.options.find((o) => /^all rooms$/i.test(o)) ?? 'all rooms';
  if (asked.asks === 'threshold' || asked.asks === 'confirm') return undefined;
  const match = ORDINAL_REPLY.exec(reply);
  if (!match) return undefined;
  const position =
    match[1] === 'last' ? asked.options.length - 1 : match[1] ? ORDINALS[match[1]] : Number(match[2]) - 1;
  return position === undefined ? undefined : asked.options[position];
}

/** Whether a reply turns an offer or an ask-back down. */
export function saysNo(text: string): boolean {
  return NO.test(plain(text));
}

/** Whether a reply says yes to an offer. */
export function saysYes(text: string): boolean {
  return YES.test(plain(text));
}
