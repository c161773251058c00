/**
 * "Delete alert a2?": the question asked before removing or silencing what a space shares (alert
 * rules, reports). It names what will go, one line each, says what that means, and offers two
 * buttons that carry the exact action: confirm and keep.
 */
import { adaptiveCard, type CardMessage, type SubmitActionJson, textBlock } from './adaptive-card';
import type { ConfirmView } from './automation-views';
import { clampMarkdown, markdownWithList } from './markdown';
import { moreText, subtleBlock, titleBlock } from './parts';
import { cleanText, escapeMarkdown, MAX_NAME_CHARS } from './text';

/** Things named on the card; the rest are counted ("… and 12 more"). */
const CARD_ITEMS = 10;

export function confirmCard(view: ConfirmView): CardMessage {
  const question = escapeMarkdown(view.question) || 'Are you sure?';
  const items = view.items.map((item) => escapeMarkdown(item)).filter((item) => item !== '');
  const note = escapeMarkdown(view.note ?? '');
  const confirmTitle = cleanText(view.confirmTitle, MAX_NAME_CHARS) || 'Confirm';
  const keepTitle = cleanText(view.keepTitle, MAX_NAME_CHARS) || 'Keep';

  const body = [titleBlock(question)];
  items.slice(0, CARD_ITEMS).forEach((item, index) => {
    body.push(textBlock(item, { spacing: index === 0 ? 'Small' : 'None' }));
  });
  if (items.length > CARD_ITEMS) body.push(subtleBlock(moreText(items.length - CARD_ITEMS)));
  if (note !== '') body.push(subtleBlock(note, { spacing: 'Medium' }));

  const button = (title: string, answer: 'confirm' | 'keep'): SubmitActionJson => ({
    type: 'Action.Submit',
    title,
    data: { kind: 'confirm', answer, action: structuredClone(view.action) },
  });
  const howTo = `Answer with the card's buttons: **${escapeMarkdown(confirmTitle)}** or **${escapeMarkdown(keepTitle)}**.`;
  const tail = [...(note === '' ? [] : [note]), howTo];
  return {
    card: adaptiveCard(body, [button(confirmTitle, 'confirm'), button(keepTitle, 'keep')]),
    markdown:
      items.length === 0
        ? clampMarkdown([`**${question}**`, ...tail].join('\n'))
        : markdownWithList(
            [`**${question}**`],
            items.map((item) => `- ${item}`),
            tail,
            (n) => moreText(n),
          ),
  };
}
