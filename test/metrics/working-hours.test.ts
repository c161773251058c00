import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  DEFAULT_COMFORT_BANDS,
  type MetricPoint,
  rankValue,
  rankWorkspaces,
  summarize,
} from '../../src/metrics';
import { DEFAULT_WORKING_HOURS, workingIntervals } from '../../src/model';
import { HOUR, hourly, MIN, series } from './helpers';

const OSLO = 'Europe/Oslo';
const local = (iso: string) => DateTime.fromISO(iso, { zone: OSLO }).toMillis();
/** Wednesday 18 Nov 2026, local midnight to midnight. */
const WED = local('2026-11-18T00:00');
const THU = local('2026-11-19T00:00');
/** Sunday 22 Nov 2026. */
const SUN = local('2026-11-22T00:00');

/** Hourly means for one local day: `night` outside 08:00–17:00, `day` inside, with overrides by hour. */
function day(start: number, night: number, dayValue: number, at: Record<number, number> = {}): MetricPoint[] {
  return hourly(
    start,
    Array.from({ length: 24 }, (_, h) => at[h] ?? (h >= 8 && h < 17 ? dayValue : night)),
  );
}

function options(from: number, to: number, judged = true) {
  return {
    from,
    to,
    now: to,
    aggregation: 'hourly' as const,
    bands: DEFAULT_COMFORT_BANDS,
    ...(judged ? { working: workingIntervals(DEFAULT_WORKING_HOURS, from, to, OSLO) } : {}),
  };
}

describe('metrics judged in working hours', () => {
  it('does not count the night setback as too cold, and says what was judged', () => {
    const points = day(WED, 16, 21.5);
    const judged = summarize('temperature', points, options(WED, THU));
    assert.deepEqual(judged.outside, { aboveMs: 0, belowMs: 0 });
    assert.deepEqual(judged.verdict, { level: 'good', text: 'Comfortable in working hours' });
    assert.equal(judged.working?.ms, 9 * HOUR);
    assert.equal(judged.working?.mean, 21.5);
    // Night readings are still shown: the minimum is the setback.
    assert.equal(judged.min?.value, 16);
    // Judged over 24 hours, the same day cries wolf.
    const allDay = summarize('temperature', points, options(WED, THU, false));
    assert.equal(allDay.verdict.text, 'Too cold for 15 h');
  });

  it('counts cold working hours only: "Too cold for 2 h in working hours"', () => {
    const points = day(WED, 16, 21.5, { 8: 19, 9: 19.5 });
    const s = summarize('temperature', points, options(WED, THU));
    assert.equal(s.outside.belowMs, 2 * HOUR);
    assert.deepEqual(s.verdict, { level: 'poor', text: 'Too cold for 2 h in working hours' });
  });

  it('cuts raw readings at the start of working hours (07:00–08:00 cold, 08:00–09:00 warm, one cold reading at 08:30)', () => {
    const values = Array.from({ length: 24 }, (_, i) => (i < 12 ? 17 : i === 18 ? 18 : 22));
    const from = local('2026-11-18T07:00');
    const to = local('2026-11-18T09:00');
    const points = series(from, 5 * MIN, values);
    const s = summarize('temperature', points, { ...options(from, to), aggregation: 'none' });
    assert.equal(s.outside.belowMs, 5 * MIN);
    assert.equal(s.verdict.text, 'Too cold for 5 min in working hours');
  });

  it('gives a Sunday no verdict ("Outside working hours: not judged"), never "Comfortable", and still shows its readings', () => {
    const points = day(SUN, 15, 15);
    const s = summarize('temperature', points, options(SUN, SUN + 24 * HOUR));
    assert.deepEqual(s.verdict, { level: 'none', text: 'Outside working hours: not judged' });
    assert.deepEqual(s.outside, { aboveMs: 0, belowMs: 0 });
    assert.equal(s.min?.value, 15);
    assert.equal(s.latest?.value, 15);
  });

  it('says when working hours have no readings', () => {
    const points = hourly(WED, [21, 21, 21]); // 00:00–03:00 only
    const s = summarize('humidity', points, options(WED, THU));
    assert.deepEqual(s.verdict, { level: 'none', text: 'No readings in working hours: not judged' });
  });

  it('grades noise by the working mean, not the quiet night', () => {
    const points = day(WED, 30, 52);
    const s = summarize('ambientNoise', points, options(WED, THU));
    assert.equal(s.verdict.level, 'poor');
    assert.match(s.verdict.text, /^Noisy in working hours — noisy for 9 h$/);
    // Over 24 hours the quiet night pulls the mean down to "Quiet".
    assert.equal(
      summarize('ambientNoise', points, options(WED, THU, false)).verdict.text,
      'Quiet — noisy for 9 h',
    );
  });

  it('judges people count against capacity at any hour', () => {
    const points = day(WED, 0, 3, { 20: 12 });
    const s = summarize('peopleCount', points, { ...options(WED, THU), capacity: 8 });
    assert.equal(s.working, undefined);
    assert.match(s.verdict.text, /^Over capacity for 1 h/);
  });

  it('ranks by working-hours values: a room heated all night is not the warmest', () => {
    const rooms = [
      { name: 'Heated all night', summary: summarize('temperature', day(WED, 23, 21), options(WED, THU)) },
      { name: 'Setback at night', summary: summarize('temperature', day(WED, 16, 23.5), options(WED, THU)) },
    ];
    // Over 24 hours the room heated all night has the higher mean…
    const allDay = rooms.map((r) => ({
      ...r,
      summary: summarize(
        'temperature',
        day(WED, r.name.startsWith('H') ? 23 : 16, r.name.startsWith('H') ? 21 : 23.5),
        options(WED, THU, false),
      ),
    }));
    assert.equal(
      rankWorkspaces(allDay, { stat: 'mean', order: 'desc', limit: 1 })[0]!.name,
      'Heated all night',
    );
    // …but in working hours the other one is warmer, and it is shown with its working mean.
    const ranked = rankWorkspaces(rooms, { stat: 'mean', order: 'desc', limit: 2 });
    assert.deepEqual(
      ranked.map((r) => r.name),
      ['Setback at night', 'Heated all night'],
    );
    assert.equal(rankValue(ranked[0]!.summary, 'mean'), 23.5);
    assert.equal(rankValue(ranked[0]!.summary, 'min'), 23.5);
  });
});
