import type { UsualLine } from '../../cards';
import { asksUnusual } from '../../language/problem-phrases';
import { toPoints } from '../../metrics';
import { checkUsual } from '../../metrics/usual-check';
import type { AnswerPlan } from '../../plan/plan-answer';
import { planBaselines } from '../../plan/plan-baseline';
import type { RoomMetricData } from '../../readings/read-room-metrics';
import type { HandlerContext } from '../types';

const keyOf = (roomId: string, metric: string) => `${roomId}|${metric}`;

/** Said only where someone asked whether something is unusual ("is the noise in Room 40 unusual?"). */
export const NOT_ENOUGH_HISTORY = 'Not enough history to say what is usual here (it takes 3 past weeks).';

/**
 * For an answer about a few rooms: each series against the room's own usual for the same weekday and
 * hours over the past weeks (`planBaselines`: bounded, counted, read through the readings cache, so
 * a follow-up reads no past week again). A line per series that is unusual; "not enough history"
 * only when the question asked about unusual. A failed read leaves the answer without lines.
 */
export async function usualLines(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
  options: { latestOnly?: boolean; maxCalls?: number } = {},
): Promise<Map<string, UsualLine>> {
  const lines = new Map<string, UsualLine>();
  const { timeZone } = ctx.space;
  const baselines = planBaselines(
    plan,
    { now: ctx.now(), limits: ctx.limits, timeZone },
    options.maxCalls === undefined ? {} : { maxCalls: options.maxCalls },
  );
  if (baselines.fetches.length === 0) return lines;
  let past: RoomMetricData[];
  try {
    past = await ctx.read(baselines.plan);
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not read the past weeks; answering without the usual');
    return lines;
  }
  const history = new Map<string, RoomMetricData['items']>();
  baselines.fetches.forEach((f, i) => {
    const key = keyOf(f.of.room.id, f.of.metric);
    history.set(key, [...(history.get(key) ?? []), ...(past[i]?.items ?? [])]);
  });
  const asked = asksUnusual(ctx.text.toLowerCase());
  const latestOnly = options.latestOnly ?? ctx.request.intent === 'current';
  for (const d of data) {
    const key = keyOf(d.room.id, d.metric);
    const items = history.get(key);
    if (!items || !d.supported || d.items.length === 0) continue;
    const check = checkUsual(d.metric, toPoints(d.items, plan.aggregation), toPoints(items, 'hourly'), {
      timeZone,
      unit: plan.unit,
      latestOnly,
    });
    if (check.kind === 'unusual')
      lines.set(key, { text: check.text, unusual: true, ...(latestOnly ? {} : { at: check.at }) });
    else if (check.kind === 'unknown' && asked) lines.set(key, { text: NOT_ENOUGH_HISTORY, unusual: false });
  }
  return lines;
}

export { keyOf as usualKey };
