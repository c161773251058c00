import type { ChartConfiguration, ChartDataset, LegendItem, Point } from 'chart.js';
import { DateTime } from 'luxon';
import { isTimeZone } from '../time-zones';
import type { ChartPoint, ChartRequest, ChartSeries } from './chart-request';

/**
 * Chart.js 4 configurations for a {@link ChartRequest}. Pure: no I/O, no clock, no chart.js runtime
 * (types only), so the same code runs in a render worker and in the QuickChart renderer.
 *
 * Everything is drawn with datasets, never with plugins: the comfort band is one flat dataset
 * filled to the band's other bound (`fill: {value}`), the min–max band is two edge datasets with a
 * fill between them, the threshold is a dashed flat dataset. The configuration is JSON-serialisable
 * with one documented exception: when the legend is shown (more than one series), the
 * `plugins.legend.labels.filter` function hides the unlabelled edge dataset of the min–max band.
 * It is self-contained (no closure), so quickchart-js can serialise it and QuickChart evaluates it.
 *
 * Two targets:
 * - `local` (default), for the in-process renderer: a `time` x-axis through the Luxon adapter with
 *   `adapters.date.zone = request.timeZone`, so ticks show the zone's local time; Luxon tick formats.
 * - `quickchart`, for chart URLs: QuickChart's Chart.js 4 registers the Moment date adapter, which
 *   cannot take a zone and formats in the server's zone (UTC in its container image). So this
 *   variant shifts every timestamp by the zone's UTC offset at that instant ("wall clock as UTC"),
 *   sets the adapter zone to UTC (honoured by Luxon, a no-op for Moment on a UTC server), uses tick
 *   formats that mean the same to Moment, and writes data compactly (shared numeric labels,
 *   rounded values) to keep URLs short. Downsampling is the caller's job.
 */

export type ChartTarget = 'local' | 'quickchart';

export interface ChartConfigOptions {
  /** Default `local`. */
  target?: ChartTarget;
}

export const DEFAULT_CHART_WIDTH = 720;
export const DEFAULT_CHART_HEIGHT = 360;
/** CSS-pixel bounds; the local renderer draws at devicePixelRatio 2, so at most 3200×2000 pixels. */
export const CHART_WIDTH_RANGE = { min: 240, max: 1600 } as const;
export const CHART_HEIGHT_RANGE = { min: 160, max: 1000 } as const;

/** Okabe–Ito colours (safe for the common colour-vision deficiencies), in series order. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#CC79A7', '#56B4E9', '#000000'] as const;
const COMFORT_COLOUR = '#009E73';
const THRESHOLD_COLOUR = '#D55E00';
const TEXT_COLOUR = '#333';
const MUTED_TEXT_COLOUR = '#555';
const GRID_COLOUR = '#e6e6e6';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** Tick labels per time unit (24-hour clock; day ticks name the weekday). Units not listed keep the adapter's. */
const LUXON_FORMATS: Record<string, string> = {
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'ccc d LLL',
  week: 'd LLL',
  month: 'LLL yyyy',
};
/** The same labels in Moment's tokens (QuickChart's date adapter). */
const MOMENT_FORMATS: Record<string, string> = {
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'ddd D MMM',
  week: 'D MMM',
  month: 'MMM YYYY',
};

type LineData = (number | Point | null)[];
type LineDataset = ChartDataset<'line', LineData>;
export type LineChartConfiguration = ChartConfiguration<'line', LineData, number>;
export type BarChartConfiguration = ChartConfiguration<'bar', number[], string>;

/** The request's size in CSS pixels: default 720×360, rounded and clamped to the supported range. */
export function resolveChartSize(request: Pick<ChartRequest, 'width' | 'height'>): {
  width: number;
  height: number;
} {
  return {
    width: clampSize(request.width, DEFAULT_CHART_WIDTH, CHART_WIDTH_RANGE),
    height: clampSize(request.height, DEFAULT_CHART_HEIGHT, CHART_HEIGHT_RANGE),
  };
}

/** The subtitle actually drawn: the request's, with the zone appended when it does not name it. */
export function resolveSubtitle(request: Pick<ChartRequest, 'subtitle' | 'timeZone'>): string {
  const subtitle = request.subtitle?.trim();
  if (!subtitle) return request.timeZone;
  return subtitle.includes(request.timeZone) ? subtitle : `${subtitle} · ${request.timeZone}`;
}

export function buildChartConfig(
  request: ChartRequest,
  options: ChartConfigOptions = {},
): ChartConfiguration {
  assertTimeZone(request.timeZone);
  const target = options.target ?? 'local';
  const config = request.kind === 'bar' ? buildBarConfig(request) : buildLineConfig(request, target);
  return config as unknown as ChartConfiguration;
}

