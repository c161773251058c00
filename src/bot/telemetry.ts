import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { PassResult } from '../automation/alert-runner';
import { HANDLERS } from '../handlers/registry';
import type { ReadingsCache } from '../readings/readings-cache';
import type { HttpEvent } from '../webex/http';
import type { RejectReason } from './webhook-receiver';

/** How an answer ended: posted, ended with the error line, or refused (person not allowed). */
export type AnswerOutcome = 'ok' | 'error' | 'refused';
/** Why a webhook delivery was not processed. */
/** Why a webhook delivery was turned away (the receiver's reasons). */
export type RejectedDelivery = RejectReason;
/** What became of a report slot. */
export type ReportOutcome = 'posted' | 'late' | 'skipped' | 'failed';

const PREFIX = 'room_metrics_';

/** Every intent label: the parser's intents, `clarify` (asked back) and `button` (a card button). */
const INTENT_LABELS: ReadonlySet<string> = new Set([...Object.keys(HANDLERS), 'button']);

/**
 * The Webex endpoints the bot calls, as labels: ids become `{id}`, so the label set is fixed. A path
 * not listed here is counted as `other`.
 */
export const WEBEX_ENDPOINTS: ReadonlySet<string> = new Set([
  'people/me',
  'people/{id}',
  'rooms',
  'rooms/{id}',
  'memberships',
  'messages',
  'messages/{id}',
  'attachment/actions/{id}',
  'webhooks',
  'webhooks/{id}',
  'workspaces',
  'workspaces/{id}',
  'workspaces/{id}/capabilities',
  'locations',
  'locations/{id}/floors',
  'workspaceMetrics',
  'workspaceDurationMetrics',
  'access_token',
]);

/** Path words that are not ids. */
const FIXED_SEGMENTS = new Set(['me', 'actions', 'capabilities', 'floors']);

/** Status codes kept as themselves; any other status is counted by its class (`2xx`, `4xx`, …). */
const STATUS_CODES = new Set([400, 401, 403, 404, 409, 410, 423, 429, 500, 502, 503, 504]);

