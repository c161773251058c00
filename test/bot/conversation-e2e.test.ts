import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { signBody } from '../../src/emulator/webhook-dispatcher';
import { Chat, type Chat as ChatType, startTestBot, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';

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

describe('the bot in Webex (end to end through the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: ChatType;
  let room: string;

  before(async () => {
    ({ emulator, bot } = await startTestBot());
    chat = new Chat(emulator, bot.me.id);
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
    await chat.ask('ola', room, 'noise in Room 4 yesterday');
    const [answer] = await chat.ask('ola', room, 'and air quality?');
    const texts = textsOf(cardOf(answer!)).join('\n');
    assert.match(texts, /Room 4/);
    assert.match(texts, /air quality/i);
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
    assert.match(textsOf(cardOf(answer!)).join('\n'), /Room 4/);
  });

  it('answers every other intent', async () => {
    const expectations: [string, RegExp][] = [
      ['help', /temperature, humidity/i],
      ['list rooms', /Fløyen/],
      ['which room was warmest today', /Warmest room/],
      ['compare humidity in Fjord and Fløyen today', /Fløyen/],
      ['how was Room 40 today?', /Room 40/],
      ['what is the noise in Lab 2.1 right now', /Lab 2\.1/],
    ];
    for (const [text, expected] of expectations) {
      const [answer] = await chat.ask('ola', room, text);
      const shown = answer!.attachments ? textsOf(cardOf(answer!)).join('\n') : (answer!.markdown ?? '');
      assert.match(shown, expected, `${text} → ${shown}`);
    }
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
    await chat.ask('sam', space, 'humidity in Fjord', 1, 1500).then(
      () => assert.fail('the bot should stay quiet the second time'),
      (error: Error) => assert.match(error.message, /timed out/),
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
    await emulator.context.webhooks.idle();
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
    await new Promise((resolve) => setTimeout(resolve, 500));
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
    ({ emulator, bot } = await startTestBot());
    chat = new Chat(emulator, bot.me.id);
    room = await chat.groupSpace('ingrid', 'Misbehaving Webex');
  });
  afterEach(() => {
    emulator.traffic.update({ faultRate: 0, rateLimitPerMinute: 0, appliesTo: undefined });
    emulator.traffic.throttle(0, 0);
    emulator.context.tokens.restoreScope('spark-admin:workspace_metrics_read');
  });
  after(async () => {
    await bot?.stop();
  });

  it('still answers when some admin calls fail with 5xx (retries with backoff)', async () => {
    await chat.ask('ingrid', room, 'list rooms'); // directory cached before the faults start
    emulator.traffic.update({ faultRate: 0.4, seed: 11, appliesTo: [await currentAdminToken(emulator)] });
    const [answer] = await chat.ask('ingrid', room, 'temperature in Fjord last 3 hours', 1, 30_000);
    assert.match(textsOf(cardOf(answer!)).join('\n'), /Fjord/);
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
    assert.match(textsOf(cardOf(answer!)).join('\n'), /Fjord/);
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

/** The admin token the bot holds now (it got its own through the refresh grant). */
async function currentAdminToken(emulator: RunningEmulator): Promise<string> {
  return emulator.context.tokens.adminTokens().at(-1)!;
}