export function buildLineConfig(
  request: ChartRequest,
  target: ChartTarget = 'local',
): LineChartConfiguration {
  assertTimeZone(request.timeZone);
  const portable = target === 'quickchart';
  const series = request.series.map((s) => ({
    label: s.label,
    points: s.points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.mean)).sort((a, b) => a.t - b.t),
  }));
  // x values: the instants themselves, or (quickchart) the zone's wall clock written as UTC.
  const toXs = (times: number[]): number[] => (portable ? wallClockAsUtc(times, request.timeZone) : times);
  const seriesXs = series.map((s) => toXs(s.points.map((p) => p.t)));
  const allXs = seriesXs.flat();
  const xMin = allXs.length > 0 ? allXs.reduce((a, b) => Math.min(a, b)) : undefined;
  const xMax = allXs.length > 0 ? allXs.reduce((a, b) => Math.max(a, b)) : undefined;

  // Compact data (quickchart): when all series share their instants, datasets are plain number
  // arrays against shared `data.labels`; otherwise {x, y} points. Values are rounded.
  const sharedTimes = portable ? sharedTimestamps(series) : undefined;
  const decimals = portable ? decimalsFor(series) : undefined;
  const y = (value: number): number => (decimals === undefined ? value : round(value, decimals));
  const seriesData = (index: number, pick: (p: ChartPoint) => number): LineData => {
    const points = series[index]!.points;
    const xs = seriesXs[index]!;
    return sharedTimes ? points.map((p) => y(pick(p))) : points.map((p, j) => ({ x: xs[j]!, y: y(pick(p)) }));
  };

  // Drawing order: Chart.js draws the last dataset first, so lines come first, shading last.
  const datasets: LineDataset[] = series.map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    return {
      label: s.label,
      data: seriesData(i, (p) => p.mean),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      borderJoinStyle: 'round',
      ...(i >= SERIES_COLOURS.length ? { borderDash: [8, 3] } : {}),
      pointRadius: 0,
      // Monotone interpolation passes through every point without overshoot, and keeps Chart.js off
      // its straight-line fast path, which draws dense data (several points per pixel) with burrs.
      cubicInterpolationMode: 'monotone',
      fill: false,
      spanGaps: true,
    };
  });

  if (request.threshold && xMin !== undefined && xMax !== undefined) {
    datasets.push({
      label: request.threshold.label,
      data: flatLine(xMin, xMax, request.threshold.value),
      borderColor: THRESHOLD_COLOUR,
      backgroundColor: THRESHOLD_COLOUR,
      borderWidth: 1.5,
      borderDash: [6, 4],
      pointRadius: 0,
      fill: false,
    });
  }

  const first = series[0];
  if (first?.points.some((p) => p.min !== undefined || p.max !== undefined)) {
    const fillColour = withAlpha(SERIES_COLOURS[0], 0.2);
    const upperIndex = datasets.length;
    datasets.push(
      {
        label: `${first.label} min–max`,
        data: seriesData(0, (p) => finiteOr(p.max, p.mean)),
        borderColor: TRANSPARENT,
        backgroundColor: fillColour,
        borderWidth: 0,
        pointRadius: 0,
        tension: 0,
        fill: upperIndex + 1,
        spanGaps: true,
      },
      {
        label: '',
        data: seriesData(0, (p) => finiteOr(p.min, p.mean)),
        borderColor: TRANSPARENT,
        backgroundColor: fillColour,
        borderWidth: 0,
        pointRadius: 0,
        tension: 0,
        fill: false,
        spanGaps: true,
      },
    );
  }

  const band = request.band;
  if (
    band &&
    (band.low !== undefined || band.high !== undefined) &&
    xMin !== undefined &&
    xMax !== undefined
  ) {
    const fillColour = withAlpha(COMFORT_COLOUR, 0.13);
    const edge = band.high ?? band.low!;
    const fill =
      band.low !== undefined && band.high !== undefined
        ? { value: band.low }
        : band.high !== undefined
          ? ('start' as const)
          : ('end' as const);
    datasets.push({
      label: band.label,
      data: flatLine(xMin, xMax, edge),
      borderColor: withAlpha(COMFORT_COLOUR, 0.45),
      backgroundColor: fillColour,
      borderWidth: 1,
      pointRadius: 0,
      fill,
    });
  }

  const showLegend = series.length > 1;
  const legendFilter = (item: LegendItem): boolean => item.text !== '';
  return {
    type: 'line',
    data: {
      ...(sharedTimes ? { labels: toXs(sharedTimes) } : {}),
      datasets,
    },
    options: {
      responsive: false,
      animation: false,
      color: TEXT_COLOUR,
      layout: { padding: { left: 8, right: 16 } },
      plugins: {
        title: titleOptions(request.title),
        subtitle: subtitleOptions(request),
        legend: showLegend
          ? {
              display: true,
              position: 'bottom',
              labels: { color: TEXT_COLOUR, boxWidth: 14, boxHeight: 10, filter: legendFilter },
            }
          : { display: false },
      },
      scales: {
        x: {
          type: 'time',
          adapters: { date: { zone: portable ? 'UTC' : request.timeZone, locale: 'en-GB' } },
          time: { displayFormats: portable ? MOMENT_FORMATS : LUXON_FORMATS },
          // Major ticks fall on local midnights and take the day format.
          ticks: { color: TEXT_COLOUR, maxRotation: 0, autoSkipPadding: 16, major: { enabled: true } },
          grid: { color: GRID_COLOUR },
        },
        y: {
          type: 'linear',
          grace: '5%',
          title: { display: true, text: request.unitLabel, color: MUTED_TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
      },
    },
  };
}

/**
 * Horizontal bars in the given order, each labelled with its value and unit (labels, not a plugin,
 * so the chart reads the same everywhere). Bars past the threshold are drawn in the threshold
 * colour and the axis title says so; a comfort band is not drawn on bar charts.
 */
export function buildBarConfig(request: ChartRequest): BarChartConfiguration {
  const bars = (request.bars ?? []).filter((b) => Number.isFinite(b.value));
  const threshold = request.threshold;
  const colours = bars.map((b) =>
    threshold && b.value > threshold.value ? THRESHOLD_COLOUR : SERIES_COLOURS[0],
  );
  const axisTitle = threshold
    ? `${request.unitLabel} · past ${formatValue(threshold.value, request.unitLabel)}: ${threshold.label}`
    : request.unitLabel;
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => `${b.label}  ${formatValue(b.value, request.unitLabel)}`),
      datasets: [
        {
          label: request.unitLabel,
          data: bars.map((b) => b.value),
          backgroundColor: colours,
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      color: TEXT_COLOUR,
      layout: { padding: { left: 8, right: 16 } },
      plugins: {
        title: titleOptions(request.title),
        subtitle: subtitleOptions(request),
        legend: { display: false },
      },
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          grace: '5%',
          title: { display: true, text: axisTitle, color: MUTED_TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { color: GRID_COLOUR },
        },
        y: {
          type: 'category',
          ticks: { color: TEXT_COLOUR, autoSkip: false },
          grid: { display: false },
        },
      },
    },
  };
}

