/** The answer to "temperature in Room 4 last 6 hours" (query) and "how warm is Room 4 now" (current). */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  container,
  factSet,
  textBlock,
} from './adaptive-card';
import { formatAge, formatAt, formatDate, formatLocalRange, formatTime, zoneSuffix } from './format';
import { gapLine, silentSinceLine } from './gap-text';
import { clampMarkdown, markdownLink } from './markdown';
import {
  chartImage,
  isUsableImageUrl,
  moreText,
  noteBlocks,
  present,
  submitActions,
  subtleBlock,
  titleBlock,
  verdictBlock,
  warningLine,
} from './parts';
import { capitalize, cleanText, escapeMarkdown, escapeName, nonBlank } from './text';
import { usualText } from './usual-text';
import type { MetricSection, MetricsAnswerView, UsualLine } from './view-models';

/** Warnings (and caveats) per metric on the card; the markdown lists up to MARKDOWN_NOTES. */
const CARD_NOTES = 5;
const MARKDOWN_NOTES = 10;
/** More metrics than this and the title says "6 metrics" instead of naming them. */
const TITLE_METRICS = 3;

export function metricsCard(view: MetricsAnswerView): CardMessage {
  const title = metricsTitle(view);
  const when = view.current
    ? `As of ${formatTime(view.to, view.timeZone)}`
    : formatLocalRange(view.from, view.to, view.timeZone);
  const single = view.sections.length === 1;

  const body: CardElementJson[] = [titleBlock(title), subtleBlock(when)];
  if (view.sections.length === 0) body.push(textBlock('No data for this range.', { weight: 'Bolder' }));
  for (const section of view.sections) {
    body.push(container(sectionElements(section, view, single), { spacing: 'Medium', separator: !single }));
  }
  const alt = view.chartAlt ?? `${capitalize(metricLabels(view))} in ${view.roomName}, ${view.rangeLabel}`;
  const image = chartImage(view.chartUrl, alt);
  if (image) body.push(image);

  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: metricsMarkdown(view, title, when),
  };
}

/** "Room 4 · temperature · last 6 h (Europe/Oslo)" (escaped). */
function metricsTitle(view: MetricsAnswerView): string {
  const labels =
    view.sections.length > TITLE_METRICS ? `${view.sections.length} metrics` : metricLabels(view);
  const parts = [escapeName(view.roomName), escapeMarkdown(labels), escapeMarkdown(view.rangeLabel)];
  return `${parts.filter((part) => part !== '').join(' · ')} ${zoneSuffix(view.timeZone)}`;
}

function metricLabels(view: MetricsAnswerView): string {
  return nonBlank(view.sections.map((section) => cleanText(section.metricLabel))).join(', ');
}

function sectionElements(
  section: MetricSection,
  view: MetricsAnswerView,
  single: boolean,
): CardElementJson[] {
  const facts = sectionFactPairs(section, view).map(([title, value]) => ({
    title: escapeMarkdown(title),
    value: escapeMarkdown(value),
  }));
  const heading = escapeMarkdown(capitalize(section.metricLabel));
  return present<CardElementJson>([
    single || heading === '' ? undefined : textBlock(heading, { weight: 'Bolder' }),
    cleanText(section.verdict.text) === ''
      ? undefined
      : verdictBlock(section.verdict, { weight: single ? 'Bolder' : 'Default', spacing: 'Small' }),
    section.usual ? usualBlock(section.usual, view) : undefined,
    facts.length > 0 ? factSet(facts, { spacing: 'Small' }) : undefined,
    ...noteBlocks(...sectionNotes(section, view), CARD_NOTES),
  ]);
}

function usualBlock(usual: UsualLine, view: MetricsAnswerView): CardElementJson {
  const text = escapeMarkdown(usualText(usual, view, view.timeZone));
  return usual.unusual
    ? textBlock(text, { color: 'Warning', weight: 'Bolder', spacing: 'Small' })
    : subtleBlock(text);
}

