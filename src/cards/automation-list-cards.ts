import type { CardPayload } from '../model/card-actions';
/**
 * The lists of alert rules and of reports, with a delete/cancel button for the first five rows
 * and a "say **delete alert a7**" hint for the rest; and the confirmation of a change ("Alert a3
 * set", "Report r2 scheduled", "Deleted").
 */
import {
  type AdaptiveCardJson,
  adaptiveCard,
  type CardActionJson,
  type CardElementJson,
  type CardMessage,
  MAX_CARD_ACTIONS,
  type SubmitActionJson,
  type TextColor,
  textBlock,
} from './adaptive-card';
import { formButton } from './automation-forms';
import type {
  AlertActionData,
  AlertRuleListView,
  AlertRuleRowView,
  AutomationConfirmView,
  ReportActionData,
  ReportListView,
  ReportRowView,
} from './automation-views';
import { formatClock, formatTime, formatTimeWithZone, sameLocalDay, zoneSuffix } from './format';
import { clampMarkdown, markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { cleanText, escapeMarkdown, escapeName, joinWords } from './text';

/** Rows on a list card; the markdown lists as many as fit. */
const CARD_ROWS = 25;
/** Rooms named in a report row before "… and N more". */
const ROW_ROOMS = 5;

const NO_ALERTS = 'No alert rules yet.';
const ALERT_EXAMPLE = 'To set one, say **alert me when tvoc in Fjord goes above 500**.';
const NO_REPORTS = 'No reports scheduled yet.';
const REPORT_EXAMPLE = 'To schedule one, say **daily report for Room 4 at 8**.';

/** A listed row: its escaped text lines, the colour of its state, and its button. */
interface Row {
  text: string;
  state: string;
  color?: TextColor;
  button: { title: string; data: CardPayload };
}

export function alertRulesCard(view: AlertRuleListView): CardMessage {
  const rows = view.rows.map((row) => alertRow(row, view));
  const hint = (id: string, other: boolean) =>
    `To delete ${other ? 'another' : 'one'}, say **delete alert ${id}**.`;
  return listCard(
    countTitle(rows.length, 'alert rule'),
    rows,
    view.rows.map((r) => r.id),
    hint,
    [NO_ALERTS, ALERT_EXAMPLE],
    view.form ? { title: 'New alert', card: view.form } : undefined,
  );
}

export function reportsCard(view: ReportListView): CardMessage {
  const rows = view.rows.map((row) => reportRow(row, view.timeZone));
  const hint = (id: string, other: boolean) =>
    `To cancel ${other ? 'another' : 'one'}, say **cancel report ${id}**.`;
  return listCard(
    countTitle(rows.length, 'report'),
    rows,
    view.rows.map((r) => r.id),
    hint,
    [NO_REPORTS, REPORT_EXAMPLE],
    view.form ? { title: 'New report', card: view.form } : undefined,
  );
}

export function automationConfirmCard(view: AutomationConfirmView): CardMessage {
  const title = escapeMarkdown(view.title) || 'Done';
  const lines = view.lines.map((line) => escapeMarkdown(line)).filter((line) => line !== '');
  if (view.next && Number.isFinite(view.next.at)) {
    const label = escapeMarkdown(view.next.label) || 'Next';
    lines.push(`${label}: ${formatTimeWithZone(view.next.at, view.timeZone ?? 'UTC')}`);
  }
  const body: CardElementJson[] = [
    titleBlock(title),
    ...lines.map((line) => textBlock(line, { spacing: 'Small' })),
  ];
  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: clampMarkdown([`**${title}**`, ...lines].join('\n')),
  };
}

