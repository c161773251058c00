/** What every card promises: valid Webex cards, escaped untrusted text, zones on times, purity. */
import assert from 'node:assert/strict';
import {
  alertCard,
  alertForm,
  alertRulesCard,
  automationConfirmCard,
  type CardMessage,
  clarifyCard,
  compareCard,
  confirmCard,
  errorCard,
  helpCard,
  metricsCard,
  overviewCard,
  rankCard,
  reportCards,
  reportForm,
  reportsCard,
  roomsCard,
  siteReportCard,
} from '../../src/cards';
import { alertFormView, FORM_ROOMS } from './automation-form-fixtures';
import { assertValidMessage, cardText, deepFreeze, markdownFields, walk } from './card-checks';
import {
  alertRuleListView,
  alertView,
  askView,
  clarifyView,
  compareView,
  confirmView,
  EVIL,
  EVIL_ESCAPED,
  errorView,
  helpView,
  manyReportRooms,
  metricsView,
  NEW_YORK,
  OSLO,
  overviewView,
  rankView,
  reportListView,
  reportRoom,
  reportView,
  roomsView,
  section,
} from './fixtures';
import { siteReportView } from './site-report-fixtures';

/** Every card, built from the given zone. */
function allCards(zone: string): [string, () => CardMessage][] {
  return [
    ['metrics', () => metricsCard(metricsView({ timeZone: zone }))],
    ['current', () => metricsCard(metricsView({ timeZone: zone, current: true, rangeLabel: 'now' }))],
    ['overview', () => overviewCard(overviewView({ timeZone: zone }))],
    ['compare', () => compareCard(compareView({ timeZone: zone }))],
    ['rank', () => rankCard(rankView({ timeZone: zone }))],
    ['rooms', () => roomsCard(roomsView())],
    ['help', () => helpCard(helpView(8))],
    ['clarify', () => clarifyCard(clarifyView(8))],
    ['error', () => errorCard(errorView())],
    ['busy', () => errorCard(errorView({ retrying: true }))],
    ['alert', () => alertCard(alertView({ timeZone: zone }))],
    [
      'alert (reminder)',
      () =>
        alertCard(
          alertView({
            timeZone: zone,
            kind: 'renotify',
            acknowledgedBy: 'Kari',
            snoozedUntil: alertView().since + 4 * 3_600_000,
          }),
        ),
    ],
    [
      'alert (resolved)',
      () =>
        alertCard(
          alertView({ timeZone: zone, kind: 'resolve', resolvedAt: alertView().since + 70 * 60_000 }),
        ),
    ],
    [
      'report',
      () =>
        reportCards(reportView({ timeZone: zone, late: { minutes: 20 }, skipped: [alertView().since] }))[0]!,
    ],
    [
      'weekly site report',
      () =>
        siteReportCard(
          siteReportView({ timeZone: zone, late: { minutes: 20 }, skipped: [alertView().since] }),
        ),
    ],
    [
      'report (last part)',
      () => reportCards(reportView({ timeZone: zone, rooms: manyReportRooms(60) })).at(-1)!,
    ],
    [
      'alert (unusual for the room, band widened)',
      () =>
        alertCard(
          alertView({
            timeZone: zone,
            ruleText: 'Temperature unusual for the room',
            threshold: 'unusual for the room',
            statement: 'Fjord is 3.1 °C warmer than a usual Tuesday afternoon here (usual 21.2 °C)',
            ruleNotes: ['band widened ×1.5 after 1 false alarm'],
          }),
        ),
    ],
    [
      'alert (sensor quiet)',
      () =>
        alertCard(
          alertView({
            timeZone: zone,
            ruleText: 'sensor quiet for 2 h',
            threshold: 'quiet (no reading for 2 h)',
            value: '',
            statement:
              'No reading from Focus Booth 1 since Tue 1 Dec 10:20 (Europe/Oslo): quiet for 3 days 4 h',
          }),
        ),
    ],
    [
      'alert rules (unusual and quiet)',
      () =>
        alertRulesCard(
          alertRuleListView({
            timeZone: zone,
            rows: [
              {
                id: 'a1',
                text: 'Temperature unusual for the room in Fjord, for 10 min (band widened ×1.5 after 1 false alarm)',
                status: 'firing',
                muted: false,
              },
              {
                id: 'a2',
                text: 'Sensor in Focus Booth 1 goes quiet: no reading for 2 h',
                status: 'normal',
                muted: false,
              },
            ],
          }),
        ),
    ],
    ['alert rules', () => alertRulesCard(alertRuleListView({ timeZone: zone }))],
    ['alert rules (none)', () => alertRulesCard(alertRuleListView({ timeZone: zone, rows: [] }))],
    ['reports', () => reportsCard(reportListView({ timeZone: zone }))],
    ['reports (none)', () => reportsCard(reportListView({ timeZone: zone, rows: [] }))],
    [
      'alert rules with the New alert form',
      () => alertRulesCard(alertRuleListView({ timeZone: zone, form: alertForm(alertFormView()) })),
    ],
    [
      'reports with the New report form',
      () =>
        reportsCard(
          reportListView({ timeZone: zone, form: reportForm({ rooms: FORM_ROOMS, timeZone: zone }) }),
        ),
    ],
    ['alert form', () => ({ card: alertForm(alertFormView()), markdown: 'Fill in the form.' })],
    [
      'report form',
      () => ({ card: reportForm({ rooms: FORM_ROOMS, timeZone: zone }), markdown: 'Fill in the form.' }),
    ],
    ['automation confirmation', () => automationConfirmCard(confirmView({ timeZone: zone }))],
    ['confirm a destructive action', () => confirmCard(askView())],
  ];
}

