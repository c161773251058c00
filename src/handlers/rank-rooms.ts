import { rankCard } from '../cards';
import { formatValue, METRIC_LABEL, rankValue, rankWorkspaces } from '../metrics';
import { planAnswer } from '../plan/plan-answer';
import { showUtilisation } from './show-utilisation';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel, sensorMetrics, unitLabel } from './support/labels';
import { readAnswer } from './support/read-answer';
import { summariesByRoom } from './support/room-table';

const count = (n: number) => n.toLocaleString('en-US');

import type { Handler } from './types';

const TITLES: Record<string, [string, string]> = {
  temperature: ['Warmest rooms', 'Coldest rooms'],
  humidity: ['Most humid rooms', 'Driest rooms'],
  tvoc: ['Stuffiest rooms', 'Freshest rooms'],
  ambientNoise: ['Noisiest rooms', 'Quietest rooms'],
  soundLevel: ['Loudest rooms', 'Quietest rooms'],
  peopleCount: ['Busiest rooms', 'Emptiest rooms'],
};

/** `rank`: the top N rooms by a statistic of one metric, as rows and a bar chart. */
export const rankRooms: Handler = async (ctx) => {
  const { request, space } = ctx;
  if (
    sensorMetrics(request.metrics).length === 0 &&
    request.metrics.some((m) => m === 'timeUsed' || m === 'timeBooked')
  ) {
    return showUtilisation(ctx);
  }
  const rank = request.rank ?? { stat: 'mean' as const, order: 'desc' as const, limit: 5 };
  const plan = planAnswer(request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const metric = plan.metrics[0]!;
  const { from, to, unit } = plan;
  const data = await readAnswer(ctx, plan);
  const entries = summariesByRoom(ctx, plan, data)
    .map((r) => ({ room: r.room, summary: r.summaries[0]! }))
    .sort((a, b) => a.room.displayName.localeCompare(b.room.displayName));
  const ranked = rankWorkspaces(entries, rank);
  const rows = ranked.map((e, i) => ({
    position: i + 1,
    roomName: e.room.displayName,
    value: formatValue(metric, rankValue(e.summary, rank.stat) ?? 0, unit),
  }));
  // Rooms without a value to rank by: no readings, or none in working hours.
  const noData = entries
    .filter((e) => rankValue(e.summary, rank.stat) === undefined)
    .map((e) => e.room.displayName);
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
        bars: ranked.map((e) => ({ label: e.room.displayName, value: rankValue(e.summary, rank.stat) ?? 0 })),
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
    rangeLabel: rangeLabel(plan.labelFrom, to, ctx.now(), space.timeZone, plan.anchoredStart),
    rows,
    noData,
    notes: [
      `Ranked ${count(entries.length - noData.length)} of ${count(plan.rooms.length)} rooms${plan.unsupported.length > 0 ? `; ${count(plan.unsupported.length)} ${plan.unsupported.length === 1 ? 'has' : 'have'} no ${METRIC_LABEL[metric]} sensor` : ''}.`,
      ...plan.notes,
    ],
    ...(chartUrl ? { chartUrl } : {}),
    actions: followUpActions(request, plan),
  });
  return { markdown: message.markdown, card: message.card };
};
