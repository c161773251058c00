import assert from 'node:assert/strict';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import type { Webhook } from '../../src/webex/wire';
import { type BotReplicas, botWebhooks, startBotReplicas, until } from '../support/bot-replicas';
import { call } from '../support/emulator';
import { describePostgres } from '../support/postgres';

const LEADS = 'this process leads the webhooks: checking them now';

/**
 * Three replicas of the bot (`room-metrics serve` processes on one PostgreSQL schema, behind the
 * balancer) own the bot token's webhooks together: one leader registers and repairs them, none
 * deletes them when it starts or stops, and the lead passes on when the leader dies.
 */
describePostgres('replicas: the webhooks are one set, kept by one leader', function (this: Mocha.Suite) {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let replicas: BotReplicas;
  let target: string;

  /** The bot's webhooks to the balancer (and every webhook of the token: there are no others). */
  const ours = async () => {
    const all = await botWebhooks(emulator);
    assert.deepEqual(
      all.filter((h) => h.targetUrl !== target),
      [],
      'no webhook of the token points elsewhere',
    );
    return all;
  };
  const shape = (hooks: Webhook[]) => hooks.map((h) => `${h.resource}/${h.event}/${h.status}`).sort();
  const firehose = async () => (await ours()).find((h) => h.resource === 'all')!;
  /** Pids that logged taking the lead (since line `from`). */
  const leaders = (from = 0) =>
    replicas.lines
      .slice(from)
      .filter((l) => l.msg === LEADS)
      .map((l) => l.pid);
  const running = () => replicas.running.replicas.filter((r) => r.running);
  const disable = async (hook: Webhook) => {
    const put = await call(emulator, 'PUT', `/webhooks/${hook.id}`, {
      token: emulator.botToken,
      json: { name: hook.name, targetUrl: hook.targetUrl, status: 'inactive' },
    });
    assert.equal(put.status, 200, put.text);
  };

  /** Every replica has finished starting (it logs this after its try at the lead and the first check). */
  const allStarted = () =>
    until(
      () => {
        const started = new Set(
          replicas.lines.filter((l) => l.msg === 'room-metrics bot is listening').map((l) => l.pid),
        );
        return running().every((r) => started.has(r.pid)) || undefined;
      },
      'the replicas to start',
      60_000,
    );

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    replicas = await startBotReplicas(emulator, {
      count: 3,
      env: {
        // Checked (and repaired by the leader) every second.
        WEBHOOK_CHECK_INTERVAL_SECONDS: '1',
        // Questions sent while every replica is down are not answered at the next start.
        CATCH_UP_MINUTES: '0',
      },
    });
    target = `${replicas.running.balancerUrl}/webhook`;
  });
  after(async () => {
    await replicas?.stop();
    await emulator?.close();
  });

  it('after all started, the webhooks exist once, registered by one leader', async () => {
    await allStarted();
    const hooks = await ours();
    assert.deepEqual(shape(hooks), ['all/all/active', 'attachmentActions/created/active']);
    const lead = leaders();
    assert.equal(lead.length, 1, `one leader: ${lead.join(', ')}`);
    // A few checks later (every second), nothing was added, removed or re-created.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const later = await ours();
    assert.deepEqual(later.map((h) => h.id).sort(), hooks.map((h) => h.id).sort());
    assert.deepEqual(leaders(), lead, 'the lead stayed where it was');
  });

  it('stopping every replica (SIGTERM) leaves the webhooks in place', async () => {
    const before = (await ours()).map((h) => h.id).sort();
    for (const replica of replicas.running.replicas) {
      const exit = await replicas.running.kill(replica.index, 'SIGTERM');
      assert.deepEqual(exit, { code: 0, signal: null, expected: true }, `replica ${replica.index} stopped`);
      assert.deepEqual(
        (await ours()).map((h) => h.id).sort(),
        before,
        `after replica ${replica.index} stopped`,
      );
    }
    assert.equal(running().length, 0);
    assert.deepEqual(shape(await ours()), ['all/all/active', 'attachmentActions/created/active']);
  });

  it('a webhook Webex disabled while all were down is re-activated by the next replica, which takes the lead', async () => {
    // Ingrid writes to the bot 100 times; every delivery fails (the balancer has no replica left).
    const hook = await firehose();
    for (let i = 0; i < 100; i++) {
      const sent = await call(emulator, 'POST', '/messages', {
        token: emulator.userTokens.ingrid,
        json: { toPersonEmail: emulator.botEmail, text: `hello ${i}` },
      });
      assert.equal(sent.status, 200);
    }
    await emulator.context.webhooks.idle();
    assert.equal((await firehose()).status, 'inactive', 'Webex disabled the firehose');

    const from = replicas.lines.length;
    const started = await replicas.running.restart(0);
    await until(
      async () => ((await firehose()).status === 'active' ? true : undefined),
      'the repair',
      30_000,
    );
    assert.deepEqual(leaders(from), [started.pid], 'the new replica took the lead');
    const hooks = await ours();
    assert.deepEqual(shape(hooks), ['all/all/active', 'attachmentActions/created/active']);
    assert.equal((await firehose()).id, hook.id, 're-activated, not replaced');

    // Deliveries flow again: a question is answered.
    const botId = (
      (await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as { id: string }
    ).id;
    const asked = await call(emulator, 'POST', '/messages', {
      token: emulator.userTokens.ingrid,
      json: { toPersonEmail: emulator.botEmail, text: 'temperature in Room 4 last 3 hours' },
    });
    const roomId = (asked.body as { roomId: string }).roomId;
    const askedAt = (asked.body as { created: string }).created;
    await until(
      () =>
        [...emulator.context.store.messages.values()].some(
          (m) =>
            m.roomId === roomId &&
            m.personId === botId &&
            m.created > askedAt &&
            /last 3 h\b/.test(m.markdown ?? ''),
        ) || undefined,
      'the answer',
      20_000,
    );
  });

  it('killing the leader (SIGKILL) hands the lead to another replica, which repairs a webhook disabled after that', async () => {
    await replicas.running.restart(1);
    await replicas.running.restart(2);
    const [leader, ...others] = replicas.running.replicas;
    await allStarted();
    assert.deepEqual(leaders(), [replicas.lines.find((l) => l.msg === LEADS)!.pid, leader!.pid]);
    const from = replicas.lines.length;
    await replicas.running.kill(leader!.index, 'SIGKILL');
    const killedAt = Date.now();
    const [heir] = await until(
      () => {
        const found = leaders(from);
        return found.length > 0 ? found : undefined;
      },
      'another replica to take the lead',
      30_000,
    );
    const handedOver = (Date.now() - killedAt) / 1000;
    // The others try to take the lead every 5 s; the dead one's lock went with its connection.
    assert.ok(handedOver <= 10, `the lead was handed over ${handedOver.toFixed(1)} s after the SIGKILL`);
    assert.ok(
      others.some((r) => r.pid === heir),
      `the lead went to a running replica (${heir}, not ${leader!.pid})`,
    );

    const hook = await firehose();
    await disable(hook);
    const disabledAt = Date.now();
    await until(
      async () => ((await firehose()).status === 'active' ? true : undefined),
      'the repair',
      20_000,
    );
    const repaired = (Date.now() - disabledAt) / 1000;
    assert.ok(repaired <= 10, `repaired ${repaired.toFixed(1)} s after it was disabled`);
    const repairs = () => replicas.lines.slice(from).filter((l) => l.msg === 'webhooks repaired');
    await until(() => (repairs().length > 0 ? true : undefined), 'the repair in the log', 5000);
    // A few more checks (every second): nobody repairs it again.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(
      repairs().map((l) => l.pid),
      [heir],
      'repaired once, by the new leader',
    );
    assert.deepEqual(leaders(from), [heir], 'one new leader');
    const hooks = await ours();
    assert.deepEqual(shape(hooks), ['all/all/active', 'attachmentActions/created/active']);
    assert.equal((await firehose()).id, hook.id);
    console.log(
      `      lead handed over ${handedOver.toFixed(1)} s after the SIGKILL; webhook repaired ${repaired.toFixed(1)} s after it was disabled`,
    );
  });
});
