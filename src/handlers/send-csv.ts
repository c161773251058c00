import { DateTime } from 'luxon';
import { clampMarkdown } from '../cards/markdown';
import { escapeMarkdown } from '../cards/text';
import { toPoints } from '../metrics';
import type { CsvInputs } from '../model/card-actions';
import { METRIC_LABEL } from '../model/metric-catalogue';
import { unitLabel } from '../model/units';
import { planReadings } from '../plan/plan-answer';
import type { HandlerContext, Reply } from './types';

const cell = (value: string | number) => {
  const text = String(value);
  // Quote when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const roomList = (names: readonly string[]) =>
  names.length <= 10
    ? names.join(', ')
    : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more rooms`;

/** The rooms a CSV button names: its ids, or every room, a floor or a site of the directory. */
function csvRooms(ctx: HandlerContext, inputs: CsvInputs) {
  const all = ctx.planContext.directory.workspaces;
  if (inputs.allRooms) return all;
  if (inputs.floorId) return all.filter((w) => w.floorId === inputs.floorId);
  if (inputs.locationId) return all.filter((w) => w.locationId === inputs.locationId);
  // Ids the directory no longer has stay in: the plan names them ("no longer in the directory").
  return inputs.workspaceIds.map((id) => all.find((w) => w.id === id) ?? { id, displayName: id });
}

/**
 * The data behind an answer as a CSV file, times in the space's zone with their offset. The
 * button's inputs are untrusted: they go through the same plan (bounds, calls) as a question.
 */
export async function sendCsv(ctx: HandlerContext, inputs: CsvInputs): Promise<Reply> {
  const rooms = csvRooms(ctx, inputs);
  const known = new Set(ctx.planContext.directory.workspaces.map((w) => w.id));
  if (!rooms.some((r) => known.has(r.id)))
    return { markdown: 'Those rooms are no longer in the directory, so there is nothing to export.' };
  const plan = planReadings(
    {
      rooms,
      metrics: inputs.metrics,
      from: Date.parse(inputs.from),
      to: Date.parse(inputs.to),
      aggregation: inputs.aggregation,
      unit: inputs.unit ?? ctx.space.unit,
    },
    ctx.planContext,
  );
  if (plan.problem) return { markdown: `${plan.problem} Nothing was exported.` };
  const { from, unit } = plan;
  const data = await ctx.read(plan);
  const local = (ms: number) =>
    DateTime.fromMillis(ms, { zone: ctx.space.timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
  const lines = [['room', 'metric', 'start', 'end', 'mean', 'min', 'max', 'unit'].join(',')];
  for (const d of data) {
    const unitName = d.metric === 'temperature' ? unit : unitLabel(d.metric);
    for (const p of toPoints(d.items, plan.aggregation)) {
      lines.push(
        [d.room.displayName, d.metric, local(p.start), local(p.end), p.mean, p.min, p.max, unitName]
          .map(cell)
          .join(','),
      );
    }
  }
  const name = `room-metrics-${DateTime.fromMillis(from, { zone: ctx.space.timeZone }).toFormat('yyyyLLdd-HHmm')}.csv`;
  return {
    markdown: clampMarkdown(
      [
        `Data for ${escapeMarkdown(roomList(plan.rooms.map((r) => r.displayName)))} (times in ${ctx.space.timeZone}).`,
        ...plan.notes.map((n) => `_${escapeMarkdown(n)}_`),
        ...plan.metrics
          .map((m) => ({
            m,
            rooms: plan.unsupported.filter((u) => u.metric === m).map((u) => u.room.displayName),
          }))
          .filter((x) => x.rooms.length > 0)
          .map((x) => `_No ${METRIC_LABEL[x.m]} sensor (no rows): ${escapeMarkdown(roomList(x.rooms))}_`),
      ].join('\n'),
    ),
    file: {
      filename: name,
      contentType: 'text/csv',
      bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
    },
  };
}
