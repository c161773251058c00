import { type CardAction, problemsCard } from '../cards';
import { type LineContext, problemLine } from '../cards/problem-lines';
import { scopeName } from '../language/scope-name';
import { METRIC_LABEL, toPoints } from '../metrics';
import { type MetricProblem, metricProblem, problemOrder, sortProblems } from '../metrics/problems';
import type { CardRequestPayload } from '../model/card-actions';
import type { AnswerPlan } from '../plan/plan-answer';
import { planProblems } from '../plan/plan-problems';
import type { RoomMetricData } from '../readings/read-room-metrics';
import { cardRequest } from './support/follow-up-actions';
import { rangeLabel } from './support/labels';
import { sectionInput, summaryOf } from './support/metric-sections';
import { readAnswer } from './support/read-answer';
import { unusualNow } from './support/unusual-now';
import type { Handler, HandlerContext } from './types';

/** Rooms whose worst problem gets its own "Details" button. */
const DETAIL_BUTTONS = 3;

interface RoomProblems {
  room: { id: string; displayName: string };
  problems: { problem: MetricProblem; latest: number | undefined }[];
  /** What a silent sensor's summary says ("No readings since 08:55 — sensor offline?"), with the metrics. */
  silent?: string;
  /** Some series had readings. */
  read: boolean;
}

/**
 * `problems`: "any problems today?". Reads the comfort metrics and people count of the rooms in
 * scope (plan-problems: raw readings today, bounded), finds per room what is outside its band now
 * or was in working hours (metrics/problems), and answers with one card, worst first.
 */
export const showProblems: Handler = async (ctx) => {
  const plan = planProblems(ctx.request, ctx.planContext);
  if (plan.problem) return { markdown: plan.problem };
  const data = await readAnswer(ctx, plan);
  const rooms = problemsByRoom(ctx, plan, data);
  const unusual = await unusualNow(ctx, plan, data);
  const fetched = new Set(plan.fetches.map((f) => f.room.id));
  const sensorless = plan.rooms.filter((r) => !fetched.has(r.id) && !plan.omittedRooms.includes(r));
  const label = rangeLabel(plan.labelFrom, plan.to, ctx.now(), ctx.space.timeZone, plan.anchoredStart);
  const lines: LineContext = {
    unit: plan.unit,
    timeZone: ctx.space.timeZone,
    from: plan.from,
    to: plan.to,
    workingHours: Boolean(plan.judging),
  };
  const withProblems = rooms
    .filter((r) => r.problems.length > 0)
    .map((r) => ({ ...r, name: r.room.displayName, problems: r.problems }))
    .sort((a, b) =>
      problemOrder(
        { name: a.name, problems: a.problems.map((p) => p.problem) },
        { name: b.name, problems: b.problems.map((p) => p.problem) },
      ),
    );
  const message = problemsCard({
    scope: scopeName(ctx.request, ctx.directory),
    timeZone: ctx.space.timeZone,
    from: plan.from,
    to: plan.to,
    rangeLabel: label,
    rows: withProblems.map((r) => ({
      roomName: r.name,
      lines: r.problems.map((p) => problemLine(p.problem, p.latest, lines)),
    })),
    silent: rooms.flatMap((r) => (r.silent ? [{ roomName: r.room.displayName, text: r.silent }] : [])),
    fine: rooms.filter((r) => r.read && r.problems.length === 0 && !r.silent).map((r) => r.room.displayName),
    ...(unusual.lines.length > 0 ? { unusual: unusual.lines } : {}),
    notes: [
      ...plan.notes,
      'Now: the latest reading, when at most 30 min old. TVOC and noise judged against their upper (fair) limit; people against capacity at any hour.',
      ...(unusual.note ? [unusual.note] : []),
      ...(sensorless.length > 0
        ? [`No sensors in ${sensorless.map((r) => r.displayName).join(', ')}.`.slice(0, 300)]
        : []),
    ],
    actions: actions(ctx, plan, label, withProblems),
  });
  return { markdown: message.markdown, card: message.card };
};

/** Every read series judged, grouped by room in the plan's order. */
function problemsByRoom(
  ctx: HandlerContext,
  plan: AnswerPlan,
  data: readonly RoomMetricData[],
): RoomProblems[] {
  const byRoom = new Map<string, RoomProblems>();
  const silentByRoom = new Map<string, { metrics: string[]; text: string; of: number }>();
  for (const d of data) {
    if (!d.supported) continue;
    const entry = byRoom.get(d.room.id) ?? { room: d.room, problems: [], read: false };
    byRoom.set(d.room.id, entry);
    const input = sectionInput(ctx, plan, d);
    const summary = summaryOf(input);
    const silence = silentByRoom.get(d.room.id) ?? { metrics: [], text: '', of: 0 };
    if (d.metric !== 'peopleCount') silence.of += 1;
    silentByRoom.set(d.room.id, silence);
    if (d.items.length === 0) {
      // A silent sensor is a problem worth naming (its summary says since when); an empty room is not.
      if (d.metric !== 'peopleCount' && summary.verdict.level !== 'good') {
        silence.metrics.push(METRIC_LABEL[d.metric]);
        silence.text ||= summary.verdict.text;
      }
      continue;
    }
    entry.read = true;
    const problem = metricProblem(summary, toPoints(d.items, plan.aggregation), {
      now: ctx.now(),
      bands: ctx.bands,
      unit: plan.unit,
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.working ? { working: input.working } : {}),
    });
    if (problem) entry.problems.push({ problem, latest: summary.latest?.value });
  }
  for (const [id, silence] of silentByRoom) {
    const entry = byRoom.get(id);
    if (!entry || silence.metrics.length === 0) continue;
    entry.silent =
      silence.metrics.length === silence.of ? silence.text : `${silence.metrics.join(', ')}: ${silence.text}`;
  }
  for (const entry of byRoom.values()) {
    const order = sortProblems(entry.problems.map((p) => p.problem));
    entry.problems.sort((a, b) => order.indexOf(a.problem) - order.indexOf(b.problem));
  }
  return plan.rooms.map((r) => byRoom.get(r.id)).filter((e): e is RoomProblems => e !== undefined);
}

/** "Details" of the worst few rooms' worst problem (that room and metric, same window), and the last 7 days. */
function actions(
  ctx: HandlerContext,
  plan: AnswerPlan,
  label: string,
  rows: readonly { room: { id: string; displayName: string }; problems: { problem: MetricProblem }[] }[],
): CardAction[] {
  const window: CardRequestPayload['window'] = plan.anchoredStart
    ? { since: new Date(plan.labelFrom).toISOString() }
    : label.startsWith('today')
      ? { last: 'today' }
      : { from: new Date(plan.from).toISOString(), to: new Date(plan.to).toISOString() };
  const details: CardAction[] = rows.slice(0, DETAIL_BUTTONS).map((r) => {
    const metric = r.problems[0]!.problem.metric;
    return {
      title: `${r.room.displayName} · ${METRIC_LABEL[metric]}`.slice(0, 40),
      data: {
        kind: 'rerun',
        request: {
          intent: 'query',
          metrics: [metric],
          workspaceIds: [r.room.id],
          window,
          ...(metric === 'temperature' ? { unit: plan.unit } : {}),
        },
      },
    };
  });
  const week = cardRequest(ctx.request, plan, { last: '7d' });
  return [
    ...details,
    ...(week ? [{ title: 'Last 7 days', data: { kind: 'rerun' as const, request: week } }] : []),
  ];
}
