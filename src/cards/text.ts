/**
 * Text hygiene for cards and markdown. Room names, questions and other untrusted text go
 * through `escapeMarkdown` before they reach markdown or a markdown-interpreted card field
 * (TextBlock text, Fact title/value); plain-text fields (button titles, image alt text) only
 * go through `cleanText`.
 */

/** The longest piece of untrusted text shown (room names, options), in characters. */
export const MAX_NAME_CHARS = 120;
/** The longest sentence shown (verdicts, warnings, caveats, messages), in characters. */
export const MAX_SENTENCE_CHARS = 300;

// Control characters and line/paragraph separators: a newline in a name must not start a
// markdown heading, list or quote.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

/** One line of text: control characters and whitespace runs become one space; long text ends in "…". */
export function cleanText(text: string, maxChars: number = MAX_SENTENCE_CHARS): string {
  const line = text.replace(CONTROL_OR_SPACE, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= maxChars) return line;
  return `${chars
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}

// The characters the Webex markdown and the card TextBlock subset give meaning to, plus the
// backslash itself (else a trailing "\" would un-escape what follows) and "~" (strikethrough).
const MARKDOWN_SPECIAL = /[\\`*_[\]<>~]/g;

/** `text` as one clean line with every markdown-significant character backslash-escaped. */
export function escapeMarkdown(text: string, maxChars: number = MAX_SENTENCE_CHARS): string {
  return cleanText(text, maxChars).replace(MARKDOWN_SPECIAL, '\\$&');
}

/** An untrusted name (room, location, floor, option), escaped and capped at MAX_NAME_CHARS. */
export function escapeName(name: string): string {
  return escapeMarkdown(name, MAX_NAME_CHARS);
}

/** "temperature" → "Temperature" (labels like "TVOC" stay as they are). */
export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + text.slice(head.length);
}

/** "a", "a and b", "a, b and c" */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The strings that show something once cleaned. */
export function nonBlank(texts: readonly string[]): string[] {
  return texts.filter((text) => cleanText(text) !== '');
}
