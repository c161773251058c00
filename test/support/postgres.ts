/**
 * PostgreSQL for tests: the server in TEST_DATABASE_URL, a schema of their own per test (created
 * by the store, dropped afterwards), and a way to run SQL as an operator would.
 *
 * Without a reachable server the PostgreSQL tests are skipped with one line saying why, so the
 * suite runs on a laptop without one; with CI=true they fail instead (CI must not skip silently).
 */
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { describeUrl } from '../../src/store';

/** The server tests use: a database the user may create schemas in. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

let unavailable: { reason: string | undefined } | undefined;

/**
 * Why PostgreSQL cannot be used (undefined when it can). Checked once, synchronously (mocha
 * defines suites synchronously), by a child process that connects and asks for nothing.
 */
export function whyNoPostgres(): string | undefined {
  unavailable ??= { reason: probe() };
  return unavailable.reason;
}

function probe(): string | undefined {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.env.URL, connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.end(), (error) => {
      process.stderr.write(error.message || error.code || String(error));
      process.exit(1);
    });`;
  try {
    execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, URL: TEST_DATABASE_URL },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot connect to ${safeUrl()} (${stderr || 'no answer'})`;
  }
}

/**
 * `describe` for tests that need PostgreSQL: skipped with one line when it is unreachable, failing
 * when it is unreachable and CI=true.
 */
export function describePostgres(title: string, fn: () => void): void {
  const why = whyNoPostgres();
  if (why === undefined) {
    describe(title, fn);
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('needs PostgreSQL (CI=true: not skipped)', () => {
        throw new Error(`${why}. Start PostgreSQL or set TEST_DATABASE_URL.`);
      });
    });
  } else {
    console.log(`  ${title}: SKIPPED, ${why}. Start PostgreSQL or set TEST_DATABASE_URL to run them.`);
  }
}

let schemas = 0;

/** A schema name no other test (or concurrent run) uses; the store creates it. */
export function freshSchema(): string {
  schemas += 1;
  return `test_${process.pid}_${Date.now().toString(36)}_${schemas}`;
}

/** TEST_DATABASE_URL with its user's password set (a URL messages must not repeat). */
export function urlWithPassword(password: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.password = password;
  return url.toString();
}

/**
 * Runs SQL directly (an operator, or a damaged disk), in `schema` when given, on a connection of
 * its own; `?` placeholders are numbered. Returns the rows.
 */
export async function rawPostgres(
  schema: string | undefined,
  sql: string,
  ...params: unknown[]
): Promise<Record<string, unknown>[]> {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const client = new Client({
    connectionString: TEST_DATABASE_URL,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test's schema and everything in it (nothing when it was never created). */
export async function dropSchema(schema: string): Promise<void> {
  await rawPostgres(undefined, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** TEST_DATABASE_URL without its password, for the skip line. */
function safeUrl(): string {
  try {
    return describeUrl(TEST_DATABASE_URL);
  } catch {
    return 'TEST_DATABASE_URL';
  }
}
