import assert from 'node:assert/strict';
import {
  type AlertRoomStateView,
  type AlertRuleRowView,
  alertRulesCard,
  automationConfirmCard,
  type CardMessage,
  type ReportRowView,
  reportsCard,
  type TextBlockJson,
} from '../../src/cards';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES, markdownFields, walk } from './card-checks';
import { alertRuleListView, at, confirmView, NEW_YORK, reportListView } from './fixtures';

function buttonData({ card }: CardMessage): [string, unknown][] {
  return (card.actions ?? []).map((a) => [a.title, a.type === 'Action.Submit' ? a.data : undefined]);
}

function textBlocks({ card }: CardMessage): TextBlockJson[] {
  const found: TextBlockJson[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock') found.push(node as unknown as TextBlockJson);
  });
  return found;
}

function rules(n: number): AlertRuleRowView[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i + 1}`,
    text: `TVOC above ${500 + i} ppb in Fjord, held 10 min`,
    status: 'normal',
    muted: false,
  }));
}

function reports(n: number): ReportRowView[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i + 1}`,
    days: 'daily',
    time: '08:00',
    rooms: [`Room ${i + 1}`],
  }));
}

describe('cards: alert rules list', () => {
  it('lists each rule with its state room by room (the zone named once) and a Delete button', () => {
    const message = alertRulesCard(alertRuleListView());
    const card = assertValidMessage(message);
    assert.equal((card.body[0] as TextBlockJson).text, '2 alert rules');
    const text = cardText(card);
    assert.match(text, /^2 alert rules\nAs of 12:00 \(Europe\/Oslo\)\n/);
    assert.match(text, /\*\*a3\*\* · TVOC above 500 ppb in Fjord, held 10 min\nFjord: firing since 09:40\n/);
    assert.match(text, /\*\*a4\*\* · Temperature below 18 °C in Room 4, held 15 min\nnormal · muted/);
    assert.equal(text.split('Europe/Oslo').length, 2, 'the zone is named once');
    const firing = textBlocks(message).find((b) => b.text.startsWith('Fjord: firing'));
    assert.equal(firing?.color, 'Attention');
    assert.deepEqual(buttonData(message), [
      ['Delete a3', { kind: 'alert', op: 'delete', ruleId: 'a3' }],
      ['Delete a4', { kind: 'alert', op: 'delete', ruleId: 'a4' }],
    ]);
    assert.equal(
      message.markdown,
      [
        '**2 alert rules**',
        'As of 12:00 (Europe/Oslo)',
        '- **a3** · TVOC above 500 ppb in Fjord, held 10 min · Fjord: firing since 09:40',
        '- **a4** · Temperature below 18 °C in Room 4, held 15 min · normal · muted',
        '',
        'To delete one, say **delete alert a3**.',
      ].join('\n'),
    );
  });

  it('says who acknowledged and when, snoozed until when, false alarms and muting, room by room', () => {
    const rooms: AlertRoomStateView[] = [
      {
        room: 'Fjord',
        status: 'firing',
        since: at('2026-11-18T09:40'),
        acknowledgedBy: 'Ingrid Berg',
        acknowledgedAt: at('2026-11-18T09:52'),
      },
      {
        room: 'Room 4',
        status: 'firing',
        since: at('2026-11-18T10:00'),
        snoozedUntil: at('2026-11-18T13:40'),
      },
      {
        room: 'Room 40',
        status: 'firing',
        since: at('2026-11-18T10:05'),
        snoozedUntil: at('2026-11-18T11:00'),
      },
      {
        room: 'Boardroom',
        status: 'firing',
        since: at('2026-11-17T22:10'),
        falseAlarm: true,
        acknowledgedBy: 'Kari Hansen',
        acknowledgedAt: at('2026-11-18T10:05'),
      },
      { room: 'Lab 2.1', status: 'pending', since: at('2026-11-18T11:55') },
      { room: 'Huddle 3.2', status: 'pending' },
      { room: 'Ulriken', status: 'pending' },
    ];
    const message = alertRulesCard(
      alertRuleListView({
        rows: [{ id: 'a5', text: 'TVOC above 500 ppb in all rooms', status: 'firing', rooms, muted: true }],
      }),
    );
    const card = assertValidMessage(message);
    const lines = cardText(card).split('\n');
    assert.deepEqual(lines.slice(2, 10), [
      '**a5** · TVOC above 500 ppb in all rooms',
      'Fjord: firing since 09:40 · acknowledged by Ingrid Berg at 09:52',
      'Room 4: firing since 10:00 · snoozed until 13:40',
      'Room 40: firing since 10:05',
      'Boardroom: firing since Tue 17 Nov 22:10 · marked a false alarm by Kari Hansen at 10:05',
      'Lab 2.1: pending since 11:55',
      '… and 2 more rooms',
      'muted: it posts nothing',
    ]);
    const color = (start: string) => textBlocks(message).find((b) => b.text.startsWith(start))?.color;
    assert.equal(color('Fjord'), 'Warning', 'acknowledged: no longer the attention colour');
    assert.equal(color('Room 4'), 'Warning', 'snoozed');
    assert.equal(color('Room 40'), 'Attention', 'its snooze is over');
    assert.equal(color('Boardroom'), 'Warning', 'a false alarm');
    assert.match(
      message.markdown,
      /- \*\*a5\*\* · TVOC above 500 ppb in all rooms · Fjord: firing since 09:40 · acknowledged by Ingrid Berg at 09:52; Room 4: firing since 10:00 · snoozed until 13:40; /,
    );
    assert.equal(message.markdown.split('Europe/Oslo').length, 2, 'the zone is named once');
  });

  it("names the day when a rule fired on another day, in the space's zone", () => {
    const message = alertRulesCard(
      alertRuleListView({
        timeZone: NEW_YORK,
        rows: [
          {
            id: 'a9',
            text: 'humidity outside 30–60% in all rooms',
            status: 'pending',
            rooms: [
              { room: 'Fjord', status: 'pending', since: at('2026-11-17T09:40') },
              { room: 'Room 4', status: 'pending', since: at('2026-11-18T09:40') },
            ],
            muted: false,
          },
        ],
      }),
    );
    assertValidMessage(message);
    assert.match(message.markdown, /As of 06:00 \(America\/New_York\)/);
    assert.match(message.markdown, /Fjord: pending since Tue 17 Nov 03:40; Room 4: pending since 03:40/);
    assert.equal(textBlocks(message).find((b) => b.text.startsWith('Fjord: pending'))?.color, 'Warning');
  });

  it('keeps to five buttons and tells how to delete the rest in words', () => {
    const message = alertRulesCard(alertRuleListView({ rows: rules(8) }));
    const card = assertValidMessage(message);
    assert.deepEqual(
      buttonData(message).map(([title]) => title),
      ['Delete a1', 'Delete a2', 'Delete a3', 'Delete a4', 'Delete a5'],
    );
    assert.match(cardText(card), /To delete another, say \*\*delete alert a6\*\*\./);
    assert.equal(message.markdown.split('\n').filter((l) => l.startsWith('- ')).length, 8);
  });

  it('fits 300 rules within the limits', () => {
    const message = alertRulesCard(alertRuleListView({ rows: rules(300) }));
    const card = assertValidMessage(message);
    assert.ok(bytes(message.markdown) <= MAX_MARKDOWN_BYTES);
    const more = /… and (\d+) more/.exec(message.markdown);
    assert.ok(more);
    const listed = message.markdown.split('\n').filter((l) => l.startsWith('- ')).length;
    assert.equal(listed + Number(more[1]), 300);
    assert.match(cardText(card), /… and 275 more/);
    assert.ok(message.markdown.endsWith('To delete one, say **delete alert a1**.'));
  });

  it('says how to create one when there are none', () => {
    const message = alertRulesCard(alertRuleListView({ rows: [] }));
    const card = assertValidMessage(message);
    assert.equal(card.actions, undefined);
    assert.equal(
      message.markdown,
      '**0 alert rules**\nNo alert rules yet.\nTo set one, say **alert me when tvoc in Fjord goes above 500**.',
    );
    assert.match(cardText(card), /alert me when tvoc in Fjord goes above 500/);
  });

  it('escapes hostile rule texts', () => {
    for (const [hostile, escaped] of [
      ['**x**', '\\*\\*x\\*\\*'],
      ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ] as const) {
      const message = alertRulesCard(
        alertRuleListView({
          rows: [{ id: 'a1', text: `TVOC above 500 in ${hostile}`, status: 'normal', muted: false }],
        }),
      );
      const card = assertValidMessage(message);
      assert.ok(message.markdown.includes(`TVOC above 500 in ${escaped}`));
      for (const field of [...markdownFields(card), message.markdown]) assert.ok(!field.includes(hostile));
    }
  });
});

