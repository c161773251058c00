import assert from 'node:assert/strict';
import { SCHEMA_VERSION } from '../../../src/store';
import { assertStoreError, literally, reportInput, ruleInput, SPACE, type StoreTest } from './harness';

/** The schema version, and rows that do not read back. */
export function describeSchema(t: StoreTest): void {
  describe('schema and bad data', () => {
    it('a new database is migrated to the current schema version', async () => {
      await (await t.open()).close();
      assert.equal(await t.backend.version(), SCHEMA_VERSION);
    });

    it('refuses a database written by a newer bot, with both versions, and leaves it untouched', async () => {
      await (await t.open()).close();
      await t.backend.setVersion(SCHEMA_VERSION + 1);
      await assertStoreError(
        t.open(),
        'newer-schema',
        literally(t.backend.where()),
        new RegExp(`version ${SCHEMA_VERSION + 1}\\b`),
        new RegExp(`up to ${SCHEMA_VERSION}\\b`),
        /upgrade the bot/,
      );
      assert.equal(await t.backend.version(), SCHEMA_VERSION + 1);
    });

    it('a corrupt JSON value gives a StoreError naming the table, the row and the column', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      await t.backend.raw('UPDATE alert_rules SET condition = ? WHERE id = ?', '{"op": "above", ', rule.id);
      const expected = [/alert_rules/, /id a1/, /condition/, /not valid JSON/];
      await assertStoreError(store.getAlertRule(rule.id), 'corrupt-row', ...expected);
      await assertStoreError(store.listAlertRules(SPACE), 'corrupt-row', ...expected);
      await assertStoreError(
        store.updateAlertRule(rule.id, SPACE, { muted: true }),
        'corrupt-row',
        ...expected,
      );
    });

    it('JSON of the wrong shape is reported the same way', async () => {
      const store = await t.open();
      const report = await store.createReport(reportInput());
      await t.backend.raw('UPDATE reports SET rooms = ? WHERE id = ?', '{"workspaceIds": 42}', report.id);
      await assertStoreError(store.getReport(report.id), 'corrupt-row', /reports/, /id r1/, /rooms/);
    });

    it('a database from before step 6 (no weekday / day_of_month) is migrated, its daily reports unchanged', async () => {
      const first = await t.open();
      const daily = await first.createReport(reportInput({ days: 'daily' }));
      await first.close();
      // Back to version 5 as it was: the reports table without the two columns.
      await t.backend.raw('ALTER TABLE reports DROP COLUMN weekday');
      await t.backend.raw('ALTER TABLE reports DROP COLUMN day_of_month');
      await t.backend.setVersion(SCHEMA_VERSION - 1);
      const reopened = await t.open();
      assert.equal(await t.backend.version(), SCHEMA_VERSION);
      assert.deepEqual(await reopened.listReports(SPACE), [daily]);
      const weekly = await reopened.createReport(reportInput({ days: 'weekly', weekday: 3 }));
      assert.equal((await reopened.getReport(weekly.id))?.weekday, 3);
    });

    it('a weekly report row that lost its weekday is reported, not posted on some default day', async () => {
      const store = await t.open();
      const report = await store.createReport(reportInput({ days: 'weekly', weekday: 5 }));
      await t.backend.raw('UPDATE reports SET weekday = NULL WHERE id = ?', report.id);
      await assertStoreError(store.getReport(report.id), 'corrupt-row', /reports/, /id r1/, /weekday/);
    });

    it('damaged working hours in space settings are reported with the table, row and column', async () => {
      const store = await t.open();
      await store.saveSpaceSettings(SPACE, { timeZone: 'UTC', unit: 'celsius' });
      await t.backend.raw(
        'UPDATE space_settings SET working_hours = ? WHERE room_id = ?',
        '{"days":[1],"start":"17:00","end":"08:00"}',
        SPACE,
      );
      await assertStoreError(
        store.getSpaceSettings(SPACE),
        'corrupt-row',
        /space_settings/,
        /room_id space-a/,
        /working_hours/,
      );
    });

    it('a flag that is neither 0 nor 1 is reported, not read as true', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      await t.backend.raw('UPDATE alert_rules SET muted = 7 WHERE id = ?', rule.id);
      await assertStoreError(store.getAlertRule(rule.id), 'corrupt-row', /alert_rules/, /muted/);
    });
  });
}