/** "3 alert rules", "1 report" */
function countTitle(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

function alertRow(row: AlertRuleRowView, view: AlertRuleListView): Row {
  const id = escapeName(row.id);
  const zone = view.timeZone;
  let state = 'normal';
  let color: TextColor | undefined;
  if (row.status !== 'normal') {
    const rooms =
      row.activeRooms !== undefined && row.activeRooms > 1 ? ` in ${Math.floor(row.activeRooms)} rooms` : '';
    const since =
      row.since === undefined || !Number.isFinite(row.since)
        ? ''
        : ` since ${
            view.asOf !== undefined && sameLocalDay(row.since, view.asOf, zone)
              ? formatClock(row.since, zone)
              : formatTime(row.since, zone)
          } ${zoneSuffix(zone)}`;
    state = `${row.status}${rooms}${since}`;
    color = row.status === 'firing' ? 'Attention' : 'Warning';
  }
  if (row.muted) state = `${state} · muted`;
  return {
    text: `**${id}** · ${escapeMarkdown(row.text)}`,
    state,
    ...(color ? { color } : {}),
    button: {
      title: `Delete ${cleanText(row.id, 20)}`,
      data: { kind: 'alert', op: 'delete', ruleId: row.id } satisfies AlertActionData,
    },
  };
}

function reportRow(row: ReportRowView, timeZone: string): Row {
  const id = escapeName(row.id);
  const days = row.days === 'weekdays' ? 'Weekdays' : 'Daily';
  const named = row.rooms.map(escapeName).filter((name) => name !== '');
  const rooms =
    row.allRooms || named.length === 0
      ? 'all rooms'
      : named.length > ROW_ROOMS
        ? `${named.slice(0, ROW_ROOMS).join(', ')} ${moreText(named.length - ROW_ROOMS)}`
        : joinWords(named);
  const time = escapeMarkdown(row.time);
  const state =
    row.nextAt === undefined || !Number.isFinite(row.nextAt)
      ? ''
      : `next ${formatTimeWithZone(row.nextAt, timeZone)}`;
  return {
    text: `**${id}** · ${days} at ${time} ${zoneSuffix(timeZone)} for ${rooms}`,
    state,
    button: {
      title: `Cancel ${cleanText(row.id, 20)}`,
      data: { kind: 'report', op: 'cancel', reportId: row.id } satisfies ReportActionData,
    },
  };
}

/**
 * The list: title, one text line (and a state line) per row, buttons for the first five rows,
 * a hint naming the sixth row's id for the rest; when empty, how to create one.
 */
function listCard(
  title: string,
  rows: readonly Row[],
  ids: readonly string[],
  hint: (id: string, other: boolean) => string,
  empty: readonly string[],
  form?: { title: string; card: AdaptiveCardJson },
): CardMessage {
  const body: CardElementJson[] = [titleBlock(title)];
  const formButtons: CardActionJson[] = form ? [formButton(form.title, form.card)] : [];
  if (rows.length === 0) {
    body.push(...empty.map((line) => textBlock(line, { spacing: 'Small' })));
    return {
      card: adaptiveCard(body, formButtons),
      markdown: clampMarkdown([`**${title}**`, ...empty].join('\n')),
    };
  }
  const rowButtons = MAX_CARD_ACTIONS - formButtons.length;
  rows.slice(0, CARD_ROWS).forEach((row, index) => {
    body.push(textBlock(row.text, { spacing: index === 0 ? 'Medium' : 'Small', separator: index > 0 }));
    if (row.state !== '') {
      body.push(
        subtleBlock(row.state, {
          spacing: 'None',
          ...(row.color ? { color: row.color, isSubtle: false } : {}),
        }),
      );
    }
  });
  if (rows.length > CARD_ROWS) body.push(subtleBlock(moreText(rows.length - CARD_ROWS)));
  // Rows past the fifth have no button: the card says how to remove them in words.
  const rest = ids[rowButtons];
  if (rest !== undefined) body.push(subtleBlock(hint(escapeName(rest), true), { spacing: 'Medium' }));

  const buttons: SubmitActionJson[] = rows.slice(0, rowButtons).map((row) => ({
    type: 'Action.Submit',
    title: row.button.title,
    data: { ...row.button.data },
  }));
  const items = rows.map((row) => (row.state === '' ? `- ${row.text}` : `- ${row.text} · ${row.state}`));
  return {
    card: adaptiveCard(body, [...formButtons, ...buttons]),
    // The markdown has no buttons: its hint names the first row.
    markdown: markdownWithList([`**${title}**`], items, [hint(escapeName(ids[0] ?? ''), false)], (n) =>
      moreText(n),
    ),
  };
}
