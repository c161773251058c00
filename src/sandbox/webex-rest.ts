/**
 * The few Webex REST calls the sandbox makes as a person or as the bot (seeding spaces, checking
 * webhooks), with Webex's error message and trackingId kept when one fails.
 */
export class SandboxSetupError extends Error {
  override name = 'SandboxSetupError';
}

export interface WebexRest {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: Record<string, unknown>): Promise<T>;
}

export function webexRest(baseUrl: string, token: string): WebexRest {
  const send = async <T>(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        const parsed = JSON.parse(text) as { message?: string; errors?: { description?: string }[] };
        message = parsed.errors?.[0]?.description ?? parsed.message ?? message;
      } catch {
        // not a Webex error body: keep the start of the text
      }
      throw new SandboxSetupError(
        `${method} ${path} answered ${response.status}: ${message} (trackingId ${response.headers.get('trackingid') ?? 'none'})`,
      );
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
  };
}

/** Polls `probe` every `intervalMs` until it returns a value; undefined after `timeoutMs`. */
export async function pollFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
