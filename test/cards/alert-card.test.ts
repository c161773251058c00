import assert from 'node:assert/strict';
import {
  type AdaptiveCardJson,
  alertCard,
  type CardActionJson,
  type ImageJson,
  type TextBlockJson,
} from '../../src/cards';
import { assertValidMessage, cardText, markdownFields, walk } from './card-checks';
import { alertView, at, NEW_YORK } from './fixtures';

function images(card: AdaptiveCardJson): ImageJson[] {
  const found: ImageJson[] = [];
  walk(card, (node) => {
    if (node.type === 'Image') found.push(node as unknown as ImageJson);
  });
  return found;
}

/** Every button as [title, data], the ShowCard's buttons nested under its title. */
function buttons(actions: readonly CardActionJson[] | undefined): unknown[] {
  return (actions ?? []).map((action) => {
    if (action.type === 'Action.Submit') return [action.title, action.data];
    if (action.type === 'Action.ShowCard') return [action.title, buttons(action.card.actions)];
    return [action.title, action.url];
  });
}

const HOSTILE = ['**x**', '<script>alert(1)</script>'];
const HOSTILE_ESCAPED = ['\\*\\*x\\*\\*', '\\<script\\>alert(1)\\</script\\>'];

describe('cards: alert', () => {
  it('says what fired, where, the value and since when (with the zone), with the chart', () => {
    const message = alertCard(alertView());
    const card = assertValidMessage(message);
    const title = card.body[0] as TextBlockJson;
    assert.equal(title.text, '⚠️ TVOC in Fjord is 720 ppb');
    assert.equal(title.color, 'Attention');
    const text = cardText(card);
    assert.match(text, /^Above 500 ppb since 09:40 \(Europe\/Oslo\)$/m);
    assert.match(text, /^Alert a3: TVOC above 500 ppb$/m);
    assert.deepEqual(
      images(card).map((i) => [i.url, i.altText]),
      [['https://charts.example.com/c/alert.png', 'TVOC in Fjord']],
    );

    assert.equal(
      message.markdown,
      [
        '**⚠️ TVOC in Fjord is 720 ppb**',
        'Above 500 ppb since 09:40 (Europe/Oslo)',
        '_Alert a3: TVOC above 500 ppb_',
        '[Chart](https://charts.example.com/c/alert.png)',
        '',
        'To stop alerts from this rule, say **delete alert a3**.',
      ].join('\n'),
    );
  });

  it('names the day of a "since" on another day than the reading, and says when it may have started earlier', () => {
    const days = alertView({ since: at('2026-11-16T20:15'), at: at('2026-11-18T09:50') });
    assert.match(alertCard(days).markdown, /^Above 500 ppb since Mon 16 Nov 20:15 \(Europe\/Oslo\)$/m);
    const bounded = alertCard(
      alertView({
        since: at('2026-11-11T09:00'),
        at: at('2026-11-18T09:50'),
        sinceAtLeast: true,
        lookBackDays: 7,
      }),
    );
    assertValidMessage(bounded);
    assert.match(bounded.markdown, /^Above 500 ppb since Wed 11 Nov 09:00 or earlier \(Europe\/Oslo\)$/m);
    assert.match(cardText(bounded.card), /^It may have started earlier: I look back at most 7 days\.$/m);
  });

  it('offers Acknowledge, the three snoozes in one ShowCard, Mute rule and False alarm: 4 actions', () => {
    const { card } = alertCard(alertView());
    assert.equal(card.actions?.length, 4);
    const base = { kind: 'alert', ruleId: 'a3', workspaceId: 'ws-fjord' };
    assert.deepEqual(buttons(card.actions), [
      ['Acknowledge', { ...base, op: 'ack' }],
      [
        'Snooze…',
        [
          ['Snooze 1 h', { ...base, op: 'snooze', hours: 1 }],
          ['Snooze 4 h', { ...base, op: 'snooze', hours: 4 }],
          ['Snooze 24 h', { ...base, op: 'snooze', hours: 24 }],
        ],
      ],
      ['Mute rule', { ...base, op: 'mute' }],
      ['False alarm', { ...base, op: 'false-alarm' }],
    ]);
    const showCard = card.actions?.[1];
    assert.ok(showCard?.type === 'Action.ShowCard');
    assert.equal(showCard.card.version, '1.3');
  });

  it('labels times in the space zone, with the day when the episode began on another day', () => {
    const ny = alertCard(alertView({ timeZone: NEW_YORK }));
    assertValidMessage(ny);
    assert.match(cardText(ny.card), /Above 500 ppb since 03:40 \(America\/New_York\)/);
    assert.ok(ny.markdown.includes('since 03:40 (America/New_York)'));
    assert.ok(!ny.markdown.includes('Europe/Oslo'));

    const overnight = alertCard(
      alertView({ since: at('2026-11-17T22:10'), firedAt: at('2026-11-18T07:00') }),
    );
    assert.match(cardText(overnight.card), /since Tue 17 Nov 22:10 \(Europe\/Oslo\)/);
  });

  it('a reminder says so, and who acknowledged or until when it is snoozed; no Acknowledge then', () => {
    const message = alertCard(
      alertView({ kind: 'renotify', acknowledgedBy: 'Kari', snoozedUntil: at('2026-11-18T13:50') }),
    );
    const card = assertValidMessage(message);
    assert.equal((card.body[0] as TextBlockJson).text, '⚠️ Reminder: TVOC in Fjord is 720 ppb');
    const text = cardText(card);
    assert.match(text, /Acknowledged by Kari/);
    assert.match(text, /Snoozed until 13:50 \(Europe\/Oslo\)/);
    assert.deepEqual(
      card.actions?.map((a) => a.title),
      ['Snooze…', 'Mute rule', 'False alarm'],
    );
    assert.ok(message.markdown.includes('Acknowledged by Kari\nSnoozed until 13:50 (Europe/Oslo)'));
  });

  it('the resolve card says it is back to normal, for how long it was not, and has no buttons', () => {
    const message = alertCard(
      alertView({
        kind: 'resolve',
        value: '430 ppb',
        resolvedAt: at('2026-11-18T10:50'),
        chartUrl: undefined,
      }),
    );
    const card = assertValidMessage(message);
    assert.equal(card.actions, undefined);
    const title = card.body[0] as TextBlockJson;
    assert.equal(title.text, 'Back to normal: TVOC in Fjord is 430 ppb');
    assert.equal(title.color, 'Good');
    assert.match(cardText(card), /Was above 500 ppb from 09:40 to 10:50 \(Europe\/Oslo\), for 1 h 10 min/);
    assert.equal(
      message.markdown,
      [
        '**Back to normal: TVOC in Fjord is 430 ppb**',
        'Was above 500 ppb from 09:40 to 10:50 (Europe/Oslo), for 1 h 10 min',
        '_Alert a3: TVOC above 500 ppb_',
      ].join('\n'),
    );

    const overnight = alertCard(
      alertView({ kind: 'resolve', since: at('2026-11-17T22:10'), resolvedAt: at('2026-11-18T07:00') }),
    );
    assert.match(
      overnight.markdown,
      /Was above 500 ppb from Tue 17 Nov 22:10 to Wed 18 Nov 07:00 \(Europe\/Oslo\), for 8 h 50 min/,
    );
    const unknownEnd = alertCard(alertView({ kind: 'resolve', firedAt: undefined }));
    assert.match(unknownEnd.markdown, /Was above 500 ppb since 09:40 \(Europe\/Oslo\)$/m);
  });

  it('escapes hostile room names, rule texts and names on the card and in the markdown', () => {
    HOSTILE.forEach((hostile, i) => {
      const escaped = HOSTILE_ESCAPED[i]!;
      for (const kind of ['fire', 'renotify', 'resolve'] as const) {
        const message = alertCard(
          alertView({ kind, roomName: hostile, ruleText: hostile, acknowledgedBy: hostile, value: hostile }),
        );
        const card = assertValidMessage(message);
        assert.ok(message.markdown.includes(`in ${escaped} is ${escaped}`), message.markdown);
        assert.ok(message.markdown.includes(`Alert a3: ${escaped}`));
        for (const field of [...markdownFields(card), message.markdown])
          assert.ok(!field.includes(hostile), `raw ${hostile} in ${field}`);
      }
    });
    // Button data carries the ids as given (the bot validates them), never display text.
    const { card } = alertCard(alertView({ roomName: '**x**' }));
    const ack = card.actions?.[0];
    assert.ok(ack?.type === 'Action.Submit');
    assert.deepEqual(ack.data, { kind: 'alert', op: 'ack', ruleId: 'a3', workspaceId: 'ws-fjord' });
  });

  it('shows the chart only for a usable https URL', () => {
    for (const chartUrl of [undefined, '', 'http://charts.example.com/x.png', 'data:image/png;base64,AAAA']) {
      const message = alertCard(alertView({ chartUrl }));
      assertValidMessage(message);
      assert.deepEqual(images(message.card), []);
      assert.ok(!message.markdown.includes('[Chart]'));
    }
  });
});
