import assert from 'node:assert/strict';
import type { AlertState, SpaceSettings } from '../../../src/model';
import {
  assertStoreError,
  NOW,
  OTHER_SPACE,
  reportInput,
  ruleInput,
  SPACE,
  type StoreTest,
  state,
} from './harness';

/** Settings, reports, alert rules and their states: what people create, kept and scoped. */
export function describeEntities(t: StoreTest): void {
  describe('durability', () => {
    it('keeps everything across closing and reopening', async () => {
      const first = await t.open();
      await first.saveSpaceSettings(SPACE, { timeZone: 'Europe/Oslo', unit: 'fahrenheit' });
      const report = await first.createReport(reportInput({ rooms: { workspaceIds: ['ws-9'] } }));
      const rule = await first.createAlertRule(ruleInput({ quietHours: { from: '22:00', to: '07:00' } }));
      const firing = state(rule.id, 'ws-1', {
        status: 'firing',
        conditionSince: 1,
        firedAt: 2,
        firedValue: 27.5,
        lastValue: 27.25,
        lastReadingAt: NOW,
        lastNotifiedAt: 4,
        alertMessageId: 'msg-1',
        acknowledgedBy: 'ada@example.com',
        acknowledgedAt: 5,
        snoozedUntil: 6,
        falseAlarm: false,
      });
      await first.saveAlertState(firing);
      await first.claimPost('report:r1:2026-11-30T08:00', 10, 'daily report');
      await first.completePost('report:r1:2026-11-30T08:00', 'msg-2');
      await first.setValue('directory:etag', 'abc');
      await first.setMemo('memo:1', 'remembered', NOW + 60_000);
      await first.heartbeat('boot-a', NOW, 'http://bot-a');
      await first.close();

      const second = await t.open();
      assert.deepEqual(await second.getSpaceSettings(SPACE), { timeZone: 'Europe/Oslo', unit: 'fahrenheit' });
      assert.deepEqual(await second.getReport(report.id), report);
      assert.deepEqual(await second.listReports(), [report]);
      assert.deepEqual(await second.getAlertRule(rule.id), rule);
      assert.deepEqual(await second.getAlertState(rule.id, 'ws-1'), firing);
      assert.deepEqual(await second.getPost('report:r1:2026-11-30T08:00'), {
        key: 'report:r1:2026-11-30T08:00',
        claimedAt: 10,
        messageId: 'msg-2',
        info: 'daily report',
      });
      assert.equal(await second.getValue('directory:etag'), 'abc');
      assert.equal(await second.getMemo('memo:1', NOW), 'remembered');
      assert.deepEqual(await second.liveProcesses(NOW), [{ boot: 'boot-a', at: NOW, info: 'http://bot-a' }]);
    });
  });

  describe('ids', () => {
    it('hands out r1, r2, … and a1, a2, … and never reuses one, even after deleting the newest', async () => {
      const store = await t.open();
      assert.equal((await store.createReport(reportInput())).id, 'r1');
      assert.equal((await store.createReport(reportInput())).id, 'r2');
      assert.equal((await store.createAlertRule(ruleInput())).id, 'a1');
      assert.ok(await store.deleteReport('r2', SPACE));
      assert.equal((await store.createReport(reportInput())).id, 'r3');
      assert.ok(await store.deleteReport('r3', SPACE));
      assert.ok(await store.deleteAlertRule('a1', SPACE));
      await store.close();

      const reopened = await t.open();
      assert.equal((await reopened.createReport(reportInput())).id, 'r4');
      assert.equal((await reopened.createAlertRule(ruleInput())).id, 'a2');
      assert.deepEqual(
        (await reopened.listReports()).map((r) => r.id),
        ['r1', 'r4'],
      );
    });

    it('lists oldest first by number (r2 before r10), and per space', async () => {
      const store = await t.open();
      for (let i = 1; i <= 10; i++) {
        await store.createReport(reportInput({ roomId: i % 2 ? SPACE : OTHER_SPACE }));
      }
      assert.deepEqual(
        (await store.listReports(OTHER_SPACE)).map((r) => r.id),
        ['r2', 'r4', 'r6', 'r8', 'r10'],
      );
      assert.equal((await store.listReports()).at(-1)?.id, 'r10');
      assert.deepEqual(await store.listReports('nobody'), []);
    });

    it('refuses invalid input without using up an id', async () => {
      const store = await t.open();
      await assertStoreError(store.createReport(reportInput({ time: '8:00' })), 'invalid-input', /time/);
      await assertStoreError(store.createAlertRule(ruleInput({ holdMs: -1 })), 'invalid-input', /holdMs/);
      await assertStoreError(
        store.saveSpaceSettings(SPACE, { timeZone: '', unit: 'celsius' }),
        'invalid-input',
      );
      assert.equal((await store.createReport(reportInput())).id, 'r1');
      assert.equal((await store.createAlertRule(ruleInput())).id, 'a1');
    });
  });

  describe('weekly and monthly reports', () => {
    it('keep their weekday or day of the month across reopening; weekday ones gain neither', async () => {
      const first = await t.open();
      const weekly = await first.createReport(reportInput({ days: 'weekly', weekday: 1 }));
      const monthly = await first.createReport(
        reportInput({ days: 'monthly', dayOfMonth: 31, time: '09:00' }),
      );
      const daily = await first.createReport(reportInput());
      await first.close();
      const second = await t.open();
      assert.deepEqual(await second.listReports(SPACE), [weekly, monthly, daily]);
      assert.equal((await second.getReport(weekly.id))?.weekday, 1);
      assert.equal((await second.getReport(monthly.id))?.dayOfMonth, 31);
      const read = await second.getReport(daily.id);
      assert.equal(read?.days, 'weekdays');
      assert.ok(read && !('weekday' in read) && !('dayOfMonth' in read));
    });

    it('refuse a weekly report without its weekday, or a day of the month past 31, using up no id', async () => {
      const store = await t.open();
      await assertStoreError(store.createReport(reportInput({ days: 'weekly' })), 'invalid-input', /weekday/);
      await assertStoreError(
        store.createReport(reportInput({ days: 'monthly', dayOfMonth: 32 })),
        'invalid-input',
        /dayOfMonth/,
      );
      assert.equal((await store.createReport(reportInput())).id, 'r1');
    });
  });

  describe('space scoping', () => {
    it('does not delete another space’s report', async () => {
      const store = await t.open();
      const report = await store.createReport(reportInput());
      assert.equal(await store.deleteReport(report.id, OTHER_SPACE), false);
      assert.deepEqual(await store.getReport(report.id), report);
      assert.equal(await store.deleteReport('r99', SPACE), false);
      assert.equal(await store.deleteReport(report.id, SPACE), true);
      assert.equal(await store.getReport(report.id), undefined);
    });

    it('does not update or delete another space’s alert rule, nor its states', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      await store.saveAlertState(state(rule.id, 'ws-1'));
      assert.equal(await store.updateAlertRule(rule.id, OTHER_SPACE, { muted: true }), undefined);
      assert.equal(await store.deleteAlertRule(rule.id, OTHER_SPACE), false);
      assert.deepEqual(await store.getAlertRule(rule.id), rule);
      assert.equal((await store.listAlertStates(rule.id)).length, 1);
      assert.equal(await store.updateAlertRule('a99', SPACE, { muted: true }), undefined);
    });
  });

  describe('alert rules', () => {
    it('updates the given fields, clears quiet hours with undefined, and keeps id, space and creator', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput({ quietHours: { from: '22:00', to: '07:00' } }));
      const patch = {
        muted: true,
        condition: { op: 'outside' as const, low: 19, high: 24 },
        roomId: 'x',
        id: 'y',
      };
      const updated = await store.updateAlertRule(rule.id, SPACE, patch);
      assert.deepEqual(updated, { ...rule, muted: true, condition: { op: 'outside', low: 19, high: 24 } });
      assert.deepEqual(await store.getAlertRule(rule.id), updated);

      const cleared = await store.updateAlertRule(rule.id, SPACE, { quietHours: undefined, holdMs: 0 });
      assert.equal(cleared?.quietHours, undefined);
      assert.ok(cleared && !('quietHours' in cleared));
      assert.deepEqual(await store.getAlertRule(rule.id), cleared);
    });

    it('keeps "unusual" and "quiet" conditions, the widening after false alarms inside the JSON', async () => {
      const store = await t.open();
      const unusual = await store.createAlertRule(ruleInput({ condition: { op: 'unusual' } }));
      const widened = { op: 'unusual' as const, widen: 1.5, falseAlarms: 1 };
      assert.deepEqual(
        (await store.updateAlertRule(unusual.id, SPACE, { condition: widened }))?.condition,
        widened,
      );
      assert.deepEqual((await store.getAlertRule(unusual.id))?.condition, widened);
      const quiet = await store.createAlertRule(
        ruleInput({ metric: 'ambientNoise', holdMs: 0, condition: { op: 'quiet', afterMs: 7_200_000 } }),
      );
      assert.deepEqual((await store.getAlertRule(quiet.id))?.condition, { op: 'quiet', afterMs: 7_200_000 });
    });

    it('refuses an invalid update and keeps the rule as it was', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      await assertStoreError(
        store.updateAlertRule(rule.id, SPACE, { holdMs: -1 }),
        'invalid-input',
        /holdMs/,
      );
      assert.deepEqual(await store.getAlertRule(rule.id), rule);
    });

    it('deleting a rule deletes its states and no others', async () => {
      const store = await t.open();
      const doomed = await store.createAlertRule(ruleInput());
      const kept = await store.createAlertRule(ruleInput());
      await store.saveAlertStates([
        state(doomed.id, 'ws-1'),
        state(doomed.id, 'ws-2'),
        state(kept.id, 'ws-1'),
      ]);
      assert.ok(await store.deleteAlertRule(doomed.id, SPACE));
      assert.deepEqual(await store.listAlertStates(), [state(kept.id, 'ws-1')]);
      assert.equal(await store.getAlertState(doomed.id, 'ws-1'), undefined);
    });
  });

  describe('alert state', () => {
    it('upserts: a saved state replaces the previous one, fields left out are gone', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      await store.saveAlertState(
        state(rule.id, 'ws-1', { status: 'firing', firedAt: 5, alertMessageId: 'm' }),
      );
      const resolved = state(rule.id, 'ws-1', { lastValue: 21, lastReadingAt: 9 });
      assert.equal(await store.saveAlertState(resolved), true);
      assert.deepEqual(await store.getAlertState(rule.id, 'ws-1'), resolved);
    });

    it('saves nothing for a rule deleted in the meantime, and keeps the other states', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      const gone = await store.createAlertRule(ruleInput());
      await store.deleteAlertRule(gone.id, SPACE);
      assert.equal(await store.saveAlertState(state(gone.id, 'ws-1')), false);
      assert.equal(await store.saveAlertStates([state(rule.id, 'ws-1'), state(gone.id, 'ws-1')]), 1);
      assert.deepEqual(await store.listAlertStates(), [state(rule.id, 'ws-1')]);
      assert.equal(await store.saveAlertStates([]), 0);
    });

    it('saves a batch all or nothing', async () => {
      const store = await t.open();
      const rule = await store.createAlertRule(ruleInput());
      const broken = { ...state(rule.id, 'ws-2'), status: 'exploded' } as unknown as AlertState;
      await assertStoreError(
        store.saveAlertStates([state(rule.id, 'ws-1'), broken]),
        'invalid-input',
        /status/,
      );
      assert.deepEqual(await store.listAlertStates(), []);
    });

    it('lists states by rule number, then workspace (by code point)', async () => {
      const store = await t.open();
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await store.createAlertRule(ruleInput())).id);
      await store.saveAlertStates([
        state('a10', 'ws-1'),
        state('a2', 'ws-b'),
        state('a2', 'ws-a'),
        state('a2', 'ws-C'),
      ]);
      assert.equal(ids.at(-1), 'a10');
      assert.deepEqual(
        (await store.listAlertStates()).map((s) => `${s.ruleId}/${s.workspaceId}`),
        ['a2/ws-C', 'a2/ws-a', 'a2/ws-b', 'a10/ws-1'],
      );
      assert.deepEqual(
        (await store.listAlertStates('a2')).map((s) => s.workspaceId),
        ['ws-C', 'ws-a', 'ws-b'],
      );
    });
  });

  describe('settings and values', () => {
    it('space settings are undefined until saved, then replaced', async () => {
      const store = await t.open();
      assert.equal(await store.getSpaceSettings(SPACE), undefined);
      await store.saveSpaceSettings(SPACE, { timeZone: 'UTC', unit: 'celsius' });
      await store.saveSpaceSettings(SPACE, { timeZone: 'America/New_York', unit: 'fahrenheit' });
      assert.deepEqual(await store.getSpaceSettings(SPACE), {
        timeZone: 'America/New_York',
        unit: 'fahrenheit',
      });
      assert.equal(await store.getSpaceSettings(OTHER_SPACE), undefined);
    });

    it('working hours and own comfort bands round-trip, and are cleared when left out', async () => {
      const store = await t.open();
      const settings: SpaceSettings = {
        timeZone: 'Europe/Oslo',
        unit: 'celsius',
        workingHours: { days: [1, 2, 3, 4], start: '07:30', end: '16:30' },
        comfortBands: { humidity: { low: 25, high: 60 }, temperature: { low: 19, high: 23 } },
      };
      await store.saveSpaceSettings(SPACE, settings);
      assert.deepEqual(await store.getSpaceSettings(SPACE), settings);
      await store.saveSpaceSettings(SPACE, { timeZone: 'Europe/Oslo', unit: 'celsius' });
      assert.deepEqual(await store.getSpaceSettings(SPACE), { timeZone: 'Europe/Oslo', unit: 'celsius' });
    });

    it('refuses working hours that end before they start and bands upside down, saving nothing', async () => {
      const store = await t.open();
      await assertStoreError(
        store.saveSpaceSettings(SPACE, {
          timeZone: 'UTC',
          unit: 'celsius',
          workingHours: { days: [1], start: '17:00', end: '08:00' },
        }),
        'invalid-input',
        /must end after they start/,
      );
      await assertStoreError(
        store.saveSpaceSettings(SPACE, {
          timeZone: 'UTC',
          unit: 'celsius',
          comfortBands: { humidity: { low: 60, high: 25 } },
        }),
        'invalid-input',
        /comfortBands/,
      );
      assert.equal(await store.getSpaceSettings(SPACE), undefined);
    });

    it('values are set and overwritten', async () => {
      const store = await t.open();
      assert.equal(await store.getValue('k'), undefined);
      await store.setValue('k', '1');
      await store.setValue('k', '2');
      assert.equal(await store.getValue('k'), '2');
    });
  });
}