/** The section's warnings and caveats, a silent sensor and its gaps first (unescaped). */
function sectionNotes(section: MetricSection, view: MetricsAnswerView): [string[], string[]] {
  const silent =
    section.silentSince === undefined ? [] : [silentSinceLine(section.silentSince, view, view.timeZone)];
  const gaps = gapLine(section.gaps ?? [], view, view.timeZone);
  return [
    [...silent, ...section.warnings],
    [...(gaps ? [gaps] : []), ...section.caveats],
  ];
}

/** Label/value pairs, unescaped (the card and markdown writers escape them). */
function sectionFactPairs(section: MetricSection, view: MetricsAnswerView): [string, string][] {
  const when = (ms: number) => whenReached(ms, section.bucket, view);
  const pairs: [string, string][] = section.stats
    .filter((stat) => cleanText(stat.value) !== '')
    .map((stat) => [stat.label, stat.at === undefined ? stat.value : `${stat.value} ${when(stat.at)}`]);
  if (section.latest) {
    // A reading carries its age; a bucket is a period, named by its start.
    const age = section.bucket ? '' : ` (${formatAge(section.latest.ageMs)})`;
    const latest: [string, string] = [
      view.current ? 'Now' : 'Latest',
      `${section.latest.value} ${when(section.latest.at)}${age}`,
    ];
    if (view.current) pairs.unshift(latest);
    else pairs.push(latest);
  }
  if (section.trend && section.trend !== 'unknown') pairs.push(['Trend', section.trend]);
  return pairs;
}

/** "at 10:10" for a reading, "in the hour from 10:00" for an hourly bucket, "on Tue 3 Dec" for a day. */
function whenReached(ms: number, bucket: MetricSection['bucket'], view: MetricsAnswerView): string {
  if (bucket === 'day') return `on ${formatDate(ms, view.timeZone)}`;
  const at = formatAt(ms, view, view.timeZone);
  return bucket === 'hour' ? `in the hour from ${at}` : `at ${at}`;
}

function metricsMarkdown(view: MetricsAnswerView, title: string, when: string): string {
  const lines = [`**${title}**`, when];
  if (view.sections.length === 0) lines.push('No data for this range.');
  const single = view.sections.length === 1;
  for (const section of view.sections) {
    const verdict = escapeMarkdown(section.verdict.text);
    const label = escapeMarkdown(capitalize(section.metricLabel));
    if (single) {
      if (verdict !== '') lines.push(`**${verdict}**`);
    } else {
      lines.push('', verdict === '' ? `**${label}**` : `**${label}:** ${verdict}`);
    }
    if (section.usual) {
      const usual = escapeMarkdown(usualText(section.usual, view, view.timeZone));
      lines.push(section.usual.unusual ? `**${usual}**` : `_${usual}_`);
    }
    for (const [name, value] of sectionFactPairs(section, view)) {
      const shownName = escapeMarkdown(name);
      lines.push(
        shownName === '' ? `- ${escapeMarkdown(value)}` : `- ${shownName}: ${escapeMarkdown(value)}`,
      );
    }
    const [allWarnings, allCaveats] = sectionNotes(section, view);
    const warnings = nonBlank(allWarnings);
    const caveats = nonBlank(allCaveats);
    // A blank line ends the list: else the notes would continue its last item.
    if (warnings.length + caveats.length > 0) lines.push('');
    lines.push(...warnings.slice(0, MARKDOWN_NOTES).map(warningLine));
    if (warnings.length > MARKDOWN_NOTES) lines.push(moreText(warnings.length - MARKDOWN_NOTES, 'warnings'));
    lines.push(...caveats.slice(0, MARKDOWN_NOTES).map((caveat) => `_${escapeMarkdown(caveat)}_`));
    if (caveats.length > MARKDOWN_NOTES) lines.push(moreText(caveats.length - MARKDOWN_NOTES, 'notes'));
  }
  if (isUsableImageUrl(view.chartUrl)) lines.push('', markdownLink('Chart', view.chartUrl));
  return clampMarkdown(lines.join('\n'));
}
