/**
 * "any problems today?" end to end: the bot's card against the emulator's own API answers (raw
 * readings), at a fixed weekday afternoon (Fjord overheats on working-day afternoons).
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { RunningEmulator } from '../../src/emulator/server';
import { submitActions as actionsOf, shownText as shown } from '../support/card-text';
import { Chat, startTestBot } from '../support/chat';
import { apiWorkspaces, call, pastWednesdayAt } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

const ZONE = 'Europe/Oslo';

/** Raw readings of one metric, oldest first, as the API gives them. */
async function readings(
  emulator: RunningEmulator,
  workspaceId: string,
  metricName: string,
  from: number,
  to: number,
): Promise<{ at: number; value: number }[]> {
  const query = new URLSearchParams({
    workspaceId,
    metricName,
    aggregation: 'none',
    sortBy: 'oldestFirst',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  });
  const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
  assert.equal(api.status, 200, api.text);
  return (api.body as { items: { timestamp: string; value: number }[] }).items.map((i) => ({
    at: Date.parse(i.timestamp),
    value: i.value,
  }));
}

const clockOf = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');

describe('"any problems today?" (end to end through the emulator)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let space: string;
  const clock = new TestClock(ZONE);
  let rooms: { id: string; displayName: string }[];
  let now: number;

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    // A Wednesday at 15:02 in Oslo, in the emulator's past: Fjord's afternoon heat is on.
    now = pastWednesdayAt(clock.now(), ZONE, 15, 2);
    clock.pin(now);
    space = await chat.groupSpace('ingrid', 'Facilities, problems');
    rooms = await apiWorkspaces(emulator);
  });
  after(async () => {
    clock.release();
    await bot?.stop();
  });

  it('lists Fjord too warm now, since the first reading of its run above 24 °C, with its peak; counts the fine rooms', async () => {
    const replies = await chat.ask('ingrid', space, 'any problems today?');
    assert.equal(replies.length, 1, 'one card');
    const answer = replies[0]!;
    const text = shown(answer);
    if (process.env.SHOW_ANSWERS) console.log(answer.markdown);
    assert.match(text, /^\*\*Needs attention · all rooms · today, since 00:00 \(Europe\/Oslo\)\*\*$/m, text);
    assert.equal(answer.markdown?.match(/Europe\/Oslo/g)?.length, 1, 'the zone named once');

    // The API's own readings of Fjord today: the current run above 24 °C and its peak.
    const fjord = rooms.find((r) => r.displayName === 'Fjord')!;
    const midnight = DateTime.fromMillis(now, { zone: ZONE }).startOf('day').toMillis();
    const temps = await readings(emulator, fjord.id, 'temperature', midnight, now);
    const lastInBand = temps.findLastIndex((r) => r.value <= 24);
    const run = temps.slice(lastInBand + 1);
    assert.ok(run.length > 0 && now - run[run.length - 1]!.at <= 30 * 60_000, 'Fjord is above 24 °C now');
    const peak = Math.max(...run.map((r) => r.value));
    const latest = run[run.length - 1]!.value;
    const line = `Too warm now: ${latest.toFixed(1)} °C (peak ${peak.toFixed(1)} °C, ${(peak - 24).toFixed(1)} °C above the 24.0 °C limit), since ${clockOf(run[0]!.at)}`;
    assert.ok(text.includes(line), `expected «${line}» in\n${text}`);

    // Worst first: Fjord, 3 °C over a 4 °C band now, leads (the others are a few % or dBA out).
    const firstRow = (answer.markdown ?? '').split('\n').find((l) => /^(?:- )?\*\*[^*]+\*\*: /.test(l));
    assert.match(firstRow ?? '', /^(?:- )?\*\*Fjord\*\*: Too warm now/, text);

    // Every room in scope is accounted for: a problem row, a silent sensor, fine, or no sensors.
    const fine = /✅ (\d+) rooms? fine: (.+)$/m.exec(text);
    assert.ok(fine, text);
    const named = rooms.filter((r) => text.includes(r.displayName)).map((r) => r.displayName);
    assert.deepEqual(named.sort(), rooms.map((r) => r.displayName).sort(), 'every room named or counted');
    // A room counted as fine has no comfort reading outside its band in today's working hours (API's readings).
    const working = { from: midnight + 8 * 3_600_000, to: now };
    const bands: Record<string, (v: number) => boolean> = {
      temperature: (v) => v >= 20 && v <= 24,
      humidity: (v) => v >= 25 && v <= 60,
      tvoc: (v) => v <= 660,
      ambientNoise: (v) => v <= 50,
    };
    for (const name of fine[2]!.split(', ')) {
      const room = rooms.find((r) => r.displayName === name)!;
      for (const [metric, inBand] of Object.entries(bands)) {
        const values = (await readings(emulator, room.id, metric, working.from, working.to)).map(
          (r) => r.value,
        );
        assert.ok(
          values.every(inBand),
          `${name} fine, yet its ${metric} left its band: ${values.join(', ')}`,
        );
      }
    }

    // Buttons: "Details" of the worst rooms (a rerun of that room and metric today), and the last 7 days.
    const buttons = actionsOf(answer);
    const details = buttons.find((b) => b.title === 'Fjord · temperature');
    assert.ok(details, JSON.stringify(buttons));
    assert.deepEqual((details.data as { request: unknown }).request, {
      intent: 'query',
      metrics: ['temperature'],
      workspaceIds: [fjord.id],
      window: { last: 'today' },
      unit: 'celsius',
    });
    assert.ok(buttons.some((b) => b.title === 'Last 7 days'));

    // Pressing them answers: Fjord's temperature today, and the problems of the last 7 days.
    const [detail] = await chat.press('ingrid', answer, details.data);
    assert.match(shown(detail!), /Fjord · temperature · today, since 00:00 \(Europe\/Oslo\)/);
    // A week of every room takes more calls than an answer makes silently: "Reading …" comes first.
    const weekly = await chat.press(
      'ingrid',
      answer,
      buttons.find((b) => b.title === 'Last 7 days')!.data,
      2,
    );
    const week = weekly[weekly.length - 1];
    assert.match(shown(week!), /Needs attention · all rooms · last 7 d \(Europe\/Oslo\)/);
  });

  it('"is anything off on floor 3?" looks at floor 3 only; "how was Fjord yesterday?" stays an overview', async () => {
    const [floor] = await chat.ask('ingrid', space, 'is anything off on floor 3?');
    const text = shown(floor!);
    assert.match(text, /Needs attention · floor 3 · today/, text);
    assert.ok(!text.includes('Fløyen') && !text.includes('Room 4,'), text);
    const [past] = await chat.ask('ingrid', space, 'how was Fjord yesterday?');
    assert.doesNotMatch(shown(past!), /Needs attention/);
  });
});
