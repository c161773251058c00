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

/**
 * Sized for phones. Webex shows a card image at the card's width: ~272–360 CSS px on a phone,
 * ~450–550 on desktop. What decides legibility is the ratio of font size to canvas width (the
 * whole image is scaled down), so a 720-px-wide canvas gets 24-px labels: on a 272-px-wide phone
 * card a label is 24 × 272 / 720 ≈ 9.1 px tall, at 360 px 12 px. The local renderer draws at
 * devicePixelRatio 1.5 (1080×600 pixels), sharp on retina desktops.
 */
export const DEFAULT_CHART_WIDTH = 720;
export const DEFAULT_CHART_HEIGHT = 400;
/** The narrowest width a card image is shown at (a phone in portrait, in CSS px). */
export const PHONE_IMAGE_WIDTH = 272;
/** Font sizes in CSS px at {@link DEFAULT_CHART_WIDTH}; other widths scale them (see {@link chartFonts}). */
export const CHART_FONT_SIZES = { title: 28, subtitle: 24, ticks: 24, axisTitle: 24, legend: 24 } as const;
export type ChartFonts = { [K in keyof typeof CHART_FONT_SIZES]: number };
/** At most this many x-axis ticks (fewer when the labels would not fit). */
export const MAX_X_TICKS = 6;
/** At most this many y-axis ticks (Chart.js picks nice numbers). */
export const MAX_Y_TICKS = 5;
/** A bar chart without a requested height grows by this much per bar (CSS px), from {@link DEFAULT_CHART_HEIGHT}. */
const BAR_ROW_HEIGHT = 44;
const BAR_CHART_CHROME = 150;
/** Chart.js gives a vertical axis at most half the width: bar labels (name and value) stay within this share. */
const BAR_LABEL_SHARE = 0.45;
/** Ticks closer than this share of the span to either end are left out (their labels would be cut or crowd the y axis). */
const TICK_END_MARGIN = 0.025;
/** Average advance of a DejaVu Sans glyph, in ems (digits are 0.64; bold is wider). */
const GLYPH_EM = 0.62;
const BOLD_GLYPH_EM = 0.68;
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

/** The x-axis tick units: one per chart, never mixed. */
export type TickUnit = 'minute' | 'hour' | 'day' | 'month';

/** Tick labels per time unit (24-hour clock, "3 Jun", "Jun 2026"). */
const LUXON_FORMATS: Record<TickUnit, string> = {
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'd LLL',
  month: 'LLL yyyy',
};
/** The same labels in Moment's tokens (QuickChart's date adapter). */
const MOMENT_FORMATS: Record<TickUnit, string> = {
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'D MMM',
  month: 'MMM YYYY',
};
/** The longest label per unit, in characters, to see how many fit. */
const LABEL_CHARS: Record<TickUnit, number> = { minute: 5, hour: 5, day: 6, month: 8 };

/**
 * Candidate steps per unit, finest first. Minutes and hours for spans up to two days (hours on
 * multiples of the step: 00:00/06:00/12:00…), days up to about two months (days of the month
 * 1, 1+step…), months beyond (January, 1+step…).
 */
const STEPS: Record<TickUnit, number[]> = {
  minute: [5, 10, 15, 30],
  hour: [1, 2, 3, 6, 12],
  day: [1, 2, 3, 5, 7, 14],
  month: [1, 2, 3, 6, 12],
};
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type LineData = (number | Point | null)[];
type LineDataset = ChartDataset<'line', LineData>;
export type LineChartConfiguration = ChartConfiguration<'line', LineData, number>;
export type BarChartConfiguration = ChartConfiguration<'bar', number[], string>;

/**
 * The request's size in CSS pixels: default 720×400 (a bar chart with many bars grows taller, up to
 * the maximum), rounded and clamped to the supported range.
 */
