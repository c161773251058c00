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
import { DateTime } from 'luxon';
import { buildChartConfig, type ChartRequest, resolveChartSize, resolveSubtitle } from '../../src/charts';
import {
  CHART_FONT_SIZES,
  chartFonts,
  chartTimeTicks,
  MAX_X_TICKS,
  PHONE_IMAGE_WIDTH,
  shownLabelHeight,
  timeTicks,
  wrapText,
} from '../../src/charts/chart-config';
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
        // 12:00–18:00 UTC is 14:00–20:00 in Oslo: whole hours in between, in Oslo time.
        assert.deepEqual(labels, ['15:00', '16:00', '17:00', '18:00', '19:00']);
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

  describe('gaps in the data', () => {
    // Readings every 5 min for 6 h, none from 2 h to 4 h in: the summary's gap is last → first.
    const all = makePoints(72, { stepMs: 5 * MINUTE, band: true });
    const points = all.filter((p) => p.t < START + 120 * MINUTE || p.t >= START + 240 * MINUTE);
    const gap = { from: START + 115 * MINUTE, to: START + 240 * MINUTE };
    const request = lineRequest({ series: [{ label: 'Room 4', points, gaps: [gap] }] });
    /** Consecutive drawn (non-null) points of a dataset that a line would join across the gap. */
    const crossings = (dataset: AnyDataset, x: number[]): number => {
      let count = 0;
      for (let i = 1; i < dataset.data.length; i++) {
        const [a, b] = [dataset.data[i - 1], dataset.data[i]];
        const drawn = (v: unknown) => v !== null && (typeof v === 'number' || (v as Point).y !== null);
        if (drawn(a) && drawn(b) && x[i - 1]! <= gap.from && x[i]! >= gap.to) count++;
      }
      return count;
    };

    it('breaks the line (and the min–max band) with a null inside the gap, and never spans it', () => {
      const config = buildChartConfig(request);
      for (const label of ['Room 4', 'Room 4 min–max']) {
        const dataset = byLabel(config, label);
        assert.equal(dataset.spanGaps, false, `${label}: no line across a null`);
        const nulls = dataset.data.filter((p) => (p as Point).y === null) as Point[];
        assert.equal(nulls.length, 1, `${label}: one break`);
        assert.ok(
          Number(nulls[0]!.x) > gap.from && Number(nulls[0]!.x) < gap.to,
          'the break lies in the gap',
        );
        assert.equal(crossings(dataset, xs(dataset)), 0);
        assert.equal(dataset.data.length, points.length + 1, 'every reading is still drawn');
      }
    });

    it('quickchart: the break is a null against the shared labels', () => {
      const config = buildChartConfig(request, { target: 'quickchart' });
      const labels = config.data.labels as number[];
      const mean = byLabel(config, 'Room 4');
      assert.equal(mean.data.filter((v) => v === null).length, 1);
      assert.equal(mean.spanGaps, false);
      assert.equal(crossings(mean, labels), 0);
    });

    it('Chart.js draws two separate stretches of line, none crossing the gap', () => {
      Chart.register(...registerables);
      const config = buildChartConfig(request);
      config.platform = BasicPlatform;
      const { width, height } = resolveChartSize({});
      const chart = new Chart(createCanvas(width, height) as unknown as ChartItem, config);
      try {
        const line = chart.getDatasetMeta(0).dataset as unknown as {
          segments: { start: number; end: number }[];
          points: { parsed?: unknown }[];
        };
        const xsOf = xs(byLabel(config, 'Room 4'));
        const stretches = line.segments.map((seg) => [xsOf[seg.start]!, xsOf[seg.end]!]);
        assert.equal(stretches.length, 2, JSON.stringify(stretches));
        for (const [a, b] of stretches) assert.ok(b! <= gap.from || a! >= gap.to, 'a stretch on one side');
      } finally {
        chart.destroy();
      }
    });

    it('spans the requested range, so a sensor silent up to the end shows as an empty stretch', () => {
      Chart.register(...registerables);
      const end = all.at(-1)!.t + 150 * MINUTE;
      const config = buildChartConfig(
        lineRequest({ series: [{ label: 'Room 4', points: all }], range: { from: START, to: end } }),
      );
      assert.equal(scale(config, 'x').max, end);
      config.platform = BasicPlatform;
      const { width, height } = resolveChartSize({});
      const chart = new Chart(createCanvas(width, height) as unknown as ChartItem, config);
      try {
        assert.equal(chart.scales.x!.max, end, 'the axis reaches the end of the range');
        assert.equal(chart.scales.x!.min, START);
        const lastTick = chart.scales.x!.ticks.at(-1)!.value;
        assert.ok(lastTick > all.at(-1)!.t, 'ticks continue past the last reading');
      } finally {
        chart.destroy();
      }
      const plain = buildChartConfig(lineRequest({ series: [{ label: 'Room 4', points: all }] }));
      assert.equal(scale(plain, 'x').max, undefined, 'without a range the readings set the axis');
    });

    it('draws an unbroken line when there is no gap, and ignores gaps outside the data', () => {
      const outside = { from: START - 300 * MINUTE, to: START - 100 * MINUTE };
      const config = buildChartConfig(
        lineRequest({ series: [{ label: 'Room 4', points: all, gaps: [outside] }] }),
      );
      const mean = byLabel(config, 'Room 4');
      assert.equal(mean.data.length, all.length);
      assert.ok(mean.data.every((p) => (p as Point).y !== null));
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
    it('defaults to 720×400 and clamps to the supported range', () => {
      assert.deepEqual(resolveChartSize({}), { width: 720, height: 400 });
      assert.deepEqual(resolveChartSize({ width: 10_000, height: 10 }), { width: 1600, height: 160 });
      assert.deepEqual(resolveChartSize({ width: Number.NaN, height: 400.4 } as ChartRequest), {
        width: 720,
        height: 400,
      });
    });
  });

  describe('for phones', () => {
    const HOUR = 60 * MINUTE;
    const DAY = 24 * HOUR;
    const OSLO = 'Europe/Oslo';
    const fmt = (t: number, format: string) => DateTime.fromMillis(t, { zone: OSLO }).toFormat(format);

    it('grows a bar chart with many bars taller, within the maximum', () => {
      const bars = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `R${i}`, value: i }));
      assert.deepEqual(resolveChartSize({ kind: 'bar', bars: bars(3) }), { width: 720, height: 400 });
      assert.deepEqual(resolveChartSize({ kind: 'bar', bars: bars(10) }), { width: 720, height: 590 });
      assert.deepEqual(resolveChartSize({ kind: 'bar', bars: bars(40) }), { width: 720, height: 1000 });
      assert.deepEqual(resolveChartSize({ kind: 'bar', bars: bars(40), height: 300 }), {
        width: 720,
        height: 300,
      });
    });

    it('uses 24-px labels at 720 px (≥ 9 px tall on a 272-px-wide phone card) and scales them with the width', () => {
      assert.deepEqual(chartFonts(720), { ...CHART_FONT_SIZES });
      for (const [key, size] of Object.entries(chartFonts(720))) {
        assert.ok(shownLabelHeight(size, 720, PHONE_IMAGE_WIDTH) >= 9, `${key}: ${size}px`);
        assert.ok(shownLabelHeight(size, 720, 360) >= 12, `${key}: ${size}px at 360`);
      }
      assert.equal(chartFonts(1440).ticks, 48);
      assert.equal(chartFonts(360).ticks, 12);

      const line = buildChartConfig(lineRequest());
      const x = scale(line, 'x') as { ticks: { font: { size: number } } };
      const y = scale(line, 'y') as { ticks: { font: { size: number }; maxTicksLimit: number } };
      assert.equal(x.ticks.font.size, 24);
      assert.equal(y.ticks.font.size, 24);
      assert.equal(y.ticks.maxTicksLimit, 5);
      assert.equal((line.options!.plugins!.title!.font as { size: number }).size, 28);
      const bar = buildChartConfig(barRequest());
      assert.equal((scale(bar, 'y') as { ticks: { font: { size: number } } }).ticks.font.size, 24);
    });

    it('6 h: whole hours', () => {
      const ticks = timeTicks(START, START + 6 * HOUR, OSLO);
      assert.equal(ticks.unit, 'hour');
      assert.ok(ticks.ticks.length <= MAX_X_TICKS && ticks.ticks.length >= 3);
      assert.deepEqual(
        ticks.ticks.map((t) => fmt(t, 'HH:mm')),
        ['15:00', '16:00', '17:00', '18:00', '19:00'],
      );
    });

    it('2 days: hours on multiples of 6 or 12 (00:00, 12:00 …), across the DST change, none at the very ends', () => {
      const from = START + 7 * MINUTE;
      const ticks = chartTimeTicks(from, from + 2 * DAY, OSLO, 720);
      assert.equal(ticks.unit, 'hour');
      assert.ok(ticks.ticks.length <= MAX_X_TICKS && ticks.ticks.length >= 3, String(ticks.ticks.length));
      for (const t of ticks.ticks) {
        const local = DateTime.fromMillis(t, { zone: OSLO });
        assert.equal(local.minute, 0);
        assert.equal(local.hour % ticks.step, 0);
        assert.ok([6, 12].includes(ticks.step));
      }
      assert.deepEqual(
        ticks.ticks.map((t) => fmt(t, 'HH:mm')),
        ['00:00', '12:00', '00:00'],
      );
    });

    it('10 days: days of the month, day-month labels, never a month among them', () => {
      const ticks = chartTimeTicks(START, START + 10 * DAY, OSLO, 720);
      assert.equal(ticks.unit, 'day');
      assert.deepEqual(
        ticks.ticks.map((t) => fmt(t, 'd LLL')),
        ['27 Oct', '29 Oct', '1 Nov', '3 Nov', '5 Nov'],
      );
      for (const t of ticks.ticks) assert.equal(fmt(t, 'HH:mm'), '00:00');
    });

    it('6 months: months', () => {
      const ticks = chartTimeTicks(START, START + 182 * DAY, OSLO, 720);
      assert.equal(ticks.unit, 'month');
      assert.deepEqual(
        ticks.ticks.map((t) => fmt(t, 'LLL yyyy')),
        ['Nov 2024', 'Jan 2025', 'Mar 2025'],
      );
      for (const t of ticks.ticks) assert.equal(fmt(t, 'd HH:mm'), '1 00:00');
    });

    it('short spans: minutes on multiples of 5–30', () => {
      const ticks = timeTicks(START + 3 * MINUTE, START + 48 * MINUTE, OSLO);
      assert.equal(ticks.unit, 'minute');
      assert.ok(ticks.ticks.length <= MAX_X_TICKS);
      for (const t of ticks.ticks) assert.equal(DateTime.fromMillis(t).minute % ticks.step, 0);
    });

    const cases: [string, number, string, string[]][] = [
      ['6 h', 6 * HOUR, 'hour', ['15:00', '16:00', '17:00', '18:00', '19:00']],
      ['2 days', 2 * DAY, 'hour', ['00:00', '12:00', '00:00']],
      ['10 days', 10 * DAY, 'day', ['27 Oct', '29 Oct', '1 Nov', '3 Nov', '5 Nov']],
      ['6 months', 182 * DAY, 'month', ['Nov 2024', 'Jan 2025', 'Mar 2025']],
    ];
    for (const [name, span, unit, expected] of cases) {
      it(`draws exactly those ticks with one unit and format (${name}, Chart.js)`, () => {
        Chart.register(...registerables);
        const points = makePoints(200, { stepMs: Math.floor(span / 199) });
        const config = buildChartConfig(lineRequest({ series: [{ label: 'Room 4', points }] }));
        const x = scale(config, 'x') as {
          time: { unit: string; displayFormats: Record<string, string> };
          ticks: { source: string; major: { enabled: boolean } };
        };
        assert.equal(x.time.unit, unit);
        assert.deepEqual(Object.keys(x.time.displayFormats), [unit]);
        assert.equal(x.ticks.source, 'labels');
        assert.equal(x.ticks.major.enabled, false);
        config.platform = BasicPlatform;
        const { width, height } = resolveChartSize({});
        const chart = new Chart(createCanvas(width, height) as unknown as ChartItem, config);
        try {
          const labels = chart.scales.x!.ticks.map((tick) => String(tick.label));
          assert.deepEqual(labels, expected);
        } finally {
          chart.destroy();
        }
      });
    }

    it('quickchart: the same unit and step, stepping from a clean boundary before the data', () => {
      const points = makePoints(200, { stepMs: Math.round((10 * DAY) / 199) });
      const config = buildChartConfig(lineRequest({ series: [{ label: 'Room 4', points }] }), {
        target: 'quickchart',
      });
      const x = scale(config, 'x') as {
        min: number;
        time: { unit: string; displayFormats: Record<string, string> };
        ticks: { source: string; stepSize: number; major: { enabled: boolean } };
      };
      assert.equal(x.time.unit, 'day');
      assert.deepEqual(x.time.displayFormats, { day: 'D MMM' });
      assert.equal(x.ticks.stepSize, 2);
      assert.equal(x.ticks.major.enabled, false);
      // Wall clock as UTC: 25 Oct 00:00 (a day 1 + 2k) is the last clean day before 26 Oct 14:00.
      assert.equal(x.min, Date.UTC(2024, 9, 25));
    });

    it('wraps a long title onto two lines, at " · " first', () => {
      assert.equal(wrapText('Room 4 · temperature', 40), 'Room 4 · temperature');
      assert.deepEqual(wrapText('Temperature by room · last 10 days · working hours', 36), [
        'Temperature by room · last 10 days',
        'working hours',
      ]);
      const lines = wrapText('a '.repeat(80).trim(), 20) as string[];
      assert.equal(lines.length, 2);
      assert.ok(lines[1]!.endsWith('…') && lines[1]!.length <= 20);
    });

    it('shortens long room names on bars so name and value fit the label column', () => {
      const config = buildChartConfig(
        barRequest({ bars: [{ label: 'Meeting room number 12 (north wing)', value: 57.7 }] }),
      );
      const [label] = config.data.labels as string[];
      assert.match(label!, /^Meeting ro.*… {2}57\.7 dBA$/);
      assert.ok(label!.length * 0.62 * 24 <= 720 * 0.45 + 1, label);
    });
  });
});
