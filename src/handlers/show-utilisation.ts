import type { FactJson } from '../cards';
import { type UtilisationRowView, utilisationCard } from '../cards';
import { formatHours } from '../cards/format';
import {
  type PeopleBucket,
  type RoomUtilisation,
  rankUtilisation,
  summarizeUtilisation,
  type UtilisationOrder,
  weeklyTotals,
} from '../metrics';
import { hasSensor, type PlanRoom } from '../plan/plan-answer';
import { planUtilisation, type UtilisationPlan } from '../plan/plan-utilisation';
import { readDurations } from '../readings/read-durations';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { followUpActions } from './support/follow-up-actions';
import { rangeLabel } from './support/labels';
import type { Handler, HandlerContext, Reply } from './types';

const DAY_MS = 86_400_000;

const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 100)} %`);

const MEANING = [
  'Booked: time in calendar bookings (rooms with a connected calendar only). Used: time the room device detected people, booked or not.',
  'Ghost: booked minutes with no use detected. A ghost booking is a booked stretch with no use at all (hourly data only), confirmed when the people count saw nobody either.',
];
const SIZE_MEANING =
  'Peak people comes from the people count (camera devices only): a peak at or under 40 % of capacity = oversized, over capacity = undersized.';

interface Row {
  room: PlanRoom;
  capacity?: number;
  utilisation: RoomUtilisation;
  counts: boolean;
}

function peopleOf(data: readonly RoomMetricData[], room: PlanRoom): PeopleBucket[] | undefined {
  const series = data.find((d) => d.room.id === room.id && d.metric === 'peopleCount');
  if (!series?.supported) return undefined;
  return series.items.flatMap((item) =>
    'start' in item && Number.isFinite(item.max)
      ? [{ start: Date.parse(item.start), end: Date.parse(item.end), max: item.max }]
      : [],
  );
}

function ghostText(u: RoomUtilisation): string {
  if (u.ghostBookings === undefined || u.ghostBookings === 0) return formatHours(u.ghostMinutes);
  const bookings = `${u.ghostBookings} booking${u.ghostBookings === 1 ? '' : 's'}`;
  const confirmed = u.ghostConfirmed === undefined ? '' : `, ${u.ghostConfirmed} confirmed by people count`;
  return `${formatHours(u.ghostMinutes)} (${bookings}${confirmed})`;
}

function peakText(row: Row): string | undefined {
  const { peakPeople, size } = row.utilisation;
  if (!row.counts) return undefined;
  if (peakPeople === undefined) return 'nobody counted';
  const of = row.capacity ? ` of ${row.capacity}` : '';
  return `peak ${peakPeople}${of}${size && size !== 'fits' ? ` (${size})` : ''}`;
}

/** `utilisation` (and query/rank of time used or booked): booked, used and ghost time, used share, size. */
export const showUtilisation: Handler = async (ctx) => {
  const plan = planUtilisation(ctx.request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const [durations, people] = await Promise.all([
    readDurations(ctx.webex, plan.fetches),
    plan.people ? ctx.read(plan.people) : Promise.resolve([]),
  ]);
  const rows: Row[] = durations.map(({ fetch, booked, used }) => {
    const counted = plan.people ? peopleOf(people, fetch.room) : undefined;
    return {
      room: fetch.room,
      ...(fetch.room.capacity ? { capacity: fetch.room.capacity } : {}),
      counts: counted !== undefined,
      utilisation: summarizeUtilisation({
        booked,
        used,
        working: plan.working,
        ...(fetch.room.capacity ? { capacity: fetch.room.capacity } : {}),
        ...(counted ? { people: counted } : {}),
      }),
    };
  });
  if (plan.rooms.length === 1 && rows.length === 1)
    return roomUtilisation(ctx, plan, rows[0]!, durations[0]!.booked, durations[0]!.used);
  return roomsUtilisation(ctx, plan, rows);
};

/** What the rows are ordered by: the question's focus, or the measurement a ranking names. */
function orderOf(ctx: HandlerContext): { order: UtilisationOrder; reverse: boolean } {
  const { request } = ctx;
  const focus = request.utilisation?.focus;
  if (focus) return { order: focus, reverse: false };
  if (request.intent === 'rank' && request.metrics.includes('timeBooked'))
    return { order: 'booked', reverse: request.rank?.order === 'asc' };
  return { order: 'used', reverse: request.intent === 'rank' && request.rank?.order === 'desc' };
}

const TITLES: Record<UtilisationOrder, [string, string]> = {
  used: ['Least used rooms', 'Most used rooms'],
  ghost: ['Booked but empty', 'Booked but empty'],
  size: ['Room size against use', 'Room size against use'],
  booked: ['Most booked rooms', 'Least booked rooms'],
};
const LEAD_LABELS: Record<UtilisationOrder, [string, string]> = {
  used: ['Share of working hours in use, least first', 'Share of working hours in use, most first'],
  ghost: ['Ghost time (booked, no use detected), most first', ''],
  size: ['Peak people against capacity: oversized first, then undersized', ''],
  booked: ['Time booked, most first', 'Time booked, least first'],
};

function leadOf(row: Row, order: UtilisationOrder): string {
  const u = row.utilisation;
  if (order === 'ghost') return formatHours(u.ghostMinutes);
  if (order === 'booked') return formatHours(u.bookedMinutes);
  if (order === 'size') return peakText(row) ?? 'no people count';
  return percent(u.usedShare);
}

function detailOf(row: Row, order: UtilisationOrder): string {
  const u = row.utilisation;
  const parts = [
    ...(order !== 'used' ? [`used ${percent(u.usedShare)} of working hours`] : []),
    `booked ${formatHours(u.bookedMinutes)}`,
    `used ${formatHours(u.usedMinutes)}`,
    `ghost ${ghostText(u)}`,
  ];
  const peak = peakText(row);
  if (peak && order !== 'size') parts.push(peak);
  return parts.join(' · ');
}

function roomsUtilisation(ctx: HandlerContext, plan: UtilisationPlan, rows: Row[]): Reply {
  const { request, space } = ctx;
  const { order, reverse } = orderOf(ctx);
  const idle = rows.filter((r) => r.utilisation.bookedMinutes === 0 && r.utilisation.usedMinutes === 0);
  const active = rows.filter((r) => !idle.includes(r));
  let ranked = rankUtilisation(active, order, reverse);
  const notes = [...plan.notes];
  const limit = request.intent === 'rank' ? request.rank?.limit : undefined;
  if (limit !== undefined && ranked.length > limit) {
    notes.unshift(`Showing ${limit} of ${rows.length} rooms read.`);
    ranked = ranked.slice(0, limit);
  }
  const view: UtilisationRowView[] = ranked.map((row) => ({
    roomName: row.room.displayName,
    lead: leadOf(row, order),
    detail: detailOf(row, order),
  }));
  const message = utilisationCard({
    title: TITLES[order][reverse ? 1 : 0],
    timeZone: space.timeZone,
    from: plan.from,
    to: plan.to,
    rangeLabel: rangeLabel(plan.labelFrom, plan.to, ctx.now(), space.timeZone, plan.anchoredStart),
    leadLabel: LEAD_LABELS[order][reverse ? 1 : 0] || LEAD_LABELS[order][0],
    rows: view,
    idle: idle.map((r) => r.room.displayName),
    notes,
    meaning: rows.some((r) => r.counts) ? [...MEANING, SIZE_MEANING] : MEANING,
    actions: followUpActions(request, undefined),
  });
  return { markdown: message.markdown, card: message.card };
}

async function roomUtilisation(
  ctx: HandlerContext,
  plan: UtilisationPlan,
  row: Row,
  booked: Parameters<typeof weeklyTotals>[0],
  used: Parameters<typeof weeklyTotals>[1],
): Promise<Reply> {
  const { space } = ctx;
  const u = row.utilisation;
  const room = row.room;
  const facts: FactJson[] = [
    {
      title: 'Used share of working hours',
      value:
        u.usedShare === undefined
          ? '— (no working hours)'
          : `${percent(u.usedShare)} (${formatHours(u.usedInWorkingMinutes)} of ${formatHours(u.workingMinutes)})`,
    },
    { title: 'Booked', value: formatHours(u.bookedMinutes) },
    { title: 'Used', value: `${formatHours(u.usedMinutes)} (booked or not)` },
    { title: 'Ghost (booked, no use)', value: ghostText(u) },
    {
      title: 'Peak people',
      value: row.counts
        ? (peakText(row) ?? 'nobody counted')
        : hasSensor(room, 'peopleCount')
          ? 'not read'
          : 'no people count (needs a camera device)',
    },
  ];
  let chartUrl: string | undefined;
  if (plan.to - plan.from > 8 * DAY_MS) {
    const weeks = weeklyTotals(booked, used, plan.from, plan.to, space.timeZone);
    try {
      chartUrl = await ctx.charts.render({
        kind: 'line',
        title: `${room.displayName} · booked vs used per week`,
        subtitle: space.timeZone,
        timeZone: space.timeZone,
        unitLabel: 'h',
        series: [
          { label: 'Booked', points: weeks.map((w) => ({ t: w.weekStart, mean: w.bookedMinutes / 60 })) },
          { label: 'Used', points: weeks.map((w) => ({ t: w.weekStart, mean: w.usedMinutes / 60 })) },
        ],
      });
    } catch (error) {
      ctx.log.warn({ err: error }, 'chart rendering failed; answering without it');
    }
  }
  const message = utilisationCard({
    title: `${room.displayName} utilisation`,
    timeZone: space.timeZone,
    from: plan.from,
    to: plan.to,
    rangeLabel: rangeLabel(plan.labelFrom, plan.to, ctx.now(), space.timeZone, plan.anchoredStart),
    leadLabel: '',
    rows: [],
    facts,
    idle: [],
    notes: plan.notes,
    meaning: row.counts ? [...MEANING, SIZE_MEANING] : MEANING,
    ...(chartUrl ? { chartUrl, chartAlt: `Booked and used hours per week in ${room.displayName}` } : {}),
    actions: followUpActions(ctx.request, undefined),
  });
  return { markdown: message.markdown, card: message.card };
}