export function resolveChartSize(
  request: Pick<ChartRequest, 'width' | 'height'> & Partial<Pick<ChartRequest, 'kind' | 'bars'>>,
): {
  width: number;
  height: number;
} {
  const bars = request.kind === 'bar' ? (request.bars?.length ?? 0) : 0;
  const defaultHeight = Math.min(
    CHART_HEIGHT_RANGE.max,
    Math.max(DEFAULT_CHART_HEIGHT, BAR_CHART_CHROME + bars * BAR_ROW_HEIGHT),
  );
  return {
    width: clampSize(request.width, DEFAULT_CHART_WIDTH, CHART_WIDTH_RANGE),
    height: clampSize(request.height, defaultHeight, CHART_HEIGHT_RANGE),
  };
}

/**
 * Font sizes in CSS px for a chart `width` wide: {@link CHART_FONT_SIZES} scaled by width / 720, so
 * a label keeps its height relative to the image (and on the phone) at any requested width.
 */
export function chartFonts(width: number): ChartFonts {
  const scale = width / DEFAULT_CHART_WIDTH;
  const size = (base: number) => Math.max(10, Math.round(base * scale));
  return {
    title: size(CHART_FONT_SIZES.title),
    subtitle: size(CHART_FONT_SIZES.subtitle),
    ticks: size(CHART_FONT_SIZES.ticks),
    axisTitle: size(CHART_FONT_SIZES.axisTitle),
    legend: size(CHART_FONT_SIZES.legend),
  };
}

/** How tall (CSS px on the device) a `fontPx` label on a `chartWidth`-wide chart is when shown `shownWidth` wide. */
export function shownLabelHeight(fontPx: number, chartWidth: number, shownWidth: number): number {
  return (fontPx * shownWidth) / chartWidth;
}

export interface TimeTicks {
  unit: TickUnit;
  step: number;
  /** Tick instants (epoch ms) inside [min, max] (not within 2.5% of either end), on clean boundaries in the zone. */
  ticks: number[];
  /** The last clean boundary at or before `min` (where stepping by `step` `unit`s starts). */
  start: number;
}

/**
 * Ticks on clean boundaries of the zone's wall clock for the span [min, max]: whole hours on
 * multiples of the step for up to two days (or minutes on multiples of 5/10/15/30 for short spans),
 * days of the month for up to 62 days, months beyond. The finest step with at most `maxTicks`
 * ticks wins; one unit per chart.
 */
export function timeTicks(min: number, max: number, timeZone: string, maxTicks = MAX_X_TICKS): TimeTicks {
  const span = Math.max(0, max - min);
  const units: TickUnit[] =
    span <= 2 * DAY_MS ? ['minute', 'hour'] : span <= 62 * DAY_MS ? ['day'] : ['month'];
  const limit = Math.max(2, maxTicks);
  let chosen: TimeTicks | undefined;
  for (const unit of units) {
    for (const step of STEPS[unit]) {
      // Minutes only for spans where hours give fewer than three ticks.
      if (unit === 'minute' && span > 3 * HOUR_MS) continue;
      chosen = ticksFor(unit, step, min, max, timeZone);
      if (chosen.ticks.length <= limit) return chosen;
    }
  }
  // Very long spans: every n-th yearly tick.
  const last = chosen!;
  const every = Math.ceil(last.ticks.length / limit);
  return { ...last, step: last.step * every, ticks: last.ticks.filter((_, i) => i % every === 0) };
}

function ticksFor(unit: TickUnit, step: number, min: number, max: number, timeZone: string): TimeTicks {
  const first = DateTime.fromMillis(min, { zone: timeZone });
  // Start on a boundary every step is aligned to: the hour, the day, the month, the year.
  let time =
    unit === 'minute'
      ? first.startOf('hour')
      : unit === 'hour'
        ? first.startOf('day')
        : unit === 'day'
          ? first.startOf('month')
          : first.startOf('year');
  const ticks: number[] = [];
  let start = time.toMillis();
  const margin = (max - min) * TICK_END_MARGIN;
  for (let guard = 0; time.toMillis() <= max && guard < 10_000; guard++) {
    if (onBoundary(time, unit, step)) {
      const t = time.toMillis();
      if (t <= min) start = t;
      if (t >= min + margin && t <= max - margin) ticks.push(t);
    }
    time = time.plus(ONE[unit]);
  }
  return { unit, step, ticks, start };
}

