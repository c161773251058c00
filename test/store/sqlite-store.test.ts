import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IN_MEMORY, MIGRATIONS, openSqliteStore, openStore, STORE_FILE_NAME } from '../../src/store';
import { assertStoreError, type Backend, reportInput } from './shared/harness';
import { storeSuite } from './shared/store-suite';

let dir = '';
let file = '';

/** A second, raw connection: what an operator (or a damaged disk) does to the file. */
function raw<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Each test gets a file of its own in a directory that does not exist yet. */
const sqlite: Backend = {
  name: 'SQLite',
  prepare: async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-metrics-store-'));
    file = path.join(dir, 'nested', 'data', 'bot.sqlite');
  },
  open: async () => openSqliteStore({ file }),
  raw: async (sql, ...params) =>
    raw((db) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    }),
  version: async () => raw((db) => db.pragma('user_version', { simple: true }) as number),
  setVersion: async (version) => raw((db) => void db.pragma(`user_version = ${version}`)),
  where: () => file,
  cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }),
};

describe('SQLite store', () => {
  const t = storeSuite(sqlite);

  describe('SQLite only', () => {
    it('creates the file and its directory, in WAL mode', async () => {
      await (await t.open()).close();
      assert.ok(fs.existsSync(file));
      raw((db) => assert.equal(db.pragma('journal_mode', { simple: true }), 'wal'));
    });

    it('openStore({ dataDir }) keeps its data in <dataDir>/room-metrics.sqlite', async () => {
      const dataDir = path.join(dir, 'data');
      const store = await openStore({ dataDir });
      assert.equal(store.kind, 'sqlite');
      await store.setValue('k', 'v');
      await store.close();
      assert.ok(fs.existsSync(path.join(dataDir, STORE_FILE_NAME)));
      const again = await openStore({ dataDir, databaseUrl: '' });
      assert.equal(await again.getValue('k'), 'v');
      await again.close();
    });

    it('openStore refuses a database URL that is not PostgreSQL', async () => {
      await assertStoreError(
        openStore({ dataDir: dir, databaseUrl: 'mysql://root@localhost/bot' }),
        'open-failed',
        /postgres:\/\/ or postgresql:\/\//,
      );
    });

    it('an in-memory store works and starts empty', async () => {
      const store = openSqliteStore({ file: IN_MEMORY });
      assert.deepEqual(await store.listReports(), []);
      assert.equal((await store.createReport(reportInput())).id, 'r1');
      await store.close();
      await store.close(); // twice is harmless
    });

    it('a file that is not a database gives a clear StoreError', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'this is not an SQLite database, just text that is long enough '.repeat(20));
      await assertStoreError(t.open(), 'open-failed', /Cannot open the database/, /bot\.sqlite/);
    });

    it('a database of schema version 4 keeps its space settings, with the default working hours and bands', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      raw((old) => {
        for (const step of MIGRATIONS.slice(0, 4)) old.exec(step);
        old.pragma('user_version = 4');
        old.prepare("INSERT INTO space_settings VALUES ('space-a', 'Europe/Oslo', 'fahrenheit')").run();
      });
      const store = await t.open();
      assert.deepEqual(await store.getSpaceSettings('space-a'), {
        timeZone: 'Europe/Oslo',
        unit: 'fahrenheit',
      });
    });

    it('a database of schema version 3 (the last release) is brought up to date, its data kept', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      raw((old) => {
        for (const step of MIGRATIONS.slice(0, 3)) old.exec(step);
        old.pragma('user_version = 3');
        old.prepare("INSERT INTO posts (key, claimed_at) VALUES ('report:r1:x', 5)").run();
      });
      const store = await t.open();
      assert.deepEqual(await store.getPost('report:r1:x'), { key: 'report:r1:x', claimedAt: 5 });
      assert.equal(
        await store.claimPost('report:r1:x', 6, undefined, {
          boot: 'b',
          aliveSince: Number.POSITIVE_INFINITY,
        }),
        'taken',
        'a claim from before boots were recorded is never taken over',
      );
      await store.setMemo('m', 'v', 10);
      assert.equal(await store.getMemo('m', 9), 'v');
    });
  });
});
