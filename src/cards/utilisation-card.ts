/**
 * "Least used rooms this month", "which rooms are booked but empty?", "Boardroom utilisation": rooms
 * worst first with their used share of working hours and booked, used and ghost time; one room as
 * facts with a booked-vs-used chart; what the numbers mean and their limits, once, at the foot.
 */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  column,
  columnSet,
  type FactJson,
  factSet,
  textBlock,
} from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { markdownLink, markdownWithList } from './markdown';
import { chartImage, isUsableImageUrl, moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { cleanText, escapeMarkdown, escapeName } from './text';
import type { CardAction } from './view-models';

export interface UtilisationRowView {
  roomName: string;
  /** The figure the rows are ordered by: "23 %", "4 h 30 min", "peak 3 of 10". */
  lead: string;
  /** "booked 12 h · used 8 h · ghost 4 h (3 bookings)". */
  detail: string;
}

export interface UtilisationView {
  /** "Least used rooms", "Booked but empty", "Room size against use", "Boardroom utilisation". */
  title: string;
  timeZone: string;
  from: number;
  to: number;
  rangeLabel: string;
  /** What the lead figure is: "used share of working hours, least first". */
  leadLabel: string;
  /** Several rooms, worst first. */
  rows: UtilisationRowView[];
  /** One room: its figures. */
  facts?: FactJson[];
  /** Rooms read with nothing booked and nothing used. */
  idle: string[];
  /** What was bounded or left out, and the working hours used. */
  notes: string[];
  /** What each number means and its limits. */
  meaning: string[];
  chartUrl?: string;
  chartAlt?: string;
  actions: CardAction[];
}

/** Rows on the card (Webex's card size); the markdown lists as many as fit. */
const CARD_ROWS = 25;
const CARD_IDLE = 10;

export function utilisationCard(view: UtilisationView): CardMessage {
  const title = `${escapeMarkdown(cleanText(view.title))} · ${escapeMarkdown(view.rangeLabel)} ${zoneSuffix(view.timeZone)}`;
  const range = formatLocalRange(view.from, view.to, view.timeZone);
  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  for (const note of view.notes) body.push(subtleBlock(escapeMarkdown(note)));
  if (view.facts)
    body.push(factSet(view.facts.map((f) => ({ title: f.title, value: escapeMarkdown(f.value) }))));
  if (view.rows.length > 0) body.push(subtleBlock(escapeMarkdown(view.leadLabel), { spacing: 'Medium' }));
  view.rows.slice(0, CARD_ROWS).forEach((row, index) => {
    body.push(
      columnSet(
        [
          column(
            [
              textBlock(escapeName(row.roomName), { weight: index === 0 ? 'Bolder' : 'Default' }),
              subtleBlock(escapeMarkdown(row.detail), { spacing: 'None' }),
            ],
            'stretch',
          ),
          column([textBlock(escapeMarkdown(row.lead), { horizontalAlignment: 'Right' })], 'auto'),
        ],
        { spacing: 'Small' },
      ),
    );
  });
  if (view.rows.length > CARD_ROWS) body.push(subtleBlock(moreText(view.rows.length - CARD_ROWS, 'rooms')));
  if (view.idle.length > 0) body.push(subtleBlock(idleLine(view.idle, CARD_IDLE), { spacing: 'Medium' }));
  const image = chartImage(view.chartUrl, view.chartAlt ?? `${cleanText(view.title)}, ${view.rangeLabel}`);
  if (image) body.push(image);
  view.meaning.forEach((line, i) => {
    body.push(subtleBlock(escapeMarkdown(line), { spacing: i === 0 ? 'Medium' : 'None' }));
  });
  return { card: adaptiveCard(body, submitActions(view.actions)), markdown: markdownOf(view, title, range) };
}

/** "Nothing booked or used: Room 7, Room 9 … and 3 more" (escaped). */
function idleLine(rooms: readonly string[], max: number): string {
  const named = rooms.slice(0, max).map(escapeName).join(', ');
  return `Nothing booked or used: ${named}${rooms.length > max ? ` ${moreText(rooms.length - max)}` : ''}`;
}

function markdownOf(view: UtilisationView, title: string, range: string): string {
  const head = [`**${title}**`, range, ...view.notes.map((n) => `_${escapeMarkdown(n)}_`)];
  for (const fact of view.facts ?? []) head.push(`${fact.title}: ${escapeMarkdown(fact.value)}`);
  if (view.rows.length > 0) head.push(`_${escapeMarkdown(view.leadLabel)}_`);
  const items = view.rows.map(
    (row, i) =>
      `**${i + 1}.** ${escapeName(row.roomName)}: ${escapeMarkdown(row.lead)} (${escapeMarkdown(row.detail)})`,
  );
  const tail = [
    ...(view.idle.length > 0 ? [`_${idleLine(view.idle, 20)}_`] : []),
    ...(isUsableImageUrl(view.chartUrl) ? [markdownLink('Chart', view.chartUrl)] : []),
    ...view.meaning.map((m) => `_${escapeMarkdown(m)}_`),
  ];
  return markdownWithList(head, items, tail, (n) => moreText(n, 'rooms'));
}
