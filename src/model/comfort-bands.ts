import type { MetricName, TemperatureUnit } from '../webex/wire';
import { celsiusToFahrenheit } from './units';
/**
 * Comfort bands: what "comfortable" means for each sensor metric, in the units the bot reasons in.
 * People count has no band here (it is judged against the workspace capacity) and sound level has
 * none at all.
 */

export interface ComfortBands {
  /** °C; comfortable when `low <= value <= high`. */
  temperature: { low: number; high: number };
  /** %RH; comfortable when `low <= value <= high`. */
  humidity: { low: number; high: number };
  /** ppb; good when `value <= good`, moderate when `value <= moderate`, poor above. */
  tvoc: { good: number; moderate: number };
  /** dBA; good (quiet) when `value <= good`, fair when `value <= fair`, poor (noisy) above. */
  ambientNoise: { good: number; fair: number };
}

/**
 * Humidity's low end is 25 %, not the 30 % often quoted: heated indoor air in a Nordic winter
 * holds 20–30 % however it is run, so 30 % would call every room "Too dry" all winter. 25 % still
 * flags the really dry days (and a space can set its own band).
 */
export const DEFAULT_COMFORT_BANDS: ComfortBands = Object.freeze({
  temperature: Object.freeze({ low: 20, high: 24 }),
  humidity: Object.freeze({ low: 25, high: 60 }),
  tvoc: Object.freeze({ good: 220, moderate: 660 }),
  ambientNoise: Object.freeze({ good: 40, fair: 50 }),
});

export type BandKey = keyof ComfortBands;

