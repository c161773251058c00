/**
 * The words for a space's working hours and comfort bands, and for showing the settings:
 * "set working hours to 7-16", "working hours 07:30-16:30 mon-thu", "reset working hours",
 * "set comfort band for humidity to 25-60", "set temperature band 19-23", "reset comfort bands",
 * "settings". Pure; reads the normalised text (lower case, plain dashes).
 */
import type { BandKey } from '../model/comfort-bands';
import { parseWorkingHours } from '../model/working-hours';
import type { SettingsSpec } from './types';

const HOURS_WORDS = String.raw`(?:working|work|office|business|opening) hours`;
const BAND_WORDS = String.raw`(?:comfort(?:able)? )?(?:bands?|ranges?|zones?)`;
const METRIC_WORDS = String.raw`(?:temperature|temp|humidity|humid|rh|tvoc|voc|air quality|ambient noise|noise|noise level)`;

/** Whether the text sets, resets or shows working hours, comfort bands or all settings. */
export function isSpaceSettingPhrase(view: string): boolean {
  return (
    new RegExp(String.raw`\b(?:set|change|update|make|use|reset|clear|restore)\b.*\b${HOURS_WORDS}\b`).test(
      view,
    ) ||
    new RegExp(String.raw`^(?:our |my |the )?${HOURS_WORDS}\b(?! (?:yesterday|today|last|this|on)\b)`).test(
      view,
    ) ||
    new RegExp(String.raw`\b${HOURS_WORDS} (?:are|is)\b`).test(view) ||
    /\b(?:set|change|update|make|use|reset|clear|restore)\b.*\bcomfort(?:able)? (?:bands?|ranges?|zones?)\b/.test(
      view,
    ) ||
    new RegExp(String.raw`\b(?:set|change|update|make|reset)\b.*\b${METRIC_WORDS} ${BAND_WORDS}\b`).test(
      view,
    ) ||
    new RegExp(
      String.raw`^(?:comfort(?:able)? (?:bands?|ranges?)|${METRIC_WORDS} (?:comfort )?bands?)\b`,
    ).test(view) ||
    isShowSettings(view)
  );
}

/** "settings", "show settings", "what are our settings?" */
function isShowSettings(view: string): boolean {
  return /^(?:(?:show|list|what are|what s|whats)(?: me)? )?(?:the |my |our |this space'?s? |space )?settings(?: (?:please|of this space|here))?$/.test(
    view.replace(/[.?!]+$/, '').trim(),
  );
}

function bandKeyOf(view: string): BandKey | undefined {
  if (/\b(?:temperature|temp)\b/.test(view)) return 'temperature';
  if (/\b(?:humidity|humid|rh)\b/.test(view)) return 'humidity';
  if (/\b(?:tvoc|voc|air quality)\b/.test(view)) return 'tvoc';
  if (/\bnoise\b/.test(view)) return 'ambientNoise';
  return undefined;
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const BAND_NUMBERS = new RegExp(
  String.raw`(${NUMBER})\s*(?:%|celsius|fahrenheit|c|f|ppb|dba|db)?\s*(?:-|to|/|and)\s*(${NUMBER})\s*(%|celsius|fahrenheit|c|f|ppb|dba|db)?`,
);

const BAND_EXAMPLE =
  'say e.g. "set comfort band for humidity to 25-60" (temperature, humidity: LOW-HIGH; TVOC and noise: the good and the fair limit, "tvoc band 220/660")';

/**
 * The working-hours, comfort-band or show-settings part of a settings request (undefined when
 * the text is about none of them). A problem is said in one line; nothing is guessed.
 */
export function readSpaceSettingPhrase(view: string): SettingsSpec | undefined {
  if (isShowSettings(view)) return { show: true };
  const hoursAsked = new RegExp(String.raw`\b${HOURS_WORDS}\b`).test(view);
  const reset = /\b(?:reset|clear|restore|default)\b/.test(view);
  if (hoursAsked) {
    if (reset) return { resetWorkingHours: true };
    const phrase = view.replace(new RegExp(String.raw`^.*?\b${HOURS_WORDS}\b`), ' ');
    const hours = parseWorkingHours(phrase);
    return 'problem' in hours ? { problem: hours.problem } : { workingHours: hours };
  }
  const bandAsked =
    /\bcomfort(?:able)? (?:bands?|ranges?|zones?)\b/.test(view) ||
    new RegExp(String.raw`\b${METRIC_WORDS} ${BAND_WORDS}\b`).test(view);
  if (!bandAsked) return undefined;
  const key = bandKeyOf(view);
  if (reset) return key ? { resetBands: key } : { resetBands: 'all' };
  if (!key) return { problem: `Which measurement's comfort band? ${capitalised(BAND_EXAMPLE)}.` };
  const numbers = BAND_NUMBERS.exec(view);
  if (!numbers) return { problem: `I couldn't read the band's two numbers: ${BAND_EXAMPLE}.` };
  const unit = numbers[3] === 'fahrenheit' || numbers[3] === 'f' ? 'fahrenheit' : undefined;
  return {
    band: {
      key,
      first: Number(numbers[1]),
      second: Number(numbers[2]),
      ...(key === 'temperature' && unit ? { unit } : {}),
    },
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
