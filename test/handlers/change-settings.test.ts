import assert from 'node:assert/strict';
import { changeSettings } from '../../src/handlers/change-settings';
import type { HandlerContext, Reply, SpaceSettings } from '../../src/handlers/types';
import { parseRequest } from '../../src/language';
import { DEFAULT_COMFORT_BANDS, parseComfortBands, spaceBands } from '../../src/model';
import { fakeContext, NOW, SPACE_ROOM_ID, ZONE } from './fake-context';

const one = (reply: Reply | Reply[]) => (Array.isArray(reply) ? reply[0]! : reply);

/** The handler as the bot runs it: the request parsed from the text, settings saved to a list. */
function settingsChat(text: string, space: SpaceSettings = { timeZone: ZONE, unit: 'celsius' }) {
  const deployment = parseComfortBands('temperature=20-24');
  const fake = fakeContext();
  const saved: Partial<SpaceSettings>[] = [];
  const request = parseRequest(text, {
    now: NOW,
    timeZone: space.timeZone,
    directory: { workspaces: [], locations: [], floors: [] },
  });
  const ctx: HandlerContext = {
    ...fake.ctx,
    request,
    text,
    space: { ...space, roomId: SPACE_ROOM_ID },
    bands: spaceBands(deployment, space),
    deploymentBands: deployment,
    saveSpaceSettings: async (patch) => {
      saved.push(patch);
    },
  };
  return { run: async () => one(await changeSettings(ctx)).markdown, saved };
}

describe('handlers: changeSettings (working hours and comfort bands)', () => {
  it('"set working hours to 7-16" keeps the days, saves and says so with the zone', async () => {
    const chat = settingsChat('set working hours to 7-16');
    const reply = await chat.run();
    assert.deepEqual(chat.saved, [{ workingHours: { days: [1, 2, 3, 4, 5], start: '07:00', end: '16:00' } }]);
    assert.match(reply, /working hours are now \*\*Mon–Fri 07:00–16:00\*\* \(Europe\/Oslo\)/);
  });

  it('changes only the days when only days are given', async () => {
    const chat = settingsChat('working hours mon-thu', {
      timeZone: ZONE,
      unit: 'celsius',
      workingHours: { days: [1, 2, 3, 4, 5], start: '07:30', end: '16:30' },
    });
    await chat.run();
    assert.deepEqual(chat.saved, [{ workingHours: { days: [1, 2, 3, 4], start: '07:30', end: '16:30' } }]);
  });

  it('answers bad working hours clearly and changes nothing', async () => {
    for (const text of ['set working hours to 17-8', 'set working hours to 25-30', 'set working hours']) {
      const chat = settingsChat(text);
      const reply = await chat.run();
      assert.deepEqual(chat.saved, [], text);
      assert.match(reply, /must end after they start|not a time of day|Which working hours\?/, text);
    }
  });

  it('"reset working hours" goes back to Mon–Fri 08:00–17:00', async () => {
    const chat = settingsChat('reset working hours', {
      timeZone: ZONE,
      unit: 'celsius',
      workingHours: { days: [6], start: '10:00', end: '14:00' },
    });
    assert.match(await chat.run(), /Mon–Fri 08:00–17:00/);
    assert.deepEqual(chat.saved, [{ workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } }]);
  });

  it('"set comfort band for humidity to 20-55" keeps other own bands and says what is used', async () => {
    const chat = settingsChat('set comfort band for humidity to 20-55', {
      timeZone: ZONE,
      unit: 'celsius',
      comfortBands: { tvoc: { good: 300, moderate: 800 } },
    });
    const reply = await chat.run();
    assert.deepEqual(chat.saved, [
      { comfortBands: { tvoc: { good: 300, moderate: 800 }, humidity: { low: 20, high: 55 } } },
    ]);
    assert.match(reply, /humidity \*\*20–55 %\*\*/);
  });

  it('reads a temperature band in the space unit (°F) and keeps it in °C', async () => {
    const chat = settingsChat('set temperature band 68-73.4', { timeZone: ZONE, unit: 'fahrenheit' });
    const reply = await chat.run();
    const saved = chat.saved[0]!.comfortBands!.temperature!;
    assert.ok(Math.abs(saved.low - 20) < 1e-9 && Math.abs(saved.high - 23) < 1e-9, JSON.stringify(saved));
    assert.match(reply, /temperature \*\*68–73\.4 °F\*\*/);
  });

  it('refuses an upside-down band and changes nothing', async () => {
    const chat = settingsChat('set humidity band 60-25');
    assert.match(
      await chat.run(),
      /A humidity band of 60–25 cannot be: give LOW-HIGH in %.*Nothing was changed\./,
    );
    assert.deepEqual(chat.saved, []);
  });

  it("resetting a band goes back to the deployment's", async () => {
    const chat = settingsChat('reset the temperature band', {
      timeZone: ZONE,
      unit: 'celsius',
      comfortBands: { temperature: { low: 18, high: 22 } },
    });
    assert.match(await chat.run(), /temperature \*\*20–24 °C\*\* \(the default\)/);
    assert.deepEqual(chat.saved, [{ comfortBands: {} }]);
  });

  it('"settings" shows time zone, unit, working hours and every band, marking the space’s own', async () => {
    const chat = settingsChat('settings', {
      timeZone: ZONE,
      unit: 'celsius',
      workingHours: { days: [1, 2, 3, 4], start: '07:30', end: '16:30' },
      comfortBands: { humidity: { low: 20, high: 55 } },
    });
    const reply = await chat.run();
    assert.deepEqual(chat.saved, []);
    assert.match(reply, /Time zone: Europe\/Oslo/);
    assert.match(reply, /Working hours: Mon–Thu 07:30–16:30 \(Europe\/Oslo\) — comfort is judged in these/);
    assert.match(reply, /humidity: 20–55 % \(this space’s own\)/);
    assert.match(reply, /temperature: 20–24 °C\n/);
    assert.equal(DEFAULT_COMFORT_BANDS.humidity.low, 25);
    assert.match(reply, /air quality \(TVOC\): good up to 220 ppb, moderate up to 660 ppb/);
  });
});
