/**
 * Seeded, deterministic randomness for the synthetic organisation.
 *
 * Nothing here touches `Math.random` or the clock: every value is a function of its inputs,
 * so the same seed always yields the same organisation and the same sensor readings.
 */

/** 32-bit avalanche finaliser (the "lowbias32" integer hash). Returns an unsigned 32-bit integer. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Folds one 32-bit integer into a running hash. */
function combine(hash: number, value: number): number {
  return mix32((hash ^ mix32(value)) + 0x9e3779b9);
}

const TWO_POW_32 = 4294967296;

function foldNumber(hash: number, value: number): number {
  if (Number.isSafeInteger(value)) {
    const low = value >>> 0;
    const high = Math.floor(value / TWO_POW_32) >>> 0;
    return combine(combine(hash, low), high);
  }
  return foldString(combine(hash, 0x6e756d), String(value));
}

function foldString(hash: number, text: string): number {
  // FNV-1a over UTF-16 code units, then folded into the running hash.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return combine(combine(hash, h), text.length);
}

/** Stable 32-bit hash of a list of numbers and strings (order matters). */
export function hash32(...parts: ReadonlyArray<number | string>): number {
  let hash = 0x2545f491;
  for (const part of parts) {
    hash = typeof part === 'number' ? foldNumber(hash, part) : foldString(combine(hash, 0x737472), part);
  }
  return hash;
}

/**
 * Fast hash of three 32-bit integers, for hot loops (per-sample noise).
 * Inputs are truncated to 32 bits.
 */
export function hashInts(a: number, b: number, c: number): number {
  return combine(combine(combine(0x2545f491, a), b), c);
}

/** Maps an unsigned 32-bit hash to [0, 1). */
export function unitFromHash(hash: number): number {
  return (hash >>> 0) / TWO_POW_32;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/** Convenience wrapper around {@link mulberry32}. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A random UUID in the RFC 4122 version 4 layout (lower-case hex). */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    float: (min, max) => min + next() * (max - min),
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick() needs a non-empty array');
      return items[int(0, items.length - 1)]!;
    },
    uuid: () => uuidV4(next),
  };
}

const HEX = '0123456789abcdef';

/** Formats 16 bytes drawn from `next` as a version-4, variant-1 UUID. */
export function uuidV4(next: () => number): string {
  let out = '';
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(next() * 256) & 0xff;
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[byte >>> 4]! + HEX[byte & 0x0f]!;
  }
  return out;
}

/** A deterministic UUID v4 for a seed and a label, e.g. `uuidFor(seed, 'workspace', 3)`. */
export function uuidFor(...parts: ReadonlyArray<number | string>): string {
  return uuidV4(mulberry32(hash32('uuid', ...parts)));
}
