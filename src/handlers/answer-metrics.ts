import { metricsCard } from '../cards';
import { comfortOverlay } from '../charts/comfort-overlay';
import { METRIC_LABEL, toPoints } from '../metrics';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel, sensorMetrics, unitLabel } from './support/labels';
import { metricSection } from './support/metric-sections';
import type { Handler, Reply } from './types';

const MAX_ROOMS = 5;

/** `query` and `current`: a card per room, a section per metric, and a chart of the first metric. */
export const answerMetrics: Handler = async (ctx) => {
  const { request, space } = ctx;
  const metrics = sensorMetrics(request.metrics);
  const from = Date.parse(request.from ?? '');
  const to = Date.parse(request.to ?? '');
  const aggregation = request.aggregation ?? 'hourly';
  const unit = request.unit ?? space.unit;
  if (metrics.length === 0) {
    return {
      markdown:
        'Time used and time booked are part of the room overview: ask "how was Boardroom this week?".',
    };
  }
  const rooms = request.workspaces.slice(0, MAX_ROOMS);
  const data = await ctx.readMetrics(metrics);
  const replies: Reply[] = [];
  for (const room of rooms) {
    const capacity = ctx.directory.workspaces.find((w) => w.id === room.id)?.capacity;
    const roomData = data.filter((d) => d.room.id === room.id);
    const sections = roomData.map((d) =>
      metricSection({
        data: d,
        from,
        to,
        now: ctx.now(),
        aggregation,
        bands: ctx.bands,
        capacity,
        unit,
        timeZone: space.timeZone,
      }),
    );
    const charted = roomData.find((d) => d.supported && d.items.length > 0);
    let chartUrl: string | undefined;
    if (charted) {
      try {
        chartUrl = await ctx.charts.render({
          kind: 'line',
          title: `${room.displayName} · ${METRIC_LABEL[charted.metric]}`,
          subtitle: space.timeZone,
          timeZone: space.timeZone,
          unitLabel: unitLabel(charted.metric, unit),
          series: [
            {
              label: room.displayName,
              points: toPoints(charted.items, aggregation).map((p) => ({
                t: p.start,
                mean: p.mean,
                min: p.min,
                max: p.max,
              })),
            },
          ],
          ...comfortOverlay(charted.metric, ctx.bands, unit, capacity),
        });
      } catch (error) {
        ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
      }
    }
    const message = metricsCard({
      roomName: room.displayName,
      timeZone: space.timeZone,
      from,
      to,
      rangeLabel: rangeLabel(from, to, ctx.now()),
      current: request.intent === 'current',
      sections,
      ...(chartUrl
        ? { chartUrl, chartAlt: `Chart of ${METRIC_LABEL[charted!.metric]} in ${room.displayName}` }
        : {}),
      actions: followUpActions(request, metrics, room.displayName),
    });
    replies.push({ markdown: message.markdown, card: message.card });
  }
  if (request.workspaces.length > MAX_ROOMS) {
    replies.push({
      markdown: `I showed the first ${MAX_ROOMS} of ${request.workspaces.length} rooms. For many rooms, ask for a ranking ("which rooms were warmest") or a comparison.`,
    });
  }
  return replies.length === 1 ? replies[0]! : replies;
};
