import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  type HealthSeries,
  type HourBucket,
  recurringGaps,
  roomHealth,
  worstFirst,
} from '../../src/metrics/sensor-health';
import type { MetricName } from '../../src/webex/wire';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Thu 3 Dec 2026 14:00 Oslo. */
const NOW = Date.parse('2026-12-03T14:00:00+01:00');
const FROM = NOW - 16 * DAY;
const o = { now: NOW, offlineAfterMs: 2 * HOUR, timeZone: ZONE };

const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });

/** Hourly buckets of value `v` over [from, to), leaving out hours `skip` says. */
function series(
  metric: MetricName,
  opts: {
    from?: number;
    to?: number;
    v?: number;
    skip?: (start: number) => boolean;
    raw?: HealthSeries['raw'];
  } = {},
): HealthSeries {
  const from = opts.from ?? FROM;
  const to = opts.to ?? NOW;
  const buckets: HourBucket[] = [];
  for (let h = from; h < to; h += HOUR) {
    if (!opts.skip?.(h)) buckets.push({ start: h, min: opts.v ?? 21, max: opts.v ?? 21 });
  }
  return { metric, buckets, from, to: NOW, ...(opts.raw ? { raw: opts.raw } : {}) };
}
const room = { id: 'r1', displayName: 'Lab', capacity: 4 };
/** Tuesdays 09:00–11:00 local. */
const tuesdayMorning = (h: number) => local(h).weekday === 2 && local(h).hour >= 9 && local(h).hour < 11;

describe('sensor health (pure)', () => {
  it('a healthy room has no problems and severity 0', () => {
    const r = roomHealth({ room, series: [series('temperature'), series('ambientNoise')] }, o);
    assert.deepEqual(r.problems, []);
    assert.equal(r.severity, 0);
  });

  it('finds a gap at the same weekday and hours in two weeks: "Tuesdays 09:00–11:00", 2 of 2', () => {
    const gaps = recurringGaps(series('ambientNoise', { skip: tuesdayMorning }), ZONE);
    assert.deepEqual(gaps, [
      { kind: 'recurring-gap', weekday: 2, startMinute: 540, endMinute: 660, weeks: 2, ofWeeks: 2 },
    ]);
  });

  it('a one-off gap does not recur', () => {
    const once = Date.parse('2026-11-24T09:00:00+01:00');
    const gaps = recurringGaps(
      series('ambientNoise', { skip: (h) => h >= once && h < once + 2 * HOUR }),
      ZONE,
    );
    assert.deepEqual(gaps, []);
  });

  it('a device silent on every always-reporting metric is offline since its last reading (exact from raw)', () => {
    const dead = Date.parse('2026-12-01T10:20:00+01:00');
    const hour = Date.parse('2026-12-01T10:00:00+01:00');
    const raw = [{ at: dead - 5 * 60_000, value: 30 }];
    const r = roomHealth(
      {
        room,
        series: [
          series('ambientNoise', { to: dead, raw }),
          series('soundLevel', { to: dead, raw }),
          series('peopleCount', { to: hour - 10 * HOUR, v: 2 }),
        ],
      },
      o,
    );
    assert.deepEqual(r.problems, [
      {
        kind: 'offline',
        metrics: 'device',
        lastReading: dead - 5 * 60_000,
        since: dead - 5 * 60_000,
        exact: true,
      },
    ]);
  });

  it('one silent metric among reporting ones: that metric, since the end of its last hour when not pinpointed', () => {
    const stop = Date.parse('2026-12-03T09:00:00+01:00');
    const r = roomHealth({ room, series: [series('humidity', { to: stop }), series('ambientNoise')] }, o);
    assert.deepEqual(r.problems, [
      { kind: 'offline', metrics: ['humidity'], lastReading: stop, since: stop, exact: false },
    ]);
  });

  it('a sensor quiet for less than the limit is not offline; people count never is', () => {
    const r = roomHealth(
      {
        room,
        series: [
          series('ambientNoise', { to: NOW - HOUR }),
          series('peopleCount', { to: NOW - 5 * DAY, v: 2 }),
        ],
      },
      o,
    );
    assert.deepEqual(r.problems, []);
  });

  it('no reading in the whole look-back: offline since its start, no last reading', () => {
    const r = roomHealth({ room, series: [{ metric: 'ambientNoise', buckets: [], from: FROM, to: NOW }] }, o);
    assert.deepEqual(r.problems, [{ kind: 'offline', metrics: 'device', since: FROM, exact: false }]);
  });

  it('finds impossible values: 85 °C, humidity 120 %, people above 3× capacity; the exact reading when read raw', () => {
    const spikeHour = Date.parse('2026-11-29T03:00:00+01:00');
    const temp = series('temperature', { raw: [{ at: spikeHour + 10 * 60_000, value: 85 }] });
    temp.buckets = temp.buckets.map((b) => (b.start === spikeHour ? { ...b, max: 85 } : b));
    const hum = series('humidity', { v: 40 });
    hum.buckets = hum.buckets.map((b, i) => (i === 5 || i === 9 ? { ...b, max: 120 } : b));
    const people = series('peopleCount', { v: 2 });
    people.buckets = people.buckets.map((b, i) => (i === 3 ? { ...b, max: 13 } : b));
    const r = roomHealth({ room, series: [temp, hum, people, series('ambientNoise')] }, o);
    assert.deepEqual(r.problems, [
      {
        kind: 'impossible',
        metric: 'temperature',
        value: 85,
        at: spikeHour + 10 * 60_000,
        exact: true,
        hours: 1,
      },
      { kind: 'impossible', metric: 'humidity', value: 120, at: FROM + 9 * HOUR, exact: false, hours: 2 },
      { kind: 'impossible', metric: 'peopleCount', value: 13, at: FROM + 3 * HOUR, exact: false, hours: 1 },
    ]);
    // 12 people in a room for 4 is crowded, not impossible.
    people.buckets = people.buckets.map((b) => ({ ...b, max: Math.min(b.max, 12) }));
    assert.equal(roomHealth({ room, series: [people] }, o).problems.length, 0);
  });

  it('orders rooms worst first: dead device, silent metric, impossible value, recurring gap, healthy', () => {
    const dead = { ...room, displayName: 'Dead' };
    const stop = NOW - 5 * HOUR;
    const rooms = [
      roomHealth({ room: { ...room, displayName: 'Fine' }, series: [series('ambientNoise')] }, o),
      roomHealth(
        {
          room: { ...room, displayName: 'Gappy' },
          series: [series('ambientNoise', { skip: tuesdayMorning })],
        },
        o,
      ),
      roomHealth(
        {
          room: { ...room, displayName: 'Quiet' },
          series: [series('tvoc', { to: stop }), series('ambientNoise')],
        },
        o,
      ),
      roomHealth({ room: dead, series: [series('ambientNoise', { to: stop })] }, o),
      roomHealth(
        {
          room: { ...room, displayName: 'Hot' },
          series: [series('ambientNoise'), series('temperature', { v: 70 })],
        },
        o,
      ),
    ];
    assert.deepEqual(
      worstFirst(rooms).map((r) => r.room.displayName),
      ['Dead', 'Quiet', 'Hot', 'Gappy', 'Fine'],
    );
  });
});
