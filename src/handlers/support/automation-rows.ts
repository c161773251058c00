import { nextSlot } from '../../automation/report-schedule';
import { ruleText } from '../../automation/rule-text';
import type { AlertRoomStateView, AlertRuleRowView, ReportRowView } from '../../cards';
import type { AlertRule, AlertState, ReportSubscription } from '../../model';
import type { HandlerContext } from '../types';

/** Display name of a workspace id ("a room that no longer exists" when it is gone). */
export function nameOf(ctx: Pick<HandlerContext, 'directory'>): (workspaceId: string) => string {
  const names = new Map(ctx.directory.workspaces.map((w) => [w.id, w.displayName]));
  return (id) => names.get(id) ?? 'a removed room';
}

/**
 * One rule as a list row: its words, and room by room where it is pending or firing — since when,
 * acknowledged by whom and when, snoozed until when (only while ahead), a false alarm. Firing rooms
 * come first, then the oldest episode first.
 */
export function alertRow(
  ctx: HandlerContext,
  rule: AlertRule,
  states: readonly AlertState[],
): AlertRuleRowView {
  const names = nameOf(ctx);
  const watched = rule.rooms.all ? undefined : new Set(rule.rooms.workspaceIds);
  const active = states
    .filter((s) => s.ruleId === rule.id && s.status !== 'normal')
    .filter((s) => watched === undefined || watched.has(s.workspaceId))
    .sort(
      (a, b) =>
        Number(b.status === 'firing') - Number(a.status === 'firing') ||
        (a.conditionSince ?? Number.POSITIVE_INFINITY) - (b.conditionSince ?? Number.POSITIVE_INFINITY),
    );
  const now = ctx.now();
  const rooms = active.map((s): AlertRoomStateView => {
    const snoozed = s.snoozedUntil !== undefined && s.snoozedUntil > now;
    return {
      room: names(s.workspaceId),
      status: s.status === 'firing' ? 'firing' : 'pending',
      ...(s.conditionSince !== undefined ? { since: s.conditionSince } : {}),
      ...(s.acknowledgedBy !== undefined ? { acknowledgedBy: s.acknowledgedBy } : {}),
      ...(s.acknowledgedAt !== undefined ? { acknowledgedAt: s.acknowledgedAt } : {}),
      ...(snoozed ? { snoozedUntil: s.snoozedUntil } : {}),
      ...(s.falseAlarm ? { falseAlarm: true } : {}),
    };
  });
  return {
    id: rule.id,
    text: ruleText(rule, names, ctx.space.unit),
    status: rooms.some((r) => r.status === 'firing') ? 'firing' : rooms.length > 0 ? 'pending' : 'normal',
    ...(rooms.length > 0 ? { rooms } : {}),
    muted: rule.muted,
  };
}

/** One report subscription as a list row, with its next run in the space's zone. */
export function reportRow(ctx: HandlerContext, report: ReportSubscription): ReportRowView {
  const names = nameOf(ctx);
  return {
    id: report.id,
    days: report.days,
    ...(report.weekday !== undefined ? { weekday: report.weekday } : {}),
    ...(report.dayOfMonth !== undefined ? { dayOfMonth: report.dayOfMonth } : {}),
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
