/**
 * The markdown fallback: what clients without cards, notifications and previews show. It must
 * fit Webex's 7439-byte limit (UTF-8 bytes). Long lists end in "… and N more"; as a last resort
 * whole lines are dropped from the end.
 */
import { MAX_MESSAGE_BYTES } from '../webex/wire/limits';

export const MARKDOWN_MAX_BYTES = MAX_MESSAGE_BYTES;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export interface ListFit {
  /** The items that fit, in order. */
  shown: string[];
  /** How many were left out. */
  omitted: number;
}

/**
 * As many `items` (one or more lines each) as fit in `budget` bytes once joined with newlines,
 * keeping room for the "… and N more" line that follows when some are left out.
 */
export function fitItems(
  items: readonly string[],
  budget: number,
  more: (omitted: number) => string,
  maxItems: number = Number.POSITIVE_INFINITY,
): ListFit {
  const shown: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const cost = utf8Bytes(item) + (shown.length > 0 ? 1 : 0);
    const restAfter = items.length - i - 1;
    // Room for this item, plus the "more" line if anything would still be left out after it.
    const reserve = restAfter > 0 ? utf8Bytes(more(restAfter)) + 1 : 0;
    if (shown.length >= maxItems || used + cost + reserve > budget) break;
    shown.push(item);
    used += cost;
  }
  return { shown, omitted: items.length - shown.length };
}

/**
 * `head` lines, then as many `items` as fit (and "… and N more"), a blank line, then `tail` lines, within the
 * byte limit. `extraOmitted` counts items the caller never passed (a list already cut short).
 */
export function markdownWithList(
  head: readonly string[],
  items: readonly string[],
  tail: readonly string[],
  more: (omitted: number) => string,
  options: { maxItems?: number; extraOmitted?: number; limit?: number } = {},
): string {
  const limit = options.limit ?? MARKDOWN_MAX_BYTES;
  const extra = options.extraOmitted ?? 0;
  const fixed = [...head, ...tail].join('\n');
  // Separators around the list block (a blank line before the tail), and the worst-case "more" line.
  const budget = limit - utf8Bytes(fixed) - 3 - (extra > 0 ? utf8Bytes(more(items.length + extra)) + 1 : 0);
  const { shown, omitted } = fitItems(items, Math.max(0, budget), more, options.maxItems);
  const total = omitted + extra;
  const list = total > 0 ? [...shown, more(total)] : shown;
  // The blank line ends the list: else the tail would continue its last item.
  const gap = list.length > 0 && tail.length > 0 ? [''] : [];
  return clampMarkdown([...head, ...list, ...gap, ...tail].join('\n'), limit);
}

const TRUNCATED = '… (shortened)';

/**
 * The last guard: `markdown` as it is when it fits, else whole lines from the start that fit
 * followed by "… (shortened)" (a single overlong line is cut at a character boundary).
 */
export function clampMarkdown(markdown: string, limit: number = MARKDOWN_MAX_BYTES): string {
  if (utf8Bytes(markdown) <= limit) return markdown;
  const budget = limit - utf8Bytes(TRUNCATED) - 1;
  const kept: string[] = [];
  let used = 0;
  for (const line of markdown.split('\n')) {
    const cost = utf8Bytes(line) + (kept.length > 0 ? 1 : 0);
    if (used + cost > budget) {
      if (kept.length === 0) kept.push(cutToBytes(line, budget));
      break;
    }
    kept.push(line);
    used += cost;
  }
  return [...kept, TRUNCATED].join('\n');
}

/** The longest prefix of `line` within `bytes`, never splitting a character or an escape. */
function cutToBytes(line: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const cost = utf8Bytes(char);
    if (used + cost > bytes) break;
    out += char;
    used += cost;
  }
  // A lone trailing backslash would escape the next character.
  return out.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
}

/** A markdown link to an https URL; parentheses and spaces are percent-encoded. */
export function markdownLink(label: string, url: string): string {
  const safe = url.replace(
    /[()\s<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${label}](${safe})`;
}
