import type { Message } from '../webex/wire';

/** One of the bot's own messages, as its `messages:created` event told it. */
interface Seen {
  id: string;
  /** Local time the event arrived (epoch ms). */
  at: number;
}

/** How long own-message events are remembered (the window in which a lost answer is looked for). */
const REMEMBER_MS = 5 * 60_000;
/** Own messages remembered per space at most. */
const PER_ROOM = 200;

/**
 * The bot's own messages as Webex reports them (`messages:created` webhooks for the bot's posts).
 * Webex has no idempotency key: when a post fails with a 5xx, a reset or a timeout, the message
 * may exist all the same. Before posting again, the bot waits a moment for its own event in
 * that space, reads the message and compares it with what it sent; a match is the post that
 * landed. Each message counts for one post only, so two identical replies stay two.
 */
export class OwnPosts {
  private readonly rooms = new Map<string, Seen[]>();
  private readonly claimed = new Set<string>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number) {}

  /** Records an own message (from its webhook) and wakes whoever is looking for one. */
  seen(roomId: string, messageId: string): void {
    const at = this.now();
    const list = (this.rooms.get(roomId) ?? []).filter((s) => at - s.at < REMEMBER_MS);
    if (!list.some((s) => s.id === messageId)) list.push({ id: messageId, at });
    this.rooms.set(roomId, list.slice(-PER_ROOM));
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * The id of an own message in `roomId` that arrived since `since` and that `matches` (reads it
   * and compares), waiting up to `waitMs` for its event. Undefined: it did not land.
   */
  async find(
    roomId: string,
    since: number,
    matches: (messageId: string) => Promise<boolean>,
    waitMs: number,
  ): Promise<string | undefined> {
    const deadline = this.now() + waitMs;
    const checked = new Set<string>();
    for (;;) {
      for (const s of this.rooms.get(roomId) ?? []) {
        if (s.at < since || checked.has(s.id) || this.claimed.has(s.id)) continue;
        checked.add(s.id);
        if (await matches(s.id).catch(() => false)) {
          this.claimed.add(s.id);
          return s.id;
        }
      }
      const left = deadline - this.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 250));
        this.waiters.add(wake);
      });
    }
  }
}

/** Whether a message read back is the one sent: same text, same thread, same card or file. */
export function sameMessage(
  found: Message,
  sent: { markdown?: string; parentId?: string; attachments?: unknown[]; file?: boolean },
): boolean {
  const strip = (text: string | undefined) => (text ?? '').trim();
  return (
    strip(found.markdown) === strip(sent.markdown) &&
    (found.parentId ?? undefined) === (sent.parentId ?? undefined) &&
    Boolean(found.attachments?.length) === Boolean(sent.attachments?.length) &&
    Boolean(found.files?.length) === Boolean(sent.file)
  );
}
