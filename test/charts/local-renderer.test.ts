import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import express from 'express';
import {
  buildChartConfig,
  ChartStore,
  chartRoutes,
  createChartRenderer,
  LocalChartRenderer,
} from '../../src/charts';
import { CHART_DEVICE_PIXEL_RATIO } from '../../src/charts/render-worker';
import { FakeClock } from '../support/fake-clock';
import { barRequest, lineRequest, makePoints, pngSize } from './chart-fixtures';
import { rawGet } from './http-helpers';

const TTL_MS = 15 * 60_000;

/** Pixels darker than mid-grey inside a rectangle (device pixels). */
async function inkIn(png: Buffer, x: number, y: number, width: number, height: number): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(x, y, width, height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    if (luma < 128) ink += 1;
  }
  return ink;
}

describe('LocalChartRenderer (worker threads, real HTTP)', function () {
  // Worker start-up loads tsx, Chart.js and the font; generous for slow CI machines.
  this.timeout(20_000);

  const clock = new FakeClock(Date.UTC(2024, 9, 26, 12));
  const store = new ChartStore({ ttlMs: TTL_MS, now: clock.now });
  let server: Server;
  let base: string;
  let renderer: LocalChartRenderer;

  const fetchPng = async (url: string): Promise<Buffer> => {
    const response = await fetch(url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), `private, max-age=${TTL_MS / 1000}`);
    return Buffer.from(await response.arrayBuffer());
  };

  before(async () => {
    const app = express();
    app.use(chartRoutes(store));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    renderer = new LocalChartRenderer({ store, publicBaseUrl: `${base}/` });
  });

  after(async () => {
    await renderer?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('renders a 720-point line chart to a PNG served under the public base URL, at 1.5× pixels', async () => {
    const url = await renderer.render(lineRequest({ band: { low: 20, high: 23, label: 'Comfort' } }));
    assert.match(url, new RegExp(`^${base}/charts/[A-Za-z0-9_-]{32,}\\.png$`));
    const png = await fetchPng(url);
    assert.deepEqual(pngSize(png), { width: 1080, height: 600 });
  });

  it('keeps every label ≥ 9 px tall when the PNG is shown 272–360 px wide on a phone', async () => {
    for (const request of [
      lineRequest({ series: [lineRequest().series[0]!, { label: 'Fjord', points: makePoints(50) }] }),
      barRequest(),
    ]) {
      const png = await fetchPng(await renderer.render(request));
      const { width: pngWidth } = pngSize(png);
      const config = buildChartConfig(request);
      const sizes: number[] = [];
      const collect = (value: unknown): void => {
        if (typeof value !== 'object' || value === null) return;
        for (const [k, v] of Object.entries(value)) {
          if (k === 'font' && typeof v === 'object' && v !== null && 'size' in v) sizes.push(Number(v.size));
          else collect(v);
        }
      };
      collect(config.options);
      assert.ok(sizes.length >= 5, `fonts found: ${sizes}`);
      for (const shownWidth of [272, 360]) {
        for (const size of sizes) {
          // CSS px → device px in the PNG → px on the phone when the PNG is scaled to shownWidth.
          const onPhone = (size * CHART_DEVICE_PIXEL_RATIO * shownWidth) / pngWidth;
          assert.ok(
            onPhone >= 9,
            `${request.kind}: a ${size}-px label is ${onPhone.toFixed(1)} px at ${shownWidth}`,
          );
        }
      }
    }
  });

  it('renders a bar chart at the requested size', async () => {
    const url = await renderer.render(barRequest({ width: 500, height: 300 }));
    assert.deepEqual(pngSize(await fetchPng(url)), { width: 750, height: 450 });
  });

  it('draws text (the font is registered): a title puts ink in the title area', async () => {
    const series = [{ label: 'Room 4', points: makePoints(120) }];
    const [titled, untitled] = await Promise.all([
      renderer.render(lineRequest({ series })).then(fetchPng),
      renderer.render(lineRequest({ series, title: '' })).then(fetchPng),
    ]);
    // The title's band: 9–42 device pixels from the top, central half of the width.
    const withTitle = await inkIn(titled, 270, 9, 540, 33);
    const withoutTitle = await inkIn(untitled, 270, 9, 540, 33);
    assert.ok(withTitle > 840, `title ink ${withTitle}`);
    assert.ok(withTitle > 2 * withoutTitle, `title ink ${withTitle} vs subtitle only ${withoutTitle}`);
    // Axis labels are text too: the y-axis label column is not blank.
    assert.ok((await inkIn(untitled, 0, 75, 68, 375)) > 170, 'y-axis tick labels drawn');
  });

  it('rejects only the request whose render fails', async () => {
    const results = await Promise.allSettled([
      renderer.render(lineRequest({ timeZone: 'Not/AZone' })),
      renderer.render(barRequest()),
    ]);
    assert.equal(results[0].status, 'rejected');
    assert.match(
      String((results[0] as PromiseRejectedResult).reason),
      /chart render failed: .*unknown IANA time zone/,
    );
    assert.equal(results[1].status, 'fulfilled');
  });

  it('serves 404 once the chart has expired, and for traversal paths', async () => {
    const url = await renderer.render(barRequest());
    const path = new URL(url).pathname;
    assert.equal((await rawGet(base, path)).status, 200);
    assert.equal((await rawGet(base, '/charts/../x.png')).status, 404);
    clock.advance(TTL_MS);
    assert.equal((await rawGet(base, path)).status, 404);
  });

  it('queues 10 concurrent renders over 2 workers and completes them all', async () => {
    const pool = createChartRenderer({ mode: 'local', publicBaseUrl: base, store, workers: 2 });
    try {
      const requests = Array.from({ length: 10 }, (_, i) =>
        i % 3 === 0
          ? barRequest({ title: `Ranking ${i}` })
          : lineRequest({
              title: `Chart ${i}`,
              series: [{ label: `Room ${i}`, points: makePoints(240, { seed: i }) }],
            }),
      );
      const urls = await Promise.all(requests.map((request) => pool.render(request)));
      assert.equal(new Set(urls).size, 10);
      for (const url of urls) assert.deepEqual(pngSize(await fetchPng(url)), { width: 1080, height: 600 });
    } finally {
      await pool.close();
    }
  });

  it('with replicas, hands out the URL only once the chart request is stored, so any replica can draw it', async () => {
    const saved = new Map<string, string>();
    let store = (): void => undefined;
    const shared = {
      // The store answers when the test lets it.
      save: (id: string, request: string) =>
        new Promise<void>((resolve) => {
          store = () => {
            saved.set(id, request);
            resolve();
          };
        }),
      load: async (id: string) => saved.get(id),
    };
    const here = new ChartStore({ ttlMs: TTL_MS, now: clock.now, shared });
    const there = new ChartStore({ ttlMs: TTL_MS, now: clock.now, shared });
    const replica = new LocalChartRenderer({ store: here, publicBaseUrl: base });
    const other = new LocalChartRenderer({ store: there, publicBaseUrl: base });
    try {
      let url: string | undefined;
      const rendering = replica.render(barRequest()).then((u) => {
        url = u;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(url, undefined, 'no URL before the request is stored');
      store();
      await rendering;
      const id = /\/charts\/([^/]+)\.png$/.exec(url!)![1]!;
      assert.ok(saved.has(id));
      // The other replica, asked first, draws it from the stored request.
      assert.deepEqual(pngSize((await there.fetch(id))!), { width: 1080, height: 600 });
    } finally {
      await replica.close();
      await other.close();
    }
  });

  it('refuses renders after close', async () => {
    const closed = new LocalChartRenderer({ store, publicBaseUrl: base });
    await closed.close();
    await assert.rejects(closed.render(barRequest()), /closed/);
  });

  it('explains a bad public base URL', () => {
    assert.throws(() => new LocalChartRenderer({ store, publicBaseUrl: 'bot.example.com' }), /not a URL/);
    assert.throws(() => new LocalChartRenderer({ store, publicBaseUrl: base, workers: 0 }), /workers/);
  });
});
