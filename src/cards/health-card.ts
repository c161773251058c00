/**
 * "Which sensors are offline?": per room its sensor problems (offline since, impossible values,
 * gaps that recur weekly), worst first, and the healthy rooms counted in one line.
 */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  container,
  type TextColor,
  textBlock,
} from './adaptive-card';
import { zoneSuffix } from './format';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock, WARNING_SIGN } from './parts';
import { escapeMarkdown, escapeName } from './text';
import type { CardAction } from './view-models';

export type HealthLevel = 'offline' | 'impossible' | 'gap';

export interface HealthRowView {
  roomName: string;
  /** One line per problem, worst first ("Device offline since Tue 1 Dec 10:15 (2 d ago)"). */
  problems: { level: HealthLevel; text: string }[];
}

export interface HealthView {
  /** What was looked at: "all rooms", "Floor 2", "Lab 2.1". */
  scope: string;
  /** Rooms looked at (with problems, healthy, or without sensors). */
  roomCount: number;
  timeZone: string;
  /** "Last 16 days; offline = no reading for 2 h." */
  basis: string;
  /** Rooms with problems, worst first. */
  rows: HealthRowView[];
  /** Rooms looked at without a problem. */
  healthy: string[];
  /** Rooms in scope the answer could not look at, and other caveats. */
  notes: string[];
  actions?: CardAction[];
}

/** Rooms with problems on the card; the markdown lists as many as fit. */
const CARD_ROWS = 20;
/** Healthy rooms named in their one line. */
const HEALTHY_NAMED = 8;

const COLOR: Record<HealthLevel, TextColor> = { offline: 'Attention', impossible: 'Warning', gap: 'Default' };

export function healthCard(view: HealthView): CardMessage {
  const title = healthTitle(view);
  const body: CardElementJson[] = [titleBlock(title), subtleBlock(escapeMarkdown(view.basis))];
  for (const note of view.notes) body.push(subtleBlock(escapeMarkdown(note)));
  if (view.rows.length === 0)
    body.push(
      textBlock('Every sensor is reporting, with no impossible values.', { weight: 'Bolder', color: 'Good' }),
    );
  view.rows.slice(0, CARD_ROWS).forEach((row, i) => {
    body.push(
      container(
        [
          textBlock(escapeName(row.roomName), { weight: 'Bolder' }),
          ...row.problems.map((p) =>
            textBlock(`${p.level === 'gap' ? '' : `${WARNING_SIGN} `}${escapeMarkdown(p.text)}`, {
              spacing: 'None',
              ...(COLOR[p.level] === 'Default' ? {} : { color: COLOR[p.level] }),
            }),
          ),
        ],
        { spacing: i === 0 ? 'Medium' : 'Small' },
      ),
    );
  });
  if (view.rows.length > CARD_ROWS)
    body.push(subtleBlock(moreText(view.rows.length - CARD_ROWS, 'rooms with problems')));
  const healthy = healthyLine(view.healthy);
  if (healthy) body.push(textBlock(healthy, { spacing: 'Medium', color: 'Good' }));
  return {
    card: adaptiveCard(body, submitActions(view.actions ?? [])),
    markdown: healthMarkdown(view, title),
  };
}

/** "Sensor health · Floor 2 · 5 rooms (Europe/Oslo)" (escaped). */
function healthTitle(view: HealthView): string {
  const count = view.roomCount;
  return `Sensor health · ${escapeMarkdown(view.scope)} · ${count} ${count === 1 ? 'room' : 'rooms'} ${zoneSuffix(view.timeZone)}`;
}

/** "✅ 3 rooms healthy: Room 4, Fjord, March" (escaped); undefined when none. */
function healthyLine(rooms: readonly string[]): string | undefined {
  if (rooms.length === 0) return undefined;
  const named = rooms.slice(0, HEALTHY_NAMED).map(escapeName).join(', ');
  const more = rooms.length > HEALTHY_NAMED ? ` ${moreText(rooms.length - HEALTHY_NAMED)}` : '';
  return `✅ ${rooms.length} ${rooms.length === 1 ? 'room' : 'rooms'} healthy: ${named}${more}`;
}

function healthMarkdown(view: HealthView, title: string): string {
  const head = [
    `**${title}**`,
    escapeMarkdown(view.basis),
    ...view.notes.map((n) => `_${escapeMarkdown(n)}_`),
  ];
  if (view.rows.length === 0) head.push('Every sensor is reporting, with no impossible values.');
  const items = view.rows.map(
    (row) => `**${escapeName(row.roomName)}**: ${row.problems.map((p) => escapeMarkdown(p.text)).join('; ')}`,
  );
  const healthy = healthyLine(view.healthy);
  return markdownWithList(head, items, healthy ? [healthy] : [], (n) => moreText(n, 'rooms with problems'));
}
