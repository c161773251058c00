import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AttachmentAction,
  type Membership,
  type Message,
  type Person,
  type Room,
  type Webhook,
  type WebhookEnvelope,
} from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { callers } from './webex-http';

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: WebhookEnvelope;
}

/** A webhook target on loopback that records the raw bytes and headers of every POST. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  /** Status the receiver answers with. */
  status = 200;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        this.deliveries.push({
          path: req.url ?? '',
          headers: req.headers,
          raw,
          body: JSON.parse(raw.toString('utf8')) as WebhookEnvelope,
        });
        res.statusCode = this.status;
        res.end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Deliveries of one webhook registration. */
  of(webhookId: string): Delivery[] {
    return this.deliveries.filter((d) => d.body.id === webhookId);
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}

const ENVELOPE_FIELDS = [
  'actorId',
  'appId',
  'created',
  'createdBy',
  'data',
  'event',
  'id',
  'name',
  'orgId',
  'ownedBy',
  'resource',
  'status',
  'targetUrl',
].sort();

const SECRET = 'hook-secret-ø-✓';

const card = {
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: {
    type: 'AdaptiveCard',
    version: '1.3',
    body: [{ type: 'Input.Text', id: 'room' }],
    actions: [{ type: 'Action.Submit', title: 'Go' }],
  },
};

