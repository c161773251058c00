import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { reportRoom } from '../../src/automation/report-content';
import { DEFAULT_COMFORT_BANDS, spaceBands } from '../../src/model';
import type { RoomMetricData } from '../../src/readings/read-room-metrics';
import type { MetricName } from '../../src/webex/wire';

const OSLO = 'Europe/Oslo';
const HOUR = 3_600_000;
const local = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).toMillis();
const ROOM = { id: 'ws-1', displayName: 'Fjord' };

/** 24 hourly buckets from `from`: `day` in 08:00–17:00 local, `night` otherwise, with overrides by hour. */
function hourlyDay(
  metric: MetricName,
  from: number,
  night: number,
  day: number,
  at: Record<number, number> = {},
): RoomMetricData {
  const items = Array.from({ length: 24 }, (_, h) => {
    const mean = at[h] ?? (h >= 8 && h < 17 ? day : night);
    return {
      start: new Date(from + h * HOUR).toISOString(),
      end: new Date(from + (h + 1) * HOUR).toISOString(),
      mean,
      min: mean,
      max: mean,
    };
  });
  return { room: ROOM, metric, supported: true, items, calls: 1 };
}

const report = (data: RoomMetricData[], from: number, bands = DEFAULT_COMFORT_BANDS) =>
  reportRoom(
    { workspaceId: ROOM.id, name: ROOM.displayName, capacity: 6, data },
    { from, to: from + 24 * HOUR },
    { bands, unit: 'celsius', timeZone: OSLO, now: from + 25 * HOUR },
  );

describe('automation/report-content: a report judges working hours', () => {
  const wednesday = local('2026-11-18T00:00');

  it('a night setback is not "too cold", and the share in band is of working time', () => {
    const room = report([hourlyDay('temperature', wednesday, 16, 21.5)], wednesday);
    const line = room.metrics[0]!;
    assert.deepEqual(line.verdict, { level: 'good', text: 'Comfortable in working hours' });
    assert.equal(line.inBandShare, 1);
    assert.equal(line.min, '16.0 °C', 'night readings are still shown');
    assert.deepEqual(room.verdict, { level: 'good', text: 'Comfortable in working hours' });
  });

  it('a row never says "Too cold for 4 h" beside "100% in band": both count the same working time', () => {
    const room = report(
      [hourlyDay('temperature', wednesday, 16, 21.5, { 8: 19, 9: 19, 10: 19.5 })],
      wednesday,
    );
    const line = room.metrics[0]!;
    assert.equal(line.verdict.text, 'Too cold for 3 h in working hours');
    assert.ok(Math.abs(line.inBandShare! - 6 / 9) < 1e-9, String(line.inBandShare));
    assert.equal(room.verdict.text, 'temperature: Too cold for 3 h in working hours');
  });

  it('a Sunday is shown, not judged', () => {
    const sunday = local('2026-11-22T00:00');
    const room = report([hourlyDay('temperature', sunday, 15, 15)], sunday);
    assert.equal(room.metrics[0]!.verdict.text, 'Outside working hours: not judged');
    assert.equal(room.metrics[0]!.inBandShare, undefined);
    assert.deepEqual(room.verdict, { level: 'none', text: 'Outside working hours: not judged' });
  });

  it("uses the space's own bands, and gives people count no share in band", () => {
    const data = [hourlyDay('humidity', wednesday, 22, 22), hourlyDay('peopleCount', wednesday, 1, 4)];
    assert.equal(report(data, wednesday).metrics[0]!.verdict.text, 'Too dry for 9 h in working hours');
    const own = spaceBands(DEFAULT_COMFORT_BANDS, { comfortBands: { humidity: { low: 20, high: 60 } } });
    const room = report(data, wednesday, own);
    assert.equal(room.metrics[0]!.verdict.text, 'Comfortable in working hours');
    assert.equal(room.metrics.find((m) => m.metric === 'peopleCount')!.inBandShare, undefined);
  });
});
