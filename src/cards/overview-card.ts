/** "How was Boardroom this week?": one line per metric with its verdict, and bookings vs use. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  column,
  columnSet,
  factSet,
  textBlock,
} from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock, verdictBlock } from './parts';
import { capitalize, escapeMarkdown, escapeName } from './text';
import { usualText } from './usual-text';
import type { OverviewView } from './view-models';

/** Metric lines and "no sensor" notes on the card (the markdown lists as many as fit). */
const CARD_LINES = 12;
/** "No … sensor" notes in the markdown. */
const MARKDOWN_NOTES = 10;

export function overviewCard(view: OverviewView): CardMessage {
  const title = overviewTitle(view);
  const range = formatLocalRange(view.from, view.to, view.timeZone);

  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  if (view.lines.length === 0) body.push(textBlock('No sensor data for this range.', { weight: 'Bolder' }));
  view.lines.slice(0, CARD_LINES).forEach((line, index) => {
    body.push(
      columnSet(
        [
          // 5 : 3 : 4 keeps "Temperature" whole in a 390 px wide phone's card (3 : 3 : 4 broke it).
          column([textBlock(escapeMarkdown(capitalize(line.metricLabel)), { weight: 'Bolder' })], 5),
          column([textBlock(escapeMarkdown(line.value))], 3),
          column([verdictBlock(line.verdict, { weight: 'Default' })], 4),
        ],
        { spacing: index === 0 ? 'Medium' : 'Small' },
      ),
    );
  });
  if (view.lines.length > CARD_LINES)
    body.push(subtleBlock(moreText(view.lines.length - CARD_LINES, 'metrics')));
  for (const line of usualLines(view))
    body.push(textBlock(escapeMarkdown(line), { color: 'Warning', weight: 'Bolder', spacing: 'Small' }));
  for (const note of view.unsupported.slice(0, CARD_LINES)) body.push(subtleBlock(escapeMarkdown(note)));
  if (view.unsupported.length > CARD_LINES)
    body.push(subtleBlock(moreText(view.unsupported.length - CARD_LINES)));
  if (view.bookedVsUsed) {
    const facts = bookingFacts(view.bookedVsUsed).map(([title, value]) => ({
      title,
      value: escapeMarkdown(value),
    }));
    body.push(
      textBlock('Bookings', { weight: 'Bolder', separator: true, spacing: 'Medium' }),
      factSet(facts, { spacing: 'Small' }),
    );
  }

  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: overviewMarkdown(view, title, range),
  };
}

/** "Room 4 · overview · last 24 h (Europe/Oslo)" (escaped). */
function overviewTitle(view: OverviewView): string {
  const parts = [escapeName(view.roomName), 'overview', escapeMarkdown(view.rangeLabel)].filter(
    (p) => p !== '',
  );
  return `${parts.join(' · ')} ${zoneSuffix(view.timeZone)}`;
}

/** "Ambient noise — unusual for this room in the hour from 14:00: …", one per unusual metric (unescaped). */
function usualLines(view: OverviewView): string[] {
  return view.lines.flatMap((line) => {
    if (!line.usual) return [];
    const text = usualText(line.usual, view, view.timeZone);
    return [
      `${capitalize(line.metricLabel)} — ${line.usual.unusual ? text.charAt(0).toLowerCase() + text.slice(1) : text}`,
    ];
  });
}

function bookingFacts(b: NonNullable<OverviewView['bookedVsUsed']>): [string, string][] {
  return [
    ['Booked', b.booked],
    ['Used', b.used],
    ['Booked, not used', b.ghost],
  ];
}

function overviewMarkdown(view: OverviewView, title: string, range: string): string {
  const head = [`**${title}**`, range];
  if (view.lines.length === 0) head.push('No sensor data for this range.');
  const items = view.lines.map(
    (line) =>
      `- ${escapeMarkdown(capitalize(line.metricLabel))}: ${escapeMarkdown(line.value)} · ${escapeMarkdown(line.verdict.text)}`,
  );
  const notes = view.unsupported.slice(0, MARKDOWN_NOTES).map((note) => `_${escapeMarkdown(note)}_`);
  if (view.unsupported.length > MARKDOWN_NOTES)
    notes.push(moreText(view.unsupported.length - MARKDOWN_NOTES));
  const bookings = view.bookedVsUsed
    ? [
        `**Bookings:** ${bookingFacts(view.bookedVsUsed)
          .map(([label, value]) => `${label.toLowerCase()} ${escapeMarkdown(value)}`)
          .join(' · ')}`,
      ]
    : [];
  const usual = usualLines(view).map((line) => `**${escapeMarkdown(line)}**`);
  const tail = [...usual, ...notes, ...bookings];
  return markdownWithList(head, items, tail, (n) => moreText(n));
}
