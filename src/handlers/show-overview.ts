import { overviewCard } from '../cards';
import { formatDuration, METRIC_LABEL, SENSOR_METRICS, summarizeDurations } from '../metrics';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel } from './support/labels';
import { metricSection, summaryOf } from './support/metric-sections';
import type { Handler, Reply } from './types';

/** `overview`: every metric the room has (capabilities), a line each, and booked vs used time. */
export const showOverview: Handler = async (ctx) => {
  const { request, space } = ctx;
  const from = Date.parse(request.from ?? '');
  const to = Date.parse(request.to ?? '');
  const aggregation = request.aggregation ?? 'hourly';
  const data = await ctx.readMetrics(SENSOR_METRICS);
  const replies: Reply[] = [];
  for (const room of request.workspaces.slice(0, 3)) {
    const capacity = ctx.directory.workspaces.find((w) => w.id === room.id)?.capacity;
    const roomData = data.filter((d) => d.room.id === room.id);
    const lines = roomData
      .filter((d) => d.supported)
      .map((d) => {
        const input = {
          data: d,
          from,
          to,
          now: ctx.now(),
          aggregation,
          bands: ctx.bands,
          capacity,
          unit: space.unit,
          timeZone: space.timeZone,
        };
        const summary = summaryOf(input);
        const section = metricSection(input, summary);
        const mean = section.stats.find((s) => s.label.startsWith('Mean'));
        return { metricLabel: METRIC_LABEL[d.metric], verdict: summary.verdict, value: mean?.value ?? '—' };
      });
    const unsupported = roomData
      .filter((d) => !d.supported)
      .map((d) => `No ${METRIC_LABEL[d.metric]} sensor in this room`);
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
      rangeLabel: rangeLabel(from, to, ctx.now()),
      lines,
      unsupported,
      ...(bookedVsUsed ? { bookedVsUsed } : {}),
      actions: followUpActions(request, [], undefined),
    });
    replies.push({ markdown: message.markdown, card: message.card });
  }
  return replies.length === 1 ? replies[0]! : replies;
};
