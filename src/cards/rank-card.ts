/** "Which rooms were warmest this week?": positions, rooms and values; rooms without data below. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  column,
  columnSet,
  textBlock,
} from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { markdownLink, markdownWithList } from './markdown';
import { chartImage, isUsableImageUrl, moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { capitalize, cleanText, escapeMarkdown, escapeName } from './text';
import type { RankView } from './view-models';

/** Rows on the card; the markdown lists as many as fit. */
const CARD_ROWS = 25;
/** Rooms named in the "No data" line of the card and of the markdown. */
const CARD_NO_DATA = 10;
const MARKDOWN_NO_DATA = 20;

export function rankCard(view: RankView): CardMessage {
  const title = rankTitle(view);
  const range = formatLocalRange(view.from, view.to, view.timeZone);

  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  for (const note of view.notes ?? []) body.push(subtleBlock(escapeMarkdown(note)));
  if (view.rows.length === 0) body.push(textBlock('No data for this range.', { weight: 'Bolder' }));
  view.rows.slice(0, CARD_ROWS).forEach((row, index) => {
    body.push(
      columnSet(
        [
          column([textBlock(String(row.position), { isSubtle: true })], 1),
          column([textBlock(escapeName(row.roomName), { weight: index === 0 ? 'Bolder' : 'Default' })], 7),
          column([textBlock(escapeMarkdown(row.value), { horizontalAlignment: 'Right' })], 3),
        ],
        { spacing: index === 0 ? 'Medium' : 'Small' },
      ),
    );
  });
  if (view.rows.length > CARD_ROWS) body.push(subtleBlock(moreText(view.rows.length - CARD_ROWS, 'rooms')));
  if (view.noData.length > 0)
    body.push(subtleBlock(noDataLine(view.noData, CARD_NO_DATA), { spacing: 'Medium' }));
  const image = chartImage(
    view.chartUrl,
    `${cleanText(view.title)}, ${view.statLabel} ${view.metricLabel}, ${view.rangeLabel}`,
  );
  if (image) body.push(image);

  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: rankMarkdown(view, title, range),
  };
}

/** "Warmest rooms · mean temperature · last 7 days (Europe/Oslo)" (escaped). */
function rankTitle(view: RankView): string {
  const what = [view.statLabel, view.metricLabel]
    .map((s) => cleanText(s))
    .filter((s) => s !== '')
    .join(' ');
  const parts = [
    escapeMarkdown(capitalize(cleanText(view.title))),
    escapeMarkdown(what),
    escapeMarkdown(view.rangeLabel),
  ];
  return `${parts.filter((p) => p !== '').join(' · ')} ${zoneSuffix(view.timeZone)}`;
}

/** "No data: Room 7, Room 9 … and 3 more" (escaped). */
function noDataLine(rooms: readonly string[], max: number): string {
  const named = rooms.slice(0, max).map(escapeName).join(', ');
  return rooms.length > max ? `No data: ${named} ${moreText(rooms.length - max)}` : `No data: ${named}`;
}

function rankMarkdown(view: RankView, title: string, range: string): string {
  const head = [`**${title}**`, range, ...(view.notes ?? []).map((n) => `_${escapeMarkdown(n)}_`)];
  if (view.rows.length === 0) head.push('No data for this range.');
  const items = view.rows.map(
    (row) => `**${row.position}.** ${escapeName(row.roomName)}: ${escapeMarkdown(row.value)}`,
  );
  const tail = [
    ...(view.noData.length > 0 ? [`_${noDataLine(view.noData, MARKDOWN_NO_DATA)}_`] : []),
    ...(isUsableImageUrl(view.chartUrl) ? [markdownLink('Chart', view.chartUrl)] : []),
  ];
  return markdownWithList(head, items, tail, (n) => moreText(n, 'rooms'));
}
