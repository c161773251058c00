import { DateTime } from 'luxon';
import { toPoints } from '../metrics';
import type { CsvInputs } from '../model/card-actions';
import { readRoomMetrics } from '../readings/read-room-metrics';
import type { HandlerContext, Reply } from './types';

const cell = (value: string | number) => {
  const text = String(value);
  // Quote when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The data behind an answer as a CSV file, times in the space's zone with their offset. */
export async function sendCsv(ctx: HandlerContext, inputs: CsvInputs): Promise<Reply> {
  const directory = await ctx.webex.directory.get();
  const rooms = inputs.workspaceIds
    .map((id) => directory.workspaces.find((w) => w.id === id))
    .filter((w): w is NonNullable<typeof w> => w !== undefined);
  if (rooms.length === 0)
    return { markdown: 'Those rooms are no longer in the directory, so there is nothing to export.' };
  const from = Date.parse(inputs.from);
  const to = Date.parse(inputs.to);
  const unit = inputs.unit ?? ctx.space.unit;
  const data = await readRoomMetrics(ctx.webex, rooms, inputs.metrics, {
    from,
    to,
    aggregation: inputs.aggregation,
    unit,
  });
  const local = (ms: number) =>
    DateTime.fromMillis(ms, { zone: ctx.space.timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
  const lines = [['room', 'metric', 'start', 'end', 'mean', 'min', 'max', 'unit'].join(',')];
  for (const d of data) {
    const unitName =
      d.metric === 'temperature'
        ? unit
        : d.metric === 'humidity'
          ? '%'
          : d.metric === 'tvoc'
            ? 'ppb'
            : d.metric === 'peopleCount'
              ? 'people'
              : 'dBA';
    for (const p of toPoints(d.items, inputs.aggregation)) {
      lines.push(
        [d.room.displayName, d.metric, local(p.start), local(p.end), p.mean, p.min, p.max, unitName]
          .map(cell)
          .join(','),
      );
    }
  }
  const name = `room-metrics-${DateTime.fromMillis(from, { zone: ctx.space.timeZone }).toFormat('yyyyLLdd-HHmm')}.csv`;
  return {
    markdown: `Data for ${rooms.map((r) => r.displayName).join(', ')} (times in ${ctx.space.timeZone}).`,
    file: {
      filename: name,
      contentType: 'text/csv',
      bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
    },
  };
}
