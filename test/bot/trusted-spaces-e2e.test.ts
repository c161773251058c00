import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { Chat, HandlingWatch, startTestBot } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';
import { eventually } from '../support/framework-emulator';

const SAM = 'sam.guest@partner.example';

/** Room data stays inside the organisation: no answers, alerts or reports where an outsider reads. */
describe('trusted spaces: an outside guest in the space', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let watch: HandlingWatch;
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now, automation: false }));
    chat = new Chat(emulator, bot.me.id);
    watch = new HandlingWatch(bot);
  });
  after(async () => {
    await bot?.stop();
  });

  const botTexts = (roomId: string) =>
    [...emulator.context.store.messages.values()]
      .filter((m) => m.roomId === roomId && m.personId === bot.me.id)
      .map((m) => ({ text: m.markdown ?? m.text ?? '', card: Boolean(m.attachments?.length) }));
  const addSam = async (roomId: string) => {
    const added = await call(emulator, 'POST', '/memberships', {
      token: emulator.userTokens.ingrid,
      json: { roomId, personEmail: SAM },
    });
    assert.equal(added.status, 200);
    return (added.body as { id: string }).id;
  };

  it('refuses an allowed person asking where a guest is a member, with one line and no data', async () => {
    const roomId = await chat.groupSpace('ingrid', 'With a partner');
    await addSam(roomId);
    const id = await chat.post('ingrid', roomId, 'temperature in Room 4 last 6 hours');
    await watch.handled(id);
    const replies = botTexts(roomId);
    assert.equal(replies.length, 1);
    assert.match(replies[0]!.text, /outside the organisation/);
    assert.match(replies[0]!.text, /GUEST_POLICY=allow/);
    assert.equal(replies[0]!.card, false, 'no card, no numbers');
    assert.doesNotMatch(replies[0]!.text, /°C/);
  });

  it('takes no new alert in such a space', async () => {
    const roomId = await chat.groupSpace('ingrid', 'Partner project');
    await addSam(roomId);
    const id = await chat.post('ingrid', roomId, 'alert me when temperature in Room 4 goes above 30');
    await watch.handled(id);
    assert.equal((await bot.store.listAlertRules(roomId)).length, 0);
    assert.match(botTexts(roomId)[0]!.text, /outside the organisation/);
  });

  it('pauses a space’s alert rule while a guest is a member, and resumes it when they leave', async () => {
    const roomId = await chat.groupSpace('ingrid', 'Facilities, later with a guest');
    const set = await chat.ask('ingrid', roomId, 'alert me when tvoc in Room 4 goes above 4000');
    assert.match(set[0]!.markdown ?? '', /Alert a\d+ set/);
    const before = (await bot.alerts.pass()).calls;
    assert.ok(before >= 1, 'the rule is polled');

    const membership = await addSam(roomId);
    await eventually(
      () => (botTexts(roomId).some((r) => /paused/.test(r.text)) ? true : undefined),
      'the space to be told its alerts are paused',
      10_000,
    );
    assert.equal((await bot.alerts.pass()).calls, 0, 'a paused rule is not polled');

    const left = await call(emulator, 'DELETE', `/memberships/${membership}`, {
      token: emulator.userTokens.ingrid,
    });
    assert.equal(left.status, 204);
    await eventually(
      () => (botTexts(roomId).some((r) => /resume/.test(r.text)) ? true : undefined),
      'the space to be told its alerts resume',
      10_000,
    );
    assert.equal((await bot.alerts.pass()).calls, before, 'polled again');
  });
});
