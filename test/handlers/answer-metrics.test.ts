import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { answerMetrics } from '../../src/handlers/answer-metrics';
import type { Reply } from '../../src/handlers/types';
import type { AnswerPlan } from '../../src/plan/plan-answer';
import {
  ATRIUM,
  BOARDROOM,
  CHART_URL,
  celsius,
  extraRooms,
  FJORD,
  fakeContext,
  HOUR,
  iso,
  KIOSK,
  key,
  maxOf,
  mean,
  NOW,
  ROOMS,
  ref,
} from './fake-context';

const FJORD_T = [21, 22, 23, 25, 26, 24.5]; // three hours above 24 °C
const ATRIUM_T = [19, 21, 21, 21, 21, 21]; // one hour below 20 °C
const BOARD_T = [21, 21.5, 22, 22, 21.5, 21]; // comfortable
const READINGS = {
  [key(FJORD, 'temperature')]: FJORD_T,
  [key(ATRIUM, 'temperature')]: ATRIUM_T,
  [key(BOARDROOM, 'temperature')]: BOARD_T,
};

/** The past weeks read to say what is usual for the room (one call a week per series). */
const isPastWeeks = (plan: AnswerPlan) => plan.fetches.some((f) => 'weeksBack' in f);
const answerPlans = (plans: AnswerPlan[]) => plans.filter((p) => !isPastWeeks(p));

const one = (reply: Reply | Reply[]): Reply => {
  assert.ok(!Array.isArray(reply), 'one answer, one message');
  return reply;
};

