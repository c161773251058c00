import assert from 'node:assert/strict';
import {
  ALL_SENSOR_METRICS,
  buildOrganisation,
  CAPABILITY_OF_METRIC,
  capabilitiesOf,
} from '../../../src/emulator/org';

describe('emulator/org capabilitiesOf', () => {
  const org = buildOrganisation({ seed: 42 });
  const byName = (name: string) => org.workspaces.find((w) => w.displayName === name)!;

  it('reports everything supported and configured for a room with a Room Navigator', () => {
    const caps = capabilitiesOf(byName('Fjord'));
    assert.deepEqual(Object.keys(caps).sort(), [
      'airQuality',
      'ambientNoise',
      'occupancyDetection',
      'presenceDetection',
      'relativeHumidity',
      'soundLevel',
      'temperature',
    ]);
    for (const state of Object.values(caps)) assert.deepEqual(state, { supported: true, configured: true });
  });

  it('reports temperature, humidity and air quality unsupported without a Room Navigator', () => {
    const caps = capabilitiesOf(byName('Huddle 3.2'));
    assert.deepEqual(caps.temperature, { supported: false, configured: false });
    assert.deepEqual(caps.relativeHumidity, { supported: false, configured: false });
    assert.deepEqual(caps.airQuality, { supported: false, configured: false });
    assert.deepEqual(caps.occupancyDetection, { supported: true, configured: true });
    assert.deepEqual(caps.soundLevel, { supported: true, configured: true });
    assert.deepEqual(caps.ambientNoise, { supported: true, configured: true });
  });

  it('is consistent with ws.metrics for every room', () => {
    for (const ws of org.workspaces) {
      const caps = capabilitiesOf(ws);
      for (const metric of ALL_SENSOR_METRICS) {
        assert.equal(caps[CAPABILITY_OF_METRIC[metric]].supported, ws.metrics.includes(metric));
      }
    }
  });
});
