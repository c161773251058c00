import { LRUCache } from 'lru-cache';
import { callsFor } from '../plan/bounded-window';
import type { Store } from '../store/store';
import type { AggregatedMetricItem, RawMetricItem } from '../webex/wire';
import { DAY_MS, HOUR_MS } from '../webex/wire/limits';

export type Item = RawMetricItem | AggregatedMetricItem;
export type Aggregation = 'none' | 'hourly' | 'daily';

/** One series: a (workspace, metric) pair at an aggregation and unit. */
export interface SeriesKey {
  workspaceId: string;
  metric: string;
  aggregation: Aggregation;
  unit?: string;
}

/** Reads a range from Webex: the client's `metrics` (legal windows, stitched). */
export type RangeFetcher = (from: number, to: number) => Promise<{ items: Item[]; calls: number }>;

export interface ReadingsCacheOptions {
  /** Memory for cached buckets (approximate bytes). */
  maxBytes: number;
  /** Where buckets are kept across restarts (optional). */
  store?: Store;
  /** A bucket is complete (never changes) once it ended this long ago: readings arrive late. */
  settleMs?: number;
  now: () => number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  storeHits: number;
}

/** Buckets are UTC hours for raw readings and hourly buckets, UTC days for daily ones. */
const BUCKET_MS: Readonly<Record<Aggregation, number>> = { none: HOUR_MS, hourly: HOUR_MS, daily: DAY_MS };

/** The longest span of one raw call (48 h). */
const RAW_SPAN_MS = 48 * HOUR_MS;

const seriesId = (k: SeriesKey) => `${k.workspaceId}|${k.metric}|${k.aggregation}|${k.unit ?? ''}`;
const timeOf = (item: Item) => Date.parse('timestamp' in item ? item.timestamp : item.start);

/**
 * Past readings do not change: complete buckets (hourly, daily, and the raw readings of a past UTC
 * hour) are kept, keyed by (series, bucket start), so a repeated question, a follow-up or a button
 * reads only what is not complete yet. Bounded in memory (LRU by size); kept in the store across
 * restarts. A bucket without data is kept as an empty one (an empty hour has no bucket at Webex).
 */
export class ReadingsCache {
  private readonly memory: LRUCache<string, Item[]>;
  private readonly settleMs: number;
  private pending = new Map<string, { bucket: number; items: string }[]>();
  private flushScheduled = false;
  readonly stats: CacheStats = { hits: 0, misses: 0, storeHits: 0 };

  constructor(private readonly options: ReadingsCacheOptions) {
    this.memory = new LRUCache<string, Item[]>({
      maxSize: Math.max(1024, options.maxBytes),
      sizeCalculation: (items, key) => 96 + key.length * 2 + items.length * 160,
    });
    this.settleMs = options.settleMs ?? 10 * 60_000;
  }

  /**
   * What reading [from, to) of a series takes: the cached complete buckets and the stretches to
   * fetch. A cold range is fetched whole (the minimum calls); a warm one only its missing
   * stretches and the incomplete edge, joined where one call covers both.
   */
  private async reading(key: SeriesKey, from: number, to: number) {
    const size = BUCKET_MS[key.aggregation];
    const complete = Math.floor((this.options.now() - this.settleMs) / size) * size;
    const raw = key.aggregation === 'none';
    // Raw readings of a whole past hour can serve part of it; buckets only when wholly inside.
    const first = raw ? Math.floor(from / size) * size : Math.ceil(from / size) * size;
    const last = Math.min(Math.floor(to / size) * size, complete);
    const series = seriesId(key);
    const none = new Map<number, Item[]>();
    if (!(last > first)) return { series, size, raw, first, last, cached: none, ranges: [{ from, to }] };
    const cached = await this.lookup(series, first, last, size);
    if (cached.size === 0) {
      // Raw readings: the whole first hour costs no extra call (within 48 h) and can be kept.
      const start = raw && to - first <= RAW_SPAN_MS ? first : from;
      return { series, size, raw, first, last, cached, ranges: [{ from: start, to }] };
    }
    const ranges: { from: number; to: number }[] = [];
    const add = (a: number, b: number) => {
      if (!(b > a)) return;
      const prev = ranges[ranges.length - 1];
      if (prev && prev.to >= a) prev.to = Math.max(prev.to, b);
      else ranges.push({ from: a, to: b });
    };
    if (!raw) add(from, first);
    for (let b = first; b < last; b += size) {
      if (!cached.has(b)) add(raw ? b : Math.max(b, from), b + size);
    }
    add(last, to);
    // Two stretches that one call covers (re-reading the cached hours between them) cost one call.
    for (let i = ranges.length - 1; i > 0; i--) {
      const a = ranges[i - 1]!;
      const b = ranges[i]!;
      const agg = key.aggregation;
      if (callsFor(a.from, b.to, agg) < callsFor(a.from, a.to, agg) + callsFor(b.from, b.to, agg)) {
        a.to = b.to;
        ranges.splice(i, 1);
      }
    }
    return { series, size, raw, first, last, cached, ranges };
  }

