import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { SettingsError } from '../../src/bot/settings';
import { UsageError } from '../../src/cli/options';
import { type ListedWebhook, runWebhooks } from '../../src/cli/webhooks-command';
import { freePort } from '../../src/free-port';
import type { Webhook } from '../../src/webex/wire';
import { call, useEmulator } from '../support/emulator';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');
const SECRET = 'webhooks-cli-secret-0123456789';

describe('room-metrics webhooks list|sync|delete', function () {
  this.timeout(30_000);
  const emulator = useEmulator();
  /** Nothing listens there: every delivery to the bot's webhooks fails, as to a bot that is down. */
  let publicBaseUrl: string;
  let env: Record<string, string>;

  before(async () => {
    publicBaseUrl = `http://127.0.0.1:${await freePort()}`;
    env = {
      WEBEX_BOT_TOKEN: emulator.current.botToken,
      WEBEX_API_URL: emulator.current.url,
      PUBLIC_BASE_URL: publicBaseUrl,
      WEBHOOK_SECRET: SECRET,
    };
  });

  afterEach(async () => {
    // Each test starts from a token without webhooks.
    const { items } = (await call(emulator.current, 'GET', '/webhooks', { token: emulator.current.botToken }))
      .body as { items: Webhook[] };
    for (const hook of items) {
      await call(emulator.current, 'DELETE', `/webhooks/${hook.id}`, { token: emulator.current.botToken });
    }
  });

  async function run(args: string[], overrides: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runWebhooks(args, {
      env: { ...env, ...overrides },
      print: (line) => out.push(line),
      error: (line) => err.push(line),
    });
    return { code, out, err };
  }

  const hooks = async (): Promise<Webhook[]> =>
    (
      (await call(emulator.current, 'GET', '/webhooks', { token: emulator.current.botToken })).body as {
        items: Webhook[];
      }
    ).items;

  const createHook = async (fields: Record<string, string>): Promise<Webhook> =>
    (
      await call(emulator.current, 'POST', '/webhooks', {
        token: emulator.current.botToken,
        json: {
          name: 'test',
          resource: 'all',
          event: 'all',
          targetUrl: `${publicBaseUrl}/webhook`,
          ...fields,
        },
      })
    ).body as Webhook;

  it("sync creates the bot's two webhooks, list shows them (table and --json), a second sync changes nothing", async () => {
    const empty = await run(['list']);
    assert.equal(empty.code, 0);
    assert.deepEqual(empty.out, [
      'This token has no webhooks.',
      `0 of 0 webhooks are the bot's for ${publicBaseUrl}/webhook; webhook all/all is missing: run 'room-metrics webhooks sync'.`,
    ]);

    const synced = await run(['sync']);
    assert.equal(synced.code, 0, synced.err.join('\n'));
    assert.equal(synced.out.length, 3, synced.out.join('\n'));
    assert.match(synced.out[0]!, /^created {7}all\/all {2}\S+$/);
    assert.match(synced.out[1]!, /^created {7}attachmentActions\/created {2}\S+$/);
    assert.equal(
      synced.out[2],
      `The bot's webhooks for ${publicBaseUrl}/webhook are right now: 2 created, 0 re-activated, 0 removed.`,
    );
    const made = await hooks();
    assert.deepEqual(made.map((h) => [h.resource, h.event, h.targetUrl, h.status, h.secret]).sort(), [
      ['all', 'all', `${publicBaseUrl}/webhook`, 'active', SECRET],
      ['attachmentActions', 'created', `${publicBaseUrl}/webhook`, 'active', SECRET],
    ]);
    // The framework's name, so that a bot started later recognises them as its own.
    assert.equal(
      Buffer.from(made[0]!.name, 'base64').toString(),
      `${new URL(publicBaseUrl).host} ${emulator.current.botEmail}`,
    );

    const other = await createHook({ name: 'elsewhere', targetUrl: 'http://127.0.0.1:9/other' });
    const table = await run(['list']);
    assert.equal(table.code, 0);
    assert.match(table.out[0]!, /^ID +NAME +RESOURCE\/EVENT +STATUS +TARGET URL +BOT'S$/);
    assert.equal(table.out.length, 5);
    const row = table.out.find((line) => line.startsWith(other.id))!;
    assert.match(row, /elsewhere +all\/all +active +http:\/\/127\.0\.0\.1:9\/other +no$/);
    assert.equal(table.out.filter((line) => line.endsWith(' yes')).length, 2);
    assert.equal(
      table.out.at(-1),
      `2 of 3 webhooks are the bot's for ${publicBaseUrl}/webhook; all present and active.`,
    );

    const json = await run(['list', '--json']);
    assert.equal(json.code, 0);
    assert.equal(json.out.length, 1);
    const listed = JSON.parse(json.out[0]!) as ListedWebhook[];
    assert.deepEqual(
      listed.map((h) => Object.keys(h)),
      listed.map(() => ['id', 'name', 'resource', 'event', 'status', 'targetUrl', 'ours']),
    );
    assert.deepEqual(listed.map((h) => [h.resource, h.event, h.status, h.ours]).sort(), [
      ['all', 'all', 'active', false],
      ['all', 'all', 'active', true],
      ['attachmentActions', 'created', 'active', true],
    ]);

    const again = await run(['sync']);
    assert.equal(again.code, 0);
    assert.deepEqual(again.out, [
      `The bot's webhooks for ${publicBaseUrl}/webhook were already right: nothing changed.`,
      "1 other webhook of this token points elsewhere and was left alone ('room-metrics webhooks list' shows it).",
    ]);
  });

  it('sync re-activates a webhook the emulator disabled after 100 failed deliveries, and removes a duplicate', async () => {
    assert.equal((await run(['sync'])).code, 0);
    const made = await hooks();
    // Ingrid writes to the bot 100 times; every delivery to the (closed) public URL fails.
    const ingrid = emulator.current.userTokens.ingrid;
    for (let i = 0; i < 100; i++) {
      const sent = await call(emulator.current, 'POST', '/messages', {
        token: ingrid,
        json: { toPersonEmail: emulator.current.botEmail, text: `hello ${i}` },
      });
      assert.equal(sent.status, 200);
    }
    await emulator.current.context.webhooks.idle();
    const firehose = (await hooks()).find((h) => h.resource === 'all')!;
    assert.equal(firehose.status, 'inactive', 'the emulator disabled the firehose');
    const duplicate = await createHook({ resource: 'attachmentActions', event: 'created', secret: SECRET });

    const before = await run(['list']);
    assert.equal(
      before.out.at(-1),
      `3 of 3 webhooks are the bot's for ${publicBaseUrl}/webhook; webhook all/all is disabled: run 'room-metrics webhooks sync'.`,
    );
    assert.match(before.out.find((line) => line.startsWith(firehose.id))!, / inactive /);

    const synced = await run(['sync']);
    assert.equal(synced.code, 0, synced.err.join('\n'));
    assert.deepEqual(synced.out, [
      `re-activated  all/all  ${firehose.id} (was inactive)`,
      synced.out[1],
      `The bot's webhooks for ${publicBaseUrl}/webhook are right now: 0 created, 1 re-activated, 1 removed.`,
    ]);
    assert.match(synced.out[1]!, /^removed {7}attachmentActions\/created {2}\S+ \(a duplicate\)$/);
    const after = await hooks();
    assert.equal(after.length, 2);
    assert.ok(after.every((h) => h.status === 'active'));
    assert.equal(after.find((h) => h.resource === 'all')?.id, firehose.id, 'the same webhook, re-activated');
    // One of the two card-submit webhooks is gone, the other kept.
    const removed = synced.out[1]!.split(/ +/)[2];
    assert.ok(removed === duplicate.id || made.some((h) => h.id === removed));
    assert.ok(!after.some((h) => h.id === removed));
    assert.equal(after.filter((h) => h.resource === 'attachmentActions').length, 1);
  });

  it("delete removes the bot's webhooks for PUBLIC_BASE_URL; --all every webhook of the token", async () => {
    assert.equal((await run(['sync'])).code, 0);
    const other = await createHook({ name: 'elsewhere', targetUrl: 'http://127.0.0.1:9/other' });

    const deleted = await run(['delete']);
    assert.equal(deleted.code, 0, deleted.err.join('\n'));
    assert.equal(deleted.out.length, 3);
    assert.match(deleted.out[0]!, new RegExp(`^deleted {7}\\S+ {2}\\S+ {2}${publicBaseUrl}/webhook$`));
    assert.equal(deleted.out[2], `Deleted 2 webhooks of the bot for ${publicBaseUrl}/webhook.`);
    assert.deepEqual(
      (await hooks()).map((h) => h.id),
      [other.id],
    );

    const none = await run(['delete']);
    assert.deepEqual(none.out, [`No webhooks of the bot for ${publicBaseUrl}/webhook: nothing deleted.`]);

    // --all needs no PUBLIC_BASE_URL.
    const all = await run(['delete', '--all'], { PUBLIC_BASE_URL: '' });
    assert.equal(all.code, 0);
    assert.deepEqual(all.out, [
      `deleted       all/all  ${other.id}  http://127.0.0.1:9/other`,
      'Deleted 1 webhook of this token.',
    ]);
    assert.deepEqual(await hooks(), []);
  });

  it('missing settings are one line each (SettingsError: exit code 2 through main)', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['list'], { WEBEX_BOT_TOKEN: '' }, /^WEBEX_BOT_TOKEN is missing\. Set it to the bot access token/],
      [['list'], { WEBEX_API_URL: 'webexapis.com/v1' }, /^WEBEX_API_URL must be an absolute http\(s\) URL/],
      [['sync'], { PUBLIC_BASE_URL: '' }, /^PUBLIC_BASE_URL is missing: 'sync' works on the bot's webhooks/],
      [['delete'], { PUBLIC_BASE_URL: '' }, /or use 'delete --all'/],
      [['sync'], { WEBHOOK_SECRET: '' }, /^WEBHOOK_SECRET is missing: 'sync' signs the webhooks/],
      [['sync'], { WEBHOOK_SECRET: 'short' }, /^WEBHOOK_SECRET must be at least 16 characters/],
    ];
    for (const [args, overrides, message] of cases) {
      await assert.rejects(run(args, overrides), (error: unknown) => {
        assert.ok(error instanceof SettingsError, String(error));
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /\n/);
        return true;
      });
    }
    // list works without PUBLIC_BASE_URL, and says it cannot tell the bot's webhooks apart.
    const list = await run(['list'], { PUBLIC_BASE_URL: '' });
    assert.equal(list.code, 0);
    assert.equal(list.out.at(-1), "PUBLIC_BASE_URL is not set: no webhook is marked as the bot's.");
  });

  it('a refused token, a person token and an unreachable API: one line and exit code 1', async () => {
    const refused = await run(['list'], { WEBEX_BOT_TOKEN: `${'x'.repeat(40)}_nope` });
    assert.equal(refused.code, 1);
    assert.deepEqual(refused.out, []);
    assert.equal(refused.err.length, 1);
    assert.match(
      refused.err[0]!,
      /^room-metrics webhooks list: Webex refused WEBEX_BOT_TOKEN \(401 .*\): copy the bot's access token from developer\.webex\.com/,
    );

    const person = await run(['sync'], { WEBEX_BOT_TOKEN: emulator.current.userTokens.ingrid });
    assert.equal(person.code, 1);
    assert.match(
      person.err[0]!,
      /^room-metrics webhooks sync: WEBEX_BOT_TOKEN belongs to .+, a person, not a bot/,
    );
    const personDelete = await run(['delete', '--all'], {
      WEBEX_BOT_TOKEN: emulator.current.userTokens.ingrid,
    });
    assert.equal(personDelete.code, 1);
    assert.match(personDelete.err[0]!, /a person, not a bot; nothing deleted/);

    const closed = `http://127.0.0.1:${await freePort()}/v1`;
    const unreachable = await run(['list'], { WEBEX_API_URL: closed });
    assert.equal(unreachable.code, 1);
    assert.deepEqual(unreachable.err, [
      `room-metrics webhooks list: cannot reach Webex at ${closed} (ECONNREFUSED): check the network and WEBEX_API_URL.`,
    ]);
  });

  it('usage errors are thrown as UsageError (exit code 2 through main)', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^say what to do: list, sync, delete/],
      [['purge'], /^unknown subcommand 'purge'; use list, sync, delete/],
      [['list', 'extra'], /^Unexpected argument 'extra'/],
      [['sync', '--json'], /^--json is an option of 'list' only/],
      [['list', '--all'], /^--all is an option of 'delete' only/],
    ];
    for (const [args, message] of cases) {
      await assert.rejects(run(args), (error: unknown) => {
        assert.ok(error instanceof UsageError, String(error));
        assert.match(error.message, message);
        return true;
      });
    }
  });

  describe('through bin/room-metrics', () => {
    /** Runs the command in a child process (not spawnSync: the emulator answers from this one). */
    const bin = (args: string[], overrides: Record<string, string> = {}) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'webhooks', ...args], {
          env: { ...process.env, ...env, ...overrides },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });

    it('sync and list exit 0; usage errors and missing settings exit 2; Webex refusing exits 1', async () => {
      const synced = await bin(['sync']);
      assert.equal(synced.status, 0, synced.stderr);
      assert.match(synced.stdout, /2 created, 0 re-activated, 0 removed\.\n$/);
      const listed = await bin(['list', '--json']);
      assert.equal(listed.status, 0, listed.stderr);
      assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 2);

      const usage = await bin(['frob']);
      assert.equal(usage.status, 2);
      assert.equal(usage.stdout, '');
      assert.match(usage.stderr, /^room-metrics webhooks: unknown subcommand 'frob'/);
      const option = await bin(['list', '--colour']);
      assert.equal(option.status, 2);
      assert.match(option.stderr, /Unknown option '--colour'/);
      const missing = await bin(['list'], { WEBEX_BOT_TOKEN: '' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^room-metrics webhooks: WEBEX_BOT_TOKEN is missing\./);
      assert.equal(missing.stderr.trim().split('\n').length, 1);
      const refused = await bin(['delete'], { WEBEX_BOT_TOKEN: `${'x'.repeat(40)}_nope` });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /^room-metrics webhooks delete: Webex refused WEBEX_BOT_TOKEN/);
    });

    it('prints its help, and the main help lists the command', async () => {
      const help = await bin(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage: room-metrics webhooks list \[--json\]/);
      assert.match(help.stdout, /delete --all {2}removes every webhook of the token/);
      const main = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
      assert.equal(main.status, 0);
      assert.match(
        main.stdout,
        /\n {2}webhooks {3}list, sync \(create, re-activate, de-duplicate\) or delete/,
      );
      assert.match(main.stdout, /Usage: room-metrics webhooks list \[--json\]/);
    });
  });

  describe('while Webex fails', () => {
    // An emulator of its own: its outage must not reach the other tests' clean-up.
    const failing = useEmulator();

    it('says which call failed, with the trackingId (exit code 1)', async () => {
      failing.current.traffic.failPath({ path: '/v1/webhooks', forMs: 60_000, status: 503 });
      const { code, out, err } = await run(['sync'], {
        WEBEX_BOT_TOKEN: failing.current.botToken,
        WEBEX_API_URL: failing.current.url,
      });
      assert.equal(code, 1);
      assert.deepEqual(out, []);
      assert.equal(err.length, 1);
      assert.match(
        err[0]!,
        /^room-metrics webhooks sync: Webex failed: GET \/v1\/webhooks answered 503 .*\(trackingId \S+\); try again in a minute/,
      );
    });
  });
});
