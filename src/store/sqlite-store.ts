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
  MEMO_LIST_LIMIT,
  MUTABLE_RULE_FIELDS,
  patchAlertRule,
  prefixUpperBound,
  REPORT_COLUMNS,
  ROWS,
  readRow,
  spaceSettingsJson,
  toParams,
} from './rows';
import {
  type AlertRulePatch,
  type CachedBucket,
  type CachedSeries,
  type Claimant,
  type DeliveryClaim,
  type Leadership,
  type PostClaim,
  type PostRecord,
  type Store,
  StoreError,
} from './store';

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

/** `INSERT INTO table (seq, cols…) VALUES (@seq, @cols…)` for an entity with a short id. */
function insertSql<T>(table: string, columns: Columns<T>): string {
  const names = ['seq', ...columnNames(columns)];
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`;
}

const STATE_NAMES = columnNames(ALERT_STATE_COLUMNS);

/** True when the process that claimed a row (`<table>.boot`) beat at or after `@aliveSince`. */
const claimerAlive = (table: string) =>
  `EXISTS (SELECT 1 FROM processes p WHERE p.boot = ${table}.boot AND p.beat_at >= @aliveSince)`;

/**
 * The SQLite implementation of Store. Statements are prepared once; every multi-statement
 * operation runs in a transaction, so it is all-or-nothing even if the process dies half-way.
 * The driver is synchronous: each method does its work at once and returns a settled promise, so
 * no other operation can interleave with it (one process per database file).
 */
class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    const p = (source: string) => db.prepare(source);
    this.sql = {
      getSettings: p('SELECT * FROM space_settings WHERE room_id = ?'),
      saveSettings: p(
        `INSERT INTO space_settings (room_id, time_zone, unit, working_hours, comfort_bands)
         VALUES (@room_id, @time_zone, @unit, @working_hours, @comfort_bands)
         ON CONFLICT (room_id) DO UPDATE SET time_zone = excluded.time_zone, unit = excluded.unit,
           working_hours = excluded.working_hours, comfort_bands = excluded.comfort_bands`,
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

      claimPost: p(
        `INSERT INTO posts (key, claimed_at, info, boot) VALUES (@key, @at, @info, @boot)
         ON CONFLICT (key) DO NOTHING`,
      ),
      // An uncompleted claim of another, dead process; never one made without a claimant.
      takeOverPost: p(
        `UPDATE posts SET boot = @boot, claimed_at = @at, info = coalesce(@info, info)
         WHERE key = @key AND message_id IS NULL AND boot IS NOT NULL AND boot <> @boot
           AND NOT ${claimerAlive('posts')}`,
      ),
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
        `UPDATE deliveries SET boot = @boot, claimed_at = @at
         WHERE key = @key AND boot <> @boot AND done_at IS NULL AND NOT ${claimerAlive('deliveries')}`,
      ),
      completeDelivery: p('UPDATE deliveries SET done_at = ? WHERE key = ?'),
      markPosting: p('UPDATE deliveries SET posting_at = ? WHERE key = ? AND posting_at IS NULL'),
      unfinishedDeliveries: p(
        `SELECT key, posting_at FROM deliveries
         WHERE boot <> @boot AND done_at IS NULL AND NOT ${claimerAlive('deliveries')}
         ORDER BY claimed_at`,
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

      getMemo: p('SELECT value FROM memos WHERE key = ? AND expires_at > ?'),
      setMemo: p(
        `INSERT INTO memos (key, value, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      ),
      // Like lastPost, a key range with an exact prefix test.
      listMemos: p(
        `SELECT key, value FROM memos WHERE key >= @prefix AND key < @upper
           AND substr(key, 1, length(@prefix)) = @prefix AND expires_at > @now
         ORDER BY key LIMIT @limit`,
      ),
      deleteMemo: p('DELETE FROM memos WHERE key = ?'),
      pruneMemos: p('DELETE FROM memos WHERE expires_at <= ?'),

      heartbeat: p(
        `INSERT INTO processes (boot, beat_at, info) VALUES (?, ?, ?)
         ON CONFLICT (boot) DO UPDATE SET beat_at = excluded.beat_at, info = excluded.info`,
      ),
      liveProcesses: p('SELECT * FROM processes WHERE beat_at >= ? ORDER BY beat_at DESC, boot'),
      forgetProcess: p('DELETE FROM processes WHERE boot = ?'),
    };
  }

  async getSpaceSettings(roomId: string): Promise<SpaceSettings | undefined> {
    const row = this.sql.getSettings.get(roomId);
    return row === undefined ? undefined : readRow(ROWS.spaceSettings, row);
  }

  async saveSpaceSettings(roomId: string, settings: SpaceSettings): Promise<void> {
    const checked = checkSpaceSettings(settings);
    const { workingHours, comfortBands } = spaceSettingsJson(checked);
    this.sql.saveSettings.run({
      room_id: roomId,
      time_zone: checked.timeZone,
      unit: checked.unit,
      working_hours: workingHours,
      comfort_bands: comfortBands,
    });
  }

  async createReport(input: Omit<ReportSubscription, 'id'>): Promise<ReportSubscription> {
    return this.db.transaction(() => {
      const seq = this.nextSeq('r');
      const report = checkReport({ ...input, id: `r${seq}` });
      this.sql.insertReport.run({ seq, ...toParams(REPORT_COLUMNS, report) });
      return report;
    })();
  }

  async listReports(roomId?: string): Promise<ReportSubscription[]> {
    const rows = roomId === undefined ? this.sql.listReports.all() : this.sql.listReportsIn.all(roomId);
    return rows.map((row) => readRow(ROWS.report, row));
  }

  async getReport(id: string): Promise<ReportSubscription | undefined> {
    const row = this.sql.getReport.get(id);
    return row === undefined ? undefined : readRow(ROWS.report, row);
  }

  async deleteReport(id: string, roomId: string): Promise<boolean> {
    return this.sql.deleteReport.run(id, roomId).changes > 0;
  }

  async createAlertRule(input: Omit<AlertRule, 'id'>): Promise<AlertRule> {
    return this.db.transaction(() => {
      const seq = this.nextSeq('a');
      const rule = checkAlertRule({ ...input, id: `a${seq}` });
      this.sql.insertRule.run({ seq, ...toParams(ALERT_RULE_COLUMNS, rule) });
      return rule;
    })();
  }

  async listAlertRules(roomId?: string): Promise<AlertRule[]> {
    const rows = roomId === undefined ? this.sql.listRules.all() : this.sql.listRulesIn.all(roomId);
    return rows.map((row) => readRow(ROWS.alertRule, row));
  }

  async getAlertRule(id: string): Promise<AlertRule | undefined> {
    return this.readRule(id);
  }

  async updateAlertRule(id: string, roomId: string, patch: AlertRulePatch): Promise<AlertRule | undefined> {
    return this.db.transaction(() => {
      const current = this.readRule(id);
      if (current === undefined || current.roomId !== roomId) return undefined;
      const next = patchAlertRule(current, patch);
      this.sql.updateRule.run(toParams(ALERT_RULE_COLUMNS, next));
      return next;
    })();
  }

  async deleteAlertRule(id: string, roomId: string): Promise<boolean> {
    return this.sql.deleteRule.run(id, roomId).changes > 0;
  }

  async getAlertState(ruleId: string, workspaceId: string): Promise<AlertState | undefined> {
    const row = this.sql.getState.get(ruleId, workspaceId);
    return row === undefined ? undefined : readRow(ROWS.alertState, row);
  }

  async listAlertStates(ruleId?: string): Promise<AlertState[]> {
    const rows = ruleId === undefined ? this.sql.listStates.all() : this.sql.listStatesOf.all(ruleId);
    return rows.map((row) => readRow(ROWS.alertState, row));
  }

  async saveAlertState(state: AlertState): Promise<boolean> {
    return this.saveState(state);
  }

  async saveAlertStates(states: readonly AlertState[]): Promise<number> {
    return this.db.transaction(() => states.filter((state) => this.saveState(state)).length)();
  }

  async claimPost(key: string, at: number, info?: string, claimant?: Claimant): Promise<PostClaim> {
    const params = { key, at, info: info ?? null, boot: claimant?.boot ?? null };
    return this.db
      .transaction((): PostClaim => {
        if (this.sql.claimPost.run(params).changes > 0) return 'claimed';
        if (claimant === undefined) return 'taken';
        const takeOver = this.sql.takeOverPost.run({ ...params, aliveSince: claimant.aliveSince });
        return takeOver.changes > 0 ? 'taken-over' : 'taken';
      })
      .immediate();
  }

  async completePost(key: string, messageId: string): Promise<void> {
    if (this.sql.completePost.run(messageId, key).changes === 0) {
      throw new StoreError('not-found', `Cannot complete the post ${key}: it was never claimed.`);
    }
  }

  async releasePost(key: string): Promise<boolean> {
    return this.sql.releasePost.run(key).changes > 0;
  }

  async getPost(key: string): Promise<PostRecord | undefined> {
    const row = this.sql.getPost.get(key);
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  async lastPost(prefix: string): Promise<PostRecord | undefined> {
    const row = this.sql.lastPost.get({ prefix, upper: prefixUpperBound(prefix) });
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  async claimDelivery(key: string, claimant: Claimant, at: number): Promise<DeliveryClaim> {
    const { boot, aliveSince } = claimant;
    return this.db
      .transaction((): DeliveryClaim => {
        if (this.sql.insertDelivery.run(key, boot, at).changes === 1) return 'new';
        const row = this.sql.getDelivery.get(key) as { boot: string; done_at: number | null } | undefined;
        if (!row || row.done_at !== null) return 'done';
        if (row.boot === boot) return 'busy';
        return this.sql.takeOverDelivery.run({ key, boot, at, aliveSince }).changes > 0 ? 'new' : 'busy';
      })
      .immediate();
  }

  async deliveryDone(key: string): Promise<boolean> {
    const row = this.sql.getDelivery.get(key) as { done_at: number | null } | undefined;
    return row !== undefined && row.done_at !== null;
  }

  async completeDelivery(key: string, at: number): Promise<void> {
    this.sql.completeDelivery.run(at, key);
  }

  async markPosting(key: string, at: number): Promise<void> {
    this.sql.markPosting.run(at, key);
  }

  async unfinishedDeliveries(claimant: Claimant): Promise<{ key: string; posting: boolean }[]> {
    return this.sql.unfinishedDeliveries
      .all({ boot: claimant.boot, aliveSince: claimant.aliveSince })
      .map((row) => readRow(ROWS.unfinishedDelivery, row));
  }

  async pruneDeliveries(before: number): Promise<number> {
    return this.sql.pruneDeliveries.run(before).changes;
  }

  async readCachedBuckets(series: string, from: number, to: number): Promise<CachedBucket[]> {
    return this.sql.readBuckets.all(series, from, to) as CachedBucket[];
  }

  async writeCachedBuckets(series: readonly CachedSeries[], at: number): Promise<void> {
    if (!series.some((s) => s.buckets.length > 0)) return;
    this.db.transaction(() => {
      for (const s of series) {
        for (const b of s.buckets) this.sql.writeBucket.run(s.series, b.bucket, b.items, at);
      }
    })();
  }

  async pruneCachedBuckets(before: number): Promise<number> {
    return this.sql.pruneBuckets.run(before).changes;
  }

  async getValue(key: string): Promise<string | undefined> {
    const row = this.sql.getValue.get(key) as { value: string } | undefined;
    return row?.value;
  }

  async setValue(key: string, value: string): Promise<void> {
    this.sql.setValue.run(key, value);
  }

  async getMemo(key: string, now: number): Promise<string | undefined> {
    const row = this.sql.getMemo.get(key, now) as { value: string } | undefined;
    return row?.value;
  }

  async setMemo(key: string, value: string, expiresAt: number): Promise<void> {
    this.sql.setMemo.run(key, value, expiresAt);
  }

  async listMemos(
    prefix: string,
    now: number,
    limit = MEMO_LIST_LIMIT,
  ): Promise<{ key: string; value: string }[]> {
    return this.sql.listMemos.all({ prefix, upper: prefixUpperBound(prefix), now, limit }) as {
      key: string;
      value: string;
    }[];
  }

  async deleteMemo(key: string): Promise<boolean> {
    return this.sql.deleteMemo.run(key).changes > 0;
  }

  async pruneMemos(now: number): Promise<number> {
    return this.sql.pruneMemos.run(now).changes;
  }

  async heartbeat(boot: string, at: number, info?: string): Promise<void> {
    this.sql.heartbeat.run(boot, at, info ?? null);
  }

  async liveProcesses(since: number): Promise<{ boot: string; at: number; info?: string }[]> {
    return this.sql.liveProcesses.all(since).map((row) => readRow(ROWS.process, row));
  }

  async forgetProcess(boot: string): Promise<void> {
    this.sql.forgetProcess.run(boot);
  }

  /** Always granted: one process per database file, so there is nobody to compete with. */
  async lead(_name: string): Promise<Leadership> {
    return { lost: new Promise<void>(() => undefined), release: async () => undefined };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readRule(id: string): AlertRule | undefined {
    const row = this.sql.getRule.get(id);
    return row === undefined ? undefined : readRow(ROWS.alertRule, row);
  }

  private saveState(state: AlertState): boolean {
    return this.sql.saveState.run(toParams(ALERT_STATE_COLUMNS, checkAlertState(state))).changes > 0;
  }

  /** The next number for an id prefix; call inside a transaction with the insert that uses it. */
  private nextSeq(prefix: 'r' | 'a'): number {
    const row = this.sql.nextId.get(prefix) as { last: number } | undefined;
    if (row === undefined) throw new StoreError('corrupt-row', `The id sequence '${prefix}' is missing.`);
    return row.last;
  }
}