describe('handlers: answerMetrics', () => {
  it('a sensor gap: the card names it, the chart breaks there and spans the whole window', async () => {
    // Hourly means from 08:00 Oslo; nothing 09:00–11:00 (no bucket at all, as Webex answers).
    const fake = fakeContext({
      readings: { [key(FJORD, 'temperature')]: [21, Number.NaN, Number.NaN, 22, 22, 22] },
      request: { metrics: ['temperature'], workspaces: [ref(FJORD)] },
    });
    const reply = one(await answerMetrics(fake.ctx));
    assert.ok(reply.markdown.includes('_No readings 09:00–11:00_'), reply.markdown);
    const plan = fake.plans[0]!;
    const [chart] = fake.charts;
    assert.deepEqual(chart?.series[0]?.gaps, [{ from: plan.from + HOUR, to: plan.from + 3 * HOUR }]);
    assert.deepEqual(chart?.range, { from: plan.from, to: NOW });
    assert.equal(answerPlans(fake.plans).length, 1, 'readings came back: no second read');
  });

  it('one room: the detailed card with the mean and max of its readings, the verdict and a chart', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: { metrics: ['temperature'], workspaces: [ref(FJORD)] },
    });
    const reply = one(await answerMetrics(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Fjord · temperature · last 6 h \(Europe\/Oslo\)\*\*/);
    assert.ok(md.includes(`- Mean: ${celsius(mean(FJORD_T))}`), md);
    assert.equal(celsius(mean(FJORD_T)), '23.6 °C');
    // Hourly averages: the max is a bucket's, named as the hour it covers.
    assert.ok(md.includes(`- Max: ${celsius(maxOf(FJORD_T))} in the hour from 12:00`), md);
    assert.ok(md.includes('**Too warm for 3 h in working hours**'), md);
    assert.equal(md.split('Judged in working hours, Mon–Fri 08:00–17:00.').length, 2, 'named once');
    assert.equal(md.split('Europe/Oslo').length, 2, 'the zone once, in the title');
    assert.ok(md.includes(`[Chart](${CHART_URL})`), md);
    assert.ok(reply.card, 'an Adaptive Card');
    const card = JSON.stringify(reply.card);
    assert.ok(card.includes(celsius(mean(FJORD_T))) && card.includes('Too warm for 3 h'), card);
    assert.ok(card.includes(CHART_URL));
    // One plan, read once, for exactly Fjord's temperature; then its six past weeks, one call each:
    // the same local hours a week, two weeks … six weeks before, in hourly buckets.
    assert.equal(answerPlans(fake.plans).length, 1);
    assert.deepEqual(
      answerPlans(fake.plans)[0]!.fetches.map((f) => [f.room.id, f.metric]),
      [[FJORD.id, 'temperature']],
    );
    const past = fake.plans.filter(isPastWeeks);
    assert.equal(past.length, 1);
    assert.equal(past[0]!.calls, 6);
    const asked = answerPlans(fake.plans)[0]!;
    assert.deepEqual(
      past[0]!.fetches.map((f) => [f.room.id, f.metric, f.aggregation]),
      Array.from({ length: 6 }, () => [FJORD.id, 'temperature', 'hourly']),
    );
    // Local wall clock: across the end of summer time (25 Oct) a week back is 169 hours.
    const weeksBack = (k: number) =>
      DateTime.fromMillis(asked.from, { zone: 'Europe/Oslo' }).minus({ weeks: k }).toMillis();
    assert.deepEqual(
      past[0]!.fetches.map((f) => f.from),
      [1, 2, 3, 4, 5, 6].map(weeksBack),
    );
    assert.equal(fake.charts.length, 1);
    assert.equal(fake.charts[0]!.title, 'Fjord · temperature');
    assert.deepEqual(fake.unexpected, []);
  });

  it('one room without a Room Navigator: says so, reads nothing for it', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: { metrics: ['temperature'], workspaces: [ref(KIOSK)] },
    });
    const reply = one(await answerMetrics(fake.ctx));
    assert.ok(reply.markdown.includes('No temperature sensor in this room'), reply.markdown);
    assert.deepEqual(fake.fetched, []);
    assert.deepEqual(fake.charts, []);
    assert.deepEqual(fake.unexpected, []);
  });

  it('several rooms: ONE table card, worst first, the room without the sensor named and not read', async () => {
    const fake = fakeContext({
      readings: READINGS,
      request: { metrics: ['temperature'], workspaces: ROOMS.map(ref) },
    });
    const reply = one(await answerMetrics(fake.ctx));
    const md = reply.markdown;
    const lines = [
      `- Fjord: ${celsius(mean(FJORD_T))} · Too warm for 3 h`,
      `- Atrium: ${celsius(mean(ATRIUM_T))} · Too cold for 1 h`,
      `- Boardroom: ${celsius(mean(BOARD_T))} · Comfortable`,
    ];
    const at = lines.map((line) => md.indexOf(line));
    assert.ok(
      at.every((i) => i >= 0),
      md,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'poor, then fair, then good',
    );
    assert.ok(md.includes('_No sensor: Kiosk_'), md);
    assert.ok(!md.includes('- Kiosk'), 'Kiosk has no row');
    assert.ok(md.includes('Showing 3 of 4 rooms, worst first.'), md);
    assert.equal(fake.plans.length, 1);
    assert.deepEqual(fake.fetched.map((f) => f.room.id).sort(), [ATRIUM.id, BOARDROOM.id, FJORD.id].sort());
    assert.ok(JSON.stringify(reply.card).includes('No sensor: Kiosk'));
    // The chart draws the worst rooms first.
    assert.equal(fake.charts.length, 1);
    assert.deepEqual(
      fake.charts[0]!.series.map((s) => s.label),
      ['Fjord', 'Atrium', 'Boardroom'],
    );
    assert.deepEqual(fake.unexpected, []);
  });

  it('more rooms than a card lists: "Showing 25 of 34 rooms", the worst kept, one card', async () => {
    const extra = extraRooms(30);
    const readings: Record<string, number[]> = { ...READINGS };
    for (const room of extra) readings[key(room, 'temperature')] = [21, 21, 21, 21, 21, 21];
    const rooms = [...ROOMS, ...extra];
    const fake = fakeContext({
      rooms,
      readings,
      request: { metrics: ['temperature'], workspaces: rooms.map(ref), allWorkspaces: true },
    });
    const reply = one(await answerMetrics(fake.ctx));
    const card = JSON.stringify(reply.card);
    assert.ok(card.includes('Showing 25 of 34 rooms, worst first; the CSV has every room read.'), card);
    // The markdown fallback lists every room read (as many as fit) and counts them.
    assert.ok(reply.markdown.includes('Showing 33 of 34 rooms, worst first.'), reply.markdown);
    // Worst first: Fjord and Atrium, then the comfortable ones by name up to the 25th row.
    assert.ok(card.indexOf('"Fjord"') < card.indexOf('"Atrium"'));
    assert.ok(card.includes('"Room 22"'), 'the 25th row');
    assert.ok(!card.includes('"Room 23"'), 'the 26th room is not on the card');
    assert.ok(card.includes('No sensor: Kiosk'));
    assert.ok(fake.charts[0]!.series.length <= fake.ctx.limits.maxChartSeries);
    assert.equal(fake.plans.length, 1);
    assert.equal(fake.fetched.length, 33, 'every room with the sensor, once');
  });

  for (const [name, from, to, line] of [
    [
      'in the future',
      NOW + HOUR,
      NOW + 3 * HOUR,
      'That time range is in the future; I only have readings up to now.',
    ],
    [
      'reversed',
      NOW - HOUR,
      NOW - 6 * HOUR,
      'That time range is not one I can read (its start is not before its end).',
    ],
  ] as const) {
    it(`a window ${name}: one line, nothing read`, async () => {
      const fake = fakeContext({
        readings: READINGS,
        request: { metrics: ['temperature'], workspaces: ROOMS.map(ref), from: iso(from), to: iso(to) },
      });
      const reply = one(await answerMetrics(fake.ctx));
      assert.equal(reply.markdown, line);
      assert.equal(reply.card, undefined);
      assert.equal(fake.plans.length, 0, 'read never called');
      assert.deepEqual(fake.charts, []);
      assert.deepEqual(fake.unexpected, []);
    });
  }

  it('time used (no sensor metric): the utilisation card, from the two duration series', async () => {
    // 08:00–14:00 Oslo on a Wednesday, all working time: 360 minutes.
    const fake = fakeContext({
      durations: { booked: [60, 60, 0, 60, 0, 0], used: [60, 30, 0, 0, 0, 0] },
      request: { metrics: ['timeUsed'], workspaces: [ref(BOARDROOM)] },
    });
    const reply = one(await answerMetrics(fake.ctx));
    const md = reply.markdown;
    assert.match(md, /^\*\*Boardroom utilisation · last 6 h \(Europe\/Oslo\)\*\*/);
    assert.ok(md.includes('Used share of working hours: 25 % (1.5 h of 6 h)'), md);
    assert.ok(md.includes('Booked: 3 h'), md);
    assert.ok(md.includes('Used: 1.5 h (booked or not)'), md);
    // 30 minutes unused at 09:00 and the whole 11:00 booking: one ghost booking.
    assert.ok(md.includes('Ghost (booked, no use): 1.5 h (1 booking'), md);
    assert.deepEqual(fake.durationCalls.map((c) => c.measurement).sort(), ['timeBooked', 'timeUsed']);
    assert.deepEqual(fake.unexpected, []);
  });
});
