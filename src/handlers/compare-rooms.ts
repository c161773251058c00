import { compareCard } from '../cards';
import { comfortOverlay } from '../charts/comfort-overlay';
import { formatValue, METRIC_LABEL, toPoints } from '../metrics';
import { planAnswer } from '../plan/plan-answer';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel, unitLabel } from './support/labels';
import { sectionInput, summaryOf } from './support/metric-sections';
import { readAnswer } from './support/read-answer';
import { roomsTable } from './support/room-table';
import type { Handler } from './types';

const MAX_ROOMS = 8;

/** `compare`: one metric over several rooms, one chart with a line per room (a table beyond eight). */
export const compareRooms: Handler = async (ctx) => {
  const { request, space } = ctx;
  const plan = planAnswer(request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const metric = plan.metrics[0]!;
  const { from, to, aggregation, unit } = plan;
  const read = await readAnswer(ctx, plan);
  if (plan.rooms.length > MAX_ROOMS)
    return roomsTable(ctx, plan, read, {
      title: `${METRIC_LABEL[metric]} by room`,
      value: 'mean',
      actions: followUpActions(request, plan),
    });
  const data = plan.rooms.map(
    (room) =>
      read.find((d) => d.room.id === room.id) ?? { room, metric, supported: false, items: [], calls: 0 },
  );
  const summaries = data.map((d) => summaryOf(sectionInput(ctx, plan, d)));
  const rows = data.map((d, i) => {
    const summary = summaries[i]!;
    // An empty room (no people count while its device reported) is 0 people.
    const mean = summary.empty ? 0 : summary.mean;
    return {
      roomName: d.room.displayName,
      mean: mean === undefined ? '—' : formatValue(metric, mean, unit),
      max: summary.max ? formatValue(metric, summary.max.value, unit) : '—',
      verdict: d.supported
        ? summary.verdict
        : { level: 'none' as const, text: `No ${METRIC_LABEL[metric]} sensor` },
    };
  });
  let chartUrl: string | undefined;
  const series = data
    .map((d, i) => ({ d, gaps: summaries[i]!.gaps }))
    .filter(({ d }) => d.items.length > 0)
    .map(({ d, gaps }) => ({
      label: d.room.displayName,
      points: toPoints(d.items, aggregation).map((p) => ({ t: p.start, mean: p.mean })),
      // Each room's line breaks where it has no readings.
      gaps,
    }));
  if (series.length > 0) {
    try {
      chartUrl = await ctx.charts.render({
        kind: 'line',
        title: `${METRIC_LABEL[metric]} · ${series.length} rooms`,
        subtitle: space.timeZone,
        timeZone: space.timeZone,
        unitLabel: unitLabel(metric, unit),
        series,
        ...comfortOverlay(metric, ctx.bands, unit, undefined),
      });
    } catch (error) {
      ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
    }
  }
  const message = compareCard({
    metricLabel: METRIC_LABEL[metric],
    timeZone: space.timeZone,
    from,
    to,
    rangeLabel: rangeLabel(plan.labelFrom, to, ctx.now(), space.timeZone, plan.anchoredStart),
    rows,
    notes: plan.notes,
    ...(chartUrl ? { chartUrl } : {}),
    actions: followUpActions(request, plan),
  });
  return { markdown: message.markdown, card: message.card };
};
