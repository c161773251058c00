import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AlertRule, AlertState, ReportSubscription } from '../model';
import type { SpaceSettings } from '../model/space-settings';
import { assertKnownVersion, migrate, schemaVersion } from './migrations';
import {
  ALERT_RULE_COLUMNS,
  ALERT_STATE_COLUMNS,
  type Columns,
  checkAlertRule,
  checkAlertState,
  checkReport,
  checkSpaceSettings,
  columnNames,
  REPORT_COLUMNS,
  ROWS,
  readRow,
  toParams,
} from './rows';
import { type AlertRulePatch, type CachedBucket, type PostRecord, type Store, StoreError } from './store';

/** The database file inside the bot's data directory. */
export const STORE_FILE_NAME = 'room-metrics.sqlite';

/** The in-memory database (tests, dry runs): nothing survives `close()`. */
export const IN_MEMORY = ':memory:';

export interface SqliteStoreOptions {
  /** A file path (its directory is created) or `':memory:'`. */
  file: string;
  /**
   * How long a write waits for another connection's write lock (a second process on the same
   * file, a backup) before failing with SQLITE_BUSY. Default 5000 ms.
   */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) the store in `<dataDir>/room-metrics.sqlite`. */
export function openStore(dataDir: string): Store {
  return openSqliteStore({ file: path.join(dataDir, STORE_FILE_NAME) });
}

/**
 * Opens an SQLite store and brings its schema up to date. A file gets WAL journaling (readers do
 * not block the writer, and a crash loses at most the last transactions, never consistency) with
 * `synchronous = NORMAL` (durable at checkpoints, much faster than FULL). Throws a StoreError
 * when the file cannot be opened or was written by a newer version of the bot.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const { file } = options;
  const db = openDatabase(file, options.busyTimeoutMs ?? 5000);
  try {
    assertKnownVersion(db, file);
    if (file !== IN_MEMORY) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== IN_MEMORY) fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    schemaVersion(db); // the first read: fails here for a file that is not a database
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'open-failed',
      `Cannot open the database ${file}: ${reason}. Check that the data directory is writable and ` +
        'that the file is an SQLite database of this bot.',
      { cause: error },
    );
  }
}

/** Rule fields `updateAlertRule` may change (the rest identify the rule or record its origin). */
const MUTABLE_RULE_FIELDS = [
  'muted',
  'holdMs',
  'hysteresis',
  'renotifyMs',
  'quietHours',
  'condition',
] as const;