describe('emulator HTTP: webhook delivery', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { bot, ingrid } = callers(() => emulator.current);
  const receiver = new Receiver();
  let firehose: Webhook;
  let actions: Webhook;
  let botId: string;

  before(async () => {
    await receiver.start();
    firehose = await bot.post<Webhook>('/webhooks', {
      name: 'firehose',
      targetUrl: `${receiver.url}/firehose`,
      resource: 'all',
      event: 'all',
      secret: SECRET,
    });
    actions = await bot.post<Webhook>('/webhooks', {
      name: 'card submits',
      targetUrl: `${receiver.url}/actions`,
      resource: 'attachmentActions',
      event: 'created',
      secret: SECRET,
    });
    botId = (await bot.get<Person>('/people/me')).id;
  });
  after(() => receiver.stop());
  beforeEach(() => receiver.clear());

  const settle = () => emulator.current.context.webhooks.idle();

  it('signs each delivery: X-Spark-Signature = hex HMAC-SHA1 of the exact received bytes', async () => {
    const room = await bot.post<Room>('/rooms', { title: 'Signed ✓ æøå' });
    await settle();
    assert.ok(receiver.deliveries.length >= 2, 'expected rooms + memberships deliveries');
    for (const delivery of receiver.deliveries) {
      const expected = createHmac('sha1', SECRET).update(delivery.raw).digest('hex');
      assert.equal(delivery.headers['x-spark-signature'], expected);
      assert.match(delivery.headers['content-type'] ?? '', /^application\/json/);
      // A different secret does not verify.
      assert.notEqual(createHmac('sha1', 'other').update(delivery.raw).digest('hex'), expected);
    }
    assert.ok(receiver.deliveries.some((d) => d.body.data.id === room.id));
  });

  it('sends no signature for a webhook without a secret', async () => {
    const plain = await bot.post<Webhook>('/webhooks', {
      name: 'unsigned',
      targetUrl: `${receiver.url}/unsigned`,
      resource: 'rooms',
      event: 'created',
    });
    await bot.post<Room>('/rooms', { title: 'Unsigned' });
    await settle();
    const unsigned = receiver.of(plain.id);
    assert.equal(unsigned.length, 1);
    assert.equal(unsigned[0]!.headers['x-spark-signature'], undefined);
    await bot.delete(`/webhooks/${plain.id}`);
  });

  it('envelope has exactly the documented fields; data holds ids, never text or card inputs', async () => {
    const room = await bot.post<Room>('/rooms', { title: 'Envelope' });
    await bot.post<Membership>('/memberships', {
      roomId: room.id,
      personEmail: 'ingrid.berg@nordlys.example',
    });
    const posted = await ingrid.post<Message>('/messages', {
      roomId: room.id,
      markdown: '<@personEmail:roombot@webex.bot|RoomBot> secret words',
    });
    await settle();
    const messageDelivery = receiver.of(firehose.id).find((d) => d.body.resource === 'messages');
    assert.ok(messageDelivery, 'no message delivery');
    const envelope = messageDelivery.body;
    assert.deepEqual(Object.keys(envelope).sort(), ENVELOPE_FIELDS);
    assert.equal(messageDelivery.path, '/firehose');
    assert.equal(envelope.id, firehose.id);
    assert.equal(envelope.name, 'firehose');
    assert.equal(envelope.targetUrl, `${receiver.url}/firehose`);
    assert.equal(envelope.resource, 'messages');
    assert.equal(envelope.event, 'created');
    assert.equal(envelope.orgId, firehose.orgId);
    assert.equal(envelope.createdBy, botId);
    assert.equal(envelope.appId, firehose.appId);
    assert.equal(envelope.ownedBy, 'creator');
    assert.equal(envelope.status, 'active');
    assert.equal(envelope.created, firehose.created);
    assert.equal(envelope.actorId, posted.personId);
    assert.equal(envelope.data.id, posted.id);
    assert.equal(envelope.data.roomId, room.id);
    assert.equal(envelope.data.personId, posted.personId);
    assert.equal(envelope.data.personEmail, 'ingrid.berg@nordlys.example');
    for (const field of ['text', 'markdown', 'html', 'attachments']) {
      assert.ok(!(field in envelope.data), `data must not hold ${field}`);
    }
    assert.ok(!messageDelivery.raw.toString('utf8').includes('secret words'));

    const cardMessage = await bot.post<Message>('/messages', {
      roomId: room.id,
      text: 'pick',
      attachments: [card],
    });
    const submit = await ingrid.post<AttachmentAction>(
      '/attachment/actions',
      { type: 'submit', messageId: cardMessage.id, inputs: { room: 'Confidential room' } },
      202,
    );
    await settle();
    const actionDeliveries = receiver.of(actions.id);
    assert.equal(actionDeliveries.length, 1);
    const action = actionDeliveries[0]!;
    assert.deepEqual(Object.keys(action.body).sort(), ENVELOPE_FIELDS);
    assert.equal(action.body.resource, 'attachmentActions');
    assert.equal(action.body.event, 'created');
    assert.equal(action.body.data.id, submit.id);
    assert.equal(action.body.data.messageId, cardMessage.id);
    assert.equal(action.body.actorId, submit.personId);
    assert.ok(!('inputs' in action.body.data));
    assert.ok(!action.raw.toString('utf8').includes('Confidential room'));
  });

  it('the firehose gets messages, memberships and rooms but not attachmentActions', async () => {
    const room = await bot.post<Room>('/rooms', { title: 'Firehose' });
    await bot.post<Membership>('/memberships', {
      roomId: room.id,
      personEmail: 'ingrid.berg@nordlys.example',
    });
    const posted = await bot.post<Message>('/messages', {
      roomId: room.id,
      text: 'pick',
      attachments: [card],
    });
    const submit = await ingrid.post<AttachmentAction>(
      '/attachment/actions',
      { type: 'submit', messageId: posted.id, inputs: { room: 'Fjord' } },
      202,
    );
    await settle();
    const hose = receiver.of(firehose.id).map((d) => `${d.body.resource}:${d.body.event}`);
    assert.ok(hose.includes('rooms:created'), hose.join());
    assert.ok(hose.includes('memberships:created'), hose.join());
    assert.ok(hose.includes('messages:created'), hose.join());
    assert.ok(!hose.some((k) => k.startsWith('attachmentActions')), hose.join());
    const dedicated = receiver.of(actions.id);
    assert.deepEqual(
      dedicated.map((d) => d.body.data.id),
      [submit.id],
    );
  });

  it('in a group space the bot hears only mentions and its own messages; in a 1:1 space, everything', async () => {
    const room = await ingrid.post<Room>('/rooms', { title: 'Group hearing' });
    await ingrid.post<Membership>('/memberships', { roomId: room.id, personId: botId });
    const quiet = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'not for the bot' });
    const mention = await ingrid.post<Message>('/messages', {
      roomId: room.id,
      markdown: '<@personEmail:roombot@webex.bot|RoomBot> hi',
    });
    const own = await bot.post<Message>('/messages', { roomId: room.id, text: 'bot speaking' });
    const dm1 = await ingrid.post<Message>('/messages', { toPersonEmail: 'roombot@webex.bot', text: 'one' });
    const dm2 = await ingrid.post<Message>('/messages', { toPersonEmail: 'roombot@webex.bot', text: 'two' });
    await settle();
    const heard = receiver
      .of(firehose.id)
      .filter((d) => d.body.resource === 'messages')
      .map((d) => d.body.data.id);
    assert.ok(!heard.includes(quiet.id), 'the bot must not hear an unmentioned group message');
    for (const id of [mention.id, own.id, dm1.id, dm2.id]) assert.ok(heard.includes(id), `missed ${id}`);
    assert.equal(heard.length, 4);
    const membership = receiver
      .of(firehose.id)
      .find((d) => d.body.resource === 'memberships' && d.body.data.personId === botId);
    assert.ok(membership, 'the bot is told it was added to the space');
  });

  it('a person (not a bot) hears every message of a group space', async () => {
    const userHook = await ingrid.post<Webhook>('/webhooks', {
      name: 'ingrid',
      targetUrl: `${receiver.url}/ingrid`,
      resource: 'messages',
      event: 'created',
    });
    const room = await ingrid.post<Room>('/rooms', { title: 'User hearing' });
    await ingrid.post<Membership>('/memberships', { roomId: room.id, personId: botId });
    const quiet = await bot.post<Message>('/messages', { roomId: room.id, text: 'no mention needed' });
    await settle();
    assert.deepEqual(
      receiver.of(userHook.id).map((d) => d.body.data.id),
      [quiet.id],
    );
    await ingrid.delete(`/webhooks/${userHook.id}`);
  });

  it('the bot is told when it is removed from a space', async () => {
    const room = await ingrid.post<Room>('/rooms', { title: 'Leaving' });
    const membership = await ingrid.post<Membership>('/memberships', { roomId: room.id, personId: botId });
    await ingrid.delete(`/memberships/${membership.id}`);
    await settle();
    const events = receiver
      .of(firehose.id)
      .filter((d) => d.body.resource === 'memberships' && d.body.data.id === membership.id)
      .map((d) => d.body.event);
    assert.deepEqual(events, ['created', 'deleted']);
  });

  it('an edit fires messages:updated (ids and `updated` only), with the rules and filters of created', async () => {
    const updates = await ingrid.post<Webhook>('/webhooks', {
      name: 'ingrid edits',
      targetUrl: `${receiver.url}/updates`,
      resource: 'messages',
      event: 'updated',
    });
    const mentions = await bot.post<Webhook>('/webhooks', {
      name: 'bot mentioned',
      targetUrl: `${receiver.url}/mentions`,
      resource: 'messages',
      event: 'all',
      filter: 'mentionedPeople=me',
    });
    const room = await ingrid.post<Room>('/rooms', { title: 'Edits heard' });
    await ingrid.post<Membership>('/memberships', { roomId: room.id, personId: botId });
    const message = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'secret draft' });
    clock.advance(5000);
    const quiet = await ingrid.put<Message>(`/messages/${message.id}`, {
      roomId: room.id,
      text: 'secret v1',
    });
    await settle();
    const heard = receiver.of(updates.id);
    assert.equal(heard.length, 1, 'the created event does not reach an updated webhook');
    const envelope = heard[0]!.body;
    assert.deepEqual(Object.keys(envelope).sort(), ENVELOPE_FIELDS);
    assert.equal(envelope.resource, 'messages');
    assert.equal(envelope.event, 'updated');
    assert.equal(envelope.actorId, message.personId);
    assert.equal(envelope.data.id, message.id);
    assert.equal(envelope.data.roomId, room.id);
    assert.equal(envelope.data.created, message.created);
    assert.equal(envelope.data.updated, quiet.updated);
    assert.ok(!heard[0]!.raw.toString('utf8').includes('secret'), 'ids only, never the text');
    // Not mentioned: the bot hears nothing (firehose or filtered).
    assert.ok(!receiver.of(firehose.id).some((d) => d.body.data.id === message.id));
    assert.equal(receiver.of(mentions.id).length, 0);

    receiver.clear();
    await ingrid.put<Message>(`/messages/${message.id}`, {
      roomId: room.id,
      markdown: '<@personEmail:roombot@webex.bot|RoomBot> final',
    });
    await settle();
    for (const hook of [firehose, mentions, updates]) {
      assert.deepEqual(
        receiver.of(hook.id).map((d) => [d.body.resource, d.body.event, d.body.data.id]),
        [['messages', 'updated', message.id]],
        hook.name,
      );
    }
    assert.deepEqual(receiver.of(mentions.id)[0]!.body.data.mentionedPeople, [botId]);
    await ingrid.delete(`/webhooks/${updates.id}`);
    await bot.delete(`/webhooks/${mentions.id}`);
  });

  it('honours a webhook filter, and the envelope carries it', async () => {
    const roomA = await bot.post<Room>('/rooms', { title: 'Filter A' });
    const roomB = await bot.post<Room>('/rooms', { title: 'Filter B' });
    const filter = `roomId=${roomA.id}`;
    const filtered = await bot.post<Webhook>('/webhooks', {
      name: 'filtered',
      targetUrl: `${receiver.url}/filtered`,
      resource: 'messages',
      event: 'created',
      filter,
      secret: SECRET,
    });
    assert.equal(filtered.filter, filter);
    const inA = await bot.post<Message>('/messages', { roomId: roomA.id, text: 'a' });
    await bot.post<Message>('/messages', { roomId: roomB.id, text: 'b' });
    await settle();
    const got = receiver.of(filtered.id);
    assert.deepEqual(
      got.map((d) => d.body.data.id),
      [inA.id],
    );
    assert.equal(got[0]!.body.filter, filter);
    assert.deepEqual(Object.keys(got[0]!.body).sort(), [...ENVELOPE_FIELDS, 'filter'].sort());
    await bot.delete(`/webhooks/${filtered.id}`);
  });
});

