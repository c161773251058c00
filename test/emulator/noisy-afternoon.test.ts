/**
 * The organisation's one unusual afternoon, as the API answers it: Room 40's noise on Thu 3 Dec 2026
 * 13:00–16:00 Oslo is far above the same hours of the Thursdays before, and the hours around it and
 * the other rooms are their ordinary selves.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { NOISY_AFTERNOON } from '../../src/emulator/org/catalogue';
import type { ListResponse, Workspace } from '../../src/webex/wire';
import { apiReadings, call, useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { median } from '../support/median';

const ZONE = 'Europe/Oslo';
const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-04T12:00:00+01:00');
const thursday = (hour: number, weeksBefore = 0) =>
  DateTime.fromISO(`2026-12-03T${String(hour).padStart(2, '0')}:00`, { zone: ZONE })
    .minus({ weeks: weeksBefore })
    .toMillis();

describe('emulator organisation: a room whose noise is unusual on one afternoon', () => {
  const emulator = useEmulator({ now: new FakeClock(NOW).now });
  let ids: Map<string, string>;
  before(async () => {
    const answer = await call(emulator.current, 'GET', '/workspaces?max=1000');
    ids = new Map((answer.body as ListResponse<Workspace>).items.map((w) => [w.displayName, w.id]));
  });
  const hourMean = async (name: string, metric: string, from: number) => {
    const buckets = await apiReadings(emulator.current, ids.get(name)!, metric, from, from + HOUR, 'hourly');
    assert.equal(buckets.length, 1, `${name} ${metric} ${new Date(from).toISOString()}`);
    return buckets[0]!.value;
  };

  it('is fixed at Thu 3 Dec 2026 13:00–16:00 Oslo', () => {
    assert.equal(Date.parse(NOISY_AFTERNOON.from), thursday(13));
    assert.equal(Date.parse(NOISY_AFTERNOON.to), thursday(16));
  });

  it("Room 40's ambient noise in those hours is at least 20 dBA above its usual Thursday hour", async () => {
    for (const hour of [13, 14, 15]) {
      const past = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((k) => hourMean('Room 40', 'ambientNoise', thursday(hour, k))),
      );
      const usual = median(past);
      const that = await hourMean('Room 40', 'ambientNoise', thursday(hour));
      assert.ok(that - usual >= 20, `${hour}:00: ${that} against usual ${usual} (${past.join(', ')})`);
      assert.ok(that >= 80 && that <= 90, `${hour}:00: ${that}`);
      // Sound level hears it too (at least the noise).
      assert.ok((await hourMean('Room 40', 'soundLevel', thursday(hour))) >= that);
    }
  });

  it('the hours around it, and the other rooms of floor 3 then, are ordinary', async () => {
    for (const hour of [12, 16]) assert.ok((await hourMean('Room 40', 'ambientNoise', thursday(hour))) < 50);
    for (const name of ['Boardroom', 'Fjord', 'Huddle 3.2'])
      assert.ok((await hourMean(name, 'ambientNoise', thursday(14))) <= 56, name);
    // Raw readings: none of Room 40's before 13:00 is loud; every one from 13:00 to 16:00 is.
    const raw = await apiReadings(
      emulator.current,
      ids.get('Room 40')!,
      'ambientNoise',
      thursday(12),
      thursday(17),
    );
    const loud = raw.filter((r) => r.value >= 80).map((r) => r.t);
    assert.equal(loud.length, 36);
    assert.equal(Math.min(...loud), thursday(13));
    assert.equal(Math.max(...loud), thursday(16) - 5 * 60_000);
  });
});
