import type { ClientConfig, Pool, PoolClient, QueryResultRow } from 'pg';
import type { AlertRule, AlertState, ReportSubscription } from '../model';
import type { SpaceSettings } from '../model/space-settings';
import { describeUrl } from './database-url';
import { leadLockKey, tryLead } from './postgres-leadership';
import { migratePostgres } from './postgres-migrations';
import { type Connections, createPool, openFailed, type PostgresStoreOptions } from './postgres-pool';
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
  type SqlValue,
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

export type { PostgresStoreOptions } from './postgres-pool';

/**
 * Opens a PostgreSQL store: a pool of `poolSize` connections (default 10), using `schema` when
 * given (created if missing), with the schema brought up to date (see `migratePostgres`). Several
 * replicas may share one database and schema. Throws a StoreError when the database cannot be
 * reached (`open-failed`, naming the URL without its password and what to do) or was written by a
 * newer version of the bot (`newer-schema`).
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const where = describeUrl(options.url);
  const connections = createPool(options);
  const { pool, schema } = connections;
  try {
    await migratePostgres(pool, where, schema);
    return new PostgresStore(connections);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof StoreError ? error : openFailed(where, error);
  }
}

/** A statement prepared once per pooled connection (by its name), like SQLite's prepared ones. */
interface Statement {
  name: string;
  text: string;
}

/** `$1, $2, … $n`. */
const placeholders = (count: number): string =>
  Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');

