import type { Logger } from 'pino';
import type { Leadership, Store } from '../store';

export interface WebhookLeaderOptions {
  store: Pick<Store, 'lead'>;
  log: Logger;
  /** How often a process that does not lead tries to take the lead (ms). */
  intervalMs: number;
  /** Run when this process takes the lead: make the webhooks right. */
  onLead: () => Promise<void>;
}

/** The name of the lead in the store. */
const LEAD = 'webhooks';

/**
 * One process (of all replicas sharing the store) owns the bot's webhooks: it registers them,
 * repairs a disabled or missing one, and no process deletes them when it starts or stops. The
 * others try to take the lead every `intervalMs`, so a leader that dies is replaced within about
 * that long (a PostgreSQL lock goes with its connection). With SQLite the one process always leads.
 */
export class WebhookLeader {
  private lead: Leadership | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: WebhookLeaderOptions) {}

  get leading(): boolean {
    return this.lead !== undefined;
  }

  /** Tries to lead now (running `onLead` when it does, errors included), then every interval. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.tryToLead();
    this.timer = setInterval(() => {
      this.tryToLead().catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'webhook lead: could not try to take it'),
      );
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops trying and gives the lead up (another replica takes it); the webhooks stay. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const lead = this.lead;
    this.lead = undefined;
    await lead?.release().catch(() => undefined);
  }

  private async tryToLead(): Promise<void> {
    if (this.lead || this.stopped) return;
    const lead = await this.options.store.lead(LEAD);
    if (!lead) return;
    if (this.stopped) {
      await lead.release();
      return;
    }
    this.lead = lead;
    void lead.lost.then(() => {
      if (this.lead !== lead) return;
      this.lead = undefined;
      this.options.log.warn('webhook lead lost (its database connection failed); trying to take it again');
    });
    this.options.log.info('this process leads the webhooks: checking them now');
    await this.options.onLead();
  }
}
