import assert from 'node:assert/strict';
import { compareCard, type ImageJson, type TextBlockJson } from '../../src/cards';
import { assertValidMessage, cardText, walk } from './card-checks';
import { compareView, NEW_YORK } from './fixtures';

describe('cards: compare', () => {
  it('puts two rooms in the title and a row per room with mean, max and verdict', () => {
    const { card, markdown } = compareCard(compareView());
    assertValidMessage({ card, markdown });
    assert.equal(
      (card.body[0] as TextBlockJson).text,
      'Temperature · Room 4 vs Room 40 · last 6 h (Europe/Oslo)',
    );
    const text = cardText(card);
    assert.match(text, /Wed 18 Nov 08:30 – 14:30(?! \()/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.match(text, /Room\nMean\nMax/);
    assert.match(text, /Room 4\nWarm\n22\.4 °C\n24\.1 °C/);
    assert.match(text, /Room 40\nComfortable\n21\.2 °C\n22\.0 °C/);
    const images: ImageJson[] = [];
    walk(card, (node) => {
      if (node.type === 'Image') images.push(node as unknown as ImageJson);
    });
    assert.equal(images[0]?.url, 'https://charts.example.com/c/cmp.png');
    assert.ok(images[0]?.altText);

    assert.ok(markdown.startsWith('**Temperature · Room 4 vs Room 40 · last 6 h (Europe/Oslo)**\n'));
    assert.ok(markdown.includes('- Room 4: mean 22.4 °C, max 24.1 °C · Warm'));
    assert.ok(markdown.includes('- Room 40: mean 21.2 °C, max 22.0 °C · Comfortable'));
    assert.deepEqual(card.actions?.[0]?.title, 'Follow-up 1');
  });

  it('counts rooms in the title beyond two, and limits rows on the card and in the markdown', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      roomName: `Room ${i + 1}`,
      mean: '21.0 °C',
      max: '23.0 °C',
      verdict: { level: 'good' as const, text: 'Comfortable' },
    }));
    const { card, markdown } = compareCard(compareView({ rows, timeZone: NEW_YORK }));
    assertValidMessage({ card, markdown });
    assert.equal(
      (card.body[0] as TextBlockJson).text,
      'Temperature · 1000 rooms · last 6 h (America/New_York)',
    );
    assert.match(cardText(card), /… and 980 more rooms/);
    assert.match(markdown, /… and \d+ more rooms/);
    assert.match(markdown, /\(America\/New_York\)/);
  });

  it('handles no rows', () => {
    const message = compareCard(compareView({ rows: [], chartUrl: undefined }));
    assertValidMessage(message);
    assert.match(message.markdown, /No rooms to compare\./);
  });
});
