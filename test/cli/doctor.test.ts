import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningBot } from '../../src/bot/bot-app';
import { STORE_PROBE_KEY } from '../../src/cli/doctor/checks';
import { runDoctor } from '../../src/cli/doctor-command';
import type { RunningEmulator } from '../../src/emulator/server';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { openStore } from '../../src/store';
import { freePort, startTestBot, WEBHOOK_SECRET } from '../support/chat';
import { call } from '../support/emulator';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');

const CHECKS = [
  'bot token',
  'admin credentials',
  'scope spark-admin:workspaces_read',
  'scope spark-admin:locations_read',
  'scope spark-admin:workspace_metrics_read',
  'public URL',
  'webhook route',
  'webhook messages:created',
  'webhook attachmentActions:created',
  'store',
  'time zones',
];

/** The check lines (`✔ …`/`✘ …`) of doctor's output, by check name. */
function byName(lines: string[]): Map<string, string> {
  const checks = lines.filter((l) => /^[✔✘] /.test(l));
  return new Map(checks.map((l) => [l.slice(2, l.indexOf(' — ')), l]));
}

describe('room-metrics doctor', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    ({ emulator, bot } = await startTestBot({}, { automation: false }));
    dir = mkdtempSync(path.join(tmpdir(), 'doctor-'));
    env = {
      ...emulatorBotEnv(emulator, { port: 0, publicBaseUrl: bot.url }),
      WEBHOOK_SECRET,
      DEFAULT_TIME_ZONE: 'Europe/Oslo',
      DATA_DIR: path.join(dir, 'data'),
    };
  });

  after(async () => {
    await bot?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function doctor(overrides: Record<string, string> = {}) {
    const lines: string[] = [];
    const code = await runDoctor([], {
      env: { ...env, ...overrides },
      print: (line) => lines.push(line),
      color: false,
    });
    return { code, lines, checks: byName(lines) };
  }

  /** The bot's own webhook for `resource`, as the emulator lists it. */
  async function botWebhook(resource: string) {
    const listed = await call(emulator, 'GET', '/webhooks', { token: emulator.botToken });
    const items = (
      listed.body as { items: { id: string; name: string; targetUrl: string; resource: string }[] }
    ).items;
    const hook = items.find((h) => h.resource === resource && h.targetUrl === `${bot.url}/webhook`);
    assert.ok(hook, `the bot's ${resource} webhook`);
    return hook;
  }

  it('passes every check against the emulator and a running bot (exit code 0)', async () => {
    const { code, lines, checks } = await doctor();
    assert.equal(code, 0, lines.join('\n'));
    assert.deepEqual([...checks.keys()], CHECKS);
    for (const line of checks.values()) assert.match(line, /^✔ \S.* — \S/);
    assert.equal(lines.at(-1), `All ${CHECKS.length} checks passed.`);
    assert.match(checks.get('bot token')!, /— bot RoomBot \(/);
    assert.match(checks.get('admin credentials')!, /refresh grant works/);
    assert.match(checks.get('scope spark-admin:workspaces_read')!, /13 workspaces listed/);
    assert.match(
      checks.get('scope spark-admin:workspace_metrics_read')!,
      /read temperature of .+ for the last hour/,
    );
    assert.match(checks.get('public URL')!, /answered 200/);
    assert.match(checks.get('webhook route')!, /answered 401 \(route present, signature enforced\)/);
    assert.match(checks.get('webhook attachmentActions:created')!, /active, secret set/);
    assert.match(checks.get('time zones')!, /DEFAULT_TIME_ZONE Europe\/Oslo and the \d+ locations' zones/);
    // The store probe wrote its value (and nothing else is left open).
    const store = await openStore({ dataDir: env.DATA_DIR! });
    try {
      assert.match((await store.getValue(STORE_PROBE_KEY)) ?? '', /^\d{4}-\d\d-\d\dT/);
    } finally {
      await store.close();
    }
  });

  it('names a bot token that belongs to a person, and one Webex does not accept', async () => {
    const person = await doctor({ WEBEX_BOT_TOKEN: emulator.userTokens.ingrid });
    assert.equal(person.code, 1);
    assert.match(
      person.checks.get('bot token')!,
      /^✘ bot token — WEBEX_BOT_TOKEN belongs to .+, a person, not a bot\. Fix: put the bot's own access token/,
    );
    assert.match(person.checks.get('webhook messages:created')!, /^✘ .*no webhook of the bot points at/);

    const invalid = await doctor({ WEBEX_BOT_TOKEN: `${'x'.repeat(40)}_P0A1_nope` });
    assert.equal(invalid.code, 1);
    assert.match(
      invalid.checks.get('bot token')!,
      /^✘ bot token — Webex does not accept WEBEX_BOT_TOKEN \(401/,
    );
    assert.match(
      invalid.checks.get('bot token')!,
      /Fix: copy the bot access token from developer\.webex\.com/,
    );
    assert.match(invalid.checks.get('webhook messages:created')!, /not checked: the bot token does not work/);
    // The admin side does not depend on the bot token.
    assert.match(invalid.checks.get('scope spark-admin:workspace_metrics_read')!, /^✔/);
  });

  it('names the scope the admin token lacks', async () => {
    emulator.context.tokens.revokeScope('spark-admin:workspace_metrics_read');
    try {
      const { code, checks } = await doctor();
      assert.equal(code, 1);
      assert.match(
        checks.get('scope spark-admin:workspace_metrics_read')!,
        /^✘ scope spark-admin:workspace_metrics_read — the admin token lacks spark-admin:workspace_metrics_read \(GET \/workspaceMetrics answered 403\)\. Fix: add spark-admin:workspace_metrics_read to the Service App/,
      );
      const failed = [...checks.values()].filter((l) => l.startsWith('✘'));
      assert.equal(failed.length, 1, failed.join('\n'));
    } finally {
      emulator.context.tokens.restoreScope('spark-admin:workspace_metrics_read');
    }
  });

  it('explains a person token used as the admin token (403 on every admin API)', async () => {
    const { code, checks } = await doctor({
      WEBEX_ADMIN_TOKEN: emulator.userTokens.ola,
      WEBEX_ADMIN_CLIENT_ID: '',
      WEBEX_ADMIN_CLIENT_SECRET: '',
      WEBEX_ADMIN_REFRESH_TOKEN: '',
    });
    assert.equal(code, 1);
    assert.match(checks.get('admin credentials')!, /^✔ admin credentials — WEBEX_ADMIN_TOKEN works/);
    for (const scope of ['workspaces_read', 'locations_read'])
      assert.match(checks.get(`scope spark-admin:${scope}`)!, new RegExp(`^✘ .*lacks spark-admin:${scope}`));
    assert.match(checks.get('scope spark-admin:workspace_metrics_read')!, /^✘ .*not checked: no workspace/);
    assert.match(checks.get('time zones')!, /^✘ .*not checked.*Fix: fix scope spark-admin:locations_read/);
  });

  it('says so when no bot runs at PUBLIC_BASE_URL', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const { code, checks } = await doctor({ PUBLIC_BASE_URL: nowhere });
    assert.equal(code, 1);
    assert.match(
      checks.get('public URL')!,
      new RegExp(
        `^✘ public URL — nothing answers at ${nowhere} from this machine \\(GET /livez: .+\\): the bot is not running there\\. Fix: start \`room-metrics serve\` first, or check the proxy`,
      ),
    );
    assert.match(checks.get('webhook route')!, /^✘ webhook route — not checked/);
    assert.match(
      checks.get('webhook messages:created')!,
      new RegExp(
        // Bots leave their webhooks when they stop, so earlier tests' targets may be listed too.
        `^✘ .*no webhook of the bot points at ${nowhere}/webhook \\(\\d+ other targets?: [^)]*${bot.url}/webhook[,)]`,
      ),
    );
    assert.match(checks.get('bot token')!, /^✔/);
  });

  it('fails a webhook that Webex disabled', async () => {
    const hook = await botWebhook('attachmentActions');
    const put = (status: string) =>
      call(emulator, 'PUT', `/webhooks/${hook.id}`, {
        token: emulator.botToken,
        json: { name: hook.name, targetUrl: hook.targetUrl, status },
      });
    assert.equal((await put('inactive')).status, 200);
    try {
      const { code, checks } = await doctor();
      assert.equal(code, 1);
      assert.match(
        checks.get('webhook attachmentActions:created')!,
        /^✘ webhook attachmentActions:created — the webhook 'attachmentActions\/created' to .+ is inactive .*Fix: make sure the public URL check passes, then restart `room-metrics serve`/,
      );
      assert.match(checks.get('webhook messages:created')!, /^✔/);
    } finally {
      await put('active');
    }
  });

  it('fails a webhook signed with another secret', async () => {
    const { code, checks } = await doctor({ WEBHOOK_SECRET: 'another-secret-0123456789' });
    assert.equal(code, 1);
    assert.match(checks.get('webhook messages:created')!, /secret other than WEBHOOK_SECRET/);
  });

  it('fails a DATA_DIR that cannot be created', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const { code, checks } = await doctor({ DATA_DIR: path.join(file, 'data') });
    assert.equal(code, 1);
    assert.match(
      checks.get('store')!,
      /^✘ store — DATA_DIR .+ does not open \(ENOTDIR.*\)\. Fix: point DATA_DIR at a directory the bot may create and write/,
    );
  });

  describe('bin/room-metrics doctor', () => {
    /** Runs the real CLI (asynchronously: the emulator and the bot answer from this process). */
    function runBin(childEnv: Record<string, string>) {
      return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'doctor'], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', ...childEnv },
          stdio: 'pipe',
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      });
    }

    it('exits 0 with one plain ✔ line per check when all pass', async () => {
      const { code, stdout, stderr } = await runBin(env);
      assert.equal(code, 0, stdout + stderr);
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, CHECKS.length + 1);
      assert.deepEqual([...byName(lines).keys()], CHECKS);
      for (const line of lines.slice(0, -1)) assert.match(line, /^✔ /);
      assert.ok(!stdout.includes('\u001b['), 'no colours when not a terminal');
    });

    it('exits 1 when a check fails', async () => {
      const { code, stdout } = await runBin({ ...env, DATA_DIR: path.join(dir, 'a-file', 'x') });
      assert.equal(code, 1);
      assert.match(stdout, /^✘ store — /m);
      assert.match(stdout, /1 of 11 checks failed\.$/m);
    });

    it('exits 2 with one line for a missing setting', () => {
      const { WEBEX_BOT_TOKEN: _, ...rest } = env;
      const result = spawnSync(process.execPath, [BIN, 'doctor'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', ...rest },
        encoding: 'utf8',
      });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^room-metrics doctor: WEBEX_BOT_TOKEN is missing\./);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    });
  });
});
