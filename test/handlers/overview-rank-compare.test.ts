import assert from 'node:assert/strict';
import { compareRooms } from '../../src/handlers/compare-rooms';
import { rankRooms } from '../../src/handlers/rank-rooms';
import { showOverview } from '../../src/handlers/show-overview';
import type { Reply } from '../../src/handlers/types';
import type { AnswerPlan, MetricFetch } from '../../src/plan/plan-answer';
import {
  ATRIUM,
  BOARDROOM,
  CHART_URL,
  celsius,
  extraRooms,
  FJORD,
  fakeContext,
  HOUR,
  KIOSK,
  key,
  maxOf,
  mean,
  NOW,
  ROOMS,
  ref,
} from './fake-context';

const FJORD_T = [21, 22, 23, 25, 26, 24.5];
const ATRIUM_T = [19, 21, 21, 21, 21, 21];
const BOARD_T = [21, 21.5, 22, 22, 21.5, 21];
const FJORD_TVOC = [700, 800, 750, 700, 720, 730];
const KIOSK_NOISE = [45, 45, 45, 45, 45, 45];
const READINGS = {
  [key(FJORD, 'temperature')]: FJORD_T,
  [key(ATRIUM, 'temperature')]: ATRIUM_T,
  [key(BOARDROOM, 'temperature')]: BOARD_T,
  [key(FJORD, 'tvoc')]: FJORD_TVOC,
  [key(KIOSK, 'ambientNoise')]: KIOSK_NOISE,
};

const one = (reply: Reply | Reply[]): Reply => {
  assert.ok(!Array.isArray(reply), 'one answer, one message');
  return reply;
};

/** The past weeks read to say what is usual for a room (one call a week per series). */
const isPastWeeks = (plan: AnswerPlan) => plan.fetches.some((f) => 'weeksBack' in f);
const answerPlans = (plans: AnswerPlan[]) => plans.filter((p) => !isPastWeeks(p));
const answerFetches = (fetches: MetricFetch[]) => fetches.filter((f) => !('weeksBack' in f));

describe('handlers: showOverview', () => {
  it('one room: every sensor with its mean and verdict, and booked vs used from its one duration call pair', async () => {
    const fake = fakeContext({
      readings: READINGS,
      durations: { booked: [60, 60, 0, 60, 0, 0], used: [60, 30, 0, 0, 0, 0] },
      request: { intent: 'overview', metrics: [], workspaces: [ref(FJORD)] },
    });
    const reply = one(await showOverview(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Fjord · overview · last 6 h \(Europe\/Oslo\)\*\*/);
    assert.ok(md.includes(`- Temperature: ${celsius(mean(FJORD_T))} · Too warm for 3 h`), md);
    assert.ok(
      md.includes(`- Air quality (TVOC): ${Math.round(mean(FJORD_TVOC))} ppb · Poor air quality`),
      md,
    );
    // Humidity came back empty: the look-back before the window (48 h of raw readings) found none.
    assert.ok(
      md.includes('- Humidity: — · No readings in this period or the 48 h before — sensor offline?'),
      md,
    );
    // 180 min booked, 90 used; 30 + 60 booked minutes unused.
    assert.ok(md.includes('**Bookings:** booked 3 h · used 1 h 30 min · booked, not used 1 h 30 min'), md);
    assert.ok(JSON.stringify(reply.card).includes('Too warm for 3 h'));
    assert.deepEqual(fake.durationCalls.map((c) => [c.workspaceId, c.measurement]).sort(), [
      [FJORD.id, 'timeBooked'],
      [FJORD.id, 'timeUsed'],
    ]);
    assert.equal(answerPlans(fake.plans).length, 2, 'the answer, then one check of the silent series');
    // Humidity, noise and sound level came back empty: one look-back each.
    assert.equal(
      answerFetches(fake.fetched).length,
      9,
      'one series per sensor, and a look-back for each silent one',
    );
    // And what is usual for the room: each of its 6 sensors' past 6 weeks, one call each.
    assert.deepEqual(
      fake.plans.filter(isPastWeeks).map((p) => p.calls),
      [36],
    );
    assert.deepEqual(
      answerPlans(fake.plans)[1]!
        .fetches.map((f) => [f.metric, f.aggregation, f.to - f.from])
        .sort(),
      [
        ['ambientNoise', 'none', 48 * 3_600_000],
        ['humidity', 'none', 48 * 3_600_000],
        ['soundLevel', 'none', 48 * 3_600_000],
      ],
    );
    // No people count while the device reported temperature: an empty room.
    assert.ok(md.includes('- People count: 0 people · Empty'), md);
    assert.deepEqual(fake.unexpected, []);
  });

  it('one room without a Room Navigator: the missing sensors named, not read', async () => {
    const fake = fakeContext({
      readings: READINGS,
      durations: { booked: [], used: [] },
      request: { intent: 'overview', metrics: [], workspaces: [ref(KIOSK)] },
    });
    const reply = one(await showOverview(fake.ctx));
    const md = reply.markdown;
    for (const label of ['temperature', 'humidity', 'air quality (TVOC)'])
      assert.ok(md.includes(`_No ${label} sensor in this room_`), md);
    assert.ok(md.includes('- Ambient noise: 45 dBA · Some background noise'), md);
    assert.ok(!md.includes('Bookings'), 'no bookings, no bookings line');
    // Its sound level came back empty: looked back for once.
    assert.deepEqual(
      answerFetches(fake.fetched)
        .map((f) => f.metric)
        .sort(),
      ['ambientNoise', 'peopleCount', 'soundLevel', 'soundLevel'],
    );
    assert.deepEqual(fake.unexpected, []);
  });

  it('several rooms: ONE table card, worst first, no duration calls', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: { intent: 'overview', metrics: [], workspaces: [ref(BOARDROOM), ref(KIOSK), ref(FJORD)] },
    });
    const reply = one(await showOverview(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*How the rooms were · last 6 h/);
    const fjord = md.indexOf('- Fjord: ');
    const kiosk = md.indexOf(`- Kiosk: ${Math.round(mean(KIOSK_NOISE))} dBA · Some background noise`);
    const board = md.indexOf(`- Boardroom: ${celsius(mean(BOARD_T))} · Comfortable`);
    assert.ok(fjord >= 0 && kiosk > fjord && board > kiosk, md);
    assert.ok(md.includes('All 3 rooms, worst first.'), md);
    assert.equal(fake.plans.length, 2, 'the answer, then one bounded check of its silent series');
    assert.ok(fake.plans[1]!.calls <= 16);
    assert.deepEqual(fake.durationCalls, []);
    assert.deepEqual(fake.unexpected, []);
  });
});

