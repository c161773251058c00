import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { Chat, startTestBot } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';
import { eventually } from '../support/framework-emulator';

interface Node {
  type?: string;
  text?: string;
  url?: string;
  items?: Node[];
  columns?: Node[];
  body?: Node[];
  facts?: { title: string; value: string }[];
  actions?: { type: string; title: string; data?: Record<string, unknown>; card?: Node }[];
  card?: Node;
}

/** Every text a card shows, flattened, with markdown escapes removed (as a reader sees it). */
function textOf(message: StoredMessage): string {
  const walk = (n: Node): string[] => [
    n.text ?? '',
    ...(n.facts ?? []).flatMap((f) => [f.title, f.value]),
    ...[...(n.body ?? []), ...(n.items ?? []), ...(n.columns ?? [])].flatMap(walk),
    ...(n.actions ?? []).flatMap((a) => [a.title, ...(a.card ? walk(a.card) : [])]),
  ];
  const card = message.attachments?.[0]?.content as Node | undefined;
  return `${message.markdown ?? message.text ?? ''}\n${card ? walk(card).join('\n') : ''}`.replace(
    /\\|\*\*/g,
    '',
  );
}

/** Every button of a card, ShowCard contents included. */
/**
 * Waits until a rule just set has had its first look (its state is saved after any alert it
 * posts), so that the alert a first look may post does not arrive in the middle of the next turn.
 */
async function firstLookDone(bot: RunningBot, set: StoredMessage): Promise<void> {
  const id = /Alert (a\d+) set/.exec(textOf(set))?.[1];
  assert.ok(id, `a rule was set: ${textOf(set)}`);
  await eventually(
    async () => ((await bot.store.listAlertStates(id)).length > 0 ? true : undefined),
    `the first look of ${id}`,
    15_000,
  );
}

function buttonsOf(message: StoredMessage): { title: string; data: Record<string, unknown> }[] {
  const walk = (n: Node): { title: string; data: Record<string, unknown> }[] =>
    (n.actions ?? []).flatMap((a) => [
      ...(a.data ? [{ title: a.title, data: a.data }] : []),
      ...(a.card ? walk(a.card) : []),
    ]);
  const card = message.attachments?.[0]?.content as Node | undefined;
  return card ? walk(card) : [];
}

