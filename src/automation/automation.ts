import type { Logger } from 'pino';
import type { AlertRunner } from './alert-runner';
import type { ReportRunner } from './report-runner';

export interface AutomationOptions {
  alerts: AlertRunner;
  reports: ReportRunner;
  log: Logger;
  /** How often report slots are checked. Default 15 s (a slot is posted within this of its time). */
  reportTickMs?: number;
  /** The desired alert interval (the plan may lengthen it); default 60 s. */
  alertIntervalMs?: number;
  /**
   * Set when several processes share the store (replicas): each tick and pass runs once per period
   * on one of them, through the job engine. Without it, this process runs them on its own timers.
   */
  jobs?: PeriodicJobs;
}

/** A job engine that runs periodic work once per period across the processes that share it. */
export interface PeriodicJobs {
  every(
    name: string,
    job: { everyMs: () => number; work: () => Promise<void>; expireMs: number },
  ): Promise<void>;
}

/** A report tick that runs longer than this is given up (its process died). */
const REPORT_TICK_EXPIRE_MS = 15 * 60_000;

/**
 * What runs on its own: report ticks and alert passes, each on its own timer chain (a pass that
 * takes long delays the next one, never overlaps it). Passes are planned within the API budget; a
 * lengthened interval is logged once with the reason. Stopping ends a pass between two calls (a
 * spread-out pass can take many minutes) and waits for the work in flight.
 */
export class Automation {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = true;
  private abort = new AbortController();
  private lastReason: string | undefined;

  constructor(private readonly options: AutomationOptions) {
    this.alertIntervalMs = options.alertIntervalMs ?? 60_000;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    const reportTickMs = this.options.reportTickMs ?? 15_000;
    const { jobs } = this.options;
    if (jobs) {
      await jobs.every('report-tick', {
        everyMs: () => reportTickMs,
        expireMs: REPORT_TICK_EXPIRE_MS,
        work: async () => {
          if (!this.stopped) await this.track(this.options.reports.tick());
        },
      });
      await jobs.every('alert-pass', {
        everyMs: () => this.alertIntervalMs,
        // A pass is spread over its interval: one that runs twice as long was left by a dead process.
        expireMs: 2 * this.alertIntervalMs + 60_000,
        work: async () => {
          if (!this.stopped) await this.track(this.alertPass());
        },
      });
      return;
    }
    this.loop('reports', async () => {
      await this.options.reports.tick();
      return reportTickMs;
    });
    this.loop('alerts', async () => {
      const started = Date.now();
      await this.alertPass();
      return Math.max(1_000, this.alertIntervalMs - (Date.now() - started));
    });
  }

  /** The alert interval of the last plan (the desired one before the first pass). */
  private alertIntervalMs: number;

  private async alertPass(): Promise<void> {
    const result = await this.options.alerts.pass(undefined, this.abort.signal);
    if (result.plan.reason && result.plan.reason !== this.lastReason)
      this.options.log.warn({ plan: result.plan }, result.plan.reason);
    this.lastReason = result.plan.reason;
    this.alertIntervalMs = result.plan.intervalMs;
  }

  /** A new or changed rule is looked at at once, not at the next pass. */
  evaluateRuleNow(ruleId: string): void {
    this.track(
      this.options.alerts.pass(ruleId).catch((error: unknown) => {
        this.options.log.warn({ err: error, ruleId }, 'first evaluation of a new rule failed');
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private loop(name: string, step: () => Promise<number>): void {
    const run = async () => {
      if (this.stopped) return;
      let delay = 60_000;
      try {
        delay = await this.track(step());
      } catch (error) {
        this.options.log.error({ err: error }, `${name}: unexpected failure; retrying in a minute`);
      }
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void run();
      }, delay);
      timer.unref();
      this.timers.add(timer);
    };
    void run();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}
