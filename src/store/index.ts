/**
 * Persistence: what the bot keeps across restarts (space settings, reports, alerts, the post log).
 * Code depends on the `Store` interface; `openStore` picks the SQLite implementation.
 */
export { MIGRATIONS, SCHEMA_VERSION } from './migrations';
export {
  IN_MEMORY,
  openSqliteStore,
  openStore,
  type SqliteStoreOptions,
  STORE_FILE_NAME,
} from './sqlite-store';
export {
  type AlertRulePatch,
  type CachedBucket,
  type PostRecord,
  type Store,
  StoreError,
  type StoreErrorCode,
} from './store';
