import type { AlertRule, AlertState, ReportSubscription } from '../model';
import type { SpaceSettings } from '../model/space-settings';

/**
 * What the bot keeps across restarts and shares between replicas: space settings, report
 * subscriptions, alert rules and their state, the exactly-once post and delivery logs, the readings
 * cache, short-lived shared state (conversation memory, space members, chart requests) and the
 * replicas' heartbeats.
 *
 * Every operation is ASYNCHRONOUS and atomic on its own: the embedded SQLite store (one process per
 * data directory) answers at once, the PostgreSQL store (several replicas) over a pool. There is no
 * open transaction across calls: read-modify-write sequences that must not interleave (claim a post,
 * take over a delivery, save states while a rule is deleted) are single operations here, each one
 * transaction inside the implementation.
 */
/** One complete bucket of a readings series, as stored: its start and its items as JSON text. */
export interface CachedBucket {
  bucket: number;
  items: string;
}

/** Complete buckets of one series to store. */
export interface CachedSeries {
  series: string;
  buckets: readonly CachedBucket[];
}

/**
 * Who may take over a claim (a delivery, a post) left unfinished: the claiming process (`boot`) and
 * the oldest heartbeat (epoch ms) that still counts as alive. A claim of another boot whose last
 * heartbeat is older than `aliveSince` (or that never beat) belongs to a dead process and is taken
 * over. One process per store (SQLite) passes `aliveSince: Infinity`: every other boot is dead.
 */
export interface Claimant {
  boot: string;
  aliveSince: number;
}

/** What `claimPost` found: the key is ours now (new, or taken over from a dead process), or not. */
export type PostClaim = 'claimed' | 'taken-over' | 'taken';

/** What `claimDelivery` found (see there). */
export type DeliveryClaim = 'new' | 'done' | 'busy';

export interface Store {
  /** Which implementation this is, for logs, health and doctor. */
  readonly kind: 'sqlite' | 'postgres';

  /** The space's saved settings, or undefined when it never changed the defaults. */
  getSpaceSettings(roomId: string): Promise<SpaceSettings | undefined>;
  /** Replaces the space's settings (the whole value: merge partial updates before calling). */
  saveSpaceSettings(roomId: string, settings: SpaceSettings): Promise<void>;

  /** Saves a new subscription with the next short id (`r1`, `r2`, …); ids are never reused. */
  createReport(input: Omit<ReportSubscription, 'id'>): Promise<ReportSubscription>;
  /** All subscriptions (or a space's), oldest first. */
  listReports(roomId?: string): Promise<ReportSubscription[]>;
  getReport(id: string): Promise<ReportSubscription | undefined>;
  /**
   * Deletes the subscription only when it belongs to `roomId`, so one space cannot delete another
   * space's report by guessing its id. False (and nothing changed) otherwise.
   */
  deleteReport(id: string, roomId: string): Promise<boolean>;

  /** Saves a new rule with the next short id (`a1`, `a2`, …); ids are never reused. */
  createAlertRule(input: Omit<AlertRule, 'id'>): Promise<AlertRule>;
  /** All rules (or a space's), oldest first. */
  listAlertRules(roomId?: string): Promise<AlertRule[]>;
  getAlertRule(id: string): Promise<AlertRule | undefined>;
  /**
   * Changes a rule of `roomId` (space-scoped like delete; undefined when the rule is not there or
   * belongs to another space). Spread semantics: a key present with `undefined` is set to
   * undefined, so `{ quietHours: undefined }` clears the quiet hours.
   */
  updateAlertRule(id: string, roomId: string, patch: AlertRulePatch): Promise<AlertRule | undefined>;
  /** Deletes a rule of `roomId` and all its alert states; false (nothing changed) otherwise. */
  deleteAlertRule(id: string, roomId: string): Promise<boolean>;

  getAlertState(ruleId: string, workspaceId: string): Promise<AlertState | undefined>;
  /** All states (or one rule's), by rule then workspace. */
  listAlertStates(ruleId?: string): Promise<AlertState[]>;
  /**
   * Inserts or replaces the state of one rule for one workspace. Returns false (and saves
   * nothing) when the rule no longer exists: it may be deleted while an evaluation is running.
   */
  saveAlertState(state: AlertState): Promise<boolean>;
  /** Saves many states in one transaction; returns how many were saved (see `saveAlertState`). */
  saveAlertStates(states: readonly AlertState[]): Promise<number>;

  /**
   * Claims the right to post the message identified by `key` (`report:r1:2026-11-30T08:00`).
   * `claimed` only for the very first claim of that key, ever (atomic across processes), so a
   * restart or another replica never posts the same report or alert twice. `taken-over` when an
   * earlier claim was never completed and its process is dead (see {@link Claimant}): the caller
   * must find out whether that process's post landed before posting. `taken` otherwise. Without a
   * claimant, an uncompleted claim is never taken over.
   */
  claimPost(key: string, at: number, info?: string, claimant?: Claimant): Promise<PostClaim>;
  /** Records the Webex message id of a claimed post. Throws a StoreError when never claimed. */
  completePost(key: string, messageId: string): Promise<void>;
  /**
   * Gives up a claim whose post failed, so a later attempt can claim the key again. Only an
   * uncompleted claim is released (a completed post is never posted again); returns whether one was.
   */
  releasePost(key: string): Promise<boolean>;
  getPost(key: string): Promise<PostRecord | undefined>;
  /** The most recently claimed post whose key starts with `prefix` (by claim time). */
  lastPost(prefix: string): Promise<PostRecord | undefined>;

