import assert from 'node:assert/strict';
import { checkSensors } from '../../src/handlers/check-sensors';
import type { PlanRoom } from '../../src/plan/plan-answer';
import { FJORD, fakeContext, ref } from './fake-context';

const NOTHING = { supported: false, configured: false };
/** A room whose device measures nothing. */
const CLOSET: PlanRoom = {
  id: 'ws-closet',
  displayName: 'Closet',
  floorId: 'floor-1',
  locationId: 'oslo',
  capabilities: {
    temperature: NOTHING,
    relativeHumidity: NOTHING,
    airQuality: NOTHING,
    ambientNoise: NOTHING,
    soundLevel: NOTHING,
    occupancyDetection: NOTHING,
  },
};
/** Enough hourly values for the longest read (16 days and a part hour). */
const steady = (v: number) => Array<number>(17 * 24).fill(v);

describe('handlers/checkSensors', () => {
  it('counts a room without sensors, reads nothing for it, names it in a note; a steady room is healthy', async () => {
    const rooms = [FJORD, CLOSET];
    const { ctx, fetched, unexpected } = fakeContext({
      rooms,
      request: { intent: 'health', workspaces: rooms.map(ref), allWorkspaces: true },
      readings: {
        [`${FJORD.id}:temperature`]: steady(21),
        [`${FJORD.id}:humidity`]: steady(40),
        [`${FJORD.id}:tvoc`]: steady(120),
        [`${FJORD.id}:ambientNoise`]: steady(30),
        [`${FJORD.id}:soundLevel`]: steady(35),
      },
    });
    const reply = await checkSensors(ctx);
    assert.ok(!Array.isArray(reply));
    assert.deepEqual(unexpected, []);
    assert.ok(fetched.every((f) => f.room.id === FJORD.id));
    const markdown = reply.markdown;
    assert.match(markdown, /^\*\*Sensor health · all rooms · 2 rooms \(Europe\/Oslo\)\*\*/);
    assert.match(markdown, /_No sensors to check in Closet\._/);
    assert.match(markdown, /Every sensor is reporting, with no impossible values\./);
    assert.match(markdown, /✅ 1 room healthy: Fjord$/);
  });
});