describe('emulator HTTP: webhook disabled after failed deliveries', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { bot, ingrid } = callers(() => emulator.current);
  const receiver = new Receiver();
  let roomId: string;

  before(async () => {
    receiver.status = 500;
    await receiver.start();
    roomId = (await ingrid.post<Message>('/messages', { toPersonEmail: 'roombot@webex.bot', text: 'hi' }))
      .roomId;
  });
  after(() => receiver.stop());

  const failing = (name: string) =>
    bot.post<Webhook>('/webhooks', {
      name,
      targetUrl: `${receiver.url}/${name}`,
      resource: 'messages',
      event: 'created',
    });

  async function send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await ingrid.post<Message>('/messages', { roomId, text: `m${i}` });
    await emulator.current.context.webhooks.idle();
  }

  it('100 failures within 5 minutes → inactive; PUT status active re-enables it', async () => {
    const hook = await failing('five-hundred');
    const path = `/webhooks/${hook.id}`;
    await send(99);
    assert.equal(receiver.of(hook.id).length, 99);
    assert.equal((await bot.get<Webhook>(path)).status, 'active');

    await send(1);
    assert.equal(receiver.of(hook.id).length, 100);
    assert.equal((await bot.get<Webhook>(path)).status, 'inactive');

    await send(3);
    assert.equal(receiver.of(hook.id).length, 100, 'an inactive webhook gets no deliveries');

    const revived = await bot.put<Webhook>(path, {
      name: hook.name,
      targetUrl: hook.targetUrl,
      status: 'active',
    });
    assert.equal(revived.status, 'active');
    await send(1);
    assert.equal(receiver.of(hook.id).length, 101);
    // The failure count starts over: one more failure does not disable it again.
    assert.equal((await bot.get<Webhook>(path)).status, 'active');
    await bot.delete(path);
  });

  it('failures spread over more than 5 minutes do not disable it', async () => {
    const hook = await failing('slow-failures');
    await send(60);
    clock.advance(5 * 60 * 1000 + 1);
    await send(60);
    assert.equal(receiver.of(hook.id).length, 120);
    assert.equal((await bot.get<Webhook>(`/webhooks/${hook.id}`)).status, 'active');
    await bot.delete(`/webhooks/${hook.id}`);
  });
});
