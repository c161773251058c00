import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { signBody } from '../../src/emulator/webhook-dispatcher';
import { Chat, type Chat as ChatType, HandlingWatch, startTestBot, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';
import { TestClock } from '../support/fake-clock';

interface CardBody {
  type: string;
  text?: string;
  url?: string;
  facts?: { title: string; value: string }[];
  items?: CardBody[];
  columns?: CardBody[];
}
interface Card {
  body: CardBody[];
  actions?: { type: string; title: string; data?: Record<string, unknown> }[];
}

const cardOf = (m: StoredMessage): Card => {
  const card = m.attachments?.[0]?.content;
  assert.ok(card, `the answer has a card: ${m.markdown ?? m.text}`);
  return card as unknown as Card;
};
/** Every text the card shows, flattened. */
const textsOf = (node: CardBody | Card): string[] => {
  const here =
    'type' in node && node.type
      ? [node.text ?? '', ...(node.facts ?? []).flatMap((f) => [f.title, f.value])]
      : [];
  const children =
    'body' in node ? node.body : [...((node as CardBody).items ?? []), ...((node as CardBody).columns ?? [])];
  return [...here, ...children.flatMap(textsOf)];
};
const imagesOf = (node: CardBody | Card): string[] => {
  const here = 'type' in node && node.type === 'Image' && node.url ? [node.url] : [];
  const children =
    'body' in node ? node.body : [...((node as CardBody).items ?? []), ...((node as CardBody).columns ?? [])];
  return [...here, ...children.flatMap(imagesOf)];
};

interface CsvData {
  from: string;
  to: string;
  aggregation: string;
  metrics: string[];
  workspaceIds: string[];
}
/** The CSV button's data: which rooms, metrics and range the answer used. */
const csvOf = (m: StoredMessage): CsvData => {
  const data = cardOf(m).actions?.find((a) => a.title === 'CSV')?.data as CsvData | undefined;
  assert.ok(data, `the answer offers its data as CSV: ${m.markdown}`);
  return data;
};

/**
 * One room's metric over [from, to] as the API answers it: its 5-minute readings (`none`) or its
 * hourly buckets (the mean is then the plain mean of the bucket means, as the bot summarises them).
 */
async function apiReadings(
  emulator: RunningEmulator,
  workspaceId: string,
  metricName: string,
  from: string,
  to: string,
  { aggregation = 'none', required = true }: { aggregation?: 'none' | 'hourly'; required?: boolean } = {},
): Promise<{ values: number[]; min: number; max: number; mean: number; latest: number }> {
  const query = new URLSearchParams({
    workspaceId,
    metricName,
    aggregation,
    from,
    to,
    sortBy: 'oldestFirst',
  });
  const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
  assert.equal(api.status, 200, api.text);
  const items = (api.body as { items: { value?: number; mean?: number; min?: number; max?: number }[] })
    .items;
  assert.ok(items.length > 0 || !required, `the API has ${metricName} readings for ${workspaceId}`);
  const values = items.map((i) => (i.value ?? i.mean)!);
  return {
    values,
    min: Math.min(...items.map((i) => (i.value ?? i.min)!)),
    max: Math.max(...items.map((i) => (i.value ?? i.max)!)),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    latest: values.at(-1)!,
  };
}

/** The number after `label` in `text` equals `expected` at the precision shown (`digits` decimals). */
function assertShown(text: string, label: RegExp, expected: number, digits: number, unit: string): void {
  const match = new RegExp(`${label.source}\\s*(-?\\d+(?:\\.\\d+)?) ${unit}`).exec(text);
  assert.ok(match, `${label} … ${unit} in ${text}`);
  const shown = Number(match[1]);
  assert.ok(
    Math.abs(shown - expected) <= 0.5 * 10 ** -digits + 1e-9,
    `${label}: shows ${shown} ${unit}; the API's readings give ${expected}`,
  );
}

describe('the bot in Webex (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let room: string;

  let watch: HandlingWatch;
  // 14:00 in Oslo on the bot's clock: "today" has readings and no answer crosses midnight.
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    watch = new HandlingWatch(bot);
  });
  // A space of its own for each test, so no answer can be mistaken for another test's.
  beforeEach(async () => {
    room = await chat.groupSpace('ingrid', 'Facilities');
    for (const email of ['ola.nordmann@nordlys.example', 'kari.hansen@nordlys.example']) {
      await call(emulator, 'POST', '/memberships', {
        token: emulator.userTokens.ingrid,
        json: { roomId: room, personEmail: email },
      });
    }
  });
  after(async () => {
    await bot?.stop();
  });

  it('answers a metric question with a card: title with zone, verdict, numbers, a chart that loads', async () => {
    const [answer] = await chat.ask('ingrid', room, 'temperature in Fjord last 6 hours');
    const card = cardOf(answer!);
    const texts = textsOf(card).join('\n');
    assert.match(texts, /Fjord/);
    assert.match(texts, /Europe\/Oslo/);
    assert.match(texts, /°C/);
    assert.match(answer!.markdown ?? '', /Fjord/);
    const { from, to, workspaceIds } = csvOf(answer!);
    const api = await apiReadings(emulator, workspaceIds[0]!, 'temperature', from, to);
    assert.match(texts, /^(Comfortable|Too warm|Too cold)/m, 'a verdict');
    assertShown(texts, /Min/, api.min, 1, '°C');
    assertShown(texts, /Mean/, api.mean, 1, '°C');
    assertShown(texts, /Max/, api.max, 1, '°C');
    assertShown(texts, /Latest/, api.latest, 1, '°C');
    const [image] = imagesOf(card);
    assert.ok(image, 'the card shows a chart');
    const png = await fetch(image!);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.ok((await png.arrayBuffer()).byteLength > 1000);
    assert.ok((card.actions ?? []).length <= 5);
  });

  it('shows numbers equal to those computed from the API answers', async () => {
    const [answer] = await chat.ask('ingrid', room, 'humidity in Boardroom last 24 hours');
    const card = cardOf(answer!);
    const csv = card.actions?.find((a) => a.title === 'CSV')?.data as
      | { from: string; to: string; aggregation: string; workspaceIds: string[] }
      | undefined;
    assert.ok(csv, 'the answer offers its data as CSV (and says which range it used)');
    const query = new URLSearchParams({
      workspaceId: csv.workspaceIds[0]!,
      metricName: 'humidity',
      aggregation: csv.aggregation,
      from: csv.from,
      to: csv.to,
    });
    const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
    const items = (api.body as { items: { min: number; max: number }[] }).items;
    const min = Math.min(...items.map((i) => i.min));
    const max = Math.max(...items.map((i) => i.max));
    const facts = textsOf(card).join('\n');
    assert.match(facts, new RegExp(`\\b${Math.round(min)} %`));
    assert.match(facts, new RegExp(`\\b${Math.round(max)} %`));
  });

  it('follows up on typed text: "and tvoc?" reuses the room and range', async () => {
    const [first] = await chat.ask('ola', room, 'noise in Room 4 yesterday');
    const [answer] = await chat.ask('ola', room, 'and air quality?');
    const texts = textsOf(cardOf(answer!)).join('\n');
    assert.match(texts, /Room 4/);
    assert.match(texts, /air quality/i);
    // The same room and range as the question before, now for TVOC, with the API's numbers.
    const before = csvOf(first!);
    const now = csvOf(answer!);
    assert.deepEqual(
      { rooms: now.workspaceIds, from: now.from, to: now.to, metrics: now.metrics },
      { rooms: before.workspaceIds, from: before.from, to: before.to, metrics: ['tvoc'] },
    );
    const api = await apiReadings(emulator, now.workspaceIds[0]!, 'tvoc', now.from, now.to);
    assertShown(texts, /Min/, api.min, 0, 'ppb');
    assertShown(texts, /Max/, api.max, 0, 'ppb');
  });

  it('runs a follow-up button and sends the CSV as a file', async () => {
    const [answer] = await chat.ask('kari', room, 'temperature in Boardroom last 24 hours');
    const card = cardOf(answer!);
    const week = card.actions?.find((a) => a.title === 'Last 7 days');
    assert.ok(week?.data);
    const [weekly] = await chat.press('kari', answer!, week.data);
    assert.match(textsOf(cardOf(weekly!)).join('\n'), /Boardroom/);
    assert.match(textsOf(cardOf(weekly!)).join('\n'), /Boardroom · temperature · last 7 d/, 'a new window');
    const csvAction = card.actions?.find((a) => a.title === 'CSV');
    const [file] = await chat.press('kari', answer!, csvAction!.data!);
    assert.equal(file!.files?.length, 1);
    const content = await fetch(file!.files![0]!, {
      headers: { authorization: `Bearer ${emulator.userTokens.kari}` },
    });
    const text = await content.text();
    assert.match(text.split('\n')[0]!, /^room,metric,start,end,mean,min,max,unit$/);
    assert.match(text, /Boardroom,temperature,/);
  });

  it('asks back for an unknown room and answers the choice', async () => {
    const [question] = await chat.ask('ingrid', room, 'temperature in Room 41 today');
    const card = cardOf(question!);
    assert.match(textsOf(card).join('\n'), /room 41/i);
    const choice = card.actions?.find((a) => a.title === 'Room 4');
    assert.ok(choice?.data, 'Room 4 is offered');
    const [answer] = await chat.press('ingrid', question!, choice.data);
    const texts = textsOf(cardOf(answer!)).join('\n');
    assert.match(texts, /Room 4/);
    const room4 = (await bot.webex.directory.get()).workspaces.find((w) => w.displayName === 'Room 4')!;
    const csv = csvOf(answer!);
    assert.deepEqual(csv.workspaceIds, [room4.id], 'the answer is about the room chosen');
    const api = await apiReadings(emulator, room4.id, 'temperature', csv.from, csv.to);
    assertShown(texts, /Max/, api.max, 1, '°C');
  });

  it('answers every other intent', async () => {
    const expectations: [string, RegExp][] = [
      ['help', /temperature, humidity/i],
      ['list rooms', /Fløyen/],
    ];
    for (const [text, expected] of expectations) {
      const [answer] = await chat.ask('ola', room, text);
      const shown = answer!.attachments ? textsOf(cardOf(answer!)).join('\n') : (answer!.markdown ?? '');
      assert.match(shown, expected, `${text} → ${shown}`);
    }
    const { workspaces } = await bot.webex.directory.get();
    const nameOf = (id: string) => workspaces.find((w) => w.id === id)?.displayName;
    const idOf = (name: string) => workspaces.find((w) => w.displayName === name)!.id;

    // Rank: the room first is the one whose readings average highest in working hours (Mon–Fri
    // 08:00–17:00 Oslo, time-weighted by each hourly bucket's working part), with that average;
    // on a weekend, over all its hourly buckets.
    const [warmest] = await chat.ask('ola', room, 'which room was warmest today');
    assert.match(warmest!.markdown ?? '', /Warmest room/);
    const ranked = csvOf(warmest!);
    const windowFrom = Date.parse(ranked.from);
    const windowTo = Date.parse(ranked.to);
    /** Milliseconds of [a, b) within working hours and the window. */
    const workingPart = (a: number, b: number): number => {
      let ms = 0;
      for (let t = Math.max(a, windowFrom); t < Math.min(b, windowTo); t += 60_000) {
        const local = DateTime.fromMillis(t, { zone: 'Europe/Oslo' });
        if (local.weekday <= 5 && local.hour >= 8 && local.hour < 17) ms += 60_000;
      }
      return ms;
    };
    const judged = workingPart(windowFrom, windowTo) > 0;
    const means = await Promise.all(
      ranked.workspaceIds.map(async (id) => {
        const query = new URLSearchParams({
          workspaceId: id,
          metricName: 'temperature',
          aggregation: 'hourly',
          from: ranked.from,
          to: ranked.to,
        });
        const api = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
        const items = (api.body as { items: { start: string; end: string; mean: number }[] }).items;
        if (!judged) return { name: nameOf(id), mean: items.reduce((a, i) => a + i.mean, 0) / items.length };
        let weighted = 0;
        let total = 0;
        for (const i of items) {
          const ms = workingPart(Date.parse(i.start), Date.parse(i.end));
          weighted += i.mean * ms;
          total += ms;
        }
        return { name: nameOf(id), mean: weighted / total };
      }),
    );
    // Rooms without a temperature sensor have no readings (a mean of NaN) and are not ranked.
    const top = means.filter((m) => !Number.isNaN(m.mean)).reduce((a, b) => (b.mean > a.mean ? b : a));
    assertShown(warmest!.markdown ?? '', new RegExp(`\\*\\*1\\.\\*\\* ${top.name}:`), top.mean, 1, '°C');

    // Compare: each room's mean and maximum.
    const [compared] = await chat.ask('ola', room, 'compare humidity in Fjord and Fløyen today');
    const range = csvOf(compared!);
    for (const name of ['Fjord', 'Fløyen']) {
      const api = await apiReadings(emulator, idOf(name), 'humidity', range.from, range.to, {
        aggregation: 'hourly',
      });
      assertShown(compared!.markdown ?? '', new RegExp(`${name}: mean`), api.mean, 0, '%');
      assertShown(compared!.markdown ?? '', new RegExp(`${name}: mean [\\d.]+ %, max`), api.max, 0, '%');
    }

    // Overview: each metric's value over today (the bot's clock held still, so the range is known).
    const asked = clock.pin();
    const [overview] = await chat.ask('ola', room, 'how was Room 40 today?');
    clock.release();
    const today = DateTime.fromMillis(asked, { zone: 'Europe/Oslo' }).startOf('day').toUTC().toISO()!;
    const until = new Date(asked).toISOString();
    for (const [metric, label, digits, unit] of [
      ['temperature', /Temperature:/, 1, '°C'],
      ['humidity', /Humidity:/, 0, '%'],
      ['tvoc', /Air quality \(TVOC\):/, 0, 'ppb'],
      ['ambientNoise', /Ambient noise:/, 0, 'dBA'],
    ] as const) {
      const api = await apiReadings(emulator, idOf('Room 40'), metric, today, until, {
        aggregation: 'hourly',
      });
      assertShown(overview!.markdown ?? '', label, api.mean, digits, unit);
    }

    // Current: the latest reading, and the hour's min, mean and max.
    const [current] = await chat.ask('ola', room, 'what is the noise in Lab 2.1 right now');
    const hour = csvOf(current!);
    assert.deepEqual(hour.workspaceIds, [idOf('Lab 2.1')]);
    const noise = await apiReadings(emulator, idOf('Lab 2.1'), 'ambientNoise', hour.from, hour.to);
    const facts = textsOf(cardOf(current!)).join('\n');
    assertShown(facts, /Now\n/, noise.latest, 0, 'dBA');
    assertShown(facts, /Min\n/, noise.min, 0, 'dBA');
    assertShown(facts, /Mean\n/, noise.mean, 0, 'dBA');
    assertShown(facts, /Max\n/, noise.max, 0, 'dBA');
    const [settings] = await chat.ask('ola', room, 'use fahrenheit');
    assert.match(settings!.markdown ?? '', /fahrenheit/);
    const [inF] = await chat.ask('ola', room, 'temperature in Fjord last 3 hours');
    assert.match(textsOf(cardOf(inF!)).join('\n'), /°F/);
    await chat.ask('ola', room, 'use celsius');
    const [unknown] = await chat.ask('ola', room, "what's for lunch?");
    assert.match(unknown!.markdown ?? '', /didn't understand/);
  });

  it('answers someone outside the allowed domains with one polite line, once per space', async () => {
    const space = await chat.groupSpace('ingrid', 'With a guest');
    await call(emulator, 'POST', '/memberships', {
      token: emulator.userTokens.ingrid,
      json: { roomId: space, personEmail: 'sam.guest@partner.example' },
    });
    const [first] = await chat.ask('sam', space, 'temperature in Fjord');
    assert.match(first!.markdown ?? '', /only share room data/);
    assert.equal(first!.attachments, undefined);
    const second = await chat.post('sam', space, 'humidity in Fjord');
    // Waits until the bot has handled it (a reply would have been posted by then), not a fixed time.
    await watch.handled(second);
    assert.deepEqual(
      chat.botMessagesAfter(space, first!.created).map((m) => m.id),
      [first!.id],
      'the bot stays quiet the second time',
    );
  });

  it('rejects a forged delivery and processes a duplicate delivery once', async () => {
    const body = JSON.stringify({
      id: 'x',
      name: 'x',
      resource: 'messages',
      event: 'created',
      data: { id: 'y' },
    });
    const forged = await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-spark-signature': signBody('not-the-secret-000000', body),
      },
      body,
    });
    assert.equal(forged.status, 401);
    const before = [...emulator.context.store.messages.values()].length;
    const posted = await call(emulator, 'POST', '/messages', {
      token: emulator.userTokens.ingrid,
      json: { roomId: room, markdown: `<@personEmail:${emulator.botEmail}|RoomBot> help` },
    });
    const message = posted.body as { id: string; personId: string; personEmail: string; created: string };
    await watch.handled(message.id);
    assert.equal(watch.timesStarted(message.id), 1);
    const replay = JSON.stringify({
      id: 'hook',
      name: 'replay',
      resource: 'messages',
      event: 'created',
      actorId: message.personId,
      data: {
        id: message.id,
        roomId: room,
        roomType: 'group',
        personId: message.personId,
        personEmail: message.personEmail,
      },
    });
    const again = await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spark-signature': signBody(WEBHOOK_SECRET, replay) },
      body: replay,
    });
    assert.equal(again.status, 200);
    // The receiver decides before its 200 is read, and a delivery it keeps is handed to the
    // conversation in the same process at the next setImmediate, before this fetch resolved; so by
    // now the replay was either started (counted) or dropped. Nothing to wait for.
    assert.equal(watch.timesStarted(message.id), 1, 'the replayed delivery was dropped');
    const answers = [...emulator.context.store.messages.values()]
      .slice(before)
      .filter((m) => m.personId === bot.me.id);
    assert.equal(answers.length, 1, 'one answer for one question, however often it is delivered');
  });
});

