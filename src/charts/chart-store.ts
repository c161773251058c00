import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';

export interface ChartStoreOptions {
  /** How long a chart stays fetchable, in milliseconds. */
  ttlMs: number;
  /** Injected clock (epoch ms); default `Date.now`. */
  now?: () => number;
  /** At most this many charts are kept; the oldest go first. Default 500. */
  maxEntries?: number;
  /**
   * Where the requests of charts are kept for other processes (replicas behind one URL): a chart
   * drawn here can be fetched from any of them, which draws it again from its request.
   */
  shared?: SharedCharts;
}

/** Chart requests (JSON) by id, with their expiry, shared between processes. */
export interface SharedCharts {
  save(id: string, request: string, expiresAt: number): Promise<void>;
  load(id: string, now: number): Promise<string | undefined>;
}

/** 24 random bytes → 32 base64url characters. */
const ID_BYTES = 24;
/** What an id looks like; anything else is refused before any lookup. */
export const CHART_ID_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
const DEFAULT_MAX_ENTRIES = 500;

interface Entry {
  /** Undefined while the chart is still being drawn. */
  png: Buffer | undefined;
  /** Settles when drawing ends: the PNG, or undefined when it failed. */
  ready: Promise<Buffer | undefined>;
  expiresAt: number;
}

/**
 * Rendered chart PNGs kept in memory under unguessable ids for a limited time, so a card can carry a
 * short URL instead of the chart itself; a chart may be stored while it is still being drawn. Expired entries are dropped on `get`, `sweep` and `put`.
 */
export class ChartStore {
  readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();
  private readonly shared: SharedCharts | undefined;
  private redraw: ((request: unknown) => Promise<Buffer>) | undefined;
  private readonly saving = new Map<string, Promise<void>>();

  constructor(options: ChartStoreOptions) {
    if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) {
      throw new RangeError(
        `ChartStore: ttlMs must be a positive number of milliseconds (got ${options.ttlMs})`,
      );
    }
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`ChartStore: maxEntries must be a positive integer (got ${maxEntries})`);
    }
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.maxEntries = maxEntries;
    this.shared = options.shared;
  }

  /** How a chart known only by its shared request is drawn here (the renderer sets it). */
  drawWith(redraw: (request: unknown) => Promise<Buffer>): void {
    this.redraw = redraw;
  }

  /** Stores a PNG and returns its id (32 random url-safe characters). */
  put(png: Buffer): string {
    return this.add(png, Promise.resolve(png));
  }

  /**
   * Reserves an id for a chart still being drawn, so a card can be posted at once: a client that
   * asks for the image before it is ready waits for it ({@link fetch}). A failed drawing is 404.
   */
  putPending(drawing: Promise<Buffer>, request?: unknown): string {
    const ready = drawing.then(
      (png) => png,
      () => undefined,
    );
    const id = this.add(undefined, ready);
    if (this.shared && request !== undefined) {
      const saving = this.shared
        .save(id, JSON.stringify(request), this.now() + this.ttlMs)
        .catch(() => undefined)
        .finally(() => this.saving.delete(id));
      this.saving.set(id, saving);
    }
    void ready.then((png) => {
      const entry = this.entries.get(id);
      if (!entry) return;
      if (png) entry.png = png;
      else this.entries.delete(id);
    });
    return id;
  }

  private add(png: Buffer | undefined, ready: Promise<Buffer | undefined>): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    let id = newId();
    while (this.entries.has(id)) id = newId();
    this.entries.set(id, { png, ready, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The PNG, or undefined when the id is unknown, expired or still being drawn. */
  get(id: string): Buffer | undefined {
    return this.live(id)?.png;
  }

  /** The PNG once drawn (waits for one in progress), or undefined when unknown, expired or failed. */
  async fetch(id: string): Promise<Buffer | undefined> {
    const entry = this.live(id);
    if (entry) return entry.png ?? (await entry.ready);
    return this.fromShared(id);
  }

  /** A chart drawn by another process: drawn again here from its shared request. */
  private async fromShared(id: string): Promise<Buffer | undefined> {
    const { shared, redraw } = this;
    if (!shared || !redraw) return undefined;
    const text = await shared.load(id, this.now()).catch(() => undefined);
    if (text === undefined) return undefined;
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      return undefined;
    }
    const ready = redraw(request).then(
      (png) => png,
      () => undefined,
    );
    this.entries.set(id, { png: undefined, ready, expiresAt: this.now() + this.ttlMs });
    const png = await ready;
    const kept = this.entries.get(id);
    if (kept && png) kept.png = png;
    else this.entries.delete(id);
    return png;
  }

  /** Resolves once the shared request of chart `id` is saved (at once when there is none to save). */
  async saved(id: string): Promise<void> {
    await this.saving.get(id);
  }

  /** Waits until the shared requests of charts put so far are saved (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.saving.values()]);
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  /** Drops every expired entry. */
  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (now >= entry.expiresAt) this.entries.delete(id);
    }
  }

  /** Entries held (expired ones included until swept). */
  get size(): number {
    return this.entries.size;
  }
}

function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/**
 * `GET /charts/:id.png` from the store: `image/png`, `Cache-Control: private, max-age=<ttl s>`;
 * 404 for malformed, unknown and expired ids (the id is checked against {@link CHART_ID_PATTERN}
 * before any lookup). Nothing else under /charts is served: no listing.
 */
export function chartRoutes(store: ChartStore): Router {
  const router = express.Router();
  const maxAge = Math.max(0, Math.floor(store.ttlMs / 1000));
  router.get('/charts/:id.png', async (req, res) => {
    const id = req.params.id;
    const png = typeof id === 'string' && CHART_ID_PATTERN.test(id) ? await store.fetch(id) : undefined;
    if (!png) {
      res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('chart not found');
      return;
    }
    res
      .status(200)
      .set({
        'Content-Type': 'image/png',
        'Cache-Control': `private, max-age=${maxAge}`,
        'X-Content-Type-Options': 'nosniff',
      })
      .send(png);
  });
  return router;
}
