import type { ParsedRequest } from '../language';
import type { Store } from '../store';

/**
 * The requests of each person in each space, for follow-ups, each kept under the time it was asked
 * and forgotten after `ttlMs`. Kept in the shared store, so a follow-up answered by another replica
 * knows what came before. A follow-up is read against what the person had asked before it, not
 * against whatever was answered last: an answer that comes late (its replica died and another took
 * the question over) neither takes a later question for its context nor becomes the context of the
 * questions asked after it.
 */
export class ConversationMemory {
  constructor(
    private readonly store: Pick<Store, 'setMemo' | 'listMemos'>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Remembers the request of a question the person asked at `askedAt`. */
  async remember(roomId: string, personId: string, askedAt: number, request: ParsedRequest): Promise<void> {
    await this.store.setMemo(
      keyOf(roomId, personId, askedAt),
      JSON.stringify(request),
      this.now() + this.ttlMs,
    );
  }

  /**
   * Forgets what the person asked before `askedAt` for the questions that follow it (a request
   * that was refused is no context for what follows).
   */
  async forget(roomId: string, personId: string, askedAt: number): Promise<void> {
    await this.store.setMemo(keyOf(roomId, personId, askedAt), FORGOTTEN, this.now() + this.ttlMs);
  }

  /**
   * The person's last request asked before `before` (or at that very time) (the time the follow-up was asked), or
   * undefined (none, forgotten, expired, or unreadable).
   */
  async recall(roomId: string, personId: string, before: number): Promise<ParsedRequest | undefined> {
    // Newest first (the keys hold the time inverted); questions asked later are skipped. One asked
    // in the same millisecond counts as before it (a frozen clock, or the same question answered
    // again after a take-over, whose entry holds what it was read as).
    const entries = await this.store.listMemos(prefixOf(roomId, personId), this.now(), RECALL_LIMIT);
    const last = entries.find((entry) => askedAtOf(entry.key) <= before);
    if (last === undefined || last.value === FORGOTTEN) return undefined;
    try {
      const request = JSON.parse(last.value) as ParsedRequest;
      return typeof request === 'object' && request !== null && typeof request.intent === 'string'
        ? request
        : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Entries looked at by a recall: a person asks far fewer questions in a space within the TTL. */
const RECALL_LIMIT = 50;
const FORGOTTEN = 'forgotten';
/** Epoch ms fit in 13 digits until the year 2286; keys sort newest first. */
const LATEST = 9_999_999_999_999;
const prefixOf = (roomId: string, personId: string) => `memory:${roomId}:${personId}:`;
const keyOf = (roomId: string, personId: string, askedAt: number) =>
  `${prefixOf(roomId, personId)}${String(LATEST - Math.max(0, Math.min(LATEST, Math.round(askedAt)))).padStart(13, '0')}`;
const askedAtOf = (key: string) => LATEST - Number(key.slice(key.lastIndexOf(':') + 1));
