import type { Claimant, Store } from '../store/store';

/**
 * How a process that shares its post log with others (replicas, or its own earlier life) tells a
 * claim in progress from one left by a dead process, and finds out whether that one's post landed.
 */
export interface PostGuard {
  /** This process, and the oldest heartbeat that still counts as alive. */
  claimant: () => Claimant;
  /** The id of the bot's own message in a space, posted since `since`, whose text `looksLike`. */
  landed: (
    roomId: string,
    since: number,
    looksLike: (markdown: string) => boolean,
  ) => Promise<string | undefined>;
}

/** How far back a taken-over post is looked for: a claim older than this was not posted then. */
export const LANDED_LOOKBACK_MS = 10 * 60_000;

/** The options of `postOnce` for a post in `roomId` whose text `looksLike`, under `guard`. */
export function guarded(
  guard: PostGuard | undefined,
  roomId: string,
  claimedAt: number,
  looksLike: () => Promise<(markdown: string) => boolean>,
): Pick<PostOnceOptions, 'claimant' | 'landed'> {
  if (!guard) return {};
  return {
    claimant: guard.claimant(),
    landed: async () => guard.landed(roomId, claimedAt - LANDED_LOOKBACK_MS, await looksLike()),
  };
}

export interface PostOnceOptions {
  /** Shown in the post log (e.g. the report slot). */
  info?: string;
  /**
   * Who posts (this process and which other processes count as alive): a claim left uncompleted by
   * a dead process is then taken over instead of counting as posted.
   */
  claimant?: Claimant;
  /**
   * After a take-over: the id of the message the dead process posted, when it landed after all
   * (undefined when it did not). Without it a take-over posts again.
   */
  landed?: () => Promise<string | undefined>;
}

/**
 * Posts a message at most once per `key`, also across restarts and replicas sharing the store: the
 * key is claimed before posting and completed with the message id after. A failed post releases
 * the claim so the next attempt can post. A claim left by a process that died mid-post is taken
 * over when a claimant is given (after checking whether its post landed); without one it counts as
 * posted (two copies of a report are worse than a missing one, and the next report says what was
 * missed). Returns the message id ('' when an earlier run posted it without recording the id).
 */
export async function postOnce(
  store: Store,
  key: string,
  at: number,
  post: () => Promise<string>,
  options: PostOnceOptions = {},
): Promise<string> {
  const claim = await store.claimPost(key, at, options.info, options.claimant);
  if (claim === 'taken') return (await store.getPost(key))?.messageId ?? '';
  if (claim === 'taken-over' && options.landed) {
    const landed = await options.landed();
    if (landed !== undefined) {
      await store.completePost(key, landed);
      return landed;
    }
  }
  let messageId: string;
  try {
    messageId = await post();
  } catch (error) {
    await store.releasePost(key);
    throw error;
  }
  await store.completePost(key, messageId);
  return messageId;
}