/** `INSERT INTO table (seq, cols…) VALUES ($1, …)` for an entity with a short id (values: `rowValues`). */
function insertSql<T>(table: string, columns: Columns<T>): string {
  const names = ['seq', ...columnNames(columns)];
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders(names.length)})`;
}

/** A row's values in the order of its columns (as `insertSql` and friends number them). */
function rowValues<T>(columns: Columns<T>, value: T): SqlValue[] {
  const params = toParams(columns, value);
  return columnNames(columns).map((name) => params[name] ?? null);
}

// Columns are named, never `*`: a prepared statement's result may not change shape when another
// replica's migration adds a column while this one runs.
const REPORT = columnNames(REPORT_COLUMNS).join(', ');
const RULE = columnNames(ALERT_RULE_COLUMNS).join(', ');
const STATE_NAMES = columnNames(ALERT_STATE_COLUMNS);
const STATE = STATE_NAMES.join(', ');
const POST = 'key, claimed_at, message_id, info';
/** The mutable rule columns, set from `$3…` (after id and room_id). */
const MUTABLE_RULE_COLUMNS = MUTABLE_RULE_FIELDS.map((field) => ALERT_RULE_COLUMNS[field][0]);

/**
 * True when the process that claimed a row (`<table>.boot`) beat at or after `$<param>` (a double,
 * so `aliveSince` may be Infinity: nothing is alive).
 */
const claimerAlive = (table: string, param: number) =>
  `EXISTS (SELECT 1 FROM processes p WHERE p.boot = ${table}.boot AND p.beat_at >= $${param}::double precision)`;

const SQL = {
  getSettings:
    'SELECT room_id, time_zone, unit, working_hours, comfort_bands FROM space_settings WHERE room_id = $1',
  saveSettings: `INSERT INTO space_settings (room_id, time_zone, unit, working_hours, comfort_bands)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (room_id) DO UPDATE SET time_zone = excluded.time_zone, unit = excluded.unit,
      working_hours = excluded.working_hours, comfort_bands = excluded.comfort_bands`,
  // The row lock serializes concurrent creates (any process); a rolled-back create uses no number.
  nextId: 'UPDATE id_sequences SET last = last + 1 WHERE prefix = $1 RETURNING last',

  insertReport: insertSql('reports', REPORT_COLUMNS),
  listReports: `SELECT ${REPORT} FROM reports ORDER BY seq`,
  listReportsIn: `SELECT ${REPORT} FROM reports WHERE room_id = $1 ORDER BY seq`,
  getReport: `SELECT ${REPORT} FROM reports WHERE id = $1`,
  deleteReport: 'DELETE FROM reports WHERE id = $1 AND room_id = $2',

  insertRule: insertSql('alert_rules', ALERT_RULE_COLUMNS),
  listRules: `SELECT ${RULE} FROM alert_rules ORDER BY seq`,
  listRulesIn: `SELECT ${RULE} FROM alert_rules WHERE room_id = $1 ORDER BY seq`,
  getRule: `SELECT ${RULE} FROM alert_rules WHERE id = $1`,
  lockRule: `SELECT ${RULE} FROM alert_rules WHERE id = $1 FOR UPDATE`,
  updateRule: `UPDATE alert_rules SET ${MUTABLE_RULE_COLUMNS.map((column, i) => `${column} = $${i + 3}`).join(', ')}
    WHERE id = $1 AND room_id = $2`,
  // Its alert states go with it (ON DELETE CASCADE).
  deleteRule: 'DELETE FROM alert_rules WHERE id = $1 AND room_id = $2',

  getState: `SELECT ${STATE} FROM alert_states WHERE rule_id = $1 AND workspace_id = $2`,
  listStates: `SELECT ${STATE_NAMES.map((n) => `s.${n}`).join(', ')}
    FROM alert_states s JOIN alert_rules r ON r.id = s.rule_id
    ORDER BY r.seq, s.workspace_id`,
  listStatesOf: `SELECT ${STATE} FROM alert_states WHERE rule_id = $1 ORDER BY workspace_id`,
  // Saves nothing when the rule is gone. The rule is locked (KEY SHARE) until the transaction
  // ends, so a delete running at the same time waits instead of breaking the foreign key.
  saveState: `WITH rule AS (SELECT id FROM alert_rules WHERE id = $1 FOR KEY SHARE)
    INSERT INTO alert_states (${STATE_NAMES.join(', ')})
    SELECT ${placeholders(STATE_NAMES.length)} FROM rule
    ON CONFLICT (rule_id, workspace_id) DO UPDATE SET
    ${STATE_NAMES.slice(2)
      .map((n) => `${n} = excluded.${n}`)
      .join(', ')}`,

  // One statement: a new key is inserted ('claimed': xmax = 0 marks a row this statement
  // inserted), an uncompleted claim of another, dead process is taken over (never one made
  // without a claimant), anything else returns no row ('taken'). Concurrent claims of one key
  // wait for each other's row lock, so exactly one of them wins.
  claimPost: `INSERT INTO posts (key, claimed_at, info, boot) VALUES ($1, $2, $3, $4)
    ON CONFLICT (key) DO UPDATE SET
      boot = excluded.boot, claimed_at = excluded.claimed_at, info = coalesce(excluded.info, posts.info)
    WHERE excluded.boot IS NOT NULL AND posts.message_id IS NULL AND posts.boot IS NOT NULL
      AND posts.boot <> excluded.boot AND NOT ${claimerAlive('posts', 5)}
    RETURNING (xmax = 0) AS claimed`,
  completePost: 'UPDATE posts SET message_id = $2 WHERE key = $1',
  releasePost: 'DELETE FROM posts WHERE key = $1 AND message_id IS NULL',
  getPost: `SELECT ${POST} FROM posts WHERE key = $1`,
  // The range uses the primary-key index (binary order: the key is COLLATE "C"); left() makes the
  // prefix test exact.
  lastPost: `SELECT ${POST} FROM posts WHERE key >= $1 AND key < $2 AND left(key, length($1)) = $1
    ORDER BY claimed_at DESC, seq DESC LIMIT 1`,

  // Like claimPost: new, or taken over from a dead process; no row when done or busy.
  claimDelivery: `INSERT INTO deliveries (key, boot, claimed_at) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO UPDATE SET boot = excluded.boot, claimed_at = excluded.claimed_at
    WHERE deliveries.done_at IS NULL AND deliveries.boot <> excluded.boot
      AND NOT ${claimerAlive('deliveries', 4)}
    RETURNING key`,
  getDelivery: 'SELECT done_at FROM deliveries WHERE key = $1',
  completeDelivery: 'UPDATE deliveries SET done_at = $2 WHERE key = $1',
  markPosting: 'UPDATE deliveries SET posting_at = $2 WHERE key = $1 AND posting_at IS NULL',
  unfinishedDeliveries: `SELECT key, posting_at FROM deliveries
    WHERE boot <> $1 AND done_at IS NULL AND NOT ${claimerAlive('deliveries', 2)}
    ORDER BY claimed_at`,
  pruneDeliveries: 'DELETE FROM deliveries WHERE claimed_at < $1',

  readBuckets: `SELECT bucket, items FROM cached_buckets
    WHERE series = $1 AND bucket >= $2 AND bucket < $3 ORDER BY bucket`,
  // All buckets of all series in one statement (one transaction on its own).
  writeBuckets: `INSERT INTO cached_buckets (series, bucket, items, stored_at)
    SELECT series, bucket, items, $4 FROM unnest($1::text[], $2::bigint[], $3::text[]) AS b (series, bucket, items)
    ON CONFLICT (series, bucket) DO UPDATE SET items = excluded.items, stored_at = excluded.stored_at`,
  pruneBuckets: 'DELETE FROM cached_buckets WHERE stored_at < $1',

  getValue: 'SELECT value FROM kv WHERE key = $1',
  setValue:
    'INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',

  getMemo: 'SELECT value FROM memos WHERE key = $1 AND expires_at > $2',
  setMemo: `INSERT INTO memos (key, value, expires_at) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
  // Like lastPost, a key range with an exact prefix test.
  listMemos: `SELECT key, value FROM memos
    WHERE key >= $1 AND key < $2 AND left(key, length($1)) = $1 AND expires_at > $3
    ORDER BY key LIMIT $4`,
  deleteMemo: 'DELETE FROM memos WHERE key = $1',
  pruneMemos: 'DELETE FROM memos WHERE expires_at <= $1',

  heartbeat: `INSERT INTO processes (boot, beat_at, info) VALUES ($1, $2, $3)
    ON CONFLICT (boot) DO UPDATE SET beat_at = excluded.beat_at, info = excluded.info`,
  liveProcesses: `SELECT boot, beat_at, info FROM processes WHERE beat_at >= $1::double precision
    ORDER BY beat_at DESC, boot`,
  forgetProcess: 'DELETE FROM processes WHERE boot = $1',
};

