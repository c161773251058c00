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
