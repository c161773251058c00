import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  ALL_SENSOR_METRICS,
  buildOrganisation,
  SAMPLE_INTERVAL_MS,
  type SensorMetric,
  type SyntheticWorkspace,
  sensorGapsBetween,
  sensorSamples,
} from '../../../src/emulator/org';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 16 November 2026, 00:00 in Oslo (CET, UTC+1). */
const WEEK_START = Date.UTC(2026, 10, 15, 23, 0);
const WEEK_END = WEEK_START + 7 * DAY;

const org = buildOrganisation({ seed: 42 });
const byName = (name: string): SyntheticWorkspace => {
  const ws = org.workspaces.find((w) => w.displayName === name);
  assert.ok(ws, name);
  return ws;
};
const valueAt = (ws: SyntheticWorkspace, metric: SensorMetric, t: number): number | undefined =>
  sensorSamples(org, ws, metric, t, t + 1)[0]?.value;
const local = (t: number) => DateTime.fromMillis(t, { zone: ZONE });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('emulator/org sensorSamples', () => {
  it('returns ascending, epoch-aligned 5-minute readings within [from, to)', () => {
    const from = Date.UTC(2026, 10, 18, 9, 2, 30);
    const to = Date.UTC(2026, 10, 18, 11, 0);
    const samples = sensorSamples(org, byName('Room 40'), 'temperature', from, to);
    assert.equal(samples.length, 23); // 09:05 … 10:55
    assert.equal(samples[0]!.t, Date.UTC(2026, 10, 18, 9, 5));
    for (const [i, s] of samples.entries()) {
      assert.equal(s.t % SAMPLE_INTERVAL_MS, 0);
      assert.ok(s.t >= from && s.t < to);
      if (i > 0) assert.equal(s.t - samples[i - 1]!.t, SAMPLE_INTERVAL_MS);
    }
    assert.deepEqual(sensorSamples(org, byName('Room 40'), 'temperature', to, from), []);
    assert.deepEqual(sensorSamples(org, byName('Room 40'), 'temperature', from, from), []);
  });

  it('is a pure function of (seed, workspace, metric, time), whatever the query range', () => {
    const ws = byName('Room 4');
    for (const metric of ALL_SENSOR_METRICS) {
      const week = sensorSamples(org, ws, metric, WEEK_START, WEEK_END);
      assert.equal(week.length, 7 * 288);
      assert.deepEqual(
        sensorSamples(buildOrganisation({ seed: 42 }), ws, metric, WEEK_START, WEEK_END),
        week,
      );
      // Any sub-range gives exactly the same readings as the corresponding slice of a larger one.
      const from = WEEK_START + 2 * DAY + 13 * HOUR + 35 * 60_000;
      const to = from + 30 * HOUR;
      assert.deepEqual(
        sensorSamples(org, ws, metric, from, to),
        week.filter((s) => s.t >= from && s.t < to),
        metric,
      );
    }
    const otherSeed = buildOrganisation({ seed: 7 });
    const other = otherSeed.workspaces.find((w) => w.displayName === 'Room 4')!;
    assert.notDeepEqual(
      sensorSamples(otherSeed, other, 'peopleCount', WEEK_START, WEEK_END),
      sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_END),
    );
  });

  it('returns nothing for metrics a room without a Room Navigator does not measure', () => {
    for (const ws of org.workspaces.filter((w) => !w.hasNavigator)) {
      for (const metric of ['temperature', 'humidity', 'tvoc'] as const) {
        assert.deepEqual(
          sensorSamples(org, ws, metric, WEEK_START, WEEK_END),
          [],
          `${ws.displayName} ${metric}`,
        );
      }
      assert.ok(sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_END).length > 0);
      assert.ok(sensorSamples(org, ws, 'soundLevel', WEEK_START, WEEK_END).length > 0);
      assert.ok(sensorSamples(org, ws, 'ambientNoise', WEEK_START, WEEK_END).length > 0);
    }
  });

  it('Fjord overheats (> 25 °C) on working-day afternoons but not at night', () => {
    const fjord = byName('Fjord');
    assert.ok(valueAt(fjord, 'temperature', Date.UTC(2026, 10, 18, 13, 0))! > 25);
    assert.ok(valueAt(fjord, 'temperature', Date.UTC(2026, 10, 18, 1, 0))! < 23);
    const week = sensorSamples(org, fjord, 'temperature', WEEK_START, WEEK_END);
    const afternoons = week.filter(
      (s) => local(s.t).weekday <= 5 && local(s.t).hour >= 12 && local(s.t).hour < 17,
    );
    assert.equal(afternoons.length, 5 * 60);
    for (const s of afternoons) assert.ok(s.value > 25, `${local(s.t).toISO()} ${s.value}`);
    for (const s of week.filter((x) => local(x.t).hour < 6)) assert.ok(s.value < 23);
    // No other room gets that warm, in winter or in summer.
    for (const start of [WEEK_START, Date.UTC(2026, 6, 12, 22, 0)]) {
      for (const ws of org.workspaces.filter((w) => w !== fjord)) {
        for (const s of sensorSamples(org, ws, 'temperature', start, start + 7 * DAY)) {
          assert.ok(s.value < 25, `${ws.displayName} ${s.value}`);
        }
      }
    }
  });

  it('is quiet at weekends: nobody anywhere at Saturday noon or all weekend', () => {
    const saturdayNoon = Date.UTC(2026, 10, 21, 11, 0);
    const weekend = WEEK_START + 5 * DAY;
    for (const ws of org.workspaces) {
      assert.equal(valueAt(ws, 'peopleCount', saturdayNoon), 0, ws.displayName);
      for (const s of sensorSamples(org, ws, 'peopleCount', weekend, weekend + 2 * DAY))
        assert.equal(s.value, 0);
      for (const s of sensorSamples(org, ws, 'soundLevel', weekend, weekend + 2 * DAY))
        assert.ok(s.value < 40);
    }
  });

  it('has people only during working hours (08–17 local) on working days', () => {
    for (const ws of org.workspaces) {
      for (const s of sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_END)) {
        if (s.value === 0) continue;
        const at = local(s.t);
        assert.ok(at.weekday <= 5 && at.hour >= 8 && at.hour < 17, `${ws.displayName} ${at.toISO()}`);
      }
    }
  });

  it('shows a higher sound level and ambient noise during meetings than in empty hours', () => {
    for (const ws of org.workspaces) {
      const people = sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_START + 5 * DAY);
      const occupied = new Set(people.filter((s) => s.value > 0).map((s) => s.t));
      assert.ok(occupied.size > 50, `${ws.displayName} is used during the week`);
      for (const metric of ['soundLevel', 'ambientNoise'] as const) {
        const samples = sensorSamples(org, ws, metric, WEEK_START, WEEK_START + 5 * DAY);
        const busy = samples.filter((s) => occupied.has(s.t)).map((s) => s.value);
        const empty = samples.filter((s) => !occupied.has(s.t)).map((s) => s.value);
        assert.ok(
          mean(busy) > mean(empty) + (metric === 'soundLevel' ? 15 : 8),
          `${ws.displayName} ${metric}`,
        );
      }
    }
  });

  it('responds to occupancy with rising temperature, humidity and TVOC', () => {
    const ws = byName('Room 4');
    const day = WEEK_START + 2 * DAY;
    const early = (m: SensorMetric) => valueAt(ws, m, day + 7 * HOUR)!; // 07:00 local, empty
    const busiest = (m: SensorMetric) =>
      Math.max(...sensorSamples(org, ws, m, day + 8 * HOUR, day + 17 * HOUR).map((s) => s.value));
    assert.ok(busiest('temperature') > early('temperature') + 0.5);
    assert.ok(busiest('humidity') > early('humidity'));
    assert.ok(busiest('tvoc') > early('tvoc') + 200);
  });

  it('keeps every metric in a realistic range over a week', () => {
    let stuffy = 0;
    for (const ws of org.workspaces) {
      const cap = ws.profile.occupancyCapacity;
      for (const metric of ws.metrics) {
        const values = sensorSamples(org, ws, metric, WEEK_START, WEEK_END).map((s) => s.value);
        assert.ok(values.length > 0);
        for (const v of values) assert.ok(Number.isFinite(v));
        const [lo, hi] = [Math.min(...values), Math.max(...values)];
        const label = `${ws.displayName} ${metric} ${lo}..${hi}`;
        switch (metric) {
          case 'temperature':
            assert.ok(lo >= 18.5 && hi <= (ws.profile.overheatsAfternoons ? 29.5 : 24), label);
            break;
          case 'humidity':
            assert.ok(lo >= 18 && hi <= 50, label);
            break;
          case 'tvoc':
            assert.ok(lo >= 40 && lo <= 160 && hi <= 1500, label);
            if (hi > 660) stuffy++;
            break;
          case 'ambientNoise':
            assert.ok(lo >= 24 && lo <= 36 && hi >= 40 && hi <= 56, label);
            break;
          case 'soundLevel':
            assert.ok(lo >= 24 && lo <= 36 && hi >= 50 && hi <= 72, label);
            break;
          case 'peopleCount':
            for (const v of values) assert.ok(Number.isInteger(v) && v >= 0, label);
            assert.equal(lo, 0);
            assert.ok(hi <= (ws.profile.exceedsCapacity ? cap + 1 : cap), label);
            if (ws.capacity !== undefined) assert.equal(ws.profile.occupancyCapacity, ws.capacity);
            break;
        }
      }
    }
    assert.ok(stuffy >= 1, 'at least one stuffy room exceeds 660 ppb TVOC');
    const over = byName('Fløyen');
    const counts = sensorSamples(org, over, 'peopleCount', WEEK_START, WEEK_START + 28 * DAY).map(
      (s) => s.value,
    );
    assert.ok(counts.includes(over.capacity! + 1), 'Fløyen is occasionally over capacity');
  });

  it('has drier air in winter than in summer', () => {
    const ws = byName('Room 40');
    const january = mean(
      sensorSamples(org, ws, 'humidity', Date.UTC(2026, 0, 12), Date.UTC(2026, 0, 19)).map((s) => s.value),
    );
    const july = mean(
      sensorSamples(org, ws, 'humidity', Date.UTC(2026, 6, 13), Date.UTC(2026, 6, 20)).map((s) => s.value),
    );
    assert.ok(january < 30 && july > 35, `${january} / ${july}`);
  });

  it('returns no samples for any metric inside the gap room’s weekly sensor gap', () => {
    const gapped = org.workspaces.filter((w) => w.profile.sensorGap);
    assert.equal(gapped.length, 1);
    const ws = gapped[0]!;
    const gap = ws.profile.sensorGap!;
    const windows = sensorGapsBetween(org, ws, WEEK_START, WEEK_END);
    assert.equal(windows.length, 1);
    const window = windows[0]!;
    const start = local(window.startMs);
    assert.equal(start.weekday, gap.isoWeekday);
    assert.equal(start.hour * 60 + start.minute, gap.startMinute);
    assert.equal(window.endMs - window.startMs, gap.durationMinutes * 60_000);
    for (const metric of ws.metrics) {
      assert.deepEqual(sensorSamples(org, ws, metric, window.startMs, window.endMs), [], metric);
      const around = sensorSamples(org, ws, metric, window.startMs - HOUR, window.endMs + HOUR);
      assert.equal(around.length, 24, metric);
      assert.equal(around[11]!.t, window.startMs - SAMPLE_INTERVAL_MS);
      assert.equal(around[12]!.t, window.endMs);
    }
    // Only that window is missing during the week.
    assert.equal(
      sensorSamples(org, ws, 'peopleCount', WEEK_START, WEEK_END).length,
      7 * 288 - gap.durationMinutes / 5,
    );
    // Other rooms are not affected.
    assert.equal(
      sensorSamples(org, byName('Room 40'), 'peopleCount', window.startMs, window.endMs).length,
      gap.durationMinutes / 5,
    );
  });

  it('keeps working hours at 08–17 local across the October 2026 DST change', () => {
    // Friday 23 Oct is CEST (UTC+2); Monday 26 Oct is CET (UTC+1); the change is on Sunday 25 Oct.
    for (const [day, utcStartHour] of [
      [Date.UTC(2026, 9, 22, 22, 0), 6],
      [Date.UTC(2026, 9, 25, 23, 0), 7],
    ] as const) {
      let earliestUtcHour = 24;
      let occupied = 0;
      for (const ws of org.workspaces) {
        for (const s of sensorSamples(org, ws, 'peopleCount', day, day + DAY)) {
          if (s.value === 0) continue;
          occupied++;
          const at = local(s.t);
          assert.ok(at.hour >= 8 && at.hour < 17, `${ws.displayName} ${at.toISO()}`);
          earliestUtcHour = Math.min(earliestUtcHour, new Date(s.t).getUTCHours());
        }
      }
      assert.ok(occupied > 100);
      assert.equal(earliestUtcHour, utcStartHour);
    }
    // Sunday of the change (a 25-hour day) is quiet and has 300 five-minute readings.
    const sunday = Date.UTC(2026, 9, 24, 22, 0);
    const sundaySamples = sensorSamples(
      org,
      byName('Fjord'),
      'temperature',
      sunday,
      Date.UTC(2026, 9, 25, 23, 0),
    );
    assert.equal(sundaySamples.length, 300);
  });

  // Speed (48 h and 30 days of readings) is measured by `npm run bench`, not asserted here.
  it('works for any instant in the past year, for short and month-long ranges', () => {
    const ws = byName('Fjord');
    const longAgo = Date.UTC(2025, 11, 3, 10, 0);
    assert.equal(sensorSamples(org, ws, 'temperature', longAgo, longAgo + 48 * HOUR).length, 576);
    for (const metric of ['temperature', 'tvoc', 'peopleCount'] as const) {
      const month = sensorSamples(org, ws, metric, longAgo, longAgo + 30 * DAY);
      assert.equal(month.length, 30 * 288);
      const tail = sensorSamples(org, ws, metric, longAgo + 29 * DAY, longAgo + 30 * DAY);
      assert.deepEqual(month.slice(-288), tail, `${metric}: a reading does not depend on the query range`);
    }
  });
});
