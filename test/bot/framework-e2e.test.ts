import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type Framework from 'webex-node-bot-framework';
import { verifyWebhookSignature } from '../../src/bot/webhook-signature';
import type { RunningEmulator } from '../../src/emulator/server';
import { signBody } from '../../src/emulator/webhook-dispatcher';
import { call } from '../support/emulator';
import { eventually, frameworkEmulator } from '../support/framework-emulator';

interface MessageItem {
  id: string;
  personId: string;
  text?: string;
  markdown?: string;
}

describe('webex-node-bot-framework against the emulator (end to end)', function () {
  this.timeout(30_000);
  const secret = 'e2e-webhook-secret';
  let emulator: RunningEmulator;
  let framework: Framework;
  let server: Server;
  let targetUrl: string;
  const rejected: string[] = [];

  before(async () => {
    const shared = await frameworkEmulator();
    emulator = shared.emulator;
    const app = express();
    let handle: ((req: { body: unknown; headers: Record<string, unknown> }) => unknown) | undefined;
    app.post('/webhook', express.raw({ type: '*/*' }), (req, res) => {
      const raw = req.body as Buffer;
      if (!verifyWebhookSignature(secret, raw, req.get('x-spark-signature'))) {
        rejected.push(raw.toString('utf8'));
        res.status(401).end();
        return;
      }
      res.status(200).end();
      void Promise.resolve(handle?.({ body: JSON.parse(raw.toString('utf8')), headers: req.headers }));
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    targetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
    // The framework's own signature check re-serialises the body; ours runs first on the raw bytes.
    framework = new shared.framework.Framework({
      token: emulator.botToken,
      webhookUrl: targetUrl,
      webhookSecret: secret,
    });
    handle = shared.framework.webhookHandler(framework);
    framework.hears(/temperature/i, async (bot, trigger) => {
      await bot.say('markdown', `**Heard:** ${trigger.text ?? ''}`);
    });
    await framework.start();
  });

  after(async () => {
    await framework?.stop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('registers its firehose and attachmentActions webhooks with the secret', async () => {
    const hooks = await eventually(async () => {
      const list = await call(emulator, 'GET', '/webhooks', { token: emulator.botToken });
      const items = (
        list.body as { items: { resource: string; event: string; targetUrl: string; secret?: string }[] }
      ).items;
      // The framework removes the token's earlier webhooks (other tests' bots leave theirs: a bot
      // never deletes its webhooks) after start() resolves, then creates its own.
      return items.length === 2 && items.every((h) => h.targetUrl === targetUrl) ? items : undefined;
    }, "the framework to replace the token's webhooks with its own");
    const kinds = hooks.map((h) => `${h.resource}/${h.event}`).sort();
    assert.deepEqual(kinds, ['all/all', 'attachmentActions/created']);
    for (const hook of hooks) {
      assert.equal(hook.targetUrl, targetUrl);
      assert.equal(hook.secret, secret);
    }
  });

  it('receives a signed delivery for an @mention in a group space and posts a reply', async () => {
    const user = emulator.userTokens.ingrid;
    const room = await call(emulator, 'POST', '/rooms', { token: user, json: { title: 'Facilities' } });
    const roomId = (room.body as { id: string }).id;
    const spawned = new Promise<void>((resolve) => {
      framework.on('spawn', (bot) => {
        if (bot.room.id === roomId) resolve();
      });
    });
    const added = await call(emulator, 'POST', '/memberships', {
      token: user,
      json: { roomId, personEmail: emulator.botEmail },
    });
    assert.equal(added.status, 200);
    await spawned;

    const question = await call(emulator, 'POST', '/messages', {
      token: user,
      json: {
        roomId,
        markdown: `<@personEmail:${emulator.botEmail}|RoomBot> temperature in Room 4 last 6 hours`,
      },
    });
    assert.equal(question.status, 200);
    const me = await call(emulator, 'GET', '/people/me', { token: emulator.botToken });
    const botId = (me.body as { id: string }).id;

    const reply = await eventually(async () => {
      const list = await call(emulator, 'GET', `/messages?roomId=${encodeURIComponent(roomId)}`, {
        token: user,
      });
      return (list.body as { items: MessageItem[] }).items.find((m) => m.personId === botId);
    }, "the bot's reply");
    assert.match(reply.markdown ?? '', /^\*\*Heard:\*\* .*temperature in Room 4 last 6 hours/);

    const deliveries = emulator.context.webhooks.log.filter(
      (d) => d.dataId === (question.body as { id: string }).id,
    );
    assert.ok(
      deliveries.some((d) => d.ok && d.resource === 'messages'),
      'the mention was delivered and acknowledged',
    );
    assert.deepEqual(rejected, [], 'every genuine delivery passed the raw-body signature check');
  });

  it('ignores a group message that does not mention the bot (Webex does not deliver it)', async () => {
    const user = emulator.userTokens.ola;
    const room = await call(emulator, 'POST', '/rooms', { token: user, json: { title: 'No mention' } });
    const roomId = (room.body as { id: string }).id;
    await call(emulator, 'POST', '/memberships', {
      token: user,
      json: { roomId, personEmail: emulator.botEmail },
    });
    const before = emulator.context.webhooks.log.length;
    const plain = await call(emulator, 'POST', '/messages', {
      token: user,
      json: { roomId, text: 'temperature please' },
    });
    await emulator.context.webhooks.idle();
    const delivered = emulator.context.webhooks.log
      .slice(before)
      .filter((d) => d.dataId === (plain.body as { id: string }).id);
    assert.deepEqual(delivered, []);
  });

  it('rejects a forged delivery with 401 before the framework sees it', async () => {
    const body = JSON.stringify({ resource: 'messages', event: 'created', data: { id: 'forged' } });
    const forged = await fetch(targetUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spark-signature': signBody('wrong-secret', body) },
      body,
    });
    assert.equal(forged.status, 401);
    assert.ok(rejected.includes(body));
  });
});
