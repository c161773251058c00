import { AsyncLocalStorage } from 'node:async_hooks';

/** What the HTTP layer may tell the answer it is working for. */
export interface AnswerScope {
  /** Webex asked us to wait `waitMs` before retrying (HTTP 429). */
  onRateLimited(waitMs: number): void;
}

/**
 * The answer in progress, carried through async calls: the Webex client reports a rate-limit wait
 * without knowing about conversations, and the answer that is waiting can say so to the person.
 */
export const answerScope = new AsyncLocalStorage<AnswerScope>();