/** The metrics with a comfort band, in the order they are shown. */
export const BAND_KEYS: readonly BandKey[] = ['temperature', 'humidity', 'tvoc', 'ambientNoise'];

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\s*-\\s*(${NUMBER})$`);
const PAIR = new RegExp(`^(${NUMBER})\\s*/\\s*(${NUMBER})$`);

interface KeySyntax {
  /** Canonical key. */
  key: BandKey;
  /** Human description of the expected value, for error messages. */
  expected: string;
  /** How the two numbers are written: `LOW-HIGH` or `GOOD/NEXT`. */
  pattern: RegExp;
}

const SYNTAX: readonly KeySyntax[] = [
  { key: 'temperature', expected: 'LOW-HIGH in °C with LOW < HIGH, e.g. temperature=20-24', pattern: RANGE },
  {
    key: 'humidity',
    expected: 'LOW-HIGH in % between 0 and 100 with LOW < HIGH, e.g. humidity=25-60',
    pattern: RANGE,
  },
  { key: 'tvoc', expected: 'GOOD/MODERATE in ppb with GOOD < MODERATE, e.g. tvoc=220/660', pattern: PAIR },
  {
    key: 'ambientNoise',
    expected: 'GOOD/FAIR in dBA with GOOD < FAIR, e.g. ambientNoise=40/50',
    pattern: PAIR,
  },
];

/**
 * One metric's band from its two numbers: LOW and HIGH for temperature (°C, −50 to 100) and
 * humidity (%, 0 to 100); the good and the next limit for TVOC (ppb) and noise (dBA), from 0.
 * Undefined when the numbers cannot be a band (in the wrong order or out of range).
 */
export function bandFrom(key: BandKey, first: number, second: number): Partial<ComfortBands> | undefined {
  if (!Number.isFinite(first) || !Number.isFinite(second) || !(first < second)) return undefined;
  switch (key) {
    case 'temperature':
      return first >= -50 && second <= 100 ? { temperature: { low: first, high: second } } : undefined;
    case 'humidity':
      return first >= 0 && second <= 100 ? { humidity: { low: first, high: second } } : undefined;
    case 'tvoc':
      return first >= 0 ? { tvoc: { good: first, moderate: second } } : undefined;
    case 'ambientNoise':
      return first >= 0 ? { ambientNoise: { good: first, fair: second } } : undefined;
  }
}

/** The two numbers of a band, in the order {@link bandFrom} takes them. */
export function bandNumbers(key: BandKey, bands: ComfortBands): [number, number] {
  switch (key) {
    case 'temperature':
      return [bands.temperature.low, bands.temperature.high];
    case 'humidity':
      return [bands.humidity.low, bands.humidity.high];
    case 'tvoc':
      return [bands.tvoc.good, bands.tvoc.moderate];
    case 'ambientNoise':
      return [bands.ambientNoise.good, bands.ambientNoise.fair];
  }
}

/** Whether every band given is one {@link bandFrom} would make (store validation). */
export function validBands(bands: Partial<ComfortBands>): boolean {
  return BAND_KEYS.every((key) => {
    if (bands[key] === undefined) return true;
    const [a, b] = bandNumbers(key, { ...DEFAULT_COMFORT_BANDS, ...bands });
    return bandFrom(key, a, b) !== undefined;
  });
}

/** The deployment's bands with a space's own bands over them, metric by metric. */
export function withOwnBands(deployment: ComfortBands, own: Partial<ComfortBands> | undefined): ComfortBands {
  return own ? { ...deployment, ...own } : deployment;
}

/**
 * A band as people read it: "20–24 °C" (or in °F), "25–60 %", "good up to 220 ppb, moderate up
 * to 660 ppb", "quiet up to 40 dBA, fair up to 50 dBA".
 */
export function describeBand(key: BandKey, bands: ComfortBands, unit: TemperatureUnit = 'celsius'): string {
  const n = (value: number) => String(Math.round(value * 10) / 10);
  switch (key) {
    case 'temperature': {
      const { low, high } = bands.temperature;
      return unit === 'fahrenheit'
        ? `${n(celsiusToFahrenheit(low))}–${n(celsiusToFahrenheit(high))} °F`
        : `${n(low)}–${n(high)} °C`;
    }
    case 'humidity':
      return `${n(bands.humidity.low)}–${n(bands.humidity.high)} %`;
    case 'tvoc':
      return `good up to ${n(bands.tvoc.good)} ppb, moderate up to ${n(bands.tvoc.moderate)} ppb`;
    case 'ambientNoise':
      return `quiet up to ${n(bands.ambientNoise.good)} dBA, fair up to ${n(bands.ambientNoise.fair)} dBA`;
  }
}

const KNOWN_KEYS = SYNTAX.map((s) => s.key).join(', ');

/**
 * Reads the comfort-band deployment setting, e.g.
 * `temperature=19-23,humidity=30-55,tvoc=250/700,ambientNoise=38/48`. Any subset of the keys may be
 * given (keys are case-insensitive, spaces are allowed around separators); missing keys keep
 * {@link DEFAULT_COMFORT_BANDS}. `undefined` or a blank text gives the defaults.
 *
 * @throws Error naming the key, the bad value and the expected form, for an unknown key, a key
 * given twice, an entry without `=`, or a malformed value.
 */
export function parseComfortBands(text: string | undefined): ComfortBands {
  const bands: ComfortBands = {
    temperature: { ...DEFAULT_COMFORT_BANDS.temperature },
    humidity: { ...DEFAULT_COMFORT_BANDS.humidity },
    tvoc: { ...DEFAULT_COMFORT_BANDS.tvoc },
    ambientNoise: { ...DEFAULT_COMFORT_BANDS.ambientNoise },
  };
  if (text === undefined) return bands;
  const seen = new Set<BandKey>();
  for (const rawEntry of text.split(',')) {
    const entry = rawEntry.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) {
      throw new Error(
        `Comfort bands: entry "${entry}" has no value; expected KEY=VALUE with KEY one of ${KNOWN_KEYS}`,
      );
    }
    const name = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    const syntax = SYNTAX.find((s) => s.key.toLowerCase() === name.toLowerCase());
    if (!syntax) {
      throw new Error(
        `Comfort bands: unknown key "${name}" (value "${value}"); expected one of ${KNOWN_KEYS}`,
      );
    }
    if (seen.has(syntax.key)) {
      throw new Error(`Comfort bands: ${syntax.key} is given twice (value "${value}"); give each key once`);
    }
    seen.add(syntax.key);
    const m = syntax.pattern.exec(value);
    const parsed = m ? bandFrom(syntax.key, Number(m[1]), Number(m[2])) : undefined;
    if (!parsed) {
      throw new Error(`Comfort bands: bad value "${value}" for ${syntax.key}; expected ${syntax.expected}`);
    }
    Object.assign(bands, parsed);
  }
  return bands;
}

/**
 * The comfortable range of a metric in the unit it is shown in: values above `high` or below `low`
 * are outside it (either bound may be absent). People count is judged against the room's capacity
 * only; sound level has no range (undefined). The one place the bands are read as limits.
 */
export function comfortRange(
  metric: MetricName,
  bands: ComfortBands,
  unit: TemperatureUnit = 'celsius',
  capacity?: number,
): { low?: number; high?: number } | undefined {
  switch (metric) {
    case 'temperature': {
      const { low, high } = bands.temperature;
      return unit === 'fahrenheit'
        ? { low: celsiusToFahrenheit(low), high: celsiusToFahrenheit(high) }
        : { low, high };
    }
    case 'humidity':
      return { low: bands.humidity.low, high: bands.humidity.high };
    case 'tvoc':
      return { high: bands.tvoc.moderate };
    case 'ambientNoise':
      return { high: bands.ambientNoise.fair };
    case 'peopleCount':
      return capacity !== undefined && capacity > 0 ? { high: capacity } : undefined;
    case 'soundLevel':
      return undefined;
  }
}

/** Which side of the range a value lies on, if outside it. */
export function outsideRange(
  range: { low?: number; high?: number },
  value: number,
): 'above' | 'below' | undefined {
  if (range.high !== undefined && value > range.high) return 'above';
  if (range.low !== undefined && value < range.low) return 'below';
  return undefined;
}