describe('handlers: rankRooms', () => {
  it('the top N by mean, highest first; the room without the sensor not fetched; "Ranked N of M"', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: {
        intent: 'rank',
        metrics: ['temperature'],
        rank: { stat: 'mean', order: 'desc', limit: 2 },
        workspaces: ROOMS.map(ref),
      },
    });
    const reply = one(await rankRooms(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Warmest rooms · average temperature/);
    const first = md.indexOf(`**1.** Fjord: ${celsius(mean(FJORD_T))}`);
    const second = md.indexOf(`**2.** Boardroom: ${celsius(mean(BOARD_T))}`);
    assert.ok(first >= 0 && second > first, md);
    assert.ok(!md.includes('Atrium'), 'the limit leaves the third out');
    assert.ok(md.includes('Ranked 3 of 4 rooms'), md);
    assert.ok(md.includes(`[Chart](${CHART_URL})`));
    assert.equal(fake.plans.length, 1);
    assert.ok(!fake.plans[0]!.fetches.some((f) => f.room.id === KIOSK.id), 'Kiosk is not fetched');
    assert.deepEqual(
      fake.plans[0]!.fetches.map((f) => f.room.id),
      [FJORD.id, BOARDROOM.id, ATRIUM.id],
    );
    assert.deepEqual(
      fake.charts[0]!.bars?.map((b) => b.label),
      ['Fjord', 'Boardroom'],
    );
    assert.deepEqual(fake.unexpected, []);
  });

  it('lowest first with limit 1 ("Coldest room"), and by max', async () => {
    const coldest = fakeContext({
      readings: READINGS,
      request: {
        intent: 'rank',
        metrics: ['temperature'],
        rank: { stat: 'mean', order: 'asc', limit: 1 },
        workspaces: ROOMS.map(ref),
      },
    });
    const md = one(await rankRooms(coldest.ctx)).markdown;
    assert.match(md, /^\*\*Coldest room · average temperature/);
    assert.ok(md.includes(`**1.** Atrium: ${celsius(mean(ATRIUM_T))}`), md);
    assert.ok(!md.includes('**2.**'), md);

    const peak = fakeContext({
      readings: READINGS,
      request: {
        intent: 'rank',
        metrics: ['temperature'],
        rank: { stat: 'max', order: 'desc', limit: 3 },
        workspaces: ROOMS.map(ref),
      },
    });
    const peakMd = one(await rankRooms(peak.ctx)).markdown;
    const rows = [
      `**1.** Fjord: ${celsius(maxOf(FJORD_T))}`,
      `**2.** Boardroom: ${celsius(maxOf(BOARD_T))}`,
      `**3.** Atrium: ${celsius(maxOf(ATRIUM_T))}`,
    ].map((r) => peakMd.indexOf(r));
    assert.ok(
      rows.every((i, n) => i >= 0 && (n === 0 || i > rows[n - 1]!)),
      peakMd,
    );
  });

  it('a room with the sensor but no readings is named under "No data", not ranked', async () => {
    const readings = { ...READINGS, [key(ATRIUM, 'temperature')]: [] };
    const fake = fakeContext({
      readings,
      request: {
        intent: 'rank',
        metrics: ['temperature'],
        rank: { stat: 'mean', order: 'desc', limit: 5 },
        workspaces: ROOMS.map(ref),
      },
    });
    const md = one(await rankRooms(fake.ctx)).markdown;
    assert.ok(md.includes('_No data: Atrium_'), md);
    assert.ok(md.includes('Ranked 2 of 4 rooms'), md);
    assert.ok(!md.includes('Kiosk'), md);
  });

  it('a window in the future: one line, nothing read', async () => {
    const fake = fakeContext({
      request: {
        intent: 'rank',
        metrics: ['temperature'],
        workspaces: ROOMS.map(ref),
        from: new Date(NOW + HOUR).toISOString(),
        to: new Date(NOW + 2 * HOUR).toISOString(),
      },
    });
    const reply = one(await rankRooms(fake.ctx));
    assert.equal(reply.markdown, 'That time range is in the future; I only have readings up to now.');
    assert.equal(fake.plans.length, 0);
  });
});

