import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';
import { mulberry32 } from './org/random';
import type { TokenRecord } from './tokens';

export interface TrafficOptions {
  /** Requests per minute per token; 0 = unlimited. */
  rateLimitPerMinute: number;
  /** Fraction (0..1) of requests answered with a 5xx. */
  faultRate: number;
  /**
   * Fraction (0..1) of writes (POST, PUT, DELETE) that are carried out but answered with a 502, as
   * when a gateway loses the answer: the message exists, the caller does not know.
   */
  faultAfterWriteRate?: number;
  /** Added latency per request, in ms. */
  latencyMs: number;
  /** Seed of the fault generator, so a run is repeatable. */
  seed: number;
  /** Only these tokens are rate limited and get faults (tests: break the admin token, not the bot's). */
  appliesTo?: readonly string[] | undefined;
}

const FAULT_STATUSES = [500, 502, 503] as const;

/**
 * Rate limits (fixed one-minute windows per token, 429 + Retry-After with an HTML body as Webex
 * sometimes sends), injected 5xx faults and latency. All off by default; tests and benchmarks
 * turn them on, also at run time through `update`.
 */
export class TrafficControl {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private random: () => number;
  private burst: { remaining: number; retryAfterSeconds: number } | undefined;
  private outages: { method?: string; path: RegExp; until: number; status: number }[] = [];

  constructor(
    private options: TrafficOptions,
    private readonly now: () => number,
  ) {
    this.random = mulberry32(options.seed);
  }

  update(patch: Partial<TrafficOptions>): void {
    this.options = { ...this.options, ...patch };
    if (patch.seed !== undefined) this.random = mulberry32(patch.seed);
    if (patch.rateLimitPerMinute !== undefined) this.windows.clear();
  }

  /**
   * Answers the next `count` requests (of the tokens `appliesTo` names) with 429 and a fixed
   * `Retry-After`, as Webex does in a burst of throttling. Tests use it to see a bot wait it out.
   */
  throttle(count: number, retryAfterSeconds: number): void {
    this.burst = { remaining: count, retryAfterSeconds };
  }

  /**
   * Answers every request to a path (`/v1/people/me`, or a pattern) with `status` (default 503)
   * until `forMs` from now, whatever the token: an outage of one API, e.g. at a bot's start-up.
   */
  failPath(outage: { method?: string; path: string | RegExp; forMs: number; status?: number }): void {
    const path =
      typeof outage.path === 'string'
        ? new RegExp(`^${outage.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : outage.path;
    this.outages.push({
      ...(outage.method ? { method: outage.method.toUpperCase() } : {}),
      path,
      until: this.now() + outage.forMs,
      status: outage.status ?? 503,
    });
  }

  get current(): Readonly<TrafficOptions> {
    return this.options;
  }

  latency = async (_req: Request, _res: Response, next: NextFunction): Promise<void> => {
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    next();
  };

  /** Path outages (`failPath`): before authentication, for every caller. */
  outage = (req: Request, _res: Response, next: NextFunction): void => {
    const now = this.now();
    this.outages = this.outages.filter((o) => o.until > now);
    const hit = this.outages.find(
      (o) => (!o.method || o.method === req.method) && o.path.test(req.originalUrl.split('?')[0] ?? ''),
    );
    if (hit) {
      next(new ApiError(hit.status, 'The service is unavailable (injected outage).'));
      return;
    }
    next();
  };

  /** Runs after authentication: budgets are per token. */
  limit = (req: Request, res: Response, next: NextFunction): void => {
    const record = res.locals.caller as TokenRecord | undefined;
    const limit = this.options.rateLimitPerMinute;
    const applies =
      !this.options.appliesTo || (record !== undefined && this.options.appliesTo.includes(record.token));
    if (!applies) {
      next();
      return;
    }
    if (record && this.burst && this.burst.remaining > 0) {
      this.burst.remaining -= 1;
      this.tooMany(res, this.burst.retryAfterSeconds);
      return;
    }
    if (record && limit > 0) {
      const now = this.now();
      let window = this.windows.get(record.token);
      if (!window || now - window.start >= 60_000) {
        window = { start: now, count: 0 };
        this.windows.set(record.token, window);
      }
      window.count += 1;
      if (window.count > limit) {
        this.tooMany(res, Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)));
        return;
      }
    }
    if (this.options.faultRate > 0 && this.random() < this.options.faultRate) {
      const status = FAULT_STATUSES[Math.floor(this.random() * FAULT_STATUSES.length)] ?? 500;
      next(new ApiError(status, 'Something went wrong on the server (injected fault).'));
      return;
    }
    const afterWrite = this.options.faultAfterWriteRate ?? 0;
    if (afterWrite > 0 && req.method !== 'GET' && req.method !== 'OPTIONS' && this.random() < afterWrite) {
      // The handler runs (the write happens); its answer is replaced by a 502 as it leaves.
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      let replaced = false;
      res.end = ((...args: unknown[]) => {
        if (replaced || res.statusCode >= 400 || res.headersSent) return end(...args);
        replaced = true;
        const body = JSON.stringify({
          message: 'Bad gateway: the answer was lost after the request was carried out (injected fault).',
          errors: [{ description: 'Bad gateway (injected fault after the write).' }],
          trackingId: String(res.getHeader('trackingid') ?? ''),
        });
        res.statusCode = 502;
        res.removeHeader('etag');
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('content-length', Buffer.byteLength(body));
        return end(body);
      }) as typeof res.end;
    }
    next();
  };

  private tooMany(res: Response, retryAfterSeconds: number): void {
    res
      .status(429)
      .setHeader('Retry-After', String(retryAfterSeconds))
      .type('text/html')
      .send('<html><body><h1>429 Too Many Requests</h1></body></html>');
  }
}
