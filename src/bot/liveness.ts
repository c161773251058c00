import { randomUUID } from 'node:crypto';
import type { Claimant, Store } from '../store/store';

export interface LivenessOptions {
  /**
   * Whether other processes share the store (PostgreSQL replicas). With one process per store
   * (SQLite), every other process that left a claim behind is dead: its claims are free at once.
   */
  shared: boolean;
  /** How often this process records that it is alive (default 5 s). */
  beatMs?: number;
  /** A process whose last beat is older than this is dead: its claims are taken over (default 20 s). */
  staleMs?: number;
  /** What this process is (its URL), for `liveProcesses`. */
  info?: string;
  onBeatFailed?: (error: unknown) => void;
}

/**
 * This process's identity in the shared store (`boot`, new at every start) and its heartbeat, so
 * that work a dead replica left half done (a question, a report slot, an alert) is taken over by
 * another within `staleMs`, and work of a live one never is.
 */
export class Liveness {
  readonly boot = randomUUID();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly options: LivenessOptions,
  ) {}

  get staleMs(): number {
    return this.options.staleMs ?? 20_000;
  }

  get beatMs(): number {
    return this.options.beatMs ?? 5_000;
  }

  /** Whether other processes share the store (see {@link LivenessOptions.shared}). */
  get shared(): boolean {
    return this.options.shared;
  }

  /** Who claims, and which other processes count as alive right now. */
  claimant(): Claimant {
    return {
      boot: this.boot,
      aliveSince: this.options.shared ? this.now() - this.staleMs : Number.POSITIVE_INFINITY,
    };
  }

  /** Records the first beat, then one every `beatMs`. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) => this.options.onBeatFailed?.(error));
    }, this.beatMs);
    this.timer.unref();
  }

  /** Stops beating and forgets this process (a clean stop: nothing of it is left to take over). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.store.forgetProcess(this.boot);
  }

  private beat(): Promise<void> {
    return this.store.heartbeat(this.boot, this.now(), this.options.info);
  }
}

/** A process alone with its store (SQLite, tests): no heartbeat needed, every other boot is dead. */
export function soleProcess(): Pick<Liveness, 'boot' | 'claimant' | 'shared' | 'staleMs' | 'beatMs'> {
  const boot = randomUUID();
  return {
    boot,
    claimant: () => ({ boot, aliveSince: Number.POSITIVE_INFINITY }),
    shared: false,
    staleMs: 0,
    beatMs: 0,
  };
}
