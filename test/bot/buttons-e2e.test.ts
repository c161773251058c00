import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { buttonData, cardTexts } from '../support/card-text';
import { Chat, HandlingWatch, startTestBot } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const shown = (m: StoredMessage) => (m.attachments ? cardTexts(m) : (m.markdown ?? m.text ?? ''));

describe('buttons answer their own card, for whoever presses them', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let watch: HandlingWatch;
  let room: string;
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    watch = new HandlingWatch(bot);
  });
  beforeEach(async () => {
    room = await chat.groupSpace('ingrid', 'Buttons');
    await call(emulator, 'POST', '/memberships', {
      token: emulator.userTokens.ingrid,
      json: { roomId: room, personEmail: 'ola.nordmann@nordlys.example' },
    });
  });
  after(async () => {
    await bot?.stop();
  });

  it('"Last 7 days" on an older card answers that card, also when someone else presses it', async () => {
    const [older] = await chat.ask('ingrid', room, 'ambient noise in Boardroom last 24 hours');
    assert.match(shown(older!), /Boardroom · ambient noise/);
    // A later question of Ingrid's: the older card's button must not answer this one.
    const [later] = await chat.ask('ingrid', room, 'humidity in Fjord yesterday');
    assert.match(shown(later!), /Fjord/);
    const week = buttonData(older!, 'Last 7 days');
    assert.equal(week.kind, 'rerun', 'the button carries its request');

    const [mine] = await chat.press('ingrid', older!, week);
    const texts = shown(mine!);
    assert.match(texts, /Boardroom · ambient noise · last 7 d/, texts);
    assert.doesNotMatch(texts, /humidity|Fjord/);

    // Ola never asked anything here: the button still answers the card's question.
    const [his] = await chat.press('ola', older!, week);
    assert.doesNotMatch(shown(his!), /didn't understand/);
    assert.match(shown(his!), /Boardroom · ambient noise · last 7 d/);
  });

  it('an ask-back option completes the request that asked back, not the latest one', async () => {
    const [question] = await chat.ask('ingrid', room, 'humidity yesterday');
    assert.match(shown(question!), /Which room/);
    const [other] = await chat.ask('ingrid', room, 'temperature in Boardroom last 24 hours');
    assert.match(shown(other!), /temperature/);
    const fjord = buttonData(question!, 'Fjord');
    assert.equal(fjord.kind, 'choose');
    const [answer] = await chat.press('ola', question!, fjord);
    assert.match(shown(answer!), /Fjord · humidity/);
  });

  it('a destructive button asks first: Keep changes nothing, Confirm acts and names who, a second Confirm says it is gone', async () => {
    const [set] = await chat.ask('ingrid', room, 'alert me when tvoc in Fjord goes above 500');
    const id = /Alert (a\d+) set/.exec(shown(set!))![1]!;
    const [list] = await chat.ask('ingrid', room, 'list alerts');

    // Ola presses Delete on Ingrid's rule: a question naming the rule and who set it up.
    const [asked] = await chat.press('ola', list!, buttonData(list!, `Delete ${id}`));
    assert.match(shown(asked!), new RegExp(`Delete alert ${id}\\?`));
    assert.match(
      shown(asked!),
      /Air quality \(TVOC\) above 500 ppb in Fjord, for 10 min, set up by Ingrid Berg/,
    );
    assert.ok(await bot.store.getAlertRule(id), 'nothing deleted by the first press');

    const [kept] = await chat.press('ola', asked!, buttonData(asked!, 'Keep it'));
    assert.match(shown(kept!), new RegExp(`Kept alert \\*\\*${id}\\*\\*; nothing was deleted`));
    assert.ok(await bot.store.getAlertRule(id), 'Keep changes nothing');

    const confirm = buttonData(asked!, `Delete ${id}`);
    const [deleted] = await chat.press('ola', asked!, confirm);
    assert.match(shown(deleted!), new RegExp(`Alert \\*\\*${id}\\*\\* deleted by Ola Nordmann`));
    assert.doesNotMatch(shown(deleted!), /@/, 'named by display name, not email');
    assert.equal(await bot.store.getAlertRule(id), undefined);

    const [again] = await chat.press('ingrid', asked!, confirm);
    assert.match(shown(again!), new RegExp(`Alert \\*\\*${id}\\*\\* is already gone from this space`));
  });

  it("cancelling a report and muting someone else's alert ask first too", async () => {
    const [scheduled] = await chat.ask('ingrid', room, 'daily report for Room 4 at 8:00');
    const reportId = /Report (r\d+) scheduled/.exec(shown(scheduled!))![1]!;
    const [asked] = await chat.press('ola', scheduled!, buttonData(scheduled!, `Cancel ${reportId}`));
    assert.match(shown(asked!), new RegExp(`Cancel report ${reportId}\\?`));
    assert.match(shown(asked!), /Daily at 08:00 for Room 4, set up by Ingrid Berg/);
    assert.ok(await bot.store.getReport(reportId), 'not cancelled by the first press');
    const [cancelled] = await chat.press('ola', asked!, buttonData(asked!, `Cancel ${reportId}`));
    assert.match(shown(cancelled!), new RegExp(`Report \\*\\*${reportId}\\*\\* cancelled by Ola Nordmann`));
    assert.equal(await bot.store.getReport(reportId), undefined);

    const [set] = await chat.ask('ingrid', room, 'alert me when humidity in Fjord goes above 70');
    const id = /Alert (a\d+) set/.exec(shown(set!))![1]!;
    const [muteAsked] = await chat.ask('ola', room, `mute alert ${id}`);
    assert.match(shown(muteAsked!), new RegExp(`Mute alert ${id}\\?`));
    assert.equal((await bot.store.getAlertRule(id))?.muted, false, 'not muted before it is confirmed');
    const [muted] = await chat.press('ola', muteAsked!, buttonData(muteAsked!, `Mute ${id}`));
    assert.match(shown(muted!), new RegExp(`Alert \\*\\*${id}\\*\\* muted by Ola Nordmann`));
    assert.equal((await bot.store.getAlertRule(id))?.muted, true);
  });

  it('a refused "tomorrow" request is not context for the next question', async () => {
    const [refused] = await chat.ask('ingrid', room, 'temperature in room 4 tomorrow');
    assert.match(shown(refused!), /still ahead/);
    const id = await chat.post('ingrid', room, "what's the temperature?");
    await watch.handled(id);
    const replies = chat.botMessagesAfter(room, refused!.created).filter((m) => m.id !== refused!.id);
    assert.equal(replies.length, 1, 'one answer');
    const texts = shown(replies[0]!);
    assert.doesNotMatch(texts, /Room 4/, texts);
    assert.doesNotMatch(texts, /still ahead|tomorrow/i, texts);
    assert.match(texts, /Which room/, 'it asks back (nothing to continue)');
  });
});
