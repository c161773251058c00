/**
 * "Which sensors are offline?" end to end: the real bot against the emulator, with the clock pinned
 * on Thu 3 Dec 2026 14:00 Oslo — two days after Focus Booth 1's device died, four days after
 * Ulriken's impossible reading, with two Tuesdays of Lab 2.1's maintenance gap in the look-back.
 * Every time and value the card names is checked against the API's own answers.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { cardTexts } from '../support/card-text';
import { Chat, type Chat as ChatType, startTestBot } from '../support/chat';
import { apiReadings as api } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-03T14:00:00+01:00');

describe('sensor health (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let space: string;
  const clock = new TestClock(ZONE);
  const idOf = async (name: string) =>
    (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === name)!.id;
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    space = await chat.groupSpace('ingrid', 'Facilities');
    clock.pin(NOW);
  });
  after(async () => {
    clock.release();
    await bot?.stop();
  });

  it('"sensor health on floor 2": one card, worst first, times and values as the API has them', async () => {
    // 5 rooms × (16 days of noise + 7 days of each other sensor, hourly): a progress line, then the card.
    const [progress, answer] = await chat.ask('ingrid', space, 'sensor health on floor 2', 2, 30_000);
    assert.match(progress!.markdown ?? '', /^Reading 5 rooms \(\d+ Webex calls\)/);
    const texts = cardTexts(answer!);
    const lines = texts.split('\n');
    assert.equal(lines[0], 'Sensor health · floor 2 · 5 rooms (Europe/Oslo)');
    assert.equal(texts.match(/Europe\/Oslo/g)?.length, 1, 'the zone is named once');

    // Focus Booth 1: its last reading on 1 Dec as the API has it, and nothing from either sensor since.
    const booth = await idOf('Focus Booth 1');
    const dayStart = Date.parse('2026-12-01T00:00:00+01:00');
    const last = (await api(emulator, booth, 'ambientNoise', dayStart, dayStart + 24 * HOUR)).at(-1)!.t;
    assert.equal(local(last).toFormat('ccc d LLL HH:mm'), 'Tue 1 Dec 10:15');
    for (const metric of ['ambientNoise', 'soundLevel'])
      for (const from of [last + 1, last + 1 + 47 * HOUR])
        assert.deepEqual(
          await api(emulator, booth, metric, from, Math.min(from + 47 * HOUR, NOW)),
          [],
          metric,
        );
    assert.match(texts, /^⚠️ Device offline since Tue 1 Dec 10:15 \(last reading, 2 d ago\)$/m);

    // Ulriken: the API's hourly max and its raw reading behind it.
    const ulriken = await idOf('Ulriken');
    const week: { t: number; max: number }[] = [];
    for (let from = NOW - 7 * 24 * HOUR; from < NOW; from += 42 * HOUR)
      week.push(
        ...(await api(emulator, ulriken, 'temperature', from, Math.min(from + 42 * HOUR, NOW), 'hourly')),
      );
    const hot = week.filter((b) => b.max > 60);
    assert.equal(hot.length, 1);
    const raw = (await api(emulator, ulriken, 'temperature', hot[0]!.t, hot[0]!.t + HOUR)).filter(
      (r) => r.value > 60,
    );
    assert.equal(raw.length, 1);
    assert.match(
      texts,
      new RegExp(
        `^⚠️ Temperature: impossible ${raw[0]!.value.toFixed(1)} °C at ${local(raw[0]!.t).toFormat('ccc d LLL HH:mm')}$`,
        'm',
      ),
    );
    assert.match(texts, /impossible 85\.0 °C at Sat 28 Nov 03:00/);

    // Lab 2.1: no noise bucket 09:00–11:00 on both Tuesdays of the look-back, buckets either side.
    const lab = await idOf('Lab 2.1');
    for (const day of ['2026-11-24', '2026-12-01']) {
      const start = DateTime.fromISO(`${day}T08:00`, { zone: ZONE }).toMillis();
      const hours = (await api(emulator, lab, 'ambientNoise', start, start + 4 * HOUR, 'hourly')).map(
        (b) => local(b.t).hour,
      );
      assert.deepEqual(hours, [8, 11], day);
    }
    assert.match(texts, /^Offline Tuesdays 09:00–11:00 \(2 of the last 2 weeks\)$/m);

    // Worst first, and every room in scope counted: the two healthy ones in one line.
    const order = ['Focus Booth 1', 'Ulriken', 'Lab 2.1'].map((name) => lines.indexOf(name));
    assert.ok(
      order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!)),
      `order: ${order}`,
    );
    assert.match(texts, /^✅ 2 rooms healthy: (Mon Space, Fløyen|Fløyen, Mon Space)$/m);
    assert.ok(Buffer.byteLength(answer!.markdown ?? '') <= 7439);
  });

  it('"is the sensor in Lab 2.1 working?": only that room, its recurring gap, and nothing else wrong', async () => {
    const [answer] = await chat.ask('ingrid', space, 'is the sensor in Lab 2.1 working?');
    const texts = cardTexts(answer!);
    assert.equal(texts.split('\n')[0], 'Sensor health · Lab 2.1 · 1 room (Europe/Oslo)');
    assert.match(texts, /^Offline Tuesdays 09:00–11:00 \(2 of the last 2 weeks\)$/m);
    assert.doesNotMatch(texts, /⚠️|healthy/);
  });

  it('"which sensors are offline?": every room counted on one card, after one progress line', async () => {
    const [progress, answer, extra] = await chat.ask(
      'ingrid',
      space,
      'which sensors are offline?',
      2,
      50_000,
    );
    assert.match(progress!.markdown ?? '', /^Reading 13 rooms/);
    assert.equal(extra, undefined);
    const texts = cardTexts(answer!);
    assert.equal(texts.split('\n')[0], 'Sensor health · all rooms · 13 rooms (Europe/Oslo)');
    const healthy = Number(/^✅ (\d+) rooms healthy/m.exec(texts)?.[1]);
    const sick = ['Focus Booth 1', 'Ulriken', 'Lab 2.1'].filter((name) => texts.split('\n').includes(name));
    assert.deepEqual(sick, ['Focus Booth 1', 'Ulriken', 'Lab 2.1']);
    assert.equal(healthy, 13 - 3, texts);
  });
});
