import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import type { RunningBot } from '../../src/bot/bot-app';
import { RecentIds } from '../../src/bot/recent-ids';
import type { Delivery } from '../../src/bot/webhook-envelope';
import { webhookReceiver } from '../../src/bot/webhook-receiver';
import type { RunningEmulator } from '../../src/emulator/server';
import { signBody } from '../../src/emulator/webhook-dispatcher';
import { Chat, startTestBot, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';
import { eventually } from '../support/framework-emulator';

const silent = pino({ level: 'silent' });

function envelope(id: string): string {
  return JSON.stringify({
    id: 'hook',
    name: 'hook',
    resource: 'messages',
    event: 'created',
    data: { id, roomId: 'room', personId: 'person' },
  });
}

async function deliver(url: string, body: string) {
  const response = await fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-spark-signature': signBody(WEBHOOK_SECRET, body) },
    body,
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

describe('deliveries are taken on before Webex gets its 200', function () {
  this.timeout(60_000);

  describe('the receiver', () => {
    let url: string;
    let close: () => void;
    let receive: (delivery: Delivery) => Promise<unknown>;
    const handled: { id: string; receipt: unknown }[] = [];

    before(async () => {
      const app = express();
      app.use(
        webhookReceiver({
          secret: WEBHOOK_SECRET,
          recent: new RecentIds(60_000, 100, Date.now),
          log: silent,
          receive: (delivery) => receive(delivery),
          onDelivery: async (delivery, _log, receipt) => {
            handled.push({ id: delivery.data.id, receipt });
          },
        }),
      );
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => server.close();
    });
    after(() => close());

    it('answers 200 only once the delivery is taken on, and hands the receipt on', async () => {
      let release!: () => void;
      const taken = new Promise<void>((resolve) => {
        release = resolve;
      });
      let answered = false;
      receive = async () => {
        await taken;
        return 'claimed';
      };
      const response = deliver(url, envelope('m1')).then((r) => {
        answered = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(answered, false, 'no 200 while the delivery is not taken on');
      release();
      assert.equal((await response).status, 200);
      await eventually(() => handled.find((h) => h.id === 'm1'), 'the delivery handled', 5_000);
      assert.deepEqual(
        handled.filter((h) => h.id === 'm1'),
        [{ id: 'm1', receipt: 'claimed' }],
      );
    });

    it('a delivery that cannot be taken on gets 503 with Retry-After; its retry is taken, once', async () => {
      receive = async () => {
        throw new Error('the store is down');
      };
      const first = await deliver(url, envelope('m2'));
      assert.deepEqual(first, { status: 503, retryAfter: '5' });
      assert.equal(
        handled.some((h) => h.id === 'm2'),
        false,
      );
      receive = async () => 'claimed';
      assert.equal((await deliver(url, envelope('m2'))).status, 200, 'the retry is not a duplicate');
      assert.equal((await deliver(url, envelope('m2'))).status, 200, 'a repeat is acknowledged');
      await eventually(() => handled.find((h) => h.id === 'm2'), 'the retry handled', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(handled.filter((h) => h.id === 'm2').length, 1, 'handled once');
    });
  });

  describe('the bot (end to end)', () => {
    let emulator: RunningEmulator;
    let bot: RunningBot;
    let chat: Chat;

    before(async () => {
      ({ emulator, bot } = await startTestBot({}, { automation: false }));
      chat = new Chat(emulator, bot.me.id);
    });
    after(async () => {
      await bot?.stop();
    });

    it('a question is claimed in the store by the time Webex has its 200: a process after this one finds it', async () => {
      const room = await chat.groupSpace('ingrid', 'Claimed before the 200');
      // Not addressed to the bot, so the emulator does not deliver it: this test is Webex.
      const posted = await call(emulator, 'POST', '/messages', {
        token: chat.token('ingrid'),
        json: { roomId: room, text: 'help' },
      });
      const message = posted.body as { id: string; personId: string; personEmail: string };
      const body = JSON.stringify({
        id: 'hook',
        name: 'hook',
        resource: 'messages',
        event: 'created',
        data: {
          id: message.id,
          roomId: room,
          roomType: 'group',
          personId: message.personId,
          personEmail: message.personEmail,
        },
      });
      // Webex answers slowly: what the bot looks up before answering (who is in the space) takes
      // a while, and the claim must not wait for it.
      emulator.traffic.update({ latencyMs: 400 });
      let known: boolean;
      const key = `message:${message.id}`;
      try {
        assert.equal((await deliver(bot.url, body)).status, 200);
        // At this instant the answer has not begun; the claim must exist already: a process
        // started after this one died (a restart, another replica) finds it unfinished.
        const next = { boot: 'the next process', aliveSince: Date.now() };
        known =
          (await bot.store.deliveryDone(key)) ||
          (await bot.store.unfinishedDeliveries(next)).some((d) => d.key === key);
      } finally {
        emulator.traffic.update({ latencyMs: 0 });
      }
      assert.ok(known, 'the delivery was claimed before the 200');
      await eventually(
        () => chat.botMessagesAfter(room, '').find((m) => m.attachments?.length),
        'the answer',
        20_000,
      );
      await eventually(
        async () => ((await bot.store.deliveryDone(`message:${message.id}`)) ? true : undefined),
        'the delivery marked done',
        10_000,
      );
      assert.equal(chat.botMessagesAfter(room, '').length, 1, 'answered once');
    });

    it('a question refused by a guard is marked done, so nobody takes it over later', async () => {
      const room = await chat.groupSpace('sam', 'Refused before an answer');
      const posted = await call(emulator, 'POST', '/messages', {
        token: chat.token('sam'),
        json: { roomId: room, text: 'help' },
      });
      const message = posted.body as { id: string; personId: string };
      const body = JSON.stringify({
        id: 'hook',
        name: 'hook',
        resource: 'messages',
        event: 'created',
        data: { id: message.id, roomId: room, roomType: 'group', personId: message.personId },
      });
      assert.equal((await deliver(bot.url, body)).status, 200);
      await eventually(
        async () => ((await bot.store.deliveryDone(`message:${message.id}`)) ? true : undefined),
        'the refused delivery marked done',
        10_000,
      );
    });
  });
});
