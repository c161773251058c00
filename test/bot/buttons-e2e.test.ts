import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { Chat, HandlingWatch, startTestBot } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

interface CardBody {
  type?: string;
  text?: string;
  facts?: { title: string; value: string }[];
  items?: CardBody[];
  columns?: CardBody[];
  body?: CardBody[];
}
interface Card extends CardBody {
  actions?: { type: string; title: string; data?: Record<string, unknown> }[];
}

const cardOf = (m: StoredMessage): Card => {
  const card = m.attachments?.[0]?.content;
  assert.ok(card, `the answer has a card: ${m.markdown ?? m.text}`);
  return card as unknown as Card;
};
const textsOf = (node: CardBody): string[] => [
  node.text ?? '',
  ...(node.facts ?? []).flatMap((f) => [f.title, f.value]),
  ...[...(node.body ?? []), ...(node.items ?? []), ...(node.columns ?? [])].flatMap(textsOf),
];
const shown = (m: StoredMessage) =>
  m.attachments ? textsOf(cardOf(m)).join('\n') : (m.markdown ?? m.text ?? '');
const button = (m: StoredMessage, title: string) => {
  const action = cardOf(m).actions?.find((a) => a.title === title);
  assert.ok(action?.data, `the card offers "${title}"`);
  return action.data;
};

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
    const week = button(older!, 'Last 7 days');
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
    const fjord = button(question!, 'Fjord');
    assert.equal(fjord.kind, 'choose');
    const [answer] = await chat.press('ola', question!, fjord);
    assert.match(shown(answer!), /Fjord · humidity/);
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