describe('cards: reports list', () => {
  it('lists each report with days, time, rooms and the next run (the zone named once), and a Cancel button', () => {
    const message = reportsCard(reportListView());
    const card = assertValidMessage(message);
    assert.equal((card.body[0] as TextBlockJson).text, '2 reports');
    const text = cardText(card);
    assert.match(text, /^2 reports\nLocal times \(Europe\/Oslo\)\n/);
    assert.match(text, /\*\*r2\*\* · Daily at 08:00 for Room 4 and Boardroom\nnext Thu 19 Nov 08:00/);
    assert.match(text, /\*\*r3\*\* · Weekdays at 07:30 for all rooms/);
    assert.equal(text.split('Europe/Oslo').length, 2, 'the zone is named once');
    assert.deepEqual(buttonData(message), [
      ['Cancel r2', { kind: 'report', op: 'cancel', reportId: 'r2' }],
      ['Cancel r3', { kind: 'report', op: 'cancel', reportId: 'r3' }],
    ]);
    assert.ok(message.markdown.endsWith('\n\nTo cancel one, say **cancel report r2**.'));
  });

  it('keeps to five buttons, names many rooms briefly, and escapes room names', () => {
    const message = reportsCard(reportListView({ rows: reports(7) }));
    const card = assertValidMessage(message);
    assert.equal(card.actions?.length, 5);
    assert.match(cardText(card), /To cancel another, say \*\*cancel report r6\*\*\./);

    const rooms = ['**x**', '<script>alert(1)</script>', 'A', 'B', 'C', 'D', 'E'];
    const hostile = reportsCard(
      reportListView({ rows: [{ id: 'r1', days: 'daily', time: '08:00', rooms }] }),
    );
    const hostileCard = assertValidMessage(hostile);
    assert.ok(
      hostile.markdown.includes('for \\*\\*x\\*\\*, \\<script\\>alert(1)\\</script\\>, A, B, C … and 2 more'),
      hostile.markdown,
    );
    for (const field of [...markdownFields(hostileCard), hostile.markdown]) {
      assert.ok(!field.includes('**x**') && !field.includes('<script>'));
    }
  });

  it('says how to schedule one when there are none', () => {
    const message = reportsCard(reportListView({ rows: [] }));
    assertValidMessage(message);
    assert.equal(
      message.markdown,
      '**0 reports**\nNo reports scheduled yet.\nTo schedule one, say **daily report for Room 4 at 8**.',
    );
  });
});

