/**
 * A constructed sensor for condition-start tests: readings every 5 minutes from a function of time
 * (undefined: a gap), read through a fake `SeriesReader` that aggregates hourly buckets as the API
 * does and records its calls.
 */
import assert from 'node:assert/strict';
import type { Reading } from '../../src/automation/alert-machine';
import type { HourBucket, SeriesReader } from '../../src/automation/condition-start';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEP = 5 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** A sensor: `value(t)` every 5 min (undefined: no reading, a gap). */
export function series(value: (t: number) => number | undefined) {
  const calls: string[] = [];
  const readings = (from: number, to: number): Reading[] => {
    const out: Reading[] = [];
    for (let t = Math.ceil(from / STEP) * STEP; t < to; t += STEP) {
      const v = value(t);
      if (v !== undefined) out.push({ at: t, value: v });
    }
    return out;
  };
  const reader: SeriesReader = {
    raw: async (from, to) => {
      calls.push(`raw ${iso(from)}–${iso(to)}`);
      assert.ok(to - from <= 48 * HOUR, 'raw spans at most 48 h');
      return readings(from, to);
    },
    hourly: async (from, to) => {
      calls.push(`hourly ${iso(from)}–${iso(to)}`);
      assert.ok(to - from <= 48 * HOUR, 'hourly spans at most 48 h');
      const buckets = new Map<number, HourBucket>();
      for (const r of readings(from, to)) {
        const start = Math.floor(r.at / HOUR) * HOUR;
        const b = buckets.get(start) ?? { start, end: start + HOUR, min: r.value, max: r.value };
        b.min = Math.min(b.min, r.value);
        b.max = Math.max(b.max, r.value);
        buckets.set(start, b);
      }
      return [...buckets.values()].sort((a, b) => a.start - b.start);
    },
  };
  return { reader, calls };
}
