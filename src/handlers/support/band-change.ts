import {
  type BandKey,
  bandFrom,
  bandNumbers,
  type ComfortBands,
  describeBand,
} from '../../model/comfort-bands';
import { METRIC_LABEL } from '../../model/metric-catalogue';
import { inApiUnit, inDisplayUnit } from '../../model/units';
import type { TemperatureUnit } from '../../webex/wire';

/** What a band must look like, said when one cannot be. */
const BAND_FORM: Record<BandKey, string> = {
  temperature: 'LOW-HIGH with LOW below HIGH, between −50 and 100 °C',
  humidity: 'LOW-HIGH in % with LOW below HIGH, between 0 and 100',
  tvoc: 'GOOD/MODERATE in ppb with GOOD below MODERATE, e.g. 220/660',
  ambientNoise: 'GOOD/FAIR in dBA with GOOD below FAIR, e.g. 40/50',
};

/**
 * A band a person asks for, its two numbers in `unit` (°F for temperature in a Fahrenheit space),
 * as stored (°C), or why it cannot be, in one line. The one check of a band asked for, in chat or
 * on the settings form.
 */
export function askedBand(
  key: BandKey,
  first: number,
  second: number,
  unit: TemperatureUnit,
): Partial<ComfortBands> | { problem: string } {
  const band = bandFrom(key, inApiUnit(key, first, unit), inApiUnit(key, second, unit));
  if (band) return band;
  const label = METRIC_LABEL[key];
  const article = /^[aeiou]/.test(label) ? 'An' : 'A';
  return { problem: `${article} ${label} band of ${first}–${second} cannot be: give ${BAND_FORM[key]}.` };
}

/** A band's two numbers as people see them: in `unit`, to 0.1 (the form's prefilled values). */
export function shownBandNumbers(key: BandKey, bands: ComfortBands, unit: TemperatureUnit): [number, number] {
  const [a, b] = bandNumbers(key, bands);
  const shown = (value: number) => Math.round(inDisplayUnit(key, value, unit) * 10) / 10;
  return [shown(a), shown(b)];
}

/**
 * A space's own bands with `keys` back to the deployment's defaults: the one reset, for the chat's
 * "reset the humidity band" and the settings form's "Back to the deployment's default".
 */
export function withDefaultBands(
  own: Partial<ComfortBands>,
  keys: readonly BandKey[],
): Partial<ComfortBands> {
  const next = { ...own };
  for (const key of keys) delete next[key];
  return next;
}

/** "humidity **30–50 %**", or "humidity **25–60 %** (the default)": a changed band as answers say it. */
export function changedBandText(
  key: BandKey,
  own: Partial<ComfortBands>,
  now: ComfortBands,
  unit: TemperatureUnit,
): string {
  return `${METRIC_LABEL[key]} **${describeBand(key, now, unit)}**${own[key] ? '' : ' (the default)'}`;
}
