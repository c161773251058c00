import { healthCard } from '../cards';
import { healthRow } from '../cards/health-lines';
import { scopeName } from '../language/scope-name';
import { formatDuration } from '../metrics';
import {
  type HealthSeries,
  impossibleBuckets,
  mayBeSilent,
  type RoomHealthInput,
  roomHealth,
  worstFirst,
} from '../metrics/sensor-health';
import type { AnswerPlan } from '../plan/plan-answer';
import {
  DETAIL_LOOK_BACK_DAYS,
  GAP_LOOK_BACK_DAYS,
  type Pinpoint,
  planHealth,
  planPinpoints,
} from '../plan/plan-health';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { DAY_MS } from '../webex/wire/limits';
import type { Handler } from './types';

/**
 * `health`: "which sensors are offline?". Reads hourly buckets (plan-health), then the raw hours
 * that pinpoint silent sensors' last readings and impossible values (one call each, bounded), and
 * answers with one card: rooms with problems worst first, the healthy ones counted in one line.
 */
export const checkSensors: Handler = async (ctx) => {
  const plan = planHealth(ctx.request, ctx.planContext);
  if (plan.rooms.length === 0 && plan.omittedRooms.length === 0)
    return { markdown: 'No rooms to check: say "list rooms" to see the rooms I know.' };
  const now = ctx.now();
  const options = { now, offlineAfterMs: ctx.limits.sensorOfflineAfterMs, timeZone: ctx.space.timeZone };
  const inputs = roomInputs(plan, await ctx.read(plan));
  const pinpoints: Pinpoint[] = [];
  for (const input of inputs) {
    const room = plan.rooms.find((r) => r.id === input.room.id)!;
    for (const s of input.series) {
      const silent = s.metric === 'peopleCount' ? undefined : mayBeSilent(s, options);
      if (silent) pinpoints.unshift({ room, metric: s.metric, hourStart: silent.start });
      const odd = impossibleBuckets(s, input.room.capacity)[0];
      if (odd) pinpoints.push({ room, metric: s.metric, hourStart: odd.start });
    }
  }
  if (pinpoints.length > 0) {
    try {
      const raw = await ctx.read(planPinpoints(plan, pinpoints));
      for (const d of raw) attachRaw(inputs, d);
    } catch (error) {
      ctx.log.warn({ err: error }, 'could not pinpoint sensor problems; answering by the hour');
    }
  }
  // A room without any sensor has nothing to judge: named in a note, neither healthy nor not.
  const sensorless = inputs.filter((i) => i.series.length === 0).map((i) => i.room.displayName);
  const health = worstFirst(inputs.filter((i) => i.series.length > 0).map((i) => roomHealth(i, options)));
  const lineContext = { now, timeZone: ctx.space.timeZone, lookBackMs: GAP_LOOK_BACK_DAYS * DAY_MS };
  const message = healthCard({
    scope: scopeName(ctx.request, ctx.directory),
    roomCount: plan.rooms.length,
    timeZone: ctx.space.timeZone,
    basis: `Hourly readings: ${GAP_LOOK_BACK_DAYS} days for recurring gaps, ${DETAIL_LOOK_BACK_DAYS} days for silent sensors and impossible values; offline after ${formatDuration(options.offlineAfterMs)} without a reading.`,
    rows: health.filter((h) => h.problems.length > 0).map((h) => healthRow(h, lineContext)),
    healthy: health.filter((h) => h.problems.length === 0).map((h) => h.room.displayName),
    notes: [
      ...plan.notes,
      ...(sensorless.length > 0 ? [`No sensors to check in ${sensorless.join(', ')}.`] : []),
    ],
  });
  return { markdown: message.markdown, card: message.card };
};

/** The plan's hourly series, per room in the plan's order. */
function roomInputs(plan: AnswerPlan, data: readonly RoomMetricData[]): RoomHealthInput[] {
  return plan.rooms.map((room) => ({
    room: {
      id: room.id,
      displayName: room.displayName,
      ...(room.capacity ? { capacity: room.capacity } : {}),
    },
    series: plan.fetches
      .filter((f) => f.room.id === room.id)
      .map((f): HealthSeries => {
        const items = data.find((d) => d.room.id === room.id && d.metric === f.metric)?.items ?? [];
        return {
          metric: f.metric,
          from: f.from,
          to: f.to,
          buckets: items.flatMap((i) =>
            'start' in i ? [{ start: Date.parse(i.start), min: i.min, max: i.max }] : [],
          ),
        };
      }),
  }));
}

function attachRaw(inputs: RoomHealthInput[], d: RoomMetricData): void {
  const series = inputs.find((i) => i.room.id === d.room.id)?.series.find((s) => s.metric === d.metric) as
    | { raw?: { at: number; value: number }[] }
    | undefined;
  if (!series) return;
  const raw = d.items.flatMap((i) =>
    'timestamp' in i ? [{ at: Date.parse(i.timestamp), value: i.value }] : [],
  );
  series.raw = [...(series.raw ?? []), ...raw];
}
