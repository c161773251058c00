import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export interface PostgresJobsOptions {
  /** The database the replicas share (`postgres://…`). */
  url: string;
  /** pg-boss's own schema (default `pgboss`); replicas of one bot must use the same. */
  schema?: string;
  log: Logger;
  /** How often each process looks for a job to run (s; default 1). */
  pollingSeconds?: number;
}

/** One periodic job: its period (read at every send) and its work. */
interface Periodic {
  everyMs: () => number;
  work: () => Promise<void>;
  /** A run that takes longer than this (its process died) is given up; the next period runs. */
  expireMs: number;
}

/**
 * Periodic work (report ticks, alert passes) run once per period across every replica, through
 * pg-boss, an existing job engine on PostgreSQL (chosen over graphile-worker, whose current
 * releases need Node 22, and over hand-written advisory-lock loops). Every replica offers each
 * period's job (`singletonKey` + `singletonSeconds`: pg-boss keeps one per key and period) and
 * works the queue; one replica gets each job. When a replica dies mid-run its job expires and the
 * next period's job runs on a live one: fail-over within one period plus the expiry. The store's
 * own post log (claimed slots, alert events) stays the final guard against a second post: job keys
 * are not permanent records.
 */
export class PostgresJobs {
  private readonly boss: PgBoss;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  private constructor(
    boss: PgBoss,
    private readonly options: PostgresJobsOptions,
  ) {
    this.boss = boss;
  }

  /** Connects, creates or migrates pg-boss's schema (once across replicas) and starts it. */
  static async start(options: PostgresJobsOptions): Promise<PostgresJobs> {
    const boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema ?? 'pgboss',
      max: 2,
      // Cron schedules are not used: periods are dynamic (the alert plan lengthens them).
      schedule: false,
      application_name: 'room-metrics-bot jobs',
    });
    boss.on('error', (error) => options.log.warn({ err: error }, 'job engine error'));
    await boss.start();
    return new PostgresJobs(boss, options);
  }

  /** Runs `work` about every `everyMs()` on exactly one replica per period. */
  async every(name: string, job: Periodic): Promise<void> {
    await this.boss.createQueue(name, { name, policy: 'standard', retryLimit: 0 }).catch(() => undefined);
    await this.boss.work(
      name,
      { batchSize: 1, pollingIntervalSeconds: this.options.pollingSeconds ?? 1 },
      async () => {
        if (!this.stopped) await job.work();
      },
    );
    const offer = async () => {
      if (this.stopped) return;
      const period = Math.max(1, Math.round(job.everyMs() / 1000));
      try {
        await this.boss.send(
          name,
          {},
          {
            singletonKey: name,
            singletonSeconds: period,
            expireInSeconds: Math.max(30, Math.ceil(job.expireMs / 1000)),
            retryLimit: 0,
          },
        );
      } catch (error) {
        this.options.log.warn({ err: error, job: name }, 'job could not be offered; trying next period');
      }
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void offer();
      }, period * 1000);
      timer.unref();
      this.timers.add(timer);
    };
    await offer();
  }

  /** Stops offering and working (a run in progress finishes, within `graceMs`), then disconnects. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.boss.stop({ graceful: true, wait: true, timeout: graceMs }).catch(() => undefined);
  }
}
