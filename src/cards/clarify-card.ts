/** "Which room did you mean?": up to five options as buttons, any others listed as text. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  MAX_CARD_ACTIONS,
  textBlock,
} from './adaptive-card';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock } from './parts';
import { escapeMarkdown, escapeName } from './text';
import type { ClarifyView } from './view-models';

/** Options listed as text on the card after the buttons. */
const CARD_LISTED = 15;
const REPLY_HINT = 'Reply with the one you mean.';

export function clarifyCard(view: ClarifyView): CardMessage {
  const question = escapeMarkdown(view.question) || 'Which one did you mean?';
  const listed = view.options.slice(MAX_CARD_ACTIONS);
  const body: CardElementJson[] = [textBlock(question, { weight: 'Bolder' })];
  if (listed.length > 0) {
    body.push(subtleBlock('More options:', { spacing: 'Medium' }));
    body.push(
      ...listed
        .slice(0, CARD_LISTED)
        .map((option) => textBlock(`• ${escapeName(option.title)}`, { spacing: 'None' })),
    );
    if (listed.length > CARD_LISTED) body.push(subtleBlock(moreText(listed.length - CARD_LISTED)));
    body.push(subtleBlock(REPLY_HINT));
  }

  const items = view.options.map((option) => `- ${escapeName(option.title)}`);
  const markdown = markdownWithList([`**${question}**`], items, items.length > 0 ? [REPLY_HINT] : [], (n) =>
    moreText(n),
  );
  return { card: adaptiveCard(body, submitActions(view.options)), markdown };
}