/** `workspaceMetrics`, `people/{id}`, … for a Webex URL path (`basePath` is the API base's path, e.g. `/v1`). */
export function webexEndpoint(pathname: string, basePath = '/v1'): string {
  let path = pathname;
  if (basePath && basePath !== '/' && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
  else path = path.replace(/^\/v1(?=\/)/, '');
  const segments = path.split('/').filter(Boolean);
  const named = segments
    .slice(0, 4)
    .map((segment, i) => (i === 0 || FIXED_SEGMENTS.has(segment) ? segment : '{id}'))
    .join('/');
  return WEBEX_ENDPOINTS.has(named) ? named : 'other';
}

/** `2xx`, `429`, `5xx`, …; `network-error` when there was no response. */
export function statusLabel(status: number | undefined): string {
  if (status === undefined) return 'network-error';
  if (STATUS_CODES.has(status)) return String(status);
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
const methodLabel = (method: string | undefined) => {
  const upper = (method ?? 'GET').toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
};

export interface TelemetryOptions {
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** The Webex API base URL (its path is stripped from request paths). */
  apiBaseUrl?: string;
}

/**
 * The bot's Prometheus metrics: one registry per bot (tests run several bots in one process),
 * prom-client's default Node metrics, and the bot's own, all with bounded labels (no ids, no
 * names, no free text). Other parts report through the small methods here; `route()` serves them.
 */
export class Telemetry {
  readonly registry = new Registry();
  private readonly basePath: string;
  private readonly token: Buffer | undefined;

  private readonly answers = new Counter({
    name: `${PREFIX}answers_total`,
    help: 'Answers to messages and card buttons, by intent and outcome (ok, error: the error line, refused).',
    labelNames: ['intent', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly answerDuration = new Histogram({
    name: `${PREFIX}answer_duration_seconds`,
    help: 'Time from starting an answer to its last reply posted (refusals not included).',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  private readonly webexRequests = new Counter({
    name: `${PREFIX}webex_requests_total`,
    help: 'HTTP requests to the Webex API (every attempt, retries included), by endpoint, method and status.',
    labelNames: ['endpoint', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly webexRetries = new Counter({
    name: `${PREFIX}webex_retries_total`,
    help: 'Webex requests retried after a server error or a network failure, by endpoint and status.',
    labelNames: ['endpoint', 'status'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitWaits = new Counter({
    name: `${PREFIX}webex_rate_limit_waits_total`,
    help: 'Waits for Retry-After after a 429 or 423 from Webex, by endpoint.',
    labelNames: ['endpoint'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitWaitSeconds = new Counter({
    name: `${PREFIX}webex_rate_limit_wait_seconds_total`,
    help: 'Seconds spent waiting for Retry-After, by endpoint.',
    labelNames: ['endpoint'] as const,
    registers: [this.registry],
  });
  private readonly webexFailures = new Counter({
    name: `${PREFIX}webex_failures_total`,
    help: 'Webex requests given up (after any retries), by endpoint and status.',
    labelNames: ['endpoint', 'status'] as const,
    registers: [this.registry],
  });
  private readonly tokenRefreshes = new Counter({
    name: `${PREFIX}webex_token_refreshes_total`,
    help: 'Admin tokens refreshed after a 401.',
    registers: [this.registry],
  });
  private readonly rejectedDeliveries = new Counter({
    name: `${PREFIX}webhook_deliveries_rejected_total`,
    help: 'Webhook deliveries not processed, by reason (signature, not-json, not-envelope, duplicate, …).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly alertPasses = new Counter({
    name: `${PREFIX}alert_passes_total`,
    help: 'Alert evaluation passes, by scope (all rules, or one new rule) and outcome.',
    labelNames: ['scope', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly alertPassDuration = new Histogram({
    name: `${PREFIX}alert_pass_duration_seconds`,
    help: 'How long an alert evaluation pass took (a scheduled pass is spread over the alert interval).',
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [this.registry],
  });
  private readonly alertPosts = new Counter({
    name: `${PREFIX}alert_posts_total`,
    help: 'Alert messages posted (fired, renotified, resolved).',
    registers: [this.registry],
  });
  private readonly alertReadFailures = new Counter({
    name: `${PREFIX}alert_read_failures_total`,
    help: 'Workspace × metric reads that failed during alert passes (tried again next pass).',
    registers: [this.registry],
  });
  private readonly reports = new Counter({
    name: `${PREFIX}reports_total`,
    help: 'Scheduled report slots, by outcome (posted on time, posted late, skipped as too late, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: TelemetryOptions = {}) {
    collectDefaultMetrics({ register: this.registry });
    this.basePath = options.apiBaseUrl ? new URL(options.apiBaseUrl).pathname.replace(/\/+$/, '') : '/v1';
    this.token = options.token ? Buffer.from(options.token) : undefined;
  }

  /** One answer ended. */
  answer(intent: string, outcome: AnswerOutcome, seconds: number): void {
    const label = INTENT_LABELS.has(intent) ? intent : 'unknown';
    this.answers.inc({ intent: label, outcome });
    if (outcome !== 'refused') this.answerDuration.observe(seconds);
  }

  /** One HTTP attempt to Webex ended (`status` undefined: no response). */
  webexCall(pathname: string, method: string | undefined, status: number | undefined): void {
    this.webexRequests.inc({
      endpoint: webexEndpoint(pathname, this.basePath),
      method: methodLabel(method),
      status: statusLabel(status),
    });
  }

  /** The Webex transport's events (`http.onEvent`): retries, rate-limit waits, failures, refreshes. */
  webexEvent(event: HttpEvent): void {
    const endpoint = webexEndpoint(event.path, this.basePath);
    const status = statusLabel(event.status);
    if (event.kind === 'retry') this.webexRetries.inc({ endpoint, status });
    else if (event.kind === 'failed') this.webexFailures.inc({ endpoint, status });
    else if (event.kind === 'token-refreshed') this.tokenRefreshes.inc();
    else if (event.kind === 'rate-limited') {
      this.rateLimitWaits.inc({ endpoint });
      this.rateLimitWaitSeconds.inc({ endpoint }, (event.waitMs ?? 0) / 1000);
    }
  }

  /** `fetch` that counts every request by endpoint, method and status (for the Webex client). */
  webexFetch(inner: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const pathname = new URL(url).pathname;
      let response: Response;
      try {
        response = await inner(input, init);
      } catch (error) {
        this.webexCall(pathname, method, undefined);
        throw error;
      }
      this.webexCall(pathname, method, response.status);
      return response;
    };
  }

  deliveryRejected(reason: RejectedDelivery): void {
    this.rejectedDeliveries.inc({ reason });
  }

  /** One alert pass ended (`result` undefined: it failed before it could plan). */
  alertPass(seconds: number, result: PassResult | undefined, oneRule: boolean): void {
    const scope = oneRule ? 'rule' : 'all';
    this.alertPasses.inc({ scope, outcome: result ? 'ok' : 'error' });
    this.alertPassDuration.observe(seconds);
    if (result) {
      this.alertPosts.inc(result.posted);
      this.alertReadFailures.inc(result.failedPairs);
    }
  }

  report(outcome: ReportOutcome): void {
    this.reports.inc({ outcome });
  }

  /** Reads the cache's own counts whenever metrics are scraped. */
  watchCache(cache: ReadingsCache): void {
    new Counter({
      name: `${PREFIX}readings_cache_reads_total`,
      help: 'Series reads through the readings cache: hit (some complete buckets cached) or miss (none).',
      labelNames: ['result'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, cache.stats.hits);
        this.inc({ result: 'miss' }, cache.stats.misses);
      },
    });
    new Counter({
      name: `${PREFIX}readings_cache_store_loads_total`,
      help: 'Cached buckets loaded from the database into memory (after a restart or an eviction).',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(cache.stats.storeHits);
      },
    });
  }

  /** `GET /metrics`: the text exposition; 401 without the bearer token when one is set. */
  route(): RequestHandler {
    return async (req, res) => {
      if (this.token && !this.authorized(req.get('authorization'))) {
        res
          .status(401)
          .set('www-authenticate', 'Bearer realm="metrics"')
          .json({ error: 'missing or wrong bearer token' });
        return;
      }
      res.set('content-type', this.registry.contentType).set('cache-control', 'no-store');
      res.send(await this.registry.metrics());
    };
  }

  /** Drops the metrics (the bot stopped). */
  close(): void {
    this.registry.clear();
  }

  private authorized(header: string | undefined): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!match || !this.token) return false;
    const given = Buffer.from(match[1]!.trim());
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }
}
