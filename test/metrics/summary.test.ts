import assert from 'node:assert/strict';
import { DEFAULT_COMFORT_BANDS, summarize } from '../../src/metrics';
import { bucket, HOUR, hourly, hourlyOptions, MIN, rawOptions, reading, series, T0 } from './helpers';

describe('metrics/summary summarize', () => {
  describe('statistics', () => {
    it('gives count, mean, min, max and latest with age for raw readings', () => {
      const points = series(T0, 5 * MIN, [21, 23, 22, 25, 20, 22]);
      const s = summarize('temperature', points, rawOptions(T0, T0 + 30 * MIN, { now: T0 + 40 * MIN }));
      assert.equal(s.metric, 'temperature');
      assert.equal(s.count, 6);
      assert.ok(Math.abs(s.mean! - 133 / 6) < 1e-9);
      assert.deepEqual(s.min, { value: 20, at: T0 + 20 * MIN });
      assert.deepEqual(s.max, { value: 25, at: T0 + 15 * MIN });
      assert.deepEqual(s.latest, { value: 22, at: T0 + 25 * MIN, ageMs: 15 * MIN });
    });

    it('uses the unweighted mean of bucket means, bucket min/max at the bucket start', () => {
      const points = [
        bucket(T0, 21, 20, 22),
        bucket(T0 + HOUR, 23, 22.5, 26),
        bucket(T0 + 2 * HOUR, 22, 19, 23),
      ];
      const s = summarize('temperature', points, hourlyOptions(T0, T0 + 150 * MIN, { now: T0 + 160 * MIN }));
      assert.equal(s.count, 3);
      assert.equal(s.mean, 22);
      assert.deepEqual(s.min, { value: 19, at: T0 + 2 * HOUR });
      assert.deepEqual(s.max, { value: 26, at: T0 + HOUR });
      // The last bucket ends at 11:00 but the period ends at 10:30; it began at 10:00.
      assert.deepEqual(s.latest, {
        value: 22,
        at: T0 + 150 * MIN,
        ageMs: 10 * MIN,
        bucketStart: T0 + 2 * HOUR,
      });
    });

    it('puts the latest bucket no later than now when the period reaches into the future', () => {
      const points = hourly(T0, [21, 22, 23]);
      const s = summarize('temperature', points, hourlyOptions(T0, T0 + 6 * HOUR, { now: T0 + 150 * MIN }));
      assert.deepEqual(s.latest, { value: 23, at: T0 + 150 * MIN, ageMs: 0, bucketStart: T0 + 2 * HOUR });
    });

    it('sorts points given out of order', () => {
      const points = [reading(T0 + 10 * MIN, 24), reading(T0, 20), reading(T0 + 5 * MIN, 22)];
      const s = summarize('temperature', points, rawOptions(T0, T0 + 15 * MIN));
      assert.equal(s.latest?.value, 24);
      assert.equal(s.trend, 'rising');
    });

    it('reports no statistics without points', () => {
      const s = summarize('humidity', [], rawOptions(T0, T0 + HOUR));
      assert.equal(s.count, 0);
      assert.equal(s.mean, undefined);
      assert.equal(s.min, undefined);
      assert.equal(s.max, undefined);
      assert.equal(s.latest, undefined);
      assert.equal(s.trend, 'unknown');
      assert.deepEqual(s.outside, { aboveMs: 0, belowMs: 0 });
      assert.deepEqual(s.verdict, { level: 'none', text: 'No readings in this period' });
    });
  });

  describe('trend', () => {
    const trend = (metric: Parameters<typeof summarize>[0], values: number[], fahrenheit = false) =>
      summarize(
        metric,
        series(T0, 5 * MIN, values),
        rawOptions(T0, T0 + values.length * 5 * MIN, fahrenheit ? { unit: 'fahrenheit' } : {}),
      ).trend;

    it('is rising or falling when the last third differs from the first by more than the threshold', () => {
      assert.equal(trend('temperature', [20, 20.2, 20.4, 20.6, 20.8, 21]), 'rising');
      assert.equal(trend('temperature', [21, 20.8, 20.6, 20.4, 20.2, 20]), 'falling');
    });

    it('is steady within the threshold', () => {
      assert.equal(trend('temperature', [21, 21.2, 21.1, 21.3, 21.2, 21.4]), 'steady');
    });

    it('uses the metric threshold', () => {
      assert.equal(trend('tvoc', [200, 240, 260]), 'rising');
      assert.equal(trend('tvoc', [200, 240, 245]), 'steady');
      assert.equal(trend('humidity', [40, 41, 42]), 'steady');
      assert.equal(trend('humidity', [44, 41, 40]), 'falling');
      assert.equal(trend('peopleCount', [2, 3, 4]), 'rising');
    });

    it('scales the temperature threshold to Fahrenheit (0.9 °F)', () => {
      assert.equal(trend('temperature', [70, 70.5, 70.8]), 'rising');
      assert.equal(trend('temperature', [70, 70.5, 70.8], true), 'steady');
      assert.equal(trend('temperature', [70, 70.5, 71], true), 'rising');
    });

    it('is unknown with fewer than 3 points', () => {
      assert.equal(trend('temperature', [20, 25]), 'unknown');
      assert.equal(trend('temperature', [20]), 'unknown');
    });
  });

  describe('time outside the comfort band', () => {
    it('counts whole buckets, clipping partial ones to the period', () => {
      const points = hourly(T0, [25, 22, 19, 26]);
      const s = summarize('temperature', points, hourlyOptions(T0 + 30 * MIN, T0 + 210 * MIN));
      assert.deepEqual(s.outside, { aboveMs: HOUR, belowMs: HOUR });
      assert.deepEqual(s.verdict, { level: 'poor', text: 'Too warm for 1 h and too cold for 1 h' });
    });

    it('lets a raw reading stand until the next one, at most 15 minutes', () => {
      const points = [
        reading(T0, 25),
        reading(T0 + 5 * MIN, 25),
        reading(T0 + 10 * MIN, 22),
        reading(T0 + 60 * MIN, 25),
        reading(T0 + 120 * MIN, 19),
      ];
      const s = summarize('temperature', points, rawOptions(T0, T0 + 150 * MIN, { now: T0 + 200 * MIN }));
      assert.deepEqual(s.outside, { aboveMs: 25 * MIN, belowMs: 15 * MIN });
      assert.deepEqual(s.verdict, { level: 'fair', text: 'Too warm for 25 min and too cold for 15 min' });
    });

    it('clips the last reading to the end of the period and to now', () => {
      const points = [reading(T0, 26)];
      assert.equal(summarize('temperature', points, rawOptions(T0, T0 + 10 * MIN)).outside.aboveMs, 10 * MIN);
      const early = rawOptions(T0, T0 + HOUR, { now: T0 + 4 * MIN });
      assert.equal(summarize('temperature', points, early).outside.aboveMs, 4 * MIN);
    });

    it('converts the °C band for Fahrenheit values', () => {
      // 68–75.2 °F: 77 °F is warm, 74 °F fine, 66 °F cold.
      const points = series(T0, 5 * MIN, [77, 74, 66]);
      const f = summarize('temperature', points, rawOptions(T0, T0 + 15 * MIN, { unit: 'fahrenheit' }));
      assert.deepEqual(f.outside, { aboveMs: 5 * MIN, belowMs: 5 * MIN });
      const c = summarize('temperature', points, rawOptions(T0, T0 + 15 * MIN));
      assert.deepEqual(c.outside, { aboveMs: 15 * MIN, belowMs: 0 });
    });

    it('uses the configured bands', () => {
      const points = series(T0, 5 * MIN, [23.5, 23.5]);
      const bands = { ...DEFAULT_COMFORT_BANDS, temperature: { low: 19, high: 23 } };
      assert.equal(summarize('temperature', points, rawOptions(T0, T0 + 10 * MIN)).outside.aboveMs, 0);
      assert.equal(
        summarize('temperature', points, rawOptions(T0, T0 + 10 * MIN, { bands })).outside.aboveMs,
        10 * MIN,
      );
    });

    it('counts only poor time (above moderate/fair) for tvoc and ambient noise', () => {
      const tvoc = summarize('tvoc', hourly(T0, [100, 700, 500]), hourlyOptions(T0, T0 + 3 * HOUR));
      assert.deepEqual(tvoc.outside, { aboveMs: HOUR, belowMs: 0 });
      const noise = summarize('ambientNoise', hourly(T0, [30, 55, 45]), hourlyOptions(T0, T0 + 3 * HOUR));
      assert.deepEqual(noise.outside, { aboveMs: HOUR, belowMs: 0 });
    });

    it('counts people above capacity only when a capacity is known, and nothing for sound level', () => {
      const points = hourly(T0, [3, 8, 7]);
      const options = hourlyOptions(T0, T0 + 3 * HOUR);
      assert.deepEqual(summarize('peopleCount', points, { ...options, capacity: 6 }).outside, {
        aboveMs: 2 * HOUR,
        belowMs: 0,
      });
      assert.deepEqual(summarize('peopleCount', points, options).outside, { aboveMs: 0, belowMs: 0 });
      assert.deepEqual(summarize('soundLevel', hourly(T0, [90, 95]), options).outside, {
        aboveMs: 0,
        belowMs: 0,
      });
    });
  });

  describe('gaps', () => {
    it('reports stretches without raw readings longer than 2 h, up to now', () => {
      const points = [
        reading(T0, 22),
        reading(T0 + 5 * MIN, 22),
        reading(T0 + 3 * HOUR, 22),
        reading(T0 + 185 * MIN, 22),
      ];
      const s = summarize('temperature', points, rawOptions(T0 - 30 * MIN, T0 + 6 * HOUR));
      assert.deepEqual(s.gaps, [
        { from: T0 + 5 * MIN, to: T0 + 3 * HOUR },
        { from: T0 + 185 * MIN, to: T0 + 6 * HOUR },
      ]);
      const earlier = rawOptions(T0 - 30 * MIN, T0 + 6 * HOUR, { now: T0 + 4 * HOUR });
      assert.deepEqual(summarize('temperature', points, earlier).gaps, [
        { from: T0 + 5 * MIN, to: T0 + 3 * HOUR },
      ]);
    });

    it('does not report a stretch of exactly 2 h', () => {
      const points = [reading(T0, 22), reading(T0 + 2 * HOUR, 22)];
      assert.deepEqual(summarize('humidity', points, rawOptions(T0, T0 + 2 * HOUR)).gaps, []);
    });

    it('reports 2 or more missing buckets for aggregated data, not a single one', () => {
      const points = [
        bucket(T0, 40),
        bucket(T0 + HOUR, 40),
        bucket(T0 + 4 * HOUR, 40),
        bucket(T0 + 6 * HOUR, 40),
        bucket(T0 + 8 * HOUR, 40),
      ];
      const s = summarize('humidity', points, hourlyOptions(T0, T0 + 9 * HOUR));
      // 02:00–04:00 (two hours missing) is a gap; 05:00–06:00 and 07:00–08:00 (one each) are not.
      assert.deepEqual(s.gaps, [{ from: T0 + 2 * HOUR, to: T0 + 4 * HOUR }]);
    });

    it('finds a sensor silent 09:00–11:00 in hourly buckets and in raw readings', () => {
      // Readings every 5 min from 07:00 to 13:00 except 09:00–11:00 (T0 is 08:00 UTC).
      const start = T0 - HOUR;
      const raw = series(
        start,
        5 * MIN,
        Array.from({ length: 72 }, () => 21),
      ).filter((p) => p.start < T0 + HOUR || p.start >= T0 + 3 * HOUR);
      const rawGaps = summarize('temperature', raw, rawOptions(start, start + 6 * HOUR)).gaps;
      assert.deepEqual(rawGaps, [{ from: T0 + HOUR - 5 * MIN, to: T0 + 3 * HOUR }]);
      const buckets = hourly(start, [21, 21, 21, 21, 21, 21]).filter((_, i) => i !== 2 && i !== 3);
      const hourlyGaps = summarize('temperature', buckets, hourlyOptions(start, start + 6 * HOUR)).gaps;
      assert.deepEqual(hourlyGaps, [{ from: T0 + HOUR, to: T0 + 3 * HOUR }]);
    });

    it('reports the whole period when there is no data at all', () => {
      assert.deepEqual(summarize('tvoc', [], rawOptions(T0, T0 + 5 * HOUR)).gaps, [
        { from: T0, to: T0 + 5 * HOUR },
      ]);
    });

    it('never reports gaps for people count (missing means empty)', () => {
      const points = [bucket(T0, 4), bucket(T0 + 8 * HOUR, 3)];
      assert.equal(summarize('ambientNoise', points, hourlyOptions(T0, T0 + 12 * HOUR)).gaps.length, 2);
      assert.deepEqual(summarize('peopleCount', points, hourlyOptions(T0, T0 + 12 * HOUR)).gaps, []);
      assert.deepEqual(summarize('peopleCount', [], rawOptions(T0, T0 + 12 * HOUR)).gaps, []);
    });
  });

  describe('partial buckets', () => {
    const points = hourly(T0, [22, 22, 22]);

    it('flags a first bucket starting before from and a last one ending after to', () => {
      const s = summarize('temperature', points, hourlyOptions(T0 + 30 * MIN, T0 + 150 * MIN));
      assert.equal(s.partialFirst, true);
      assert.equal(s.partialLast, true);
    });

    it('does not flag whole buckets', () => {
      const s = summarize('temperature', points, hourlyOptions(T0, T0 + 3 * HOUR));
      assert.equal(s.partialFirst, false);
      assert.equal(s.partialLast, false);
    });

    it('never flags raw readings', () => {
      const s = summarize('temperature', series(T0, 5 * MIN, [22, 22]), rawOptions(T0 + MIN, T0 + 2 * MIN));
      assert.equal(s.partialFirst, false);
      assert.equal(s.partialLast, false);
    });
  });

  describe('verdicts', () => {
    /** Readings every 5 minutes; the period ends 5 minutes after the last one. */
    const verdict = (
      metric: Parameters<typeof summarize>[0],
      values: number[],
      extra: Parameters<typeof rawOptions>[2] = {},
    ) =>
      summarize(metric, series(T0, 5 * MIN, values), rawOptions(T0, T0 + values.length * 5 * MIN, extra))
        .verdict;
    const times = (n: number, value: number): number[] => Array.from({ length: n }, () => value);

    it('temperature', () => {
      assert.deepEqual(verdict('temperature', times(12, 22)), { level: 'good', text: 'Comfortable' });
      assert.deepEqual(verdict('temperature', times(16, 26)), {
        level: 'poor',
        text: 'Too warm for 1 h 20 min',
      });
      assert.deepEqual(verdict('temperature', times(7, 18)), { level: 'fair', text: 'Too cold for 35 min' });
      assert.deepEqual(verdict('temperature', times(12, 26)), { level: 'fair', text: 'Too warm for 1 h' });
      assert.deepEqual(verdict('temperature', [...times(16, 26), ...times(2, 18)]), {
        level: 'poor',
        text: 'Too warm for 1 h 20 min and too cold for 10 min',
      });
    });

    it('humidity', () => {
      assert.deepEqual(verdict('humidity', times(12, 45)), { level: 'good', text: 'Comfortable' });
      assert.deepEqual(verdict('humidity', times(7, 22)), { level: 'fair', text: 'Too dry for 35 min' });
      // 27 % is a normal Nordic winter day indoors: inside the 25–60 % default band.
      assert.deepEqual(verdict('humidity', times(7, 27)), { level: 'good', text: 'Comfortable' });
      assert.deepEqual(verdict('humidity', times(16, 65)), {
        level: 'poor',
        text: 'Too humid for 1 h 20 min',
      });
    });

    it('tvoc', () => {
      const options = hourlyOptions(T0, T0 + 3 * HOUR);
      const of = (means: number[]) => summarize('tvoc', hourly(T0, means), options).verdict;
      assert.deepEqual(of([100, 200]), { level: 'good', text: 'Good air quality' });
      assert.deepEqual(of([300, 500]), { level: 'fair', text: 'Moderate air quality' });
      assert.deepEqual(of([700, 500, 300]), { level: 'fair', text: 'Moderate air quality — poor for 1 h' });
      assert.deepEqual(of([800, 900]), { level: 'poor', text: 'Poor air quality — poor for 2 h' });
      // A good mean with a poor spell: mean (8 × 700 + 40 × 100) / 48 = 200.
      assert.deepEqual(verdict('tvoc', [...times(8, 700), ...times(40, 100)]), {
        level: 'fair',
        text: 'Good air quality — poor for 40 min',
      });
    });

    it('ambient noise', () => {
      const options = hourlyOptions(T0, T0 + 2 * HOUR);
      const of = (means: number[]) => summarize('ambientNoise', hourly(T0, means), options).verdict;
      assert.deepEqual(of([35, 38]), { level: 'good', text: 'Quiet' });
      assert.deepEqual(of([45]), { level: 'fair', text: 'Some background noise' });
      assert.deepEqual(of([55, 52]), { level: 'poor', text: 'Noisy — noisy for 2 h' });
    });

    it('people count', () => {
      assert.deepEqual(verdict('peopleCount', [9, 7, 7, 7, 7, 7], { capacity: 6 }), {
        level: 'fair',
        text: 'Over capacity for 30 min (peak 9 of 6)',
      });
      assert.deepEqual(verdict('peopleCount', [4, 5, 6], { capacity: 6 }), {
        level: 'good',
        text: 'Within capacity',
      });
      assert.deepEqual(verdict('peopleCount', [4, 9, 6]), { level: 'none', text: 'Peak 9 people' });
      assert.deepEqual(verdict('peopleCount', [1, 1]), { level: 'none', text: 'Peak 1 person' });
      const briefly = summarize(
        'peopleCount',
        [bucket(T0, 4, 1, 8)],
        hourlyOptions(T0, T0 + HOUR, { capacity: 6 }),
      );
      assert.deepEqual(briefly.verdict, { level: 'fair', text: 'Over capacity at times (peak 8 of 6)' });
    });

    it('sound level', () => {
      assert.deepEqual(verdict('soundLevel', [55, 68, 60]), { level: 'none', text: 'Peak 68 dBA' });
    });

    it('no readings, and nothing looked up before the period', () => {
      for (const metric of ['temperature', 'tvoc', 'peopleCount', 'soundLevel'] as const) {
        assert.deepEqual(verdict(metric, [], { capacity: 6 }), {
          level: 'none',
          text: 'No readings in this period',
        });
      }
    });
  });

  describe('empty is not silent', () => {
    const hour = rawOptions(T0, T0 + HOUR);

    it('people count without data from a device that reported: Empty, 0 people', () => {
      const s = summarize('peopleCount', [], { ...hour, capacity: 6, deviceReporting: true });
      assert.deepEqual(s.verdict, { level: 'good', text: 'Empty' });
      assert.equal(s.empty, true);
      assert.deepEqual(s.gaps, []);
    });

    it('people count without data from a silent device: not empty, and says the device may be offline', () => {
      const s = summarize('peopleCount', [], { ...hour, deviceReporting: false });
      assert.equal(s.empty, undefined);
      assert.deepEqual(s.verdict, {
        level: 'fair',
        text: 'No readings from the room’s device in this period — offline?',
      });
    });

    it('people count with readings is never empty', () => {
      const s = summarize('peopleCount', series(T0, 5 * MIN, [2, 3]), { ...hour, deviceReporting: true });
      assert.equal(s.empty, undefined);
      assert.deepEqual(s.verdict, { level: 'none', text: 'Peak 3 people' });
    });

    it('no readings with a last reading before the period: since when, sensor offline?', () => {
      const last = { at: T0 - 65 * MIN, label: '06:55' };
      const s = summarize('temperature', [], { ...hour, before: { spanMs: 48 * HOUR, last } });
      assert.deepEqual(s.verdict, { level: 'fair', text: 'No readings since 06:55 — sensor offline?' });
      assert.equal(s.empty, undefined);
    });

    it('no readings and none in the look-back either: says how far it looked', () => {
      const s = summarize('humidity', [], { ...hour, before: { spanMs: 48 * HOUR } });
      assert.deepEqual(s.verdict, {
        level: 'fair',
        text: 'No readings in this period or the 48 h before — sensor offline?',
      });
    });

    it('a look-back does not change a period with readings', () => {
      const s = summarize('temperature', series(T0, 5 * MIN, [22, 22, 22]), {
        ...hour,
        before: { spanMs: 48 * HOUR, last: { at: T0 - HOUR, label: '07:00' } },
      });
      assert.deepEqual(s.verdict, { level: 'good', text: 'Comfortable' });
    });
  });
});