  /**
   * Takes on a delivery (`message:<id>`, `action:<id>`) for the claimant's process, atomically
   * across processes: `new` when it was never taken or was left unfinished by a dead process,
   * `done` when it was answered, `busy` when a live process (this one or another replica) is
   * answering it now.
   */
  claimDelivery(key: string, claimant: Claimant, at: number): Promise<DeliveryClaim>;
  /** Whether a delivery was answered. */
  deliveryDone(key: string): Promise<boolean>;
  /** Marks a delivery answered. */
  completeDelivery(key: string, at: number): Promise<void>;
  /** Notes that the reply to a delivery is being posted (from now on it may have landed). */
  markPosting(key: string, at: number): Promise<void>;
  /**
   * Deliveries taken by a dead process and never finished (it died answering them), oldest first;
   * `posting` when it had started posting the reply (which may or may not have landed).
   */
  unfinishedDeliveries(claimant: Claimant): Promise<{ key: string; posting: boolean }[]>;
  /** Forgets deliveries claimed before `before`; returns how many. */
  pruneDeliveries(before: number): Promise<number>;

  /** Cached complete buckets of one readings series with `from <= bucket < to`, oldest first. */
  readCachedBuckets(series: string, from: number, to: number): Promise<CachedBucket[]>;
  /** Stores complete buckets of several series in one transaction (a bucket stored is replaced). */
  writeCachedBuckets(series: readonly CachedSeries[], at: number): Promise<void>;
  /** Forgets cached buckets stored before `before` (epoch ms); returns how many. */
  pruneCachedBuckets(before: number): Promise<number>;

  /** A tiny key/value table for state that does not deserve its own table (yet). */
  getValue(key: string): Promise<string | undefined>;
  setValue(key: string, value: string): Promise<void>;

  /**
   * Short-lived shared state with an expiry (conversation memory, space members, chart requests):
   * the value, or undefined when it is missing or expired at `now`.
   */
  getMemo(key: string, now: number): Promise<string | undefined>;
  /** Saves (or replaces) a memo until `expiresAt` (epoch ms). */
  setMemo(key: string, value: string, expiresAt: number): Promise<void>;
  /** Unexpired memos whose key starts with `prefix` (at most `limit`, default 500), by key. */
  listMemos(prefix: string, now: number, limit?: number): Promise<{ key: string; value: string }[]>;
  /** Forgets one memo; returns whether there was one. */
  deleteMemo(key: string): Promise<boolean>;
  /** Forgets memos expired at `now`; returns how many. */
  pruneMemos(now: number): Promise<number>;

  /** Records that the process `boot` is alive at `at` (`info`: what it is, e.g. its URL). */
  heartbeat(boot: string, at: number, info?: string): Promise<void>;
  /** The processes that beat at or after `since`, newest beat first. */
  liveProcesses(since: number): Promise<{ boot: string; at: number; info?: string }[]>;
  /** Forgets a process's heartbeat (it stopped cleanly: its claims are free at once). */
  forgetProcess(boot: string): Promise<void>;

  /**
   * Tries to become the one process that leads `name` (e.g. 'webhooks'): a handle while this process
   * leads, undefined when another does. PostgreSQL: a session advisory lock held on a dedicated,
   * unpooled connection (a dead process's lock goes with its connection); `lost` resolves if that
   * connection fails. SQLite (one process per store): always granted.
   */
  lead(name: string): Promise<Leadership | undefined>;

  /** Closes the database (or the pool); the store must not be used afterwards. */
  close(): Promise<void>;
}

/** A lead held by this process (see `Store.lead`). */
export interface Leadership {
  /** Resolves when the lead is lost (its connection failed); never rejects. */
  readonly lost: Promise<void>;
  /** Gives the lead up (another process may take it at once). */
  release(): Promise<void>;
}

/** The fields of an alert rule people may change after creating it. */
export type AlertRulePatch = Partial<
  Pick<AlertRule, 'muted' | 'holdMs' | 'hysteresis' | 'renotifyMs' | 'quietHours' | 'condition'>
>;

/** One entry of the exactly-once post log. */
export interface PostRecord {
  key: string;
  claimedAt: number;
  /** Set by `completePost` once the message is posted; absent if the post failed or is running. */
  messageId?: string;
  info?: string;
}

/** Why a store operation failed; `code` tells callers apart without parsing messages. */
export type StoreErrorCode = 'open-failed' | 'newer-schema' | 'corrupt-row' | 'invalid-input' | 'not-found';

/**
 * A store failure that explains itself: which file, table, row or version, and what to do. The
 * underlying driver error (if any) is kept as `cause`.
 */
export class StoreError extends Error {
  override name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
