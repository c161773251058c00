/** The daily report's "Needs attention" section: named with its zone, short, absent when all is fine. */
import assert from 'node:assert/strict';
import { reportCards } from '../../src/cards';
import { assertValidMessage, cardText } from './card-checks';
import { EVIL, EVIL_ESCAPED, reportView } from './fixtures';

const attention = {
  rows: [
    {
      roomName: 'Focus Booth 1',
      lines: [
        {
          text: 'Device offline, last reading in the hour to Tue 1 Dec 11:00 (21 h ago)',
          level: 'quiet' as const,
        },
      ],
    },
    {
      roomName: 'Fjord',
      lines: [
        { text: 'Too warm for 6 h in working hours; worst Tue 1 Dec 11:00–17:00', level: 'problem' as const },
      ],
    },
  ],
  more: 3,
};

describe('cards/report-card needs attention', () => {
  it('comes first on the first card, with the zone its times are in, and counts the rooms it leaves out', () => {
    const [first] = reportCards(reportView({ attention }));
    const card = assertValidMessage(first!);
    for (const text of [cardText(card), first!.markdown]) {
      assert.ok(text.includes('Needs attention (Europe/Oslo)'), text);
      assert.ok(text.includes('Device offline, last reading in the hour to Tue 1 Dec 11:00'));
      assert.ok(text.includes('… and 3 more rooms'));
    }
    assert.ok(first!.markdown.indexOf('Needs attention') < first!.markdown.indexOf('**Fjord**: '));
  });

  it('is left out when all is fine', () => {
    for (const view of [reportView(), reportView({ attention: { rows: [], more: 0 } })]) {
      const [first] = reportCards(view);
      assert.ok(!first!.markdown.includes('Needs attention'));
      assert.ok(!cardText(first!.card).includes('Needs attention'));
    }
  });

  it('escapes room names and lines', () => {
    const [first] = reportCards(
      reportView({
        attention: { rows: [{ roomName: EVIL, lines: [{ text: EVIL, level: 'problem' }] }], more: 0 },
      }),
    );
    assertValidMessage(first!);
    assert.ok(first!.markdown.includes(EVIL_ESCAPED));
    assert.ok(!first!.markdown.includes('**Evil**'));
  });
});
