/**
 * A weekly or monthly site report: the period (zone-labelled), then three sections, each worst
 * first with "showing N of M" when there are more — the worst rooms (comfort problems in working
 * hours), utilisation against the period before ("used 12 h, +4 h on the week before"), sensor
 * health — and the Send now / Cancel buttons. One card: each section is bounded, so it stays
 * short enough to read whole on a phone (390 px); the markdown says the same.
 */
import { adaptiveCard, type CardElementJson, type CardMessage, container, textBlock } from './adaptive-card';
import { formatClockWithZone, formatHours, formatRange, formatTime, zoneSuffix } from './format';
import type { HealthRowView } from './health-card';
import { clampMarkdown } from './markdown';
import { subtleBlock, titleBlock, WARNING_SIGN } from './parts';
import { reportActions } from './report-card';
import { escapeMarkdown, escapeName } from './text';

export interface SiteUtilisationRow {
  roomName: string;
  bookedMinutes: number;
  usedMinutes: number;
  ghostMinutes: number;
  /** Used share of working hours (0..1); absent without working hours in the period. */
  usedShare?: number;
  ghostBookings?: number;
  /** Used minutes in the period before (absent when it was not read). */
  previousUsedMinutes?: number;
}

export interface SiteReportView {
  /** "r3": named in the stop hint and the buttons. */
  subscriptionId: string;
  /** "Weekly report · Oslo HQ" */
  title: string;
  period: { from: number; to: number };
  /** What the change is against: "week" or "month". */
  comparedWith: 'week' | 'month';
  timeZone: string;
  late?: { minutes: number; slotAt?: number };
  skipped?: number[];
  worst: {
    rows: { roomName: string; lines: string[] }[];
    /** Rooms with a problem (rows shows the worst of them) and rooms judged. */
    withProblems: number;
    judged: number;
  };
  utilisation: {
    rows: SiteUtilisationRow[];
    /** Rooms booked or used (rows shows the first of them), rooms read, rooms neither booked nor used. */
    active: number;
    read: number;
    idle: number;
    totals: {
      bookedMinutes: number;
      usedMinutes: number;
      ghostMinutes: number;
      usedShare?: number;
      previousBookedMinutes?: number;
      previousUsedMinutes?: number;
    };
  };
  health: { rows: HealthRowView[]; withProblems: number; checked: number };
  /** What was bounded or left out ("read 150 of 2,000 rooms: …"), and what the numbers mean. */
  notes: string[];
}

/** "+4 h on the week before" / "−30 min on the month before" / "same as the week before". */
function change(now: number, before: number | undefined, period: 'week' | 'month'): string {
  if (before === undefined || !Number.isFinite(before)) return '';
  const delta = Math.round(now - before);
  if (delta === 0) return `same as the ${period} before`;
  return `${delta > 0 ? '+' : '−'}${formatHours(Math.abs(delta))} on the ${period} before`;
}

const percent = (share: number | undefined) =>
  share === undefined || !Number.isFinite(share)
    ? undefined
    : `${Math.round(share * 100)} % of working hours`;

/** "Showing 8 of 23 rooms with problems." ("" when all are shown). */
function showing(shown: number, of: number, what: string): string {
  return of > shown ? `Showing ${shown} of ${of.toLocaleString('en-US')} ${what}.` : '';
}

