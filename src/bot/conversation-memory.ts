import type { ParsedRequest } from '../language';

/** The last request of each person in each space, for follow-ups; forgotten after `ttlMs`. */
export class ConversationMemory {
  private readonly last = new Map<string, { request: ParsedRequest; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  remember(roomId: string, personId: string, request: ParsedRequest): void {
    const key = `${roomId} ${personId}`;
    this.last.delete(key);
    this.last.set(key, { request, at: this.now() });
    if (this.last.size > this.maxEntries) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
  }

  /** Forgets the person's last request (one that was refused is no context for what follows). */
  forget(roomId: string, personId: string): void {
    this.last.delete(`${roomId} ${personId}`);
  }

  recall(roomId: string, personId: string): ParsedRequest | undefined {
    const entry = this.last.get(`${roomId} ${personId}`);
    if (!entry || this.now() - entry.at > this.ttlMs) return undefined;
    return entry.request;
  }
}
