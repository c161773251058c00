import assert from 'node:assert/strict';
import { type ProblemsView, problemsCard } from '../../src/cards/problems-card';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES } from './card-checks';

const NOON = Date.parse('2026-12-02T11:00:00Z');

const view = (over: Partial<ProblemsView> = {}): ProblemsView => ({
  scope: 'Oslo HQ',
  timeZone: 'Europe/Oslo',
  from: Date.parse('2026-12-01T23:00:00Z'),
  to: NOON + 4 * 3_600_000,
  rangeLabel: 'today, since 00:00',
  rows: [
    {
      roomName: 'Fjord',
      lines: [
        {
          now: true,
          text: 'Too warm now: 27.0 °C (peak 27.1 °C, 3.1 °C above the 24.0 °C limit), since 11:25',
        },
        {
          now: false,
          text: 'Noisy for 5 min in working hours; worst 08:40: peak 51 dBA, 1 dBA above the 50 dBA limit',
        },
      ],
    },
  ],
  silent: [{ roomName: 'Focus Booth 1', text: 'No readings since Tue 1 Dec 10:15 — sensor offline?' }],
  fine: ['Mon Space', 'Huddle 3.2'],
  notes: ['Judged in working hours, Mon–Fri 08:00–17:00.'],
  ...over,
});

describe('cards: what needs attention', () => {
  it('names the scope, the window and the zone once; problems by room; silent sensors; the fine rooms counted', () => {
    const { card, markdown } = problemsCard(view());
    assertValidMessage({ card, markdown });
    const text = cardText(card);
    assert.match(
      text,
      /^Needs attention · Oslo HQ · today, since 00:00 \(Europe\/Oslo\)\nWed 2 Dec 00:00 – 16:00/,
    );
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1);
    assert.match(text, /Fjord\n⚠️ Too warm now: 27\.0 °C .+ since 11:25\nNoisy for 5 min/);
    assert.match(text, /⚠️ Focus Booth 1: No readings since Tue 1 Dec 10:15 — sensor offline\?/);
    assert.match(text, /✅ 2 rooms fine: Mon Space, Huddle 3\.2/);
    assert.ok(markdown.includes('**Fjord**: Too warm now: 27.0 °C'), markdown);
    assert.equal(markdown.match(/Europe\/Oslo/g)?.length, 1);
  });

  it('says so when nothing is wrong, and when there was nothing to judge', () => {
    assert.match(
      cardText(problemsCard(view({ rows: [], silent: [] })).card),
      /✅ No room outside its comfort band\./,
    );
    const none = problemsCard(view({ rows: [], silent: [], fine: [] }));
    assert.match(cardText(none.card), /No readings to judge for these rooms in this window\./);
  });

  it('stays within Webex limits with 2,000 rooms with problems', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      roomName: `Room ${i}`,
      lines: [{ now: true, text: 'Too dry now: 24 % (low 23 %, 2 % below the 25 % limit), since 13:15' }],
    }));
    const { card, markdown } = problemsCard(
      view({ rows, fine: Array.from({ length: 50 }, (_, i) => `Ok ${i}`) }),
    );
    assertValidMessage({ card, markdown });
    assert.match(cardText(card), /… and 1980 more rooms with problems/);
    assert.match(cardText(card), /✅ 50 rooms fine: Ok 0, .+ … and 42 more/);
    assert.ok(bytes(markdown) <= MAX_MARKDOWN_BYTES);
  });
});
