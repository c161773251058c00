import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');
/** No bot token (so `start` means the sandbox) and no database, whatever the environment holds. */
const ENV = { ...process.env, WEBEX_BOT_TOKEN: '', SANDBOX_PORT: '', DATABASE_URL: '', LOG_LEVEL: 'silent' };

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...ENV, ...env } });

describe('bin/room-metrics sandbox --replicas N', function () {
  this.timeout(30_000);

  it('without DATABASE_URL: one line saying so, exit code 2, nothing started', () => {
    for (const command of ['sandbox', 'start']) {
      const result = run([command, '--replicas', '2', '--port', '0']);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        `room-metrics ${command}: --replicas needs DATABASE_URL: the replicas share one PostgreSQL database. Set it, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test.\n`,
      );
    }
  });

  it('rejects a DATABASE_URL that is not PostgreSQL (without echoing its password) and bad counts, exit code 2', () => {
    const mysql = run(['sandbox', '--replicas', '2'], { DATABASE_URL: 'mysql://root:hunter2@db/x' });
    assert.equal(mysql.status, 2);
    assert.equal(
      mysql.stderr,
      "room-metrics sandbox: DATABASE_URL must be a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test, got 'mysql://…@db/x'.\n",
    );
    const cases: [string, RegExp][] = [
      ['0', /--replicas must be between 1 and 16, got 0/],
      ['17', /--replicas must be between 1 and 16, got 17/],
      ['two', /--replicas must be an integer, got 'two'/],
      ['1.5', /--replicas must be an integer, got '1.5'/],
    ];
    for (const [value, message] of cases) {
      const result = run(['sandbox', '--replicas', value], {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x',
      });
      assert.equal(result.status, 2, `${value}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });

  it('its help explains --replicas and DATABASE_URL', () => {
    const help = run(['sandbox', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: room-metrics sandbox \[--port N\] \[--replicas N\]/);
    assert.match(help.stdout, /--replicas N {14}run the bot as N 'room-metrics serve' processes \(1-16\)/);
    assert.match(help.stdout, /sharing the PostgreSQL database in DATABASE_URL/);
    assert.match(help.stdout, /"replicas" \[\{pid, url\}\] and "balancerUrl"/);
  });
});
