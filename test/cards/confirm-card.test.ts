import assert from 'node:assert/strict';
import { type CardMessage, confirmCard } from '../../src/cards';
import { actionInputsSchema } from '../../src/model/card-actions';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES } from './card-checks';
import { askView } from './fixtures';

const buttons = ({ card }: CardMessage) =>
  (card.actions ?? []).map((a) => [a.title, a.type === 'Action.Submit' ? a.data : undefined] as const);

describe('cards: confirm a destructive action', () => {
  it('names what goes and what it means; Confirm and Keep carry the exact action', () => {
    const message = confirmCard(askView());
    const card = assertValidMessage(message);
    assert.equal(
      cardText(card),
      [
        'Delete alert a2?',
        'a2 · TVOC above 500 ppb in Fjord, for 10 min, set up by Ingrid Berg',
        'It stops watching, and nobody in this space hears from it again.',
        'Delete a2',
        'Keep it',
      ].join('\n'),
    );
    const action = { op: 'delete-alerts', ruleIds: ['a2'] };
    assert.deepEqual(buttons(message), [
      ['Delete a2', { kind: 'confirm', answer: 'confirm', action }],
      ['Keep it', { kind: 'confirm', answer: 'keep', action }],
    ]);
    // What the card sends is what the bot accepts.
    for (const [, data] of buttons(message)) assert.ok(actionInputsSchema.safeParse(data).success);
    assert.equal(
      message.markdown,
      [
        '**Delete alert a2?**',
        '- a2 · TVOC above 500 ppb in Fjord, for 10 min, set up by Ingrid Berg',
        '',
        'It stops watching, and nobody in this space hears from it again.',
        "Answer with the card's buttons: **Delete a2** or **Keep it**.",
      ].join('\n'),
    );
  });

  it('lists ten things on the card and counts the rest; the markdown fits', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `a${i + 1}`);
    const message = confirmCard(
      askView({
        question: 'Delete all 50 alerts of this space?',
        items: ids.map((id) => `${id} · ${'TVOC above 500 ppb in a room with a long name, '.repeat(3)}`),
        confirmTitle: 'Delete 50 alerts',
        keepTitle: 'Keep them',
        action: { op: 'delete-alerts', ruleIds: ids },
      }),
    );
    const card = assertValidMessage(message);
    assert.match(cardText(card), /… and 40 more/);
    assert.ok(bytes(message.markdown) <= MAX_MARKDOWN_BYTES);
    assert.ok(
      message.markdown.endsWith("Answer with the card's buttons: **Delete 50 alerts** or **Keep them**."),
    );
    assert.ok(actionInputsSchema.safeParse(buttons(message)[0]![1]).success, 'all 50 ids in the payload');
  });

  it('copies the action: changing the card leaves the view model alone', () => {
    const view = askView();
    const { card } = confirmCard(view);
    const data = card.actions?.[0];
    assert.ok(data?.type === 'Action.Submit' && data.data.kind === 'confirm');
    (data.data.action as { ruleIds: string[] }).ruleIds.push('a9');
    assert.deepEqual(view.action, { op: 'delete-alerts', ruleIds: ['a2'] });
  });
});