describe('handlers: compareRooms', () => {
  it('up to 8 rooms: the compare card, mean and max per room, the room without a navigator says so', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: {
        intent: 'compare',
        metrics: ['temperature'],
        workspaces: [ref(FJORD), ref(BOARDROOM), ref(KIOSK)],
      },
    });
    const reply = one(await compareRooms(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Temperature · 3 rooms/);
    assert.ok(
      md.includes(
        `- Fjord: mean ${celsius(mean(FJORD_T))}, max ${celsius(maxOf(FJORD_T))} · Too warm for 3 h`,
      ),
      md,
    );
    assert.ok(
      md.includes(
        `- Boardroom: mean ${celsius(mean(BOARD_T))}, max ${celsius(maxOf(BOARD_T))} · Comfortable`,
      ),
      md,
    );
    assert.ok(md.includes('- Kiosk: mean —, max — · No temperature sensor'), md);
    assert.ok(JSON.stringify(reply.card).includes('No temperature sensor'));
    assert.deepEqual(
      fake.fetched.map((f) => f.room.id),
      [FJORD.id, BOARDROOM.id],
    );
    assert.equal(fake.charts.length, 1);
    assert.deepEqual(
      fake.charts[0]!.series.map((s) => s.label),
      ['Fjord', 'Boardroom'],
    );
    assert.deepEqual(fake.unexpected, []);
  });

  it('more than 8 rooms: one table card instead, worst first, no-sensor and no-data rooms named', async () => {
    const rooms = [...ROOMS, ...extraRooms(6)];
    const fake = fakeContext({
      rooms,
      readings: READINGS,
      request: { intent: 'compare', metrics: ['temperature'], workspaces: rooms.map(ref) },
    });
    const reply = one(await compareRooms(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Temperature by room · last 6 h/);
    const order = [
      `- Fjord: ${celsius(mean(FJORD_T))} · Too warm for 3 h`,
      `- Atrium: ${celsius(mean(ATRIUM_T))} · Too cold for 1 h`,
      `- Boardroom: ${celsius(mean(BOARD_T))} · Comfortable`,
    ].map((l) => md.indexOf(l));
    assert.ok(
      order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)),
      md,
    );
    assert.ok(md.includes('Showing 3 of 10 rooms, worst first.'), md);
    assert.ok(md.includes('_No sensor: Kiosk_'), md);
    assert.ok(md.includes('_No data: Room 01, Room 02, Room 03, Room 04, Room 05, Room 06_'), md);
    // The six silent rooms: one look-back each, in a second plan.
    assert.equal(fake.plans.length, 2);
    assert.deepEqual(
      fake.plans[1]!.fetches.map((f) => f.room.displayName),
      ['Room 01', 'Room 02', 'Room 03', 'Room 04', 'Room 05', 'Room 06'],
    );
    assert.equal(fake.fetched.length, 9 + 6);
    assert.deepEqual(fake.unexpected, []);
  });
});
