import assert from 'node:assert/strict';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { type BotReplicas, botWebhooks, startBotReplicas, until } from '../support/bot-replicas';
import { call } from '../support/emulator';
import { describePostgres, rawPostgres } from '../support/postgres';
import { deliver, startWebhookTap, type TappedDelivery, type WebhookTap } from '../support/webhook-tap';

/** Spaces × questions per space: 100 questions in all. */
const SPACES = 10;
const PER_SPACE = 10;
/** The replicas' REPLICA_STALE_SECONDS: a killed one counts as dead this long after its last beat. */
const STALE_SECONDS = 4;

/**
 * Two replicas of the bot (`room-metrics serve` processes on one PostgreSQL schema) and a webhook
 * delivery that reaches both of them: Webex retrying a delivery whose answer it did not see, or two
 * load balancers. The question is answered once. A replica killed while answering leaves the
 * question to the other, which answers it once the dead one's heartbeat is stale.
 */
describePostgres(
  'replicas: a question delivered to two replicas is answered once',
  function (this: Mocha.Suite) {
    this.timeout(180_000);
    let emulator: RunningEmulator;
    let tap: WebhookTap;
    let replicas: BotReplicas;
    let botId: string;
    const spaces: string[] = [];

    const isQuestion = (d: TappedDelivery) =>
      d.envelope.resource === 'messages' &&
      d.envelope.event === 'created' &&
      d.envelope.data.personId !== botId;
    const botMessages = (roomId: string) =>
      [...emulator.context.store.messages.values()]
        .filter((m) => m.roomId === roomId && m.personId === botId)
        .map((m) => ({ text: m.markdown ?? m.text ?? '', created: Date.parse(m.created) }));
    /** Answers in a space to "temperature in Room 4 last N hours": their cards name "last N h". */
    const answersTo = (roomId: string, hours: number) =>
      botMessages(roomId).filter((m) => new RegExp(`last ${hours} h\\b`).test(m.text));
    const ask = async (roomId: string, text: string) => {
      const posted = await call(emulator, 'POST', '/messages', {
        token: emulator.userTokens.ingrid,
        json: { roomId, markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}` },
      });
      assert.equal(posted.status, 200, posted.text);
      return (posted.body as { id: string }).id;
    };
    const heldFor = (messageId: string) =>
      until(
        () => tap.held.find((d) => d.envelope.data.id === messageId),
        `the delivery of ${messageId}`,
        20_000,
      );
    const delivery = async (key: string) =>
      (
        await rawPostgres(
          replicas.schema,
          'SELECT boot, done_at, posting_at FROM deliveries WHERE key = ?',
          key,
        )
      )[0];

    before(async () => {
      emulator = await startEmulator({ port: 0 });
      botId = (
        (await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as { id: string }
      ).id;
      tap = await startWebhookTap({
        replicas: () => (replicas?.running.replicas ?? []).filter((r) => r.running).map((r) => r.url),
        hold: isQuestion,
      });
      replicas = await startBotReplicas(emulator, {
        count: 2,
        publicBaseUrl: tap.url,
        env: { REPLICA_STALE_SECONDS: String(STALE_SECONDS) },
      });
      await until(
        async () =>
          (await botWebhooks(emulator)).filter(
            (h) => h.targetUrl === `${tap.url}/webhook` && h.status === 'active',
          ).length === 2 || undefined,
        'the webhooks',
        30_000,
      );
      for (let i = 0; i < SPACES; i++) {
        const room = await call(emulator, 'POST', '/rooms', {
          token: emulator.userTokens.ingrid,
          json: { title: `Replicas ${i}` },
        });
        const roomId = (room.body as { id: string }).id;
        await call(emulator, 'POST', '/memberships', {
          token: emulator.userTokens.ingrid,
          json: { roomId, personEmail: emulator.botEmail },
        });
        spaces.push(roomId);
      }
    });
    after(async () => {
      await replicas?.stop();
      await tap?.close();
      await emulator?.close();
    });

    it('100 questions, each delivered to both replicas at the same moment: 100 answers, not 200', async () => {
      const asked: string[] = [];
      for (const roomId of spaces) {
        for (let hours = 1; hours <= PER_SPACE; hours++)
          asked.push(await ask(roomId, `temperature in Room 4 last ${hours} hours`));
      }
      const deliveries = await Promise.all(asked.map(heldFor));
      const [first, second] = replicas.running.replicas;
      // Both copies of a delivery leave together; ten deliveries at a time.
      const statuses: number[] = [];
      for (let i = 0; i < deliveries.length; i += 10) {
        const batch = deliveries.slice(i, i + 10);
        statuses.push(
          ...(
            await Promise.all(
              batch.map((d) => Promise.all([deliver(d, first!.url), deliver(d, second!.url)])),
            )
          ).flat(),
        );
      }
      assert.deepEqual(new Set(statuses), new Set([200]), 'both replicas acknowledged every copy');

      const settled = async () => {
        const [row] = await rawPostgres(
          replicas.schema,
          "SELECT count(*)::int AS done FROM deliveries WHERE key LIKE 'message:%' AND done_at IS NOT NULL",
        );
        return row?.done === asked.length ? true : undefined;
      };
      await until(settled, 'every question to be answered', 90_000, 200);
      // Every second copy has been looked at and dropped (or a duplicate answer had its chance).
      const dropped = () =>
        replicas.lines.filter((l) => l.msg === 'delivery already taken on; not answered again');
      await until(() => (dropped().length >= asked.length ? true : undefined), 'the second copies', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const counts = spaces.flatMap((roomId) =>
        Array.from({ length: PER_SPACE }, (_, i) => answersTo(roomId, i + 1).length),
      );
      const total = spaces.reduce((n, roomId) => n + botMessages(roomId).length, 0);
      assert.equal(total, asked.length, `the bot posted ${total} messages for ${asked.length} questions`);
      assert.deepEqual(
        counts.filter((n) => n !== 1),
        [],
        'each question is answered exactly once',
      );
      assert.equal(dropped().length, asked.length, 'each second copy was dropped');
      const answeredBy = replicas.running.replicas.map(
        (r) => replicas.linesOf(r.pid, /^request understood$/).length,
      );
      const busy = replicas.lines.filter(
        (l) => l.msg === 'delivery being answered by another replica: watching it',
      ).length;
      console.log(
        `      answers by replica: ${answeredBy.join(' + ')} = ${total}; second copies that found their question being answered: ${busy}, already answered: ${asked.length - busy}`,
      );
    });

    it('a delivery retried to the other replica after the first was killed mid-answer is answered once, by the survivor, once the heartbeat is stale', async () => {
      const roomId = spaces[0]!;
      const [victim, survivor] = replicas.running.replicas;
      // Webex answers slowly: the question is taken on (claimed) long before its answer could be posted.
      emulator.traffic.update({ latencyMs: 2000 });
      let messageId: string;
      let victimBoot: unknown;
      try {
        messageId = await ask(roomId, 'temperature in Room 4 last 11 hours');
        const copy = await heldFor(messageId);
        assert.equal(await deliver(copy, victim!.url), 200);
        const claim = await until(
          () => delivery(`message:${messageId}`),
          'the claim of the first replica',
          20_000,
          10,
        );
        await replicas.running.kill(0, 'SIGKILL');
        victimBoot = claim.boot;
        assert.equal(claim.done_at, null, 'killed before it finished');
        assert.equal(claim.posting_at, null, 'killed before it began posting');
      } finally {
        emulator.traffic.update({ latencyMs: 0 });
      }
      const killedAt = Date.now();
      // Webex (or the balancer) retries it at the survivor.
      const copy = tap.held.find((d) => d.envelope.data.id === messageId)!;
      assert.equal(await deliver(copy, survivor!.url), 200);
      const [answer] = await until(
        () => {
          const found = answersTo(roomId, 11);
          return found.length > 0 ? found : undefined;
        },
        'the answer by the survivor',
        30_000,
      );
      const waited = (answer!.created - killedAt) / 1000;
      // Give a second answer the chance to appear.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(answersTo(roomId, 11).length, 1, 'answered once');
      assert.equal(
        botMessages(roomId).filter((m) => m.created >= killedAt - 5000).length,
        1,
        'and nothing else',
      );
      // Taken over: the claim is no longer the dead replica's, and the survivor says it answered it
      // (the retried delivery, or its sweep for what dead replicas left).
      const row = await delivery(`message:${messageId}`);
      assert.notEqual(row?.done_at, null, 'the delivery is done');
      assert.notEqual(row?.boot, victimBoot, 'by another process than the one killed');
      assert.ok(
        replicas
          .linesOf(survivor!.pid, /^request understood$/)
          .some((l) => l.dataId === messageId || l.takenOver === `message:${messageId}`),
        'the survivor answered it',
      );
      // Not before the dead replica's heartbeat was stale (it beats every STALE/4 s), and not much later.
      assert.ok(
        waited >= STALE_SECONDS * 0.75 - 0.5,
        `answered ${waited.toFixed(1)} s after the kill: too early`,
      );
      assert.ok(waited <= 25, `answered ${waited.toFixed(1)} s after the kill`);
      console.log(`      answered by the survivor ${waited.toFixed(1)} s after the kill`);
    });
  },
);
