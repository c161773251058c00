import type { Logger } from 'pino';
import { errorCard, escapeMarkdown } from '../cards';
import { formatTimeWithZone } from '../cards/format';
import type { ChartRenderer } from '../charts';
import { ACTIONS, type ActionHandler, HANDLERS } from '../handlers/registry';
import type { AutomationControl, HandlerContext, Reply } from '../handlers/types';
import { DATA_INTENTS, type ParsedRequest } from '../language';
import type { ComfortBands } from '../metrics';
import { actionInputsSchema } from '../model/card-actions';
import { spaceBands } from '../model/space-settings';
import type { AnswerLimits } from '../plan/limits';
import type { AnswerPlan } from '../plan/plan-answer';
import { callsToRead, readSeries } from '../readings/read-room-metrics';
import type { ReadingsCache } from '../readings/readings-cache';
import type { DeliveryClaim, Store } from '../store';
import type { WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import { replyMessage } from '../webex/reply-message';
import type { AttachmentAction, Person } from '../webex/wire';
import { isAllowed } from './access';
import { answerScope } from './answer-scope';
import { questionsSince } from './catch-up';
import type { ConversationMemory } from './conversation-memory';
import { SETUP_INTENTS, worthRemembering } from './follow-up';
import { type Guard, runGuards, type Turn } from './guards';
import { type Liveness, soleProcess } from './liveness';
import { stripMention } from './mention';
import { OwnPosts, sameMessage } from './own-posts';
import { declinedAskBack, readTurn } from './read-turn';
import type { SpaceMembers } from './space-members';
import type { SpaceSettingsStore } from './space-settings';
import type { Delivery } from './webhook-envelope';

export interface ConversationDeps {
  webex: WebexClient;
  charts: ChartRenderer;
  bands: ComfortBands;
  memory: ConversationMemory;
  spaces: SpaceSettingsStore;
  me: Person;
  allowedDomains: readonly string[];
  allowedPeople: readonly string[];
  store: Store;
  automation: AutomationControl;
  /** Rate-limit waits at least this long are announced before the answer. */
  rateLimitNoticeMs: number;
  limits: AnswerLimits;
  /** Members of each space (trusted spaces); without it every space counts as trusted. */
  members?: SpaceMembers;
  /** `refuse` (default): no room data, alerts or reports in a space with an outsider. */
  guestPolicy?: 'refuse' | 'allow';
  /** How long a failed post waits for its own \`messages:created\` event before posting again. */
  landedWaitMs?: number;
  /** Past readings (optional: without it every answer reads Webex). */
  cache?: ReadingsCache;
  now: () => number;
  /** Told when an answer ends (for metrics): its intent (`clarify`, `button`), outcome and seconds. */
  onAnswer?: (intent: string, outcome: 'ok' | 'error' | 'refused', seconds: number) => void;
  /** This process among those sharing the store (default: alone with it). */
  liveness?: Pick<Liveness, 'boot' | 'claimant' | 'shared' | 'staleMs' | 'beatMs'>;
}

/** Posts tried at most (the first and four more after a 5xx, a reset or a timeout; backoff 0.5–4 s). */
const POST_ATTEMPTS = 5;
/** How long a failed post looks for the message it may have created. */
const LANDED_WAIT_MS = 5_000;

/** A failure after which the message may or may not exist: a 5xx, a reset, a timeout. */
const lostInTransit = (error: unknown) =>
  error instanceof WebexApiError && (error.code === 'server-error' || error.code === 'network-error');

/** The store's note of the newest question answered. */
const LAST_QUESTION_KEY = 'catch-up:last-question-at';

/** The line for a question in a space with outsiders. */
const guestLine = (outsiders: number) =>
  `This space has ${outsiders === 1 ? 'a member' : `${outsiders} members`} from outside the organisation, so I don't share room data, alerts or reports here. Ask in a space with only colleagues, or ask a Webex admin to set GUEST_POLICY=allow.`;

const count = (n: number) => n.toLocaleString('en-US');

/** One short line a person understands, with the trackingId support asks for. */
export function explainFailure(
  error: unknown,
  stage: 'answer' | 'post' = 'answer',
): { message: string; trackingId?: string; retrying?: boolean } {
  if (error instanceof WebexApiError) {
    const trackingId = error.trackingId ? { trackingId: error.trackingId } : {};
    if (stage === 'post')
      return {
        message: 'I could not answer: Webex did not take my reply after five tries. Please ask again.',
        ...trackingId,
      };
    if (error.code === 'forbidden' && error.missingScope) {
      return {
        message: `The bot's admin token lacks the scope ${error.missingScope}; ask a Webex admin to grant it.`,
        ...trackingId,
      };
    }
    if (error.code === 'forbidden')
      return {
        message: "Webex refused the request: the bot's admin token lacks a role or scope.",
        ...trackingId,
      };
    if (error.code === 'unauthorized')
      return {
        message: "Webex rejected the bot's credentials; an admin needs to renew them.",
        ...trackingId,
      };
    if (error.code === 'rate-limited') {
      return {
        message: `Webex is rate limiting the bot; try again in ${error.retryAfterSeconds ?? 60} s.`,
        ...trackingId,
      };
    }
    if (error.code === 'server-error' || error.code === 'network-error') {
      return { message: 'Webex is not answering right now; please try again in a minute.', ...trackingId };
    }
    return { message: `Webex could not answer (${error.status ?? error.code}).`, ...trackingId };
  }
  return { message: 'Something went wrong on my side; the team has the details in the log.' };
}

/** The conversation: deliveries in, answers out. Handlers do the work; this routes and guards. */
export class Conversation {
  private readonly toldNotAllowed = new Set<string>();
  private readonly ownPosts: OwnPosts;
  /** This process: deliveries it takes on are its own until done. */
  private readonly liveness: Pick<Liveness, 'boot' | 'claimant' | 'shared' | 'staleMs' | 'beatMs'>;
  private readonly people = new Map<string, { email: string; at: number }>();
  private readonly botNames: string[];

  constructor(private readonly deps: ConversationDeps) {
    this.ownPosts = new OwnPosts(deps.store, deps.now);
    this.liveness = deps.liveness ?? soleProcess();
    const name = deps.me.displayName;
    this.botNames = [name, name.split(' ')[0] ?? name, deps.me.nickName ?? ''].filter(Boolean);
  }

  /** Guards every turn passes before a handler sees it, in order. */
  private readonly guards: readonly Guard[] = [
    // Access: only allowed people (domains, list) get room data; others get one polite line.
    (turn, next) =>
      isAllowed(turn.email, this.deps.allowedDomains, this.deps.allowedPeople)
        ? next()
        : this.refuse(turn.roomId, turn.log),
    // Trusted spaces: room data stays inside the organisation, so not where an outsider reads along.
    async (turn, next) => {
      const { members, guestPolicy } = this.deps;
      if (!members || guestPolicy === 'allow') return next();
      let outsiders: string[];
      try {
        outsiders = await members.outsiders(turn.roomId);
      } catch (error) {
        await this.boundary(turn, undefined, async () => {
          throw error;
        });
        return;
      }
      if (outsiders.length === 0) return next();
      turn.log.info({ outsiders: outsiders.length }, 'question in a space with outsiders: refused');
      this.deps.onAnswer?.('unknown', 'refused', 0);
      await this.send(turn.roomId, { markdown: guestLine(outsiders.length) });
    },
  ];

  /**
   * A membership event: the member list is kept fresh, and when the first outsider joins a space
   * with alerts or reports (or the last one leaves) the space is told they are paused (resumed).
   */
  async onMembership(delivery: Delivery, log: Logger): Promise<void> {
    const { members, guestPolicy, store } = this.deps;
    const { roomId, personId, personEmail } = delivery.data;
    if (!members || !roomId || !personId) return;
    const before = await members.trustedNow(roomId);
    if (delivery.event === 'created') await members.joined(roomId, personId, personEmail ?? '');
    else if (delivery.event === 'deleted') await members.left(roomId, personId);
    else return;
    const after = await members.trustedNow(roomId);
    if (guestPolicy === 'allow' || before === undefined || after === undefined || before === after) return;
    const automated = (await store.listAlertRules(roomId)).length + (await store.listReports(roomId)).length;
    if (automated === 0) return;
    log.info(
      { roomId, trusted: after },
      after ? 'space trusted again: automation resumes' : 'outsider joined: automation paused',
    );
    await this.send(roomId, {
      markdown: after
        ? 'Everyone here is from the organisation again: alerts and reports in this space resume.'
        : 'Someone from outside the organisation joined this space: its alerts and reports are paused, and I will not share room data here while they are a member.',
    }).catch((error: unknown) => log.warn({ err: error }, 'could not post the pause/resume line'));
  }

  /**
   * The id of one of the bot's own messages in a space (as its events told, on any replica),
   * posted since `since`, whose text `looksLike`: a post that landed although its process died.
   */
  async ownMessage(
    roomId: string,
    since: number,
    looksLike: (markdown: string) => boolean,
  ): Promise<string | undefined> {
    const { webex } = this.deps;
    return this.ownPosts.find(
      roomId,
      since,
      async (id) => looksLike((await webex.bot.getMessage(id)).markdown ?? ''),
      0,
    );
  }

  /** Whether a space's alerts and reports are paused (an outsider is a member). */
  async paused(roomId: string): Promise<boolean> {
    if (this.deps.guestPolicy === 'allow' || !this.deps.members) return false;
    return (await this.deps.members.trustedNow(roomId)) === false;
  }

  /**
   * Claims a question or a button press as it is received, before Webex has its 200: a process
   * that dies between the 200 and the answer leaves a claim another replica (or its own restart)
   * takes over. Undefined for deliveries that are not claimed (the bot's own messages, events).
   */
  async claimOnReceipt(delivery: Delivery): Promise<DeliveryClaim | undefined> {
    const key = claimKeyOf(delivery, this.deps.me.id);
    return key === undefined
      ? undefined
      : this.deps.store.claimDelivery(key, this.liveness.claimant(), this.deps.now());
  }

  async onMessage(delivery: Delivery, log: Logger, received?: DeliveryClaim): Promise<void> {
    const { data } = delivery;
    if (data.personId === this.deps.me.id) {
      // Our own message: never fetched, but noted (a post whose answer was lost may be it).
      if (data.roomId)
        await this.ownPosts
          .seen(data.roomId, data.id)
          .catch((error: unknown) => log.warn({ err: error }, 'own message not noted'));
      return;
    }
    const roomId = data.roomId;
    const personId = data.personId;
    if (!roomId || !personId) return;
    const turn = { roomId, personId, email: data.personEmail ?? '', log };
    const key = `message:${data.id}`;
    await this.guarded(turn, key, received, () =>
      this.once(key, log, received, () =>
        this.boundary(
          turn,
          undefined,
          async (afterReply, answered) => {
            const message = await this.deps.webex.bot.getMessage(data.id);
            const text = stripMention(message.text ?? '', message.roomType === 'group' ? this.botNames : []);
            const asked = { ...turn, askedAt: Date.parse(message.created ?? '') };
            return this.respond(text, asked, log, false, afterReply, answered);
          },
          key,
        ),
      ),
    );
    if (data.created) await this.noteQuestionAt(Date.parse(data.created));
  }

  /**
   * Runs the guards, then `handle`. A delivery claimed on receipt that a guard answered (a refusal)
   * or that never reached `handle` is marked done: it is not taken over when this process dies.
   */
  private async guarded(
    turn: Turn,
    key: string,
    received: DeliveryClaim | undefined,
    handle: () => Promise<void>,
  ): Promise<void> {
    let handled = false;
    await runGuards(this.guards, turn, () => {
      handled = true;
      return handle();
    });
    if (received === 'new' && !handled) await this.deps.store.completeDelivery(key, this.deps.now());
  }

  /**
   * Runs `work` for a delivery unless it was taken on before (kept in the store: a replay, a
   * redelivery, or a question caught up after a restart is answered once, however it arrives).
   */
  private async once(
    key: string,
    log: Logger,
    /** What the claim made on receipt found (undefined: none was made; claimed here). */
    received: DeliveryClaim | undefined,
    work: () => Promise<void>,
  ): Promise<void> {
    const { store, now } = this.deps;
    let claim = received ?? (await store.claimDelivery(key, this.liveness.claimant(), now()));
    if (claim === 'busy' && this.liveness.shared) claim = await this.watch(key, log);
    if (claim !== 'new') {
      log.info({ key, claim }, 'delivery already taken on; not answered again');
      return;
    }
    await work();
    await store.completeDelivery(key, now());
  }

  /**
   * A delivery another replica took on and has not finished: that replica answers it, unless it
   * died doing so, which shows only once its heartbeat is stale. A retry reaching this replica in
   * the meantime must not be dropped (nobody else would answer the question), so the delivery is
   * looked at every beat until it is done, or its claimant is dead and this process takes it over
   * (`new`; when the dead one had begun posting its reply, which may have landed, the person is
   * told instead: `done`). Still busy after the time a dead process takes to go stale: its process
   * is alive and answers it.
   */
  private async watch(key: string, log: Logger): Promise<DeliveryClaim> {
    const { store, now } = this.deps;
    const { staleMs, beatMs } = this.liveness;
    const until = Date.now() + staleMs + 2 * beatMs;
    log.info({ key }, 'delivery being answered by another replica: watching it');
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, beatMs));
      const claimant = this.liveness.claimant();
      const dead = (await store.unfinishedDeliveries(claimant)).find((d) => d.key === key);
      if (!dead) {
        if (await store.deliveryDone(key)) return 'done';
        continue;
      }
      const claim = await store.claimDelivery(key, claimant, now());
      if (claim !== 'new' || !dead.posting) return claim;
      log.warn({ key }, 'took over a delivery whose reply was being posted when its replica died');
      await this.tellPostingCut(key.slice('message:'.length), log);
      await store.completeDelivery(key, now());
      return 'done';
    }
    return 'busy';
  }

  /** Says in its space that the answer to a question may be missing: the bot stopped posting it. */
  async tellPostingCut(messageId: string, log: Logger): Promise<void> {
    const message = await this.deps.webex.bot.getMessage(messageId).catch(() => undefined);
    if (!message?.roomId) return;
    const { timeZone } = await this.deps.spaces.get(message.roomId);
    const asked = formatTimeWithZone(Date.parse(message.created ?? ''), timeZone);
    await this.send(message.roomId, {
      markdown: `I was restarted while posting the answer to a question asked here at ${asked}; if it is not above, please ask again.`,
    }).catch((error: unknown) => log.warn({ err: error }, 'could not post the restart line'));
  }

  /** The newest question answered (for the catch-up after a restart). */
  private async noteQuestionAt(created: number): Promise<void> {
    if (!Number.isFinite(created)) return;
    const last = Number((await this.deps.store.getValue(LAST_QUESTION_KEY)) ?? Number.NaN);
    if (!(created <= last)) await this.deps.store.setValue(LAST_QUESTION_KEY, String(created));
  }

  async onAction(delivery: Delivery, log: Logger, received?: DeliveryClaim): Promise<void> {
    const key = `action:${delivery.data.id}`;
    if (received === 'done') {
      log.info({ key, claim: received }, 'delivery already taken on; not answered again');
      return;
    }
    let action: AttachmentAction;
    let email: string;
    try {
      action = await this.deps.webex.bot.getAttachmentAction(delivery.data.id);
      email = await this.emailOf(action.personId);
    } catch (error) {
      // The press cannot be read: say so where it happened (the delivery names the space).
      const roomId = delivery.data.roomId;
      if (!roomId) throw error;
      await this.boundary({ roomId, log }, undefined, async () => {
        throw error;
      });
      if (received === 'new') await this.deps.store.completeDelivery(key, this.deps.now());
      return;
    }
    const turn = { roomId: action.roomId, personId: action.personId, email, log };
    await this.guarded(turn, key, received, () =>
      this.once(key, log, received, () => this.onPress(action, turn, log)),
    );
  }

  /**
   * After a start: questions addressed to the bot since the last one it answered (or left
   * unanswered by a process that died) within `windowMs` are answered now, oldest first, after a
   * line saying they were asked while it was offline; older ones are named in one line per space.
   * Each is answered once, whether it comes from here or from a late delivery.
   */
  async catchUp(
    log: Logger,
    windowMs: number,
    /** When deliveries began to arrive (the server listens): later questions are answered live. */
    liveSince: number = this.deps.now(),
  ): Promise<{ answered: number; older: number }> {
    const { store, now, webex, me } = this.deps;
    const startedAt = liveSince;
    const windowStart = now() - windowMs;
    const last = Number((await store.getValue(LAST_QUESTION_KEY)) ?? Number.NaN);
    // A store with no question yet (a first start, or a new database): the bot was not offline,
    // and another process may have answered what is in the space; from now on it keeps count.
    const firstStart = !Number.isFinite(last);
    if (firstStart) await store.setValue(LAST_QUESTION_KEY, String(startedAt));
    const since = firstStart ? startedAt : last;
    const found = firstStart ? [] : await questionsSince(webex, me, Math.min(since, windowStart));
    // Questions a process that died had taken on but not answered. One whose reply was being
    // posted may have landed: Webex gives a bot no way to look (it cannot list its own messages
    // in a group space), so it is not answered again; the person is told instead.
    const left = (await store.unfinishedDeliveries(this.liveness.claimant())).filter((d) =>
      d.key.startsWith('message:'),
    );
    for (const d of left.filter((d) => d.posting)) {
      // Taken over first: a replica starting at the same time says it once, not twice.
      if ((await store.claimDelivery(d.key, this.liveness.claimant(), now())) !== 'new') continue;
      await this.tellPostingCut(d.key.slice('message:'.length), log);
      await store.completeDelivery(d.key, now());
    }
    const unfinished = left.filter((d) => !d.posting).map((d) => d.key.slice('message:'.length));
    for (const id of unfinished) {
      if (found.some((q) => q.message.id === id)) continue;
      const message = await webex.bot.getMessage(id).catch(() => undefined);
      if (message) found.push({ message, created: Date.parse(message.created ?? '') });
    }
    const inWindow = found.filter(
      (q) => (q.created > since && q.created < startedAt) || unfinished.includes(q.message.id),
    );
    // Claimed here first: one a live replica is answering (busy) or has answered (done) is not
    // missed, and two replicas catching up together take each question once.
    const claims: DeliveryClaim[] = [];
    for (const q of inWindow)
      claims.push(await store.claimDelivery(`message:${q.message.id}`, this.liveness.claimant(), now()));
    const missed = inWindow.filter((_, i) => claims[i] === 'new').sort((a, b) => a.created - b.created);
    let answered = 0;
    let older = 0;
    const byRoom = new Map<string, typeof missed>();
    for (const q of missed) {
      const roomId = q.message.roomId ?? '';
      byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), q]);
    }
    for (const [roomId, questions] of byRoom) {
      const { timeZone } = await this.deps.spaces.get(roomId);
      const recent = questions.filter((q) => q.created >= windowStart);
      const old = questions.length - recent.length;
      // Named in one line, not answered: done, so no replica takes them over later.
      for (const q of questions.filter((q) => q.created < windowStart))
        await store.completeDelivery(`message:${q.message.id}`, now());
      older += old;
      const at = (ms: number) => formatTimeWithZone(ms, timeZone);
      if (old > 0)
        await this.send(roomId, {
          markdown: `While I was offline, ${old === 1 ? 'a question was' : `${old} questions were`} asked here before ${at(windowStart)}; please ask again if you still need ${old === 1 ? 'an answer' : 'answers'}.`,
        }).catch((error: unknown) => log.warn({ err: error }, 'could not post the catch-up line'));
      if (recent.length === 0) continue;
      // Questions a dead replica had taken on are answered as a take-over, without the line: the
      // service was not offline for them (other replicas were up).
      const offline = recent.filter((q) => !unfinished.includes(q.message.id));
      if (offline.length > 0)
        await this.send(roomId, {
          markdown: `I was offline for a while; answering ${offline.length === 1 ? 'the question' : `the ${offline.length} questions`} asked here since ${at(offline[0]!.created)}.`,
        }).catch((error: unknown) => log.warn({ err: error }, 'could not post the catch-up line'));
      for (const q of recent) {
        const m = q.message;
        if (!m.personId) {
          await store.completeDelivery(`message:${m.id}`, now());
          continue;
        }
        const turn = { roomId, personId: m.personId, email: m.personEmail ?? '', log };
        const key = `message:${m.id}`;
        await this.guarded(turn, key, 'new', () =>
          this.once(key, log, 'new', () =>
            this.boundary(
              turn,
              undefined,
              (afterReply, answered) => {
                const text = stripMention(m.text ?? '', m.roomType === 'group' ? this.botNames : []);
                return this.respond(text, { ...turn, askedAt: q.created }, log, false, afterReply, answered);
              },
              key,
            ),
          ),
        );
        await this.noteQuestionAt(q.created);
        answered++;
      }
    }
    if (answered + older > 0) log.info({ answered, older }, 'caught up with questions asked while offline');
    return { answered, older };
  }

  /** A validated button press: text buttons are asked as questions, the others run their handler. */
  private async onPress(action: AttachmentAction, turn: Turn, log: Logger): Promise<void> {
    {
      const parsed = actionInputsSchema.safeParse(action.inputs);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        log.warn({ issue: issue?.message, path: issue?.path }, 'card submit with unexpected inputs');
        const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
        await this.send(action.roomId, {
          markdown: `I didn't understand that button${escapeMarkdown(where)}; nothing was changed. Please ask again in words.`,
        });
        return;
      }
      const inputs = parsed.data;
      if (inputs.kind === 'followup' || inputs.kind === 'ask') {
        const asked = { ...turn, askedAt: Date.parse(action.created ?? '') };
        await this.answer(inputs.text, asked, log, inputs.kind === 'followup');
        return;
      }
      // Alert buttons answer in the alert's thread.
      const parentId = inputs.kind === 'alert' ? action.messageId : undefined;
      await this.boundary(turn, parentId, async (afterReply, answered) => {
        answered.intent = 'button';
        const directory = await this.deps.webex.directory.get();
        const ctx = await this.context(turn, undefined, '', log, directory, afterReply);
        const handler = ACTIONS[inputs.kind] as ActionHandler<typeof inputs.kind>;
        return handler(ctx, inputs as never);
      });
    }
  }

  /**
   * The one error boundary: whatever `work` throws reaches the person as one short line (with
   * Webex's trackingId), never only a log line. Replies are posted in order, then `afterReply`.
   */
  private async boundary(
    turn: { roomId: string; log: Logger },
    parentId: string | undefined,
    work: (afterReply: (() => void)[], answered: { intent: string }) => Promise<Reply | Reply[]>,
    /** The delivery being answered: noted in the store once its reply is being posted. */
    deliveryKey?: string,
  ): Promise<void> {
    const started = performance.now();
    const answered = { intent: 'unknown' };
    let outcome: 'ok' | 'error' = 'ok';
    const afterReply: (() => void)[] = [];
    let replies: Reply[];
    try {
      const answer = await work(afterReply, answered);
      replies = Array.isArray(answer) ? answer : [answer];
      if (replies.length === 0)
        replies = [{ markdown: 'I found nothing to show for that. Say **help** for examples.' }];
    } catch (error) {
      turn.log.error({ err: error }, 'answer failed');
      outcome = 'error';
      replies = [errorCard(explainFailure(error))];
    }
    if (deliveryKey) await this.deps.store.markPosting(deliveryKey, this.deps.now());
    try {
      for (const reply of replies) await this.send(turn.roomId, reply, parentId);
    } catch (error) {
      // The answer could not be posted (after retries): say so in one line if Webex lets us.
      turn.log.error({ err: error }, 'could not post the answer');
      outcome = 'error';
      await this.send(turn.roomId, errorCard(explainFailure(error, 'post')), parentId).catch(
        (again: unknown) => turn.log.error({ err: again }, 'could not post the failure line either'),
      );
    }
    for (const run of afterReply) run();
    this.deps.onAnswer?.(answered.intent, outcome, (performance.now() - started) / 1000);
  }

  /** Parses, merges follow-ups, runs the intent's handler and posts its reply. */
  async answer(
    text: string,
    who: { roomId: string; personId: string; email: string; askedAt?: number },
    log: Logger,
    forceFollowUp = false,
  ): Promise<void> {
    await this.boundary({ roomId: who.roomId, log }, undefined, (afterReply, answered) =>
      this.respond(text, who, log, forceFollowUp, afterReply, answered),
    );
  }

  /** The reply to a text: parse, follow-up merge, the intent's handler. */
  private async respond(
    text: string,
    /** `askedAt`: when the question was asked (Webex's time; default now). */
    who: { roomId: string; personId: string; email: string; askedAt?: number },
    log: Logger,
    forceFollowUp: boolean,
    afterReply: (() => void)[],
    answered = { intent: 'unknown' },
  ): Promise<Reply | Reply[]> {
    {
      const directory = await this.deps.webex.directory.get();
      const space = await this.deps.spaces.get(who.roomId);
      const parseContext = {
        now: this.deps.now(),
        timeZone: space.timeZone,
        directory,
        defaults: { unit: space.unit },
      };
      // A follow-up is read against what the person had asked before it, also when its answer
      // comes late (a replica died and another took it over) and later questions were answered.
      const askedAt = Number.isFinite(who.askedAt) ? who.askedAt! : this.deps.now();
      const previous = await this.deps.memory.recall(who.roomId, who.personId, askedAt);
      // "no", "never mind" to an ask-back or an offered alert: nothing happens, and it is forgotten.
      const declined = forceFollowUp ? undefined : declinedAskBack(text, previous);
      if (declined) {
        await this.deps.memory.forget(who.roomId, who.personId, askedAt);
        answered.intent = 'declined';
        return { markdown: declined };
      }
      const request = readTurn(text, previous, parseContext, forceFollowUp);
      // "set an alert" with nothing else said gets the form, and "change alert a3 to …" edits a
      // rule: neither is asked which room.
      const bareSetUp =
        (request.intent === 'alert.create' && /\ba\d{1,9}\b/i.test(text)) ||
        (SETUP_INTENTS.has(request.intent) &&
          !request.allWorkspaces &&
          request.workspaces.length === 0 &&
          request.metrics.length === 0 &&
          !request.alert);
      // Data questions are remembered for follow-ups; a setup only while it still asks back (once
      // set up, a second "yes" sets up nothing more); a request refused for its window only as the
      // question "which time?", so it never comes back in a later question.
      if (worthRemembering(request, parseContext.now, bareSetUp))
        await this.deps.memory.remember(who.roomId, who.personId, askedAt, request);
      else if (DATA_INTENTS.has(request.intent) || (SETUP_INTENTS.has(request.intent) && !bareSetUp))
        await this.deps.memory.forget(who.roomId, who.personId, askedAt);
      log.info({ intent: request.intent, clarify: Boolean(request.clarify) }, 'request understood');
      answered.intent = request.clarify && !bareSetUp ? 'clarify' : request.intent;
      const handler = HANDLERS[request.clarify && !bareSetUp ? 'clarify' : request.intent];
      const ctx = await this.context(who, request, text, log, directory, afterReply);
      return answerScope.run(this.rateLimitNotice(who.roomId, log), () => handler(ctx));
    }
  }

  private async context(
    who: { roomId: string; personId: string; email: string },
    request: ParsedRequest | undefined,
    text: string,
    log: Logger,
    directory = { workspaces: [], locations: [], floors: [] } as HandlerContext['directory'],
    afterReply: (() => void)[] = [],
  ): Promise<HandlerContext> {
    const space = await this.deps.spaces.get(who.roomId);
    const req = request ?? { intent: 'unknown' as const, metrics: [], workspaces: [] };
    return {
      request: req,
      text,
      space: { ...space, roomId: who.roomId },
      person: { id: who.personId, email: who.email },
      displayName: (personId, fallback) => this.deps.webex.people.displayName(personId, fallback),
      directory,
      webex: this.deps.webex,
      charts: this.deps.charts,
      // The deployment's comfort bands with this space's own over them.
      bands: spaceBands(this.deps.bands, space),
      deploymentBands: this.deps.bands,
      now: this.deps.now,
      log,
      planContext: { directory, space, now: this.deps.now(), limits: this.deps.limits },
      limits: this.deps.limits,
      read: (plan) => this.read(plan, who.roomId, log, afterReply),
      saveSpaceSettings: (patch) => this.deps.spaces.update(who.roomId, patch),
      store: this.deps.store,
      automation: {
        // A new rule is looked at once its confirmation is posted: an alert never precedes it.
        evaluateRuleNow: (ruleId) => afterReply.push(() => this.deps.automation.evaluateRuleNow(ruleId)),
        sendReportNow: (report) => this.deps.automation.sendReportNow(report),
      },
    };
  }

  /**
   * Reads a plan's series through the cache. A read that needs more calls than the budget allows in
   * a few seconds posts what it is doing and how long it may take, edits it with progress (a few
   * edits: Webex allows 10), and once the answer is posted says it is below.
   */
  private async read(plan: AnswerPlan, roomId: string, log: Logger, afterReply: (() => void)[]) {
    const { webex, limits, cache } = this.deps;
    const options = { ...(cache ? { cache } : {}) };
    // What the cache already holds is not read again: only the calls still needed count.
    const calls =
      plan.calls <= limits.progressAfterCalls ? plan.calls : await callsToRead(plan.fetches, cache);
    if (calls <= limits.progressAfterCalls) return readSeries(webex, plan.fetches, options);
    const rooms = new Set(plan.fetches.map((f) => f.room.id)).size;
    const minutes = Math.max(1, Math.ceil(calls / limits.callsPerMinute));
    const what = `Reading ${count(rooms)} ${rooms === 1 ? 'room' : 'rooms'} (${count(calls)} Webex calls)`;
    const progress = await webex.bot
      .sendMessage({
        roomId,
        markdown: `${what}: this can take up to ${minutes} min. The answer follows here.`,
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'could not post the progress message');
        return undefined;
      });
    // Edits run one after another, so the last one written is the last one shown.
    let edits = Promise.resolve();
    const edit = (markdown: string) => {
      if (!progress) return;
      edits = edits
        .then(() => webex.bot.editMessage(progress.id, { roomId, markdown }).then(() => undefined))
        .catch((error: unknown) => log.debug({ err: error }, 'progress edit failed'));
    };
    let shownTenth = 0;
    const data = await readSeries(webex, plan.fetches, {
      ...options,
      onProgress: (done, total) => {
        const tenth = Math.floor((done * 10) / total);
        // At most 8 progress edits (every tenth), leaving room for the last one.
        if (tenth > shownTenth && tenth < 10) {
          shownTenth = tenth;
          edit(`${what}: ${count(done)} of ${count(total)} series read (${tenth * 10} %).`);
        }
      },
    });
    afterReply.push(() => edit(`${what}: done; the answer is below.`));
    return data;
  }

  /** Posts a reply; `parentId` threads it under a message (an alert's acknowledgement). */
  async send(roomId: string, reply: Reply, parentId?: string): Promise<void> {
    const { webex } = this.deps;
    const target = parentId ? { roomId, parentId } : { roomId };
    const message = reply.file ? undefined : replyMessage(target, reply);
    const post = () =>
      reply.file ? webex.bot.sendFile(target, reply.file, reply.markdown) : webex.bot.sendMessage(message!);
    const sent = {
      markdown: reply.markdown,
      ...(parentId ? { parentId } : {}),
      ...(message?.attachments ? { attachments: message.attachments } : {}),
      file: Boolean(reply.file),
    };
    let pause = 500;
    for (let attempt = 1; ; attempt++) {
      const since = this.deps.now();
      try {
        await post();
        return;
      } catch (error) {
        if (!lostInTransit(error) || attempt >= POST_ATTEMPTS) throw error;
        // Webex may have created the message and lost only its answer: look before posting again.
        const landed = await this.ownPosts.find(
          roomId,
          since,
          async (id) => sameMessage(await webex.bot.getMessage(id), sent),
          this.deps.landedWaitMs ?? LANDED_WAIT_MS,
        );
        if (landed) return;
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause *= 2;
      }
    }
  }

  /** Says once per answer that Webex is slowing us down and the answer is on its way. */
  private rateLimitNotice(roomId: string, log: Logger) {
    let told = false;
    return {
      onRateLimited: (waitMs: number) => {
        if (told || waitMs < this.deps.rateLimitNoticeMs) return;
        told = true;
        const seconds = Math.max(1, Math.round(waitMs / 1000));
        log.info({ waitMs }, 'rate limited: telling the person the answer is coming');
        this.send(roomId, {
          markdown: `Webex asked me to slow down for a moment; your answer is coming in about ${seconds} s.`,
        }).catch((error: unknown) => log.warn({ err: error }, 'could not post the rate-limit notice'));
      },
    };
  }

  /** One polite line per space for people the bot may not answer. */
  private async refuse(roomId: string, log: Logger): Promise<void> {
    log.info('message from a person outside the allowed domains');
    this.deps.onAnswer?.('unknown', 'refused', 0);
    if (this.toldNotAllowed.has(roomId)) return;
    this.toldNotAllowed.add(roomId);
    await this.send(roomId, {
      markdown:
        'Sorry, I can only share room data with people from this organisation. Ask your Webex admin if you need access.',
    });
  }

  private async emailOf(personId: string): Promise<string> {
    const cached = this.people.get(personId);
    if (cached && this.deps.now() - cached.at < 3_600_000) return cached.email;
    const person = await this.deps.webex.bot.person(personId);
    const email = person.emails[0] ?? '';
    this.people.set(personId, { email, at: this.deps.now() });
    return email;
  }
}

/** The store key a delivery is claimed under, or undefined when it is not claimed. */
function claimKeyOf(delivery: Delivery, botId: string): string | undefined {
  if (delivery.event !== 'created') return undefined;
  if (delivery.resource === 'messages' && delivery.data.personId !== botId)
    return `message:${delivery.data.id}`;
  if (delivery.resource === 'attachmentActions') return `action:${delivery.data.id}`;
  return undefined;
}
