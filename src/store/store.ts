import type { AlertRule, AlertState, ReportSubscription } from '../model';
import type { SpaceSettings } from '../model/space-settings';

/**
 * What the bot keeps across restarts: space settings, report subscriptions, alert rules and their
 * state, the exactly-once post log and a small key/value table.
 *
 * The interface is SYNCHRONOUS on purpose: the embedded SQLite driver (better-sqlite3) is
 * synchronous, every call is a local disk read or write of well under a millisecond, and a
 * synchronous `transaction(fn)` cannot interleave with other work on the event loop, which keeps
 * read-modify-write sequences (claim a post, update a rule) simple and race-free. A networked
 * store (PostgreSQL) would not implement this interface directly; it would sit behind an async
 * wrapper (or an in-process cache written through), and callers would then await.
 */
/** One complete bucket of a readings series, as stored: its start and its items as JSON text. */
export interface CachedBucket {
  bucket: number;
  items: string;
}

export interface Store {
  /** The space's saved time zone and unit, or undefined when it never changed the defaults. */
  getSpaceSettings(roomId: string): SpaceSettings | undefined;
  /** Replaces the space's settings (the whole value: merge partial updates before calling). */
  saveSpaceSettings(roomId: string, settings: SpaceSettings): void;

  /** Saves a new subscription with the next short id (`r1`, `r2`, …); ids are never reused. */
  createReport(input: Omit<ReportSubscription, 'id'>): ReportSubscription;
  /** All subscriptions (or a space's), oldest first. */
  listReports(roomId?: string): ReportSubscription[];
  getReport(id: string): ReportSubscription | undefined;
  /**
   * Deletes the subscription only when it belongs to `roomId`, so one space cannot delete another
   * space's report by guessing its id. False (and nothing changed) otherwise.
   */
  deleteReport(id: string, roomId: string): boolean;

  /** Saves a new rule with the next short id (`a1`, `a2`, …); ids are never reused. */
  createAlertRule(input: Omit<AlertRule, 'id'>): AlertRule;
  /** All rules (or a space's), oldest first. */
  listAlertRules(roomId?: string): AlertRule[];
  getAlertRule(id: string): AlertRule | undefined;
  /**
   * Changes a rule of `roomId` (space-scoped like delete; undefined when the rule is not there or
   * belongs to another space). Spread semantics: a key present with `undefined` is set to
   * undefined, so `{ quietHours: undefined }` clears the quiet hours.
   */
  updateAlertRule(id: string, roomId: string, patch: AlertRulePatch): AlertRule | undefined;
  /** Deletes a rule of `roomId` and all its alert states; false (nothing changed) otherwise. */
  deleteAlertRule(id: string, roomId: string): boolean;

  getAlertState(ruleId: string, workspaceId: string): AlertState | undefined;
  /** All states (or one rule's), by rule then workspace. */
  listAlertStates(ruleId?: string): AlertState[];
  /**
   * Inserts or replaces the state of one rule for one workspace. Returns false (and saves
   * nothing) when the rule no longer exists: it may be deleted while an evaluation is running.
   */
  saveAlertState(state: AlertState): boolean;
  /** Saves many states in one transaction; returns how many were saved (see `saveAlertState`). */
  saveAlertStates(states: readonly AlertState[]): number;

  /**
   * Claims the right to post the message identified by `key` (`report:r1:2026-11-30T08:00`).
   * True only for the very first claim of that key, ever (atomic), so a restart or a second
   * instance never posts the same report or alert twice. Post after a true claim.
   */
  claimPost(key: string, at: number, info?: string): boolean;
  /** Records the Webex message id of a claimed post. Throws a StoreError when never claimed. */
  completePost(key: string, messageId: string): void;
  /**
   * Gives up a claim whose post failed, so a later attempt can claim the key again. Only an
   * uncompleted claim is released (a completed post is never posted again); returns whether one was.
   */
  releasePost(key: string): boolean;
  getPost(key: string): PostRecord | undefined;
  /** The most recently claimed post whose key starts with `prefix` (by claim time). */
  lastPost(prefix: string): PostRecord | undefined;

  /** A tiny key/value table for state that does not deserve its own table (yet). */
  /**
   * Takes on a delivery (`message:<id>`, `action:<id>`) for this process (`boot`): `new` when it
   * was never taken or was left unfinished by another process (which died), `done` when it was
   * answered, `busy` when this process is answering it now.
   */
  claimDelivery(key: string, boot: string, at: number): 'new' | 'done' | 'busy';
  /** Whether a delivery was answered. */
  deliveryDone(key: string): boolean;
  /** Marks a delivery answered. */
  completeDelivery(key: string, at: number): void;
  /** Notes that the reply to a delivery is being posted (from now on it may have landed). */
  markPosting(key: string, at: number): void;
  /**
   * Deliveries taken by another process and never finished (it died answering them), oldest
   * first; `posting` when it had started posting the reply (which may or may not have landed).
   */
  unfinishedDeliveries(boot: string): { key: string; posting: boolean }[];
  /** Forgets deliveries claimed before `before`; returns how many. */
  pruneDeliveries(before: number): number;
  /** Cached complete buckets of one readings series with `from <= bucket < to`, oldest first. */
  readCachedBuckets(series: string, from: number, to: number): CachedBucket[];
  /** Stores complete buckets of one series (a bucket already stored is replaced). */
  writeCachedBuckets(series: string, buckets: readonly CachedBucket[], at: number): void;
  /** Forgets cached buckets stored before `before` (epoch ms); returns how many. */
  pruneCachedBuckets(before: number): number;
  getValue(key: string): string | undefined;
  setValue(key: string, value: string): void;

  /**
   * Runs `fn` in one transaction: all its writes are saved, or none when it throws (the error is
   * rethrown). Nests. `fn` must be synchronous: a Promise cannot be held inside a transaction.
   */
  transaction<T>(fn: () => T): T;
  /** Closes the database; the store must not be used afterwards. */
  close(): void;
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
