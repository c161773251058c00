/** The weekly / monthly site report card: what it says, bounded, zone-labelled, valid. */
import assert from 'node:assert/strict';
import { siteReportCard } from '../../src/cards';
import { assertValidMessage, cardText, walk } from './card-checks';
import { NEW_YORK, OSLO } from './fixtures';
import { siteReportView } from './site-report-fixtures';

describe('cards/site-report-card', () => {
  it('shows the week with its zone, the worst rooms, utilisation against the week before and sensor health', () => {
    const message = siteReportCard(siteReportView());
    const card = assertValidMessage(message);
    const text = cardText(card);
    const md = message.markdown;
    for (const shown of [text, md]) {
      assert.ok(shown.includes('Mon 23 Nov 00:00 – Mon 30 Nov 00:00 (Europe/Oslo)'), shown);
      assert.ok(shown.includes('Showing 2 of 11 rooms with problems.'));
      // 420 min used against 660 the week before.
      assert.ok(shown.includes('used 7 h, −4 h on the week before'), shown);
      assert.ok(shown.includes('used 12 h, +4 h on the week before'));
      assert.ok(shown.includes('Used 140 h (−10 h on the week before)'), shown);
      assert.ok(shown.includes('ghost 13 h (5 bookings)'));
      assert.ok(shown.includes('Showing 2 of 24 rooms booked or used'));
      assert.ok(shown.includes('16 rooms were neither booked nor used.'));
      assert.ok(shown.includes('Device offline since Tue 1 Dec 10:20'));
    }
    assert.ok(md.includes('**cancel report r4**'));
    assert.deepEqual(
      card.actions?.map((a) => a.title),
      ['Send now', 'Cancel report'],
    );
  });

  it('reads whole at phone width: text blocks that wrap, no columns to squeeze them', () => {
    const { card } = siteReportCard(siteReportView());
    walk(card, (node, path) => {
      assert.notEqual(node.type, 'ColumnSet', `${path}: a column squeezes text at 390 px`);
      if (node.type === 'TextBlock') assert.equal(node.wrap, true, `${path} wraps`);
    });
  });

  it('says when a section has nothing to show, instead of leaving it out', () => {
    const message = siteReportCard(
      siteReportView({
        worst: { rows: [], withProblems: 0, judged: 12 },
        health: { rows: [], withProblems: 0, checked: 12 },
      }),
    );
    assertValidMessage(message);
    assert.ok(message.markdown.includes('All 12 rooms stayed in their comfort bands in working hours.'));
    assert.ok(message.markdown.includes("All 12 rooms' sensors reported through the period."));
  });

  it('names the zone it is given, and only that one', () => {
    const { markdown } = siteReportCard(siteReportView({ timeZone: NEW_YORK }));
    assert.ok(markdown.includes(`(${NEW_YORK})`));
    assert.ok(!markdown.includes(OSLO));
  });
});
