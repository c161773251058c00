import { asksUnusual } from '../../language/problem-phrases';
import { METRIC_LABEL } from '../../metrics';
import type { AnswerPlan } from '../../plan/plan-answer';
import { MAX_BASELINE_ROOMS, MAX_BASELINE_WINDOW_MS } from '../../plan/plan-baseline';
import type { RoomMetricData } from '../../readings/read-room-metrics';
import type { MetricName } from '../../webex/wire';
import type { HandlerContext } from '../types';
import { usualKey, usualLines } from './usual-lines';

/** What a problems answer compares with the room's usual (people count is not a problem). */
const COMPARED: readonly MetricName[] = ['temperature', 'humidity', 'tvoc', 'ambientNoise'];
/** Every compared sensor of {@link MAX_BASELINE_ROOMS} rooms over six weeks: 72 calls, below a progress line. */
const MAX_CALLS = MAX_BASELINE_ROOMS * COMPARED.length * 6;

export interface UnusualNow {
  /** Rooms whose latest reading is unusual for them, in the plan's order. */
  lines: { roomName: string; metricLabel: string; text: string }[];
  /** Why nothing was compared, said only when the question asked what is unusual. */
  note?: string;
}

/**
 * For "what's unusual today?", "any problems on floor 2?": the rooms in scope whose latest reading
 * is unusual for the room (its own usual for the weekday and hour, `usualLines`). Bounded: only for
 * scopes of at most {@link MAX_BASELINE_ROOMS} rooms and windows of about a day; beyond that nothing
 * is compared, and a question about unusual is told so.
 */
export async function unusualNow(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
): Promise<UnusualNow> {
  const compared = { ...plan, fetches: plan.fetches.filter((f) => COMPARED.includes(f.metric)) };
  const rooms = new Set(compared.fetches.map((f) => f.room.id)).size;
  const asked = asksUnusual(ctx.text.toLowerCase());
  if (rooms > MAX_BASELINE_ROOMS)
    return asked
      ? {
          lines: [],
          note: `What is unusual for a room (against its own usual weekday and hour) is checked for up to ${MAX_BASELINE_ROOMS} rooms: ask about a room, or a scope of ${MAX_BASELINE_ROOMS} rooms or fewer.`,
        }
      : { lines: [] };
  if (Math.min(plan.to, ctx.now()) - plan.from > MAX_BASELINE_WINDOW_MS)
    return asked
      ? { lines: [], note: 'What is unusual for a room is checked for today and now only.' }
      : { lines: [] };
  const usual = await usualLines(ctx, compared, data, { latestOnly: true, maxCalls: MAX_CALLS });
  const lines = compared.fetches.flatMap((f) => {
    const line = usual.get(usualKey(f.room.id, f.metric));
    return line?.unusual
      ? [{ roomName: f.room.displayName, metricLabel: METRIC_LABEL[f.metric], text: line.text }]
      : [];
  });
  return { lines };
}
