import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/room-metrics');
const DIRECTORY = path.resolve(__dirname, '../language/fixtures/directory.json');
const NOW = '2026-11-18T14:30:00+01:00';

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, 'parse', ...args], { encoding: 'utf8', input });
}

describe('bin/room-metrics parse', function () {
  this.timeout(20_000);

  it('answers one request as one JSON line', () => {
    const result = run([
      '--now',
      NOW,
      '--tz',
      'Europe/Oslo',
      '--workspaces',
      DIRECTORY,
      'temperature in Room 4 last 6 hours',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const answer = JSON.parse(lines[0]!);
    assert.equal(answer.intent, 'query');
    assert.deepEqual(answer.metrics, ['temperature']);
    assert.deepEqual(
      answer.workspaces.map((w: { displayName: string }) => w.displayName),
      ['Room 4'],
    );
    assert.equal(answer.from, '2026-11-18T07:30:00.000Z');
    assert.equal(answer.to, '2026-11-18T13:30:00.000Z');
  });

  it('--jsonl answers each stdin line on its own stdout line, in order, nothing else', () => {
    const input = ['help', '', 'which room was warmest yesterday', '😀 <b>x</b>', 'list rooms'].join('\n');
    const result = run(['--jsonl', '--now', NOW, '--workspaces', DIRECTORY], `${input}\n`);
    assert.equal(result.status, 0, result.stderr);
    const answers = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { intent: string });
    assert.deepEqual(
      answers.map((a) => a.intent),
      ['help', 'unknown', 'rank', 'unknown', 'rooms'],
    );
  });

  it('uses the emulator office when no directory file is given', () => {
    const result = run(['--now', NOW, 'humidity in Fløyen yesterday']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).workspaces[0].displayName, 'Fløyen');
  });

  it('rejects bad options and bad directory files with one clear line', () => {
    const badNow = run(['--now', 'yesterday', 'x']);
    assert.equal(badNow.status, 2);
    assert.match(badNow.stderr, /--now must be an ISO 8601 instant/);
    const badZone = run(['--tz', 'Mars/Olympus', 'x']);
    assert.equal(badZone.status, 2);
    assert.match(badZone.stderr, /--tz must be an IANA time zone/);
    const dir = mkdtempSync(path.join(tmpdir(), 'parse-'));
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"workspaces":[{"displayName":"No id"}]}');
    const badFile = run(['--workspaces', broken, 'x']);
    assert.equal(badFile.status, 2);
    assert.match(badFile.stderr, /workspaces\[0\] lacks "id"/);
    const noText = run([]);
    assert.equal(noText.status, 2);
    assert.match(noText.stderr, /give the TEXT to parse/);
  });
});
