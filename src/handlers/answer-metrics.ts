import { metricsCard } from '../cards';
import { comfortOverlay } from '../charts/comfort-overlay';
import { METRIC_LABEL, toPoints } from '../metrics';
import { sensorMetrics } from '../model/metric-catalogue';
import { unitLabel } from '../model/units';
import { type AnswerPlan, planAnswer } from '../plan/plan-answer';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { showUtilisation } from './show-utilisation';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel } from './support/labels';
import { metricSection, sectionInput, summaryOf } from './support/metric-sections';
import { readAnswer } from './support/read-answer';
import { roomsTable } from './support/room-table';
import { usualKey, usualLines } from './support/usual-lines';
import type { Handler, HandlerContext, Reply } from './types';

/** `query` and `current`: one room in detail (a section per metric and a chart), several in one table. */
export const answerMetrics: Handler = async (ctx) => {
  const { request } = ctx;
  // Time used and booked only ("Boardroom utilisation this month"): the utilisation answer.
  if (sensorMetrics(request.metrics).length === 0) return showUtilisation(ctx);
  const plan = planAnswer(request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const data = await readAnswer(ctx, plan);
  if (plan.rooms.length === 1) return roomDetail(ctx, plan, data);
  const what = plan.metrics.map((m) => METRIC_LABEL[m]).join(', ');
  return roomsTable(ctx, plan, data, {
    title: request.intent === 'current' ? `${what} now` : what,
    value: request.intent === 'current' ? 'latest' : 'mean',
    actions: followUpActions(request, plan),
  });
};

async function roomDetail(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
): Promise<Reply> {
  const { request, space } = ctx;
  const room = plan.rooms[0]!;
  const unsupported: RoomMetricData[] = plan.unsupported.map((u) => ({
    room: u.room,
    metric: u.metric,
    supported: false,
    items: [],
    calls: 0,
  }));
  const series = plan.metrics
    .map((m) => data.find((d) => d.metric === m) ?? unsupported.find((d) => d.metric === m))
    .filter((d): d is RoomMetricData => d !== undefined);
  const inputs = series.map((d) => sectionInput(ctx, plan, d));
  const summaries = inputs.map((input) => summaryOf(input));
  const usual = await usualLines(ctx, plan, series);
  const sections = inputs.map((input, i) => {
    const section = metricSection(input, summaries[i]);
    const line = usual.get(usualKey(input.data.room.id, input.data.metric));
    return line ? { ...section, usual: line } : section;
  });
  if (sections[0] && plan.notes.length > 0) sections[0].caveats.unshift(...plan.notes);
  const chartedIndex = series.findIndex((d) => d.supported && d.items.length > 0);
  const charted = series[chartedIndex];
  let chartUrl: string | undefined;
  if (charted) {
    try {
      chartUrl = await ctx.charts.render({
        kind: 'line',
        title: `${room.displayName} · ${METRIC_LABEL[charted.metric]}`,
        subtitle: space.timeZone,
        timeZone: space.timeZone,
        unitLabel: unitLabel(charted.metric, plan.unit),
        // The whole window (up to now): a sensor silent at either end shows as an empty stretch.
        range: { from: plan.from, to: Math.min(plan.to, ctx.now()) },
        series: [
          {
            label: room.displayName,
            points: toPoints(charted.items, plan.aggregation).map((p) => ({
              t: p.start,
              mean: p.mean,
              min: p.min,
              max: p.max,
            })),
            // The line breaks where the summary found no readings.
            gaps: summaries[chartedIndex]!.gaps,
          },
        ],
        ...comfortOverlay(charted.metric, ctx.bands, plan.unit, room.capacity),
      });
    } catch (error) {
      ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
    }
  }
  const message = metricsCard({
    roomName: room.displayName,
    timeZone: space.timeZone,
    from: plan.from,
    to: plan.to,
    rangeLabel: rangeLabel(plan.labelFrom, plan.to, ctx.now(), space.timeZone, plan.anchoredStart),
    current: request.intent === 'current',
    sections,
    ...(chartUrl
      ? { chartUrl, chartAlt: `Chart of ${METRIC_LABEL[charted!.metric]} in ${room.displayName}` }
      : {}),
    actions: followUpActions(request, plan, room.displayName),
  });
  return { markdown: message.markdown, card: message.card };
}
