import { WebexApiError } from '../webex/errors';

/** Start-up could not finish: the one line a supervisor's log shows before it restarts the bot. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RetryOptions {
  /** Epoch ms after which no new attempt starts (and a running one is abandoned). */
  deadline: number;
  now?: () => number;
  /** Errors that retrying cannot fix (a refused token): fail at once. */
  isFatal?: (error: unknown) => boolean;
  onRetry?: (error: unknown, waitMs: number, attempt: number) => void;
  /** First wait (doubling, jittered, at most 5 s). Default 250 ms. */
  baseMs?: number;
}

/** One line for an error: a Webex error's status and message, or the error's own message. */
export function errorLine(error: unknown): string {
  if (error instanceof WebexApiError) {
    const what = `${error.method} ${error.path}`;
    const status = error.status ?? error.code;
    return `${what} answered ${status}${error.webexMessage ? ` (${error.webexMessage})` : ''}`.replace(
      /\s+/g,
      ' ',
    );
  }
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown error';
}

/**
 * Runs `attempt` until it succeeds, with jittered exponential backoff, for at most until
 * `deadline`; then throws a {@link StartupError} naming `what` and the last failure.
 */
export async function retryUntil<T>(
  what: string,
  attempt: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const started = now();
  let lastError: unknown;
  for (let n = 1; ; n++) {
    const remaining = options.deadline - now();
    if (remaining <= 0) break;
    try {
      return await withTimeout(attempt(), remaining, what);
    } catch (error) {
      lastError = error;
      if (options.isFatal?.(error)) throw new StartupError(`${what} failed: ${errorLine(error)}`);
    }
    const left = options.deadline - now();
    if (left <= 0) break;
    const waitMs = Math.min(
      left,
      Math.round((0.5 + Math.random() / 2) * Math.min(5000, (options.baseMs ?? 250) * 2 ** (n - 1))),
    );
    options.onRetry?.(lastError, waitMs, n);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  const seconds = Math.round((now() - started) / 1000);
  throw new StartupError(
    `${what} still failing after ${seconds} s${lastError === undefined ? '' : `: ${errorLine(lastError)}`}`,
  );
}

class AttemptTimeout extends Error {
  override name = 'AttemptTimeout';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout(`${what} did not answer in time`)), ms);
  });
  // A late rejection of an abandoned attempt must not become an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
