import assert from 'node:assert/strict';
import {
  type AdaptiveCardJson,
  type ImageJson,
  MARKDOWN_MAX_BYTES,
  ROOMS_PER_CARD,
  reportCards,
  type TextBlockJson,
} from '../../src/cards';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES, markdownFields, walk } from './card-checks';
import { at, manyReportRooms, NEW_YORK, reportRoom, reportView } from './fixtures';

function images(card: AdaptiveCardJson): ImageJson[] {
  const found: ImageJson[] = [];
  walk(card, (node) => {
    if (node.type === 'Image') found.push(node as unknown as ImageJson);
  });
  return found;
}

/** Room names in the markdown, in order ("**Fjord**: …" lines). */
function markdownRooms(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^\*\*(.+?)\*\*(?::|$)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && !/^Daily room report/.test(name));
}

describe('cards: report', () => {
  it('shows the period with its zone, each room worst first with metrics, use and verdicts', () => {
    const messages = reportCards(reportView());
    assert.equal(messages.length, 1);
    const message = messages[0]!;
    const card = assertValidMessage(message);
    assert.equal((card.body[0] as TextBlockJson).text, 'Daily room report');
    const text = cardText(card);
    assert.match(text, /Tue 17 Nov 08:00 – Wed 18 Nov 08:00 \(Europe\/Oslo\)/);
    assert.match(
      text,
      /Fjord\nHigh TVOC in meetings\n\*\*TVOC\*\*: mean 420 ppb, min 180 ppb, max 910 ppb · 62% in band\nHigh/,
    );
    assert.match(
      text,
      /\*\*Temperature\*\*: mean 22\.4 °C, min 20\.1 °C, max 24\.3 °C · 95% in band\nComfortable/,
    );
    assert.match(text, /Peak 9 people of 8 seats · booked 6 h, used 4 h 30 min/);
    assert.match(text, /Room 4\nComfortable all day/);
    assert.match(text, /Lab 2\.1\nNo data for this period/);
    assert.match(text, /Temperatures in °C\. "In band": share of that time inside the comfort band\./);
    assert.equal(images(card).length, 1);

    const { markdown } = message;
    // The working hours are named once, with the zone, when the view gives them.
    const judged = reportCards(reportView({ workingHours: 'Mon–Fri 08:00–17:00' }));
    const last = judged.at(-1)!;
    assert.match(
      last.markdown,
      /Temperatures in °C\. Judged in working hours, Mon–Fri 08:00–17:00 \(Europe\/Oslo\)\. "In band": share of that time/,
    );
    assert.equal(
      judged
        .map((m) => m.markdown)
        .join('\n')
        .split('Judged in working hours').length,
      2,
    );
    for (const expected of [
      '**Daily room report**\nTue 17 Nov 08:00 – Wed 18 Nov 08:00 (Europe/Oslo)\n',
      '**Fjord**: High TVOC in meetings',
      '- TVOC: mean 420 ppb, min 180 ppb, max 910 ppb · 62% in band · High',
      '- Temperature: mean 22.4 °C, min 20.1 °C, max 24.3 °C · 95% in band · Comfortable',
      '- Humidity: mean 31%, min 24%, max 38% · 40% in band · Dry',
      '- Peak 9 people of 8 seats · booked 6 h, used 4 h 30 min',
      '- Peak 3 people of 6 seats · booked 2 h, used 2 h',
      '**Lab 2.1**: no data for this period',
      '[Chart](https://charts.example.com/c/report.png)',
      'To stop this report, say **cancel report r2**.',
    ]) {
      assert.ok(markdown.includes(expected), `markdown has ${expected}\n${markdown}`);
    }
    assert.deepEqual(markdownRooms(markdown), ['Fjord', 'Room 4', 'Lab 2.1']);
  });

  it('has Send now and Cancel report on the last card, with the report id', () => {
    const { card } = reportCards(reportView())[0]!;
    assert.deepEqual(
      card.actions?.map((a) => [a.title, a.type === 'Action.Submit' ? a.data : undefined]),
      [
        ['Send now', { kind: 'report', op: 'send-now', reportId: 'r2' }],
        ['Cancel report', { kind: 'report', op: 'cancel', reportId: 'r2' }],
      ],
    );
  });

  it('says when it is late and which reports were missed, with the zone', () => {
    const slot = at('2026-11-18T08:00');
    const skipped = [at('2026-11-17T08:00'), at('2026-11-16T08:00')];
    const [message] = reportCards(reportView({ late: { minutes: 20, slotAt: slot }, skipped }));
    const card = assertValidMessage(message!);
    const late = '⚠️ Posted 20 min late: the bot was offline at 08:00 (Europe/Oslo).';
    const missed =
      '⚠️ 2 earlier reports were missed while the bot was offline: Mon 16 Nov 08:00, Tue 17 Nov 08:00 (Europe/Oslo).';
    assert.ok(cardText(card).includes(`${late}\n${missed}`), cardText(card));
    assert.ok(message!.markdown.includes(`${late}\n${missed}\n`));

    const [unknownSlot] = reportCards(reportView({ late: { minutes: 75 } }));
    assert.match(unknownSlot!.markdown, /Posted 1 h 15 min late: the bot was offline when it was due\./);

    const many = Array.from({ length: 9 }, (_, i) => at(`2026-11-0${i + 1}T08:00`));
    const [lots] = reportCards(reportView({ skipped: many }));
    assert.match(
      lots!.markdown,
      /9 earlier reports were missed .*Sun 1 Nov 08:00, .* … and 4 more \(Europe\/Oslo\)\./,
    );

    const [onTime] = reportCards(reportView({ late: { minutes: 0 }, skipped: [] }));
    assert.ok(!onTime!.markdown.includes('⚠️'));
  });

  it('labels the period in the space zone', () => {
    const [message] = reportCards(reportView({ timeZone: NEW_YORK }));
    assertValidMessage(message!);
    assert.match(cardText(message!.card), /Tue 17 Nov 02:00 – Wed 18 Nov 02:00 \(America\/New_York\)/);
    assert.ok(message!.markdown.includes('(America/New_York)'));
    assert.ok(!message!.markdown.includes('Europe/Oslo'));
  });

  it('splits 60 rooms into parts of at most 12, titled (1/5), each within the byte limit', () => {
    const rooms = manyReportRooms(60);
    const parts = reportCards(reportView({ rooms, late: { minutes: 20 } }));
    assert.equal(parts.length, 5);
    const seen: string[] = [];
    parts.forEach((part, i) => {
      const card = assertValidMessage(part);
      assert.equal((card.body[0] as TextBlockJson).text, `Daily room report (${i + 1}/5)`);
      assert.ok(part.markdown.startsWith(`**Daily room report (${i + 1}/5)**\n`));
      assert.ok(bytes(part.markdown) <= MARKDOWN_MAX_BYTES, `part ${i + 1}: ${bytes(part.markdown)} bytes`);
      assert.ok(!part.markdown.includes('(shortened)'), 'nothing cut');
      const names = markdownRooms(part.markdown);
      assert.ok(names.length <= ROOMS_PER_CARD);
      seen.push(...names);
      // The chart and the notes lead the first card; the buttons end the last.
      assert.equal(images(card).length, i === 0 ? 1 : 0);
      assert.equal(part.markdown.includes('Posted 20 min late'), i === 0);
      assert.equal(card.actions?.length ?? 0, i === parts.length - 1 ? 2 : 0);
      assert.match(cardText(card), /\(Europe\/Oslo\)/);
    });
    assert.deepEqual(
      seen,
      rooms.map((room) => room.name),
    );
  });

  it('splits by bytes when rooms are heavy: every room once, every part within the limit', () => {
    const long = `${'Ærlig talt '.repeat(14)}<b>`;
    const metric = reportRoom('x').metrics[0]!;
    const rooms = Array.from({ length: 60 }, (_, i) =>
      reportRoom(`${i + 1} ${long}`, {
        metrics: Array.from({ length: 8 }, (_, j) => ({
          ...metric,
          label: `metric ${j} with a long label`,
          verdict: { level: 'poor' as const, text: 'Far outside the comfort band most of the afternoon' },
        })),
      }),
    );
    const parts = reportCards(reportView({ rooms }));
    assert.ok(parts.length > 5, `${parts.length} parts`);
    let count = 0;
    parts.forEach((part, i) => {
      assertValidMessage(part);
      assert.ok(bytes(part.markdown) <= MAX_MARKDOWN_BYTES);
      assert.ok(!part.markdown.includes('(shortened)'));
      assert.ok(part.markdown.startsWith(`**Daily room report (${i + 1}/${parts.length})**`));
      count += markdownRooms(part.markdown).length;
    });
    assert.equal(count, 60);
  });

  it('escapes hostile room names, metric texts and the title', () => {
    for (const [hostile, escaped] of [
      ['**x**', '\\*\\*x\\*\\*'],
      ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ] as const) {
      const [message] = reportCards(
        reportView({
          title: hostile,
          rooms: [
            reportRoom(hostile, { verdict: { level: 'poor', text: hostile } }),
            reportRoom(hostile, { noData: true }),
          ],
        }),
      );
      const card = assertValidMessage(message!);
      assert.ok(message!.markdown.includes(`**${escaped}**: ${escaped}`), message!.markdown);
      assert.ok(message!.markdown.includes(`**${escaped}**: no data for this period`));
      for (const field of [...markdownFields(card), message!.markdown])
        assert.ok(!field.includes(hostile), `raw ${hostile} in ${field}`);
    }
  });

  it('with no rooms still posts one card with the buttons', () => {
    const messages = reportCards(reportView({ rooms: [], chartUrl: undefined }));
    assert.equal(messages.length, 1);
    const card = assertValidMessage(messages[0]!);
    assert.match(cardText(card), /No rooms in this report\./);
    assert.equal(card.actions?.length, 2);
    assert.ok(!messages[0]!.markdown.includes('In band'));
  });
});
