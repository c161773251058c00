import { alertCard } from '../cards';
import { formatTimeWithZone } from '../cards/format';
import type { ChartRenderer } from '../charts';
import { formatDuration, METRIC_LABEL } from '../metrics';
import type { Baseline } from '../metrics/baseline';
import type { AlertRule, AlertState } from '../model';
import type { Reply } from '../model/reply';
import { inDisplayUnit, unitLabel } from '../model/units';
import type { TemperatureUnit } from '../webex/wire';
import type { AlertEvent, Reading } from './alert-machine';
import { MAX_LOOK_BACK_MS } from './condition-start';
import { lastReadingOf } from './quiet-rule';
import { conditionText, displayValue } from './rule-text';
import { unusualStatement, widenedText } from './unusual-rule';

/** The last hours an alert's chart shows. */
const CHART_HOURS = 3;

export interface AlertMessageInput {
  rule: AlertRule;
  workspaceId: string;
  roomName: string;
  event: AlertEvent;
  state: AlertState;
  timeZone: string;
  unit: TemperatureUnit;
  charts: ChartRenderer;
  /** An "unusual" rule's baseline for the hour of the event's reading. */
  baseline?: Baseline;
  /** Readings of the rule's metric in this room since `from` (for the chart). */
  history: (from: number) => Promise<Reading[]>;
  now: number;
}

/**
 * The message for an alert event: the card (what, where, the value, since when, a chart of the
 * last hours with the threshold, and the buttons) and its markdown fallback. A chart that cannot
 * be drawn leaves the alert without one, never without the alert.
 */
export async function alertMessage(input: AlertMessageInput): Promise<Reply> {
  const { rule, event, timeZone, unit } = input;
  const toShown = (v: number) => inDisplayUnit(rule.metric, v, unit);
  let chartUrl: string | undefined;
  if (event.kind !== 'resolve') {
    try {
      const readings = await input.history(input.now - CHART_HOURS * 3_600_000);
      if (readings.length > 0) {
        chartUrl = await input.charts.render({
          kind: 'line',
          title: `${input.roomName} · ${METRIC_LABEL[rule.metric]}`,
          subtitle: `last ${CHART_HOURS} h · ${timeZone}`,
          timeZone,
          unitLabel: unitLabel(rule.metric, unit),
          series: [
            { label: input.roomName, points: readings.map((r) => ({ t: r.at, mean: toShown(r.value) })) },
          ],
          ...thresholdLine(rule, unit, toShown),
        });
      }
    } catch {
      chartUrl = undefined;
    }
  }
  // A run that reaches back to the look-back bound may have started earlier: the card says so.
  const firedAt = input.state.firedAt ?? event.at;
  const sinceAtLeast = event.kind !== 'resolve' && firedAt - event.since >= MAX_LOOK_BACK_MS - 3_600_000;
  const message = alertCard({
    kind: event.kind,
    ruleId: rule.id,
    ruleText:
      rule.condition.op === 'quiet'
        ? `sensor quiet for ${formatDuration(rule.condition.afterMs)}`
        : `${METRIC_LABEL[rule.metric]} ${conditionText(rule.metric, rule.condition, unit)}`,
    roomName: input.roomName,
    workspaceId: input.workspaceId,
    metricLabel: METRIC_LABEL[rule.metric],
    value: displayValue(rule.metric, event.value, unit),
    threshold: conditionText(rule.metric, rule.condition, unit),
    since: event.since,
    ...(sinceAtLeast ? { sinceAtLeast: true, lookBackDays: Math.round(MAX_LOOK_BACK_MS / 86_400_000) } : {}),
    // The reading reported: times on another local day than it show their day ("since Mon 23 Nov 12:00").
    at: event.at,
    ...(event.kind === 'resolve'
      ? { firedAt: event.firedAt, resolvedAt: event.at }
      : input.state.firedAt !== undefined
        ? { firedAt: input.state.firedAt }
        : {}),
    timeZone,
    ...(chartUrl ? { chartUrl } : {}),
    ...kindText(input),
  });
  return { markdown: message.markdown, card: message.card };
}

/**
 * What an unusual or quiet alert says instead of "<metric> in <room> is <value>", and the rule's
 * widened band. Quiet alerts report no value: `since` is the last reading.
 */
function kindText(input: AlertMessageInput): {
  statement?: string;
  ruleNotes?: string[];
  value?: string;
  at?: number;
} {
  const { rule, event, roomName, timeZone, unit } = input;
  const c = rule.condition;
  if (c.op === 'quiet') {
    if (event.kind === 'resolve') return { statement: `${roomName} is reporting again`, value: '' };
    const last = lastReadingOf(event.since);
    const quietFor = formatDuration(input.now - last);
    // `at` is now: the card then names the day of a last reading on another day.
    return {
      statement: `No reading from ${roomName} since ${formatTimeWithZone(last, timeZone)}: quiet for ${quietFor}`,
      value: '',
      at: input.now,
    };
  }
  if (c.op !== 'unusual') return {};
  const widened = widenedText(c);
  const statement =
    event.kind === 'resolve'
      ? undefined
      : unusualStatement(rule.metric, roomName, event.value, input.baseline, unit);
  return { ...(statement ? { statement } : {}), ...(widened ? { ruleNotes: [widened] } : {}) };
}

function thresholdLine(rule: AlertRule, unit: TemperatureUnit, toShown: (v: number) => number) {
  const c = rule.condition;
  if (c.op === 'unusual' || c.op === 'quiet') return {};
  const label = conditionText(rule.metric, c, unit);
  return c.op === 'outside'
    ? { band: { low: toShown(c.low), high: toShown(c.high), label } }
    : { threshold: { value: toShown(c.value), label } };
}