/** `INSERT INTO table (seq, cols…) VALUES (@seq, @cols…)` for an entity with a short id. */
function insertSql<T>(table: string, columns: Columns<T>): string {
  const names = ['seq', ...columnNames(columns)];
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`;
}

const STATE_NAMES = columnNames(ALERT_STATE_COLUMNS);

/**
 * The SQLite implementation of Store. Statements are prepared once; every multi-statement
 * operation runs in a transaction, so it is all-or-nothing even if the process dies half-way.
 */
class SqliteStore implements Store {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    const p = (source: string) => db.prepare(source);
    this.sql = {
      getSettings: p('SELECT * FROM space_settings WHERE room_id = ?'),
      saveSettings: p(
        `INSERT INTO space_settings (room_id, time_zone, unit) VALUES (@room_id, @time_zone, @unit)
         ON CONFLICT (room_id) DO UPDATE SET time_zone = excluded.time_zone, unit = excluded.unit`,
      ),
      nextId: p('UPDATE id_sequences SET last = last + 1 WHERE prefix = ? RETURNING last'),

      insertReport: p(insertSql('reports', REPORT_COLUMNS)),
      listReports: p('SELECT * FROM reports ORDER BY seq'),
      listReportsIn: p('SELECT * FROM reports WHERE room_id = ? ORDER BY seq'),
      getReport: p('SELECT * FROM reports WHERE id = ?'),
      deleteReport: p('DELETE FROM reports WHERE id = ? AND room_id = ?'),

      insertRule: p(insertSql('alert_rules', ALERT_RULE_COLUMNS)),
      listRules: p('SELECT * FROM alert_rules ORDER BY seq'),
      listRulesIn: p('SELECT * FROM alert_rules WHERE room_id = ? ORDER BY seq'),
      getRule: p('SELECT * FROM alert_rules WHERE id = ?'),
      updateRule: p(
        `UPDATE alert_rules SET ${MUTABLE_RULE_FIELDS.map((field) => {
          const column = ALERT_RULE_COLUMNS[field][0];
          return `${column} = @${column}`;
        }).join(', ')} WHERE id = @id AND room_id = @room_id`,
      ),
      // Its alert states go with it (ON DELETE CASCADE; foreign_keys is on for every connection).
      deleteRule: p('DELETE FROM alert_rules WHERE id = ? AND room_id = ?'),

      getState: p('SELECT * FROM alert_states WHERE rule_id = ? AND workspace_id = ?'),
      listStates: p(
        `SELECT s.* FROM alert_states s JOIN alert_rules r ON r.id = s.rule_id
         ORDER BY r.seq, s.workspace_id`,
      ),
      listStatesOf: p('SELECT * FROM alert_states WHERE rule_id = ? ORDER BY workspace_id'),
      // Saves nothing when the rule is gone (deleted while an evaluation was running).
      saveState: p(
        `INSERT INTO alert_states (${STATE_NAMES.join(', ')})
         SELECT ${STATE_NAMES.map((n) => `@${n}`).join(', ')}
         WHERE EXISTS (SELECT 1 FROM alert_rules WHERE id = @rule_id)
         ON CONFLICT (rule_id, workspace_id) DO UPDATE SET
         ${STATE_NAMES.slice(2)
           .map((n) => `${n} = excluded.${n}`)
           .join(', ')}`,
      ),

      claimPost: p('INSERT INTO posts (key, claimed_at, info) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING'),
      completePost: p('UPDATE posts SET message_id = ? WHERE key = ?'),
      releasePost: p('DELETE FROM posts WHERE key = ? AND message_id IS NULL'),
      getPost: p('SELECT * FROM posts WHERE key = ?'),
      // The range uses the primary-key index; substr() makes the prefix test exact.
      lastPost: p(
        `SELECT * FROM posts WHERE key >= @prefix AND key < @upper
           AND substr(key, 1, length(@prefix)) = @prefix
         ORDER BY claimed_at DESC, rowid DESC LIMIT 1`,
      ),

      getDelivery: p('SELECT boot, done_at FROM deliveries WHERE key = ?'),
      insertDelivery: p(
        'INSERT INTO deliveries (key, boot, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
      ),
      takeOverDelivery: p(
        'UPDATE deliveries SET boot = ?, claimed_at = ? WHERE key = ? AND boot <> ? AND done_at IS NULL',
      ),
      completeDelivery: p('UPDATE deliveries SET done_at = ? WHERE key = ?'),
      markPosting: p('UPDATE deliveries SET posting_at = ? WHERE key = ? AND posting_at IS NULL'),
      unfinishedDeliveries: p(
        'SELECT key, posting_at FROM deliveries WHERE boot <> ? AND done_at IS NULL ORDER BY claimed_at',
      ),
      pruneDeliveries: p('DELETE FROM deliveries WHERE claimed_at < ?'),
      readBuckets: p(
        'SELECT bucket, items FROM cached_buckets WHERE series = ? AND bucket >= ? AND bucket < ? ORDER BY bucket',
      ),
      writeBucket: p(
        `INSERT INTO cached_buckets (series, bucket, items, stored_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (series, bucket) DO UPDATE SET items = excluded.items, stored_at = excluded.stored_at`,
      ),
      pruneBuckets: p('DELETE FROM cached_buckets WHERE stored_at < ?'),

      getValue: p('SELECT value FROM kv WHERE key = ?'),
      setValue: p(
        'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  getSpaceSettings(roomId: string): SpaceSettings | undefined {
    const row = this.sql.getSettings.get(roomId);
    return row === undefined ? undefined : readRow(ROWS.spaceSettings, row);
  }

  saveSpaceSettings(roomId: string, settings: SpaceSettings): void {
    const { timeZone, unit } = checkSpaceSettings(settings);
    this.sql.saveSettings.run({ room_id: roomId, time_zone: timeZone, unit });
  }

  createReport(input: Omit<ReportSubscription, 'id'>): ReportSubscription {
    return this.transaction(() => {
      const seq = this.nextSeq('r');
      const report = checkReport({ ...input, id: `r${seq}` });
      this.sql.insertReport.run({ seq, ...toParams(REPORT_COLUMNS, report) });
      return report;
    });
  }

  listReports(roomId?: string): ReportSubscription[] {
    const rows = roomId === undefined ? this.sql.listReports.all() : this.sql.listReportsIn.all(roomId);
    return rows.map((row) => readRow(ROWS.report, row));
  }

  getReport(id: string): ReportSubscription | undefined {
    const row = this.sql.getReport.get(id);
    return row === undefined ? undefined : readRow(ROWS.report, row);
  }

  deleteReport(id: string, roomId: string): boolean {
    return this.sql.deleteReport.run(id, roomId).changes > 0;
  }

  createAlertRule(input: Omit<AlertRule, 'id'>): AlertRule {
    return this.transaction(() => {
      const seq = this.nextSeq('a');
      const rule = checkAlertRule({ ...input, id: `a${seq}` });
      this.sql.insertRule.run({ seq, ...toParams(ALERT_RULE_COLUMNS, rule) });
      return rule;
    });
  }

  listAlertRules(roomId?: string): AlertRule[] {
    const rows = roomId === undefined ? this.sql.listRules.all() : this.sql.listRulesIn.all(roomId);
    return rows.map((row) => readRow(ROWS.alertRule, row));
  }

  getAlertRule(id: string): AlertRule | undefined {
    const row = this.sql.getRule.get(id);
    return row === undefined ? undefined : readRow(ROWS.alertRule, row);
  }

  updateAlertRule(id: string, roomId: string, patch: AlertRulePatch): AlertRule | undefined {
    return this.transaction(() => {
      const current = this.getAlertRule(id);
      if (current === undefined || current.roomId !== roomId) return undefined;
      // Only the mutable fields, even if the caller's object carries more (an id, a roomId).
      const changes = Object.fromEntries(
        MUTABLE_RULE_FIELDS.filter((field) => field in patch).map((field) => [field, patch[field]]),
      );
      const next = checkAlertRule({ ...current, ...changes });
      this.sql.updateRule.run(toParams(ALERT_RULE_COLUMNS, next));
      return next;
    });
  }

  deleteAlertRule(id: string, roomId: string): boolean {
    return this.sql.deleteRule.run(id, roomId).changes > 0;
  }

  getAlertState(ruleId: string, workspaceId: string): AlertState | undefined {
    const row = this.sql.getState.get(ruleId, workspaceId);
    return row === undefined ? undefined : readRow(ROWS.alertState, row);
  }

  listAlertStates(ruleId?: string): AlertState[] {
    const rows = ruleId === undefined ? this.sql.listStates.all() : this.sql.listStatesOf.all(ruleId);
    return rows.map((row) => readRow(ROWS.alertState, row));
  }

  saveAlertState(state: AlertState): boolean {
    return this.sql.saveState.run(toParams(ALERT_STATE_COLUMNS, checkAlertState(state))).changes > 0;
  }

  saveAlertStates(states: readonly AlertState[]): number {
    return this.transaction(() => states.filter((state) => this.saveAlertState(state)).length);
  }

  claimPost(key: string, at: number, info?: string): boolean {
    return this.sql.claimPost.run(key, at, info ?? null).changes > 0;
  }

  completePost(key: string, messageId: string): void {
    if (this.sql.completePost.run(messageId, key).changes === 0) {
      throw new StoreError('not-found', `Cannot complete the post ${key}: it was never claimed.`);
    }
  }

  releasePost(key: string): boolean {
    return this.sql.releasePost.run(key).changes > 0;
  }

  getPost(key: string): PostRecord | undefined {
    const row = this.sql.getPost.get(key);
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  lastPost(prefix: string): PostRecord | undefined {
    // U+10FFFF sorts after every other character, so [prefix, upper) holds all keys starting with
    // `prefix` (except one whose next character is U+10FFFF itself, a noncharacter).
    const row = this.sql.lastPost.get({ prefix, upper: `${prefix}\u{10FFFF}` });
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  claimDelivery(key: string, boot: string, at: number): 'new' | 'done' | 'busy' {
    return this.db
      .transaction((): 'new' | 'done' | 'busy' => {
        if (this.sql.insertDelivery.run(key, boot, at).changes === 1) return 'new';
        const row = this.sql.getDelivery.get(key) as { boot: string; done_at: number | null } | undefined;
        if (!row || row.done_at !== null) return 'done';
        if (row.boot === boot) return 'busy';
        this.sql.takeOverDelivery.run(boot, at, key, boot);
        return 'new';
      })
      .immediate();
  }

  deliveryDone(key: string): boolean {
    const row = this.sql.getDelivery.get(key) as { done_at: number | null } | undefined;
    return row !== undefined && row.done_at !== null;
  }

  completeDelivery(key: string, at: number): void {
    this.sql.completeDelivery.run(at, key);
  }

  markPosting(key: string, at: number): void {
    this.sql.markPosting.run(at, key);
  }

  unfinishedDeliveries(boot: string): { key: string; posting: boolean }[] {
    return (this.sql.unfinishedDeliveries.all(boot) as { key: string; posting_at: number | null }[]).map(
      (r) => ({ key: r.key, posting: r.posting_at !== null }),
    );
  }

  pruneDeliveries(before: number): number {
    return this.sql.pruneDeliveries.run(before).changes;
  }

  readCachedBuckets(series: string, from: number, to: number): CachedBucket[] {
    return this.sql.readBuckets.all(series, from, to) as CachedBucket[];
  }

  writeCachedBuckets(series: string, buckets: readonly CachedBucket[], at: number): void {
    if (buckets.length === 0) return;
    this.db.transaction(() => {
      for (const b of buckets) this.sql.writeBucket.run(series, b.bucket, b.items, at);
    })();
  }

  pruneCachedBuckets(before: number): number {
    return this.sql.pruneBuckets.run(before).changes;
  }

  getValue(key: string): string | undefined {
    const row = this.sql.getValue.get(key) as { value: string } | undefined;
    return row?.value;
  }

  setValue(key: string, value: string): void {
    this.sql.setValue.run(key, value);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The next number for an id prefix; call inside a transaction with the insert that uses it. */
  private nextSeq(prefix: 'r' | 'a'): number {
    const row = this.sql.nextId.get(prefix) as { last: number } | undefined;
    if (row === undefined) throw new StoreError('corrupt-row', `The id sequence '${prefix}' is missing.`);
    return row.last;
  }
}
