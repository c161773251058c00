import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { checkUsual } from '../../src/metrics/usual-check';
import { bucket, HOUR, reading } from './helpers';

const ZONE = 'Europe/Oslo';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

/** Six Thursdays of hourly noise buckets before Thu 3 Dec 2026: 30 dBA at night, 40 in the day. */
function history(): ReturnType<typeof bucket>[] {
  const points = [];
  for (let k = 1; k <= 6; k++) {
    const day = DateTime.fromMillis(at('2026-12-03T00:00'), { zone: ZONE }).minus({ weeks: k });
    for (let h = 0; h < 24; h++) {
      const t = day.plus({ hours: h }).toMillis();
      points.push(bucket(t, h >= 8 && h < 17 ? 40 + (k % 3) : 30 + (k % 2)));
    }
  }
  return points;
}

describe("usual check: a window against the room's own usual", () => {
  it('names the known anomaly: the latest reading of an answer about now', () => {
    const now = [reading(at('2026-12-03T14:20'), 55), reading(at('2026-12-03T14:25'), 62)];
    const check = checkUsual('ambientNoise', now, history(), { timeZone: ZONE, latestOnly: true });
    assert.equal(check.kind, 'unusual');
    assert.ok(check.kind === 'unusual');
    assert.equal(check.baseline.median, 41);
    assert.equal(check.text, '21 dBA louder than a usual Thursday afternoon here (usual 41 dBA)');
  });

  it('in a window, the most unusual hour; ordinary hours say nothing', () => {
    const day = (noisyAt: number | undefined) =>
      Array.from({ length: 15 }, (_, h) => {
        const t = at('2026-12-03T00:00') + h * HOUR;
        const usual = h >= 8 && h < 17 ? 41 : 30.5;
        return bucket(t, h === noisyAt ? 70 : h === 11 ? 52 : usual);
      });
    const noisy = checkUsual('ambientNoise', day(13), history(), { timeZone: ZONE });
    assert.ok(noisy.kind === 'unusual');
    assert.equal(noisy.at, at('2026-12-03T13:00'));
    const ordinary = checkUsual(
      'ambientNoise',
      day(undefined).filter((_, h) => h !== 11),
      history(),
      {
        timeZone: ZONE,
      },
    );
    assert.deepEqual(ordinary, { kind: 'usual' });
  });

  it('without 3 past weeks it cannot say', () => {
    const two = history().filter((p) => p.start > at('2026-11-18T00:00'));
    const now = [reading(at('2026-12-03T14:25'), 62)];
    assert.deepEqual(checkUsual('ambientNoise', now, two, { timeZone: ZONE, latestOnly: true }), {
      kind: 'unknown',
    });
  });
});
