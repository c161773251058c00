import { nextSlot } from '../../automation/report-schedule';
import { ruleText } from '../../automation/rule-text';
import type { AlertRuleRowView, ReportRowView } from '../../cards';
import type { AlertRule, AlertState, ReportSubscription } from '../../model';
import type { HandlerContext } from '../types';

/** Display name of a workspace id ("a room that no longer exists" when it is gone). */
export function nameOf(ctx: Pick<HandlerContext, 'directory'>): (workspaceId: string) => string {
  const names = new Map(ctx.directory.workspaces.map((w) => [w.id, w.displayName]));
  return (id) => names.get(id) ?? 'a removed room';
}

/** One rule as a list row: its words, and whether it is firing or pending anywhere. */
export function alertRow(
  ctx: HandlerContext,
  rule: AlertRule,
  states: readonly AlertState[],
): AlertRuleRowView {
  const active = states.filter((s) => s.ruleId === rule.id && s.status !== 'normal');
  const firing = active.filter((s) => s.status === 'firing');
  const relevant = firing.length > 0 ? firing : active;
  const since = relevant
    .map((s) => s.conditionSince)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b)[0];
  return {
    id: rule.id,
    text: ruleText(rule, nameOf(ctx), ctx.space.unit),
    status: firing.length > 0 ? 'firing' : active.length > 0 ? 'pending' : 'normal',
    ...(since !== undefined ? { since } : {}),
    ...(relevant.length > 1 ? { activeRooms: relevant.length } : {}),
    muted: rule.muted,
  };
}

/** One report subscription as a list row, with its next run in the space's zone. */
export function reportRow(ctx: HandlerContext, report: ReportSubscription): ReportRowView {
  const names = nameOf(ctx);
  return {
    id: report.id,
    days: report.days,
    time: report.time,
    rooms: report.rooms.all ? [] : report.rooms.workspaceIds.map(names),
    ...(report.rooms.all ? { allRooms: true } : {}),
    nextAt: nextSlot(report, ctx.space.timeZone, ctx.now()),
  };
}

/** "a3" / "r2" named in the text, if any. */
export function idIn(text: string, prefix: 'a' | 'r'): string | undefined {
  return new RegExp(`\\b(${prefix}\\d{1,9})\\b`, 'i').exec(text)?.[1]?.toLowerCase();
}