  /** Calls reading [from, to) of a series would make now (no I/O but the store's cached rows). */
  async callsNeeded(key: SeriesKey, from: number, to: number): Promise<number> {
    return (await this.reading(key, from, to)).ranges.reduce(
      (n, r) => n + callsFor(r.from, r.to, key.aggregation),
      0,
    );
  }

  /** The items of [from, to) for a series: complete buckets from the cache, the rest from `fetch`. */
  async read(
    key: SeriesKey,
    from: number,
    to: number,
    fetch: RangeFetcher,
  ): Promise<{ items: Item[]; calls: number }> {
    const { series, size, raw, first, last, cached, ranges } = await this.reading(key, from, to);
    if (cached.size === 0) this.stats.misses++;
    else this.stats.hits++;
    const parts = await Promise.all(ranges.map((r) => fetch(r.from, r.to)));
    let calls = 0;
    const items: Item[] = [];
    parts.forEach((part, i) => {
      calls += part.calls;
      items.push(...part.items);
      const r = ranges[i]!;
      // Only whole buckets fetched whole are kept.
      if (last > first)
        this.keep(
          series,
          part.items,
          Math.max(first, Math.ceil(r.from / size) * size),
          Math.min(Math.floor(r.to / size) * size, last),
          size,
          r.from,
          r.to,
        );
    });
    if (cached.size === 0 && ranges.length === 1 && ranges[0]!.from === from) return { items, calls };
    for (const [, bucketItems] of cached) items.push(...bucketItems);
    return { items: dedupe(raw ? within(items, from, to) : items), calls };
  }

  /** Cached complete buckets of [first, last): memory first, then the store (which then fills memory). */
  private async lookup(
    series: string,
    first: number,
    last: number,
    size: number,
  ): Promise<Map<number, Item[]>> {
    const found = new Map<number, Item[]>();
    let missing = false;
    for (let b = first; b < last; b += size) {
      const items = this.memory.get(`${series}@${b}`);
      if (items) found.set(b, items);
      else missing = true;
    }
    if (missing && this.options.store) {
      const rows = await this.options.store.readCachedBuckets(series, first, last).catch(() => []);
      for (const row of rows) {
        if (found.has(row.bucket)) continue;
        const items = parseItems(row.items);
        if (!items) continue;
        found.set(row.bucket, items);
        this.memory.set(`${series}@${row.bucket}`, items);
        this.stats.storeHits++;
      }
    }
    return found;
  }

  /** Keeps the complete buckets of [a, b) that a fetch of [from, to) returned whole. */
  private keep(
    series: string,
    items: readonly Item[],
    a: number,
    b: number,
    size: number,
    from: number,
    to: number,
  ) {
    if (!(b > a)) return;
    const byBucket = new Map<number, Item[]>();
    for (let s = a; s < b; s += size) if (s >= from && s + size <= to) byBucket.set(s, []);
    for (const item of items) {
      const s = Math.floor(timeOf(item) / size) * size;
      byBucket.get(s)?.push(item);
    }
    const rows: { bucket: number; items: string }[] = [];
    for (const [bucket, list] of byBucket) {
      this.memory.set(`${series}@${bucket}`, list);
      if (this.options.store) rows.push({ bucket, items: JSON.stringify(list) });
    }
    if (rows.length > 0) this.persist(series, rows);
  }

  /** Store writes are batched: one transaction per turn of the event loop, off the answer's path. */
  private persist(series: string, rows: { bucket: number; items: string }[]) {
    const list = this.pending.get(series);
    if (list) list.push(...rows);
    else this.pending.set(series, rows);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Writes what is pending to the store in one transaction (also called on shutdown). */
  async flush(): Promise<void> {
    this.flushScheduled = false;
    const store = this.options.store;
    const pending = this.pending;
    this.pending = new Map();
    if (!store || pending.size === 0) return;
    const series = [...pending].map(([name, buckets]) => ({ series: name, buckets }));
    // A cache that cannot be written is only a slower cache.
    await store.writeCachedBuckets(series, this.options.now()).catch(() => undefined);
  }

  /** Forgets stored buckets older than `maxAgeMs` (call now and then). */
  async prune(maxAgeMs: number): Promise<number> {
    return (await this.options.store?.pruneCachedBuckets(this.options.now() - maxAgeMs)) ?? 0;
  }
}

/** Raw readings inside [from, to). */
function within(items: readonly Item[], from: number, to: number): Item[] {
  return items.filter((item) => {
    const t = timeOf(item);
    return t >= from && t < to;
  });
}

function parseItems(text: string): Item[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as Item[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Oldest first, one item per bucket start or per (device, instant). */
function dedupe(items: Item[]): Item[] {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const key = 'timestamp' in item ? `${item.deviceId}@${timeOf(item)}` : String(timeOf(item));
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()].sort((a, b) => timeOf(a) - timeOf(b));
}
