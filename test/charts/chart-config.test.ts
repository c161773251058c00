import assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import {
  BasicPlatform,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  type ChartItem,
  type LegendItem,
  type Point,
  registerables,
} from 'chart.js';
import 'chartjs-adapter-luxon';
import { buildChartConfig, type ChartRequest, resolveChartSize, resolveSubtitle } from '../../src/charts';
import { barRequest, lineRequest, MINUTE, makePoints, START } from './chart-fixtures';

type AnyDataset = ChartDataset<'line', (number | Point | null)[]>;

function datasets(config: ChartConfiguration): AnyDataset[] {
  return config.data.datasets as AnyDataset[];
}

function byLabel(config: ChartConfiguration, label: string): AnyDataset {
  const found = datasets(config).find((d) => d.label === label);
  assert.ok(found, `dataset '${label}' exists`);
  return found;
}

function ys(dataset: AnyDataset): number[] {
  return dataset.data.map((p) => (typeof p === 'number' ? p : Number((p as Point).y)));
}

function xs(dataset: AnyDataset): number[] {
  return dataset.data.map((p) => Number((p as Point).x));
}

/** Scale options are deep unions in Chart.js' types; tests read them as plain JSON. */
function scale(config: ChartConfiguration, axis: 'x' | 'y'): Record<string, unknown> {
  return (config.options?.scales?.[axis] ?? {}) as Record<string, unknown>;
}

