import { codeForStatus, scopeIn, WebexApiError } from './errors';
import type { TokenProvider } from './token-provider';

export type QueryValue = string | number | boolean | undefined;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base URL (`workspaces`), or an absolute URL (a `Link` header's next page). */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: URLSearchParams | FormData;
  /** Send without a bearer token (the refresh endpoint). */
  anonymous?: boolean;
  /** Retry on 5xx and network errors; default true for GET, PUT and DELETE, false for POST. */
  idempotent?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  trackingId: string | undefined;
}

/** What the transport reports, for logs and metrics; never includes tokens. */
export interface HttpEvent {
  kind: 'retry' | 'rate-limited' | 'token-refreshed' | 'failed';
  method: string;
  path: string;
  status?: number | undefined;
  trackingId?: string | undefined;
  attempt: number;
  waitMs?: number;
}

export interface HttpOptions {
  /** E.g. `https://webexapis.com/v1` or the emulator's URL. */
  baseUrl: string;
  token?: TokenProvider;
  fetch?: typeof fetch;
  /** Waits; injected so tests can move a fake clock instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Clock for Retry-After dates; default Date.now. */
  now?: () => number;
  /** Retries of 5xx/network failures (idempotent requests). Default 3. */
  maxRetries?: number;
  /** Retries after 429/423. Default 3. */
  maxRateLimitRetries?: number;
  /** Longest Retry-After honoured, in seconds; a longer one fails at once with `rate-limited`. Default 120. */
  maxRetryAfterSeconds?: number;
  /** First backoff step in ms (full jitter, doubling, capped at 8 s). Default 250. */
  backoffBaseMs?: number;
  timeoutMs?: number;
  onEvent?: (event: HttpEvent) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Parses `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The `rel="next"` target of an RFC 5988 `Link` header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  return JSON.parse(text);
}

function errorText(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; errors?: { description?: unknown }[] };
    const description = b.errors?.[0]?.description;
    const parts = [b.message, description].filter((p): p is string => typeof p === 'string' && p !== '');
    return parts.length ? [...new Set(parts)].join(' — ') : undefined;
  }
  return undefined;
}

/**
 * The one place HTTP happens for Webex: auth, JSON, typed errors, bounded retries (429 honours
 * Retry-After, 5xx/network use jittered exponential backoff), one token refresh on 401, and
 * `Link` paging.
 */
export class WebexHttp {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: HttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  url(path: string, query?: Record<string, QueryValue>): URL {
    const url = /^https?:\/\//.test(path)
      ? new URL(path)
      : new URL(`${this.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async request<T>(spec: RequestSpec): Promise<HttpResponse<T>> {
    const url = this.url(spec.path, spec.query);
    const path = url.pathname;
    const idempotent = spec.idempotent ?? spec.method !== 'POST';
    const maxRetries = this.options.maxRetries ?? 3;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? 3;
    let failures = 0;
    let rateLimited = 0;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = spec.anonymous || !this.options.token ? undefined : await this.options.token.getToken();
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          method: spec.method,
          headers: {
            accept: 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(spec.json !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: spec.json !== undefined ? JSON.stringify(spec.json) : spec.form,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (cause) {
        if (idempotent && failures < maxRetries) {
          failures++;
          await this.backoff(spec.method, path, attempt, failures, undefined, undefined);
          continue;
        }
        this.emit({ kind: 'failed', method: spec.method, path, attempt });
        throw new WebexApiError({
          code: 'network-error',
          status: undefined,
          method: spec.method,
          path,
          webexMessage: (cause as Error).message,
          trackingId: undefined,
          cause,
        });
      }
      const trackingId = response.headers.get('trackingid') ?? undefined;
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (cause) {
        throw new WebexApiError({
          code: 'invalid-response',
          status: response.status,
          method: spec.method,
          path,
          webexMessage: 'the response is not valid JSON',
          trackingId,
          cause,
        });
      }
      if (response.ok)
        return { status: response.status, headers: response.headers, body: body as T, trackingId };

      const status = response.status;
      if (status === 401 && token && !refreshed && this.options.token) {
        refreshed = true;
        if (await this.options.token.invalidate(token)) {
          this.emit({ kind: 'token-refreshed', method: spec.method, path, status, trackingId, attempt });
          continue;
        }
      }
      if (status === 429 || status === 423) {
        const retryAfter =
          parseRetryAfter(response.headers.get('retry-after'), (this.options.now ?? Date.now)()) ?? 1;
        const limit = this.options.maxRetryAfterSeconds ?? 120;
        if (retryAfter <= limit && rateLimited < maxRateLimitRetries) {
          rateLimited++;
          this.emit({
            kind: 'rate-limited',
            method: spec.method,
            path,
            status,
            trackingId,
            attempt,
            waitMs: retryAfter * 1000,
          });
          await this.sleep(retryAfter * 1000);
          continue;
        }
        this.emit({ kind: 'failed', method: spec.method, path, status, trackingId, attempt });
        throw new WebexApiError({
          code: 'rate-limited',
          status,
          method: spec.method,
          path,
          webexMessage:
            retryAfter > limit
              ? `Retry-After ${retryAfter} s exceeds the ${limit} s this client waits`
              : `still rate limited after ${rateLimited} waits`,
          trackingId,
          retryAfterSeconds: retryAfter,
        });
      }
      if (status >= 500 && idempotent && failures < maxRetries) {
        failures++;
        await this.backoff(spec.method, path, attempt, failures, status, trackingId);
        continue;
      }
      this.emit({ kind: 'failed', method: spec.method, path, status, trackingId, attempt });
      const message = errorText(body);
      const bodyTrackingId =
        body && typeof body === 'object' ? (body as { trackingId?: unknown }).trackingId : undefined;
      throw new WebexApiError({
        code: codeForStatus(status),
        status,
        method: spec.method,
        path,
        webexMessage: message,
        trackingId: trackingId ?? (typeof bodyTrackingId === 'string' ? bodyTrackingId : undefined),
        missingScope: status === 403 ? scopeIn(message) : undefined,
      });
    }
  }

  private async backoff(
    method: string,
    path: string,
    attempt: number,
    failures: number,
    status: number | undefined,
    trackingId: string | undefined,
  ): Promise<void> {
    const base = this.options.backoffBaseMs ?? 250;
    const waitMs = Math.round(this.random() * Math.min(8000, base * 2 ** (failures - 1)));
    this.emit({ kind: 'retry', method, path, status, trackingId, attempt, waitMs });
    await this.sleep(waitMs);
  }

  private emit(event: HttpEvent): void {
    this.options.onEvent?.(event);
  }

  async get<T>(path: string, query?: Record<string, QueryValue>): Promise<T> {
    return (await this.request<T>({ method: 'GET', path, ...(query ? { query } : {}) })).body;
  }

  /** Every item of a list, following `Link: rel="next"` until it is absent (even through empty pages). */
  async listAll<T>(path: string, query?: Record<string, QueryValue>): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = this.url(path, query).toString();
    const seen = new Set<string>();
    while (next) {
      if (seen.has(next)) throw new Error(`Paging loop: ${next} was already fetched`);
      seen.add(next);
      const page: HttpResponse<{ items?: T[] }> = await this.request<{ items?: T[] }>({
        method: 'GET',
        path: next,
      });
      items.push(...(page.body?.items ?? []));
      next = nextLink(page.headers.get('link'));
    }
    return items;
  }
}
