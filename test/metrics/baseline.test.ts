import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { MetricPoint } from '../../src/metrics';
import {
  baselineFor,
  describeUnusual,
  judgeUnusual,
  partOfDay,
  SPREAD_FLOOR,
} from '../../src/metrics/baseline';
import { bucket, HOUR } from './helpers';

const OSLO = 'Europe/Oslo';

/** Hourly buckets from `from` to `to` (local ISO times in Oslo), each valued by `value(localTime)`. */
function hourly(from: string, to: string, value: (t: DateTime) => number): MetricPoint[] {
  const start = DateTime.fromISO(from, { zone: OSLO }).toMillis();
  const end = DateTime.fromISO(to, { zone: OSLO }).toMillis();
  const points: MetricPoint[] = [];
  for (let t = start; t < end; t += HOUR)
    points.push(bucket(t, value(DateTime.fromMillis(t, { zone: OSLO }))));
  return points;
}

/** A room that is 21 °C in working hours with a small weekly wobble, 17 °C at night. */
const usual = (t: DateTime) =>
  t.hour >= 8 && t.hour < 17 ? 21 + ((t.weekNumber % 3) - 1) * 0.2 : 17 + (t.weekNumber % 2) * 0.2;

describe('baselines: what is usual for a room at this weekday and hour', () => {
  it('finds a known anomaly: 3.1 °C warmer than a usual Tuesday afternoon', () => {
    // Six weeks of history, then Tuesday 24 November 2026 14:00 reads 24.1 °C.
    const history = hourly('2026-10-13T00:00', '2026-11-24T14:00', usual);
    const at = DateTime.fromISO('2026-11-24T14:20', { zone: OSLO }).toMillis();
    const baseline = baselineFor('temperature', history, at, OSLO);
    assert.ok(baseline);
    assert.equal(baseline.weekday, 2);
    assert.equal(baseline.hour, 14);
    assert.equal(baseline.samples, 6);
    assert.ok(Math.abs(baseline.median - 21) <= 0.2, `median ${baseline.median}`);
    const unusual = judgeUnusual('temperature', 24.1, baseline);
    assert.ok(unusual);
    assert.equal(unusual.direction, 'higher');
    assert.equal(
      describeUnusual('temperature', { ...unusual, difference: 3.1 }, baseline),
      '3.1 °C warmer than a usual Tuesday afternoon here',
    );
    // The same value at night is compared with nights: 24.1 °C is unusual there too, 17.1 is not.
    const night = DateTime.fromISO('2026-11-24T03:10', { zone: OSLO }).toMillis();
    const nightBaseline = baselineFor('temperature', history, night, OSLO)!;
    assert.ok(Math.abs(nightBaseline.median - 17.1) <= 0.1);
    assert.equal(judgeUnusual('temperature', 17.1, nightBaseline), undefined);
  });

  it('is not unusual within the spread, nor for a difference too small to matter', () => {
    const history = hourly('2026-10-13T00:00', '2026-11-24T14:00', usual);
    const at = DateTime.fromISO('2026-11-24T14:00', { zone: OSLO }).toMillis();
    const baseline = baselineFor('temperature', history, at, OSLO)!;
    assert.equal(judgeUnusual('temperature', 21.3, baseline), undefined);
    // The spread is floored: identical weeks do not make 21.4 °C "unusual".
    const flat = hourly('2026-10-13T00:00', '2026-11-24T14:00', () => 21);
    const flatBaseline = baselineFor('temperature', flat, at, OSLO)!;
    assert.equal(flatBaseline.spread, SPREAD_FLOOR.temperature);
    assert.equal(judgeUnusual('temperature', 21.4, flatBaseline), undefined, 'under the meaningful 1 °C');
    assert.ok(judgeUnusual('temperature', 22.2, flatBaseline));
    assert.equal(judgeUnusual('temperature', 19.5, flatBaseline)?.direction, 'lower');
    // A rule marked a false alarm widens its band.
    assert.equal(judgeUnusual('temperature', 22.2, baseline, { widen: 3 }), undefined);
  });

  it('matches the local wall clock across a DST change, and needs enough past weeks', () => {
    // Oslo leaves summer time on 25 October 2026: 14:00 local is 12:00 UTC before, 13:00 UTC after.
    // Each bucket holds its local hour, so only local matching gives a median of exactly 14.
    const history = hourly('2026-09-28T00:00', '2026-11-03T14:00', (t) => t.hour);
    const at = DateTime.fromISO('2026-11-03T14:30', { zone: OSLO }).toMillis();
    const baseline = baselineFor('temperature', history, at, OSLO, { weeks: 5 })!;
    assert.equal(baseline.median, 14);
    assert.equal(baseline.samples, 5);
    // Only two Tuesdays known: no baseline (and no claim of "unusual").
    const short = hourly('2026-10-20T00:00', '2026-11-03T14:00', (t) => t.hour);
    assert.equal(baselineFor('temperature', short, at, OSLO), undefined);
  });

  it('says the difference in people words for every metric', () => {
    const baseline = { weekday: 1, hour: 9, median: 40, spread: 2, samples: 6 };
    assert.equal(
      describeUnusual('ambientNoise', { direction: 'higher', difference: 12, score: 6 }, baseline),
      '12 dBA louder than a usual Monday morning here',
    );
    assert.equal(
      describeUnusual('tvoc', { direction: 'higher', difference: 240, score: 8 }, { ...baseline, hour: 13 }),
      '240 ppb more TVOC than a usual Monday afternoon here',
    );
    assert.equal(
      describeUnusual(
        'peopleCount',
        { direction: 'lower', difference: -1, score: -3 },
        { ...baseline, hour: 19 },
      ),
      '1 fewer person than a usual Monday evening here',
    );
    assert.equal(
      describeUnusual(
        'temperature',
        { direction: 'lower', difference: -2.5, score: -5 },
        baseline,
        'fahrenheit',
      ),
      '2.5 °F cooler than a usual Monday morning here',
    );
    assert.deepEqual([4, 5, 12, 17, 22].map(partOfDay), [
      'night',
      'morning',
      'afternoon',
      'evening',
      'night',
    ]);
  });
});
