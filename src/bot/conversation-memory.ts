import type { ParsedRequest } from '../language';
import type { Store } from '../store';

/**
 * The last request of each person in each space, for follow-ups; forgotten after `ttlMs`. Kept in
 * the shared store, so a follow-up answered by another replica knows what came before.
 */
export class ConversationMemory {
  constructor(
    private readonly store: Pick<Store, 'getMemo' | 'setMemo' | 'deleteMemo'>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async remember(roomId: string, personId: string, request: ParsedRequest): Promise<void> {
    await this.store.setMemo(keyOf(roomId, personId), JSON.stringify(request), this.now() + this.ttlMs);
  }

  /** Forgets the person's last request (one that was refused is no context for what follows). */
  async forget(roomId: string, personId: string): Promise<void> {
    await this.store.deleteMemo(keyOf(roomId, personId));
  }

  /** The person's last request, or undefined (none, expired, or unreadable). */
  async recall(roomId: string, personId: string): Promise<ParsedRequest | undefined> {
    const text = await this.store.getMemo(keyOf(roomId, personId), this.now());
    if (text === undefined) return undefined;
    try {
      const request = JSON.parse(text) as ParsedRequest;
      return typeof request === 'object' && request !== null && typeof request.intent === 'string'
        ? request
        : undefined;
    } catch {
      return undefined;
    }
  }
}

const keyOf = (roomId: string, personId: string) => `memory:${roomId}:${personId}`;
