import assert from 'node:assert/strict';
import { metricsCard, roomsTableCard } from '../../src/cards';
import { metricSection, summaryOf } from '../../src/handlers/support/metric-sections';
import { DEFAULT_COMFORT_BANDS } from '../../src/metrics';
import type { RoomMetricData } from '../../src/readings/read-room-metrics';
import { assertValidMessage, cardText } from './card-checks';
import { at, metricsView, OSLO, section } from './fixtures';

/** Tuesday 17 to Wednesday 18 Nov 2026 in Oslo: the answer's window. */
const WEEK_FROM = at('2026-11-17T00:00');
const WEEK_TO = at('2026-11-18T14:30');

describe('cards: gaps and silent sensors', () => {
  it('names a gap with its day on a card spanning days, the zone once (in the title)', () => {
    const view = metricsView({
      from: WEEK_FROM,
      to: WEEK_TO,
      sections: [
        section({ caveats: [], gaps: [{ from: at('2026-11-17T09:00'), to: at('2026-11-17T11:00') }] }),
      ],
    });
    const message = metricsCard(view);
    assertValidMessage(message);
    const text = cardText(message.card);
    assert.match(text, /No readings Tue 17 Nov 09:00–11:00/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, 'the zone once, in the title');
    assert.ok(message.markdown.includes('_No readings Tue 17 Nov 09:00–11:00_'), message.markdown);
  });

  it('names a gap by the clock alone on a one-day card', () => {
    const gaps = [{ from: at('2026-11-18T09:00'), to: at('2026-11-18T11:00') }];
    const { card } = metricsCard(metricsView({ sections: [section({ caveats: [], gaps })] }));
    assert.match(cardText(card), /No readings 09:00–11:00/);
  });

  it('names at most two gaps, then how many more', () => {
    const day = (d: string) => ({
      from: at(`2026-11-${d}T09:00`),
      to: at(`2026-11-${d}T11:00`),
    });
    const view = metricsView({
      from: at('2026-11-02T00:00'),
      to: WEEK_TO,
      sections: [section({ caveats: [], gaps: [day('03'), day('10'), day('17')] })],
    });
    const { card, markdown } = metricsCard(view);
    assert.match(cardText(card), /No readings Tue 3 Nov 09:00–11:00, Tue 10 Nov 09:00–11:00 and 1 more/);
    assert.ok(!cardText(card).includes('17 Nov 09:00'), 'the third is counted, not named');
    assert.ok(markdown.includes('and 1 more'), markdown);
  });

  it('warns of a sensor silent since its last reading in an answer about now', () => {
    const view = metricsView({ sections: [section({ silentSince: at('2026-11-18T12:05') })] });
    const { card, markdown } = metricsCard(view);
    assert.match(cardText(card), /⚠️ No readings since 12:05 — sensor offline\?/);
    assert.ok(markdown.includes('⚠️ No readings since 12:05 — sensor offline?'), markdown);
  });

  it('marks a table row whose readings have a gap', () => {
    const { card, markdown } = roomsTableCard({
      title: 'Temperature',
      timeZone: OSLO,
      from: WEEK_FROM,
      to: WEEK_TO,
      rangeLabel: '',
      valueLabel: 'Mean',
      rows: [
        { roomName: 'Lab 2.1', value: '21.0 °C', verdict: { level: 'good', text: 'Comfortable' }, gap: true },
        { roomName: 'Fjord', value: '22.0 °C', verdict: { level: 'good', text: 'Comfortable' } },
      ],
      maxRows: 25,
      total: 2,
      noSensor: [],
      noData: [],
      notes: [],
      actions: [],
    });
    assert.match(cardText(card), /Comfortable · gap/);
    assert.ok(markdown.includes('- Lab 2.1: 21.0 °C · Comfortable · gap'), markdown);
    assert.ok(!markdown.includes('Fjord: 22.0 °C · Comfortable · gap'), markdown);
  });

  describe('from the readings to the card (metric sections)', () => {
    const now = at('2026-11-18T14:30');
    const input = (data: RoomMetricData, from = at('2026-11-18T13:30')) => ({
      data,
      from,
      to: now,
      now,
      aggregation: 'none' as const,
      bands: DEFAULT_COMFORT_BANDS,
      capacity: 6,
      unit: 'celsius' as const,
      timeZone: OSLO,
    });
    const series = (
      metric: RoomMetricData['metric'],
      extra: Partial<RoomMetricData> = {},
    ): RoomMetricData => ({
      room: { id: 'w1', displayName: 'Room 4' },
      metric,
      supported: true,
      items: [],
      calls: 1,
      ...extra,
    });

    it('an empty room says Empty, not No data', () => {
      const data = series('peopleCount', { deviceReporting: true });
      const view = metricsView({ sections: [metricSection(input(data))] });
      const { card, markdown } = metricsCard(view);
      assert.match(cardText(card), /^Empty$/m);
      assert.ok(!/No data|No readings/.test(cardText(card)), cardText(card));
      assert.ok(markdown.includes('**Empty**'), markdown);
      assert.doesNotMatch(cardText(card), /mean is when the room is in use/, 'no mean to explain');
    });

    it('a room without a people-count sensor says so', () => {
      const data = series('peopleCount', { supported: false });
      assert.match(
        cardText(metricsCard(metricsView({ sections: [metricSection(input(data))] })).card),
        /No people count sensor in this room/,
      );
    });

    it('a silent sensor names its last reading before the window, with the day when not today', () => {
      const today = series('temperature', {
        lookBack: { from: at('2026-11-16T13:30'), last: { at: at('2026-11-18T09:55'), value: 21 } },
      });
      assert.equal(summaryOf(input(today)).verdict.text, 'No readings since 09:55 — sensor offline?');
      const earlier = series('temperature', {
        lookBack: { from: at('2026-11-16T13:30'), last: { at: at('2026-11-17T17:40'), value: 21 } },
      });
      assert.equal(
        summaryOf(input(earlier)).verdict.text,
        'No readings since Tue 17 Nov 17:40 — sensor offline?',
      );
      const none = series('temperature', { lookBack: { from: at('2026-11-16T13:30') } });
      assert.equal(
        summaryOf(input(none)).verdict.text,
        'No readings in this period or the 48 h before — sensor offline?',
      );
    });

    it('readings that stop before now: a warning with the last reading, not a gap line', () => {
      const items = [0, 5, 10].map((m) => ({
        deviceId: 'd',
        timestamp: new Date(at('2026-11-18T11:00') + m * 60_000).toISOString(),
        value: 21,
      }));
      const data = series('temperature', { items });
      const s = metricSection(input(data, at('2026-11-18T10:30')));
      assert.equal(s.silentSince, at('2026-11-18T11:10'));
      assert.equal(s.gaps, undefined);
    });
  });
});
