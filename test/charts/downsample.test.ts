import assert from 'node:assert/strict';
import { type ChartPoint, downsample } from '../../src/charts';
import { makePoints } from './chart-fixtures';

const extremes = (points: ChartPoint[], pick: (p: ChartPoint) => number) => ({
  min: Math.min(...points.map(pick)),
  max: Math.max(...points.map(pick)),
});

describe('downsample', () => {
  const input = makePoints(720, { band: true, spikeAt: 301, dipAt: 517 });

  for (const maxPoints of [4, 5, 17, 60, 120, 719]) {
    it(`keeps first, last and the global extremes in at most ${maxPoints} points`, () => {
      const out = downsample(input, maxPoints);
      assert.ok(out.length <= maxPoints, `${out.length} ≤ ${maxPoints}`);
      assert.deepEqual(out[0], input[0]);
      assert.deepEqual(out.at(-1), input.at(-1));
      assert.deepEqual(
        extremes(out, (p) => p.mean),
        extremes(input, (p) => p.mean),
      );
      assert.equal(extremes(out, (p) => p.min!).min, extremes(input, (p) => p.min!).min, 'band floor kept');
      assert.equal(extremes(out, (p) => p.max!).max, extremes(input, (p) => p.max!).max, 'band ceiling kept');
      for (let i = 1; i < out.length; i++) assert.ok(out[i]!.t > out[i - 1]!.t, 'strictly in time order');
    });
  }

  it('keeps the spike and the dip as real points', () => {
    const out = downsample(input, 120);
    assert.ok(out.some((p) => p.t === input[301]!.t && p.mean === input[301]!.mean));
    assert.ok(out.some((p) => p.t === input[517]!.t && p.mean === input[517]!.mean));
  });

  it('returns short input unchanged (a copy) and does not touch its argument', () => {
    const short = makePoints(50);
    const frozen = structuredClone(short);
    const out = downsample(short, 120);
    assert.notEqual(out, short);
    assert.deepEqual(out, short);
    downsample(input, 60);
    assert.deepEqual(short, frozen);
  });

  it('adds no min/max to points that had none', () => {
    const out = downsample(makePoints(720), 60);
    assert.ok(out.every((p) => p.min === undefined && p.max === undefined));
  });

  it('sorts unsorted input and drops non-finite points', () => {
    const points: ChartPoint[] = [
      { t: 3, mean: 3 },
      { t: 1, mean: 1 },
      { t: 2, mean: Number.NaN },
      { t: 2, mean: 2 },
    ];
    assert.deepEqual(
      downsample(points, 10).map((p) => p.t),
      [1, 2, 3],
    );
  });

  it('refuses a budget below 4', () => {
    assert.throws(() => downsample(input, 3), RangeError);
    assert.throws(() => downsample(input, 10.5), RangeError);
  });
});
