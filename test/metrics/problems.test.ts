import assert from 'node:assert/strict';
import { DEFAULT_COMFORT_BANDS, type SummaryOptions, summarize } from '../../src/metrics';
import { type MetricProblem, metricProblem, problemOrder } from '../../src/metrics/problems';
import type { MetricName } from '../../src/webex/wire';
import { HOUR, hourly, MIN, rawOptions, series, T0 } from './helpers';

/** T0 is Wed 18 Nov 2026 08:00 UTC; working hours here: 08:00–16:00 UTC. */
const WORKING = [{ from: T0, to: T0 + 8 * HOUR }];

function problemOf(
  metric: MetricName,
  points: ReturnType<typeof series>,
  now: number,
  extra: Partial<SummaryOptions> = {},
): MetricProblem | undefined {
  const options = rawOptions(T0 - 8 * HOUR, now, { working: WORKING, ...extra });
  const summary = summarize(metric, points, options);
  return metricProblem(summary, points, {
    now,
    bands: DEFAULT_COMFORT_BANDS,
    working: WORKING,
    ...(extra.capacity !== undefined ? { capacity: extra.capacity } : {}),
  });
}

describe('metricProblem', () => {
  it('names the first reading of the run still outside now, and its peak against the limit', () => {
    // 08:00 … every 5 min: in band, one excursion (a past run), back in band, then warm since 09:00.
    const values = [22, 22, 24.5, 22, ...Array.from({ length: 8 }, () => 23), 24.2, 25.1, 26.8, 26.1, 25.5];
    const points = series(T0, 5 * MIN, values);
    const now = T0 + (values.length - 1) * 5 * MIN + 4 * MIN;
    const p = problemOf('temperature', points, now);
    assert.ok(p);
    assert.equal(p.side, 'above');
    assert.equal(p.limit, 24);
    assert.equal(p.now, true);
    assert.equal(p.since, T0 + 12 * 5 * MIN, 'the first of the five readings above 24 °C');
    assert.equal(p.until, undefined);
    assert.deepEqual(p.extreme, { value: 26.8, at: T0 + 14 * 5 * MIN });
    // 5 readings of the current run (each stands for 5 min, the last until now: 4 min) + the 5-min excursion.
    assert.equal(p.outsideMs, 4 * 5 * MIN + 4 * MIN + 5 * MIN);
  });

  it('is not "now" when the latest reading is older than 30 minutes: the run has an end', () => {
    const points = series(T0, 5 * MIN, [22, 25, 25.5, 25]);
    const now = T0 + 15 * MIN + 31 * MIN;
    const p = problemOf('temperature', points, now);
    assert.ok(p);
    assert.equal(p.now, false);
    assert.equal(p.since, T0 + 5 * MIN);
    assert.equal(p.until, T0 + 15 * MIN);
  });

  it('reports the run that went furthest out when nothing is outside now', () => {
    const points = series(T0, 10 * MIN, [18.5, 19.6, 21, 21, 24.4, 21, 21]);
    const p = problemOf('temperature', points, T0 + 65 * MIN);
    assert.ok(p);
    assert.equal(p.side, 'below');
    assert.equal(p.limit, 20);
    assert.deepEqual(p.extreme, { value: 18.5, at: T0 });
    assert.equal(p.since, T0);
    assert.equal(p.until, T0 + 10 * MIN);
  });

  it('ignores runs entirely outside working hours (a cold night is not a problem)', () => {
    const night = series(T0 - 6 * HOUR, 30 * MIN, [17, 17, 17, 17]);
    const day = series(T0, 30 * MIN, [21, 22, 22]);
    assert.equal(problemOf('temperature', [...night, ...day], T0 + 65 * MIN), undefined);
  });

  it('keeps a run that began before working hours and lasted into them, from its first reading', () => {
    const points = series(T0 - 30 * MIN, 15 * MIN, [18, 18.5, 19, 19.5, 21]);
    const p = problemOf('temperature', points, T0 + 65 * MIN);
    assert.ok(p);
    assert.equal(p.since, T0 - 30 * MIN);
    assert.equal(p.until, T0 + 15 * MIN);
  });

  it('a gap of more than 2 hours ends a run', () => {
    const points = [...series(T0, 5 * MIN, [25, 25]), ...series(T0 + 3 * HOUR, 5 * MIN, [25.5, 26])];
    const p = problemOf('temperature', points, T0 + 3 * HOUR + 10 * MIN);
    assert.ok(p?.now);
    assert.equal(p.since, T0 + 3 * HOUR);
  });

  it('judges people against capacity at any hour, and noise against the fair limit', () => {
    const people = series(T0 - 4 * HOUR, 5 * MIN, [9, 12, 13]);
    const crowd = problemOf('peopleCount', people, T0 - 4 * HOUR + 12 * MIN, { capacity: 10 });
    assert.ok(crowd?.now);
    assert.equal(crowd.limit, 10);
    assert.equal(crowd.extreme.value, 13);
    assert.equal(problemOf('peopleCount', people, T0, {}), undefined, 'no capacity, nothing to judge');
    const noise = problemOf('ambientNoise', series(T0, 5 * MIN, [45, 48, 55, 52]), T0 + 20 * MIN);
    assert.equal(noise?.limit, 50);
    assert.equal(noise?.extreme.value, 55);
  });

  it('reads hourly buckets by their mean, the extreme by their max', () => {
    const points = hourly(T0, [22, 24.6, 25]).map((b, i) => (i === 2 ? { ...b, max: 26.2 } : b));
    const p = problemOf('temperature', points, T0 + 2 * HOUR + 20 * MIN, { aggregation: 'hourly' });
    assert.ok(p?.now);
    assert.equal(p.since, T0 + HOUR);
    assert.equal(p.extreme.value, 26.2);
  });
});

