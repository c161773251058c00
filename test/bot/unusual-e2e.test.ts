/**
 * "Unusual for this room" end to end: the real bot against the emulator, whose Room 40 hears
 * building work on Thu 3 Dec 2026 13:00–16:00 Oslo. Asked at 14:30 that Thursday, the answer says
 * the noise is unusual, and the usual it names is the median of the room's 14:00 hour on the six
 * Thursdays before, as the API answers them. At an ordinary time it says nothing about unusual. The
 * same question again reads none of the past weeks again (they are in the readings cache).
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { cardTexts } from '../support/card-text';
import { Chat, type Chat as ChatType, startTestBot } from '../support/chat';
import { apiReadings } from '../support/emulator';
import { TestClock } from '../support/fake-clock';
import { median } from '../support/median';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const AT = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const NOW = AT('2026-12-03T14:30');

describe('unusual for this room (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let space: string;
  let room40: string;
  const clock = new TestClock(ZONE);
  /** The bot's Workspace Metrics calls (what it asked Webex), from the client it uses. */
  const calls: { metric: string; from: number; to: number }[] = [];

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    space = await chat.groupSpace('ingrid', 'Facilities');
    room40 = (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === 'Room 40')!.id;
    const admin = bot.webex.admin;
    const metrics = admin.metrics.bind(admin);
    admin.metrics = (query) => {
      calls.push({ metric: query.metricName, from: query.from, to: query.to });
      return metrics(query);
    };
  });
  after(async () => {
    clock.release();
    await bot?.stop();
  });

  it('"noise in Room 40 now" on Thu 3 Dec 14:30: unusual, the usual as the API has it', async () => {
    clock.pin(NOW);
    // The oracle: the 14:00 hour of the six Thursdays before, in hourly buckets from the API.
    const past = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (k) => {
        const from = DateTime.fromMillis(AT('2026-12-03T14:00'), { zone: ZONE })
          .minus({ weeks: k })
          .toMillis();
        const buckets = await apiReadings(emulator, room40, 'ambientNoise', from, from + HOUR, 'hourly');
        assert.equal(buckets.length, 1);
        return buckets[0]!.value;
      }),
    );
    const usual = median(past);
    const latest = (await apiReadings(emulator, room40, 'ambientNoise', NOW - HOUR, NOW)).at(-1)!;

    calls.length = 0;
    const [answer] = await chat.ask('ingrid', space, 'noise in Room 40 now', 1, 20_000);
    const text = cardTexts(answer!);
    const line = text.split('\n').find((l) => l.startsWith('Unusual for this room'));
    assert.ok(
      line,
      `the card says it is unusual:\n${text}\n${JSON.stringify(calls.map((c) => [c.metric, new Date(c.from).toISOString(), new Date(c.to).toISOString()]))}`,
    );
    const louder = Math.round(latest.value - usual);
    assert.equal(
      line,
      `Unusual for this room: ${louder} dBA louder than a usual Thursday afternoon here (usual ${usual.toFixed(0)} dBA)`,
    );
    // Near the verdict: before the figures.
    const lines = text.split('\n');
    assert.ok(lines.indexOf(line) < lines.findIndex((l) => l.startsWith('Now')), text);
    assert.match(
      answer!.markdown ?? '',
      /\*\*Unusual for this room: \d+ dBA louder than a usual Thursday afternoon here/,
    );
    // Six past weeks, one call each, on top of the answer's own read.
    const pastWeeks = calls.filter((c) => c.to <= NOW - 6 * 24 * HOUR);
    assert.equal(pastWeeks.length, 6, JSON.stringify(calls));

    // The same question again: the past weeks come from the readings cache.
    calls.length = 0;
    const [again] = await chat.ask('ingrid', space, 'noise in Room 40 now', 1, 20_000);
    assert.ok(cardTexts(again!).includes(line));
    assert.deepEqual(
      calls.filter((c) => c.to <= NOW - 6 * 24 * HOUR),
      [],
      'no past week is read again',
    );
    assert.ok(calls.length <= 1, `at most the last hour is read again: ${JSON.stringify(calls)}`);

    // A follow-up over a longer window: only the past weeks' hours not read yet (12:00–13:00).
    calls.length = 0;
    const [afternoon] = await chat.ask('ingrid', space, 'what about this afternoon?', 1, 20_000);
    assert.match(cardTexts(afternoon!), /^Room 40 · ambient noise · /);
    assert.match(cardTexts(afternoon!), /Unusual for this room in the hour from 1[34]:00: \d+ dBA louder/);
    const pastCalls = calls.filter((c) => c.to <= NOW - 6 * 24 * HOUR);
    assert.equal(pastCalls.length, 6, JSON.stringify(calls));
    for (const c of pastCalls) {
      const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('ccc HH:mm');
      assert.deepEqual(
        [local(c.from), local(c.to)],
        ['Thu 12:00', 'Thu 13:00'],
        'the hours read before are not read again',
      );
    }
  });

  it('"how was Room 40 today?" at 14:30: the overview names the unusual noise and its hour', async () => {
    clock.pin(NOW);
    const [answer] = await chat.ask('ingrid', space, 'how was Room 40 today?', 1, 30_000);
    const text = cardTexts(answer!);
    const line = text.split('\n').find((l) => l.startsWith('Ambient noise — unusual for this room'));
    assert.ok(line, text);
    const [, hour, louder, usual] =
      /in the hour from (1[34]):00: (\d+) dBA louder than a usual Thursday afternoon here \(usual (\d+) dBA\)$/.exec(
        line,
      ) ?? [];
    assert.ok(hour, line);
    // The hour's mean and its usual, from the API's hourly buckets.
    const from = AT(`2026-12-03T${hour}:00`);
    const past = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (k) => {
        const week = DateTime.fromMillis(from, { zone: ZONE }).minus({ weeks: k }).toMillis();
        return (await apiReadings(emulator, room40, 'ambientNoise', week, week + HOUR, 'hourly'))[0]!.value;
      }),
    );
    assert.equal(usual, median(past).toFixed(0));
    const raw = await apiReadings(emulator, room40, 'ambientNoise', from, Math.min(from + HOUR, NOW));
    const mean = raw.reduce((n, r) => n + r.value, 0) / raw.length;
    assert.equal(Number(louder), Math.round(mean - median(past)));
    assert.ok((answer!.markdown ?? '').includes(`**${line}**`), answer!.markdown);
  });

  it('"anything unusual in Room 40 and Fjord?": the problems card names Room 40\'s noise now', async () => {
    clock.pin(NOW);
    const [answer] = await chat.ask('ingrid', space, 'anything unusual in Room 40 and Fjord?', 1, 30_000);
    const text = cardTexts(answer!);
    const line = text
      .split('\n')
      .find((l) => l.includes('Room 40 · ambient noise unusual for this room now'));
    assert.ok(line, text);
    const from = AT('2026-12-03T14:00');
    const past = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (k) => {
        const week = DateTime.fromMillis(from, { zone: ZONE }).minus({ weeks: k }).toMillis();
        return (await apiReadings(emulator, room40, 'ambientNoise', week, week + HOUR, 'hourly'))[0]!.value;
      }),
    );
    assert.match(
      line,
      new RegExp(`louder than a usual Thursday afternoon here \\(usual ${median(past).toFixed(0)} dBA\\)$`),
    );
    assert.ok(
      !/Fjord · [a-z ]+ unusual/.test(text),
      'Fjord is its usual self (it overheats every afternoon)',
    );
    assert.ok((answer!.markdown ?? '').includes('Room 40 · ambient noise unusual for this room now'));
  });

  it('"what\'s unusual on floor 3?": four rooms are more than it compares, and it says so', async () => {
    clock.pin(NOW);
    const [answer] = await chat.ask('ingrid', space, "what's unusual on floor 3?", 1, 30_000);
    const text = cardTexts(answer!);
    assert.match(text, /checked for up to 3 rooms/);
    assert.doesNotMatch(text, /unusual for this room now/);
  });

  it('at an ordinary time the answer says nothing about unusual', async () => {
    clock.pin(AT('2026-12-03T17:30'));
    const [answer] = await chat.ask('ingrid', space, 'noise in Room 40 now', 1, 20_000);
    const text = cardTexts(answer!);
    assert.match(text, /Ambient noise|ambient noise/);
    assert.doesNotMatch(text, /[Uu]nusual|usual/);
    assert.doesNotMatch(answer!.markdown ?? '', /usual/);
  });
});
