import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { buildOrganisation, sensorSamples } from '../../src/emulator/org';
import { DEFAULT_COMFORT_BANDS, summarize, toPoints } from '../../src/metrics';
import type { RawMetricItem } from '../../src/webex/wire';

describe('metrics on the emulator sensor model (plausibility)', () => {
  const org = buildOrganisation({ seed: 1 });
  const fjord = org.workspaces.find((w) => w.displayName === 'Fjord');
  assert.ok(fjord, 'Fjord');
  const zone = org.locations.find((l) => l.id === fjord.locationId)?.timeZone;
  assert.ok(zone, 'time zone of Fjord');

  /** Fjord's temperature over a local range of Wednesday 18 November 2026. */
  const temperature = (fromHour: number, toHour: number) => {
    const day = DateTime.fromObject({ year: 2026, month: 11, day: 18 }, { zone });
    const from = day.plus({ hours: fromHour }).toMillis();
    const to = day.plus({ hours: toHour }).toMillis();
    const items: RawMetricItem[] = sensorSamples(org, fjord, 'temperature', from, to).map((s) => ({
      deviceId: fjord.deviceId,
      timestamp: new Date(s.t).toISOString(),
      value: s.value,
    }));
    assert.ok(items.length > 0);
    return summarize('temperature', toPoints(items, 'none'), {
      from,
      to,
      now: to + 60_000,
      aggregation: 'none',
      bands: DEFAULT_COMFORT_BANDS,
      capacity: fjord.capacity,
    });
  };

  it('finds Fjord too warm on a working day', () => {
    const day = temperature(8, 18);
    assert.match(day.verdict.text, /^Too warm for \d/);
    assert.equal(day.verdict.level, 'poor');
    assert.ok(day.outside.aboveMs > 3 * 3_600_000, `${day.outside.aboveMs}`);
    assert.ok(day.max!.value > 25);
    assert.deepEqual(day.gaps, []);
  });

  it('does not find Fjord too warm at night', () => {
    const night = temperature(0, 5);
    assert.match(night.verdict.text, /^(Comfortable|Too cold for )/);
    assert.doesNotMatch(night.verdict.text, /warm/);
    assert.equal(night.outside.aboveMs, 0);
  });
});
