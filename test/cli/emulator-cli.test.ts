import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');

interface ReadyLine {
  url: string;
  botToken: string;
  adminToken: string;
  userTokens: Record<string, string>;
}

describe('bin/room-metrics emulator', function () {
  this.timeout(20_000);
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('starts, prints one JSON line with its URL and tokens, serves the API and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--seed', '3'], { stdio: 'pipe' });
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child?.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const ready = JSON.parse(first) as ReadyLine;
    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.deepEqual(Object.keys(ready.userTokens).sort(), ['ingrid', 'kari', 'ola', 'sam']);
    const me = await fetch(`${ready.url}/people/me`, {
      headers: { authorization: `Bearer ${ready.botToken}` },
    });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { type: string }).type, 'bot');
    const ws = await fetch(`${ready.url}/workspaces`, {
      headers: { authorization: `Bearer ${ready.adminToken}` },
    });
    assert.equal(((await ws.json()) as { items: unknown[] }).items.length, 13);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    child = undefined;
  });

  it('rejects a bad option with one clear line and exit code 2', () => {
    const result = spawnSync(process.execPath, [BIN, 'emulator', '--fault-rate', '2'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--fault-rate must be between 0 and 1, got 2/);
    const unknown = spawnSync(process.execPath, [BIN, 'emulator', '--colour'], { encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--colour'/);
  });

  it('explains an unknown command and prints help', () => {
    const result = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /room-metrics emulator \[--port N\]/);
  });
});
