import { analyzeRequest, DATA_INTENTS, type ParsedRequest, type RequestAnalysis } from '../language';
import type { CardRequest, ChooseInputs, RerunInputs } from '../model/card-actions';
import type { Handler, HandlerContext, Reply } from './types';

/** The handlers a rebuilt request is answered with (the registry's: passed in, no import circle). */
export type RequestHandlers = Readonly<Record<ParsedRequest['intent'] | 'clarify', Handler>>;

/**
 * The previous request with what a follow-up stated put in: its metrics, its rooms, its time.
 * A clarification of the follow-up is kept only when it is about something the follow-up said.
 * Used for typed follow-ups (with the person's last request) and for an ask-back's choice (with
 * the request that asked back).
 */
export function mergeFollowUp(previous: ParsedRequest, analysis: RequestAnalysis): ParsedRequest {
  const next = analysis.request;
  if (!DATA_INTENTS.has(previous.intent)) return next;
  const merged: ParsedRequest = { ...previous };
  delete merged.clarify;
  if (analysis.stated.metrics) {
    merged.metrics = next.metrics;
    if (next.rank) merged.rank = next.rank;
    if (previous.intent === 'overview') merged.intent = 'query';
  }
  if (analysis.stated.rooms) {
    merged.workspaces = next.workspaces;
    if (next.allWorkspaces) merged.allWorkspaces = true;
    else delete merged.allWorkspaces;
  }
  if (analysis.stated.time) {
    if (next.from) merged.from = next.from;
    if (next.to) merged.to = next.to;
    if (next.anchoredStart) merged.anchoredStart = true;
    else delete merged.anchoredStart;
    if (next.aggregation) merged.aggregation = next.aggregation;
    if (merged.intent === 'current' && next.intent !== 'current') merged.intent = 'query';
    if (next.intent === 'current') merged.intent = 'current';
  }
  if (merged.metrics.includes('temperature')) merged.unit = next.unit ?? previous.unit ?? 'celsius';
  else delete merged.unit;
  const roomQuestion = next.clarify?.question.startsWith('Which room do you mean?');
  const stillNoRoom = merged.workspaces.length === 0 && !merged.allWorkspaces && merged.intent !== 'rank';
  if (next.clarify && (!roomQuestion || stillNoRoom)) merged.clarify = next.clarify;
  else if (stillNoRoom && !merged.clarify)
    merged.clarify = previous.clarify ?? { question: 'Which room do you mean?', options: [], asks: 'room' };
  return merged;
}

/** The phrase a relative window is read from, as a typed question would say it. */
const WINDOW_PHRASE = { today: 'today', '24h': 'last 24 hours', '7d': 'last 7 days' } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A card's request rebuilt for the directory of now: rooms by id or scope (ids the directory no
 * longer has are dropped, with a note), a relative window read as of now (a stated start: up to
 * now), the card's settings.
 */