/** Each statement with its name, prepared by each pooled connection on first use. */
const STATEMENTS = Object.fromEntries(
  Object.entries(SQL).map(([name, text]) => [name, { name: `room_metrics_${name}`, text }]),
) as { [K in keyof typeof SQL]: Statement };

/** Runs statements: the pool (each statement on its own) or a client inside a transaction. */
type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The PostgreSQL implementation of Store, for several replicas sharing one database. Every
 * operation is one statement (atomic on its own: claims are `INSERT … ON CONFLICT`) or one
 * transaction on a pooled connection; nothing is cached in the process, so every replica sees
 * every other's writes at once.
 */
class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly pool: Pool;
  private readonly config: ClientConfig;
  private readonly schema: string | undefined;
  /** The leads this store holds, given up when it closes. */
  private readonly leads = new Set<Leadership>();
  private closed = false;

  constructor(connections: Connections) {
    this.pool = connections.pool;
    this.config = connections.config;
    this.schema = connections.schema;
  }

  async getSpaceSettings(roomId: string): Promise<SpaceSettings | undefined> {
    const row = await this.one(STATEMENTS.getSettings, [roomId]);
    return row === undefined ? undefined : readRow(ROWS.spaceSettings, row);
  }

  async saveSpaceSettings(roomId: string, settings: SpaceSettings): Promise<void> {
    const checked = checkSpaceSettings(settings);
    const { workingHours, comfortBands } = spaceSettingsJson(checked);
    await this.run(STATEMENTS.saveSettings, [
      roomId,
      checked.timeZone,
      checked.unit,
      workingHours,
      comfortBands,
    ]);
  }

  async createReport(input: Omit<ReportSubscription, 'id'>): Promise<ReportSubscription> {
    return this.transaction(async (client) => {
      const seq = await this.nextSeq(client, 'r');
      const report = checkReport({ ...input, id: `r${seq}` });
      await this.run(STATEMENTS.insertReport, [seq, ...rowValues(REPORT_COLUMNS, report)], client);
      return report;
    });
  }

  async listReports(roomId?: string): Promise<ReportSubscription[]> {
    const rows =
      roomId === undefined
        ? await this.all(STATEMENTS.listReports)
        : await this.all(STATEMENTS.listReportsIn, [roomId]);
    return rows.map((row) => readRow(ROWS.report, row));
  }

  async getReport(id: string): Promise<ReportSubscription | undefined> {
    const row = await this.one(STATEMENTS.getReport, [id]);
    return row === undefined ? undefined : readRow(ROWS.report, row);
  }

  async deleteReport(id: string, roomId: string): Promise<boolean> {
    return (await this.run(STATEMENTS.deleteReport, [id, roomId])) > 0;
  }

  async createAlertRule(input: Omit<AlertRule, 'id'>): Promise<AlertRule> {
    return this.transaction(async (client) => {
      const seq = await this.nextSeq(client, 'a');
      const rule = checkAlertRule({ ...input, id: `a${seq}` });
      await this.run(STATEMENTS.insertRule, [seq, ...rowValues(ALERT_RULE_COLUMNS, rule)], client);
      return rule;
    });
  }

  async listAlertRules(roomId?: string): Promise<AlertRule[]> {
    const rows =
      roomId === undefined
        ? await this.all(STATEMENTS.listRules)
        : await this.all(STATEMENTS.listRulesIn, [roomId]);
    return rows.map((row) => readRow(ROWS.alertRule, row));
  }

  async getAlertRule(id: string): Promise<AlertRule | undefined> {
    const row = await this.one(STATEMENTS.getRule, [id]);
    return row === undefined ? undefined : readRow(ROWS.alertRule, row);
  }

  async updateAlertRule(id: string, roomId: string, patch: AlertRulePatch): Promise<AlertRule | undefined> {
    return this.transaction(async (client) => {
      const row = await this.one(STATEMENTS.lockRule, [id], client);
      const current = row === undefined ? undefined : readRow(ROWS.alertRule, row);
      if (current === undefined || current.roomId !== roomId) return undefined;
      const next = patchAlertRule(current, patch);
      const params = toParams(ALERT_RULE_COLUMNS, next);
      const mutable = MUTABLE_RULE_COLUMNS.map((column) => params[column] ?? null);
      await this.run(STATEMENTS.updateRule, [id, roomId, ...mutable], client);
      return next;
    });
  }

  async deleteAlertRule(id: string, roomId: string): Promise<boolean> {
    return (await this.run(STATEMENTS.deleteRule, [id, roomId])) > 0;
  }

  async getAlertState(ruleId: string, workspaceId: string): Promise<AlertState | undefined> {
    const row = await this.one(STATEMENTS.getState, [ruleId, workspaceId]);
    return row === undefined ? undefined : readRow(ROWS.alertState, row);
  }

  async listAlertStates(ruleId?: string): Promise<AlertState[]> {
    const rows =
      ruleId === undefined
        ? await this.all(STATEMENTS.listStates)
        : await this.all(STATEMENTS.listStatesOf, [ruleId]);
    return rows.map((row) => readRow(ROWS.alertState, row));
  }

  async saveAlertState(state: AlertState): Promise<boolean> {
    const values = rowValues(ALERT_STATE_COLUMNS, checkAlertState(state));
    return (await this.run(STATEMENTS.saveState, values)) > 0;
  }

  async saveAlertStates(states: readonly AlertState[]): Promise<number> {
    // All checked before the transaction: an invalid one saves nothing and costs no round trip.
    const rows = states.map((state) => rowValues(ALERT_STATE_COLUMNS, checkAlertState(state)));
    if (rows.length === 0) return 0;
    return this.transaction(async (client) => {
      let saved = 0;
      for (const values of rows) saved += await this.run(STATEMENTS.saveState, values, client);
      return saved;
    });
  }

  async claimPost(key: string, at: number, info?: string, claimant?: Claimant): Promise<PostClaim> {
    const row = await this.one(STATEMENTS.claimPost, [
      key,
      at,
      info ?? null,
      claimant?.boot ?? null,
      claimant?.aliveSince ?? null,
    ]);
    if (row === undefined) return 'taken';
    return row.claimed === true ? 'claimed' : 'taken-over';
  }

  async completePost(key: string, messageId: string): Promise<void> {
    if ((await this.run(STATEMENTS.completePost, [key, messageId])) === 0) {
      throw new StoreError('not-found', `Cannot complete the post ${key}: it was never claimed.`);
    }
  }

  async releasePost(key: string): Promise<boolean> {
    return (await this.run(STATEMENTS.releasePost, [key])) > 0;
  }

  async getPost(key: string): Promise<PostRecord | undefined> {
    const row = await this.one(STATEMENTS.getPost, [key]);
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  async lastPost(prefix: string): Promise<PostRecord | undefined> {
    const row = await this.one(STATEMENTS.lastPost, [prefix, prefixUpperBound(prefix)]);
    return row === undefined ? undefined : readRow(ROWS.post, row);
  }

  async claimDelivery(key: string, claimant: Claimant, at: number): Promise<DeliveryClaim> {
    const { boot, aliveSince } = claimant;
    if ((await this.run(STATEMENTS.claimDelivery, [key, boot, at, aliveSince])) > 0) return 'new';
    // Not ours: answered (or pruned since), else being answered by a live process.
    const row = await this.one(STATEMENTS.getDelivery, [key]);
    return row === undefined || row.done_at !== null ? 'done' : 'busy';
  }

  async deliveryDone(key: string): Promise<boolean> {
    const row = await this.one(STATEMENTS.getDelivery, [key]);
    return row !== undefined && row.done_at !== null;
  }

  async completeDelivery(key: string, at: number): Promise<void> {
    await this.run(STATEMENTS.completeDelivery, [key, at]);
  }

  async markPosting(key: string, at: number): Promise<void> {
    await this.run(STATEMENTS.markPosting, [key, at]);
  }

  async unfinishedDeliveries(claimant: Claimant): Promise<{ key: string; posting: boolean }[]> {
    const rows = await this.all(STATEMENTS.unfinishedDeliveries, [claimant.boot, claimant.aliveSince]);
    return rows.map((row) => readRow(ROWS.unfinishedDelivery, row));
  }

  async pruneDeliveries(before: number): Promise<number> {
    return this.run(STATEMENTS.pruneDeliveries, [before]);
  }

  async readCachedBuckets(series: string, from: number, to: number): Promise<CachedBucket[]> {
    return (await this.all(STATEMENTS.readBuckets, [series, from, to])) as CachedBucket[];
  }

  async writeCachedBuckets(series: readonly CachedSeries[], at: number): Promise<void> {
    // One row per (series, bucket), the last given winning: an upsert may not touch a row twice.
    const rows = new Map<string, [series: string, bucket: number, items: string]>();
    for (const s of series) {
      for (const b of s.buckets)
        rows.set(JSON.stringify([s.series, b.bucket]), [s.series, b.bucket, b.items]);
    }
    if (rows.size === 0) return;
    const columns = [...rows.values()];
    await this.run(STATEMENTS.writeBuckets, [
      columns.map((r) => r[0]),
      columns.map((r) => r[1]),
      columns.map((r) => r[2]),
      at,
    ]);
  }

  async pruneCachedBuckets(before: number): Promise<number> {
    return this.run(STATEMENTS.pruneBuckets, [before]);
  }

  async getValue(key: string): Promise<string | undefined> {
    return (await this.one(STATEMENTS.getValue, [key]))?.value as string | undefined;
  }

  async setValue(key: string, value: string): Promise<void> {
    await this.run(STATEMENTS.setValue, [key, value]);
  }

  async getMemo(key: string, now: number): Promise<string | undefined> {
    return (await this.one(STATEMENTS.getMemo, [key, now]))?.value as string | undefined;
  }

  async setMemo(key: string, value: string, expiresAt: number): Promise<void> {
    await this.run(STATEMENTS.setMemo, [key, value, expiresAt]);
  }

  async listMemos(
    prefix: string,
    now: number,
    limit = MEMO_LIST_LIMIT,
  ): Promise<{ key: string; value: string }[]> {
    const rows = await this.all(STATEMENTS.listMemos, [prefix, prefixUpperBound(prefix), now, limit]);
    return rows as { key: string; value: string }[];
  }

  async deleteMemo(key: string): Promise<boolean> {
    return (await this.run(STATEMENTS.deleteMemo, [key])) > 0;
  }

  async pruneMemos(now: number): Promise<number> {
    return this.run(STATEMENTS.pruneMemos, [now]);
  }

  async heartbeat(boot: string, at: number, info?: string): Promise<void> {
    await this.run(STATEMENTS.heartbeat, [boot, at, info ?? null]);
  }

  async liveProcesses(since: number): Promise<{ boot: string; at: number; info?: string }[]> {
    const rows = await this.all(STATEMENTS.liveProcesses, [since]);
    return rows.map((row) => readRow(ROWS.process, row));
  }

  async forgetProcess(boot: string): Promise<void> {
    await this.run(STATEMENTS.forgetProcess, [boot]);
  }

  async lead(name: string): Promise<Leadership | undefined> {
    const held = await tryLead(this.config, leadLockKey(this.schema, name));
    if (held === undefined) return undefined;
    this.leads.add(held);
    return {
      lost: held.lost,
      release: async () => {
        this.leads.delete(held);
        await held.release();
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.leads].map((held) => held.release()));
    this.leads.clear();
    await this.pool.end();
  }

  /** The rows of a statement. */
  private async all(statement: Statement, values: unknown[] = [], on: Queryable = this.pool) {
    return (await on.query<QueryResultRow>({ ...statement, values })).rows;
  }

  /** The first row of a statement, if any. */
  private async one(statement: Statement, values: unknown[], on: Queryable = this.pool) {
    return (await this.all(statement, values, on))[0];
  }

  /** Runs a statement; how many rows it changed. */
  private async run(statement: Statement, values: unknown[], on: Queryable = this.pool): Promise<number> {
    return (await on.query({ ...statement, values })).rowCount ?? 0;
  }

  /**
   * Runs `fn` in one transaction on one pooled connection: committed when it resolves, rolled back
   * (and the error rethrown) when it rejects. A connection whose rollback fails is discarded.
   */
  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** The next number for an id prefix, inside the transaction of the insert that uses it. */
  private async nextSeq(client: PoolClient, prefix: 'r' | 'a'): Promise<number> {
    const row = await this.one(STATEMENTS.nextId, [prefix], client);
    if (typeof row?.last !== 'number') {
      throw new StoreError('corrupt-row', `The id sequence '${prefix}' is missing.`);
    }
    return row.last;
  }
}
