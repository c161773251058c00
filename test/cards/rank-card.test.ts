import assert from 'node:assert/strict';
import { rankCard, type TextBlockJson } from '../../src/cards';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES } from './card-checks';
import { manyRankRows, NEW_YORK, rankView } from './fixtures';

describe('cards: rank', () => {
  it('shows title, stat, range and zone, then positions, rooms and values, and rooms without data', () => {
    const { card, markdown } = rankCard(rankView());
    assertValidMessage({ card, markdown });
    assert.equal(
      (card.body[0] as TextBlockJson).text,
      'Warmest rooms · mean temperature · this week (Europe/Oslo)',
    );
    const text = cardText(card);
    assert.match(text, /Mon 16 Nov 00:00 – Wed 18 Nov 14:30(?! \()/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.match(text, /1\nFjord\n24\.6 °C\n2\nRoom 4\n22\.4 °C\n2\nRoom 40\n22\.4 °C/);
    assert.match(text, /No data: Lab 2\.1/);

    for (const expected of [
      '**Warmest rooms · mean temperature · this week (Europe/Oslo)**',
      '**1.** Fjord: 24.6 °C',
      '**2.** Room 4: 22.4 °C',
      '**2.** Room 40: 22.4 °C',
      '_No data: Lab 2.1_',
    ]) {
      assert.ok(markdown.includes(expected), `markdown has ${expected}\n${markdown}`);
    }
    assert.deepEqual(
      card.actions?.map((a) => (a.type === 'Action.Submit' ? a.data : undefined)),
      [
        { kind: 'followup', text: 'question 1', nested: { i: 0, list: [1, 2] } },
        { kind: 'followup', text: 'question 2', nested: { i: 1, list: [1, 2] } },
      ],
    );
  });

  it('ranks 1,000 rooms within the limits, with "… and N more"', () => {
    const noData = Array.from({ length: 1000 }, (_, i) => `Silent room ${i + 1}`);
    const { card, markdown } = rankCard(
      rankView({ rows: manyRankRows(1000), noData, chartUrl: 'https://charts.example.com/r.png' }),
    );
    assertValidMessage({ card, markdown });
    assert.ok(bytes(markdown) <= MAX_MARKDOWN_BYTES);
    const more = /… and (\d+) more rooms/.exec(markdown);
    assert.ok(more, markdown.slice(-300));
    const listed = markdown.split('\n').filter((line) => /^\*\*\d+\.\*\* /.test(line)).length;
    assert.equal(listed + Number(more[1]), 1000);
    assert.ok(listed > 50, `${listed} rows listed`);
    assert.ok(markdown.includes('_No data: Silent room 1, '));
    assert.match(markdown, /… and 980 more_/);
    assert.ok(markdown.endsWith('[Chart](https://charts.example.com/r.png)'));
    assert.match(cardText(card), /… and 975 more rooms/);
    assert.match(cardText(card), /… and 990 more$/m);
  });

  it('works in New York time and with no rows', () => {
    const { card, markdown } = rankCard(rankView({ rows: [], noData: [], timeZone: NEW_YORK }));
    assertValidMessage({ card, markdown });
    assert.match(cardText(card), /Sun 15 Nov 18:00 – Wed 18 Nov 08:30/);
    assert.match(markdown, /No data for this range\./);
  });
});
