import { type ClientConfig, type CustomTypesConfig, Pool, types } from 'pg';
import { StoreError } from './store';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (or `postgresql://`). */
  url: string;
  /** How many connections the pool opens at most. Default 10. */
  poolSize?: number;
  /**
   * A PostgreSQL schema of the bot's own (created when missing) that every pooled connection uses
   * through its `search_path`, e.g. one per deployment or per test. Lowercase letters, digits and
   * `_`, not starting with a digit, at most 63 characters. Default: the user's `search_path`
   * (usually `public`).
   */
  schema?: string;
  /** How long opening a connection may take before it fails. Default 10000 ms. */
  connectTimeoutMs?: number;
  /**
   * Errors of idle pooled connections (the server restarted, the network dropped). The pool
   * replaces such a connection by itself; without this callback they are ignored.
   */
  onIdleError?: (error: Error) => void;
}

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * BIGINT (epoch-ms times, durations, sequence numbers) read as a number, like SQLite's INTEGER, so
 * both stores share their row checks. A value beyond 2^53 stays a string, which those checks
 * refuse (a corrupt row) instead of silently rounding it. Set on this pool only: the global pg
 * parsers other code may rely on are left alone.
 */
const POOL_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.INT8 && format !== 'binary') return parseBigint;
    return types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};

function parseBigint(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** The schema option, checked: it is written into SQL and the connection options unquoted. */
function checkSchemaName(schema: string): string {
  if (SCHEMA_NAME.test(schema)) return schema;
  throw new StoreError(
    'invalid-input',
    `The PostgreSQL schema name ${JSON.stringify(schema)} is not allowed: use lowercase letters, ` +
      'digits and _, not starting with a digit, at most 63 characters.',
  );
}

/** How the store connects: a pool for its statements and the settings of every connection. */
export interface Connections {
  pool: Pool;
  /** The settings of a pooled connection, for a dedicated one (see `Store.lead`). */
  config: ClientConfig;
  /** The checked schema name, when one was given. */
  schema: string | undefined;
}

/** A pool for the options (nothing is connected yet). */
export function createPool(options: PostgresStoreOptions): Connections {
  const schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
  const size = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new StoreError('invalid-input', `The pool size must be a whole number of at least 1, not ${size}.`);
  }
  const config: ClientConfig = {
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    application_name: 'room-metrics-bot',
    types: POOL_TYPES,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };
  const pool = new Pool({ ...config, max: size });
  pool.on('error', (error) => options.onIdleError?.(error));
  return { pool, config, schema };
}

/**
 * Why the database at `where` (a URL without password) could not be opened, and what to do about
 * it, from the driver's error code.
 */
export function openFailed(where: string, error: unknown): StoreError {
  const { code, reason } = describeCause(error);
  const url = new URL(where);
  const at = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  const hints: Record<string, string> = {
    ECONNREFUSED: `Start PostgreSQL at ${at}, or correct the host and port in the database URL`,
    ENOTFOUND: `Correct the host in the database URL (${url.hostname} is unknown)`,
    EAI_AGAIN: `Correct the host in the database URL (${url.hostname} could not be looked up)`,
    ETIMEDOUT: `Check that ${at} is reachable (host, port, firewall)`,
    '28P01': 'Correct the user and password in the database URL',
    '28000': "Correct the user in the database URL, or allow it in the server's pg_hba.conf",
    '3D000': `Create the database (createdb ${url.pathname.slice(1) || '<name>'}) or correct its name in the database URL`,
    '42501': "Grant the URL's user CREATE on the database (or the schema), or start once as its owner",
  };
  const hint =
    hints[code] ??
    (/timeout/i.test(reason)
      ? `Check that ${at} is reachable (host, port, firewall)`
      : 'Check that PostgreSQL runs at the host and port of the database URL and that its user, ' +
        'password and database are right');
  return new StoreError('open-failed', `Cannot open the PostgreSQL database ${where}: ${reason}. ${hint}.`, {
    cause: error,
  });
}

/** The driver error's code and a one-line reason (an AggregateError of several addresses too). */
function describeCause(error: unknown): { code: string; reason: string } {
  const first = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = String(
    (first as { code?: unknown } | null)?.code ?? (error as { code?: unknown } | null)?.code ?? '',
  );
  const message = first instanceof Error ? first.message : String(first);
  return { code, reason: message || code || 'unknown error' };
}
