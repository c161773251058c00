import { formatDuration, formatValue, METRIC_LABEL } from '../metrics';
import type { HealthProblem, RoomHealth } from '../metrics/sensor-health';
import { formatAge, formatTime } from './format';
import type { HealthRowView } from './health-card';
import { capitalize } from './text';

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "09:00" for minutes after midnight (1440 = "24:00"). */
const clockOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * One problem as the card writes it; times in the space's zone (named once, in the title):
 * "Device offline since Tue 1 Dec 10:15 (2 d ago)", "Humidity: no reading since Thu 3 Dec 09:00",
 * "Temperature: impossible 85.0 °C at Sat 28 Nov 03:00", "Offline Tuesdays 09:00–11:00 (2 of the
 * last 2 weeks)".
 */
export function problemText(
  p: HealthProblem,
  ctx: { now: number; timeZone: string; lookBackMs: number },
): string {
  switch (p.kind) {
    case 'offline': {
      const what =
        p.metrics === 'device'
          ? 'Device offline'
          : `${capitalize(p.metrics.map((m) => METRIC_LABEL[m]).join(', '))}: offline`;
      if (p.lastReading === undefined)
        return `${what}: no reading in the last ${formatDuration(ctx.lookBackMs)}`;
      const when = formatTime(p.lastReading, ctx.timeZone);
      const age = formatAge(ctx.now - p.lastReading);
      return p.exact
        ? `${what} since ${when} (last reading, ${age})`
        : `${what}, last reading in the hour to ${when} (${age})`;
    }
    case 'impossible': {
      const value = formatValue(p.metric, p.value);
      const when = p.exact
        ? `at ${formatTime(p.at, ctx.timeZone)}`
        : `in the hour from ${formatTime(p.at, ctx.timeZone)}`;
      const more = p.hours > 1 ? ` (${p.hours} hours with impossible values)` : '';
      return `${capitalize(METRIC_LABEL[p.metric])}: impossible ${value} ${when}${more}`;
    }
    case 'recurring-gap':
      return `Offline ${WEEKDAYS[p.weekday - 1]} ${clockOf(p.startMinute)}–${clockOf(p.endMinute)} (${p.weeks} of the last ${p.ofWeeks} ${p.ofWeeks === 1 ? 'week' : 'weeks'})`;
  }
}

/** A room's problems as a card row, worst first (offline, impossible values, recurring gaps). */
export function healthRow(
  r: RoomHealth,
  ctx: { now: number; timeZone: string; lookBackMs: number },
): HealthRowView {
  const order = { offline: 0, impossible: 1, 'recurring-gap': 2 } as const;
  const level = { offline: 'offline', impossible: 'impossible', 'recurring-gap': 'gap' } as const;
  return {
    roomName: r.room.displayName,
    problems: [...r.problems]
      .sort((a, b) => order[a.kind] - order[b.kind])
      .map((p) => ({ level: level[p.kind], text: problemText(p, ctx) })),
  };
}
