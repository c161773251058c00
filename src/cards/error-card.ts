/** A short line about what went wrong, the Webex tracking id for support, or "busy; coming". */
import { adaptiveCard, type CardElementJson, type CardMessage, textBlock } from './adaptive-card';
import { clampMarkdown } from './markdown';
import { subtleBlock, WARNING_SIGN } from './parts';
import { escapeMarkdown, escapeName } from './text';
import type { ErrorView } from './view-models';

export const BUSY_TEXT = 'Webex is busy; the answer is coming.';
const FALLBACK_MESSAGE = 'Something went wrong.';

export function errorCard(view: ErrorView): CardMessage {
  const message = escapeMarkdown(view.message);
  const headline = view.retrying ? BUSY_TEXT : `${WARNING_SIGN} ${message || FALLBACK_MESSAGE}`;
  // While retrying the message is detail; it is dropped when it only repeats the headline.
  const detail = view.retrying && message !== '' && message !== BUSY_TEXT ? message : undefined;
  const tracking = view.trackingId ? `Tracking ID: ${escapeName(view.trackingId)}` : undefined;

  const body: CardElementJson[] = [
    textBlock(headline, { weight: 'Bolder', color: view.retrying ? 'Warning' : 'Attention' }),
  ];
  if (detail) body.push(textBlock(detail, { spacing: 'Small' }));
  if (tracking) body.push(subtleBlock(tracking));

  const lines = [view.retrying ? BUSY_TEXT : `${WARNING_SIGN} ${message || FALLBACK_MESSAGE}`];
  if (detail) lines.push(detail);
  if (tracking) lines.push(`_${tracking}_`);
  return { card: adaptiveCard(body), markdown: clampMarkdown(lines.join('\n')) };
}
