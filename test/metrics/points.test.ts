import assert from 'node:assert/strict';
import { toPoints } from '../../src/metrics';

describe('metrics/points toPoints', () => {
  it('turns raw readings into zero-length points, oldest first', () => {
    const points = toPoints(
      [
        { deviceId: 'd', timestamp: '2026-11-18T10:05:00Z', value: 22.5 },
        { deviceId: 'd', timestamp: '2026-11-18T10:00:00Z', value: 22.1 },
      ],
      'none',
    );
    const t = Date.UTC(2026, 10, 18, 10, 0);
    assert.deepEqual(points, [
      { start: t, end: t, mean: 22.1, min: 22.1, max: 22.1 },
      { start: t + 300_000, end: t + 300_000, mean: 22.5, min: 22.5, max: 22.5 },
    ]);
  });

  it('keeps the fields of buckets, oldest first', () => {
    const points = toPoints(
      [
        { start: '2026-11-18T11:00:00Z', end: '2026-11-18T12:00:00Z', mean: 23, min: 22, max: 24 },
        { start: '2026-11-18T10:00:00.000Z', end: '2026-11-18T11:00:00.000Z', mean: 21.5, min: 21, max: 22 },
      ],
      'hourly',
    );
    const t = Date.UTC(2026, 10, 18, 10, 0);
    assert.deepEqual(points, [
      { start: t, end: t + 3_600_000, mean: 21.5, min: 21, max: 22 },
      { start: t + 3_600_000, end: t + 7_200_000, mean: 23, min: 22, max: 24 },
    ]);
  });

  it('skips items with an unparsable time or a non-finite value', () => {
    assert.deepEqual(toPoints([{ deviceId: 'd', timestamp: 'yesterday', value: 1 }], 'none'), []);
    assert.deepEqual(
      toPoints([{ deviceId: 'd', timestamp: '2026-11-18T10:00:00Z', value: Number.NaN }], 'none'),
      [],
    );
    assert.deepEqual(
      toPoints([{ start: '2026-11-18T10:00:00Z', end: 'later', mean: 1, min: 1, max: 1 }], 'hourly'),
      [],
    );
  });
});
