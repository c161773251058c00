import assert from 'node:assert/strict';
import {
  bandFrom,
  DEFAULT_COMFORT_BANDS,
  describeBand,
  parseComfortBands,
  spaceBands,
  validBands,
} from '../../src/model';

describe('model/comfort-bands', () => {
  it('has the documented defaults', () => {
    assert.deepEqual(DEFAULT_COMFORT_BANDS, {
      temperature: { low: 20, high: 24 },
      humidity: { low: 25, high: 60 },
      tvoc: { good: 220, moderate: 660 },
      ambientNoise: { good: 40, fair: 50 },
    });
  });

  it('gives the defaults for no setting or a blank one', () => {
    assert.deepEqual(parseComfortBands(undefined), DEFAULT_COMFORT_BANDS);
    assert.deepEqual(parseComfortBands('  '), DEFAULT_COMFORT_BANDS);
  });

  it('reads every key', () => {
    assert.deepEqual(parseComfortBands('temperature=19-23,humidity=30-55,tvoc=250/700,ambientNoise=38/48'), {
      temperature: { low: 19, high: 23 },
      humidity: { low: 30, high: 55 },
      tvoc: { good: 250, moderate: 700 },
      ambientNoise: { good: 38, fair: 48 },
    });
  });

  it('keeps the defaults of keys left out, and allows spaces, decimals and any key case', () => {
    const bands = parseComfortBands(' temperature = 19.5 - 23.5 , AMBIENTNOISE=38/48 ');
    assert.deepEqual(bands, {
      temperature: { low: 19.5, high: 23.5 },
      humidity: { low: 25, high: 60 },
      tvoc: { good: 220, moderate: 660 },
      ambientNoise: { good: 38, fair: 48 },
    });
  });

  it('returns a fresh object (the defaults cannot be changed through it)', () => {
    const bands = parseComfortBands(undefined);
    bands.temperature.high = 30;
    assert.equal(DEFAULT_COMFORT_BANDS.temperature.high, 24);
  });

  it('names the key, the bad value and the expected form for a malformed value', () => {
    assert.throws(
      () => parseComfortBands('temperature=19-23,tvoc=abc'),
      (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, /tvoc/);
        assert.match(e.message, /"abc"/);
        assert.match(e.message, /GOOD\/MODERATE/);
        return true;
      },
    );
    assert.throws(() => parseComfortBands('temperature=24-20'), /"24-20".*temperature.*LOW-HIGH/);
    assert.throws(() => parseComfortBands('humidity=30-120'), /"30-120".*humidity/);
    assert.throws(() => parseComfortBands('ambientNoise=50/40'), /"50\/40".*ambientNoise.*GOOD\/FAIR/);
    assert.throws(() => parseComfortBands('tvoc=220-660'), /"220-660".*tvoc/);
  });

  it('rejects unknown keys, entries without a value and repeated keys', () => {
    assert.throws(() => parseComfortBands('co2=400/800'), /unknown key "co2".*"400\/800".*temperature/);
    assert.throws(() => parseComfortBands('temperature'), /"temperature" has no value/);
    assert.throws(() => parseComfortBands('tvoc=200/600,tvoc=300/700'), /tvoc is given twice/);
  });

  it('makes one band from two numbers, or nothing when they cannot be one', () => {
    assert.deepEqual(bandFrom('humidity', 25, 60), { humidity: { low: 25, high: 60 } });
    assert.deepEqual(bandFrom('tvoc', 250, 700), { tvoc: { good: 250, moderate: 700 } });
    assert.equal(bandFrom('humidity', 60, 25), undefined);
    assert.equal(bandFrom('humidity', 20, 120), undefined);
    assert.equal(bandFrom('temperature', -60, 20), undefined);
    assert.equal(bandFrom('ambientNoise', -1, 40), undefined);
  });

  it("lays a space's own bands over the deployment's, metric by metric", () => {
    const bands = spaceBands(parseComfortBands('temperature=19-23'), {
      comfortBands: { humidity: { low: 20, high: 55 } },
    });
    assert.deepEqual(bands.temperature, { low: 19, high: 23 });
    assert.deepEqual(bands.humidity, { low: 20, high: 55 });
    assert.deepEqual(bands.tvoc, DEFAULT_COMFORT_BANDS.tvoc);
    assert.equal(spaceBands(DEFAULT_COMFORT_BANDS, {}), DEFAULT_COMFORT_BANDS);
  });

  it('tells valid stored bands from damaged ones', () => {
    assert.equal(validBands({ humidity: { low: 25, high: 60 } }), true);
    assert.equal(validBands({ humidity: { low: 60, high: 25 } }), false);
  });

  it('describes bands as people read them, temperature in the space unit', () => {
    assert.equal(describeBand('temperature', DEFAULT_COMFORT_BANDS), '20–24 °C');
    assert.equal(describeBand('temperature', DEFAULT_COMFORT_BANDS, 'fahrenheit'), '68–75.2 °F');
    assert.equal(describeBand('humidity', DEFAULT_COMFORT_BANDS), '25–60 %');
    assert.equal(describeBand('tvoc', DEFAULT_COMFORT_BANDS), 'good up to 220 ppb, moderate up to 660 ppb');
  });
});
