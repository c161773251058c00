import assert from 'node:assert/strict';
import { planWindows, stitchBuckets, stitchReadings } from '../../src/webex/metric-windows';
import { DAY_MS, HOUR_MS, METRICS_MAX_SPAN_MS as MAX_SPAN_MS } from '../../src/webex/wire';

const t = (iso: string) => Date.parse(iso);

describe('metric windows (pure)', () => {
  it('keeps a range within the limit as one call', () => {
    assert.deepEqual(planWindows(t('2026-11-20T10:34:56Z'), t('2026-11-21T10:00:00Z'), 'hourly'), [
      { from: t('2026-11-20T10:34:56Z'), to: t('2026-11-21T10:00:00Z') },
    ]);
  });

  it('splits 10 days hourly into 48 h windows whose inner edges fall on the hour', () => {
    const from = t('2026-11-10T10:34:56Z');
    const to = t('2026-11-20T10:34:56Z');
    const windows = planWindows(from, to, 'hourly');
    assert.equal(windows.length, 6); // 240 h from an unaligned start: 5 full windows would split an hour
    assert.equal(windows[0]!.from, from);
    assert.equal(windows.at(-1)!.to, to);
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i]!;
      assert.ok(w.to - w.from <= MAX_SPAN_MS.hourly, `window ${i} is within 48 h`);
      if (i > 0) assert.equal(w.from, windows[i - 1]!.to, 'windows are contiguous');
      if (i < windows.length - 1) assert.equal(w.to % HOUR_MS, 0, 'inner edges are on the hour');
    }
  });

  it('needs only ceil(span / 48 h) calls for an hour-aligned range', () => {
    assert.equal(planWindows(t('2026-11-10T00:00:00Z'), t('2026-11-20T00:00:00Z'), 'hourly').length, 5);
  });

  it('splits 90 days daily into 30-day windows on UTC day edges', () => {
    const windows = planWindows(t('2026-08-22T00:00:00Z'), t('2026-11-20T00:00:00Z'), 'daily');
    assert.equal(windows.length, 3);
    for (const w of windows) {
      assert.ok(w.to - w.from <= 30 * DAY_MS);
      assert.equal(w.from % DAY_MS, 0);
    }
  });

  it('does not align raw (none) windows, and returns nothing for an empty or reversed range', () => {
    const windows = planWindows(t('2026-11-10T10:34:56Z'), t('2026-11-14T10:34:56Z'), 'none');
    assert.deepEqual(
      windows.map((w) => w.to - w.from),
      [48 * HOUR_MS, 48 * HOUR_MS],
    );
    assert.deepEqual(planWindows(5, 5, 'hourly'), []);
    assert.deepEqual(planWindows(6, 5, 'daily'), []);
    assert.deepEqual(planWindows(Number.NaN, 5, 'daily'), []);
  });

  it('stitches buckets oldest first without duplicated starts', () => {
    const bucket = (start: string, mean: number) => ({ start, end: start, mean, min: mean, max: mean });
    const stitched = stitchBuckets([
      [bucket('2026-11-20T02:00:00.000Z', 3), bucket('2026-11-20T01:00:00.000Z', 2)],
      [bucket('2026-11-20T02:00:00.000Z', 99), bucket('2026-11-20T00:00:00.000Z', 1)],
    ]);
    assert.deepEqual(
      stitched.map((b) => b.mean),
      [1, 2, 3],
    );
  });

  it('stitches raw readings per device and instant', () => {
    const r = (timestamp: string, deviceId = 'd1') => ({ deviceId, timestamp, value: 1 });
    const stitched = stitchReadings([
      [r('2026-11-20T00:05:00Z'), r('2026-11-20T00:00:00Z')],
      [r('2026-11-20T00:05:00.000Z'), r('2026-11-20T00:05:00Z', 'd2')],
    ]);
    assert.equal(stitched.length, 3);
    assert.equal(stitched[0]!.timestamp, '2026-11-20T00:00:00Z');
  });
});