describe('problemOrder', () => {
  const problem = (now: boolean, outsideMs: number, severity = 0.1): MetricProblem => ({
    metric: 'temperature',
    side: 'above',
    limit: 24,
    extreme: { value: 25, at: T0 },
    since: T0,
    now,
    outsideMs,
    severity,
  });
  it('puts 3 °C too warm before 1 % too dry: how far out is measured against the band', () => {
    const options = { now: T0 + 20 * MIN, bands: DEFAULT_COMFORT_BANDS };
    const warm = series(T0, 5 * MIN, [24.5, 27]);
    const dry = series(T0, 5 * MIN, [24.5, 24]);
    const hot = metricProblem(summarize('temperature', warm, rawOptions(T0, T0 + 20 * MIN)), warm, options)!;
    const arid = metricProblem(summarize('humidity', dry, rawOptions(T0, T0 + 20 * MIN)), dry, options)!;
    assert.equal(hot.severity, 3 / 4);
    assert.equal(arid.severity, 1 / 35);
    const rooms = [
      { name: 'Dry', problems: [arid] },
      { name: 'Warm', problems: [hot] },
    ];
    assert.deepEqual(
      rooms.sort(problemOrder).map((r) => r.name),
      ['Warm', 'Dry'],
    );
  });

  it('puts rooms outside now first, then the furthest out, the most time outside, then by name', () => {
    const rooms = [
      { name: 'B', problems: [problem(false, 3 * HOUR)] },
      { name: 'C', problems: [problem(true, 10 * MIN)] },
      { name: 'A', problems: [problem(false, 3 * HOUR)] },
      { name: 'D', problems: [problem(false, 4 * HOUR)] },
      { name: 'E', problems: [problem(false, 5 * MIN, 0.9)] },
    ];
    assert.deepEqual(
      rooms.sort(problemOrder).map((r) => r.name),
      ['C', 'E', 'D', 'A', 'B'],
    );
  });
});
