import assert from 'node:assert/strict';
import { webexId } from '../../src/webex/ids';
import type {
  AggregatedMetricItem,
  ListResponse,
  RawMetricItem,
  Workspace,
  WorkspaceDurationMetricsResponse,
  WorkspaceMetricsResponse,
} from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { callers, query } from './webex-http';

const NOW = Date.UTC(2026, 10, 20, 12, 0); // Friday 2026-11-20 12:00 UTC (13:00 in Oslo)
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();
const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Stats {
  mean: number;
  min: number;
  max: number;
}

/** What the reference page says a bucket holds: mean/min/max of the readings (2 decimals). */
function statsOf(values: readonly number[]): Stats {
  assert.ok(values.length > 0);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    mean: round2(sum / values.length),
    min: round2(Math.min(...values)),
    max: round2(Math.max(...values)),
  };
}

const statsOfBucket = (b: AggregatedMetricItem): Stats => ({ mean: b.mean, min: b.min, max: b.max });

describe('emulator HTTP: workspace metrics', () => {
  const clock = new FakeClock(NOW);
  const emulator = useEmulator({ now: clock.now });
  const { admin } = callers(() => emulator.current);

  let room4: Workspace;
  let huddle: Workspace;
  let booth: Workspace;
  before(async () => {
    const { items } = await admin.get<ListResponse<Workspace>>('/workspaces');
    const named = (name: string) => {
      const ws = items.find((w) => w.displayName === name);
      assert.ok(ws, name);
      return ws;
    };
    room4 = named('Room 4');
    huddle = named('Huddle 3.2'); // no Room Navigator
    booth = named('Focus Booth 1'); // walk-in only, never booked
  });

  type Params = Record<string, string | number | undefined>;
  const metrics = <A extends 'none' | 'hourly' | 'daily' = 'hourly'>(params: Params) =>
    admin.get<WorkspaceMetricsResponse<A>>(`/workspaceMetrics${query({ workspaceId: room4.id, ...params })}`);
  const metricsFail = (params: Params, description?: RegExp) =>
    admin.fails('GET', `/workspaceMetrics${query(params)}`, 400, description ? { description } : {});

  describe('span limits', () => {
    for (const aggregation of ['none', 'hourly'] as const) {
      it(`${aggregation}: exactly 48 h → 200, one ms more → 400`, async () => {
        const to = NOW;
        const ok = await metrics({
          metricName: 'soundLevel',
          aggregation,
          from: iso(to - 48 * HOUR),
          to: iso(to),
        });
        assert.equal(ok.aggregation, aggregation);
        assert.ok(ok.items.length > 0);
        await metricsFail(
          {
            workspaceId: room4.id,
            metricName: 'soundLevel',
            aggregation,
            from: iso(to - 48 * HOUR - 1),
            to: iso(to),
          },
          /48 hours/,
        );
      });
    }

    it('daily: exactly 30 days → 200, one ms more → 400', async () => {
      const to = Date.UTC(2026, 10, 20);
      const ok = await metrics({
        metricName: 'soundLevel',
        aggregation: 'daily',
        from: iso(to - 30 * DAY),
        to: iso(to),
      });
      assert.ok(ok.items.length >= 20 && ok.items.length <= 30);
      for (const item of ok.items) assert.equal(Date.parse(item.end) - Date.parse(item.start), DAY);
      await metricsFail(
        {
          workspaceId: room4.id,
          metricName: 'soundLevel',
          aggregation: 'daily',
          from: iso(to - 30 * DAY - 1),
          to: iso(to),
        },
        /30 days/,
      );
    });
  });

  describe('buckets', () => {
    const from = '2026-11-19T10:34:56Z';
    const to = '2026-11-19T13:30:00Z';

    it('from=10:34:56 hourly → first bucket starts 10:00 but aggregates only readings after 10:34:56', async () => {
      const hourly = await metrics<'hourly'>({ metricName: 'soundLevel', from, to, sortBy: 'oldestFirst' });
      const raw = await metrics<'none'>({
        metricName: 'soundLevel',
        aggregation: 'none',
        from,
        to,
        sortBy: 'oldestFirst',
      });
      assert.equal(hourly.items[0]?.start, '2026-11-19T10:00:00.000Z');
      assert.equal(hourly.items[0]?.end, '2026-11-19T11:00:00.000Z');
      assert.ok(raw.items.every((r) => Date.parse(r.timestamp) > Date.parse(from)));
      assert.ok(raw.items.every((r) => Date.parse(r.timestamp) < Date.parse(to)));

      // Group the raw readings by hour and compare each bucket with its readings.
      const byHour = new Map<number, number[]>();
      for (const r of raw.items) {
        const hour = Math.floor(Date.parse(r.timestamp) / HOUR) * HOUR;
        byHour.set(hour, [...(byHour.get(hour) ?? []), r.value]);
      }
      assert.deepEqual(
        hourly.items.map((b) => Date.parse(b.start)),
        [...byHour.keys()],
      );
      for (const bucket of hourly.items) {
        assert.deepEqual(statsOfBucket(bucket), statsOf(byHour.get(Date.parse(bucket.start))!), bucket.start);
      }
      // The last bucket is partial too: 13:00 holds only readings before 13:30.
      assert.equal(hourly.items.at(-1)?.start, '2026-11-19T13:00:00.000Z');
      assert.equal(byHour.get(Date.parse('2026-11-19T13:00:00Z'))?.length, 6);

      // The test discriminates: the whole 10:00 hour aggregates to something else.
      const wholeHour = await metrics<'hourly'>({
        metricName: 'soundLevel',
        from: '2026-11-19T10:00:00Z',
        to: '2026-11-19T11:00:00Z',
      });
      assert.equal(wholeHour.items.length, 1);
      assert.notDeepEqual(statsOfBucket(wholeHour.items[0]!), statsOfBucket(hourly.items[0]!));
    });

    it('default sortBy is newestFirst (aggregated and raw); oldestFirst reverses', async () => {
      const newest = await metrics<'hourly'>({ metricName: 'soundLevel', from, to });
      assert.equal(newest.sortBy, 'newestFirst');
      assert.equal(newest.aggregation, 'hourly');
      const starts = newest.items.map((b) => Date.parse(b.start));
      assert.ok(starts.length >= 3);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => b - a),
      );
      const oldest = await metrics<'hourly'>({ metricName: 'soundLevel', from, to, sortBy: 'oldestFirst' });
      assert.equal(oldest.sortBy, 'oldestFirst');
      assert.deepEqual(oldest.items, [...newest.items].reverse());

      const raw = await metrics<'none'>({ metricName: 'soundLevel', aggregation: 'none', from, to });
      const times = raw.items.map((r) => Date.parse(r.timestamp));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
    });

    it('items have exactly the documented fields', async () => {
      const raw = await metrics<'none'>({ metricName: 'humidity', aggregation: 'none', from, to });
      assert.ok(raw.items.length > 0);
      for (const item of raw.items) {
        assert.deepEqual(Object.keys(item).sort(), ['deviceId', 'timestamp', 'value']);
        assert.equal(typeof item.value, 'number');
        assert.ok(!Number.isNaN(Date.parse(item.timestamp)));
      }
      const hourly = await metrics<'hourly'>({ metricName: 'humidity', aggregation: 'hourly', from, to });
      for (const item of hourly.items) {
        assert.deepEqual(Object.keys(item).sort(), ['end', 'max', 'mean', 'min', 'start']);
        assert.ok(item.min <= item.mean && item.mean <= item.max);
      }
      assert.deepEqual(Object.keys(hourly).sort(), [
        'aggregation',
        'from',
        'items',
        'metricName',
        'sortBy',
        'to',
        'workspaceId',
      ]);
      assert.equal(hourly.workspaceId, room4.id);
      assert.equal(hourly.metricName, 'humidity');
      assert.equal(Date.parse(hourly.from), Date.parse(from));
      assert.equal(Date.parse(hourly.to), Date.parse(to));
    });

    it('no data after now', async () => {
      const future = await metrics<'none'>({
        metricName: 'soundLevel',
        aggregation: 'none',
        from: iso(NOW - HOUR),
        to: iso(NOW + 5 * HOUR),
      });
      assert.ok(future.items.length > 0);
      assert.ok(future.items.every((r) => Date.parse(r.timestamp) < NOW));
    });
  });

  describe('units', () => {
    const range = { from: '2026-11-19T08:00:00Z', to: '2026-11-19T16:00:00Z' };

    it('unit is present only for temperature (default celsius); fahrenheit converts', async () => {
      const celsius = await metrics<'hourly'>({ metricName: 'temperature', ...range });
      assert.equal(celsius.unit, 'celsius');
      assert.ok(celsius.items.length > 0);
      assert.ok(
        celsius.items.every((b) => b.mean > 10 && b.mean < 35),
        'celsius values',
      );
      const fahrenheit = await metrics<'hourly'>({ metricName: 'temperature', unit: 'fahrenheit', ...range });
      assert.equal(fahrenheit.unit, 'fahrenheit');
      assert.equal(fahrenheit.items.length, celsius.items.length);
      fahrenheit.items.forEach((f, i) => {
        const c = celsius.items[i]!;
        assert.equal(f.start, c.start);
        for (const key of ['mean', 'min', 'max'] as const) {
          assert.ok(
            Math.abs(f[key] - (c[key] * 9) / 5 - 32) < 0.02,
            `${f.start} ${key}: ${f[key]} vs ${c[key]} °C`,
          );
        }
      });
      const rawF = await metrics<'none'>({
        metricName: 'temperature',
        aggregation: 'none',
        unit: 'fahrenheit',
        ...range,
      });
      const rawC = await metrics<'none'>({ metricName: 'temperature', aggregation: 'none', ...range });
      assert.equal(rawF.items.length, rawC.items.length);
      rawF.items.forEach((f, i) => {
        assert.ok(Math.abs(f.value - (rawC.items[i]!.value * 9) / 5 - 32) < 0.02);
      });

      for (const metricName of ['soundLevel', 'ambientNoise', 'humidity', 'tvoc', 'peopleCount']) {
        const other = await metrics({ metricName, ...range });
        assert.ok(!('unit' in other), `${metricName} must not carry unit`);
      }
    });

    it('unit with another metric, or an unknown unit → 400', async () => {
      for (const unit of ['celsius', 'fahrenheit']) {
        await metricsFail({ workspaceId: room4.id, metricName: 'humidity', unit, ...range }, /unit/);
      }
      await metricsFail(
        { workspaceId: room4.id, metricName: 'temperature', unit: 'kelvin', ...range },
        /unit/,
      );
    });
  });

  describe('peopleCount and rooms without sensors', () => {
    it('no bucket for an empty hour (night), every bucket min ≥ 1 (zeros dropped)', async () => {
      const day = await metrics<'hourly'>({
        metricName: 'peopleCount',
        from: '2026-11-19T12:00:00Z',
        to: '2026-11-20T12:00:00Z',
        sortBy: 'oldestFirst',
      });
      assert.ok(day.items.length > 0, 'someone used Room 4');
      assert.ok(day.items.length < 24, 'empty hours have no bucket');
      for (const bucket of day.items) {
        assert.ok(bucket.min >= 1, `${bucket.start}: min ${bucket.min}`);
        assert.ok(bucket.mean >= 1);
      }
      const starts = new Set(day.items.map((b) => b.start));
      for (let h = Date.parse('2026-11-19T20:00:00Z'); h < Date.parse('2026-11-20T05:00:00Z'); h += HOUR) {
        assert.ok(!starts.has(iso(h)), `a night bucket at ${iso(h)}`);
      }
      const night = await metrics<'none'>({
        metricName: 'peopleCount',
        aggregation: 'none',
        from: '2026-11-19T22:00:00Z',
        to: '2026-11-20T04:00:00Z',
      });
      assert.deepEqual(night.items, []);
      const daytime = await metrics<'none'>({
        metricName: 'peopleCount',
        aggregation: 'none',
        from: '2026-11-19T12:00:00Z',
        to: '2026-11-20T12:00:00Z',
      });
      assert.ok(daytime.items.length > 0);
      assert.ok(daytime.items.every((r: RawMetricItem) => r.value > 0));
    });

    it('a room without a Room Navigator: temperature → 200 with no items; soundLevel has data', async () => {
      const path = (metricName: string) =>
        `/workspaceMetrics${query({ workspaceId: huddle.id, metricName, from: '2026-11-19T08:00:00Z', to: '2026-11-19T16:00:00Z' })}`;
      for (const metricName of ['temperature', 'humidity', 'tvoc']) {
        const none = await admin.get<WorkspaceMetricsResponse>(path(metricName));
        assert.deepEqual(none.items, [], metricName);
      }
      const sound = await admin.get<WorkspaceMetricsResponse>(path('soundLevel'));
      assert.ok(sound.items.length > 0);
    });
  });

  describe('validation', () => {
    const range = { from: '2026-11-19T08:00:00Z', to: '2026-11-19T16:00:00Z' };

    it('missing or bad parameters → 400', async () => {
      const base = { workspaceId: room4.id, metricName: 'soundLevel', ...range };
      await metricsFail({ ...base, workspaceId: undefined }, /workspaceId/);
      await metricsFail({ ...base, metricName: undefined }, /metricName/);
      await metricsFail({ ...base, metricName: 'co2' }, /metricName/);
      await metricsFail({ ...base, aggregation: 'weekly' }, /aggregation/);
      await metricsFail({ ...base, sortBy: 'random' }, /sortBy/);
      await metricsFail({ ...base, from: range.to }, /before/);
      await metricsFail({ ...base, from: range.to, to: range.from }, /before/);
      const impossible = ['2026-13-40T25:00:00Z', '2026-11-31T08:00:00Z', '2026-02-29T08:00:00Z'];
      for (const bad of ['yesterday', '2026-11-19 08:00', '1763539200000', ...impossible]) {
        await metricsFail({ ...base, from: bad }, /'from' must be an ISO 8601 timestamp/);
        await metricsFail({ ...base, to: bad }, /'to' must be an ISO 8601 timestamp/);
      }
      await metricsFail({ ...base, workspaceId: 'room-4' }, /workspaceId/);
      await admin.fails(
        'GET',
        `/workspaceMetrics${query({ ...base, workspaceId: webexId('PLACES', '00000000-0000-4000-8000-000000000000') })}`,
        404,
      );
    });

    it('accepts timestamps with an offset and fractional seconds', async () => {
      const res = await metrics<'none'>({
        metricName: 'soundLevel',
        aggregation: 'none',
        from: '2026-11-19T09:00:00.000+01:00',
        to: '2026-11-19T10:00:00+01:00',
      });
      assert.equal(Date.parse(res.from), Date.parse('2026-11-19T08:00:00Z'));
      assert.equal(res.items.length, 12);
    });
  });

  describe('/workspaceDurationMetrics', () => {
    const duration = (params: Params) =>
      admin.get<WorkspaceDurationMetricsResponse>(
        `/workspaceDurationMetrics${query({ workspaceId: room4.id, ...params })}`,
      );

    it('hourly timeUsed: one bucket per hour, minutes within the hour, newest first', async () => {
      const res = await duration({
        aggregation: 'hourly',
        measurement: 'timeUsed',
        from: '2026-11-19T00:00:00Z',
        to: '2026-11-20T00:00:00Z',
      });
      assert.equal(res.unit, 'minutes');
      assert.equal(res.aggregation, 'hourly');
      assert.equal(res.measurement, 'timeUsed');
      assert.equal(res.items.length, 24);
      for (const item of res.items) {
        assert.deepEqual(Object.keys(item).sort(), ['duration', 'end', 'start']);
        assert.equal(Date.parse(item.end) - Date.parse(item.start), HOUR);
        assert.ok(item.duration >= 0 && item.duration <= 60, `${item.start}: ${item.duration}`);
      }
      const starts = res.items.map((i) => Date.parse(i.start));
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => b - a),
      );
      assert.ok(
        res.items.some((i) => i.duration > 0),
        'Room 4 was used on Thursday',
      );
    });

    it('daily timeBooked: minutes within the day; a walk-in-only room is never booked', async () => {
      const params = {
        aggregation: 'daily',
        measurement: 'timeBooked',
        from: '2026-11-13T00:00:00Z',
        to: '2026-11-20T00:00:00Z',
      };
      const res = await duration(params);
      assert.equal(res.unit, 'minutes');
      assert.equal(res.items.length, 7);
      assert.ok(res.items.every((i) => i.duration >= 0 && i.duration <= 1440));
      assert.ok(res.items.some((i) => i.duration > 0));
      const walkIn = await admin.get<WorkspaceDurationMetricsResponse>(
        `/workspaceDurationMetrics${query({ workspaceId: booth.id, ...params })}`,
      );
      assert.ok(walkIn.items.every((i) => i.duration === 0));
    });

    it('stops at now', async () => {
      const res = await duration({
        aggregation: 'hourly',
        from: iso(NOW - 6 * HOUR),
        to: iso(NOW + 6 * HOUR),
      });
      assert.equal(res.items.length, 6);
      assert.equal(res.items[0]?.end, iso(NOW));
    });

    it('aggregation=none, bad measurement, span over the limit, from ≥ to → 400', async () => {
      const fail = (params: Params, description: RegExp) =>
        admin.fails('GET', `/workspaceDurationMetrics${query({ workspaceId: room4.id, ...params })}`, 400, {
          description,
        });
      const range = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
      await fail({ aggregation: 'none', ...range }, /aggregation/);
      await fail({ measurement: 'timeWasted', ...range }, /measurement/);
      await fail({ aggregation: 'hourly', from: iso(NOW - 48 * HOUR - 1), to: iso(NOW) }, /48 hours/);
      await fail({ aggregation: 'daily', from: iso(NOW - 30 * DAY - 1), to: iso(NOW) }, /30 days/);
      await fail({ from: range.to, to: range.from }, /before/);
      await admin.fails('GET', `/workspaceDurationMetrics${query(range)}`, 400, {
        description: /workspaceId/,
      });
    });
  });
});
