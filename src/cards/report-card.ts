/**
 * A daily room report: the period, a note when it is late or when earlier reports were missed,
 * then per room (worst first) its verdict and one line per metric. Long reports become several
 * cards ("Daily room report (1/3)"): at most ROOMS_PER_CARD rooms each, each markdown within the
 * byte limit. The chart is on the first card; Send now and Cancel report on the last.
 */

import { formatDuration } from '../metrics';
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  container,
  type SubmitActionJson,
  textBlock,
} from './adaptive-card';
import type {
  ReportActionData,
  ReportAttentionView,
  ReportMetricView,
  ReportRoomView,
  ReportView,
} from './automation-views';
import { formatClockWithZone, formatRange, formatTime, zoneSuffix } from './format';
import { clampMarkdown, MARKDOWN_MAX_BYTES, markdownLink, utf8Bytes } from './markdown';
import {
  chartImage,
  isUsableImageUrl,
  moreText,
  subtleBlock,
  titleBlock,
  verdictBlock,
  WARNING_SIGN,
} from './parts';
import { capitalize, cleanText, escapeMarkdown, escapeName } from './text';
import type { Verdict } from './view-models';

/** Rooms per card: more and a card scrolls for pages. */
export const ROOMS_PER_CARD = 12;
/** Metric lines per room (card and markdown); reports have six metrics at most today. */
const METRICS_PER_ROOM = 8;
/** Missed slots named in the skipped note. */
const SKIPPED_NAMED = 5;
/** Room for " (999/999)" after the title, reserved before the number of parts is known. */
const PART_LABEL_RESERVE = ' (999/999)'.length;
const NO_DATA = 'no data for this period';

export function reportCards(view: ReportView): CardMessage[] {
  const zone = view.timeZone;
  const title = escapeMarkdown(view.title) || 'Room report';
  const range = formatRange(view.period.from, view.period.to, zone);
  const notes = reportNotes(view);
  const footnote = footnoteText(view);
  const chartLink = isUsableImageUrl(view.chartUrl) ? markdownLink('Chart', view.chartUrl) : undefined;
  const stopHint = `To stop this report, say **cancel report ${escapeName(view.subscriptionId)}**.`;
  const attention = view.attention && view.attention.rows.length > 0 ? view.attention : undefined;
  const attentionLines = attention ? attentionMarkdown(attention, zone) : [];

  // The markdown of every part: head (title, range; the first also the notes), rooms, tail (the
  // first: the chart link; the last: the footnote and the hint). Budget for the worst of each.
  const head = (first: boolean) => [
    `**${title}${' '.repeat(PART_LABEL_RESERVE)}**`,
    range,
    ...(first ? [...notes, ...attentionLines] : []),
  ];
  const lastTail = [...(footnote ? [footnote] : []), stopHint];
  const tail = [...(chartLink ? [chartLink] : []), ...lastTail];
  const fixed = utf8Bytes([...head(true), '', ...tail].join('\n')) + 2;
  const roomLines = view.rooms.map((room) => roomMarkdown(room));
  const parts = splitRooms(roomLines, MARKDOWN_MAX_BYTES - fixed);

  return parts.map((indexes, i) => {
    const first = i === 0;
    const last = i === parts.length - 1;
    const label = parts.length > 1 ? ` (${i + 1}/${parts.length})` : '';
    const rooms = indexes.map((index) => view.rooms[index]!);

    const body: CardElementJson[] = [titleBlock(`${title}${label}`), subtleBlock(range)];
    if (first) body.push(...notes.map((note) => textBlock(note, { spacing: 'Small', color: 'Warning' })));
    if (first && attention) body.push(attentionContainer(attention, zone));
    if (rooms.length === 0) body.push(textBlock('No rooms in this report.', { weight: 'Bolder' }));
    body.push(...rooms.map((room) => roomContainer(room)));
    const image = first ? chartImage(view.chartUrl, `${cleanText(view.title)}, ${range}`) : undefined;
    if (image) body.push(image);
    if (last && footnote !== '') body.push(subtleBlock(footnote, { spacing: 'Medium' }));

    const lines = [`**${title}${label}**`, range, ...(first ? notes : [])];
    if (first && attentionLines.length > 0) lines.push(...attentionLines);
    if (rooms.length === 0) lines.push('No rooms in this report.');
    lines.push(...indexes.map((index) => roomLines[index]!));
    const tailLines = [...(first && chartLink ? [chartLink] : []), ...(last ? lastTail : [])];
    if (tailLines.length > 0) lines.push('', ...tailLines);

    return {
      card: adaptiveCard(body, last ? reportActions(view.subscriptionId) : []),
      markdown: clampMarkdown(lines.join('\n')),
    };
  });
}

/**
 * The rooms' indexes per part, in order: a new part when one has ROOMS_PER_CARD rooms or the
 * next room's markdown would pass `budget` bytes. Always at least one part (maybe empty).
 */
