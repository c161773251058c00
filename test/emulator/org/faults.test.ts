/**
 * The organisation's device faults, for the sensor-health answer: a device that goes silent for
 * good at a fixed instant (Focus Booth 1) and one impossible reading (Ulriken, 85 °C).
 */
import assert from 'node:assert/strict';
import {
  buildOrganisation,
  durationMinutes,
  type SyntheticWorkspace,
  sensorSamples,
} from '../../../src/emulator/org';
import { DEAD_DEVICE_FROM, IMPOSSIBLE_SPIKE } from '../../../src/emulator/org/catalogue';

const HOUR = 3_600_000;
const org = buildOrganisation({ seed: 42 });
const byName = (name: string): SyntheticWorkspace => {
  const ws = org.workspaces.find((w) => w.displayName === name);
  assert.ok(ws, name);
  return ws;
};

describe('emulator organisation: device faults', () => {
  it('Focus Booth 1 reports up to Tue 1 Dec 10:20 Oslo and nothing after, on every metric', () => {
    const booth = byName('Focus Booth 1');
    const dead = Date.parse(DEAD_DEVICE_FROM);
    assert.equal(dead, Date.parse('2026-12-01T09:20:00Z'));
    for (const metric of booth.metrics) {
      const before = sensorSamples(org, booth, metric, dead - HOUR, dead);
      assert.equal(before.length, 12, metric);
      assert.equal(before.at(-1)!.t, dead - 5 * 60_000, metric);
      assert.deepEqual(sensorSamples(org, booth, metric, dead, dead + 5 * 24 * HOUR), [], metric);
    }
  });

  it('counts no use of Focus Booth 1 after its device died (occupancy unknown), but did before', () => {
    const booth = byName('Focus Booth 1');
    const dead = Date.parse(DEAD_DEVICE_FROM);
    assert.equal(durationMinutes(org, booth, 'timeUsed', dead, dead + 7 * 24 * HOUR), 0);
    assert.ok(durationMinutes(org, booth, 'timeUsed', dead - 7 * 24 * HOUR, dead) > 0);
  });

  it('Ulriken reads 85 °C once, at Sat 28 Nov 03:00 Oslo; the readings around it are ordinary', () => {
    const ulriken = byName('Ulriken');
    const at = Date.parse(IMPOSSIBLE_SPIKE.at);
    const night = sensorSamples(org, ulriken, 'temperature', at - HOUR, at + HOUR);
    assert.deepEqual(
      night.filter((s) => s.value > 60),
      [{ t: at, value: 85 }],
    );
    assert.ok(night.filter((s) => s.t !== at).every((s) => s.value > 10 && s.value < 30));
    assert.ok(sensorSamples(org, ulriken, 'humidity', at, at + 1).every((s) => s.value <= 100));
  });

  it('leaves the other rooms as they were: every other device reports after Focus Booth 1 died', () => {
    const dead = Date.parse(DEAD_DEVICE_FROM);
    for (const ws of org.workspaces.filter((w) => w.displayName !== 'Focus Booth 1')) {
      assert.ok(sensorSamples(org, ws, 'ambientNoise', dead, dead + HOUR).length > 0, ws.displayName);
    }
  });
});
