/** "Unusual for this room" on the metrics, overview and problems cards: near the verdict, valid 1.3. */
import assert from 'node:assert/strict';
import { metricsCard, overviewCard, problemsCard } from '../../src/cards';
import type { TextBlockJson } from '../../src/cards/adaptive-card';
import { assertValidMessage, cardText, walk } from './card-checks';
import { at, metricsView, overviewView, section } from './fixtures';

const TEXT = '3.1 °C warmer than a usual Wednesday afternoon here (usual 21.2 °C)';

describe('cards: unusual for this room', () => {
  it('metrics card: the line right after the verdict, in the warning colour; bold in the markdown', () => {
    const usual = { text: TEXT, unusual: true, at: at('2026-11-18T13:00') };
    const message = metricsCard(metricsView({ sections: [section({ usual })] }));
    assertValidMessage(message);
    const lines = cardText(message.card).split('\n');
    const verdict = lines.indexOf('Warm in the afternoon');
    assert.equal(lines[verdict + 1], `Unusual for this room in the hour from 13:00: ${TEXT}`);
    const blocks: TextBlockJson[] = [];
    walk(message.card, (node) => {
      if (node.type === 'TextBlock') blocks.push(node as unknown as TextBlockJson);
    });
    assert.equal(blocks.find((b) => b.text.startsWith('Unusual for this room'))?.color, 'Warning');
    assert.ok(message.markdown.includes(`**Unusual for this room in the hour from 13:00: ${TEXT}**`));
  });

  it('metrics card: a reading now has no hour; "not enough history" is a quiet line', () => {
    const now = metricsCard(
      metricsView({ current: true, sections: [section({ usual: { text: TEXT, unusual: true } })] }),
    );
    assert.ok(cardText(now.card).includes(`Unusual for this room: ${TEXT}`));
    const unknown = metricsCard(
      metricsView({ sections: [section({ usual: { text: 'Not enough history.', unusual: false } })] }),
    );
    assert.ok(unknown.markdown.includes('_Not enough history._'));
    assert.doesNotMatch(cardText(unknown.card), /Unusual for this room/);
  });

  it('overview and problems cards name the metric and the room', () => {
    const view = overviewView();
    const overview = overviewCard({
      ...view,
      lines: view.lines.map((l, i) => (i === 0 ? { ...l, usual: { text: TEXT, unusual: true } } : l)),
    });
    assertValidMessage(overview);
    assert.ok(cardText(overview.card).includes(`Temperature — unusual for this room: ${TEXT}`));
    assert.ok(overview.markdown.includes(`**Temperature — unusual for this room: ${TEXT}**`));
    const problems = problemsCard({
      scope: 'floor 3',
      timeZone: 'Europe/Oslo',
      from: at('2026-11-18T00:00'),
      to: at('2026-11-18T14:30'),
      rangeLabel: 'today, since 00:00',
      rows: [],
      silent: [],
      fine: ['Room 40', 'Fjord'],
      unusual: [{ roomName: 'Room 40', metricLabel: 'temperature', text: TEXT }],
      notes: [],
    });
    assertValidMessage(problems);
    const line = `⚠️ Room 40 · temperature unusual for this room now: ${TEXT}`;
    assert.ok(cardText(problems.card).includes(line), cardText(problems.card));
    assert.ok(problems.markdown.includes(line), problems.markdown);
  });
});
