/**
 * Utilisation end to end: the real bot against the emulator, every number checked against the
 * emulator's own `/workspaceDurationMetrics` answers (not against the bot's code).
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { submitActions as actionsOf, hoursAsShown as hours, shownText as shown } from '../support/card-text';
import { Chat, startTestBot } from '../support/chat';
import { apiDurations, apiWorkspaces, type DurationBucket, pastWednesdayAt } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const ZONE = 'Europe/Oslo';

const total = (items: readonly DurationBucket[]) => items.reduce((sum, i) => sum + i.duration, 0);
/** Booked minutes with no use in the same hour, as the API's buckets give them. */
function ghost(booked: readonly DurationBucket[], used: readonly DurationBucket[]): number {
  const usedAt = new Map(used.map((u) => [Date.parse(u.start), u.duration]));
  return booked.reduce((sum, b) => sum + Math.max(0, b.duration - (usedAt.get(Date.parse(b.start)) ?? 0)), 0);
}

describe('utilisation (end to end through the emulator)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let space: string;
  const clock = new TestClock(ZONE);
  let rooms: { id: string; displayName: string }[];

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    // A Wednesday at 14:00 in Oslo, in the emulator's past.
    clock.pin(pastWednesdayAt(clock.now(), ZONE, 14));
    space = await chat.groupSpace('ingrid', 'Facilities, utilisation');
    rooms = await apiWorkspaces(emulator);
  });
  after(async () => {
    clock.release();
    await bot?.stop();
  });

  it('"which rooms were booked but not used last week?": one card, most ghost time first, every room counted', async () => {
    const monday = DateTime.fromMillis(clock.now(), { zone: ZONE }).startOf('week');
    const from = monday.minus({ weeks: 1 }).toMillis();
    const to = monday.toMillis();
    const api = await Promise.all(
      rooms.map(async (room) => {
        const booked = await apiDurations(emulator, room.id, 'timeBooked', from, to);
        const used = await apiDurations(emulator, room.id, 'timeUsed', from, to);
        return { room, booked: total(booked), used: total(used), ghost: ghost(booked, used) };
      }),
    );
    // The organisation has what the answer is about: booked-but-empty time and use without booking.
    assert.ok(
      api.some((r) => r.ghost > 0),
      'a room booked but empty last week',
    );
    assert.ok(
      api.some((r) => r.used > r.booked),
      'a room used beyond its bookings (walk-ins)',
    );

    const answers = await chat.ask('ingrid', space, 'which rooms were booked but not used last week?');
    assert.equal(answers.length, 1);
    const text = shown(answers[0]!);
    if (process.env.SHOW_ANSWERS) console.log(answers[0]!.markdown);
    assert.match(text, /^\*\*Booked but empty · last week, .+ \(Europe\/Oslo\)\*\*$/m);
    assert.equal(answers[0]!.markdown?.match(/Europe\/Oslo/g)?.length, 1, 'the zone once');
    const worst = [...api].sort((a, b) => b.ghost - a.ghost)[0]!;
    const first = /^\*\*1\.\*\* (.+?): (.+?) \(/m.exec(answers[0]!.markdown ?? '');
    assert.ok(first, text);
    assert.equal(first[2], hours(worst.ghost), 'the first row is the most ghost time, as the API has it');
    assert.equal(api.find((r) => r.room.displayName === first[1])?.ghost, worst.ghost);
    // Each active room's booked, used and ghost time, as the API gives them.
    for (const r of api.filter((x) => x.booked + x.used > 0)) {
      const line = new RegExp(
        `\\*\\* ${r.room.displayName.replace(/[.]/g, '\\.')}: .*booked ${hours(r.booked)} · used ${hours(r.used)} · ghost ${hours(r.ghost)}`,
      );
      assert.match(answers[0]!.markdown ?? '', line, `${r.room.displayName}: ${text}`);
    }
    // Every room in scope is on the card: a row, or the "nothing booked or used" line.
    for (const r of api) assert.ok(text.includes(r.room.displayName), r.room.displayName);
    assert.match(text, /Ghost: booked minutes with no use detected/);
    assert.match(text, /connected calendar/);

    // Its "Last 7 days" button answers this card's question over the last 7 days: the same focus
    // (booked but empty), not the question asked since.
    const lastWeek = actionsOf(answers[0]!).find((a) => a.title === 'Last 7 days');
    assert.equal(lastWeek?.data.kind, 'rerun', 'the button carries its card request');
    await chat.ask('ingrid', space, 'temperature in Fjord today');
    const [again] = await chat.press('ingrid', answers[0]!, lastWeek!.data);
    assert.match(shown(again!), /^\*\*Booked but empty · last 7 d.* \(Europe\/Oslo\)\*\*$/m);
  });

  it('"Boardroom utilisation last month": one room, its numbers from the API and a weekly chart', async () => {
    const boardroom = rooms.find((r) => r.displayName === 'Boardroom')!;
    const month = DateTime.fromMillis(clock.now(), { zone: ZONE }).startOf('month').minus({ months: 1 });
    const from = month.toMillis();
    const to = month.plus({ months: 1 }).toMillis();
    const booked = await apiDurations(emulator, boardroom.id, 'timeBooked', from, to);
    const used = await apiDurations(emulator, boardroom.id, 'timeUsed', from, to);

    const answers = await chat.ask('ingrid', space, 'Boardroom utilisation last month');
    assert.equal(answers.length, 1);
    const message = answers[0]!;
    const text = shown(message);
    if (process.env.SHOW_ANSWERS) console.log(message.markdown);
    assert.match(text, /^\*\*Boardroom utilisation · .+ \(Europe\/Oslo\)\*\*$/m);
    assert.match(text, new RegExp(`^Booked: ${hours(total(booked))}$`, 'm'));
    assert.match(text, new RegExp(`^Used: ${hours(total(used))} \\(booked or not\\)$`, 'm'));
    assert.match(text, new RegExp(`^Ghost \\(booked, no use\\): ${hours(ghost(booked, used))}`, 'm'));
    assert.match(text, /^Used share of working hours: \d+ % \(.+ of .+ h\)$/m);
    assert.match(text, /^Peak people: (peak \d+ of 20.*|nobody counted|no people count.*)$/m);
    const card = message.attachments?.[0]?.content as { body: { type: string; url?: string }[] };
    const image = card.body.find((b) => b.type === 'Image');
    assert.ok(image?.url, 'a weekly booked vs used chart');
    const png = await fetch(image.url);
    assert.equal(png.status, 200);
  });
});