function splitRooms(items: readonly string[], budget: number): number[][] {
  const parts: number[][] = [[]];
  let used = 0;
  items.forEach((item, index) => {
    const cost = utf8Bytes(item) + 1;
    const current = parts.at(-1)!;
    if (current.length > 0 && (current.length >= ROOMS_PER_CARD || used + cost > budget)) {
      parts.push([index]);
      used = cost;
    } else {
      current.push(index);
      used += cost;
    }
  });
  return parts;
}

/** The late and skipped notes (escaped, zone-labelled). */
function reportNotes(view: ReportView): string[] {
  const zone = view.timeZone;
  const notes: string[] = [];
  if (view.late && Number.isFinite(view.late.minutes) && view.late.minutes > 0) {
    const late = formatDuration(view.late.minutes * 60_000);
    const when =
      view.late.slotAt === undefined
        ? 'when it was due'
        : `at ${formatClockWithZone(view.late.slotAt, zone)}`;
    notes.push(`${WARNING_SIGN} Posted ${late} late: the bot was offline ${when}.`);
  }
  const skipped = [...(view.skipped ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
  if (skipped.length > 0) {
    const named = skipped.slice(0, SKIPPED_NAMED).map((slot) => formatTime(slot, zone));
    const more = skipped.length > SKIPPED_NAMED ? ` ${moreText(skipped.length - SKIPPED_NAMED)}` : '';
    const reports = skipped.length === 1 ? 'report was' : 'reports were';
    notes.push(
      `${WARNING_SIGN} ${skipped.length} earlier ${reports} missed while the bot was offline: ${named.join(', ')}${more} ${zoneSuffix(zone)}.`,
    );
  }
  return notes;
}

/** What "in band" means, and the temperature unit when the report shows temperatures. */
function footnoteText(view: ReportView): string {
  const metrics = view.rooms.flatMap((room) => (room.noData ? [] : room.metrics.slice(0, METRICS_PER_ROOM)));
  return [
    metrics.some((m) => /temperature/i.test(m.label))
      ? `Temperatures in ${view.unit === 'fahrenheit' ? '°F' : '°C'}.`
      : '',
    judgedText(view),
    metrics.some((m) => inBandText(m.inBandShare) !== '')
      ? '"In band": share of that time inside the comfort band.'
      : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** "Judged in working hours, Mon–Fri 08:00–17:00 (Europe/Oslo)." ("" when the view does not say). */
function judgedText(view: ReportView): string {
  const hours = cleanText(view.workingHours ?? '');
  return hours === ''
    ? ''
    : `Judged in working hours, ${escapeMarkdown(hours)} (${escapeMarkdown(view.timeZone)}).`;
}

/** Send now and Cancel report for report `reportId` (daily and site reports alike). */
export function reportActions(reportId: string): SubmitActionJson[] {
  const data = (op: ReportActionData['op']): ReportActionData => ({ kind: 'report', op, reportId });
  return [
    { type: 'Action.Submit', title: 'Send now', data: { ...data('send-now') } },
    { type: 'Action.Submit', title: 'Cancel report', data: { ...data('cancel') } },
  ];
}

function roomName(room: ReportRoomView): string {
  return escapeName(room.name) || 'Unnamed room';
}

function verdictText(verdict: Verdict): string {
  return escapeMarkdown(verdict.text);
}

/** "mean 22.4 °C, min 20.1 °C, max 24.3 °C · 72% in band" (escaped). */
function metricStats(metric: ReportMetricView): string {
  const stats = (
    [
      ['mean', metric.mean],
      ['min', metric.min],
      ['max', metric.max],
    ] as const
  )
    .filter(([, value]) => cleanText(value) !== '')
    .map(([name, value]) => `${name} ${escapeMarkdown(value)}`)
    .join(', ');
  const share = inBandText(metric.inBandShare);
  return [stats, share].filter((part) => part !== '').join(' · ');
}

/** 0.72 → "72% in band" ("" without a share). */
function inBandText(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '';
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}% in band`;
}

/** 4.5 → "4 h 30 min" */
function hoursText(hours: number): string {
  return hours <= 0 ? '0 h' : formatDuration(hours * 3_600_000);
}

/** "Peak 9 people of 8 seats · booked 6 h, used 4 h 30 min" ("" when none is given). */
function useText(room: ReportRoomView): string {
  const parts: string[] = [];
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 0;
  if (valid(room.peakPeople)) {
    const people = `Peak ${Math.round(room.peakPeople)} ${Math.round(room.peakPeople) === 1 ? 'person' : 'people'}`;
    parts.push(valid(room.capacity) ? `${people} of ${Math.round(room.capacity)} seats` : people);
  } else if (valid(room.capacity)) {
    parts.push(`${Math.round(room.capacity)} seats`);
  }
  const booking = [
    valid(room.bookedHours) ? `booked ${hoursText(room.bookedHours)}` : undefined,
    valid(room.usedHours) ? `used ${hoursText(room.usedHours)}` : undefined,
  ].filter((part) => part !== undefined);
  if (booking.length > 0) parts.push(booking.join(', '));
  return capitalize(parts.join(' · '));
}

function roomContainer(room: ReportRoomView): CardElementJson {
  const items: CardElementJson[] = [textBlock(roomName(room), { weight: 'Bolder' })];
  if (room.noData) {
    items.push(subtleBlock(capitalize(NO_DATA), { spacing: 'None' }));
  } else {
    if (verdictText(room.verdict) !== '') items.push(verdictBlock(room.verdict, { spacing: 'None' }));
    for (const metric of room.metrics.slice(0, METRICS_PER_ROOM)) {
      const label = escapeMarkdown(capitalize(cleanText(metric.label)));
      const stats = metricStats(metric);
      items.push(textBlock(label ? `**${label}**: ${stats}` : stats, { size: 'Small', spacing: 'Small' }));
      // Under the line, not in a column beside it: a verdict column as wide as its words leaves
      // the line a sliver at phone width ("Air quality (TVOC):" drawn one word per line and over
      // the verdict).
      if (verdictText(metric.verdict) !== '') {
        items.push(verdictBlock(metric.verdict, { weight: 'Default', size: 'Small', spacing: 'None' }));
      }
    }
    if (room.metrics.length > METRICS_PER_ROOM) {
      items.push(subtleBlock(moreText(room.metrics.length - METRICS_PER_ROOM, 'metrics')));
    }
  }
  const use = useText(room);
  if (use !== '') items.push(subtleBlock(use));
  return container(items, { separator: true, spacing: 'Medium' });
}

/** A blank line, "**Fjord**: High TVOC in meetings", then one list line per metric and use. */
function roomMarkdown(room: ReportRoomView): string {
  const verdict = verdictText(room.verdict);
  if (room.noData) {
    const use = useText(room);
    return ['', `**${roomName(room)}**: ${NO_DATA}`, ...(use ? [`- ${use}`] : [])].join('\n');
  }
  const lines = ['', verdict === '' ? `**${roomName(room)}**` : `**${roomName(room)}**: ${verdict}`];
  for (const metric of room.metrics.slice(0, METRICS_PER_ROOM)) {
    const label = escapeMarkdown(capitalize(cleanText(metric.label)));
    const metricVerdict = verdictText(metric.verdict);
    const text = [metricStats(metric), metricVerdict].filter((part) => part !== '').join(' · ');
    lines.push(label === '' ? `- ${text}` : `- ${label}: ${text}`);
  }
  if (room.metrics.length > METRICS_PER_ROOM) {
    lines.push(`- ${moreText(room.metrics.length - METRICS_PER_ROOM, 'metrics')}`);
  }
  const use = useText(room);
  if (use !== '') lines.push(`- ${use}`);
  return lines.join('\n');
}

/** Rooms named in "Needs attention" (the rest are counted): a short section, not a second report. */
const ATTENTION_ROOMS = 5;

/** "Needs attention (Europe/Oslo)": the zone the lines' times are in. */
function attentionTitle(zone: string): string {
  return `Needs attention ${zoneSuffix(zone)}`;
}

function attentionMore(view: ReportAttentionView): number {
  return view.more + Math.max(0, view.rows.length - ATTENTION_ROOMS);
}

function attentionContainer(view: ReportAttentionView, zone: string): CardElementJson {
  const items: CardElementJson[] = [textBlock(attentionTitle(zone), { weight: 'Bolder', color: 'Warning' })];
  for (const row of view.rows.slice(0, ATTENTION_ROOMS)) {
    items.push(textBlock(`**${escapeName(row.roomName) || 'Unnamed room'}**`, { spacing: 'Small' }));
    for (const line of row.lines)
      items.push(
        textBlock(escapeMarkdown(line.text), {
          size: 'Small',
          spacing: 'None',
          ...(line.level === 'quiet' ? { color: 'Attention' as const } : {}),
        }),
      );
  }
  const more = attentionMore(view);
  if (more > 0) items.push(subtleBlock(moreText(more, 'rooms')));
  return container(items, { separator: true, spacing: 'Medium' });
}

/** The same section in the markdown: a blank line, the title, one list line per room. */
function attentionMarkdown(view: ReportAttentionView, zone: string): string[] {
  const more = attentionMore(view);
  return [
    '',
    `**${attentionTitle(zone)}**`,
    ...view.rows
      .slice(0, ATTENTION_ROOMS)
      .map(
        (row) =>
          `- **${escapeName(row.roomName) || 'Unnamed room'}**: ${row.lines.map((l) => escapeMarkdown(l.text)).join('; ')}`,
      ),
    ...(more > 0 ? [`- ${moreText(more, 'rooms')}`] : []),
  ];
}
