/**
 * Persistence: what the bot keeps across restarts and shares between replicas (space settings,
 * reports, alerts, the post and delivery logs, the readings cache, memos, heartbeats). Code depends
 * on the `Store` interface; `openStore` picks PostgreSQL for a database URL, else SQLite.
 */
import path from 'node:path';
import { openSqliteStore, STORE_FILE_NAME } from './sqlite-store';
import { type Store, StoreError } from './store';

export { describeUrl } from './database-url';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations';
// The PostgreSQL store (and node-postgres) is loaded only when a database URL asks for it: an
// SQLite bot does not carry it in memory. Import it from './postgres-store' directly.
export { IN_MEMORY, openSqliteStore, type SqliteStoreOptions, STORE_FILE_NAME } from './sqlite-store';
export {
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
  type StoreErrorCode,
} from './store';

export interface OpenStoreOptions {
  /** The bot's data directory: the SQLite store lives in `<dataDir>/room-metrics.sqlite`. */
  dataDir: string;
  /**
   * A PostgreSQL URL (`postgres://` or `postgresql://`): the store is then kept there, shared by
   * every replica, instead of in the data directory.
   */
  databaseUrl?: string;
  /** PostgreSQL only: how many connections the pool opens at most (default 10). */
  poolSize?: number;
  /** PostgreSQL only: the schema of the bot's tables (created if missing; default: the URL's). */
  schema?: string;
}

/**
 * Opens (creating and migrating if needed) the bot's store: PostgreSQL when `databaseUrl` is set,
 * else SQLite in the data directory. Throws a StoreError that says what is wrong and what to do.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { databaseUrl } = options;
  if (databaseUrl === undefined || databaseUrl === '') {
    return openSqliteStore({ file: path.join(options.dataDir, STORE_FILE_NAME) });
  }
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new StoreError(
      'open-failed',
      'The database URL must start with postgres:// or postgresql:// (leave it unset to keep the ' +
        'store in an SQLite file in the data directory).',
    );
  }
  const { openPostgresStore } = require('./postgres-store') as typeof import('./postgres-store');
  return openPostgresStore({
    url: databaseUrl,
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    ...(options.schema === undefined ? {} : { schema: options.schema }),
  });
}
