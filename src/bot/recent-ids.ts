/**
 * Ids seen recently, to process each webhook delivery once: Webex retries deliveries and may send
 * the same event twice. Bounded in size and age; the clock is injected.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** True the first time `id` is offered within the TTL, false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    if (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  /** Forgets `id`, so that it is taken again (its processing could not begin: a retry must be). */
  forget(id: string): void {
    this.seen.delete(id);
  }
}
