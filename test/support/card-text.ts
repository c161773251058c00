import assert from 'node:assert/strict';
import type { StoredMessage } from '../../src/emulator/messaging-store';

/** Every text of a message's card (text blocks and facts), one per line; fails without a card. */
export function cardTexts(message: StoredMessage): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') texts.push(n.text);
    for (const f of (n.facts as { title: string; value: string }[] | undefined) ?? [])
      texts.push(f.title, f.value);
    for (const key of ['body', 'items', 'columns']) visit(n[key]);
  };
  const card = message.attachments?.[0]?.content;
  assert.ok(card, `the answer has a card: ${message.markdown}`);
  visit(card);
  return texts.join('\n');
}

/** The markdown and every text of the card (text blocks, and facts as "title: value"), one per line. */
export function shownText(message: StoredMessage): string {
  const texts: string[] = [message.markdown ?? ''];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      if (typeof record.title === 'string' && typeof record.value === 'string')
        texts.push(`${record.title}: ${record.value}`);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(message.attachments?.[0]?.content);
  return texts.join('\n');
}

/** The card's Action.Submit buttons: title and data. */
export function submitActions(message: StoredMessage): { title: string; data: Record<string, unknown> }[] {
  const card = message.attachments?.[0]?.content as
    | { actions?: { type: string; title: string; data?: Record<string, unknown> }[] }
    | undefined;
  return (card?.actions ?? [])
    .filter((a) => a.type === 'Action.Submit' && a.data)
    .map((a) => ({ title: a.title, data: a.data! }));
}

/** The data of the card's button titled `title`; fails if the card offers no such button. */
export function buttonData(message: StoredMessage, title: string): Record<string, unknown> {
  const card = message.attachments?.[0]?.content as
    | { actions?: { title: string; data?: Record<string, unknown> }[] }
    | undefined;
  const data = card?.actions?.find((a) => a.title === title)?.data;
  assert.ok(data, `the card offers "${title}": ${message.markdown ?? message.text}`);
  return data;
}

/**
 * Minutes as a card shows booked and used time, written here from what a person reads ("0 h",
 * "45 min", "12.5 h"), not taken from the bot's code: the oracle for figures summed from the API.
 */
export function hoursAsShown(minutes: number): string {
  if (minutes < 0.5) return '0 h';
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  const h = Math.round(minutes / 6) / 10;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}
