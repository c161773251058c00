import type { ChartStore } from './chart-store';
import { LocalChartRenderer } from './local-renderer';
import type * as QuickChartModule from './quickchart-renderer';
import type { ChartRenderer } from './renderer';

export {
  type BarChartConfiguration,
  buildBarConfig,
  buildChartConfig,
  buildLineConfig,
  CHART_HEIGHT_RANGE,
  CHART_WIDTH_RANGE,
  type ChartConfigOptions,
  type ChartTarget,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  formatValue,
  type LineChartConfiguration,
  resolveChartSize,
  resolveSubtitle,
  SERIES_COLOURS,
} from './chart-config';
export type { ChartPoint, ChartRequest, ChartSeries } from './chart-request';
export { CHART_ID_PATTERN, ChartStore, type ChartStoreOptions, chartRoutes } from './chart-store';
export { downsample } from './downsample';
export { LocalChartRenderer, type LocalChartRendererOptions } from './local-renderer';
// QuickChart (quickchart-js and its fetch polyfills, ~10 MB) is loaded only when chosen: import
// `QuickChartRenderer` from './quickchart-renderer' directly.
export type { QuickChartRendererOptions } from './quickchart-renderer';
export type { ChartRenderer } from './renderer';

export interface ChartRendererSettings {
  mode: 'local' | 'quickchart';
  /** Where Webex clients reach this process (local mode serves `/charts/<id>.png` below it). */
  publicBaseUrl: string;
  store: ChartStore;
  quickchartHost?: string;
  quickchartApiKey?: string;
  workers?: number;
  onDrawingFailed?: (error: Error) => void;
}

/** The renderer for the configured mode: in-process workers (`local`) or QuickChart URLs. */
export function createChartRenderer(settings: ChartRendererSettings): ChartRenderer {
  if (settings.mode === 'quickchart') {
    const { QuickChartRenderer } = require('./quickchart-renderer') as typeof QuickChartModule;
    return new QuickChartRenderer({
      ...(settings.quickchartHost ? { host: settings.quickchartHost } : {}),
      ...(settings.quickchartApiKey ? { apiKey: settings.quickchartApiKey } : {}),
    });
  }
  if (settings.mode === 'local') {
    return new LocalChartRenderer({
      store: settings.store,
      publicBaseUrl: settings.publicBaseUrl,
      ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
      ...(settings.onDrawingFailed ? { onDrawingFailed: settings.onDrawingFailed } : {}),
    });
  }
  throw new TypeError(`chart mode must be 'local' or 'quickchart' (got '${String(settings.mode)}')`);
}