function utilisationLine(row: SiteUtilisationRow, period: 'week' | 'month'): string {
  const diff = change(row.usedMinutes, row.previousUsedMinutes, period);
  const ghost =
    row.ghostMinutes > 0
      ? `ghost ${formatHours(row.ghostMinutes)}${row.ghostBookings ? ` (${row.ghostBookings} ${row.ghostBookings === 1 ? 'booking' : 'bookings'})` : ''}`
      : '';
  return [
    `used ${formatHours(row.usedMinutes)}${diff ? `, ${diff}` : ''}`,
    `booked ${formatHours(row.bookedMinutes)}`,
    percent(row.usedShare) ?? '',
    ghost,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function totalsLine(view: SiteReportView): string {
  const t = view.utilisation.totals;
  const used = `Used ${formatHours(t.usedMinutes)}`;
  const diff = change(t.usedMinutes, t.previousUsedMinutes, view.comparedWith);
  const booked = `booked ${formatHours(t.bookedMinutes)}`;
  const bookedDiff = change(t.bookedMinutes, t.previousBookedMinutes, view.comparedWith);
  return [
    `${used}${diff ? ` (${diff})` : ''}`,
    `${booked}${bookedDiff ? ` (${bookedDiff})` : ''}`,
    percent(t.usedShare) ?? '',
    `ghost ${formatHours(t.ghostMinutes)}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function notesOf(view: SiteReportView): string[] {
  const zone = view.timeZone;
  const notes: string[] = [];
  if (view.late && Number.isFinite(view.late.minutes) && view.late.minutes > 0) {
    const when = view.late.slotAt === undefined ? '' : ` at ${formatClockWithZone(view.late.slotAt, zone)}`;
    notes.push(`${WARNING_SIGN} Posted ${formatHours(view.late.minutes)} late: the bot was offline${when}.`);
  }
  const skipped = [...(view.skipped ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
  if (skipped.length > 0)
    notes.push(
      `${WARNING_SIGN} Missed while the bot was offline: ${skipped
        .slice(0, 3)
        .map((s) => formatTime(s, zone))
        .join(', ')} ${zoneSuffix(zone)}.`,
    );
  return notes;
}

interface Section {
  title: string;
  lead?: string;
  empty: string;
  rows: { name: string; lines: { text: string; color?: 'Attention' | 'Warning' }[] }[];
  more: string;
}

function sections(view: SiteReportView): Section[] {
  const period = view.comparedWith;
  const u = view.utilisation;
  return [
    {
      title: 'Worst rooms',
      empty:
        view.worst.judged === 0
          ? 'No comfort readings in this period.'
          : `All ${view.worst.judged} rooms stayed in their comfort bands in working hours.`,
      rows: view.worst.rows.map((r) => ({ name: r.roomName, lines: r.lines.map((text) => ({ text })) })),
      more: showing(view.worst.rows.length, view.worst.withProblems, 'rooms with problems'),
    },
    {
      title: 'Utilisation',
      lead: u.read > 0 ? totalsLine(view) : undefined,
      empty: u.read === 0 ? 'No bookings data.' : 'No room was booked or used.',
      rows: u.rows.map((r) => ({ name: r.roomName, lines: [{ text: utilisationLine(r, period) }] })),
      more: [
        showing(u.rows.length, u.active, 'rooms booked or used, most ghost time first'),
        u.idle > 0 ? `${u.idle} ${u.idle === 1 ? 'room was' : 'rooms were'} neither booked nor used.` : '',
      ]
        .filter((s) => s !== '')
        .join(' '),
    },
    {
      title: 'Sensor health',
      empty:
        view.health.checked === 0
          ? 'No sensors to check.'
          : `All ${view.health.checked} rooms' sensors reported through the period.`,
      rows: view.health.rows.map((r) => ({
        name: r.roomName,
        lines: r.problems.map((p) => ({
          text: p.text,
          ...(p.level === 'offline'
            ? { color: 'Attention' as const }
            : p.level === 'impossible'
              ? { color: 'Warning' as const }
              : {}),
        })),
      })),
      more: showing(view.health.rows.length, view.health.withProblems, 'rooms with sensor problems'),
    },
  ];
}

export function siteReportCard(view: SiteReportView): CardMessage {
  const title = escapeMarkdown(view.title) || 'Site report';
  const range = formatRange(view.period.from, view.period.to, view.timeZone);
  const notes = notesOf(view);
  const stopHint = `To stop this report, say **cancel report ${escapeName(view.subscriptionId)}**.`;
  const body: CardElementJson[] = [titleBlock(title), subtleBlock(range)];
  body.push(...notes.map((note) => textBlock(note, { spacing: 'Small', color: 'Warning' })));
  const lines = [`**${title}**`, range, ...notes];
  for (const section of sections(view)) {
    const items: CardElementJson[] = [textBlock(section.title, { weight: 'Bolder', size: 'Medium' })];
    lines.push('', `**${section.title}**`);
    if (section.lead) {
      items.push(textBlock(escapeMarkdown(section.lead), { spacing: 'Small' }));
      lines.push(escapeMarkdown(section.lead));
    }
    if (section.rows.length === 0) {
      items.push(subtleBlock(escapeMarkdown(section.empty)));
      lines.push(escapeMarkdown(section.empty));
    }
    for (const row of section.rows) {
      const name = escapeName(row.name) || 'Unnamed room';
      items.push(textBlock(`**${name}**`, { spacing: 'Small' }));
      for (const line of row.lines)
        items.push(
          textBlock(escapeMarkdown(line.text), {
            size: 'Small',
            spacing: 'None',
            ...(line.color ? { color: line.color } : {}),
          }),
        );
      lines.push(`- **${name}**: ${row.lines.map((l) => escapeMarkdown(l.text)).join('; ')}`);
    }
    if (section.more !== '') {
      items.push(subtleBlock(escapeMarkdown(section.more)));
      lines.push(escapeMarkdown(section.more));
    }
    body.push(container(items, { separator: true, spacing: 'Medium' }));
  }
  const footnotes = view.notes.map((n) => escapeMarkdown(n)).filter((n) => n !== '');
  for (const note of footnotes) body.push(subtleBlock(note, { spacing: 'Small' }));
  lines.push('', ...footnotes, stopHint);
  return {
    card: adaptiveCard(body, reportActions(view.subscriptionId)),
    markdown: clampMarkdown(lines.join('\n')),
  };
}
