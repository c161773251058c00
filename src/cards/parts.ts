/** Pieces every card shares: titles, verdicts, warnings, caveats, charts and follow-up buttons. */
import {
  type CardElementJson,
  type ImageJson,
  MAX_CARD_ACTIONS,
  type SubmitActionJson,
  type TextBlockJson,
  textBlock,
  verdictColor,
} from './adaptive-card';
import { cleanText, escapeMarkdown, MAX_NAME_CHARS, nonBlank } from './text';
import type { CardAction, Verdict } from './view-models';

export const WARNING_SIGN = '⚠️';

/** The longest chart URL a card uses: a chart encoded in the URL (17–42 KB) does not load. */
export const MAX_IMAGE_URL_CHARS = 2048;

/** "… and 12 more", "… and 12 more rooms" */
export function moreText(omitted: number, noun?: string): string {
  return noun ? `… and ${omitted} more ${noun}` : `… and ${omitted} more`;
}

/** The card's title: bold, wrapped. `text` must already be escaped. */
export function titleBlock(text: string): TextBlockJson {
  return textBlock(text, { weight: 'Bolder', size: 'Medium' });
}

/** A small subtle line (ranges, caveats, footnotes). `text` must already be escaped. */
export function subtleBlock(text: string, options: Omit<TextBlockJson, 'type' | 'text'> = {}): TextBlockJson {
  return textBlock(text, { size: 'Small', isSubtle: true, spacing: 'Small', ...options });
}

/** The verdict line, coloured by level (good/warning/attention). */
export function verdictBlock(
  verdict: Verdict,
  options: Omit<TextBlockJson, 'type' | 'text'> = {},
): TextBlockJson {
  const block = textBlock(escapeMarkdown(verdict.text), { weight: 'Bolder', ...options });
  const color = verdictColor(verdict.level);
  if (color !== 'Default') block.color = color;
  return block;
}

/** "⚠️ Above 24 °C for 1 h 20 min" in the attention colour. */
export function warningBlock(warning: string): TextBlockJson {
  return textBlock(`${WARNING_SIGN} ${escapeMarkdown(warning)}`, { color: 'Attention', spacing: 'Small' });
}

/** "⚠️ Above 24 °C for 1 h 20 min" for the markdown fallback. */
export function warningLine(warning: string): string {
  return `${WARNING_SIGN} ${escapeMarkdown(warning)}`;
}

/** Warnings then caveats, at most `max` of each, with "… and N more" lines. */
export function noteBlocks(
  allWarnings: readonly string[],
  allCaveats: readonly string[],
  max: number,
): CardElementJson[] {
  const warnings = nonBlank(allWarnings);
  const caveats = nonBlank(allCaveats);
  const blocks: CardElementJson[] = warnings.slice(0, max).map(warningBlock);
  if (warnings.length > max) {
    blocks.push(
      textBlock(moreText(warnings.length - max, 'warnings'), { color: 'Attention', spacing: 'Small' }),
    );
  }
  blocks.push(...caveats.slice(0, max).map((caveat) => subtleBlock(escapeMarkdown(caveat))));
  if (caveats.length > max) blocks.push(subtleBlock(moreText(caveats.length - max, 'notes')));
  return blocks;
}

/** Whether a card can show this image: an https URL short enough for every client to fetch. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function isUsableImageUrl(url: string | undefined): url is string {
  if (!url || url.length > MAX_IMAGE_URL_CHARS) return false;
  try {
    const parsed = new URL(url);
    // Webex clients fetch images over https; plain http is only usable on this machine (sandbox, tests).
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname));
  } catch {
    return false;
  }
}

/** An Image that opens a URL when tapped (Adaptive Cards 1.3: Image.selectAction, without a title). */
export type TappableImageJson = ImageJson & { selectAction: { type: 'Action.OpenUrl'; url: string } };

/**
 * The chart, when there is a usable URL; `alt` is plain text (not markdown). Tapping it opens the
 * full-size PNG (the card shows it only ~272–360 px wide on a phone).
 */
export function chartImage(url: string | undefined, alt: string): TappableImageJson | undefined {
  if (!isUsableImageUrl(url)) return undefined;
  return {
    type: 'Image',
    url,
    altText: cleanText(alt),
    size: 'Stretch',
    spacing: 'Medium',
    selectAction: { type: 'Action.OpenUrl', url },
  };
}

/** The view model's follow-ups as Action.Submit buttons: the first five, data passed through. */
export function submitActions(actions: readonly CardAction[]): SubmitActionJson[] {
  return actions.slice(0, MAX_CARD_ACTIONS).map((action) => ({
    type: 'Action.Submit',
    // Button titles are plain text: cleaned, not escaped.
    title: cleanText(action.title, MAX_NAME_CHARS),
    data: { ...action.data },
  }));
}

/** Elements without the undefined ones (optional parts of a body). */
export function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
