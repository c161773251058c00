/**
 * Removing or silencing shared things asks first: deleting alerts, cancelling reports (by words or
 * by button), muting a rule someone else set up. Confirm acts only on what still exists in this
 * space; Keep changes nothing; results name people by display name.
 */
import assert from 'node:assert/strict';
import type { AdaptiveCardJson } from '../../src/cards';
import { automationAction } from '../../src/handlers/automation-actions';
import { cancelReport } from '../../src/handlers/cancel-report';
import { deleteAlert } from '../../src/handlers/delete-alert';
import type { Reply } from '../../src/handlers/types';
import type { AlertRule, ReportSubscription } from '../../src/model';
import { actionInputsSchema, type ConfirmInputs } from '../../src/model/card-actions';
import type { Store } from '../../src/store';
import { assertValidMessage } from '../cards/card-checks';
import { BOARDROOM, FJORD, fakeContext, NOW, SPACE_ROOM_ID } from './fake-context';

const OTHER_SPACE = 'space-2';
const ADA = { personId: 'person-1', email: 'ada@example.test' };
const GRACE = { personId: 'person-2', email: 'grace@example.test' };

const one = (reply: Reply | Reply[]): Reply => {
  assert.ok(!Array.isArray(reply), 'one message');
  return reply;
};

async function addRule(
  store: Store,
  overrides: Partial<Omit<AlertRule, 'id'>> = {},
  roomId = SPACE_ROOM_ID,
): Promise<AlertRule> {
  return await store.createAlertRule({
    roomId,
    metric: 'tvoc',
    rooms: { workspaceIds: [FJORD.id] },
    condition: { op: 'above', value: 500 },
    holdMs: 10 * 60_000,
    hysteresis: 50,
    renotifyMs: 4 * 3_600_000,
    muted: false,
    createdBy: ADA,
    createdAt: NOW - 3_600_000,
    ...overrides,
  });
}

async function addReport(store: Store, createdBy = ADA, roomId = SPACE_ROOM_ID): Promise<ReportSubscription> {
  return await store.createReport({
    roomId,
    rooms: { workspaceIds: [FJORD.id, BOARDROOM.id] },
    time: '08:00',
    days: 'daily',
    createdBy,
    createdAt: NOW - 3_600_000,
  });
}

/** The confirmation's two buttons, validated as the bot validates a press. */
function answers(reply: Reply): { confirm: ConfirmInputs; keep: ConfirmInputs; titles: string[] } {
  assert.ok(reply.card, `a confirmation card: ${reply.markdown}`);
  const card = assertValidMessage({ card: reply.card as AdaptiveCardJson, markdown: reply.markdown });
  const actions = card.actions ?? [];
  const parsed = actions.map((a) => {
    assert.equal(a.type, 'Action.Submit');
    const inputs = actionInputsSchema.parse((a as { data: unknown }).data);
    assert.equal(inputs.kind, 'confirm');
    return inputs as ConfirmInputs;
  });
  const confirm = parsed.find((p) => p.answer === 'confirm');
  const keep = parsed.find((p) => p.answer === 'keep');
  assert.ok(confirm && keep, 'Confirm and Keep');
  return { confirm, keep, titles: actions.map((a) => a.title) };
}

const press = async (fake: ReturnType<typeof fakeContext>, inputs: ConfirmInputs) => {
  const replies = await automationAction(fake.ctx, inputs);
  assert.equal(replies.length, 1);
  return replies[0]!.markdown;
};

