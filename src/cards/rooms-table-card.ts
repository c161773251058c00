/** Many rooms, one card: a row per room (worst first), what was left out said in words. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  column,
  columnSet,
  textBlock,
  verdictColor,
} from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { GAP_MARKER } from './gap-text';
import { markdownLink, markdownWithList } from './markdown';
import { chartImage, isUsableImageUrl, moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { capitalize, cleanText, escapeMarkdown, escapeName } from './text';
import type { RoomsTableView } from './view-models';

/** Rooms named in the "No sensor" / "No data" lines. */
const NAMED = 8;

const count = (n: number) => n.toLocaleString('en-US');

/** "Showing 25 of 212 rooms, worst first; the CSV has them all." or "All 13 rooms." */
export function shownLine(view: RoomsTableView): string {
  const shown = Math.min(view.rows.length, view.maxRows);
  if (shown < view.total)
    return `Showing ${count(shown)} of ${count(view.total)} rooms, worst first${view.rows.length > shown ? '; the CSV has every room read' : ''}.`;
  return `All ${count(view.total)} rooms, worst first.`;
}

function namedLine(label: string, rooms: readonly string[]): string {
  const named = rooms.slice(0, NAMED).map(escapeName).join(', ');
  return rooms.length > NAMED
    ? `${label} (${count(rooms.length)}): ${named} ${moreText(rooms.length - NAMED)}`
    : `${label}: ${named}`;
}

/** "Comfortable", "Too warm for 2 h · temperature", "Comfortable · gap" (unescaped). */
function rowStatus(row: RoomsTableView['rows'][number]): string {
  return [row.verdict.text, row.detail, row.gap ? GAP_MARKER : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');
}

export function roomsTableCard(view: RoomsTableView): CardMessage {
  const title = `${escapeMarkdown(capitalize(cleanText(view.title)))}${view.rangeLabel ? ` · ${escapeMarkdown(view.rangeLabel)}` : ''} ${zoneSuffix(view.timeZone)}`;
  const range = formatLocalRange(view.from, view.to, view.timeZone);
  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  for (const note of view.notes) body.push(subtleBlock(escapeMarkdown(note)));
  const rows = view.rows.slice(0, view.maxRows);
  if (rows.length === 0)
    body.push(textBlock('No readings for these rooms in this range.', { weight: 'Bolder' }));
  else
    body.push(
      columnSet(
        [
          column([textBlock('Room', { weight: 'Bolder', size: 'Small' })], 5),
          column(
            [
              textBlock(escapeMarkdown(view.valueLabel), {
                weight: 'Bolder',
                size: 'Small',
                horizontalAlignment: 'Right',
              }),
            ],
            3,
          ),
          column([textBlock('Status', { weight: 'Bolder', size: 'Small' })], 4),
        ],
        { spacing: 'Medium' },
      ),
    );
  for (const row of rows) {
    const status = textBlock(escapeMarkdown(rowStatus(row)), {
      size: 'Small',
    });
    const color = verdictColor(row.verdict.level);
    if (color !== 'Default') status.color = color;
    body.push(
      columnSet(
        [
          column([textBlock(escapeName(row.roomName))], 5),
          column([textBlock(escapeMarkdown(row.value), { horizontalAlignment: 'Right' })], 3),
          column([status], 4),
        ],
        { spacing: 'Small' },
      ),
    );
  }
  body.push(subtleBlock(escapeMarkdown(shownLine(view)), { spacing: 'Medium' }));
  if (view.noSensor.length > 0) body.push(subtleBlock(namedLine('No sensor', view.noSensor)));
  if (view.noData.length > 0) body.push(subtleBlock(namedLine('No data', view.noData)));
  const image = chartImage(view.chartUrl, `${cleanText(view.title)}, ${view.rangeLabel}`);
  if (image) body.push(image);
  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: tableMarkdown(view, title, range),
  };
}

function tableMarkdown(view: RoomsTableView, title: string, range: string): string {
  const head = [`**${title}**`, range, ...view.notes.map((n) => `_${escapeMarkdown(n)}_`)];
  const items = view.rows.map(
    (row) =>
      `- ${escapeName(row.roomName)}: ${escapeMarkdown(row.value)} · ${escapeMarkdown(rowStatus(row))}`,
  );
  const tail = [
    escapeMarkdown(shownLine({ ...view, maxRows: view.rows.length })),
    ...(view.noSensor.length > 0 ? [`_${namedLine('No sensor', view.noSensor)}_`] : []),
    ...(view.noData.length > 0 ? [`_${namedLine('No data', view.noData)}_`] : []),
    ...(isUsableImageUrl(view.chartUrl) ? [markdownLink('Chart', view.chartUrl)] : []),
  ];
  return markdownWithList(head, items, tail, (n) => moreText(n, 'rooms'));
}
