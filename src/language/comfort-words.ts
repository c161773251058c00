import type { MetricName } from '../webex/wire';
import type { TokenText } from './token-text';

/** "Overheats", "too dry", "crowded": a metric and the side of its comfort band an alert watches. */
export interface ComfortWord {
  metric: MetricName;
  op: 'above' | 'below';
}

/**
 * The words, by the limit they mean: temperature high/low, TVOC moderate, ambient noise fair
 * (loud is noise here: sound level has no comfort band), humidity low/high, people over capacity.
 */
const COMFORT_WORDS: readonly [RegExp, ComfortWord][] = [
  [
    /\bover ?heat(?:s|ing|ed)?\b|\btoo (?:hot|warm)\b|\b(?:gets?|getting|goes|is|becomes?) (?:hot|warm)\b|\bheats? up\b/,
    { metric: 'temperature', op: 'above' },
  ],
  [
    /\btoo (?:cold|chilly|cool)\b|\bfreez(?:es|ing)\b|\b(?:gets?|getting|goes|is|becomes?) (?:cold|chilly)\b/,
    { metric: 'temperature', op: 'below' },
  ],
  [
    /\b(?:too )?stuff(?:y|ier)\b(?! than)|\b(?:bad|poor|stale) air(?: quality)?\b|\bair (?:gets|goes|is) (?:bad|poor|stale)\b/,
    { metric: 'tvoc', op: 'above' },
  ],
  [/\b(?:too )?(?:noisy|loud)\b(?! than)/, { metric: 'ambientNoise', op: 'above' }],
  [/\b(?:too )?dry\b|\bdries out\b/, { metric: 'humidity', op: 'below' }],
  [/\b(?:too )?(?:humid|damp|muggy)\b/, { metric: 'humidity', op: 'above' }],
  [
    /\b(?:over ?)?crowded\b|\bover capacity\b|\b(?:too|over ?)full\b|\bpacked\b|\btoo many people\b/,
    { metric: 'peopleCount', op: 'above' },
  ],
];

/** The first comfort word of an alert ("let me know if Fjord overheats"), claiming its words. */
export function readComfortWord(text: TokenText): ComfortWord | undefined {
  for (const [pattern, word] of COMFORT_WORDS) {
    const view = text.view();
    const match = pattern.exec(view);
    if (!match) continue;
    text.claimChars(match.index, match.index + match[0].length, view, 'metric');
    return word;
  }
  return undefined;
}