describe('handlers: shared actions ask first', () => {
  it('"delete alert a1" names the rule and its creator; Keep keeps it; Confirm deletes it and names who', async () => {
    const fake = fakeContext({ request: { intent: 'alert.delete' }, text: 'delete alert a1' });
    await addRule(fake.store, { createdBy: GRACE });
    const asked = one(await deleteAlert(fake.ctx));
    assert.equal(
      asked.markdown.split('\n').slice(0, 2).join('\n'),
      '**Delete alert a1?**\n- a1 · Air quality (TVOC) above 500 ppb in Fjord, for 10 min, set up by Grace Hopper',
    );
    const { confirm, keep, titles } = answers(asked);
    assert.deepEqual(titles, ['Delete a1', 'Keep it']);
    assert.deepEqual(confirm.action, { op: 'delete-alerts', ruleIds: ['a1'] });

    assert.equal(await press(fake, keep), 'Kept alert **a1**; nothing was deleted.');
    assert.equal((await fake.store.listAlertRules()).length, 1);

    assert.equal(
      await press(fake, confirm),
      'Alert **a1** deleted by Ada Lovelace: Air quality (TVOC) above 500 ppb in Fjord, for 10 min.',
    );
    assert.deepEqual(await fake.store.listAlertRules(), []);
    // Pressed again (or by a second person): it says so and changes nothing; Keep too.
    for (const answer of [confirm, keep]) {
      assert.equal(
        await press(fake, answer),
        'Alert **a1** is already gone from this space; nothing was changed.',
      );
    }
  });

  it('"delete all alerts" carries exactly the rules it listed: a rule set up later is not deleted', async () => {
    const fake = fakeContext({ request: { intent: 'alert.delete' }, text: 'delete all alerts' });
    await addRule(fake.store);
    await addRule(fake.store, {
      metric: 'temperature',
      condition: { op: 'below', value: 18 },
      createdBy: GRACE,
    });
    await addRule(fake.store, {}, OTHER_SPACE);
    const asked = one(await deleteAlert(fake.ctx));
    assert.ok(asked.markdown.startsWith('**Delete all 2 alerts of this space?**'), asked.markdown);
    assert.match(asked.markdown, /- a1 · .* set up by Ada Lovelace/);
    assert.match(
      asked.markdown,
      /- a2 · Temperature below 18\.0 °C in Fjord, for 10 min, set up by Grace Hopper/,
    );
    const { confirm, titles } = answers(asked);
    assert.deepEqual(titles, ['Delete 2 alerts', 'Keep them']);
    assert.deepEqual(confirm.action, { op: 'delete-alerts', ruleIds: ['a1', 'a2'] });

    const later = await addRule(fake.store);
    await fake.store.deleteAlertRule('a2', SPACE_ROOM_ID);
    assert.equal(
      await press(fake, confirm),
      'Alert **a1** deleted by Ada Lovelace: Air quality (TVOC) above 500 ppb in Fjord, for 10 min. **a2** was already gone.',
    );
    assert.deepEqual(
      (await fake.store.listAlertRules(SPACE_ROOM_ID)).map((r) => r.id),
      [later.id],
    );
    assert.equal((await fake.store.listAlertRules(OTHER_SPACE)).length, 1, "another space's rule stays");
  });

  it("a confirmation forged for another space's rule or report changes nothing", async () => {
    const fake = fakeContext();
    const rule = await addRule(fake.store, {}, OTHER_SPACE);
    const report = await addReport(fake.store, ADA, OTHER_SPACE);
    const forged = (action: ConfirmInputs['action']): ConfirmInputs => ({
      kind: 'confirm',
      answer: 'confirm',
      action,
    });
    assert.equal(
      await press(fake, forged({ op: 'delete-alerts', ruleIds: [rule.id] })),
      'Alert **a1** is already gone from this space; nothing was changed.',
    );
    assert.equal(
      await press(fake, forged({ op: 'mute-alert', ruleId: rule.id })),
      'Alert **a1** is already gone from this space; nothing was changed.',
    );
    assert.equal(
      await press(fake, forged({ op: 'cancel-reports', reportIds: [report.id] })),
      'Report **r1** is already gone from this space; nothing was changed.',
    );
    assert.equal((await fake.store.listAlertRules(OTHER_SPACE))[0]?.muted, false);
    assert.equal((await fake.store.listReports(OTHER_SPACE)).length, 1);
  });

  it('"mute alert a1": your own rule at once; one someone else set up asks first', async () => {
    const mine = fakeContext({ request: { intent: 'alert.delete' }, text: 'mute alert a1' });
    await addRule(mine.store);
    assert.equal(
      one(await deleteAlert(mine.ctx)).markdown,
      'Alert **a1** muted by Ada Lovelace: it keeps watching but posts nothing. Say **unmute alert a1** to hear from it again.',
    );
    assert.equal((await mine.store.getAlertRule('a1'))?.muted, true);

    const theirs = fakeContext({ request: { intent: 'alert.delete' }, text: 'mute alert a1' });
    await addRule(theirs.store, { createdBy: GRACE });
    const asked = one(await deleteAlert(theirs.ctx));
    assert.ok(asked.markdown.startsWith('**Mute alert a1?**\n- a1 · Air quality (TVOC)'), asked.markdown);
    assert.match(asked.markdown, /set up by Grace Hopper/);
    assert.equal((await theirs.store.getAlertRule('a1'))?.muted, false, 'not muted yet');
    const { confirm, keep, titles } = answers(asked);
    assert.deepEqual(titles, ['Mute a1', 'Keep it on']);
    assert.equal(await press(theirs, keep), 'Kept alert **a1** on; it still posts here.');
    assert.equal((await theirs.store.getAlertRule('a1'))?.muted, false);
    assert.match(await press(theirs, confirm), /^Alert \*\*a1\*\* muted by Ada Lovelace/);
    assert.equal((await theirs.store.getAlertRule('a1'))?.muted, true);
    assert.equal(await press(theirs, confirm), 'Alert **a1** is already muted; nothing was changed.');
    // Unmuting takes nothing away: at once.
    const unmute = fakeContext({
      store: theirs.store,
      request: { intent: 'alert.delete' },
      text: 'unmute alert a1',
    });
    assert.equal(
      one(await deleteAlert(unmute.ctx)).markdown,
      'Alert **a1** unmuted by Ada Lovelace: it posts here again.',
    );
  });

  it("the alert card's Mute rule and the list's Delete button ask first too", async () => {
    const fake = fakeContext();
    await addRule(fake.store, { createdBy: GRACE });
    const [muteAsked] = await automationAction(fake.ctx, {
      kind: 'alert',
      op: 'mute',
      ruleId: 'a1',
      workspaceId: FJORD.id,
    });
    assert.ok(muteAsked!.markdown.startsWith('**Mute alert a1?**'), muteAsked!.markdown);
    const [deleteAsked] = await automationAction(fake.ctx, { kind: 'alert', op: 'delete', ruleId: 'a1' });
    assert.ok(deleteAsked!.markdown.startsWith('**Delete alert a1?**'), deleteAsked!.markdown);
    const rule = await fake.store.getAlertRule('a1');
    assert.equal(rule?.muted, false);
  });

  it("cancelling a report asks, by words or by the report card's button; Confirm cancels and names who", async () => {
    const fake = fakeContext({ request: { intent: 'report.cancel' }, text: 'cancel report r1' });
    await addReport(fake.store, GRACE);
    const asked = one(await cancelReport(fake.ctx));
    assert.ok(
      asked.markdown.startsWith(
        '**Cancel report r1?**\n- r1 · Daily at 08:00 for Fjord, Boardroom, set up by Grace Hopper',
      ),
      asked.markdown,
    );
    const [buttonAsked] = await automationAction(fake.ctx, { kind: 'report', op: 'cancel', reportId: 'r1' });
    assert.equal(buttonAsked!.markdown, asked.markdown, 'the button asks the same');
    const { confirm, keep } = answers(asked);
    assert.equal(await press(fake, keep), 'Kept report **r1**; nothing was cancelled.');
    assert.equal((await fake.store.listReports()).length, 1);
    assert.equal(
      await press(fake, confirm),
      'Report **r1** cancelled by Ada Lovelace: Daily at 08:00 for Fjord, Boardroom.',
    );
    assert.deepEqual(await fake.store.listReports(), []);
    assert.equal(
      await press(fake, confirm),
      'Report **r1** is already gone from this space; nothing was changed.',
    );
  });

  it('"cancel all reports" lists them; none says so', async () => {
    const none = fakeContext({ request: { intent: 'report.cancel' }, text: 'cancel all reports' });
    assert.equal(one(await cancelReport(none.ctx)).markdown, 'This space has no reports.');
    const fake = fakeContext({ request: { intent: 'report.cancel' }, text: 'cancel all reports' });
    await addReport(fake.store);
    await addReport(fake.store, GRACE);
    const asked = one(await cancelReport(fake.ctx));
    assert.ok(asked.markdown.startsWith('**Cancel all 2 reports of this space?**'), asked.markdown);
    const { confirm } = answers(asked);
    assert.equal(await press(fake, confirm), 'Ada Lovelace cancelled 2 reports: **r1** and **r2**.');
    assert.deepEqual(await fake.store.listReports(), []);
  });

  it('a person Webex cannot name is named by email', async () => {
    const fake = fakeContext({
      request: { intent: 'alert.delete' },
      text: 'delete alert a1',
      person: { id: 'person-9', email: 'ola@example.test' },
    });
    await addRule(fake.store);
    const { confirm } = answers(one(await deleteAlert(fake.ctx)));
    assert.match(await press(fake, confirm), /deleted by ola@example\.test:/);
  });
});