/** Every card with EVIL in each piece of untrusted text it shows. */
const evilCards: [string, () => CardMessage][] = [
  ['metrics', () => metricsCard(metricsView({ roomName: EVIL }))],
  ['metrics (several)', () => metricsCard(metricsView({ roomName: EVIL, sections: [section(), section()] }))],
  ['overview', () => overviewCard(overviewView({ roomName: EVIL }))],
  [
    'compare',
    () =>
      compareCard(
        compareView({
          rows: [
            { roomName: EVIL, mean: '1 °C', max: '2 °C', verdict: { level: 'good', text: 'Fine' } },
            { roomName: 'Room 4', mean: '1 °C', max: '2 °C', verdict: { level: 'good', text: 'Fine' } },
            { roomName: 'Room 5', mean: '1 °C', max: '2 °C', verdict: { level: 'good', text: 'Fine' } },
          ],
        }),
      ),
  ],
  [
    'compare (title)',
    () =>
      compareCard(
        compareView({ rows: [compareView().rows[0]!, { ...compareView().rows[1]!, roomName: EVIL }] }),
      ),
  ],
  ['rank', () => rankCard(rankView({ rows: [{ position: 1, roomName: EVIL, value: '24 °C' }] }))],
  ['rank (no data)', () => rankCard(rankView({ noData: [EVIL] }))],
  [
    'rooms',
    () =>
      roomsCard({
        groups: [{ location: EVIL, floors: [{ floor: EVIL, rooms: [{ name: EVIL, sensors: [EVIL] }] }] }],
        total: 1,
        actions: [],
      }),
  ],
  [
    'help',
    () =>
      helpCard({ examples: [...helpView(5).examples, { title: EVIL, data: { kind: 'ask', text: EVIL } }] }),
  ],
  ['clarify (question)', () => clarifyCard(clarifyView(2, { question: `Did you mean ${EVIL}?` }))],
  [
    'clarify (options)',
    () =>
      clarifyCard({
        question: 'Which one?',
        options: [...clarifyView(5).options, { title: EVIL, data: { kind: 'ask', text: EVIL } }],
      }),
  ],
  ['error', () => errorCard({ message: `No room ${EVIL}`, trackingId: EVIL })],
  ['alert', () => alertCard(alertView({ roomName: EVIL }))],
  ['alert (rule)', () => alertCard(alertView({ ruleText: EVIL, acknowledgedBy: EVIL }))],
  ['alert (resolved)', () => alertCard(alertView({ kind: 'resolve', roomName: EVIL }))],
  ['alert (statement)', () => alertCard(alertView({ statement: EVIL, ruleNotes: [EVIL] }))],
  ['report', () => reportCards(reportView({ rooms: [reportRoom(EVIL)] }))[0]!],
  [
    'weekly site report',
    () =>
      siteReportCard(
        siteReportView({
          title: `Weekly report · ${EVIL}`,
          worst: { rows: [{ roomName: EVIL, lines: [EVIL] }], withProblems: 1, judged: 1 },
        }),
      ),
  ],
  [
    'alert rules',
    () =>
      alertRulesCard(alertRuleListView({ rows: [{ id: 'a1', text: EVIL, status: 'normal', muted: false }] })),
  ],
  [
    'reports',
    () => reportsCard(reportListView({ rows: [{ id: 'r1', days: 'daily', time: '08:00', rooms: [EVIL] }] })),
  ],
  [
    'automation confirmation',
    () => automationConfirmCard(confirmView({ lines: [`Deleted alert on ${EVIL}`] })),
  ],
  ['confirm a destructive action', () => confirmCard(askView({ items: [`a2 · TVOC above 500 in ${EVIL}`] }))],
  ['confirm a destructive action (question)', () => confirmCard(askView({ question: `Delete ${EVIL}?` }))],
];

