import type { ChartPoint, ChartRequest } from '../../src/charts';

/** 26 Oct 2024 12:00 UTC = 14:00 in Oslo (UTC+2); Oslo falls back to UTC+1 the next night. */
export const START = Date.UTC(2024, 9, 26, 12, 0);
export const MINUTE = 60_000;

/**
 * A deterministic temperature-like series: a slow wave, a little noise from a fixed LCG, one spike
 * up (`spikeAt`) and one dip (`dipAt`), optionally with min/max around each mean.
 */
export function makePoints(
  count: number,
  options: {
    stepMs?: number;
    base?: number;
    band?: boolean;
    spikeAt?: number;
    dipAt?: number;
    seed?: number;
  } = {},
): ChartPoint[] {
  const { stepMs = MINUTE, base = 22, band = false, spikeAt, dipAt } = options;
  let seed = options.seed ?? 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  return Array.from({ length: count }, (_, i) => {
    let mean = base + 1.5 * Math.sin(i / 60) + 0.2 * noise();
    if (i === spikeAt) mean += 6;
    if (i === dipAt) mean -= 6;
    const t = START + i * stepMs;
    return band ? { t, mean, min: mean - 0.4 - 0.1 * noise(), max: mean + 0.4 + 0.1 * noise() } : { t, mean };
  });
}

export function lineRequest(overrides: Partial<ChartRequest> = {}): ChartRequest {
  return {
    kind: 'line',
    title: 'Room 4 · temperature · last 12 h',
    subtitle: 'Europe/Oslo',
    timeZone: 'Europe/Oslo',
    unitLabel: '°C',
    series: [{ label: 'Room 4', points: makePoints(720, { band: true, spikeAt: 300, dipAt: 500 }) }],
    ...overrides,
  };
}

export function barRequest(overrides: Partial<ChartRequest> = {}): ChartRequest {
  return {
    kind: 'bar',
    title: 'Noisiest rooms · today',
    timeZone: 'Europe/Oslo',
    unitLabel: 'dBA',
    series: [],
    bars: [
      { label: 'Atrium', value: 61.2 },
      { label: 'Room 4', value: 55 },
      { label: 'Fjord', value: 48.5 },
    ],
    ...overrides,
  };
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
