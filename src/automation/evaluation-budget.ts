/**
 * Planning an alert-evaluation pass within the Webex API budget. Each workspace × metric pair is
 * one `GET /workspaceMetrics` call per pass; chat answers share the same budget, so a share of it
 * is kept back for them. When a pass does not fit in the desired interval, the interval grows and
 * the plan says why in words an admin can act on.
 */

import type { AlertRule } from '../model';
import type { MetricName } from '../webex/wire';

const MINUTE_MS = 60_000;

/** Share of the per-minute budget left for answering people (alerts must not starve the chat). */
export const DEFAULT_RESERVE_SHARE = 0.2;

export interface EvaluationPlanInput {
  /** Workspace × metric pairs to poll (one API call each), after de-duplication (`pairsFor`). */
  pairs: number;
  /** How often alerts should be checked. */
  desiredIntervalMs: number;
  /** API calls per minute the bot may make in all. */
  budgetPerMinute: number;
  /** Share of the budget kept for chat answers, in [0, 1); default 0.2. */
  reserveShare?: number;
  /** The number of rooms, only to word the reason ("2,000 rooms × 2 metrics"). */
  rooms?: number;
}

export interface EvaluationPlan {
  /** Time between the starts of two passes. */
  intervalMs: number;
  callsPerPass: number;
  /** Start call i at i × spacingMs into the pass: an even spread, never a burst (may be fractional). */
  spacingMs: number;
  /** The interval had to be longer than desired. */
  lengthened: boolean;
  /** Why, when lengthened. */
  reason?: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "16.7 min", "17 min", "30 s". */
function minutes(ms: number): string {
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)} s`;
  const value = Math.round((ms / MINUTE_MS) * 10) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} min`;
}

function what(pairs: number, rooms: number | undefined): string {
  if (rooms !== undefined && rooms > 0 && pairs % rooms === 0) {
    const metrics = pairs / rooms;
    return `${count(rooms)} ${rooms === 1 ? 'room' : 'rooms'} × ${metrics} ${metrics === 1 ? 'metric' : 'metrics'}`;
  }
  return `${count(pairs)} room–metric ${pairs === 1 ? 'pair' : 'pairs'}`;
}

/**
 * The interval, calls and spacing of one evaluation pass. If the pairs do not fit in the desired
 * interval at the usable rate, the interval becomes the smallest whole number of minutes that
 * fits (a schedule people can read), and `reason` explains it.
 */
export function planEvaluation(input: EvaluationPlanInput): EvaluationPlan {
  const { pairs, desiredIntervalMs, budgetPerMinute } = input;
  const reserveShare = input.reserveShare ?? DEFAULT_RESERVE_SHARE;
  if (!Number.isInteger(pairs) || pairs < 0)
    throw new RangeError(`pairs must be a whole number ≥ 0, got ${pairs}.`);
  if (!(desiredIntervalMs > 0))
    throw new RangeError(`The alert interval must be positive, got ${desiredIntervalMs} ms.`);
  if (!(reserveShare >= 0 && reserveShare < 1)) {
    throw new RangeError(`reserveShare must be in [0, 1), got ${reserveShare}.`);
  }
  // Whole calls per minute; the epsilon absorbs 300 × 0.8 = 239.99999… style rounding.
  const usablePerMinute = Math.floor(budgetPerMinute * (1 - reserveShare) + 1e-9);
  if (!(usablePerMinute >= 1)) {
    throw new RangeError(
      `An API budget of ${budgetPerMinute} calls/min leaves no calls for alerts after the ${Math.round(reserveShare * 100)} % kept for chat answers; raise the budget.`,
    );
  }
  const neededMs = (pairs / usablePerMinute) * MINUTE_MS;
  const spacing = (intervalMs: number) => (pairs === 0 ? 0 : intervalMs / pairs);
  if (neededMs <= desiredIntervalMs) {
    return {
      intervalMs: desiredIntervalMs,
      callsPerPass: pairs,
      spacingMs: spacing(desiredIntervalMs),
      lengthened: false,
    };
  }
  const intervalMs = Math.ceil(neededMs / MINUTE_MS - 1e-9) * MINUTE_MS;
  return {
    intervalMs,
    callsPerPass: pairs,
    spacingMs: spacing(intervalMs),
    lengthened: true,
    reason:
      `${what(pairs, input.rooms)} need ${count(pairs)} calls; at ${count(usablePerMinute)} calls/min that takes ` +
      `${minutes(neededMs)}, so alerts are checked every ${minutes(intervalMs)} instead of every ${minutes(desiredIntervalMs)}`,
  };
}

/** One API call of a pass, and the rules that evaluate its readings. */
export interface PollPair {
  workspaceId: string;
  metric: MetricName;
  ruleIds: string[];
}

/**
 * The workspace × metric pairs to poll, each once however many rules watch it (two tvoc rules on
 * the same room share one call), in first-seen order.
 */
export function pairsFor<R extends Pick<AlertRule, 'id' | 'metric'>>(
  rules: readonly R[],
  workspaceIdsForRule: (rule: R) => readonly string[],
): PollPair[] {
  const pairs = new Map<string, PollPair>();
  for (const rule of rules) {
    for (const workspaceId of workspaceIdsForRule(rule)) {
      const key = `${rule.metric}\u0000${workspaceId}`;
      const pair = pairs.get(key);
      if (!pair) pairs.set(key, { workspaceId, metric: rule.metric, ruleIds: [rule.id] });
      else if (!pair.ruleIds.includes(rule.id)) pair.ruleIds.push(rule.id);
    }
  }
  return [...pairs.values()];
}
