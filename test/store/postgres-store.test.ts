import assert from 'node:assert/strict';
import { describeUrl, MIGRATIONS, openStore, SCHEMA_VERSION, type Store } from '../../src/store';
import { leadLockKey } from '../../src/store/postgres-leadership';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations';
import { openPostgresStore } from '../../src/store/postgres-store';
import {
  describePostgres,
  dropSchema,
  freshSchema,
  rawPostgres,
  TEST_DATABASE_URL,
  urlWithPassword,
} from '../support/postgres';
import { assertStoreError, type Backend, literally, reportInput } from './shared/harness';
import { storeSuite } from './shared/store-suite';

let schema = '';

/** Each test gets a schema of its own, created by the store and dropped afterwards. */
const postgres: Backend = {
  name: 'PostgreSQL',
  prepare: async () => {
    schema = freshSchema();
  },
  open: () => openPostgresStore({ url: TEST_DATABASE_URL, schema, poolSize: 4 }),
  raw: (sql, ...params) => rawPostgres(schema, sql, ...params),
  version: async () => Number((await rawPostgres(schema, 'SELECT version FROM schema_version'))[0]?.version),
  setVersion: async (version) => {
    await rawPostgres(schema, 'UPDATE schema_version SET version = ?', version);
  },
  where: () => describeUrl(TEST_DATABASE_URL),
  cleanUp: () => dropSchema(schema),
};

/** Resolves with `promise`, or rejects after `ms`. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describePostgres('PostgreSQL store', () => {
  const t = storeSuite(postgres);

  describe('PostgreSQL only', () => {
    it('has a migration step for every SQLite step (a version means the same schema)', () => {
      assert.equal(POSTGRES_MIGRATIONS.length, MIGRATIONS.length);
      assert.equal(POSTGRES_MIGRATIONS.length, SCHEMA_VERSION);
    });

    it('names the database URL without its password when refusing a newer schema', async () => {
      await (await t.open()).close();
      await t.backend.setVersion(SCHEMA_VERSION + 1);
      const url = urlWithPassword('s3cret-pw');
      await assert.rejects(openPostgresStore({ url, schema }), (error: Error) => {
        assert.match(error.message, literally(describeUrl(TEST_DATABASE_URL)));
        assert.match(error.message, /another database or schema/);
        assert.doesNotMatch(error.message, /s3cret-pw/);
        return true;
      });
    });

    it('says which server refused the connection (no password) and how to fix it', async () => {
      const url = new URL(urlWithPassword('s3cret-pw'));
      url.port = '1';
      await assert.rejects(openPostgresStore({ url: url.toString(), schema }), (error: Error) => {
        assert.equal((error as { code?: string }).code, 'open-failed');
        assert.match(
          error.message,
          /Cannot open the PostgreSQL database postgres:\/\/[^:@]+@127\.0\.0\.1:1\//,
        );
        assert.match(error.message, /Start PostgreSQL at 127\.0\.0\.1:1, or correct the host and port/);
        assert.doesNotMatch(error.message, /s3cret-pw/);
        return true;
      });
    });

    it('says when the database does not exist, and how to create it', async () => {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = '/no_such_database_for_room_metrics';
      await assertStoreError(
        openPostgresStore({ url: url.toString(), schema }),
        'open-failed',
        /does not exist/,
        /createdb no_such_database_for_room_metrics/,
      );
    });

    it('refuses a schema name that is not a plain identifier, and a URL that is not PostgreSQL', async () => {
      for (const bad of ['Public', '1st', 'a-b', 'x; DROP SCHEMA public', '', 'a'.repeat(64)]) {
        await assertStoreError(
          openPostgresStore({ url: TEST_DATABASE_URL, schema: bad }),
          'invalid-input',
          /schema name/,
        );
      }
      await assertStoreError(
        openPostgresStore({ url: 'http://localhost/x' }),
        'open-failed',
        /not a PostgreSQL URL/,
      );
      await assertStoreError(openPostgresStore({ url: 'not a url' }), 'open-failed', /not a PostgreSQL URL/);
      await assertStoreError(
        openPostgresStore({ url: TEST_DATABASE_URL, schema, poolSize: 0 }),
        'invalid-input',
        /pool size/,
      );
    });

    it('openStore chooses PostgreSQL for a postgres:// or postgresql:// URL', async () => {
      // openStore has no schema option: the URL's own options select the test's schema.
      await rawPostgres(undefined, `CREATE SCHEMA ${schema}`);
      for (const scheme of ['postgres', 'postgresql']) {
        const url = new URL(TEST_DATABASE_URL);
        url.protocol = `${scheme}:`;
        url.searchParams.set('options', `-c search_path=${schema}`);
        const store = await openStore({ dataDir: '/nonexistent', databaseUrl: url.toString(), poolSize: 2 });
        assert.equal(store.kind, 'postgres');
        await store.setValue('scheme', scheme);
        await store.close();
      }
      assert.deepEqual(await rawPostgres(schema, 'SELECT value FROM kv'), [{ value: 'postgresql' }]);
    });

    it('a BIGINT beyond what a number holds exactly is a corrupt row, not a rounded time', async () => {
      const store = await t.open();
      const report = await store.createReport(reportInput());
      await rawPostgres(schema, 'UPDATE reports SET created_at = 9007199254740993 WHERE id = ?', report.id);
      await assertStoreError(store.getReport(report.id), 'corrupt-row', /reports/, /created_at/);
    });

    describe('leading', () => {
      it('one store at a time leads a name; given up (or closed), another may', async () => {
        const [a, b] = [await t.open(), await t.open()];
        const lead = await a.lead('webhooks');
        assert.ok(lead);
        assert.equal(await b.lead('webhooks'), undefined);
        assert.equal(await a.lead('webhooks'), undefined, 'not twice in one process either');
        const other = await b.lead('alerts');
        assert.ok(other, 'another name is free');
        await lead.release();
        const taken = await b.lead('webhooks');
        assert.ok(taken);
        await b.close(); // gives up both
        assert.ok(await a.lead('webhooks'));
        assert.ok(await a.lead('alerts'));
      });

      it('a lead whose connection dies is lost, and another store may take it', async () => {
        const [a, b] = [await t.open(), await t.open()];
        const lead = await a.lead('webhooks');
        assert.ok(lead);
        // The server ends the connection holding the lock (as when the process dies).
        const killed = await rawPostgres(
          undefined,
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_locks
           WHERE locktype = 'advisory' AND granted
             AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)`,
          leadLockKey(schema, 'webhooks'),
        );
        assert.deepEqual(killed, [{ killed: true }]);
        await within(5_000, lead.lost, 'lost');
        const next: Store = b;
        assert.ok(await within(5_000, next.lead('webhooks'), 'taken by the other'));
        await lead.release(); // after the loss: harmless
      });
    });
  });
});
