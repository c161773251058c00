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

export const DEFAULT_COMFORT_BANDS: ComfortBands = Object.freeze({
  temperature: Object.freeze({ low: 20, high: 24 }),
  humidity: Object.freeze({ low: 30, high: 60 }),
  tvoc: Object.freeze({ good: 220, moderate: 660 }),
  ambientNoise: Object.freeze({ good: 40, fair: 50 }),
});

type BandKey = keyof ComfortBands;

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\s*-\\s*(${NUMBER})$`);
const PAIR = new RegExp(`^(${NUMBER})\\s*/\\s*(${NUMBER})$`);

interface KeySyntax {
  /** Canonical key. */
  key: BandKey;
  /** Human description of the expected value, for error messages. */
  expected: string;
  /** The band the value sets, or undefined when the value is malformed. */
  parse(value: string): Partial<ComfortBands> | undefined;
}

function parseRange(value: string, min: number, max: number): { low: number; high: number } | undefined {
  const m = RANGE.exec(value);
  if (!m) return undefined;
  const low = Number(m[1]);
  const high = Number(m[2]);
  if (!(low < high) || low < min || high > max) return undefined;
  return { low, high };
}

function parsePair(value: string): [number, number] | undefined {
  const m = PAIR.exec(value);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(a >= 0 && a < b)) return undefined;
  return [a, b];
}

const SYNTAX: readonly KeySyntax[] = [
  {
    key: 'temperature',
    expected: 'LOW-HIGH in °C with LOW < HIGH, e.g. temperature=20-24',
    parse: (v) => {
      const r = parseRange(v, -50, 100);
      return r && { temperature: r };
    },
  },
  {
    key: 'humidity',
    expected: 'LOW-HIGH in % between 0 and 100 with LOW < HIGH, e.g. humidity=30-60',
    parse: (v) => {
      const r = parseRange(v, 0, 100);
      return r && { humidity: r };
    },
  },
  {
    key: 'tvoc',
    expected: 'GOOD/MODERATE in ppb with GOOD < MODERATE, e.g. tvoc=220/660',
    parse: (v) => {
      const p = parsePair(v);
      return p && { tvoc: { good: p[0], moderate: p[1] } };
    },
  },
  {
    key: 'ambientNoise',
    expected: 'GOOD/FAIR in dBA with GOOD < FAIR, e.g. ambientNoise=40/50',
    parse: (v) => {
      const p = parsePair(v);
      return p && { ambientNoise: { good: p[0], fair: p[1] } };
    },
  },
];

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
    const parsed = syntax.parse(value);
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