describe('the bot when Webex misbehaves (end to end)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let room: string;

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
    room = await chat.groupSpace('ingrid', 'Misbehaving Webex');
  });
  afterEach(() => {
    emulator.traffic.update({ faultRate: 0, rateLimitPerMinute: 0, appliesTo: undefined });
    emulator.traffic.throttle(0, 0);
    emulator.context.tokens.restoreScope('spark-admin:workspace_metrics_read');
  });
  const clock = new TestClock('Europe/Oslo');
  after(async () => {
    await bot?.stop();
  });

  it('still answers when some admin calls fail with 5xx (retries with backoff)', async () => {
    await chat.ask('ingrid', room, 'list rooms'); // directory cached before the faults start
    emulator.traffic.update({ faultRate: 0.4, seed: 11, appliesTo: [await currentAdminToken(emulator)] });
    const [answer] = await chat.ask('ingrid', room, 'temperature in Fjord last 3 hours', 1, 30_000);
    emulator.traffic.update({ faultRate: 0 });
    await assertNumbersFromApi(emulator, answer!, 'temperature');
  });

  it('says Webex is not answering, with a trackingId, when the admin API keeps failing', async () => {
    await chat.ask('ingrid', room, 'list rooms');
    emulator.traffic.update({ faultRate: 1, appliesTo: [await currentAdminToken(emulator)] });
    const [answer] = await chat.ask('ingrid', room, 'humidity in Fløyen last 2 hours', 1, 30_000);
    // Markdown escapes (`\_`) are how the text is sent; a reader sees it without them.
    const texts =
      `${answer!.markdown}\n${answer!.attachments ? textsOf(cardOf(answer!)).join('\n') : ''}`.replace(
        /\\/g,
        '',
      );
    assert.match(texts, /not answering/);
    assert.match(texts, /ROUTER_/);
  });

  it('says the answer is coming when Webex rate limits the bot, then answers', async () => {
    await chat.ask('ingrid', room, 'list rooms');
    emulator.traffic.update({ appliesTo: [await currentAdminToken(emulator)] });
    emulator.traffic.throttle(1, 3);
    const [notice, answer] = await chat.ask('ingrid', room, 'temperature in Fjord last 3 hours', 2, 30_000);
    assert.match(notice!.markdown ?? '', /answer is coming in about 3 s/);
    assert.equal(notice!.attachments, undefined);
    await assertNumbersFromApi(emulator, answer!, 'temperature');
  });

  it('says how long to wait when Webex asks for a longer pause than the bot will wait', async () => {
    await chat.ask('ingrid', room, 'list rooms');
    emulator.traffic.update({ appliesTo: [await currentAdminToken(emulator)] });
    emulator.traffic.throttle(1, 600);
    const [answer] = await chat.ask('ingrid', room, 'humidity in Fløyen last 2 hours');
    const texts = `${answer!.markdown}\n${textsOf(cardOf(answer!)).join('\n')}`.replace(/\\/g, '');
    assert.match(texts, /rate limiting the bot; try again in 600 s/);
  });

  it('names the missing scope when the admin token cannot read metrics', async () => {
    emulator.context.tokens.revokeScope('spark-admin:workspace_metrics_read');
    const [answer] = await chat.ask('ingrid', room, 'noise in Room 40 today');
    // Markdown escapes (`\_`) are how the text is sent; a reader sees it without them.
    const texts =
      `${answer!.markdown}\n${answer!.attachments ? textsOf(cardOf(answer!)).join('\n') : ''}`.replace(
        /\\/g,
        '',
      );
    assert.match(texts, /spark-admin:workspace_metrics_read/);
  });
});

/** A metric card's min, mean and max equal those of the API's readings over the card's range. */
async function assertNumbersFromApi(
  emulator: RunningEmulator,
  answer: StoredMessage,
  metric: 'temperature',
): Promise<void> {
  const texts = textsOf(cardOf(answer)).join('\n');
  const csv = csvOf(answer);
  const api = await apiReadings(emulator, csv.workspaceIds[0]!, metric, csv.from, csv.to);
  for (const [label, value] of [
    [/Min/, api.min],
    [/Mean/, api.mean],
    [/Max/, api.max],
  ] as const)
    assertShown(texts, label, value, 1, '°C');
}

/** The admin token the bot holds now (it got its own through the refresh grant). */
async function currentAdminToken(emulator: RunningEmulator): Promise<string> {
  return emulator.context.tokens.adminTokens().at(-1)!;
}
