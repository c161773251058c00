import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { cardTexts } from '../support/card-text';
import { Chat, type Chat as ChatType, startTestBot } from '../support/chat';
import { apiReadings as api } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const ZONE = 'Europe/Oslo';

describe('empty is not silent, a gap is a gap (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let room: string;
  const clock = new TestClock(ZONE);
  /** The most recent Tuesday wholly past (Lab 2.1's device is offline every Tuesday 09:00–11:00). */
  let tuesday: DateTime;
  const idOf = async (name: string) =>
    (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === name)!.id;
  const at = (hour: number, minute = 0) => tuesday.set({ hour, minute }).toMillis();

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    const today = DateTime.now().setZone(ZONE).startOf('day');
    tuesday = today.minus({ days: (today.weekday - 2 + 7) % 7 || 7 });
  });
  beforeEach(async () => {
    room = await chat.groupSpace('ingrid', 'Facilities');
  });
  afterEach(() => clock.release());
  after(async () => {
    await bot?.stop();
  });

  it('an empty room’s people count says Empty (the device reported noise, Webex sent no count)', async () => {
    clock.pin(at(5, 30));
    const [answer] = await chat.ask('ingrid', room, 'people count in Room 4 now');
    const texts = cardTexts(answer!);
    const id = await idOf('Room 4');
    // What Webex says about the hour asked: no people count, but the device reported.
    assert.deepEqual(await api(emulator, id, 'peopleCount', at(4, 30), at(5, 30)), []);
    assert.ok((await api(emulator, id, 'ambientNoise', at(4, 30), at(5, 30))).length > 0);
    assert.match(texts, /^Empty$/m, texts);
    assert.doesNotMatch(texts, /No data|No readings/, texts);
  });

  it('the gap room names its gap: No readings 09:00–11:00, as the API’s buckets show it', async () => {
    clock.pin(at(14));
    const [answer] = await chat.ask('ingrid', room, 'temperature in Lab 2.1 today');
    const texts = cardTexts(answer!);
    const buckets = await api(emulator, await idOf('Lab 2.1'), 'temperature', at(0), at(14), 'hourly');
    const hours = buckets.map((b) => DateTime.fromMillis(b.t, { zone: ZONE }).hour);
    assert.ok(hours.includes(8) && hours.includes(11), `readings either side: ${hours}`);
    assert.ok(!hours.includes(9) && !hours.includes(10), `none 09:00–11:00: ${hours}`);
    // The gap line names the local clock only: the card's title names the zone.
    assert.match(texts, /^No readings 09:00–11:00$/m, texts);
    assert.match(texts.split('\n')[0]!, /\(Europe\/Oslo\)$/);
  });

  it('asked during the gap: No readings since the last reading before it — sensor offline?', async () => {
    clock.pin(at(10, 30));
    const [answer] = await chat.ask('ingrid', room, 'temperature in Lab 2.1 now');
    const texts = cardTexts(answer!);
    const id = await idOf('Lab 2.1');
    assert.deepEqual(await api(emulator, id, 'temperature', at(9, 30), at(10, 30)), []);
    const before = await api(emulator, id, 'temperature', at(9, 30) - 48 * 3_600_000, at(9, 30));
    const last = DateTime.fromMillis(before.at(-1)!.t, { zone: ZONE }).toFormat('HH:mm');
    assert.equal(last, '08:55');
    assert.match(texts, new RegExp(`No readings since ${last} — sensor offline\\?`), texts);
  });
});
