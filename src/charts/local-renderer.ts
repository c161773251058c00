import { Worker } from 'node:worker_threads';
import { assertTimeZone } from './chart-config';
import type { ChartRequest } from './chart-request';
import type { ChartStore } from './chart-store';
import type { FromWorker, ToWorker } from './render-protocol';
import type { ChartRenderer } from './renderer';

export interface LocalChartRendererOptions {
  store: ChartStore;
  /** Where Webex clients reach this process, e.g. `https://bot.example.com`; charts are served below it. */
  publicBaseUrl: string;
  /** Render workers; default 1. */
  workers?: number;
  /** Told when a chart whose URL was already handed out could not be drawn. */
  onDrawingFailed?: (error: Error) => void;
}

/** A render that takes longer than this is abandoned and its worker replaced. */
const RENDER_TIMEOUT_MS = 30_000;
const MAX_WORKERS = 16;
/**
 * A render needs a few MB of JavaScript heap; without limits V8 lets each worker's heap grow to
 * hundreds of MB of garbage under load before collecting. A worker that goes past them is
 * replaced (its render fails alone), like a crashed one.
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Job {
  id: number;
  request: ChartRequest;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker?: Worker;
  /** Set once the worker has loaded Chart.js and the font. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Why the worker is going away, for the job it leaves behind. */
  failure?: Error;
}

/**
 * Renders charts to PNG in a pool of worker threads (Chart.js + @napi-rs/canvas, see
 * `render-worker.ts`), keeps them in a {@link ChartStore} and answers with
 * `${publicBaseUrl}/charts/<id>.png`. Requests queue across workers; a failed render rejects only
 * its own request; a crashed or stuck worker is replaced on the next request. Workers start on the
 * first render and do not keep the process alive while idle. The main thread only moves messages.
 */
export class LocalChartRenderer implements ChartRenderer {
  private readonly store: ChartStore;
  private readonly baseUrl: string;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private closed = false;
  private readonly onDrawingFailed: ((error: Error) => void) | undefined;

  constructor(options: LocalChartRendererOptions) {
    const workers = options.workers ?? 1;
    if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
      throw new RangeError(
        `LocalChartRenderer: workers must be an integer from 1 to ${MAX_WORKERS} (got ${workers})`,
      );
    }
    this.store = options.store;
    this.store.drawWith((request) => this.renderPng(request as ChartRequest));
    this.onDrawingFailed = options.onDrawingFailed;
    this.baseUrl = normaliseBaseUrl(options.publicBaseUrl);
    this.slots = Array.from({ length: workers }, () => ({ ready: false }));
  }

  /**
   * The chart's URL at once: the card goes out while a worker draws, and a client that fetches the
   * image early waits for it (a chart takes tens of ms; a reply should not wait for it). Requests
   * that cannot be drawn (an unknown zone) are refused here; a drawing that fails later is reported
   * to `onDrawingFailed` and its URL answers 404.
   */
  async render(request: ChartRequest): Promise<string> {
    if (this.closed) throw new Error('chart renderer is closed');
    try {
      assertTimeZone(request.timeZone);
    } catch (error) {
      throw new Error(`chart render failed: ${(error as Error).message}`);
    }
    const drawing = this.renderPng(request);
    drawing.catch((error: Error) => this.onDrawingFailed?.(error));
    const id = this.store.putPending(drawing, request);
    // Replicas: the image may be asked of another replica as soon as the card is out, which draws
    // it from the stored request; the URL goes out once that request is stored (one write).
    await this.store.saved(id);
    return `${this.baseUrl}/charts/${id}.png`;
  }

  /** The PNG itself, without storing it. */
  renderPng(request: ChartRequest): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('chart renderer is closed'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextJobId++, request, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('chart renderer is closed');
    for (const job of this.queue.splice(0)) job.reject(error);
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        if (!worker) return;
        slot.failure = error;
        await worker.terminate();
      }),
    );
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      const worker = slot.worker ?? this.spawn(slot);
      const message: ToWorker = { type: 'render', jobId: job.id, request: job.request };
      try {
        worker.postMessage(message);
      } catch (error) {
        // Not structured-cloneable: that request's fault only.
        job.reject(new Error(`chart request cannot be sent to the renderer: ${(error as Error).message}`));
        continue;
      }
      slot.job = job;
      worker.ref();
      slot.timer = setTimeout(() => {
        slot.failure = new Error(`chart render timed out after ${RENDER_TIMEOUT_MS / 1000} s`);
        void worker.terminate();
      }, RENDER_TIMEOUT_MS);
      slot.timer.unref();
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(require.resolve('./render-worker-entry.js'), {
      resourceLimits: WORKER_HEAP_LIMITS,
    });
    slot.worker = worker;
    slot.ready = false;
    slot.failure = undefined;
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(slot, worker, message));
    worker.on('error', (error: Error) => {
      if (slot.worker === worker) slot.failure ??= error;
    });
    worker.on('exit', (code) => this.onExit(slot, worker, code));
    return worker;
  }

  private onMessage(slot: Slot, worker: Worker, message: FromWorker): void {
    if (slot.worker !== worker) return;
    if (message.type === 'ready') {
      slot.ready = true;
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.jobId) return;
    this.finish(slot, worker);
    if (message.type === 'rendered') {
      job.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
    } else {
      job.reject(new Error(`chart render failed: ${message.message}`));
    }
    this.pump();
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return;
    const failure = slot.failure ?? new Error(`chart render worker exited (code ${code})`);
    const job = slot.job;
    const diedStarting = !slot.ready;
    this.finish(slot, worker);
    slot.worker = undefined;
    slot.ready = false;
    job?.reject(failure);
    if (this.closed) return;
    if (diedStarting) {
      // A worker that cannot even start (missing font, broken install) would fail every request:
      // fail what is queued now instead of respawning in a loop; the next render tries again.
      const error = new Error(`chart render worker failed to start: ${failure.message}`);
      for (const queued of this.queue.splice(0)) queued.reject(error);
      return;
    }
    this.pump();
  }

  private finish(slot: Slot, worker: Worker): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    worker.unref();
  }
}

function normaliseBaseUrl(publicBaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicBaseUrl);
  } catch {
    throw new TypeError(
      `publicBaseUrl '${publicBaseUrl}' is not a URL: set it to where Webex clients reach this bot, e.g. https://bot.example.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`publicBaseUrl must be an http(s) URL (got '${publicBaseUrl}')`);
  }
  return url.href.replace(/\/+$/, '');
}
