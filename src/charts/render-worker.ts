/**
 * The render worker: Chart.js 4 on @napi-rs/canvas, one chart at a time. Loaded through
 * `render-worker-entry.js` (which registers tsx) by {@link LocalChartRenderer}; importing it on the
 * main thread only exposes {@link renderChartPng} (for benchmarks) without listening for messages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort } from 'node:worker_threads';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BasicPlatform, Chart, type ChartConfiguration, type ChartItem, registerables } from 'chart.js';
import 'chartjs-adapter-luxon';
import { buildChartConfig, CHART_FONT_SIZES, resolveChartSize } from './chart-config';
import type { ChartRequest } from './chart-request';
import type { FromWorker, ToWorker } from './render-protocol';

export const CHART_FONT_FAMILY = 'DejaVu Sans';
/**
 * 1.5 device pixels per CSS pixel: a 720×400 chart is a 1080×600 PNG, sharp in a Webex card on
 * retina desktops (~450–550 CSS px wide) and more than enough for phones (~272–360 px wide, where
 * legibility comes from the font sizes in `chart-config.ts`); PNG encoding (most of a chart's cost)
 * takes half the time it takes at 2.
 */
export const CHART_DEVICE_PIXEL_RATIO = 1.5;
const FONT_DIR = path.resolve(__dirname, '../../assets/fonts');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let initialised = false;

/**
 * Once per thread: register Chart.js components and the shipped font. @napi-rs/canvas silently
 * draws no text when no font is available, so a missing font file is an error, not a blank chart.
 */
function initialise(): void {
  if (initialised) return;
  for (const file of FONT_FILES) {
    const fontPath = path.join(FONT_DIR, file);
    if (!existsSync(fontPath) || !GlobalFonts.registerFromPath(fontPath, CHART_FONT_FAMILY)) {
      throw new Error(`chart font missing or unreadable: ${fontPath} (charts would render without text)`);
    }
  }
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  // Every text sets its own size (scaled with the width); this is the fallback.
  Chart.defaults.font.size = CHART_FONT_SIZES.ticks;
  initialised = true;
}

/** Renders a request to PNG bytes at {@link CHART_DEVICE_PIXEL_RATIO} (size clamped by {@link resolveChartSize}). */
export async function renderChartPng(request: ChartRequest): Promise<Buffer> {
  initialise();
  const { width, height } = resolveChartSize(request);
  const config = buildChartConfig(request) as ChartConfiguration;
  config.platform = BasicPlatform;
  config.options = { ...config.options, devicePixelRatio: CHART_DEVICE_PIXEL_RATIO };

  // Chart.js sizes the chart from the canvas (CSS pixels), then scales the canvas by the ratio.
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    const ctx = canvas.getContext('2d');
    // An opaque white background: a transparent PNG turns unreadable on dark-themed clients.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

if (!isMainThread && parentPort) {
  initialise();
  parentPort.on('message', (message: ToWorker) => {
    if (message.type !== 'render') return;
    renderChartPng(message.request).then(
      (png) => {
        const bytes = new Uint8Array(png);
        post({ type: 'rendered', jobId: message.jobId, png: bytes }, [bytes.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        post({
          type: 'failed',
          jobId: message.jobId,
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  });
  post({ type: 'ready' });
}
