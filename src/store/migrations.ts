import type Database from 'better-sqlite3';
import { StoreError } from './store';

/**
 * The schema, as an ordered list of steps. Step N (1-based) brings a database from
 * `PRAGMA user_version` N-1 to N. Never edit a released step: append a new one, so databases
 * already in use get the same schema as new ones.
 *
 * Queried fields (ids, room_id, status, times) are typed columns; nested values (room selections,
 * conditions, quiet hours, creators) are JSON text, validated when read back.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE space_settings (
    room_id   TEXT PRIMARY KEY,
    time_zone TEXT NOT NULL,
    unit      TEXT NOT NULL
  );

  -- The last number handed out per id prefix ('r', 'a'): ids are never reused after a delete.
  CREATE TABLE id_sequences (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
  );
  INSERT INTO id_sequences (prefix, last) VALUES ('r', 0), ('a', 0);

  CREATE TABLE reports (
    id         TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL UNIQUE,
    room_id    TEXT NOT NULL,
    rooms      TEXT NOT NULL,
    time       TEXT NOT NULL,
    days       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX reports_room_id ON reports (room_id, seq);

  CREATE TABLE alert_rules (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    room_id     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    rooms       TEXT NOT NULL,
    condition   TEXT NOT NULL,
    hold_ms     INTEGER NOT NULL,
    hysteresis  REAL NOT NULL,
    renotify_ms INTEGER NOT NULL,
    quiet_hours TEXT,
    muted       INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL
  );
  CREATE INDEX alert_rules_room_id ON alert_rules (room_id, seq);

  CREATE TABLE alert_states (
    rule_id          TEXT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    workspace_id     TEXT NOT NULL,
    status           TEXT NOT NULL,
    condition_since  INTEGER,
    fired_at         INTEGER,
    fired_value      REAL,
    last_value       REAL,
    last_reading_at  INTEGER,
    last_notified_at INTEGER,
    alert_message_id TEXT,
    acknowledged_by  TEXT,
    acknowledged_at  INTEGER,
    snoozed_until    INTEGER,
    false_alarm      INTEGER,
    PRIMARY KEY (rule_id, workspace_id)
  );

  -- The exactly-once post log: one row per message the bot decided to post on its own.
  CREATE TABLE posts (
    key        TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL,
    message_id TEXT,
    info       TEXT
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
    series TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    items  TEXT NOT NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (series, bucket)
  ) WITHOUT ROWID;
  CREATE INDEX cached_buckets_stored ON cached_buckets (stored_at);
  `,
  `
  -- Deliveries (questions, button presses) the bot has taken on: a replayed or redelivered one
  -- is not answered again, and one in flight when the process died is answered after a restart.
  CREATE TABLE deliveries (
    key        TEXT PRIMARY KEY,
    boot       TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    -- When the first reply was being posted: after a crash, whether it landed is unknown.
    posting_at INTEGER,
    done_at    INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX deliveries_claimed ON deliveries (claimed_at);
  `,
  `
  -- Which process claimed a post: an uncompleted claim of a dead process may be taken over.
  -- NULL for claims made without a claimant (and before this step): never taken over.
  ALTER TABLE posts ADD COLUMN boot TEXT;

  -- Short-lived shared state (conversation memory, space members, chart requests), each value
  -- until its expiry (epoch ms); expired ones are pruned.
  CREATE TABLE memos (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX memos_expires ON memos (expires_at);

  -- The processes' heartbeats: a claim (delivery, post) of a process whose last beat is too old
  -- (or missing) belongs to a dead process.
  CREATE TABLE processes (
    boot    TEXT PRIMARY KEY,
    beat_at INTEGER NOT NULL,
    info    TEXT
  ) WITHOUT ROWID;
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

/** The schema version this code writes: the number of migration steps. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The database's schema version (0 for a new, empty database). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a database written by a newer bot: its tables may mean things this code does not know,
 * and writing to them could lose data. `file` names the database in the message.
 */
export function assertKnownVersion(db: Database.Database, file: string): void {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) throw newerSchemaError(file, found, 'another data directory');
}

/**
 * The refusal of a database at schema version `found`, newer than this code knows (the same for
 * every store): `where` names the database (file, or URL without its password), `instead` where
 * else the bot could be pointed.
 */
export function newerSchemaError(where: string, found: number, instead: string): StoreError {
  return new StoreError(
    'newer-schema',
    `The database ${where} has schema version ${found}, but this bot only knows versions up to ` +
      `${SCHEMA_VERSION}. It was written by a newer room-metrics-bot: upgrade the bot (or point it ` +
      `at ${instead}).`,
  );
}

/**
 * Applies the missing steps, each in its own IMMEDIATE transaction together with its version
 * bump, so a crash leaves the database at a complete version and two processes starting at once
 * do not apply a step twice (the version is read again under the write lock).
 */
export function migrate(db: Database.Database, file: string): void {
  for (let target = 1; target <= SCHEMA_VERSION; target++) {
    const step = MIGRATIONS[target - 1]!;
    db.transaction(() => {
      assertKnownVersion(db, file);
      if (schemaVersion(db) >= target) return;
      db.exec(step);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }
}
