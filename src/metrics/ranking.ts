import type { RankSpec } from '../model/metric-catalogue';
import type { MetricSummary } from './summary';

/**
 * The value a room is ranked (and shown) by: the statistic over working hours when the summary was
 * judged in them (nights and weekends would flatten the ranking into ties), else over the period
 * (also when the window holds no working hours: a weekend is ranked by its readings). Undefined
 * without data for it, or without readings in the window's working hours.
 */
export function rankValue(summary: MetricSummary, stat: RankSpec['stat']): number | undefined {
  // An empty room (no people-count data while its device reported) counts as 0 people.
  if (summary.empty) return 0;
  if (summary.count === 0) return undefined;
  const working = summary.working && summary.working.ms > 0 ? summary.working : undefined;
  const value = working
    ? working[stat]
    : stat === 'mean'
      ? summary.mean
      : stat === 'max'
        ? summary.max?.value
        : summary.min?.value;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * Ranks workspaces by a statistic of their summaries (`mean`, `max` or `min`), highest first for
 * `desc`, lowest first for `asc`, and keeps the first `limit` (a `limit` that is not a positive number
 * keeps all). Entries without data for the statistic are left out; an empty room ranks with 0 people. The sort is stable: equal values
 * keep the caller's order (sort by name first for name tie-breaks).
 */
export function rankWorkspaces<T extends { summary: MetricSummary }>(
  entries: readonly T[],
  rank: RankSpec,
): T[] {
  const sign = rank.order === 'asc' ? 1 : -1;
  const ranked = entries
    .map((entry) => ({ entry, value: rankValue(entry.summary, rank.stat) }))
    .filter((x): x is { entry: T; value: number } => x.value !== undefined)
    .sort((a, b) => sign * (a.value - b.value))
    .map((x) => x.entry);
  return rank.limit > 0 && Number.isFinite(rank.limit) ? ranked.slice(0, Math.floor(rank.limit)) : ranked;
}
