import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { buttonData, cardTexts } from '../support/card-text';
import { Chat, startTestBot } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const ZONE = 'Europe/Oslo';

describe('a window since a stated time is labelled by that time (e2e, pinned clock)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  const clock = new TestClock(ZONE);

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
  });
  after(async () => {
    await bot?.stop();
  });

  it('"temperature in Room 4 since 8am" at 14:33 Oslo says "today, since 08:00" and shows data from 08:00', async () => {
    const day = DateTime.fromMillis(clock.now(), { zone: ZONE }).startOf('day');
    const now = clock.pin(day.set({ hour: 14, minute: 33, second: 12 }).toMillis());
    const eight = day.set({ hour: 8 });
    const room = await chat.groupSpace('ingrid', 'Since 8am');
    const [answer] = await chat.ask('ingrid', room, 'temperature in Room 4 since 8am');
    const texts = cardTexts(answer!);
    assert.match(texts, /Room 4 · temperature · today, since 08:00 \(Europe\/Oslo\)/, texts);
    assert.doesNotMatch(texts, /last 6 h/, texts);
    assert.match(answer!.markdown ?? '', /today, since 08:00/, 'the text fallback says it too');

    // The data: what the API has for Room 4 from 08:00 local, in the hourly buckets the card read.
    const csv = buttonData(answer!, 'CSV') as {
      workspaceIds: string[];
      from: string;
      to: string;
      aggregation: string;
    };
    assert.ok(Date.parse(csv.from) >= eight.toMillis(), `the read starts at/after 08:00: ${csv.from}`);
    const query = new URLSearchParams({
      workspaceId: csv.workspaceIds[0]!,
      metricName: 'temperature',
      aggregation: csv.aggregation,
      from: csv.from,
      to: csv.to,
      sortBy: 'oldestFirst',
    });
    const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
    assert.equal(api.status, 200, api.text);
    const items = (api.body as { items: { start: string; mean: number }[] }).items;
    assert.ok(items.length > 0, 'the API has readings for Room 4 today');
    const first = DateTime.fromISO(items[0]!.start, { zone: ZONE });
    assert.ok(first >= eight, `the first point is at/after 08:00 local: ${first.toISO()}`);
    assert.equal(first.toFormat('HH:mm'), '08:00', 'and it is the 08:00 hour, nothing from before');
    const mean = items.reduce((sum, i) => sum + i.mean, 0) / items.length;
    assert.match(texts, new RegExp(`Mean\\n${mean.toFixed(1)} °C`), `the card's mean is the API's: ${mean}`);
    assert.ok(Date.parse(csv.to) <= now);
  });

  it('an ask-back for the room keeps the stated start: the chosen room is answered "today, since 09:30"', async () => {
    const day = DateTime.fromMillis(clock.now(), { zone: ZONE }).startOf('day');
    clock.pin(day.set({ hour: 14, minute: 33 }).toMillis());
    const room = await chat.groupSpace('ingrid', 'Since 9:30');
    const [question] = await chat.ask('ingrid', room, 'humidity since 9:30');
    const option = buttonData(question!, 'Room 4');
    assert.deepEqual((option.request as { window: unknown }).window, {
      since: day.set({ hour: 9, minute: 30 }).toUTC().toISO(),
    });
    // Pressed a few minutes later: still since 09:30, up to the press.
    clock.pin(day.set({ hour: 14, minute: 41 }).toMillis());
    const [answer] = await chat.press('ingrid', question!, option);
    const texts = cardTexts(answer!);
    assert.match(texts, /Room 4 · humidity · today, since 09:30 \(Europe\/Oslo\)/, texts);
    assert.match(texts, /09:30 – 14:41/, texts);
  });

  it('a forged "since" in a button is read as the instant it names, and one still ahead is refused', async () => {
    const day = DateTime.fromMillis(clock.now(), { zone: ZONE }).startOf('day');
    clock.pin(day.set({ hour: 14, minute: 33 }).toMillis());
    const room = await chat.groupSpace('ingrid', 'Forged');
    const [answer] = await chat.ask('ingrid', room, 'temperature in Room 4 since 8am');
    const base = buttonData(answer!, 'Last 24 h') as {
      request: Record<string, unknown>;
    };
    const forged = (since: string) => ({ kind: 'rerun', request: { ...base.request, window: { since } } });
    const [ahead] = await chat.press('ingrid', answer!, forged(day.plus({ days: 1 }).toUTC().toISO()!));
    assert.match(ahead!.markdown ?? ahead!.text ?? '', /names no time I can show/);
    const [garbage] = await chat.press('ingrid', answer!, forged('8am'));
    assert.doesNotMatch(garbage!.markdown ?? garbage!.text ?? '', /Room 4 · temperature/);
    const [earlier] = await chat.press(
      'ingrid',
      answer!,
      forged(day.minus({ days: 3 }).set({ hour: 18 }).toUTC().toISO()!),
    );
    const label = `since ${day.minus({ days: 3 }).setLocale('en-US').toFormat('ccc d LLL')} 18:00`;
    assert.match(cardTexts(earlier!), new RegExp(`Room 4 · temperature · ${label}`));
  });
});
