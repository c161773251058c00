import type { Logger } from 'pino';
import type { Store } from '../store';
import type { WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import { errorLine } from './startup';
import { ensureWebhooks, type WebhookTarget, webhookProblem } from './webhook-registration';

/** Whether Webex answers: every Webex call of the bot goes through {@link WebexPulse.wrapFetch}. */
export class WebexPulse {
  private failingSince: number | undefined;
  private lastError: string | undefined;

  constructor(private readonly now: () => number) {}

  /** A `fetch` for the Webex client that records whether Webex answers (a 5xx or no answer: not). */
  wrapFetch(inner: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      try {
        const response = await inner(input, init);
        this.record(response.status < 500, `HTTP ${response.status}`);
        return response;
      } catch (error) {
        this.record(false, String((error as Error)?.message ?? error).split('\n')[0]);
        throw error;
      }
    };
  }

  record(ok: boolean, detail?: string): void {
    if (ok) {
      this.failingSince = undefined;
      this.lastError = undefined;
    } else {
      this.failingSince ??= this.now();
      this.lastError = detail;
    }
  }

  /** How long Webex has been failing with no success since (0: it answers), and the last failure. */
  failing(): { ms: number; lastError: string | undefined } {
    return {
      ms: this.failingSince === undefined ? 0 : this.now() - this.failingSince,
      lastError: this.lastError,
    };
  }
}

export interface HealthOptions {
  pulse: WebexPulse;
  webex: WebexClient;
  store: Store;
  target: WebhookTarget;
  log: Logger;
  now: () => number;
  /** How often webhooks are re-checked and repaired, and the probes run (ms). */
  intervalMs: number;
  /** Webex failing (5xx or unreachable, no success since) this long makes the bot not ready (ms). */
  failingMs: number;
  /** Whether this process may repair the webhooks (it leads them); default: it may. */
  leads?: () => boolean;
}

export interface Readiness {
  ready: boolean;
  body: {
    status: 'ok' | 'not ready';
    reason?: string;
    webex: string;
    adminToken: string;
    webhooks: string;
    store: string;
  };
}

/**
 * What a supervisor needs to know: are the webhooks there and active, is the store writable, is
 * the admin token accepted, has Webex been failing for a while. The periodic check also repairs
 * the webhooks (re-activating a disabled one); `/readyz` only observes, at most once per
 * `probeTtlMs`.
 */
export class BotHealth {
  private state = { webhooks: 'not checked', adminToken: 'not checked', store: 'not checked' };
  private checkedAt = Number.NEGATIVE_INFINITY;
  private probing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: HealthOptions) {}

  /** How long a probe result is reused by `/readyz`. */
  get probeTtlMs(): number {
    return Math.max(500, Math.min(10_000, this.options.intervalMs / 2));
  }

  /** Starts the periodic check (repairing webhooks); the first one runs after one interval. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.check({ repair: true })
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'health check failed'))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Runs every probe now; with `repair`, also fixes the webhooks. */
  async check({ repair }: { repair: boolean }): Promise<void> {
    const { webex, store, target, log, now } = this.options;
    const webhooks = async () => {
      try {
        if (repair && (this.options.leads?.() ?? true)) {
          const fixed = await ensureWebhooks(webex.bot, target);
          if (fixed.created || fixed.reactivated || fixed.removed) log.warn(fixed, 'webhooks repaired');
        }
        return webhookProblem(await webex.bot.listWebhooks(), target) ?? 'ok';
      } catch (error) {
        return `webhooks could not be checked: ${errorLine(error)}`;
      }
    };
    const admin = async () => {
      try {
        await webex.admin.listLocations();
        return 'ok';
      } catch (error) {
        if (error instanceof WebexApiError && (error.status === 401 || error.status === 403))
          return `refused: ${errorLine(error)}`;
        // Webex failing is counted separately; the token itself was not refused.
        return `not checked: ${errorLine(error)}`;
      }
    };
    const storeProbe = async () => {
      try {
        await store.setValue('health.probe', new Date(now()).toISOString());
        return 'ok';
      } catch (error) {
        return `not writable: ${errorLine(error)}`;
      }
    };
    const [hooks, adminToken, storeState] = await Promise.all([webhooks(), admin(), storeProbe()]);
    this.state = { webhooks: hooks, adminToken, store: storeState };
    this.checkedAt = now();
  }

  /** Readiness, probing again when the last probe is older than {@link probeTtlMs}. */
  async readiness(): Promise<Readiness> {
    if (this.options.now() - this.checkedAt > this.probeTtlMs) {
      this.probing ??= this.check({ repair: false }).finally(() => {
        this.probing = undefined;
      });
      await this.probing;
    }
    const failing = this.options.pulse.failing();
    const webex =
      failing.ms >= this.options.failingMs
        ? `failing for ${Math.round(failing.ms / 1000)} s (${failing.lastError ?? 'error'})`
        : 'ok';
    const reasons = [
      this.state.webhooks !== 'ok' ? this.state.webhooks : undefined,
      this.state.store !== 'ok' ? `store ${this.state.store}` : undefined,
      this.state.adminToken.startsWith('refused') ? `admin token ${this.state.adminToken}` : undefined,
      webex !== 'ok' ? `Webex ${webex}` : undefined,
    ].filter((r): r is string => r !== undefined);
    const ready = reasons.length === 0;
    return {
      ready,
      body: {
        status: ready ? 'ok' : 'not ready',
        ...(ready ? {} : { reason: reasons.join('; ') }),
        webex,
        adminToken: this.state.adminToken,
        webhooks: this.state.webhooks,
        store: this.state.store,
      },
    };
  }
}