const ONE = {
  minute: { minutes: 1 },
  hour: { hours: 1 },
  day: { days: 1 },
  month: { months: 1 },
} as const;

function onBoundary(time: DateTime, unit: TickUnit, step: number): boolean {
  switch (unit) {
    case 'minute':
      return time.minute % step === 0;
    case 'hour':
      return time.hour % step === 0;
    case 'day':
      // Days 1, 1+step…; a tick too close to the next month's 1st is left out (29 May, 1 Jun).
      return (time.day - 1) % step === 0 && (time.day === 1 || time.daysInMonth! - time.day + 1 > step / 2);
    case 'month':
      return (time.month - 1) % step === 0;
  }
}

/** How many x labels of `unit` fit a `width`-wide chart side by side. */
function xTickCapacity(unit: TickUnit, width: number, fonts: ChartFonts): number {
  // The y axis (labels and title) and the paddings take about 130 px at 720.
  const plotWidth = width - (130 * width) / DEFAULT_CHART_WIDTH;
  const labelWidth = LABEL_CHARS[unit] * GLYPH_EM * fonts.ticks + fonts.ticks;
  return Math.max(2, Math.min(MAX_X_TICKS, Math.floor(plotWidth / labelWidth)));
}

/** Ticks for a chart `width` wide: the unit for the span, then as many as fit. */
export function chartTimeTicks(min: number, max: number, timeZone: string, width: number): TimeTicks {
  const fonts = chartFonts(width);
  const unit = timeTicks(min, max, timeZone).unit;
  return timeTicks(min, max, timeZone, xTickCapacity(unit, width, fonts));
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
    points: withBreaks(
      s.points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.mean)).sort((a, b) => a.t - b.t),
      s.gaps ?? [],
    ),
  }));
  // x values: the instants themselves, or (quickchart) the zone's wall clock written as UTC.
  const toXs = (times: number[]): number[] => (portable ? wallClockAsUtc(times, request.timeZone) : times);
  const seriesXs = series.map((s) => toXs(s.points.map((p) => p.t)));
  // The axis covers the readings and the requested range (a silent stretch at either end shows).
  const range = request.range;
  const rangeXs =
    range &&
    Number.isFinite(range.from) &&
    Number.isFinite(range.to) &&
    range.from < range.to &&
    seriesXs.flat().length > 0
      ? toXs([range.from, range.to])
      : [];
  const allXs = [...seriesXs.flat(), ...rangeXs];
  const xMin = allXs.length > 0 ? allXs.reduce((a, b) => Math.min(a, b)) : undefined;
  const xMax = allXs.length > 0 ? allXs.reduce((a, b) => Math.max(a, b)) : undefined;

  const { width } = resolveChartSize(request);
  const fonts = chartFonts(width);
  // Ticks on clean boundaries of the zone's clock (quickchart: of the shifted clock, in UTC).
  const tickZone = portable ? 'UTC' : request.timeZone;
  const timeTickSet =
    xMin !== undefined && xMax !== undefined ? chartTimeTicks(xMin, xMax, tickZone, width) : undefined;
  const unit = timeTickSet?.unit ?? 'hour';
  const formats = portable ? MOMENT_FORMATS : LUXON_FORMATS;
  // Local: the ticks are exactly the computed instants (`ticks.source: 'labels'`). QuickChart's
  // labels carry the shared data, so there the axis starts on the last clean boundary before the
  // data and Chart.js steps from it by the same unit and step.
  const xTicks = portable
    ? { source: 'auto' as const, stepSize: timeTickSet?.step ?? 1 }
    : { source: 'labels' as const };

  // Flat lines (threshold, comfort band) span the whole axis.
  const lineStart = portable && timeTickSet ? timeTickSet.start : xMin;

  // Compact data (quickchart): when all series share their instants, datasets are plain number
  // arrays against shared `data.labels`; otherwise {x, y} points. Values are rounded.
  const sharedTimes = portable ? sharedTimestamps(series) : undefined;
  const decimals = portable ? decimalsFor(series) : undefined;
  const y = (value: number): number => (decimals === undefined ? value : round(value, decimals));
  // A break (a gap in the data) is a null: with `spanGaps: false` no line crosses it.
  const seriesData = (index: number, pick: (p: ChartPoint) => number): LineData => {
    const points = series[index]!.points;
    const xs = seriesXs[index]!;
    const value = (p: DrawnPoint): number | null => (p.break ? null : y(pick(p)));
    return sharedTimes ? points.map(value) : points.map((p, j) => ({ x: xs[j]!, y: value(p) }) as Point);
  };

  // Drawing order: Chart.js draws the last dataset first, so lines come first, shading last.
  const datasets: LineDataset[] = series.map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    return {
      label: s.label,
      data: seriesData(i, (p) => p.mean),
      borderColor: colour,
      backgroundColor: colour,
      // Thick enough to survive the phone's downscale (3 px at 720 is 1.1 px at 272).
      borderWidth: 3,
      borderJoinStyle: 'round',
      ...(i >= SERIES_COLOURS.length ? { borderDash: [8, 3] } : {}),
      pointRadius: 0,
      // Monotone interpolation passes through every point without overshoot, and keeps Chart.js off
      // its straight-line fast path, which draws dense data (several points per pixel) with burrs.
      cubicInterpolationMode: 'monotone',
      fill: false,
      spanGaps: false,
    };
  });

  if (request.threshold && xMin !== undefined && xMax !== undefined) {
    datasets.push({
      label: request.threshold.label,
      data: flatLine(lineStart!, xMax, request.threshold.value),
      borderColor: THRESHOLD_COLOUR,
      backgroundColor: THRESHOLD_COLOUR,
      borderWidth: 2.5,
      borderDash: [10, 6],
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
        spanGaps: false,
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
        spanGaps: false,
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
      data: flatLine(lineStart!, xMax, edge),
      borderColor: withAlpha(COMFORT_COLOUR, 0.45),
      backgroundColor: fillColour,
      borderWidth: 1,
      pointRadius: 0,
      fill,
    });
  }

  const showLegend = series.length > 1;
  const legendFilter = (item: LegendItem): boolean => item.text !== '';
  const labels = portable ? (sharedTimes ? toXs(sharedTimes) : undefined) : timeTickSet?.ticks;
  return {
    type: 'line',
    data: {
      ...(labels ? { labels } : {}),
      datasets,
    },
    options: {
      responsive: false,
      animation: false,
      color: TEXT_COLOUR,
      font: { size: fonts.ticks },
      layout: { padding: { left: 8, right: 16 } },
      plugins: {
        title: titleOptions(request.title, width, fonts),
        subtitle: subtitleOptions(request, fonts),
        legend: showLegend
          ? {
              display: true,
              position: 'bottom',
              labels: {
                color: TEXT_COLOUR,
                font: { size: fonts.legend },
                boxWidth: Math.round(fonts.legend * 0.8),
                boxHeight: Math.round(fonts.legend * 0.5),
                padding: Math.round(fonts.legend * 0.5),
                filter: legendFilter,
              },
            }
          : { display: false },
      },
      scales: {
        x: {
          type: 'time',
          ...(portable && timeTickSet
            ? { min: timeTickSet.start, ...(rangeXs.length > 0 ? { max: xMax } : {}) }
            : rangeXs.length > 0
              ? { min: xMin, max: xMax }
              : {}),
          adapters: { date: { zone: portable ? 'UTC' : request.timeZone, locale: 'en-GB' } },
          // One unit, one format: no "Dec 2026" among days (major ticks are off).
          time: { unit, displayFormats: { [unit]: formats[unit] } },
          ticks: {
            ...xTicks,
            color: TEXT_COLOUR,
            font: { size: fonts.ticks },
            maxRotation: 0,
            autoSkip: true,
            autoSkipPadding: 8,
            maxTicksLimit: portable ? MAX_X_TICKS + 1 : MAX_X_TICKS,
            major: { enabled: false },
          },
          grid: { color: GRID_COLOUR },
        },
        y: {
          type: 'linear',
          grace: '5%',
          title: {
            display: true,
            text: request.unitLabel,
            color: MUTED_TEXT_COLOUR,
            font: { size: fonts.axisTitle },
            padding: { top: 0, bottom: 4 },
          },
          ticks: { color: TEXT_COLOUR, font: { size: fonts.ticks }, maxTicksLimit: MAX_Y_TICKS },
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
  const { width } = resolveChartSize(request);
  const fonts = chartFonts(width);
  // Room names are shortened so that name and value fit the label column (never cut on the left).
  const maxLabelChars = Math.floor((width * BAR_LABEL_SHARE) / (GLYPH_EM * fonts.ticks));
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => {
        const value = formatValue(b.value, request.unitLabel);
        return `${shorten(b.label, Math.max(6, maxLabelChars - value.length - 2))}  ${value}`;
      }),
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
      font: { size: fonts.ticks },
      layout: { padding: { left: 8, right: 16 } },
      plugins: {
        title: titleOptions(request.title, width, fonts),
        subtitle: subtitleOptions(request, fonts),
        legend: { display: false },
      },
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          grace: '5%',
          title: {
            display: true,
            text: axisTitle,
            color: MUTED_TEXT_COLOUR,
            font: { size: fonts.axisTitle },
          },
          ticks: {
            color: TEXT_COLOUR,
            font: { size: fonts.ticks },
            maxTicksLimit: MAX_Y_TICKS,
            maxRotation: 0,
          },
          grid: { color: GRID_COLOUR },
        },
        y: {
          type: 'category',
          ticks: { color: TEXT_COLOUR, font: { size: fonts.ticks }, autoSkip: false },
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

function titleOptions(title: string, width: number, fonts: ChartFonts) {
  return {
    display: title.trim().length > 0,
    text: wrapText(title, Math.floor((width - 24) / (BOLD_GLYPH_EM * fonts.title))),
    color: TEXT_COLOUR,
    font: { size: fonts.title, weight: 'bold' as const, lineHeight: 1.15 },
    padding: { top: 6, bottom: 2 },
  };
}

function subtitleOptions(request: ChartRequest, fonts: ChartFonts) {
  return {
    display: true,
    text: resolveSubtitle(request),
    color: MUTED_TEXT_COLOUR,
    font: { size: fonts.subtitle },
    padding: { bottom: 10 },
  };
}

/**
 * The text as one line, or as lines of at most `maxChars` (Chart.js draws a title array as lines
 * and never wraps on its own), broken at " · " first, then at spaces; at most two lines.
 */
export function wrapText(text: string, maxChars: number): string | string[] {
  if (text.length <= maxChars) return text;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > maxChars && line) {
      lines.push(line.replace(/ ·$/, ''));
      line = word === '·' ? '' : word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  return [lines[0]!, shorten(lines.slice(1).join(' '), maxChars)];
}

function shorten(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** A point to draw, or a break where the data has a gap (drawn as null). */
type DrawnPoint = ChartPoint & { break?: true };

/**
 * The points with a break in each gap that has points on both sides (at the gap's middle), so the
 * line stops at the last reading before the gap and starts again at the first after it.
 */
function withBreaks(points: ChartPoint[], gaps: readonly { from: number; to: number }[]): DrawnPoint[] {
  const first = points[0]?.t;
  const last = points.at(-1)?.t;
  if (first === undefined || last === undefined) return points;
  const breaks: DrawnPoint[] = gaps
    .map((gap) => (gap.from + gap.to) / 2)
    .filter((t) => Number.isFinite(t) && t > first && t < last)
    .map((t) => ({ t, mean: Number.NaN, break: true }));
  if (breaks.length === 0) return points;
  return [...points, ...breaks].sort((a, b) => a.t - b.t);
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
