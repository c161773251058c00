/**
 * "Any problems today?": the rooms outside their comfort band now or earlier in the window, each
 * with since when and how far out, worst first; rooms without readings named; the fine ones
 * counted in one line.
 */
import { adaptiveCard, type CardElementJson, type CardMessage, container, textBlock } from './adaptive-card';
import { formatLocalRange, zoneSuffix } from './format';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock, WARNING_SIGN } from './parts';
import { escapeMarkdown, escapeName } from './text';
import type { CardAction } from './view-models';

export interface ProblemsRowView {
  roomName: string;
  /** One line per metric outside its band, worst first ("Too warm now: 26.1 °C, peak 26.8 °C …"). */
  lines: { now: boolean; text: string }[];
}

export interface ProblemsView {
  /** "all rooms", "Oslo HQ", "floor 3", "Fjord". */
  scope: string;
  timeZone: string;
  from: number;
  to: number;
  /** "today, since 00:00" (may be empty). */
  rangeLabel: string;
  /** Rooms with a problem, worst first. */
  rows: ProblemsRowView[];
  /** Rooms whose sensors gave no readings (one line each: "No readings since 08:55 — sensor offline?"). */
  silent: { roomName: string; text: string }[];
  /** Rooms read and inside their bands. */
  fine: string[];
  /** Readings now unusual for the room (its own usual for the weekday and hour): small scopes only. */
  unusual?: { roomName: string; metricLabel: string; text: string }[];
  /** What was judged and how, what was left out. */
  notes: string[];
  actions?: CardAction[];
}

/** Rooms with problems on the card; the markdown lists as many as fit. */
const CARD_ROWS = 20;
/** Rooms named in the "fine" and "no readings" lines. */
const NAMED = 8;

export function problemsCard(view: ProblemsView): CardMessage {
  const title = problemsTitle(view);
  const range = formatLocalRange(view.from, view.to, view.timeZone);
  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  for (const note of view.notes) body.push(subtleBlock(escapeMarkdown(note)));
  if (view.rows.length === 0) body.push(textBlock(nothingLine(view), { weight: 'Bolder', color: 'Good' }));
  view.rows.slice(0, CARD_ROWS).forEach((row, i) => {
    body.push(
      container(
        [
          textBlock(escapeName(row.roomName), { weight: 'Bolder' }),
          ...row.lines.map((line) =>
            textBlock(`${line.now ? `${WARNING_SIGN} ` : ''}${escapeMarkdown(line.text)}`, {
              spacing: 'None',
              ...(line.now ? { color: 'Attention' as const } : {}),
            }),
          ),
        ],
        { spacing: i === 0 ? 'Medium' : 'Small' },
      ),
    );
  });
  if (view.rows.length > CARD_ROWS)
    body.push(subtleBlock(moreText(view.rows.length - CARD_ROWS, 'rooms with problems')));
  for (const line of unusualLines(view)) body.push(textBlock(line, { spacing: 'Medium', color: 'Warning' }));
  for (const line of silentLines(view.silent))
    body.push(textBlock(line, { spacing: 'Medium', color: 'Warning' }));
  const fine = fineLine(view.fine);
  if (fine) body.push(textBlock(fine, { spacing: 'Medium', color: 'Good' }));
  return {
    card: adaptiveCard(body, submitActions(view.actions ?? [])),
    markdown: problemsMarkdown(view, title, range),
  };
}

/** "Needs attention · Oslo HQ · today, since 00:00 (Europe/Oslo)" (escaped). */
function problemsTitle(view: ProblemsView): string {
  const label = view.rangeLabel ? ` · ${escapeMarkdown(view.rangeLabel)}` : '';
  return `Needs attention · ${escapeMarkdown(view.scope)}${label} ${zoneSuffix(view.timeZone)}`;
}

function nothingLine(view: ProblemsView): string {
  return view.fine.length > 0
    ? '✅ No room outside its comfort band.'
    : 'No readings to judge for these rooms in this window.';
}

/** "✅ 11 rooms fine: Room 4, Room 40, …" (escaped); undefined when none. */
function fineLine(rooms: readonly string[]): string | undefined {
  if (rooms.length === 0) return undefined;
  const named = rooms.slice(0, NAMED).map(escapeName).join(', ');
  const more = rooms.length > NAMED ? ` ${moreText(rooms.length - NAMED)}` : '';
  return `✅ ${rooms.length} ${rooms.length === 1 ? 'room' : 'rooms'} fine: ${named}${more}`;
}

/** "⚠️ Room 40 · ambient noise unusual for this room now: 48 dBA louder than …" (escaped). */
function unusualLines(view: ProblemsView): string[] {
  return (view.unusual ?? []).map(
    (u) =>
      `${WARNING_SIGN} ${escapeName(u.roomName)} · ${escapeMarkdown(u.metricLabel)} unusual for this room now: ${escapeMarkdown(u.text)}`,
  );
}

/** "No readings: Focus Booth 1 (No readings since …)" — one line per room, the first few. */
function silentLines(silent: ProblemsView['silent']): string[] {
  const lines = silent
    .slice(0, NAMED)
    .map((s) => `${WARNING_SIGN} ${escapeName(s.roomName)}: ${escapeMarkdown(s.text)}`);
  if (silent.length > NAMED) lines.push(moreText(silent.length - NAMED, 'rooms without readings'));
  return lines;
}

function problemsMarkdown(view: ProblemsView, title: string, range: string): string {
  const head = [`**${title}**`, range, ...view.notes.map((n) => `_${escapeMarkdown(n)}_`)];
  if (view.rows.length === 0) head.push(nothingLine(view));
  const items = view.rows.map(
    (row) => `**${escapeName(row.roomName)}**: ${row.lines.map((l) => escapeMarkdown(l.text)).join('; ')}`,
  );
  const fine = fineLine(view.fine);
  const tail = [...unusualLines(view), ...silentLines(view.silent), ...(fine ? [fine] : [])];
  return markdownWithList(head, items, tail, (n) => moreText(n, 'rooms with problems'));
}
