/** What the bot understands: example questions, the first five as buttons, the rest as text. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  MAX_CARD_ACTIONS,
  textBlock,
} from './adaptive-card';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { escapeName } from './text';
import type { HelpView } from './view-models';

const TITLE = 'Room metrics · what to ask';
const INTRO =
  'Ask in plain words about temperature, humidity, TVOC, ambient noise, sound level or people count in a room.';
/** Examples listed as text on the card after the buttons. */
const CARD_LISTED = 15;

export function helpCard(view: HelpView): CardMessage {
  const listed = view.examples.slice(MAX_CARD_ACTIONS);
  const body: CardElementJson[] = [titleBlock(TITLE), textBlock(INTRO, { spacing: 'Small' })];
  if (view.examples.length > 0) body.push(subtleBlock('For example:', { spacing: 'Medium' }));
  if (listed.length > 0) {
    body.push(
      ...listed
        .slice(0, CARD_LISTED)
        .map((example) => textBlock(`• ${escapeName(example.title)}`, { spacing: 'None' })),
    );
    if (listed.length > CARD_LISTED) body.push(subtleBlock(moreText(listed.length - CARD_LISTED)));
  }

  const items = view.examples.map((example) => `- ${escapeName(example.title)}`);
  const markdown = markdownWithList(
    [`**${TITLE}**`, INTRO, ...(items.length > 0 ? ['For example:'] : [])],
    items,
    [],
    (n) => moreText(n),
  );
  return { card: adaptiveCard(body, submitActions(view.examples)), markdown };
}
