import type { AnswerPlan } from '../../plan/plan-answer';
import { planSilenceChecks, type SilenceChecks } from '../../plan/plan-silence-checks';
import type { RoomMetricData } from '../../readings/read-room-metrics';
import type { HandlerContext } from '../types';

/**
 * Reads a plan's series, then — for series that came back empty — the bounded silence checks
 * (`planSilenceChecks`: at most 16 calls, one each), so that an answer can tell an empty room from a
 * silent device and name a silent sensor's last reading. A failed check leaves the answer as read.
 */
export async function readAnswer(ctx: HandlerContext, plan: AnswerPlan): Promise<RoomMetricData[]> {
  const data = await ctx.read(plan);
  const checks = planSilenceChecks(plan, data, { now: ctx.now(), limits: ctx.limits });
  if (checks.plan.fetches.length === 0) return withSilence(data, checks, []);
  try {
    return withSilence(data, checks, await ctx.read(checks.plan));
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not check silent sensors; answering without');
    return withSilence(data, checks, []);
  }
}

const newest = (items: RoomMetricData['items']): { at: number; value: number } | undefined => {
  let last: { at: number; value: number } | undefined;
  for (const item of items) {
    if (!('timestamp' in item)) continue;
    const at = Date.parse(item.timestamp);
    if (Number.isFinite(at) && (!last || at > last.at)) last = { at, value: item.value };
  }
  return last;
};

/**
 * The first read's series with what the checks found: a look-back's newest reading on a silent
 * series; on an empty people-count series whether the room's device reported (another metric read
 * in the window has data), did not (every other metric read is empty) or is not known.
 */
export function withSilence(
  data: readonly RoomMetricData[],
  checks: Pick<SilenceChecks, 'plan'>,
  found: readonly RoomMetricData[],
): RoomMetricData[] {
  const checked = checks.plan.fetches.map((f, i) => ({ fetch: f, data: found[i] }));
  return data.map((d) => {
    if (!d.supported || d.items.length > 0) return d;
    if (d.metric === 'peopleCount') {
      const others = [...data, ...checked.flatMap((c) => (c.data ? [c.data] : []))].filter(
        (o) => o.room.id === d.room.id && o.metric !== 'peopleCount' && o.supported,
      );
      if (others.length === 0) return d;
      return { ...d, deviceReporting: others.some((o) => o.items.length > 0) };
    }
    const lookBack = checked.find(
      (c) => c.fetch.room.id === d.room.id && c.fetch.metric === d.metric && c.fetch.aggregation === 'none',
    );
    if (!lookBack?.data) return d;
    const last = newest(lookBack.data.items);
    return { ...d, lookBack: { from: lookBack.fetch.from, ...(last ? { last } : {}) } };
  });
}
