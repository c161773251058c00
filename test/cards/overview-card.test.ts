import assert from 'node:assert/strict';
import { type ColumnSetJson, overviewCard, type TextBlockJson } from '../../src/cards';
import { assertValidMessage, cardText, walk } from './card-checks';
import { NEW_YORK, overviewView } from './fixtures';

describe('cards: overview', () => {
  it('shows a line per metric with value and coloured verdict, the unsupported metrics and bookings', () => {
    const { card, markdown } = overviewCard(overviewView());
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, 'Boardroom · overview · this week (Europe/Oslo)');
    const text = cardText(card);
    assert.match(text, /Mon 16 Nov 00:00 – Wed 18 Nov 14:30(?! \()/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.match(text, /Temperature\n21\.8 °C\nComfortable/);
    assert.match(text, /TVOC\n720 ppb\nHigh in meetings/);
    assert.match(text, /No humidity sensor in this room/);
    assert.match(text, /Booked: 12 h\nUsed: 7 h 30 min\nBooked, not used: 4 h 30 min/);

    const rows: ColumnSetJson[] = [];
    walk(card, (node) => {
      if (node.type === 'ColumnSet') rows.push(node as unknown as ColumnSetJson);
    });
    const verdictOf = (row: ColumnSetJson) => row.columns[2]?.items[0] as TextBlockJson;
    assert.deepEqual(
      rows.map((row) => verdictOf(row).color),
      ['Good', 'Attention', undefined],
    );

    for (const expected of [
      '**Boardroom · overview · this week (Europe/Oslo)**',
      'Mon 16 Nov 00:00 – Wed 18 Nov 14:30',
      '- Temperature: 21.8 °C · Comfortable',
      '- TVOC: 720 ppb · High in meetings',
      '_No humidity sensor in this room_',
      '**Bookings:** booked 12 h · used 7 h 30 min · booked, not used 4 h 30 min',
    ]) {
      assert.ok(markdown.includes(expected), `markdown has ${expected}\n${markdown}`);
    }
    assert.deepEqual(
      card.actions?.map((a) => a.title),
      ['Follow-up 1', 'Follow-up 2'],
    );
  });

  it('works without bookings, lines or actions, in New York time', () => {
    const { card, markdown } = overviewCard(
      overviewView({ lines: [], unsupported: [], bookedVsUsed: undefined, actions: [], timeZone: NEW_YORK }),
    );
    assertValidMessage({ card, markdown });
    assert.equal(card.actions, undefined);
    assert.match(cardText(card), /No sensor data for this range\./);
    assert.match(markdown, /\(America\/New_York\)/);
    assert.ok(!markdown.includes('Bookings'));
  });

  it('stays within the limits with many lines and notes', () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({
      metricLabel: `metric ${i}`,
      verdict: { level: 'good' as const, text: 'Fine '.repeat(20) },
      value: `${i} units`,
    }));
    const unsupported = Array.from({ length: 100 }, (_, i) => `No sensor ${i} in this room`);
    const message = overviewCard(overviewView({ lines, unsupported }));
    assertValidMessage(message);
    assert.match(message.markdown, /… and \d+ more/);
    assert.match(message.markdown, /\*\*Bookings:\*\*/);
    assert.match(cardText(message.card), /… and 288 more metrics/);
  });
});
