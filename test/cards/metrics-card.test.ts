import assert from 'node:assert/strict';
import { type FactSetJson, metricsCard } from '../../src/cards';
import type {
  AdaptiveCardJson,
  ContainerJson,
  ImageJson,
  TextBlockJson,
} from '../../src/cards/adaptive-card';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES, walk } from './card-checks';
import { actions, at, metricsView, NEW_YORK, section } from './fixtures';

function elements<T>(card: AdaptiveCardJson, type: string): T[] {
  const found: T[] = [];
  walk(card, (node) => {
    if (node.type === type) found.push(node as unknown as T);
  });
  return found;
}

describe('cards: metrics (query and current)', () => {
  it('leads with room, metric, range and zone, then the verdict and the stats', () => {
    const { card, markdown } = metricsCard(metricsView());
    assertValidMessage({ card, markdown });
    const title = card.body[0] as TextBlockJson;
    assert.equal(title.text, 'Room 4 · temperature · last 6 h (Europe/Oslo)');
    assert.equal(title.weight, 'Bolder');
    assert.equal(title.wrap, true);
    const text = cardText(card);
    assert.match(text, /Wed 18 Nov 08:30 – 14:30(?! \()/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.match(text, /Warm in the afternoon/);
    assert.match(text, /Mean: 22\.4 °C/);
    assert.match(text, /Max: 24\.1 °C at 14:00/);
    assert.match(text, /Latest: 23\.8 °C at 14:25 \(5 min ago\)/);
    assert.match(text, /Trend: rising/);

    assert.ok(markdown.startsWith('**Room 4 · temperature · last 6 h (Europe/Oslo)**\n'));
    for (const expected of [
      'Wed 18 Nov 08:30 – 14:30',
      '**Warm in the afternoon**',
      '- Mean: 22.4 °C',
      '- Max: 24.1 °C at 14:00',
      '- Latest: 23.8 °C at 14:25 (5 min ago)',
      '⚠️ Above 24 °C for 1 h 20 min',
      '_No data 09:00–10:00_',
      '[Chart](https://charts.example.com/c/abc123.png)',
    ]) {
      assert.ok(markdown.includes(expected), `markdown has ${expected}\n${markdown}`);
    }
  });

  it('names hourly and daily buckets as periods, not as bare times that look like readings', () => {
    const hourly = metricsView({
      sections: [
        section({
          bucket: 'hour',
          stats: [{ label: 'Max', value: '51 dBA', at: at('2026-11-18T10:00') }],
          latest: { value: '48 dBA', at: at('2026-11-18T14:00'), ageMs: 0 },
        }),
      ],
    });
    const text = cardText(metricsCard(hourly).card);
    assert.match(text, /Max: 51 dBA in the hour from 10:00/);
    assert.match(text, /Latest: 48 dBA in the hour from 14:00$/m);
    assert.doesNotMatch(text, / at \d\d:\d\d/);

    const daily = metricsView({
      from: at('2026-11-16T00:00'),
      to: at('2026-11-18T14:30'),
      sections: [
        section({
          bucket: 'day',
          stats: [{ label: 'Min', value: '19.0 °C', at: at('2026-11-17T00:00') }],
          latest: { value: '21.0 °C', at: at('2026-11-18T00:00'), ageMs: 0 },
        }),
      ],
    });
    const markdown = metricsCard(daily).markdown;
    assert.ok(markdown.includes('- Min: 19.0 °C on Tue 17 Nov'), markdown);
    assert.ok(markdown.includes('- Latest: 21.0 °C on Wed 18 Nov\n'), markdown);
  });

  it('colours the verdict by level and shows warnings as attention, caveats as small subtle text', () => {
    const colours = { good: 'Good', fair: 'Warning', poor: 'Attention', none: undefined } as const;
    for (const level of ['good', 'fair', 'poor', 'none'] as const) {
      const { card } = metricsCard(
        metricsView({ sections: [section({ verdict: { level, text: `Verdict ${level}` } })] }),
      );
      const verdict = elements<TextBlockJson>(card, 'TextBlock').find((b) => b.text === `Verdict ${level}`);
      assert.ok(verdict);
      assert.equal(verdict.color, colours[level]);
    }
    const { card } = metricsCard(metricsView());
    const warning = elements<TextBlockJson>(card, 'TextBlock').find((b) => b.text.startsWith('⚠️'));
    assert.equal(warning?.text, '⚠️ Above 24 °C for 1 h 20 min');
    assert.equal(warning?.color, 'Attention');
    const caveat = elements<TextBlockJson>(card, 'TextBlock').find((b) => b.text.includes('No data 09:00'));
    assert.equal(caveat?.size, 'Small');
    assert.equal(caveat?.isSubtle, true);
  });

  it('shows the chart with its alt text only for a usable https URL', () => {
    const image = elements<ImageJson>(metricsCard(metricsView()).card, 'Image');
    assert.deepEqual(
      image.map((i) => [i.url, i.altText]),
      [['https://charts.example.com/c/abc123.png', 'Temperature in Room 4, last 6 h']],
    );
    // Tapping the chart opens the full-size PNG (Image.selectAction, valid in Adaptive Cards 1.3).
    assert.deepEqual((image[0] as unknown as { selectAction: unknown }).selectAction, {
      type: 'Action.OpenUrl',
      url: 'https://charts.example.com/c/abc123.png',
    });
    for (const chartUrl of [
      undefined,
      '',
      'http://charts.example.com/x.png',
      'data:image/png;base64,AAAA',
      `https://q.example.com/chart?c=${'x'.repeat(20_000)}`,
    ]) {
      const message = metricsCard(metricsView({ chartUrl }));
      assertValidMessage(message);
      assert.equal(elements<ImageJson>(message.card, 'Image').length, 0, String(chartUrl).slice(0, 40));
      assert.ok(!message.markdown.includes('[Chart]'));
    }
  });

  it('passes follow-up buttons through as Action.Submit, at most five', () => {
    const { card } = metricsCard(metricsView({ actions: actions(7) }));
    assert.equal(card.actions?.length, 5);
    assert.deepEqual(card.actions?.[0], {
      type: 'Action.Submit',
      title: 'Follow-up 1',
      data: { kind: 'followup', text: 'question 1', nested: { i: 0, list: [1, 2] } },
    });
    assert.deepEqual(
      card.actions?.map((a) => a.title),
      ['Follow-up 1', 'Follow-up 2', 'Follow-up 3', 'Follow-up 4', 'Follow-up 5'],
    );
    assert.equal(metricsCard(metricsView({ actions: [] })).card.actions, undefined);
  });

  it('names several metrics in the title and gives each a headed section', () => {
    const view = metricsView({
      sections: [
        section(),
        section({
          metricLabel: 'humidity',
          verdict: { level: 'good', text: 'Comfortable' },
          stats: [{ label: 'Mean', value: '38 %' }],
          warnings: [],
          caveats: [],
        }),
      ],
    });
    const { card, markdown } = metricsCard(view);
    assertValidMessage({ card, markdown });
    assert.equal(
      (card.body[0] as TextBlockJson).text,
      'Room 4 · temperature, humidity · last 6 h (Europe/Oslo)',
    );
    assert.equal(elements<ContainerJson>(card, 'Container').filter((c) => c.separator).length, 2);
    assert.match(cardText(card), /Humidity\nComfortable\nMean: 38 %/);
    assert.ok(markdown.includes('**Temperature:** Warm in the afternoon'));
    assert.ok(markdown.includes('**Humidity:** Comfortable\n- Mean: 38 %'));

    const six = metricsCard(metricsView({ sections: Array.from({ length: 6 }, () => section()) }));
    assert.equal((six.card.body[0] as TextBlockJson).text, 'Room 4 · 6 metrics · last 6 h (Europe/Oslo)');
  });

  it('leads a current answer with the latest reading, "as of" the time in the zone', () => {
    const { card, markdown } = metricsCard(
      metricsView({
        current: true,
        rangeLabel: 'now',
        from: at('2026-11-18T14:00'),
        to: at('2026-11-18T14:30'),
      }),
    );
    assertValidMessage({ card, markdown });
    const facts = elements<FactSetJson>(card, 'FactSet')[0]!.facts;
    assert.deepEqual(facts[0], { title: 'Now', value: '23.8 °C at 14:25 (5 min ago)' });
    assert.match(cardText(card), /As of Wed 18 Nov 14:30$/m);
    assert.ok(markdown.includes('As of Wed 18 Nov 14:30\n'), markdown);
    assert.equal(cardText(card).match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.ok(markdown.includes('- Now: 23.8 °C at 14:25 (5 min ago)'));
  });

  it('adds the day to "at" times when the range spans days', () => {
    const { card } = metricsCard(
      metricsView({
        from: at('2026-11-16T00:00'),
        rangeLabel: 'this week',
        sections: [section({ stats: [{ label: 'Max', value: '25.0 °C', at: at('2026-11-17T15:10') }] })],
      }),
    );
    assert.match(cardText(card), /Max: 25\.0 °C at Tue 17 Nov 15:10/);
  });

  it('formats in the space zone: America/New_York', () => {
    const { card, markdown } = metricsCard(metricsView({ timeZone: NEW_YORK }));
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, 'Room 4 · temperature · last 6 h (America/New_York)');
    assert.match(cardText(card), /Wed 18 Nov 02:30 – 08:30/);
    assert.match(cardText(card), /Max: 24\.1 °C at 08:00/);
    assert.ok(markdown.includes('(America/New_York)'));
    assert.ok(!markdown.includes('Europe/Oslo'));
  });

  it('keeps 50 warnings within the card and the markdown limits', () => {
    const warnings = Array.from(
      { length: 50 },
      (_, i) => `Above 24 °C for ${i + 1} h — sensor ${'ø'.repeat(200)}`,
    );
    const { card, markdown } = metricsCard(
      metricsView({ sections: Array.from({ length: 6 }, () => section({ warnings, caveats: warnings })) }),
    );
    assertValidMessage({ card, markdown });
    assert.ok(bytes(markdown) <= MAX_MARKDOWN_BYTES);
    assert.match(markdown, /^\*\*Room 4 · 6 metrics · last 6 h \(Europe\/Oslo\)\*\*/);
    assert.match(cardText(card), /… and 45 more warnings/);

    const one = metricsCard(metricsView({ sections: [section({ warnings })] }));
    assertValidMessage(one);
    assert.match(one.markdown, /… and 40 more warnings/);
    assert.ok(one.markdown.includes('⚠️ Above 24 °C for 1 h'));
  });

  it('says so when there is no data', () => {
    const { card, markdown } = metricsCard(metricsView({ sections: [], chartUrl: undefined }));
    assertValidMessage({ card, markdown });
    assert.match(cardText(card), /No data for this range\./);
    assert.match(markdown, /No data for this range\./);
  });

  it('leaves out the trend when it is unknown and the latest reading when there is none', () => {
    const { card } = metricsCard(
      metricsView({ sections: [section({ trend: 'unknown', latest: undefined })] }),
    );
    const text = cardText(card);
    assert.ok(!text.includes('Trend'));
    assert.ok(!text.includes('Latest'));
  });

  it('leaves out blank verdicts, stats, warnings and caveats', () => {
    const blank = section({
      verdict: { level: 'none', text: ' ' },
      stats: [
        { label: 'Mean', value: '' },
        { label: '', value: '21 °C' },
      ],
      warnings: ['', '\n'],
      caveats: [' '],
    });
    const { card, markdown } = metricsCard(metricsView({ roomName: '', sections: [blank] }));
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, 'temperature · last 6 h (Europe/Oslo)');
    assert.ok(!cardText(card).includes('⚠️'));
    assert.ok(!markdown.includes('⚠️'));
    assert.ok(!markdown.includes('****'));
    assert.ok(markdown.includes('\n- 21 °C\n'));
    assert.ok(!markdown.includes('Mean'));
  });
});