describe('alerts and reports in chat (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  let room: string;
  /** The bot's clock: 14:00 in Oslo (real speed), pinned where a test needs an exact instant. */
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    ({ emulator, bot } = await startTestBot(
      { ALERT_INTERVAL_SECONDS: '3600' },
      { now: clock.now, automation: false },
    ));
    chat = new Chat(emulator, bot.me.id);
  });
  beforeEach(async () => {
    clock.release();
    room = await chat.groupSpace('ingrid', 'Facilities automation');
  });
  after(async () => {
    await bot?.stop();
  });

  it('sets an alert, lists it and deletes it; another space cannot touch it', async () => {
    const [set] = await chat.ask('ingrid', room, 'alert me when tvoc in Fjord goes above 500');
    const setText = textOf(set!);
    assert.match(setText, /Alert a\d+ set/);
    assert.match(setText, /Air quality \(TVOC\) above 500 ppb in Fjord/);
    const id = /Alert (a\d+) set/.exec(setText)![1]!;

    const [list] = await chat.ask('ingrid', room, 'list alerts');
    assert.match(textOf(list!), new RegExp(`${id}\\b`));

    const other = await chat.groupSpace('ola', 'Another team');
    const [refused] = await chat.ask('ola', other, `delete alert ${id}`);
    assert.match(textOf(refused!), new RegExp(`no alert ${id} in this space`));
    assert.ok(await bot.store.getAlertRule(id), 'the rule of the other space is untouched');

    const [changed] = await chat.ask('ingrid', room, `change alert ${id} to above 650`);
    assert.match(
      textOf(changed!),
      new RegExp(`Alert ${id} changed: Air quality \\(TVOC\\) above 650 ppb in Fjord`),
    );
    const [impossible] = await chat.ask('ingrid', room, `change alert ${id} to below -5`);
    assert.match(textOf(impossible!), /Nothing was changed/);
    assert.deepEqual((await bot.store.getAlertRule(id))?.condition, { op: 'above', value: 650 });
    const [muted] = await chat.ask('ingrid', room, `mute alert ${id}`);
    assert.match(textOf(muted!), new RegExp(`Alert ${id} muted`));
    assert.equal((await bot.store.getAlertRule(id))?.muted, true);

    // Deleting asks first; the confirmation's button deletes, and the result names who did it.
    const [asked] = await chat.ask('ingrid', room, `delete alert ${id}`);
    assert.match(textOf(asked!), new RegExp(`Delete alert ${id}\\?`));
    assert.match(textOf(asked!), /set up by Ingrid Berg/);
    assert.ok(await bot.store.getAlertRule(id), 'not deleted before it is confirmed');
    const confirm = buttonsOf(asked!).find((b) => b.title === `Delete ${id}`)!;
    const [deleted] = await chat.press('ingrid', asked!, confirm.data);
    assert.match(textOf(deleted!), new RegExp(`Alert ${id} deleted by Ingrid Berg`));
    assert.equal(await bot.store.getAlertRule(id), undefined);
  });

  it('posts an alert whose threshold is already crossed at its first look, with the buttons', async () => {
    // Fjord is always warmer than 10 °C: the last 30 minutes already hold the 10-minute hold time.
    const [set] = await chat.ask('ingrid', room, 'alert me when temperature in Fjord goes above 10');
    const id = /Alert (a\d+) set/.exec(textOf(set!))![1]!;
    const alert = await eventually(
      () => chat.botMessagesAfter(room, set!.created).find((m) => /is .* °C/.test(textOf(m))),
      'the alert',
      15_000,
    );
    const text = textOf(alert);
    assert.match(text, /Fjord/);
    assert.match(text, /above 10\.0 °C/);
    // Above 10 °C all week: as far back as the bot looks, and it says so.
    assert.match(text, /Above 10\.0 °C since \w{3} \d{1,2} \w{3} \d\d:\d\d or earlier \(Europe\/Oslo\)/);
    assert.match(text, /Europe\/Oslo/);
    const titles = buttonsOf(alert).map((b) => b.title);
    for (const title of [
      'Acknowledge',
      'Snooze 1 h',
      'Snooze 4 h',
      'Snooze 24 h',
      'Mute rule',
      'False alarm',
    ])
      assert.ok(titles.includes(title), `button ${title} in ${titles.join(', ')}`);

    const ack = buttonsOf(alert).find((b) => b.title === 'Acknowledge')!;
    const [reply] = await chat.press('ingrid', alert, ack.data);
    assert.match(textOf(reply!), /Acknowledged by Ingrid Berg\./);
    assert.equal(reply!.parentId, alert.id, 'the acknowledgement is a reply in the alert thread');
    const workspaceId = String(ack.data.workspaceId);
    assert.ok((await bot.store.getAlertState(id, workspaceId))?.acknowledgedAt, 'stored');

    const snooze = buttonsOf(alert).find((b) => b.title === 'Snooze 4 h')!;
    const pressedAt = clock.pin();
    const [snoozed] = await chat.press('ingrid', alert, snooze.data);
    clock.release();
    const until = DateTime.fromMillis(pressedAt + 4 * 3_600_000, { zone: 'Europe/Oslo' }).toFormat('HH:mm');
    assert.match(textOf(snoozed!), new RegExp(`Snoozed by .* until .*${until}.*Europe/Oslo`));
    assert.equal((await bot.store.getAlertState(id, workspaceId))?.snoozedUntil, pressedAt + 4 * 3_600_000);

    // The list no longer says only "firing since": who acknowledged, when, and until when it is snoozed.
    const [list] = await chat.ask('ingrid', room, 'list alerts');
    const listed = textOf(list!);
    assert.match(listed, /Fjord: firing since [^·]*\d\d:\d\d · acknowledged by Ingrid Berg at \d\d:\d\d/);
    assert.match(listed, new RegExp(`snoozed until ${until}`));
    assert.equal(
      listed.split('\n').filter((l) => l.includes('(Europe/Oslo)')).length,
      2,
      'the zone once on the card, once in the fallback',
    );

    // Her own rule: muted at once (someone else's asks first: see buttons-e2e).
    const mute = buttonsOf(alert).find((b) => b.title === 'Mute rule')!;
    const [muted] = await chat.press('ingrid', alert, mute.data);
    assert.match(textOf(muted!), /muted by Ingrid Berg/);
    assert.equal((await bot.store.getAlertRule(id))?.muted, true);
  });

  it('an alert card\'s "since" is the time of the first reading past the threshold, however long ago', async () => {
    // Fjord's temperature as the API has it. The threshold is the highest (in 0.1 °C steps) that
    // the last 30 minutes stay above (so the rule's first look sees it holding) and that the
    // readings last crossed at least 2 hours before: its "since" lies well before the first look.
    const now = clock.pin();
    const fjord = (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === 'Fjord')!;
    const series = await bot.webex.admin.metrics({
      workspaceId: fjord.id,
      metricName: 'temperature',
      aggregation: 'none',
      from: now - 6 * 24 * 3_600_000,
      to: now,
      unit: 'celsius',
    });
    const readings = series.items.map((i) => ({ at: Date.parse(i.timestamp), value: i.value }));
    const lastHalfHour = readings.filter((r) => r.at >= now - 30 * 60_000);
    const top = Math.floor((Math.min(...lastHalfHour.map((r) => r.value)) - 0.05) * 10);
    const crossing = (threshold: number) => {
      const lastBelow = readings.findLastIndex((r) => r.value <= threshold);
      return lastBelow < 0 ? undefined : readings[lastBelow + 1]?.at;
    };
    let threshold = Number.NaN;
    let crossed: number | undefined;
    for (let tenths = top; tenths > top - 100; tenths--) {
      crossed = crossing(tenths / 10);
      if (crossed !== undefined && crossed <= now - 2 * 3_600_000) {
        threshold = tenths / 10;
        break;
      }
    }
    assert.ok(Number.isFinite(threshold) && crossed !== undefined, 'a threshold crossed hours ago');
    const firstLook = readings.find((r) => r.at > now - 30 * 60_000)!.at;
    const zone = 'Europe/Oslo';
    const local = DateTime.fromMillis(crossed, { zone, locale: 'en-US' });
    const expected = local.hasSame(DateTime.fromMillis(firstLook, { zone }), 'day')
      ? local.toFormat('HH:mm')
      : local.toFormat('ccc d LLL HH:mm');

    const [set] = await chat.ask(
      'ingrid',
      room,
      `alert me when temperature in Fjord goes above ${threshold}`,
    );
    assert.match(textOf(set!), new RegExp(`above ${threshold.toFixed(1)} °C in Fjord`));
    const alert = await eventually(
      () => chat.botMessagesAfter(room, set!.created).find((m) => /is .* °C/.test(textOf(m))),
      'the alert',
      15_000,
    );
    assert.match(
      textOf(alert),
      new RegExp(`Above ${threshold.toFixed(1)} °C since ${expected} \\(Europe/Oslo\\)`),
      `the first reading above ${threshold} °C was at ${local.toISO()}`,
    );
    assert.doesNotMatch(textOf(alert), /or earlier/);
    const id = /Alert (a\d+) set/.exec(textOf(set!))![1]!;
    await bot.store.deleteAlertRule(id, room);
  });

  it('refuses impossible alerts and reports with a clear answer and changes nothing', async () => {
    const before = {
      rules: (await bot.store.listAlertRules()).length,
      reports: (await bot.store.listReports()).length,
    };
    const [time] = await chat.ask('ingrid', room, 'daily report for Room 4 at 25:00');
    assert.match(textOf(time!), /25:00.* is not a time of day/);
    const [range] = await chat.ask('ingrid', room, 'alert me when humidity in Fjord goes above 150');
    assert.match(textOf(range!), /Nothing was set/);
    const [unknown] = await chat.ask('ingrid', room, 'alert me when tvoc in Atlantis goes above 500');
    assert.match(textOf(unknown!), /couldn't find a room called “atlantis”/);
    const [cancel] = await chat.ask('ingrid', room, 'cancel report r999');
    assert.match(textOf(cancel!), /no report r999 in this space/);
    assert.deepEqual(
      { rules: (await bot.store.listAlertRules()).length, reports: (await bot.store.listReports()).length },
      before,
    );
  });

  it('completes a setup that asked back: no unrelated room offered, the room named in reply, the alert set', async () => {
    const [question] = await chat.ask('ingrid', room, 'alert me when tvoc in Atlantis goes above 500');
    assert.deepEqual(
      buttonsOf(question!).map((b) => b.title),
      ['list rooms'],
      'nothing is near "Atlantis": the rooms are offered as a list, no name is guessed',
    );
    const [set] = await chat.ask('ingrid', room, 'Fjord');
    assert.match(textOf(set!), /Alert a\d+ set/);
    assert.match(textOf(set!), /Air quality \(TVOC\) above 500 ppb in Fjord/);
    await firstLookDone(bot, set!);
  });

  it('offers an alert asked for with a comfort word at the comfort limit, and sets it up once confirmed', async () => {
    const before = (await bot.store.listAlertRules()).length;
    const [offer] = await chat.ask('ingrid', room, 'let me know if Fjord overheats');
    assert.match(textOf(offer!), /Alert when temperature in Fjord goes above 24(?:\.0)? °C\?/);
    assert.deepEqual(
      buttonsOf(offer!).map((b) => b.title),
      ['Set it up', 'Change threshold'],
    );
    assert.equal((await bot.store.listAlertRules()).length, before, 'offered, not set up');
    const setUp = buttonsOf(offer!).find((b) => b.title === 'Set it up')!;
    const [set] = await chat.press('ingrid', offer!, setUp.data);
    assert.match(textOf(set!), /Alert a\d+ set/);
    assert.match(textOf(set!), /Temperature above 24(?:\.0)? °C in Fjord/);
    await firstLookDone(bot, set!);
    const [list] = await chat.ask('ingrid', room, 'list alerts');
    assert.match(textOf(list!), /Temperature above 24(?:\.0)? °C in Fjord/);
    assert.equal((await bot.store.listAlertRules()).length, before + 1, 'exactly one rule');
  });

  it('takes a threshold said in reply to an offered alert instead of the comfort limit', async () => {
    const [offer] = await chat.ask('ingrid', room, 'tell me when Boardroom gets too dry');
    assert.match(textOf(offer!), /Alert when humidity in Boardroom drops below \d+ %\?/);
    const [set] = await chat.ask('ingrid', room, 'below 20');
    assert.match(textOf(set!), /Humidity below 20 % in Boardroom/);
    await firstLookDone(bot, set!);
  });

  it('"no, never mind" to an offered alert sets nothing up and forgets the offer', async () => {
    const before = (await bot.store.listAlertRules()).length;
    const [offer] = await chat.ask('ingrid', room, 'let me know if Fjord overheats');
    assert.match(textOf(offer!), /Alert when temperature in Fjord goes above/);
    const [declined] = await chat.ask('ingrid', room, 'no, never mind');
    assert.equal(textOf(declined!).trim(), 'OK, nothing set up.');
    // Forgotten: a "yes" now has nothing to confirm, and no rule was made.
    const [yes] = await chat.ask('ingrid', room, 'yes');
    assert.doesNotMatch(textOf(yes!), /Alert a\d+ set/);
    assert.equal((await bot.store.listAlertRules()).length, before, 'nothing set up');
  });

  it('suggests only near rooms for an unknown one, or offers the list of rooms', async () => {
    const [near] = await chat.ask('ingrid', room, 'temperature in Room 99');
    assert.match(textOf(near!), /couldn't find a room called “room 99”/);
    const titles = buttonsOf(near!).map((b) => b.title);
    assert.ok(titles.includes('list rooms'), `the list of rooms is offered: ${titles.join(', ')}`);
    assert.deepEqual(
      titles.filter((t) => t !== 'list rooms' && !/^Room \d+$/.test(t)),
      [],
      'no unrelated name is suggested',
    );
    const list = buttonsOf(near!).find((b) => b.title === 'list rooms')!;
    const [rooms] = await chat.press('ingrid', near!, list.data);
    assert.match(textOf(rooms!), /Fjord/, 'the button lists the rooms');
  });

  it('schedules a report for the next minute, posts it once at its time, and sends one on request', async () => {
    // The bot's clock stands at 11:59:05 in Oslo when asked, then at 12:00:05: no wall clock, no waiting.
    const slot = DateTime.fromMillis(clock.now(), { zone: 'Europe/Oslo' }).set({
      hour: 12,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    clock.pin(slot.toMillis() - 55_000);
    const [set] = await chat.ask('ingrid', room, 'daily report for Room 4 and Boardroom at 12:00');
    assert.match(textOf(set!), /Report r\d+ scheduled/);
    assert.match(textOf(set!), /Daily at 12:00/);
    assert.equal(await bot.reports.tick(), 0, 'not yet');
    clock.pin(slot.toMillis() + 5_000);
    assert.equal(await bot.reports.tick(), 1, 'posted at its time');
    assert.equal(await bot.reports.tick(), 0, 'and only once');
    const report = chat.botMessagesAfter(room, set!.created).find((m) => /room report/i.test(textOf(m)));
    assert.ok(report, 'the report is in the space');
    assert.match(textOf(report), /Room 4/);
    assert.match(textOf(report), /Boardroom/);
    assert.match(textOf(report), /Europe\/Oslo/);
    // The numbers are the previous day's, as the API answers them, not just the rooms' names.
    const day = slot.startOf('day');
    await assertReportNumbers(report, day.minus({ days: 1 }).toUTC().toISO()!, day.toUTC().toISO()!);

    const sendNow = buttonsOf(set!).find((b) => b.title === 'Send now')!;
    const [again] = await chat.press('ingrid', set!, sendNow.data);
    assert.match(textOf(again!), /sent on request/i);
  });

  /** Each room's temperature min and max in the report equal the API's readings over the day. */
  async function assertReportNumbers(report: StoredMessage, from: string, to: string): Promise<void> {
    const card = report.attachments?.[0]?.content as unknown as Node;
    const { workspaces } = await bot.webex.directory.get();
    for (const name of ['Room 4', 'Boardroom']) {
      const section = (card.body ?? []).find((n) => n.items?.[0]?.text === name);
      assert.ok(section, `a section for ${name}`);
      const text = textOf({ attachments: [{ content: section }] } as unknown as StoredMessage);
      const workspaceId = workspaces.find((w) => w.displayName === name)!.id;
      const query = new URLSearchParams({
        workspaceId,
        metricName: 'temperature',
        aggregation: 'none',
        from,
        to,
      });
      const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
      const values = (api.body as { items: { value: number }[] }).items.map((i) => i.value);
      assert.ok(values.length > 0, `readings of ${name}`);
      const shown = /Temperature: mean [\d.]+ °C, min ([\d.]+) °C, max ([\d.]+) °C/.exec(text);
      assert.ok(shown, `${name}'s temperature line in ${text}`);
      assert.ok(Math.abs(Number(shown[1]) - Math.min(...values)) <= 0.05 + 1e-9, `${name}: min`);
      assert.ok(Math.abs(Number(shown[2]) - Math.max(...values)) <= 0.05 + 1e-9, `${name}: max`);
    }
  }

  it('sets up an alert and a report from the forms, and refuses a bad form without changing anything', async () => {
    const [form] = await chat.ask('ingrid', room, 'set an alert');
    const card = form!.attachments?.[0]?.content as unknown as { body: { id?: string }[] };
    assert.ok(
      card.body.some((e) => e.id === 'metric'),
      'the alert form',
    );
    const directory = await bot.webex.directory.get();
    const fjord = directory.workspaces.find((w) => w.displayName === 'Fjord')!;
    type Choices = {
      id?: string;
      label?: string;
      value?: string;
      choices?: { title: string; value: string }[];
    };
    const input = (form: unknown, id: string) => (form as { body: Choices[] }).body.find((e) => e.id === id)!;
    // Measurements with their units; the threshold's label does not claim one unit for all.
    const metrics = input(card, 'metric').choices!.map((c) => c.title);
    for (const title of ['Temperature (°C)', 'TVOC (ppb)', 'Ambient noise (dBA)', 'Humidity (%)'])
      assert.ok(metrics.includes(title), `${title} in ${metrics.join(', ')}`);
    assert.match(input(card, 'value').label!, /°C, %, ppb, dBA/);
    // Rooms by site and floor, as the API places them: "Oslo HQ · Floor 2 · Fjord", sorted.
    const site = directory.locations.find((l) => l.id === fjord.locationId)!;
    const floor = directory.floors.find((f) => f.id === fjord.floorId)!;
    const rooms = input(card, 'rooms').choices!.slice(1);
    assert.equal(
      rooms.find((c) => c.value === fjord.id)?.title,
      `${site.name} · ${floor.displayName || `Floor ${floor.floorNumber}`} · Fjord`,
    );
    const placeOf = (id: string) => {
      const w = directory.workspaces.find((x) => x.id === id)!;
      const l = directory.locations.find((x) => x.id === w.locationId);
      const f = directory.floors.find((x) => x.id === w.floorId);
      return [l ? directory.locations.indexOf(l) : 99, f?.floorNumber ?? 99] as const;
    };
    // Each site's rooms come together (its runs in the list are one), each site's floors in order.
    const runs = rooms.map((c) => placeOf(c.value)[0]).filter((x, i, all) => i === 0 || x !== all[i - 1]);
    assert.equal(runs.length, new Set(runs).size, 'each site’s rooms together');
    for (let i = 1; i < rooms.length; i++) {
      const [a, b] = [placeOf(rooms[i - 1]!.value), placeOf(rooms[i]!.value)];
      if (a[0] === b[0]) assert.ok(a[1] <= b[1], `${rooms[i - 1]!.title} before ${rooms[i]!.title}`);
    }
    // As a Webex client submits it: the button's data merged with the input values (all text).
    const submit = (inputs: Record<string, string>) =>
      chat.press('ingrid', form!, { kind: 'alert-form', op: 'above', high: '', holdMinutes: '5', ...inputs });
    const [set] = await submit({ rooms: fjord.id, metric: 'tvoc', value: '700' });
    assert.match(textOf(set!), /Alert a\d+ set/);
    assert.match(textOf(set!), /Air quality \(TVOC\) above 700 ppb in Fjord, for 5 min/);

    const before = (await bot.store.listAlertRules()).length;
    const [tooHigh] = await submit({ rooms: fjord.id, metric: 'humidity', value: '150' });
    assert.equal(
      textOf(tooHigh!).trim(),
      'Humidity sensors read from 0 to 100 %: 150 % is outside that range (Threshold). Nothing was set.',
    );
    const [gone] = await submit({
      rooms: 'Y2lzY29zcGFyazovL3VzL1dPUktTUEFDRS9ub3BlLTA',
      metric: 'tvoc',
      value: '500',
    });
    assert.match(textOf(gone!), /no longer exist/);
    // A forged or incomplete submit is answered in one line naming the field (as the form labels it).
    const forged: [Record<string, string>, string][] = [
      [{ rooms: fjord.id, metric: 'tvoc', value: 'lots' }, '"lots" is not a number (Threshold).'],
      [{ rooms: fjord.id, metric: '', value: '500' }, 'Pick a measurement (Measurement).'],
      [{ rooms: '', metric: 'tvoc', value: '500' }, 'Pick at least one room (Rooms).'],
      [
        { rooms: fjord.id, metric: 'tvoc', value: '500', holdMinutes: 'x' },
        '"x" is not a number (For at least (minutes)).',
      ],
      [
        { rooms: fjord.id, metric: 'tvoc', op: 'outside', value: '500' },
        'A range needs both ends: fill in the upper end too (Upper end of the range).',
      ],
    ];
    for (const [inputs, problem] of forged) {
      const [refused] = await submit(inputs);
      assert.equal(textOf(refused!).trim(), `${problem} Nothing was set.`, JSON.stringify(inputs));
    }
    assert.equal((await bot.store.listAlertRules()).length, before, 'bad forms change nothing');

    const [reportForm] = await chat.ask('ingrid', room, 'new daily report');
    // The space works Mon–Fri (the default working hours): the form starts on weekdays.
    assert.equal(input(reportForm!.attachments?.[0]?.content, 'days').value, 'weekdays');
    const [scheduled] = await chat.press('ingrid', reportForm!, {
      kind: 'report-form',
      rooms: 'all',
      time: '07:30',
      days: 'weekdays',
    });
    assert.match(textOf(scheduled!), /Report r\d+ scheduled/);
    assert.match(textOf(scheduled!), /Weekdays at 07:30 for all rooms/);
  });

  it('the New report form schedules weekly and monthly reports, and refuses a forged submit by name', async () => {
    const [form] = await chat.ask('ingrid', room, 'new report');
    const card = form!.attachments?.[0]?.content as unknown as {
      body: { id?: string; value?: string; choices?: { title: string; value: string }[] }[];
    };
    const input = (id: string) => card.body.find((e) => e.id === id)!;
    assert.deepEqual(
      input('days').choices!.map((c) => c.value),
      ['daily', 'weekdays', 'weekly', 'monthly'],
    );
    assert.equal(input('weekday').value, '1');
    assert.equal(input('dayOfMonth').value, '1');
    const directory = await bot.webex.directory.get();
    const fjord = directory.workspaces.find((w) => w.displayName === 'Fjord')!;
    const boardroom = directory.workspaces.find((w) => w.displayName === 'Boardroom')!;
    // As a Webex client submits it: every input of the form (all text), the button's data merged in.
    const submit = (inputs: Record<string, string>) =>
      chat.press('ingrid', form!, {
        kind: 'report-form',
        rooms: fjord.id,
        time: '08:00',
        days: 'weekdays',
        weekday: '1',
        dayOfMonth: '1',
        ...inputs,
      });
    const count = async () => (await bot.store.listReports(room)).length;

    const [weekly] = await submit({ rooms: `${fjord.id},${boardroom.id}`, days: 'weekly' });
    assert.match(textOf(weekly!), /Report r\d+ scheduled/);
    assert.match(textOf(weekly!), /Every Monday at 08:00 for Fjord, Boardroom\n/);
    // The first is the next Monday 08:00 in Oslo (now is 14:00, so never today).
    const today = DateTime.fromMillis(clock.now(), { zone: 'Europe/Oslo' });
    const monday = today.plus({ days: 8 - today.weekday });
    assert.match(textOf(weekly!), new RegExp(`First report: ${monday.toFormat('ccc d LLL')},? 08:00`));
    const [monthly] = await submit({ time: '9:00', days: 'monthly', weekday: '5', dayOfMonth: '31' });
    assert.match(
      textOf(monthly!),
      /Monthly on the 31st \(the last day in shorter months\) at 09:00 for Fjord/,
    );
    assert.equal(await count(), 2);

    const forged: [Record<string, string>, RegExp][] = [
      [
        { days: 'weekly', weekday: '9' },
        /^A weekly report needs a weekday, Monday to Sunday\. Nothing was scheduled\.$/,
      ],
      [
        { days: 'monthly', dayOfMonth: '0' },
        /^A monthly report needs a day of the month from 1 to 31\. Nothing was scheduled\.$/,
      ],
      [
        { days: 'yearly' },
        /^"yearly" is not a choice\. Pick how often: .* \(How often\)\. Nothing was scheduled\.$/,
      ],
      [{ time: '' }, /^Pick a time \(At\)\. Nothing was scheduled\.$/],
    ];
    for (const [inputs, answer] of forged) {
      const [refused] = await submit(inputs);
      assert.match(textOf(refused!).trim(), answer, JSON.stringify(inputs));
    }
    assert.equal(await count(), 2, 'a refused form schedules nothing');

    const [list] = await chat.ask('ingrid', room, 'list reports');
    assert.match(textOf(list!), /Every Monday at 08:00 \(Europe\/Oslo\)/);
    assert.match(
      textOf(list!),
      /Monthly on the 31st \(the last day in shorter months\) at 09:00 \(Europe\/Oslo\)/,
    );
  });

  it('a pass spread over a long interval ends between two calls when the bot stops', async () => {
    const rule = await bot.store.createAlertRule({
      roomId: room,
      metric: 'temperature',
      rooms: { all: true },
      condition: { op: 'above', value: 60 },
      holdMs: 600_000,
      hysteresis: 0.5,
      renotifyMs: 0,
      muted: false,
      createdBy: { personId: 'p', email: 'ingrid.berg@nordlys.example' },
      createdAt: clock.now(),
    });
    const { plan } = await bot.alerts.plan();
    assert.ok(plan.spacingMs > 60_000, `calls are minutes apart (${plan.spacingMs} ms)`);
    const stopping = new AbortController();
    // The bot stops once the first metrics call has been answered (a signal, not a fixed delay).
    const admin = bot.webex.admin;
    const metrics = admin.metrics;
    let abortedAt = 0;
    admin.metrics = (async (...args: Parameters<typeof metrics>) => {
      const answer = await metrics.apply(admin, args);
      abortedAt = performance.now();
      stopping.abort();
      return answer;
    }) as typeof metrics;
    try {
      const result = await bot.alerts.pass(undefined, stopping.signal);
      assert.ok(abortedAt > 0, 'the first call was made');
      assert.ok(performance.now() - abortedAt < 5_000, 'the pass ended at once');
      assert.equal(result.calls, 1, 'one call made before the pause, none after the abort');
    } finally {
      admin.metrics = metrics;
      await bot.store.deleteAlertRule(rule.id, room);
    }
  });
});