/** "22.4 °C", "812 ppb", "45%": precision by magnitude. */
export function formatValue(value: number, unitLabel: string): string {
  const abs = Math.abs(value);
  const text = Number.isInteger(value) ? String(value) : value.toFixed(abs >= 100 ? 0 : abs >= 1 ? 1 : 2);
  if (!unitLabel) return text;
  return unitLabel === '%' ? `${text}%` : `${text} ${unitLabel}`;
}

function titleOptions(title: string) {
  return {
    display: title.trim().length > 0,
    text: title,
    color: TEXT_COLOUR,
    font: { size: 16, weight: 'bold' as const },
    padding: { top: 6, bottom: 2 },
  };
}

function subtitleOptions(request: ChartRequest) {
  return {
    display: true,
    text: resolveSubtitle(request),
    color: MUTED_TEXT_COLOUR,
    font: { size: 12 },
    padding: { bottom: 8 },
  };
}

function flatLine(xMin: number, xMax: number, value: number): Point[] {
  return [
    { x: xMin, y: value },
    { x: xMax, y: value },
  ];
}

/** Timestamps shared by every series (same count, same instants), or undefined. */
function sharedTimestamps(series: ChartSeries[]): number[] | undefined {
  const [first, ...rest] = series;
  if (!first || first.points.length === 0) return undefined;
  const times = first.points.map((p) => p.t);
  const same = rest.every(
    (s) => s.points.length === times.length && s.points.every((p, i) => p.t === times[i]),
  );
  return same ? times : undefined;
}

/** Enough decimals for about three significant digits of the data's spread (0–4). */
function decimalsFor(series: ChartSeries[]): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    for (const p of s.points) {
      for (const v of [p.mean, p.min, p.max]) {
        if (v !== undefined && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  const spread = hi - lo;
  if (!Number.isFinite(spread) || spread <= 0) return 2;
  return Math.min(4, Math.max(0, 2 - Math.floor(Math.log10(spread))));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Each instant as the epoch-ms whose UTC wall clock equals the zone's wall clock then. Kept
 * non-decreasing: the hour repeated when clocks go back collapses onto its end instead of drawing
 * the line backwards (the local renderer, with a real zone, has no such compromise).
 */
function wallClockAsUtc(times: number[], timeZone: string): number[] {
  const out: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    previous = Math.max(previous, t + DateTime.fromMillis(t, { zone: timeZone }).offset * 60_000);
    out.push(previous);
  }
  return out;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(`chart: unknown IANA time zone '${timeZone}' (use e.g. 'Europe/Oslo')`);
  }
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function clampSize(value: number | undefined, fallback: number, range: { min: number; max: number }): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}
