import { formatDuration, formatValue, METRIC_LABEL } from '../metrics';
import type { AlertCondition, AlertRule, ReportSubscription, RoomSelection } from '../model';
import { cadenceText } from '../model/report-cadence';
import { inDisplayUnit } from '../model/units';
import type { TemperatureUnit } from '../webex/wire';
import { widenedText } from './unusual-rule';

/** A value stored in the API's unit (°C), shown in the space's unit. */
export function displayValue(
  metric: AlertRule['metric'],
  value: number,
  unit: TemperatureUnit = 'celsius',
): string {
  return formatValue(metric, inDisplayUnit(metric, value, unit), unit);
}

/** "above 500 ppb", "below 18.0 °C", "outside 30–60 %". Values are stored in the API's units. */
export function conditionText(
  metric: AlertRule['metric'],
  condition: AlertCondition,
  unit: TemperatureUnit = 'celsius',
): string {
  const show = (v: number) => displayValue(metric, v, unit);
  if (condition.op === 'unusual') return 'unusual for the room';
  if (condition.op === 'quiet') return `quiet (no reading for ${formatDuration(condition.afterMs)})`;
  return condition.op === 'outside'
    ? `outside ${show(condition.low)} – ${show(condition.high)}`
    : `${condition.op} ${show(condition.value)}`;
}

/** "Room 4, Boardroom" or "all rooms"; long lists are cut with a count. */
export function roomsText(rooms: RoomSelection, nameOf: (workspaceId: string) => string, max = 4): string {
  if (rooms.all) return 'all rooms';
  const names = rooms.workspaceIds.map(nameOf);
  return names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * "TVOC above 500 ppb in Fjord, for 10 min"; "Temperature unusual for the room … in Fjord, for
 * 10 min (band widened ×1.5 after 1 false alarm)"; "Sensor in Focus Booth 1 goes quiet: no
 * reading for 2 h".
 */
export function ruleText(
  rule: AlertRule,
  nameOf: (workspaceId: string) => string,
  unit?: TemperatureUnit,
): string {
  const rooms = roomsText(rule.rooms, nameOf);
  const { condition } = rule;
  if (condition.op === 'quiet') {
    const sensor = rule.rooms.all ? 'Any room’s sensor' : `Sensor in ${rooms}`;
    return `${sensor} goes quiet: no reading for ${formatDuration(condition.afterMs)}`;
  }
  const hold = rule.holdMs > 0 ? `, for ${Math.round(rule.holdMs / 60_000)} min` : '';
  const widened = condition.op === 'unusual' ? widenedText(condition) : undefined;
  const label = METRIC_LABEL[rule.metric];
  if (widened) {
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${conditionText(rule.metric, condition, unit)} in ${rooms}${hold} (${widened})`;
  }
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${conditionText(rule.metric, rule.condition, unit)} in ${roomsText(rule.rooms, nameOf)}${hold}`;
}

/** "Daily at 08:00 for Room 4, Boardroom" / "Every Monday at 08:00 for all rooms" */
export function reportText(report: ReportSubscription, nameOf: (workspaceId: string) => string): string {
  return `${cadenceText(report)} at ${report.time} for ${roomsText(report.rooms, nameOf)}`;
}
