import { formatDuration } from '../metrics';
/**
 * A threshold alert: it fired ("⚠️ TVOC in Fjord is 720 ppb"), it is still firing (a reminder),
 * or it is back to normal. Firing cards carry Acknowledge, Snooze (1 h / 4 h / 24 h in one
 * Action.ShowCard, to stay within five actions), Mute rule and False alarm; the resolve card has
 * no buttons.
 */
import {
  adaptiveCard,
  type CardActionJson,
  type CardElementJson,
  type CardMessage,
  type ShowCardActionJson,
  type SubmitActionJson,
  textBlock,
} from './adaptive-card';
import type { AlertActionData, AlertView } from './automation-views';
import { SNOOZE_HOURS } from './automation-views';
import { formatClock, formatTime, sameLocalDay, zoneSuffix } from './format';
import { clampMarkdown, markdownLink } from './markdown';
import { chartImage, isUsableImageUrl, present, subtleBlock, titleBlock, WARNING_SIGN } from './parts';
import { capitalize, cleanText, escapeMarkdown, escapeName } from './text';

/** "09:40" when `ms` falls on the local day of `ref`, else "Tue 17 Nov 22:10" (no zone label). */
function timeNear(ms: number, ref: number, zone: string): string {
  return sameLocalDay(ms, ref, zone) ? formatClock(ms, zone) : formatTime(ms, zone);
}

/** What the card and the markdown both say, escaped. */
interface AlertText {
  headline: string;
  detail: string;
  rule: string;
  notes: string[];
}

export function alertCard(view: AlertView): CardMessage {
  const text = alertText(view);
  const resolved = view.kind === 'resolve';
  const headline = titleBlock(text.headline);
  headline.color = resolved ? 'Good' : 'Attention';

  const body: CardElementJson[] = [
    headline,
    textBlock(text.detail, { spacing: 'Small' }),
    subtleBlock(text.rule),
    ...text.notes.map((note) => subtleBlock(note)),
  ];
  const image = chartImage(view.chartUrl, `${cleanText(view.metricLabel)} in ${cleanText(view.roomName)}`);
  if (image) body.push(image);

  return {
    card: adaptiveCard(body, resolved ? [] : alertActions(view)),
    markdown: alertMarkdown(view, text),
  };
}

function alertText(view: AlertView): AlertText {
  const zone = view.timeZone;
  const metric = escapeMarkdown(capitalize(cleanText(view.metricLabel))) || 'The reading';
  const room = escapeName(view.roomName) || 'the room';
  const value = escapeMarkdown(view.value);
  const threshold = escapeMarkdown(view.threshold);
  const where = `${metric} in ${room}`;
  const is =
    view.statement !== undefined
      ? escapeMarkdown(view.statement)
      : value === ''
        ? where
        : `${where} is ${value}`;
  const ref =
    (view.kind === 'resolve' ? view.resolvedAt : undefined) ?? view.at ?? view.firedAt ?? view.since;
  const since = timeNear(view.since, ref, zone);
  const rule = `Alert ${escapeName(view.ruleId)}: ${escapeMarkdown(view.ruleText)}`;

  if (view.kind === 'resolve') {
    const episode =
      view.resolvedAt === undefined
        ? `since ${since} ${zoneSuffix(zone)}`
        : `from ${since} to ${timeNear(view.resolvedAt, view.since, zone)} ${zoneSuffix(zone)}, for ${formatDuration(view.resolvedAt - view.since)}`;
    return {
      headline: `Back to normal: ${is}`,
      detail: threshold === '' ? `Was out of range ${episode}` : `Was ${threshold} ${episode}`,
      rule,
      notes: [],
    };
  }

  const notes: string[] = (view.ruleNotes ?? []).map((n) => capitalize(escapeMarkdown(n)));
  const orEarlier = view.sinceAtLeast === true;
  if (orEarlier) {
    const days = view.lookBackDays !== undefined && view.lookBackDays > 0 ? Math.round(view.lookBackDays) : 7;
    notes.push(`It may have started earlier: I look back at most ${days} days.`);
  }
  if (view.acknowledgedBy !== undefined) {
    notes.push(`Acknowledged by ${escapeName(view.acknowledgedBy) || 'someone'}`);
  }
  if (view.snoozedUntil !== undefined) {
    notes.push(`Snoozed until ${timeNear(view.snoozedUntil, ref, zone)} ${zoneSuffix(zone)}`);
  }
  const prefix = view.kind === 'renotify' ? `${WARNING_SIGN} Reminder: ` : `${WARNING_SIGN} `;
  return {
    headline: `${prefix}${is}`,
    detail: `${threshold === '' ? 'Out of range' : capitalize(threshold)} since ${since}${orEarlier ? ' or earlier' : ''} ${zoneSuffix(zone)}`,
    rule,
    notes,
  };
}

/** Acknowledge (unless acknowledged), Snooze… (a ShowCard of three), Mute rule, False alarm: ≤ 4. */
function alertActions(view: AlertView): CardActionJson[] {
  const base = { ruleId: view.ruleId, workspaceId: view.workspaceId };
  const submit = (title: string, data: AlertActionData): SubmitActionJson => ({
    type: 'Action.Submit',
    title,
    data: { ...data },
  });
  const snooze: ShowCardActionJson = {
    type: 'Action.ShowCard',
    title: 'Snooze…',
    card: adaptiveCard(
      [subtleBlock('Post nothing more about this alert for:', { spacing: 'None' })],
      SNOOZE_HOURS.map((hours) =>
        submit(`Snooze ${hours} h`, { kind: 'alert', op: 'snooze', ...base, hours }),
      ),
    ),
  };
  return present<CardActionJson>([
    view.acknowledgedBy === undefined
      ? submit('Acknowledge', { kind: 'alert', op: 'ack', ...base })
      : undefined,
    snooze,
    submit('Mute rule', { kind: 'alert', op: 'mute', ...base }),
    submit('False alarm', { kind: 'alert', op: 'false-alarm', ...base }),
  ]);
}

function alertMarkdown(view: AlertView, text: AlertText): string {
  const lines = [`**${text.headline}**`, text.detail, `_${text.rule}_`, ...text.notes];
  if (isUsableImageUrl(view.chartUrl)) lines.push(markdownLink('Chart', view.chartUrl));
  if (view.kind !== 'resolve') {
    lines.push('', `To stop alerts from this rule, say **delete alert ${escapeName(view.ruleId)}**.`);
  }
  return clampMarkdown(lines.join('\n'));
}