describe('cards: automation confirmation', () => {
  it('shows the title, the lines, the next run with its zone, and the buttons', () => {
    const message = automationConfirmCard(confirmView());
    const card = assertValidMessage(message);
    assert.equal(
      message.markdown,
      [
        '**Report r2 scheduled**',
        'Daily at 08:00 for Room 4 and Boardroom',
        'Next report: Thu 19 Nov 08:00 (Europe/Oslo)',
      ].join('\n'),
    );
    assert.match(cardText(card), /Next report: Thu 19 Nov 08:00 \(Europe\/Oslo\)/);
    assert.deepEqual(buttonData(message), [
      ['Cancel report', { kind: 'report', op: 'cancel', reportId: 'r2' }],
    ]);

    const ny = automationConfirmCard(confirmView({ timeZone: NEW_YORK }));
    assert.match(ny.markdown, /Next report: Thu 19 Nov 02:00 \(America\/New_York\)/);
  });

  it('works without a next run or buttons ("Deleted") and escapes the lines', () => {
    const message = automationConfirmCard({
      title: 'Deleted',
      lines: ['Alert a3 (TVOC above 500 ppb in **x** <script>)'],
      actions: [],
    });
    const card = assertValidMessage(message);
    assert.equal(card.actions, undefined);
    assert.equal(
      message.markdown,
      '**Deleted**\nAlert a3 (TVOC above 500 ppb in \\*\\*x\\*\\* \\<script\\>)',
    );
  });
});