describe('cards: every card', () => {
  for (const zone of [OSLO, NEW_YORK]) {
    for (const [name, build] of allCards(zone)) {
      it(`${name} (${zone}) is a valid Webex card with a fallback within 7439 bytes`, () => {
        const message = build();
        assertValidMessage(message);
        // Terse voice: no exclamation marks; the only emoji is ⚠️.
        const text = `${cardText(message.card)}\n${message.markdown}`;
        assert.ok(!text.includes('!'), 'no exclamation marks');
        const emoji = text.match(/\p{Extended_Pictographic}/gu) ?? [];
        assert.ok(
          emoji.every((e) => e === '⚠'),
          `only ⚠️: ${emoji.join(' ')}`,
        );
      });
    }
  }

  it('opens every chart full size on tap: Image.selectAction to the same URL (checked with Adaptive Cards 1.3)', () => {
    let charts = 0;
    for (const [name, build] of allCards(OSLO)) {
      const message = build();
      assertValidMessage(message);
      walk(message.card, (node, path) => {
        if (node.type !== 'Image') return;
        charts++;
        assert.deepEqual(node.selectAction, { type: 'Action.OpenUrl', url: node.url }, `${name} ${path}`);
      });
    }
    assert.ok(charts >= 4, `charts seen: ${charts}`);
  });

  for (const zone of [OSLO, NEW_YORK]) {
    for (const [name, build] of allCards(zone).slice(0, 5)) {
      it(`${name} labels its times with ${zone} on the card and in the markdown`, () => {
        const { card, markdown } = build();
        const other = zone === OSLO ? NEW_YORK : OSLO;
        assert.ok(cardText(card).includes(`(${zone})`));
        assert.ok(markdown.includes(`(${zone})`));
        assert.ok(!cardText(card).includes(other) && !markdown.includes(other));
      });
    }
  }

  for (const [name, build] of evilCards) {
    it(`${name} escapes untrusted text in the markdown and in the card`, () => {
      const message = build();
      assertValidMessage(message);
      const { card, markdown } = message;
      assert.ok(markdown.includes(EVIL_ESCAPED), markdown);
      for (const raw of ['**Evil**', '<b>', '[x]('])
        assert.ok(!markdown.includes(raw), `markdown has raw ${raw}`);
      const fields = markdownFields(card);
      const shown = fields.some((field) => field.includes(EVIL_ESCAPED));
      const onButton = card.actions?.some((a) => a.title === EVIL) ?? false;
      assert.ok(shown || onButton, 'the name is on the card');
      for (const field of fields) {
        for (const raw of ['**Evil**', '<b>', '[x]('])
          assert.ok(!field.includes(raw), `card field has raw ${raw}: ${field}`);
      }
    });
  }

  it('does not change its view model and answers the same twice', () => {
    const views = [
      () => metricsCard(deepFreeze(metricsView())),
      () => overviewCard(deepFreeze(overviewView())),
      () => compareCard(deepFreeze(compareView())),
      () => rankCard(deepFreeze(rankView())),
      () => roomsCard(deepFreeze(roomsView())),
      () => helpCard(deepFreeze(helpView(7))),
      () => clarifyCard(deepFreeze(clarifyView(7))),
      () => errorCard(deepFreeze(errorView())),
      () => alertCard(deepFreeze(alertView())),
      () => reportCards(deepFreeze(reportView({ rooms: manyReportRooms(30) }))),
      () => alertRulesCard(deepFreeze(alertRuleListView())),
      () => reportsCard(deepFreeze(reportListView())),
      () => automationConfirmCard(deepFreeze(confirmView())),
      () => confirmCard(deepFreeze(askView())),
    ];
    for (const build of views) assert.deepEqual(build(), build());
  });

  it('copies button data, so changing the card leaves the view model alone', () => {
    const view = metricsView();
    const { card } = metricsCard(view);
    const action = card.actions?.[0];
    assert.ok(action?.type === 'Action.Submit');
    (action.data as { kind: string }).kind = 'changed';
    assert.equal(view.actions[0]?.data.kind, 'followup');
  });
});