describe('buildChartConfig', () => {
  describe('line charts', () => {
    it('uses a time x-axis in the request zone, without animation', () => {
      const config = buildChartConfig(
        lineRequest({ timeZone: 'America/Chicago', subtitle: 'America/Chicago' }),
      );
      assert.equal(config.type, 'line');
      const x = scale(config, 'x');
      assert.equal(x.type, 'time');
      assert.deepEqual((x.adapters as { date: { zone: string } }).date.zone, 'America/Chicago');
      assert.equal(config.options?.animation, false);
      assert.equal((scale(config, 'y').title as { text: string }).text, '°C');
    });

    it('labels ticks in the zone’s local time (Chart.js + Luxon adapter)', () => {
      Chart.register(...registerables);
      const config = buildChartConfig(
        lineRequest({ series: [{ label: 'Room 4', points: makePoints(360) }] }),
      );
      config.platform = BasicPlatform;
      const chart = new Chart(createCanvas(720, 360) as unknown as ChartItem, config);
      try {
        const labels = chart.scales.x!.ticks.map((tick) => String(tick.label));
        // 12:00 UTC is 14:00 in Oslo; the first hour tick must say so.
        assert.equal(labels[0], '14:00', labels.join(' | '));
        assert.ok(!labels.includes('12:00'), `no UTC labels: ${labels.join(' | ')}`);
      } finally {
        chart.destroy();
      }
    });

    it('has a title and a subtitle naming the zone', () => {
      const config = buildChartConfig(lineRequest());
      const plugins = config.options?.plugins;
      assert.equal(plugins?.title?.display, true);
      assert.equal(plugins?.title?.text, 'Room 4 · temperature · last 12 h');
      assert.equal(plugins?.subtitle?.text, 'Europe/Oslo');

      const untitled = buildChartConfig(lineRequest({ title: '' }));
      assert.equal(untitled.options?.plugins?.title?.display, false);
    });

    it('adds the zone to a subtitle that does not name it, or uses the zone alone', () => {
      assert.equal(
        resolveSubtitle({ subtitle: 'Oslo office', timeZone: 'Europe/Oslo' }),
        'Oslo office · Europe/Oslo',
      );
      assert.equal(resolveSubtitle({ timeZone: 'Europe/Oslo' }), 'Europe/Oslo');
      assert.equal(resolveSubtitle({ subtitle: '  ', timeZone: 'Asia/Tokyo' }), 'Asia/Tokyo');
      const config = buildChartConfig(lineRequest({ subtitle: undefined, timeZone: 'Asia/Tokyo' }));
      assert.equal(config.options?.plugins?.subtitle?.text, 'Asia/Tokyo');
    });

    it('draws a filled min–max band for the first series when its points carry min/max', () => {
      const request = lineRequest();
      const points = request.series[0]!.points;
      const config = buildChartConfig(request);
      const all = datasets(config);
      const upper = byLabel(config, 'Room 4 min–max');
      const upperIndex = all.indexOf(upper);
      assert.equal(typeof upper.fill, 'number', 'the upper edge fills to another dataset');
      const lower = all[upper.fill as number]!;
      assert.notEqual(all.indexOf(lower), upperIndex);
      assert.equal(lower.fill, false);
      assert.deepEqual(
        ys(upper),
        points.map((p) => p.max),
      );
      assert.deepEqual(
        ys(lower),
        points.map((p) => p.min),
      );
      assert.deepEqual(xs(upper), xs(byLabel(config, 'Room 4')), 'the band follows the mean line');
      assert.ok(all.indexOf(byLabel(config, 'Room 4')) < upperIndex, 'the mean line is drawn over the band');
    });

    it('draws no band when points carry no min/max, and only for the first series', () => {
      const plain = buildChartConfig(lineRequest({ series: [{ label: 'Room 4', points: makePoints(50) }] }));
      assert.equal(datasets(plain).length, 1);
      const compare = buildChartConfig(
        lineRequest({
          series: [
            { label: 'A', points: makePoints(50) },
            { label: 'B', points: makePoints(50, { band: true }) },
          ],
        }),
      );
      assert.deepEqual(
        datasets(compare).map((d) => d.label),
        ['A', 'B'],
      );
    });

    it('shades the comfort band as a box between its bounds over the whole time range', () => {
      const config = buildChartConfig(
        lineRequest({ band: { low: 20, high: 23, label: 'Comfort 20–23 °C' } }),
      );
      const band = byLabel(config, 'Comfort 20–23 °C');
      assert.deepEqual(ys(band), [23, 23]);
      assert.deepEqual(band.fill, { value: 20 });
      assert.deepEqual(xs(band), [START, START + 719 * MINUTE]);
      assert.ok(
        datasets(config).indexOf(band) === datasets(config).length - 1,
        'drawn first, under everything',
      );

      const lowOnly = byLabel(buildChartConfig(lineRequest({ band: { low: 20, label: '≥ 20' } })), '≥ 20');
      assert.deepEqual([ys(lowOnly), lowOnly.fill], [[20, 20], 'end']);
      const highOnly = byLabel(
        buildChartConfig(lineRequest({ band: { high: 1000, label: '≤ 1000' } })),
        '≤ 1000',
      );
      assert.deepEqual([ys(highOnly), highOnly.fill], [[1000, 1000], 'start']);
    });

    it('draws the threshold as a dashed flat line over the whole time range', () => {
      const config = buildChartConfig(lineRequest({ threshold: { value: 25, label: 'Alert 25 °C' } }));
      const threshold = byLabel(config, 'Alert 25 °C');
      assert.deepEqual(ys(threshold), [25, 25]);
      assert.deepEqual(xs(threshold), [START, START + 719 * MINUTE]);
      assert.ok(Array.isArray(threshold.borderDash) && threshold.borderDash.length > 0);
      assert.equal(threshold.fill, false);
    });

    it('shows a legend only for more than one series, without the band’s unlabelled edge', () => {
      const single = buildChartConfig(lineRequest());
      assert.equal(single.options?.plugins?.legend?.display, false);

      const compare = buildChartConfig(
        lineRequest({
          series: [
            { label: 'Room 4', points: makePoints(50, { band: true }) },
            { label: 'Fjord', points: makePoints(50, { base: 21 }) },
          ],
        }),
      );
      const legend = compare.options?.plugins?.legend;
      assert.equal(legend?.display, true);
      const filter = legend?.labels?.filter;
      assert.equal(typeof filter, 'function');
      const shown = datasets(compare)
        .map((d, i): LegendItem => ({ text: String(d.label), datasetIndex: i }))
        .filter((item) => filter!(item, compare.data))
        .map((item) => item.text);
      assert.deepEqual(shown, ['Room 4', 'Fjord', 'Room 4 min–max']);
    });

    it('gives each series its own colour-blind-safe colour', () => {
      const compare = buildChartConfig(
        lineRequest({
          series: ['A', 'B', 'C'].map((label) => ({ label, points: makePoints(10) })),
        }),
      );
      const colours = datasets(compare).map((d) => d.borderColor);
      assert.deepEqual(colours, ['#0072B2', '#E69F00', '#CC79A7']);
    });

    it('is JSON-serialisable when there is no legend', () => {
      const config = buildChartConfig(
        lineRequest({
          band: { low: 20, high: 23, label: 'Comfort' },
          threshold: { value: 25, label: 'Alert' },
        }),
      );
      assert.deepEqual(JSON.parse(JSON.stringify(config)), config);
    });

    it('refuses an unknown time zone', () => {
      assert.throws(
        () => buildChartConfig(lineRequest({ timeZone: 'Mars/Olympus' })),
        /unknown IANA time zone/,
      );
    });
  });

  describe('the quickchart variant', () => {
    it('writes the zone’s wall clock as UTC, compactly, and stays monotonic across a DST change', () => {
      // 26 Oct 12:00Z to 27 Oct 11:50Z crosses Oslo's fall-back at 27 Oct 01:00Z (03:00 → 02:00).
      const points = makePoints(144, { stepMs: 10 * MINUTE, band: true });
      const config = buildChartConfig(lineRequest({ series: [{ label: 'Room 4', points }] }), {
        target: 'quickchart',
      });
      const x = scale(config, 'x');
      assert.equal((x.adapters as { date: { zone: string } }).date.zone, 'UTC');
      const labels = config.data.labels as number[];
      assert.equal(labels.length, 144);
      assert.equal(labels[0], START + 2 * 60 * MINUTE, 'UTC+2 before the change');
      assert.equal(labels.at(-1), points.at(-1)!.t + 60 * MINUTE, 'UTC+1 after it');
      for (let i = 1; i < labels.length; i++) assert.ok(labels[i]! >= labels[i - 1]!, `label ${i} in order`);
      const mean = byLabel(config, 'Room 4');
      assert.ok(
        mean.data.every((v) => typeof v === 'number'),
        'plain numbers against shared labels',
      );
      assert.ok(
        ys(mean).every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9),
        'rounded',
      );
    });

    it('falls back to {x, y} points when series do not share their instants', () => {
      const config = buildChartConfig(
        lineRequest({
          series: [
            { label: 'A', points: makePoints(10) },
            { label: 'B', points: makePoints(12) },
          ],
        }),
        { target: 'quickchart' },
      );
      assert.equal(config.data.labels, undefined);
      assert.equal(xs(byLabel(config, 'A'))[0], START + 2 * 60 * MINUTE);
    });
  });

  describe('bar charts', () => {
    it('draws horizontal bars labelled with their values', () => {
      const config = buildChartConfig(barRequest());
      assert.equal(config.type, 'bar');
      assert.equal(config.options?.indexAxis, 'y');
      assert.deepEqual(config.data.labels, ['Atrium  61.2 dBA', 'Room 4  55 dBA', 'Fjord  48.5 dBA']);
      assert.deepEqual(config.data.datasets[0]!.data, [61.2, 55, 48.5]);
      assert.equal(scale(config, 'x').beginAtZero, true);
      assert.equal(config.options?.plugins?.legend?.display, false);
      assert.equal(config.options?.plugins?.subtitle?.text, 'Europe/Oslo');
    });

    it('marks bars past the threshold in the threshold colour', () => {
      const config = buildChartConfig(barRequest({ threshold: { value: 58, label: 'noisy' } }));
      assert.deepEqual(config.data.datasets[0]!.backgroundColor, ['#D55E00', '#0072B2', '#0072B2']);
      assert.match(String((scale(config, 'x').title as { text: string }).text), /58 dBA: noisy/);
    });

    it('writes percentages without a space', () => {
      const config = buildChartConfig(barRequest({ unitLabel: '%', bars: [{ label: 'Room 4', value: 45 }] }));
      assert.deepEqual(config.data.labels, ['Room 4  45%']);
    });
  });

  describe('resolveChartSize', () => {
    it('defaults to 720×360 and clamps to the supported range', () => {
      assert.deepEqual(resolveChartSize({}), { width: 720, height: 360 });
      assert.deepEqual(resolveChartSize({ width: 10_000, height: 10 }), { width: 1600, height: 160 });
      assert.deepEqual(resolveChartSize({ width: Number.NaN, height: 400.4 } as ChartRequest), {
        width: 720,
        height: 400,
      });
    });
  });
});
