import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');
/** No bot token (so `start` means the sandbox), whatever the developer's environment holds. */
const ENV = { ...process.env, WEBEX_BOT_TOKEN: '', SANDBOX_PORT: '', LOG_LEVEL: 'silent' };

interface ReadyLine {
  chatUrl: string;
  webexUrl: string;
  userToken: string;
  adminToken: string;
  botEmail: string;
  timeZone: string;
}

describe('bin/room-metrics sandbox (and start without a bot token)', function () {
  this.timeout(45_000);
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('`start --port 0` runs the sandbox: a human line, one JSON line, a working chat; stops on SIGTERM', async () => {
    child = spawn(process.execPath, [BIN, 'start', '--port', '0'], { stdio: 'pipe', env: ENV });
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      reader.on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      child?.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join('\n')}`)));
    });
    assert.match(lines[0]!, /^Sandbox ready: open http:\/\/127\.0\.0\.1:\d+ and ask RoomBot/);
    const ready = JSON.parse(lines[1]!) as ReadyLine;
    assert.deepEqual(Object.keys(ready), [
      'chatUrl',
      'webexUrl',
      'userToken',
      'adminToken',
      'botEmail',
      'timeZone',
    ]);
    assert.match(ready.chatUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(ready.webexUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.equal(ready.timeZone, 'Europe/Oslo');

    const page = await fetch(ready.chatUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /Sandbox/);
    const config = (await (await fetch(`${ready.chatUrl}/sandbox/config.json`)).json()) as {
      people: { key: string }[];
    };
    assert.deepEqual(
      config.people.map((p) => p.key),
      ['ingrid', 'ola', 'kari', 'sam'],
    );
    const rooms = (await (
      await fetch(`${ready.webexUrl}/rooms`, { headers: { authorization: `Bearer ${ready.userToken}` } })
    ).json()) as { items: { title: string; type: string }[] };
    assert.deepEqual(
      rooms.items.map((r) => r.type),
      ['group', 'direct'],
    );
    assert.equal(rooms.items[0]?.title, 'Facilities Oslo');

    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    child = undefined;
  });

  it('says which port is taken, and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const run = spawn(process.execPath, [BIN, 'sandbox', '--port', String(port)], { env: ENV });
        let stderr = '';
        run.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        run.on('exit', (status) => resolve({ status, stderr }));
      });
      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        new RegExp(
          `cannot listen on 127\\.0\\.0\\.1:${port} \\(already in use\\); choose another with --port N`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects bad options and SANDBOX_PORT values with one clear line and exit code 2', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--port', '70000'], {}, /--port must be between 0 and 65535, got 70000/],
      [['--port', 'abc'], {}, /--port must be an integer, got 'abc'/],
      [['--port', '1.5'], {}, /--port must be an integer, got '1.5'/],
      [[], { SANDBOX_PORT: 'x' }, /SANDBOX_PORT must be an integer, got 'x'/],
      [['--colour'], {}, /Unknown option '--colour'/],
      [['extra'], {}, /Unexpected argument 'extra'/],
    ];
    for (const [args, env, message] of cases) {
      const result = spawnSync(process.execPath, [BIN, 'sandbox', ...args], {
        encoding: 'utf8',
        env: { ...ENV, ...env },
      });
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });

  it('prints its help, and the main help explains start', () => {
    const help = spawnSync(process.execPath, [BIN, 'sandbox', '--help'], { encoding: 'utf8', env: ENV });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /room-metrics sandbox \[--port N\]/);
    assert.match(help.stdout, /SANDBOX_PORT/);
    const main = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: ENV });
    assert.match(main.stdout, /start {6}run the product: the bot \('serve'\) when WEBEX_BOT_TOKEN is set/);
  });
});
