import type { Store } from '../store';
import type { Message } from '../webex/wire';

/** How long own-message events are remembered (the window in which a lost post is looked for). */
const REMEMBER_MS = 15 * 60_000;
/** Own messages looked at per space and search at most. */
const PER_ROOM = 200;
/** How often a search looks again while it waits for the event. */
const POLL_MS = 200;

/** `own:<room>:<13-digit arrival ms>:<message id>`: sorted by arrival within a space. */
const keyOf = (roomId: string, at: number, messageId: string) =>
  `own:${roomId}:${String(Math.max(0, Math.floor(at))).padStart(13, '0')}:${messageId}`;

/**
 * The bot's own messages as Webex reports them (`messages:created` webhooks for the bot's posts),
 * kept in the shared store so that every replica sees them, whichever one the event reached.
 * Webex has no idempotency key: when a post fails with a 5xx, a reset or a timeout, the message
 * may exist all the same. Before posting again, the bot waits a moment for its own event in that
 * space, reads the message and compares it with what it sent; a match is the post that landed.
 * Each message counts for one post only (in this process), so two identical replies stay two.
 */
export class OwnPosts {
  private readonly claimed = new Set<string>();

  constructor(
    private readonly store: Pick<Store, 'setMemo' | 'listMemos'>,
    private readonly now: () => number,
  ) {}

  /** Records an own message (from its webhook). */
  async seen(roomId: string, messageId: string): Promise<void> {
    const at = this.now();
    await this.store.setMemo(keyOf(roomId, at, messageId), messageId, at + REMEMBER_MS);
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
    const from = keyOf(roomId, since, '');
    for (;;) {
      const seen = await this.store.listMemos(`own:${roomId}:`, this.now(), PER_ROOM * 5);
      for (const { key, value: id } of seen.filter((m) => m.key >= from).slice(-PER_ROOM)) {
        if (checked.has(key) || this.claimed.has(id)) continue;
        checked.add(key);
        if (await matches(id).catch(() => false)) {
          if (this.claimed.size >= 10_000) this.claimed.clear();
          this.claimed.add(id);
          return id;
        }
      }
      const left = deadline - this.now();
      if (left <= 0) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, POLL_MS)));
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