function rebuild(
  ctx: HandlerContext,
  card: CardRequest,
): { request: ParsedRequest; notes: string[] } | { problem: string } {
  const all = ctx.directory.workspaces;
  const notes: string[] = [];
  let rooms: readonly { id: string; displayName: string }[];
  if (card.allRooms) rooms = all;
  else if (card.floorId) rooms = all.filter((w) => w.floorId === card.floorId);
  else if (card.locationId) rooms = all.filter((w) => w.locationId === card.locationId);
  else {
    const ids = [...new Set(card.workspaceIds)];
    rooms = ids.flatMap((id) => all.filter((w) => w.id === id).slice(0, 1));
    const gone = ids.length - rooms.length;
    if (gone > 0)
      notes.push(
        `${plural(gone, 'room of that card is', 'rooms of that card are')} no longer in the directory: left out.`,
      );
  }
  const scoped = Boolean(card.allRooms || card.floorId || card.locationId);
  if (rooms.length === 0 && (scoped || card.workspaceIds.length > 0))
    return { problem: 'The rooms of that card are no longer in the directory, so there is nothing to show.' };
  const request: ParsedRequest = {
    intent: card.intent,
    metrics: [...card.metrics],
    workspaces: rooms.map((w) => ({ id: w.id, displayName: w.displayName })),
  };
  if (card.allRooms) request.allWorkspaces = true;
  if ('last' in card.window) {
    const { request: time } = analyzeRequest(WINDOW_PHRASE[card.window.last], {
      now: ctx.now(),
      timeZone: ctx.space.timeZone,
      directory: ctx.directory,
    });
    if (!time.from || !time.to) return { problem: 'That button names no time I can show.' };
    request.from = time.from;
    request.to = time.to;
    request.aggregation = time.aggregation ?? 'hourly';
    if (request.intent === 'current') request.intent = 'query';
  } else if ('since' in card.window) {
    // "since 8am" again: from that start to the press, labelled by the start.
    const from = Date.parse(card.window.since);
    if (!(from < ctx.now())) return { problem: 'That button names no time I can show.' };
    request.from = new Date(from).toISOString();
    request.to = new Date(ctx.now()).toISOString();
    request.anchoredStart = true;
    request.aggregation = card.aggregation ?? 'hourly';
  } else {
    request.from = new Date(card.window.from).toISOString();
    request.to = new Date(card.window.to).toISOString();
    request.aggregation = card.aggregation ?? 'hourly';
  }
  if (request.metrics.includes('temperature')) request.unit = card.unit ?? ctx.space.unit;
  if (card.rank) request.rank = { ...card.rank };
  if (card.utilisation) request.utilisation = { ...card.utilisation };
  return { request, notes };
}

/** Runs a request's handler (or asks back), with the notes about the card before its answer. */
async function run(
  ctx: HandlerContext,
  request: ParsedRequest,
  notes: readonly string[],
  handlers: RequestHandlers,
): Promise<Reply | Reply[]> {
  const handler = handlers[request.clarify ? 'clarify' : request.intent];
  const answer = await handler({ ...ctx, request });
  return [
    ...notes.map((note) => ({ markdown: `_${note}_` })),
    ...(Array.isArray(answer) ? answer : [answer]),
  ];
}

/**
 * A card's button ("Last 7 days", "Overview of …"): the card's own request again, answered for
 * whoever presses it. Nothing of the conversation's memory is read or changed. The inputs are
 * untrusted: they were validated, and the plan bounds the window and the calls as for a question.
 */
export async function rerunRequest(
  ctx: HandlerContext,
  inputs: RerunInputs,
  handlers: RequestHandlers,
): Promise<Reply | Reply[]> {
  const rebuilt = rebuild(ctx, inputs.request);
  if ('problem' in rebuilt) return { markdown: rebuilt.problem };
  const { request, notes } = rebuilt;
  if (request.workspaces.length === 0 && request.intent !== 'rank')
    request.clarify = {
      question: 'Which room do you mean?',
      options: [...ctx.directory.workspaces.slice(0, 8).map((w) => w.displayName), 'all rooms'],
      asks: 'room',
    };
  return run(ctx, request, notes, handlers);
}

/**
 * An option of an ask-back ("Room 4", "today", "humidity"): it completes the request that asked
 * back, which the button carries, for whoever presses it.
 */
export async function chooseOption(
  ctx: HandlerContext,
  inputs: ChooseInputs,
  handlers: RequestHandlers,
): Promise<Reply | Reply[]> {
  const rebuilt = rebuild(ctx, inputs.request);
  if ('problem' in rebuilt) return { markdown: rebuilt.problem };
  const analysis = analyzeRequest(inputs.text, {
    now: ctx.now(),
    timeZone: ctx.space.timeZone,
    directory: ctx.directory,
    defaults: { unit: ctx.space.unit },
  });
  const request = mergeFollowUp(rebuilt.request, analysis);
  // A window still ahead (the choice was about something else) is asked about, not answered.
  if (!request.clarify && Date.parse(request.from ?? '') >= ctx.now())
    request.clarify = {
      question:
        'That time is still ahead: I can only show what has already been measured. Which time do you mean?',
      options: ['today', 'yesterday', 'last 24 hours'],
      asks: 'time',
    };
  return run(ctx, request, rebuilt.notes, handlers);
}
