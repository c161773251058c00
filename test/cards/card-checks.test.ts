/** The checks themselves: they must catch what Webex rejects, including what the library misses. */
import assert from 'node:assert/strict';
import type { AdaptiveCardJson, CardMessage } from '../../src/cards';
import { assertValidMessage, libraryProblems } from './card-checks';

function message(card: unknown, markdown = 'fallback'): CardMessage {
  return { card: card as AdaptiveCardJson, markdown };
}

const base = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.3',
  body: [{ type: 'TextBlock', text: 'ok', wrap: true }],
};

describe('cards: the card checks', () => {
  it('accept a plain valid card', () => {
    assertValidMessage(message(base));
  });

  it('catch what the library reports: a Table, Action.Execute, a bad colour, a too-new version', () => {
    assert.ok(
      libraryProblems({ ...base, body: [{ type: 'Table' }] } as unknown as AdaptiveCardJson).length > 0,
    );
    assert.ok(
      libraryProblems({
        ...base,
        actions: [{ type: 'Action.Execute', title: 'x' }],
      } as unknown as AdaptiveCardJson).length > 0,
    );
    assert.ok(
      libraryProblems({
        ...base,
        body: [{ type: 'TextBlock', text: 'x', color: 'Red' }],
      } as unknown as AdaptiveCardJson).length > 0,
    );
    assert.ok(libraryProblems({ ...base, version: '1.5' } as unknown as AdaptiveCardJson).length > 0);
  });

  it('catch what the library misses: an Image without url, six actions, an ActionSet, a long fallback', () => {
    assert.throws(
      () => assertValidMessage(message({ ...base, body: [{ type: 'Image', altText: 'chart' }] })),
      /url/,
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ type: 'Action.Submit', title: `a${i}`, data: {} }));
    assert.throws(() => assertValidMessage(message({ ...base, actions: six })));
    assert.throws(() => assertValidMessage(message({ ...base, body: [{ type: 'ActionSet', actions: [] }] })));
    assert.throws(() => assertValidMessage(message(base, 'ø'.repeat(3720))), /bytes/);
    assertValidMessage(message(base, 'ø'.repeat(3719)));
  });
});
