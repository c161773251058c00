/** Why a Webex call failed, in words code can branch on. */
export type WebexErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'invalid-response'
  | 'http-error';

export interface WebexErrorDetails {
  code: WebexErrorCode;
  status: number | undefined;
  method: string;
  /** The path without query and host, e.g. `/v1/workspaceMetrics`. */
  path: string;
  /** Webex's own message (and first error description), when it sent one. */
  webexMessage: string | undefined;
  trackingId: string | undefined;
  /** Seconds Webex asked to wait (429/423). */
  retryAfterSeconds?: number | undefined;
  /** For 403: the admin scope Webex named as missing, if any. */
  missingScope?: string | undefined;
  cause?: unknown;
}

const HINTS: Partial<Record<WebexErrorCode, string>> = {
  unauthorized:
    'the access token is missing, wrong or expired: check the token setting, or the refresh credentials',
  forbidden: 'the token lacks a scope or role for this API',
  'rate-limited': 'Webex is rate limiting this token; the request can be retried later',
  'server-error': 'Webex had a server error; retrying later usually works',
  'network-error': 'Webex could not be reached: check the network and the API base URL',
};

/** A failed Webex call: status, method, path, Webex's message and the trackingId support asks for. */
export class WebexApiError extends Error {
  readonly code: WebexErrorCode;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly webexMessage: string | undefined;
  readonly trackingId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly missingScope: string | undefined;

  constructor(details: WebexErrorDetails) {
    const scope = details.missingScope ? ` (missing scope ${details.missingScope})` : '';
    const hint = HINTS[details.code];
    super(
      `${details.method} ${details.path} failed: ${details.status ?? details.code}` +
        `${details.webexMessage ? ` ${details.webexMessage}` : ''}${scope}` +
        `${hint ? ` — ${hint}` : ''}${details.trackingId ? ` [trackingId ${details.trackingId}]` : ''}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'WebexApiError';
    this.code = details.code;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.webexMessage = details.webexMessage;
    this.trackingId = details.trackingId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.missingScope = details.missingScope;
  }
}

export function codeForStatus(status: number): WebexErrorCode {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429 || status === 423) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'http-error';
}

/** Finds a scope name such as `spark-admin:workspaces_read` in Webex's error text. */
export function scopeIn(text: string | undefined): string | undefined {
  return text ? /\b(spark(?:-admin|-compliance)?:[a-z_]+)\b/.exec(text)?.[1] : undefined;
}
