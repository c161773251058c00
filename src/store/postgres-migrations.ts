import type { Pool, PoolClient } from 'pg';
import { newerSchemaError, SCHEMA_VERSION } from './migrations';

/**
 * The PostgreSQL schema, step for step the same as the SQLite one (`MIGRATIONS`): the same tables,
 * columns and meaning, so both stores share their row mapping (rows.ts) and a version number means
 * the same schema in both. Never edit a released step: append a new one to BOTH lists.
 *
 * Differences are only of dialect: BIGINT for epoch-ms times and durations, DOUBLE PRECISION for
 * REAL, no WITHOUT ROWID, and `COLLATE "C"` on the text columns that are ordered or searched by
 * prefix (keys, workspace ids), so they sort by code point as in SQLite. `posts.seq` stands in for
 * SQLite's implicit rowid (insertion order, to break ties between claims of the same millisecond).
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE space_settings (
    room_id   TEXT PRIMARY KEY,
    time_zone TEXT NOT NULL,
    unit      TEXT NOT NULL
  );

  -- The last number handed out per id prefix ('r', 'a'): ids are never reused after a delete.
  CREATE TABLE id_sequences (
    prefix TEXT PRIMARY KEY,
    last   BIGINT NOT NULL
  );
  INSERT INTO id_sequences (prefix, last) VALUES ('r', 0), ('a', 0);

  CREATE TABLE reports (
    id         TEXT PRIMARY KEY,
    seq        BIGINT NOT NULL UNIQUE,
    room_id    TEXT NOT NULL,
    rooms      TEXT NOT NULL,
    time       TEXT NOT NULL,
    days       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX reports_room_id ON reports (room_id, seq);

  CREATE TABLE alert_rules (
    id          TEXT PRIMARY KEY,
    seq         BIGINT NOT NULL UNIQUE,
    room_id     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    rooms       TEXT NOT NULL,
    condition   TEXT NOT NULL,
    hold_ms     BIGINT NOT NULL,
    hysteresis  DOUBLE PRECISION NOT NULL,
    renotify_ms BIGINT NOT NULL,
    quiet_hours TEXT,
    muted       INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL
  );
  CREATE INDEX alert_rules_room_id ON alert_rules (room_id, seq);

  CREATE TABLE alert_states (
    rule_id          TEXT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    workspace_id     TEXT COLLATE "C" NOT NULL,
    status           TEXT NOT NULL,
    condition_since  BIGINT,
    fired_at         BIGINT,
    fired_value      DOUBLE PRECISION,
    last_value       DOUBLE PRECISION,
    last_reading_at  BIGINT,
    last_notified_at BIGINT,
    alert_message_id TEXT,
    acknowledged_by  TEXT,
    acknowledged_at  BIGINT,
    snoozed_until    BIGINT,
    false_alarm      INTEGER,
    PRIMARY KEY (rule_id, workspace_id)
  );

  -- The exactly-once post log: one row per message the bot decided to post on its own.
  CREATE TABLE posts (
    key        TEXT COLLATE "C" PRIMARY KEY,
    claimed_at BIGINT NOT NULL,
    message_id TEXT,
    info       TEXT,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY
  );

  CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  `
  -- The readings cache: complete past buckets of one series (workspace, metric, aggregation,
  -- unit), one row per bucket start; items is the JSON array Webex answered for it ([] = none).
  CREATE TABLE cached_buckets (
    series    TEXT NOT NULL,
    bucket    BIGINT NOT NULL,
    items     TEXT NOT NULL,
    stored_at BIGINT NOT NULL,
    PRIMARY KEY (series, bucket)
  );
  CREATE INDEX cached_buckets_stored ON cached_buckets (stored_at);
  `,
  `
  -- Deliveries (questions, button presses) the bot has taken on: a replayed or redelivered one
  -- is not answered again, and one in flight when its process died is answered by another.
  CREATE TABLE deliveries (
    key        TEXT PRIMARY KEY,
    boot       TEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    -- When the first reply was being posted: after a crash, whether it landed is unknown.
    posting_at BIGINT,
    done_at    BIGINT
  );
  CREATE INDEX deliveries_claimed ON deliveries (claimed_at);
  `,
  `
  -- Which process claimed a post: an uncompleted claim of a dead process may be taken over.
  -- NULL for claims made without a claimant (and before this step): never taken over.
  ALTER TABLE posts ADD COLUMN boot TEXT;

  -- Short-lived shared state (conversation memory, space members, chart requests), each value
  -- until its expiry (epoch ms); expired ones are pruned.
  CREATE TABLE memos (
    key        TEXT COLLATE "C" PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX memos_expires ON memos (expires_at);

  -- The processes' heartbeats: a claim (delivery, post) of a process whose last beat is too old
  -- (or missing) belongs to a dead process.
  CREATE TABLE processes (
    boot    TEXT PRIMARY KEY,
    beat_at BIGINT NOT NULL,
    info    TEXT
  );
  `,
  `
  -- Per-space working hours (when comfort is judged) and the space's own comfort bands, as JSON
  -- validated when read back; NULL: the defaults (Mon–Fri 08:00–17:00; the deployment's bands).
  ALTER TABLE space_settings ADD COLUMN working_hours TEXT;
  ALTER TABLE space_settings ADD COLUMN comfort_bands TEXT;
  `,
  `
  -- Weekly and monthly reports (days 'weekly' / 'monthly'): the weekday (1 = Monday … 7 = Sunday)
  -- or the day of the month (1–31; a shorter month gets it on its last day). NULL for daily and
  -- weekday reports, so rows written before this step read back unchanged.
  ALTER TABLE reports ADD COLUMN weekday INTEGER;
  ALTER TABLE reports ADD COLUMN day_of_month INTEGER;
  `,
];

/**
 * The one-row table holding the schema version (PostgreSQL has no `user_version`). It is not a
 * migration step: it exists before the first one.
 */
const VERSION_TABLE = `
  CREATE TABLE schema_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  INTEGER NOT NULL
  );
  INSERT INTO schema_version (version) VALUES (0);
`;

/** The database's schema version, or undefined when its version table does not exist (yet). */
async function readVersion(client: PoolClient): Promise<number | undefined> {
  const table = await client.query<{ found: boolean }>(
    "SELECT to_regclass('schema_version') IS NOT NULL AS found",
  );
  if (!table.rows[0]?.found) return undefined;
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return rows[0]?.version ?? 0;
}

/**
 * Brings the schema up to date in ONE transaction under a transaction-level advisory lock (one
 * per schema), so replicas starting at once wait for each other and read the version again: no
 * step is applied twice, and a crash leaves the previous complete version. `schema` (already
 * validated) is created when missing. A schema written by a newer bot is refused before anything
 * is written; `where` names the database in that message.
 */
export async function migratePostgres(pool: Pool, where: string, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `room-metrics-bot schema ${schema ?? '(default)'}`,
    ]);
    const stored = await readVersion(client);
    const found = stored ?? 0;
    if (found > SCHEMA_VERSION) throw newerSchemaError(where, found, 'another database or schema');
    if (found < SCHEMA_VERSION) {
      if (schema !== undefined) await createSchema(client, schema);
      if (stored === undefined) await client.query(VERSION_TABLE);
      for (let target = found + 1; target <= SCHEMA_VERSION; target++) {
        await client.query(POSTGRES_MIGRATIONS[target - 1]!);
      }
      await client.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Creates the schema unless it exists (then no CREATE privilege on the database is needed). */
async function createSchema(client: PoolClient, schema: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
}
