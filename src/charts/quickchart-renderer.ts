import QuickChart from 'quickchart-js';
import { buildChartConfig, resolveChartSize } from './chart-config';
import type { ChartRequest } from './chart-request';
import { downsample } from './downsample';
import type { ChartRenderer } from './renderer';

export interface QuickChartRendererOptions {
  /** Default `https://quickchart.io`; a self-hosted QuickChart may carry a path prefix. */
  host?: string;
  /** Sent as `key=` in every URL: anyone who sees the card can read it. */
  apiKey?: string;
  /** Points per chart (shared by its series) before downsampling; default 120. */
  maxPoints?: number;
}

export const DEFAULT_QUICKCHART_HOST = 'https://quickchart.io';
/** Longer chart URLs are unusable in cards (the platform notes §5); we stay below this many characters. */
export const MAX_CHART_URL_LENGTH = 8000;
const DEFAULT_MAX_POINTS = 120;
const MIN_POINTS_PER_SERIES = 16;

/**
 * Chart URLs on a QuickChart server: the plugin-free `quickchart` variant of {@link buildChartConfig},
 * Chart.js 4 (`v=4`), the request's size at devicePixelRatio 1, each series downsampled to its share
 * of `maxPoints`, then by another quarter at a time (down to 16 per series) until the URL fits
 * {@link MAX_CHART_URL_LENGTH}; a chart that still does not fit is an error, not a broken image.
 * Builds URLs only (`getUrl`): no network calls, no short URLs.
 */
export class QuickChartRenderer implements ChartRenderer {
  private readonly scheme: string;
  private readonly host: string;
  private readonly apiKey: string | undefined;
  private readonly maxPoints: number;

  constructor(options: QuickChartRendererOptions = {}) {
    const base = parseHost(options.host ?? DEFAULT_QUICKCHART_HOST);
    this.scheme = base.scheme;
    this.host = base.host;
    this.apiKey = options.apiKey || undefined;
    this.maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
    if (!Number.isInteger(this.maxPoints) || this.maxPoints < MIN_POINTS_PER_SERIES) {
      throw new RangeError(
        `QuickChartRenderer: maxPoints must be an integer of at least ${MIN_POINTS_PER_SERIES} (got ${this.maxPoints})`,
      );
    }
  }

  async render(request: ChartRequest): Promise<string> {
    return this.urlFor(request);
  }

  async close(): Promise<void> {}

  /** The chart URL (synchronous; `render` wraps it). */
  urlFor(request: ChartRequest): string {
    const seriesCount = Math.max(1, request.series.length);
    let perSeries = Math.max(MIN_POINTS_PER_SERIES, Math.floor(this.maxPoints / seriesCount));
    for (;;) {
      const url = this.buildUrl(request, perSeries);
      if (url.length <= MAX_CHART_URL_LENGTH) return url;
      if (perSeries === MIN_POINTS_PER_SERIES || request.kind === 'bar') {
        throw new Error(
          `chart URL would be ${url.length} characters (limit ${MAX_CHART_URL_LENGTH}): compare fewer rooms or use local chart rendering`,
        );
      }
      perSeries = Math.max(MIN_POINTS_PER_SERIES, Math.floor(perSeries * 0.75));
    }
  }

  private buildUrl(request: ChartRequest, perSeries: number): string {
    const reduced: ChartRequest = {
      ...request,
      series: request.series.map((s) => ({ ...s, points: downsample(s.points, perSeries) })),
    };
    const { width, height } = resolveChartSize(request);
    const chart = new QuickChart(this.apiKey)
      .setConfig(buildChartConfig(reduced, { target: 'quickchart' }))
      .setVersion('4')
      .setWidth(width)
      .setHeight(height)
      .setDevicePixelRatio(1)
      .setBackgroundColor('#ffffff')
      .setFormat('png')
      .setScheme(this.scheme)
      .setHost(this.host);
    // quickchart-js 3.1 leaves devicePixelRatio out of the URL when it is 1, and the server then
    // defaults to 2 (double-size images): state it.
    const url = new URL(chart.getUrl());
    url.searchParams.set('devicePixelRatio', '1');
    return url.href;
  }
}

function parseHost(host: string): { scheme: string; host: string } {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`);
  } catch {
    throw new TypeError(`QuickChart host '${host}' is not a URL (e.g. https://quickchart.io)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`QuickChart host must be http(s) (got '${host}')`);
  }
  return { scheme: url.protocol.slice(0, -1), host: `${url.host}${url.pathname.replace(/\/+$/, '')}` };
}
