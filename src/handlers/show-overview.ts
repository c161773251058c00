import { overviewCard } from '../cards';
import { formatDuration, formatValue, METRIC_LABEL, summarizeDurations } from '../metrics';
import { type AnswerPlan, planAnswer } from '../plan/plan-answer';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel } from './support/labels';
import { metricSection, sectionInput, summaryOf } from './support/metric-sections';
import { readAnswer } from './support/read-answer';
import { roomsTable } from './support/room-table';
import { usualKey, usualLines } from './support/usual-lines';
import type { Handler, HandlerContext, Reply } from './types';

/** `overview`: one room's every sensor and booked vs used time; several rooms in one table. */
export const showOverview: Handler = async (ctx) => {
  const plan = planAnswer(ctx.request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const data = await readAnswer(ctx, plan);
  if (plan.rooms.length === 1) return roomOverview(ctx, plan, data);
  return roomsTable(ctx, plan, data, {
    title: 'How the rooms were',
    value: 'mean',
    actions: followUpActions(ctx.request, plan),
  });
};

async function roomOverview(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
): Promise<Reply> {
  const { space } = ctx;
  const room = plan.rooms[0]!;
  const { from, to } = plan;
  const usual = await usualLines(ctx, plan, data);
  const lines = data.map((d) => {
    const input = sectionInput(ctx, plan, d);
    const summary = summaryOf(input);
    const section = metricSection(input, summary);
    const mean = section.stats.find((s) => s.label.startsWith('Mean'));
    // An empty room (no people count while its device reported) shows 0 people.
    const value = summary.empty ? formatValue(d.metric, 0) : (mean?.value ?? '—');
    const line = usual.get(usualKey(d.room.id, d.metric));
    return {
      metricLabel: METRIC_LABEL[d.metric],
      verdict: summary.verdict,
      value,
      ...(line ? { usual: line } : {}),
    };
  });
  const unsupported = [
    ...plan.unsupported.map((u) => `No ${METRIC_LABEL[u.metric]} sensor in this room`),
    ...plan.notes,
  ];
  let bookedVsUsed: { booked: string; used: string; ghost: string } | undefined;
  try {
    const durationAggregation = to - from > 7 * 86_400_000 ? 'daily' : 'hourly';
    const [booked, used] = await Promise.all(
      (['timeBooked', 'timeUsed'] as const).map((measurement) =>
        ctx.webex.admin.durations({
          workspaceId: room.id,
          measurement,
          aggregation: durationAggregation,
          from,
          to,
        }),
      ),
    );
    const summary = summarizeDurations(booked!.items, used!.items);
    if (summary.bookedMinutes > 0 || summary.usedMinutes > 0) {
      bookedVsUsed = {
        booked: formatDuration(summary.bookedMinutes * 60_000),
        used: formatDuration(summary.usedMinutes * 60_000),
        ghost: formatDuration(summary.ghostMinutes * 60_000),
      };
    }
  } catch (error) {
    ctx.log.warn({ err: error }, 'duration metrics unavailable');
  }
  const message = overviewCard({
    roomName: room.displayName,
    timeZone: space.timeZone,
    from,
    to,
    rangeLabel: rangeLabel(plan.labelFrom, to, ctx.now(), space.timeZone, plan.anchoredStart),
    lines,
    unsupported,
    ...(bookedVsUsed ? { bookedVsUsed } : {}),
    actions: followUpActions(ctx.request, undefined),
  });
  return { markdown: message.markdown, card: message.card };
}
