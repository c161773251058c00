import { rankCard } from '../cards';
import { formatDuration, formatValue, METRIC_LABEL, type MetricSummary, rankWorkspaces } from '../metrics';
import { mapWithConcurrency } from '../webex/concurrency';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel, sensorMetrics, unitLabel } from './support/labels';
import { summaryOf } from './support/metric-sections';
import type { Handler } from './types';

const TITLES: Record<string, [string, string]> = {
  temperature: ['Warmest rooms', 'Coldest rooms'],
  humidity: ['Most humid rooms', 'Driest rooms'],
  tvoc: ['Stuffiest rooms', 'Freshest rooms'],
  ambientNoise: ['Noisiest rooms', 'Quietest rooms'],
  soundLevel: ['Loudest rooms', 'Quietest rooms'],
  peopleCount: ['Busiest rooms', 'Emptiest rooms'],
};

const statValue = (summary: MetricSummary, stat: 'mean' | 'max' | 'min') =>
  stat === 'mean' ? summary.mean : stat === 'max' ? summary.max?.value : summary.min?.value;

/** Ranking by time used or booked: total minutes per room over the range. */
const rankByDuration: Handler = async (ctx) => {
  const { request, space } = ctx;
  const measurement = request.metrics.includes('timeBooked') ? 'timeBooked' : 'timeUsed';
  const from = Date.parse(request.from ?? '');
  const to = Date.parse(request.to ?? '');
  const order = request.rank?.order ?? 'desc';
  const limit = request.rank?.limit ?? 5;
  const totals = await mapWithConcurrency(request.workspaces, 6, async (room) => {
    const result = await ctx.webex.admin.durations({
      workspaceId: room.id,
      measurement,
      aggregation: to - from > 7 * 86_400_000 ? 'daily' : 'hourly',
      from,
      to,
    });
    return { room, minutes: result.items.reduce((sum, item) => sum + item.duration, 0) };
  });
  const ranked = [...totals]
    .sort((a, b) => (order === 'desc' ? b.minutes - a.minutes : a.minutes - b.minutes))
    .slice(0, limit);
  const label = METRIC_LABEL[measurement];
  const message = rankCard({
    title: `${order === 'desc' ? 'Most' : 'Least'} ${measurement === 'timeUsed' ? 'used' : 'booked'} rooms`,
    metricLabel: label,
    statLabel: 'total',
    timeZone: space.timeZone,
    from,
    to,
    rangeLabel: rangeLabel(from, to, ctx.now()),
    rows: ranked.map((r, i) => ({
      position: i + 1,
      roomName: r.room.displayName,
      value: formatDuration(r.minutes * 60_000),
    })),
    noData: [],
    actions: followUpActions(request, []),
  });
  return { markdown: message.markdown, card: message.card };
};

/** `rank`: the top N rooms by a statistic of one metric, as rows and a bar chart. */
export const rankRooms: Handler = async (ctx) => {
  const { request, space } = ctx;
  if (
    sensorMetrics(request.metrics).length === 0 &&
    request.metrics.some((m) => m === 'timeUsed' || m === 'timeBooked')
  ) {
    return rankByDuration(ctx);
  }
  const metric = sensorMetrics(request.metrics)[0] ?? 'temperature';
  const rank = request.rank ?? { stat: 'mean' as const, order: 'desc' as const, limit: 5 };
  const from = Date.parse(request.from ?? '');
  const to = Date.parse(request.to ?? '');
  const aggregation = request.aggregation ?? 'hourly';
  const unit = request.unit ?? space.unit;
  const data = await ctx.readMetrics([metric]);
  const entries = data
    .filter((d) => d.supported)
    .map((d) => {
      const capacity = ctx.directory.workspaces.find((w) => w.id === d.room.id)?.capacity;
      return {
        room: d.room,
        summary: summaryOf({
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
      };
    })
    .sort((a, b) => a.room.displayName.localeCompare(b.room.displayName));
  const ranked = rankWorkspaces(entries, rank);
  const rows = ranked.map((e, i) => ({
    position: i + 1,
    roomName: e.room.displayName,
    value: formatValue(metric, statValue(e.summary, rank.stat) ?? 0, unit),
  }));
  const noData = entries.filter((e) => e.summary.count === 0).map((e) => e.room.displayName);
  const [high, low] = TITLES[metric] ?? ['Top rooms', 'Bottom rooms'];
  let title = rank.order === 'desc' ? high : low;
  if (rank.limit === 1) title = title.replace(/ rooms$/, ' room');
  let chartUrl: string | undefined;
  if (ranked.length > 1) {
    try {
      chartUrl = await ctx.charts.render({
        kind: 'bar',
        title: `${title} · ${METRIC_LABEL[metric]} (${rank.stat})`,
        subtitle: space.timeZone,
        timeZone: space.timeZone,
        unitLabel: unitLabel(metric, unit),
        series: [],
        bars: ranked.map((e) => ({ label: e.room.displayName, value: statValue(e.summary, rank.stat) ?? 0 })),
      });
    } catch (error) {
      ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
    }
  }
  const message = rankCard({
    title,
    metricLabel: METRIC_LABEL[metric],
    statLabel: rank.stat === 'mean' ? 'average' : rank.stat === 'max' ? 'peak' : 'lowest',
    timeZone: space.timeZone,
    from,
    to,
    rangeLabel: rangeLabel(from, to, ctx.now()),
    rows,
    noData,
    ...(chartUrl ? { chartUrl } : {}),
    actions: followUpActions({ ...request, workspaces: ranked.map((e) => e.room) }, [metric]),
  });
  return { markdown: message.markdown, card: message.card };
};
