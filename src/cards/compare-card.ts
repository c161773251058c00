/** "Compare temperature in Room 4 and Room 40": one row per room with mean, max and verdict. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  type ColumnSetJson,
  column,
  columnSet,
  textBlock,
} from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { markdownLink, markdownWithList } from './markdown';
import {
  chartImage,
  isUsableImageUrl,
  moreText,
  submitActions,
  subtleBlock,
  titleBlock,
  verdictBlock,
} from './parts';
import { capitalize, escapeMarkdown, escapeName } from './text';
import type { CompareView } from './view-models';

/** Rows on the card; the markdown lists as many as fit. */
const CARD_ROWS = 20;

export function compareCard(view: CompareView): CardMessage {
  const title = compareTitle(view);
  const range = formatLocalRange(view.from, view.to, view.timeZone);

  const body: CardElementJson[] = [
    titleBlock(title),
    subtleBlock(range),
    ...(view.notes ?? []).map((n) => subtleBlock(escapeMarkdown(n))),
  ];
  if (view.rows.length === 0) {
    body.push(textBlock('No rooms to compare.', { weight: 'Bolder' }));
  } else {
    body.push(headerRow());
    for (const row of view.rows.slice(0, CARD_ROWS)) {
      body.push(
        columnSet(
          [
            column(
              [
                textBlock(escapeName(row.roomName)),
                verdictBlock(row.verdict, { weight: 'Default', size: 'Small', spacing: 'None' }),
              ],
              5,
            ),
            column([textBlock(escapeMarkdown(row.mean), { horizontalAlignment: 'Right' })], 2),
            column([textBlock(escapeMarkdown(row.max), { horizontalAlignment: 'Right' })], 2),
          ],
          { separator: true, spacing: 'Small' },
        ),
      );
    }
    if (view.rows.length > CARD_ROWS) body.push(subtleBlock(moreText(view.rows.length - CARD_ROWS, 'rooms')));
  }
  const image = chartImage(view.chartUrl, `${capitalize(view.metricLabel)} by room, ${view.rangeLabel}`);
  if (image) body.push(image);

  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: compareMarkdown(view, title, range),
  };
}

/** "Temperature · Room 4 vs Room 40 · last 6 h (Europe/Oslo)", or "… · 12 rooms · …" (escaped). */
function compareTitle(view: CompareView): string {
  const [a, b] = view.rows;
  const rooms =
    view.rows.length === 2 && a && b
      ? `${escapeName(a.roomName)} vs ${escapeName(b.roomName)}`
      : `${view.rows.length} ${view.rows.length === 1 ? 'room' : 'rooms'}`;
  const parts = [escapeMarkdown(capitalize(view.metricLabel)), rooms, escapeMarkdown(view.rangeLabel)].filter(
    (p) => p !== '',
  );
  return `${parts.join(' · ')} ${zoneSuffix(view.timeZone)}`;
}

function headerRow(): ColumnSetJson {
  const header = (text: string, right: boolean) =>
    textBlock(text, {
      weight: 'Bolder',
      isSubtle: true,
      ...(right ? { horizontalAlignment: 'Right' as const } : {}),
    });
  return columnSet(
    [column([header('Room', false)], 5), column([header('Mean', true)], 2), column([header('Max', true)], 2)],
    { spacing: 'Medium' },
  );
}

function compareMarkdown(view: CompareView, title: string, range: string): string {
  const head = [`**${title}**`, range, ...(view.notes ?? []).map((n) => `_${escapeMarkdown(n)}_`)];
  if (view.rows.length === 0) head.push('No rooms to compare.');
  const items = view.rows.map(
    (row) =>
      `- ${escapeName(row.roomName)}: mean ${escapeMarkdown(row.mean)}, max ${escapeMarkdown(row.max)} · ${escapeMarkdown(row.verdict.text)}`,
  );
  const tail = isUsableImageUrl(view.chartUrl) ? [markdownLink('Chart', view.chartUrl)] : [];
  return markdownWithList(head, items, tail, (n) => moreText(n, 'rooms'));
}
