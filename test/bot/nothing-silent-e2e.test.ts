import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import type { TrafficOptions } from '../../src/emulator/traffic-control';
import { Chat, HandlingWatch, startTestBot } from '../support/chat';
import { TestClock } from '../support/fake-clock';

const QUESTIONS = [
  'temperature in Room 4 last 6 hours',
  'humidity in Fjord today',
  'help',
  'list rooms',
  'how noisy was Boardroom yesterday?',
  'tvoc in Lab 2.1 last 24 hours',
  'compare temperature in Room 4 and Fjord yesterday',
  'list alerts',
  'people count in Huddle 3.2 today',
  'what is the weather like?',
];

/**
 * Webex failing under the bot: 5xx before a write, and writes carried out whose answer is lost
 * (502 after the write). Every question still gets exactly one reply, an answer or one line
 * saying why not: nothing silent, nothing doubled.
 */
describe('nothing silent: every question answered exactly once while Webex fails', function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let watch: HandlingWatch;
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    watch = new HandlingWatch(bot);
  });
  after(async () => {
    emulator.traffic.update({ faultRate: 0, faultAfterWriteRate: 0, appliesTo: undefined });
    await bot.stop();
  });
  afterEach(() => emulator.traffic.update({ faultRate: 0, faultAfterWriteRate: 0, appliesTo: undefined }));

  const botMessagesIn = (roomId: string) =>
    [...emulator.context.store.messages.values()].filter(
      (m) => m.roomId === roomId && m.personId === bot.me.id,
    );

  const cases: [string, Partial<TrafficOptions>][] = [
    ['5xx on 30 % of the bot’s calls (--fault-rate 0.3)', { faultRate: 0.3 }],
    [
      '30 % of the bot’s writes carried out but answered 502 (--fault-after-write-rate 0.3)',
      { faultAfterWriteRate: 0.3 },
    ],
  ];
  for (const [name, faults] of cases) {
    it(`answers 100 questions exactly once with ${name}`, async () => {
      const spaces = await Promise.all(
        Array.from({ length: 10 }, (_, i) => chat.groupSpace('ingrid', `Faults ${i}`)),
      );
      // Only the bot's token is hit: people's own posts always get through.
      emulator.traffic.update({ ...faults, appliesTo: [emulator.botToken], seed: 11 });
      const replies: { question: string; count: number; texts: string[] }[] = [];
      await Promise.all(
        spaces.map(async (roomId, s) => {
          for (let q = 0; q < 10; q++) {
            const question = QUESTIONS[(s + q) % QUESTIONS.length]!;
            const before = new Set(botMessagesIn(roomId).map((m) => m.id));
            const id = await chat.post('ingrid', roomId, question);
            await watch.handled(id, 90_000);
            const fresh = botMessagesIn(roomId).filter((m) => !before.has(m.id));
            replies.push({
              question,
              count: fresh.length,
              texts: fresh.map((m) => m.markdown ?? m.text ?? ''),
            });
          }
        }),
      );
      emulator.traffic.update({ faultRate: 0, faultAfterWriteRate: 0, appliesTo: undefined });
      assert.equal(replies.length, 100);
      const wrong = replies.filter((r) => r.count !== 1);
      assert.deepEqual(
        wrong.map(
          (r) => `${r.question}: ${r.count} replies ${JSON.stringify(r.texts.map((t) => t.slice(0, 60)))}`,
        ),
        [],
        'each question has exactly one reply',
      );
      const lines = replies.filter((r) => /could not answer|not answering/i.test(r.texts[0] ?? '')).length;
      console.log(`      ${name}: 100 questions, 100 replies, ${lines} of them a failure line`);
    });
  }
});
