import type { Store } from '../store';

/**
 * Posts a message at most once per `key`, also across restarts and replicas sharing the store: the
 * key is claimed before posting and completed with the message id after. A failed post releases
 * the claim so the next attempt can post; a claim left by a crash mid-post counts as posted (two
 * copies of a report are worse than a missing one, and the next report says what was missed).
 * Returns the message id ('' when an earlier run posted it without recording the id).
 */
export async function postOnce(
  store: Store,
  key: string,
  at: number,
  post: () => Promise<string>,
  info?: string,
): Promise<string> {
  if (!store.claimPost(key, at, info)) return store.getPost(key)?.messageId ?? '';
  let messageId: string;
  try {
    messageId = await post();
  } catch (error) {
    store.releasePost(key);
    throw error;
  }
  store.completePost(key, messageId);
  return messageId;
}
