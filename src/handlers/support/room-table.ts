import { type CardAction, roomsTableCard } from '../../cards';
import { comfortOverlay } from '../../charts/comfort-overlay';
import { formatValue, METRIC_LABEL, type MetricSummary, toPoints } from '../../metrics';
import { unitLabel } from '../../model/units';
import type { AnswerPlan } from '../../plan/plan-answer';
import type { RoomMetricData } from '../../readings/read-room-metrics';
import type { MetricName } from '../../webex/wire';
import type { HandlerContext, Reply } from '../types';
import { rangeLabel } from './labels';
import { sectionInput, summaryOf } from './metric-sections';

const SEVERITY = { poor: 3, fair: 2, good: 1, none: 0 } as const;

export interface RoomSummaries {
  room: { id: string; displayName: string };
  summaries: MetricSummary[];
}

/** Every read series summarised, grouped by room in the plan's order. */
export function summariesByRoom(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
): RoomSummaries[] {
  const byRoom = new Map<string, RoomSummaries>();
  for (const d of data) {
    const summary = summaryOf(sectionInput(ctx, plan, d));
    const entry = byRoom.get(d.room.id) ?? { room: d.room, summaries: [] };
    entry.summaries.push(summary);
    byRoom.set(d.room.id, entry);
  }
  return plan.rooms.map((r) => byRoom.get(r.id)).filter((e): e is RoomSummaries => e !== undefined);
}

/** The summary a room's row leads with: its worst metric (the first asked on a tie). */
function worstOf(summaries: readonly MetricSummary[]): MetricSummary | undefined {
  return (
    summaries
      // An empty room (people count, its device reporting) is a row with 0 people.
      .filter((s) => s.count > 0 || s.empty)
      .reduce<MetricSummary | undefined>(
        (worst, s) => (!worst || SEVERITY[s.verdict.level] > SEVERITY[worst.verdict.level] ? s : worst),
        undefined,
      )
  );
}

/**
 * Several rooms as ONE table card: a row per room (its worst metric's value and verdict), worst
 * first; rooms without the sensor and rooms without readings named below; a chart of the worst
 * few; every cut said in words.
 */
export async function roomsTable(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
  options: { title: string; value: 'latest' | 'mean'; actions: CardAction[] },
): Promise<Reply> {
  const { space } = ctx;
  const rooms = summariesByRoom(ctx, plan, data);
  const shown = (metric: MetricName, v: number) => formatValue(metric, v, plan.unit);
  const rows = rooms
    .map((r) => ({ room: r.room, worst: worstOf(r.summaries) }))
    .filter((r): r is { room: RoomSummaries['room']; worst: MetricSummary } => r.worst !== undefined)
    .map(({ room, worst }) => {
      const value = worst.empty
        ? 0
        : options.value === 'latest'
          ? (worst.latest?.value ?? worst.mean)
          : worst.mean;
      return {
        room,
        worst,
        row: {
          roomName: room.displayName,
          value: value === undefined ? '—' : shown(worst.metric, value),
          verdict: worst.verdict,
          ...(plan.metrics.length > 1 ? { detail: METRIC_LABEL[worst.metric] } : {}),
          ...(worst.gaps.length > 0 ? { gap: true } : {}),
        },
      };
    })
    .sort(
      (a, b) =>
        SEVERITY[b.worst.verdict.level] - SEVERITY[a.worst.verdict.level] ||
        a.room.displayName.localeCompare(b.room.displayName),
    );
  const withData = new Set(rows.map((r) => r.room.id));
  const fetched = new Set(plan.fetches.map((f) => f.room.id));
  const noSensor = plan.rooms
    .filter((r) => !fetched.has(r.id) && !plan.omittedRooms.includes(r))
    .map((r) => r.displayName);
  const noData = plan.rooms.filter((r) => fetched.has(r.id) && !withData.has(r.id)).map((r) => r.displayName);
  const gapsOf = new Map(
    rooms.map((r) => [r.room.id, r.summaries.find((s) => s.metric === plan.metrics[0])?.gaps ?? []]),
  );
  const chartUrl = await tableChart(
    ctx,
    plan,
    data,
    rows.map((r) => r.room.id),
    gapsOf,
  );
  const message = roomsTableCard({
    title: options.title,
    timeZone: space.timeZone,
    from: plan.from,
    to: plan.to,
    rangeLabel: rangeLabel(plan.labelFrom, plan.to, ctx.now(), space.timeZone, plan.anchoredStart),
    valueLabel: options.value === 'latest' ? 'Now' : 'Mean',
    rows: rows.map((r) => r.row),
    maxRows: ctx.limits.maxTableRows,
    total: plan.rooms.length,
    noSensor,
    noData,
    notes: plan.notes,
    ...(chartUrl ? { chartUrl } : {}),
    actions: options.actions,
  });
  return { markdown: message.markdown, card: message.card };
}

/** A line chart of the first metric in the worst few rooms (from the readings already read). */
async function tableChart(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
  worstFirst: readonly string[],
  gapsOf: ReadonlyMap<string, MetricSummary['gaps']>,
): Promise<string | undefined> {
  const metric = plan.metrics[0];
  if (!metric) return undefined;
  const series = worstFirst
    .map((id) => data.find((d) => d.room.id === id && d.metric === metric && d.items.length > 0))
    .filter((d): d is RoomMetricData => d !== undefined)
    .slice(0, ctx.limits.maxChartSeries)
    .map((d) => ({
      label: d.room.displayName,
      points: toPoints(d.items, plan.aggregation).map((p) => ({ t: p.start, mean: p.mean })),
      // Each room's line breaks where it has no readings.
      gaps: gapsOf.get(d.room.id) ?? [],
    }));
  if (series.length === 0) return undefined;
  try {
    return await ctx.charts.render({
      kind: 'line',
      title: `${METRIC_LABEL[metric]} · ${series.length === 1 ? series[0]!.label : `the ${series.length} worst rooms`}`,
      subtitle: ctx.space.timeZone,
      timeZone: ctx.space.timeZone,
      unitLabel: unitLabel(metric, plan.unit),
      series,
      ...comfortOverlay(metric, ctx.bands, plan.unit, undefined),
    });
  } catch (error) {
    ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
    return undefined;
  }
}
