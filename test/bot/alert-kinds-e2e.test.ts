/**
 * The two alert rules without a fixed threshold, end to end through the emulator: a "goes quiet"
 * rule on Focus Booth 1 (its device died on Tue 1 Dec 2026) names the time of its last reading,
 * and an "unusual" rule on Room 40's noise fires on its building-work afternoon (Thu 3 Dec 2026)
 * with the difference from its usual Thursday hour; a false alarm widens the rule's band. Every
 * number and time is checked against the API's own readings.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { shownText, submitActions } from '../support/card-text';
import { Chat, startTestBot } from '../support/chat';
import { apiReadings } from '../support/emulator';
import { TestClock } from '../support/fake-clock';
import { eventually } from '../support/framework-emulator';
import { median } from '../support/median';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** What a reader sees: markdown escapes and bold marks removed. */
const seen = (m: StoredMessage) => shownText(m).replace(/\\|\*\*/g, '');

describe('"unusual" and "goes quiet" alert rules (end to end through the emulator)', function () {
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  const clock = new TestClock(ZONE);

  before(async () => {
    ({ emulator, bot } = await startTestBot(
      { ALERT_INTERVAL_SECONDS: '3600' },
      { now: clock.now, automation: false },
    ));
    chat = new Chat(emulator, bot.me.id);
  });
  afterEach(() => clock.release());
  after(async () => {
    await bot?.stop();
  });

  const idOf = async (name: string) =>
    (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === name)!.id;

  it('a quiet rule on Focus Booth 1 fires naming the time its last reading came, as the API has it', async () => {
    const room = await chat.groupSpace('ingrid', 'Sensors');
    const now = clock.pin();
    const booth = await idOf('Focus Booth 1');
    // The API's last reading: the newest hourly bucket in the last 7 days, then that hour's readings.
    // (Hourly buckets may span 48 h per call.)
    const hours = [];
    for (let from = now - 7 * 24 * HOUR; from < now; from += 48 * HOUR)
      hours.push(
        ...(await apiReadings(
          emulator,
          booth,
          'ambientNoise',
          from,
          Math.min(from + 48 * HOUR, now),
          'hourly',
        )),
      );
    const newest = hours.at(-1)!;
    const raw = await apiReadings(emulator, booth, 'ambientNoise', newest.t, newest.t + HOUR);
    const last = raw.at(-1)!.t;
    assert.ok(now - last > 2 * HOUR, 'the device is quiet');
    const expected = DateTime.fromMillis(last, { zone: ZONE, locale: 'en-GB' }).toFormat('ccc d LLL HH:mm');

    const [set] = await chat.ask('ingrid', room, 'notify me when the sensor in Focus Booth 1 goes offline');
    const setText = seen(set!);
    assert.match(setText, /Alert a\d+ set/);
    assert.match(setText, /Sensor in Focus Booth 1 goes quiet: no reading for 2 h/);
    assert.match(setText, /no reading for 2 h, says since when/);
    const alert = await eventually(
      () => chat.botMessagesAfter(room, set!.created).find((m) => /No reading from/.test(seen(m))),
      'the quiet alert',
      20_000,
    );
    assert.match(
      seen(alert),
      new RegExp(`No reading from Focus Booth 1 since ${expected} \\(Europe/Oslo\\)`),
      `the last reading was at ${new Date(last).toISOString()}`,
    );
    assert.match(
      seen(alert),
      new RegExp(`since ${expected} \\(Europe/Oslo\\)`),
      'the day named in the detail too',
    );
    assert.ok(
      submitActions(alert).some((b) => b.title === 'False alarm'),
      'the same buttons as a threshold alert',
    );
  });

  it("a quiet rule on Lab 2.1 fires in its Tuesday maintenance window and, when readings return, says once in the alert's thread that it reports again", async () => {
    const room = await chat.groupSpace('ingrid', 'Lab watch');
    // Tue 1 Dec 2026: the lab network's maintenance window is 09:00–11:00 Oslo.
    const start = clock.pin(DateTime.fromISO('2026-12-01T08:30', { zone: ZONE }).toMillis());
    const end = DateTime.fromISO('2026-12-01T11:45', { zone: ZONE }).toMillis();
    const lab = await idOf('Lab 2.1');
    const [set] = await chat.ask(
      'ingrid',
      room,
      'tell me when the sensor in Lab 2.1 goes quiet for 30 minutes',
    );
    assert.match(seen(set!), /Sensor in Lab 2\.1 goes quiet: no reading for 30 min/);
    const rule = (await bot.store.listAlertRules()).find((r) => r.roomId === room)!;
    // The rule's first look (started by setting it) has seen the last 30 minutes' readings.
    await eventually(
      async () => (await bot.store.getAlertState(rule.id, lab))?.lastReadingAt !== undefined,
      'the first look',
      20_000,
    );

    // The API's readings over the morning: the last before the gap, and the first after it.
    const readings = await apiReadings(emulator, lab, rule.metric, start - HOUR, end);
    const gapIndex = readings.findIndex((r, i) => i > 0 && r.t - readings[i - 1]!.t > 30 * MINUTE);
    assert.ok(gapIndex > 0, 'the API has a gap of more than 30 minutes on Tuesday morning');
    const last = readings[gapIndex - 1]!.t;
    const back = readings[gapIndex]!.t;
    const lastShown = DateTime.fromMillis(last, { zone: ZONE, locale: 'en-GB' }).toFormat('ccc d LLL HH:mm');

    // The runner's passes every 15 minutes through the morning (this rule only: other tests' rules
    // would space a full pass over its hour-long interval).
    for (let t = start + 15 * MINUTE; t <= end; t += 15 * MINUTE) {
      clock.pin(t);
      await bot.alerts.pass(rule.id);
    }
    const posted = chat.botMessagesAfter(room, set!.created).filter((m) => m.id !== set!.id);
    const alerts = posted.filter((m) => /No reading from/.test(seen(m)));
    assert.equal(alerts.length, 1, 'one alert for the whole window');
    const alert = alerts[0]!;
    assert.match(
      seen(alert),
      new RegExp(`No reading from Lab 2\\.1 since ${lastShown} \\(Europe/Oslo\\)`),
      `the API's last reading before the gap is at ${new Date(last).toISOString()}`,
    );
    const again = posted.filter((m) => /reporting again/.test(seen(m)));
    assert.equal(again.length, 1, `exactly one recovery (readings back at ${new Date(back).toISOString()})`);
    assert.equal(again[0]!.parentId, alert.id, "in the alert's thread");
    assert.match(seen(again[0]!), /Lab 2\.1 is reporting again/);
    assert.equal(posted.length, 2, `nothing more: ${posted.map((m) => seen(m).split('\n')[0]).join(' | ')}`);
  });

  it('refuses a quiet time too short to mean anything, and sets nothing', async () => {
    const room = await chat.groupSpace('ingrid', 'Too eager');
    const before = (await bot.store.listAlertRules()).length;
    const [refused] = await chat.ask(
      'ingrid',
      room,
      'alert me if the sensor in Ulriken has sent nothing for 5 minutes',
    );
    assert.match(seen(refused!), /quiet after 10 minutes to 7 days without a reading\. Nothing was set/);
    assert.equal((await bot.store.listAlertRules()).length, before);
  });

  it("an unusual rule on Room 40's noise fires on its building-work afternoon; a false alarm widens its band", async () => {
    const room = await chat.groupSpace('ingrid', 'Noise watch');
    // Thu 3 Dec 2026 14:00 Oslo: building work since 13:00.
    const now = clock.pin(DateTime.fromISO('2026-12-03T14:00', { zone: ZONE }).toMillis());
    const room40 = await idOf('Room 40');
    // The API's readings the rule's first look sees (the last 30 minutes). The anomaly began before
    // them: "since" is the API's first reading of the building work (at or after 13:00), and the
    // hold time (10 min) counted from it is complete at the look's first reading.
    const readings = (await apiReadings(emulator, room40, 'ambientNoise', now - 30 * MINUTE, now)).filter(
      (r) => r.t > now - 30 * MINUTE && r.t < now,
    );
    const workStarts = DateTime.fromISO('2026-12-03T13:00', { zone: ZONE }).toMillis();
    const first = (await apiReadings(emulator, room40, 'ambientNoise', workStarts, now))[0]!;
    assert.ok(first.t < workStarts + 5 * MINUTE, 'the API has a reading right at the start of the work');
    const fired = readings.find((r) => r.t - first.t >= 10 * MINUTE)!;
    // Usual: the median of the hour's means on the 6 Thursdays before.
    const hourOf = DateTime.fromMillis(fired.t, { zone: ZONE }).startOf('hour');
    const past = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (k) => {
        const from = hourOf.minus({ weeks: k }).toMillis();
        return (await apiReadings(emulator, room40, 'ambientNoise', from, from + HOUR, 'hourly'))[0]!.value;
      }),
    );
    const usual = median(past);
    const louder = Math.round(fired.value - usual);
    const since = DateTime.fromMillis(first.t, { zone: ZONE }).toFormat('HH:mm');

    const [set] = await chat.ask('ingrid', room, 'tell me when noise in Room 40 is out of the ordinary');
    const setText = seen(set!);
    assert.match(setText, /Ambient noise unusual for the room in Room 40, for 10 min/);
    assert.match(setText, /same weekday and hour over the last 6 weeks/);
    const alert = await eventually(
      () => chat.botMessagesAfter(room, set!.created).find((m) => /than a usual/.test(seen(m))),
      'the unusual alert',
      30_000,
    );
    const text = seen(alert);
    assert.match(
      text,
      new RegExp(
        `Room 40 is ${louder} dBA louder than a usual Thursday afternoon here \\(usual ${Math.round(usual)} dBA\\)`,
      ),
      `reading ${fired.value} dBA at ${new Date(fired.t).toISOString()}, past Thursdays ${past.join(', ')}`,
    );
    assert.match(
      text,
      new RegExp(`since ${since} \\(Europe/Oslo\\)`),
      `the building work's first reading is at ${new Date(first.t).toISOString()}`,
    );

    const falseAlarm = submitActions(alert).find((b) => b.title === 'False alarm')!;
    const [reply] = await chat.press('ingrid', alert, falseAlarm.data);
    assert.match(seen(reply!), /band widened ×1\.5 after 1 false alarm/);
    const [list] = await chat.ask('ingrid', room, 'list alerts');
    assert.match(seen(list!), /Room 40, for 10 min \(band widened ×1\.5 after 1 false alarm\)/);
  });
});
