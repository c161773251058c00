import assert from 'node:assert/strict';
import { ChartStore, createChartRenderer } from '../../src/charts';
import { MAX_CHART_URL_LENGTH, QuickChartRenderer } from '../../src/charts/quickchart-renderer';
import { barRequest, lineRequest, makePoints } from './chart-fixtures';

/** The `c` parameter as QuickChart will evaluate it (javascript-stringify output, not JSON). */
function chartOf(url: string): string {
  return new URL(url).searchParams.get('c') ?? '';
}

describe('QuickChartRenderer', () => {
  const originalFetch = globalThis.fetch;
  let fetchCalls = 0;
  beforeEach(() => {
    fetchCalls = 0;
    globalThis.fetch = async () => {
      fetchCalls += 1;
      throw new Error('QuickChartRenderer must not touch the network');
    };
  });
  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  it('builds a Chart.js 4 URL on quickchart.io at devicePixelRatio 1 and the requested size', async () => {
    const url = new URL(await new QuickChartRenderer().render(lineRequest()));
    assert.equal(url.origin, 'https://quickchart.io');
    assert.equal(url.pathname, '/chart');
    assert.equal(url.searchParams.get('v'), '4');
    assert.equal(url.searchParams.get('devicePixelRatio'), '1');
    assert.equal(url.searchParams.get('w'), '720');
    assert.equal(url.searchParams.get('h'), '400');
    assert.equal(url.searchParams.get('f'), 'png');
    assert.equal(url.searchParams.get('key'), null);
    assert.equal(fetchCalls, 0);
  });

  it('keeps a 720-point chart with band, comfort band and threshold under 8 KB', async () => {
    const request = lineRequest({
      band: { low: 20, high: 23, label: 'Comfort 20–23 °C' },
      threshold: { value: 26, label: 'Alert 26 °C' },
    });
    assert.equal(request.series[0]!.points.length, 720);
    const url = await new QuickChartRenderer().render(request);
    assert.ok(url.length < 8 * 1024, `URL is ${url.length} characters`);
    const chart = chartOf(url);
    assert.match(chart, /type:'line'/);
    assert.match(chart, /Comfort 20–23 °C/);
    assert.match(chart, /zone:'UTC'/);
    assert.doesNotMatch(chart, /plugins:\[/, 'no inline plugins');
  });

  it('keeps a five-room comparison under the limit by downsampling harder', async () => {
    const series = ['A', 'B', 'C', 'D', 'E'].map((label, i) => ({
      label,
      points: makePoints(720, { seed: i + 1, band: i === 0 }),
    }));
    const url = await new QuickChartRenderer().render(lineRequest({ series }));
    assert.ok(url.length <= MAX_CHART_URL_LENGTH, `URL is ${url.length} characters`);
    assert.match(chartOf(url), /filter:/, 'the legend filter travels as a function');
  });

  it('uses a self-hosted QuickChart (scheme, host, path prefix) and the API key', async () => {
    const renderer = new QuickChartRenderer({ host: 'http://charts.internal:3400/qc/', apiKey: 'k-123' });
    const url = new URL(await renderer.render(barRequest()));
    assert.equal(url.origin, 'http://charts.internal:3400');
    assert.equal(url.pathname, '/qc/chart');
    assert.equal(url.searchParams.get('key'), 'k-123');
    assert.match(chartOf(url.href), /indexAxis:'y'/);
  });

  it('is what createChartRenderer returns in quickchart mode', async () => {
    const renderer = createChartRenderer({
      mode: 'quickchart',
      publicBaseUrl: 'https://bot.example.com',
      store: new ChartStore({ ttlMs: 60_000 }),
      quickchartHost: 'https://qc.example.com',
    });
    assert.ok(renderer instanceof QuickChartRenderer);
    assert.match(await renderer.render(barRequest()), /^https:\/\/qc\.example\.com\/chart\?/);
    await renderer.close();
    assert.equal(fetchCalls, 0);
  });
});
