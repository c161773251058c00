import type { CardPayload } from '../model/card-actions';
import { cadenceText } from '../model/report-cadence';
/**
 * The lists of alert rules and of reports, with a delete/cancel button for the first five rows
 * (they ask before anything goes) and a "say **delete alert a7**" hint for the rest; and the
 * confirmation of a change ("Alert a3 set", "Report r2 scheduled"). An alert rule's row says,
 * room by room, where it stands: firing or pending since when, acknowledged by whom and when,
 * snoozed until when, a false alarm; and whether the rule is muted. Times are named in the
 * space's zone once, under the title.
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
  AlertRoomStateView,
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

/** Rooms named under an alert rule before "… and N more rooms". */
const ROW_STATE_ROOMS = 5;

/** A listed row: its escaped text, its escaped state lines (each with its colour), and its button. */
interface Row {
  text: string;
  states: { text: string; color?: TextColor }[];
  button: { title: string; data: CardPayload };
}

export function alertRulesCard(view: AlertRuleListView): CardMessage {
  const rows = view.rows.map((row) => alertRow(row, view));
  const hint = (id: string, other: boolean) =>
    `To delete ${other ? 'another' : 'one'}, say **delete alert ${id}**.`;
  const zone = zoneSuffix(view.timeZone);
  return listCard(
    countTitle(rows.length, 'alert rule'),
    view.asOf !== undefined && Number.isFinite(view.asOf)
      ? `As of ${formatClock(view.asOf, view.timeZone)} ${zone}`
      : `Times ${zone}`,
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
    `Local times ${zoneSuffix(view.timeZone)}`,
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
  const rooms = row.rooms ?? [];
  const states: Row['states'] = rooms.slice(0, ROW_STATE_ROOMS).map((room) => roomState(room, view));
  if (rooms.length > ROW_STATE_ROOMS)
    states.push({ text: moreText(rooms.length - ROW_STATE_ROOMS, 'rooms') });
  // A rule that is pending or firing with no room named still says so.
  if (states.length === 0) {
    states.push(
      row.status === 'normal'
        ? { text: 'normal' }
        : { text: row.status, color: row.status === 'firing' ? 'Attention' : 'Warning' },
    );
  }
  if (row.muted) {
    if (rooms.length === 0) states[0] = { ...states[0]!, text: `${states[0]!.text} · muted` };
    else states.push({ text: 'muted: it posts nothing' });
  }
  return {
    text: `**${id}** · ${escapeMarkdown(row.text)}`,
    states,
    button: {
      title: `Delete ${cleanText(row.id, 20)}`,
      data: { kind: 'alert', op: 'delete', ruleId: row.id } satisfies AlertActionData,
    },
  };
}

/**
 * "Fjord: firing since 09:40 · acknowledged by Ingrid Berg at 09:52", "Room 4: pending since 11:05",
 * "Lab 2.1: firing since Tue 17 Nov 22:10 · snoozed until 13:40". Unhandled firing is the
 * attention colour; pending, acknowledged, snoozed or false alarms the warning colour.
 */
function roomState(room: AlertRoomStateView, view: AlertRuleListView): Row['states'][number] {
  const zone = view.timeZone;
  const when = (ms: number) =>
    view.asOf !== undefined && sameLocalDay(ms, view.asOf, zone)
      ? formatClock(ms, zone)
      : formatTime(ms, zone);
  const known = (ms: number | undefined): ms is number => ms !== undefined && Number.isFinite(ms);
  const name = escapeName(room.room) || 'a room';
  const parts = [`${name}: ${room.status}${known(room.since) ? ` since ${when(room.since)}` : ''}`];
  const by = room.acknowledgedBy === undefined ? '' : ` by ${escapeName(room.acknowledgedBy) || 'someone'}`;
  const at = known(room.acknowledgedAt) ? ` at ${when(room.acknowledgedAt)}` : '';
  if (room.falseAlarm) parts.push(`marked a false alarm${by}${at}`);
  else if (room.acknowledgedBy !== undefined || known(room.acknowledgedAt))
    parts.push(`acknowledged${by}${at}`);
  const until = room.snoozedUntil;
  if (known(until) && (view.asOf === undefined || until > view.asOf))
    parts.push(`snoozed until ${when(until)}`);
  const handled = parts.length > 1;
  return { text: parts.join(' · '), color: room.status === 'firing' && !handled ? 'Attention' : 'Warning' };
}

function reportRow(row: ReportRowView, timeZone: string): Row {
  const id = escapeName(row.id);
  const days = cadenceText(row);
  const named = row.rooms.map(escapeName).filter((name) => name !== '');
  const rooms =
    row.allRooms || named.length === 0
      ? 'all rooms'
      : named.length > ROW_ROOMS
        ? `${named.slice(0, ROW_ROOMS).join(', ')} ${moreText(named.length - ROW_ROOMS)}`
        : joinWords(named);
  const time = escapeMarkdown(row.time);
  const states =
    row.nextAt === undefined || !Number.isFinite(row.nextAt)
      ? []
      : [{ text: `next ${formatTime(row.nextAt, timeZone)}` }];
  return {
    // Weekly and monthly rows name the zone on the line ("every Monday at 08:00 (Europe/Oslo)"):
    // a slot days away is read on its own, not beside today's zone line.
    text: `**${id}** · ${days} at ${time}${row.days === 'weekly' || row.days === 'monthly' ? ` (${escapeMarkdown(timeZone)})` : ''} for ${rooms}`,
    states,
    button: {
      title: `Cancel ${cleanText(row.id, 20)}`,
      data: { kind: 'report', op: 'cancel', reportId: row.id } satisfies ReportActionData,
    },
  };
}

/**
 * The list: title, the zone line (when there are rows), one text line (and its state lines) per
 * row, buttons for the first five rows, a hint naming the sixth row's id for the rest; when
 * empty, how to create one.
 */
function listCard(
  title: string,
  zoneLine: string,
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
  body.push(subtleBlock(zoneLine, { spacing: 'None' }));
  rows.slice(0, CARD_ROWS).forEach((row, index) => {
    body.push(textBlock(row.text, { spacing: index === 0 ? 'Medium' : 'Small', separator: index > 0 }));
    for (const state of row.states) {
      body.push(
        subtleBlock(state.text, {
          spacing: 'None',
          ...(state.color ? { color: state.color, isSubtle: false } : {}),
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
  const items = rows.map((row) =>
    row.states.length === 0 ? `- ${row.text}` : `- ${row.text} · ${row.states.map((s) => s.text).join('; ')}`,
  );
  return {
    card: adaptiveCard(body, [...formButtons, ...buttons]),
    // The markdown has no buttons: its hint names the first row.
    markdown: markdownWithList(
      [`**${title}**`, zoneLine],
      items,
      [hint(escapeName(ids[0] ?? ''), false)],
      (n) => moreText(n),
    ),
  };
}
