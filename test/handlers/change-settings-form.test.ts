import assert from 'node:assert/strict';
import { settingsCard } from '../../src/cards';
import { changeSettingsFromForm } from '../../src/handlers/change-settings-form';
import { settingsView } from '../../src/handlers/support/settings-view';
import type { HandlerContext, SpaceSettings } from '../../src/handlers/types';
import { parseComfortBands, spaceBands } from '../../src/model';
import { actionInputsSchema, type SettingsFormInputs } from '../../src/model/card-actions';
import { fakeContext, SPACE_ROOM_ID, ZONE } from './fake-context';

const DEPLOYMENT = parseComfortBands(undefined);

/** What the settings card's form sends when submitted as prefilled (as a client sends it: text). */
function prefilled(space: SpaceSettings): Record<string, string> {
  const show = settingsCard(settingsView(space, DEPLOYMENT)).card.actions![0] as {
    card: { body: { id?: string; value?: unknown }[] };
  };
  return Object.fromEntries(
    show.card.body.filter((e) => e.id !== undefined).map((e) => [e.id!, String(e.value)]),
  );
}

/** Submits the form with some fields changed, through the schema as the bot does. */
async function submit(
  changes: Record<string, string>,
  space: SpaceSettings = { timeZone: ZONE, unit: 'celsius' },
) {
  const saved: Partial<SpaceSettings>[] = [];
  const ctx: HandlerContext = {
    ...fakeContext().ctx,
    space: { ...space, roomId: SPACE_ROOM_ID },
    bands: spaceBands(DEPLOYMENT, space),
    deploymentBands: DEPLOYMENT,
    saveSpaceSettings: async (patch) => {
      saved.push(patch);
    },
  };
  const inputs = actionInputsSchema.parse({ ...prefilled(space), ...changes, kind: 'settings-form' });
  const reply = await changeSettingsFromForm(ctx, inputs as SettingsFormInputs);
  return { reply: reply.markdown, saved };
}

describe('handlers: the settings form (comfort bands and working hours)', () => {
  it('saves a new humidity band and working hours, and says what changed and who set it', async () => {
    const { reply, saved } = await submit({
      humidityLow: '30',
      humidityHigh: '50',
      days: '1,2,3,4',
      start: '07:00',
      end: '15:00',
    });
    assert.deepEqual(saved, [
      {
        comfortBands: { humidity: { low: 30, high: 50 } },
        workingHours: { days: [1, 2, 3, 4], start: '07:00', end: '15:00' },
      },
    ]);
    assert.match(
      reply,
      /^Done: Ada Lovelace set humidity \*\*30–50 %\*\*; working hours \*\*Mon–Thu 07:00–15:00\*\* \(Europe\/Oslo\)/,
    );
    assert.doesNotMatch(reply, /temperature|TVOC|noise/, 'only what changed');
  });

  it('reads temperature in °F in a Fahrenheit space and keeps it in °C; untouched fields stay as they were', async () => {
    const space: SpaceSettings = {
      timeZone: ZONE,
      unit: 'fahrenheit',
      comfortBands: { tvoc: { good: 300, moderate: 800 } },
    };
    const { reply, saved } = await submit({ temperatureLow: '68', temperatureHigh: '73.4' }, space);
    const own = saved[0]!.comfortBands!;
    assert.ok(Math.abs(own.temperature!.low - 20) < 1e-9 && Math.abs(own.temperature!.high - 23) < 1e-9);
    assert.deepEqual(own.tvoc, { good: 300, moderate: 800 });
    assert.equal(saved[0]!.workingHours, undefined, 'working hours as they were: not saved');
    assert.match(reply, /temperature \*\*68–73\.4 °F\*\*/);
  });

  it('a form submitted as prefilled changes nothing', async () => {
    const { reply, saved } = await submit({}, { timeZone: ZONE, unit: 'fahrenheit' });
    assert.deepEqual(saved, []);
    assert.match(reply, /Nothing to change/);
  });

  it('an end of 24:00 (shown as 23:59, a time input has none) left as it was stays 24:00', async () => {
    const space: SpaceSettings = {
      timeZone: ZONE,
      unit: 'celsius',
      workingHours: { days: [6, 7], start: '10:00', end: '24:00' },
    };
    assert.equal(prefilled(space).end, '23:59');
    const { reply, saved } = await submit({ humidityHigh: '55' }, space);
    assert.deepEqual(saved, [{ comfortBands: { humidity: { low: 25, high: 55 } } }]);
    assert.doesNotMatch(reply, /working hours/);
  });

  it('puts an own band back to the deployment’s default, as "reset the humidity band" does, and says who', async () => {
    const space: SpaceSettings = {
      timeZone: ZONE,
      unit: 'celsius',
      comfortBands: { humidity: { low: 30, high: 50 }, tvoc: { good: 300, moderate: 800 } },
    };
    // The humidity numbers are left as shown (30–50): picking the default replaces them.
    const { reply, saved } = await submit({ resetBands: 'humidity' }, space);
    assert.deepEqual(saved, [{ comfortBands: { tvoc: { good: 300, moderate: 800 } } }]);
    assert.equal(
      reply,
      "Done: Ada Lovelace set humidity **25–60 %** (the default) for this space. Verdicts, rankings, alerts' suggested thresholds and reports use them.",
    );
    // With a band changed beside it, both are said.
    const both = await submit({ resetBands: 'tvoc', humidityLow: '35' }, space);
    assert.deepEqual(both.saved, [{ comfortBands: { humidity: { low: 35, high: 50 } } }]);
    assert.match(
      both.reply,
      /set humidity \*\*35–50 %\*\*; air quality \(TVOC\) \*\*good up to 220 ppb, moderate up to 660 ppb\*\* \(the default\) for this space/,
    );
  });

  it('a band back to the default that is the default already, or a forged one, changes nothing', async () => {
    const same = await submit({ resetBands: 'humidity' });
    assert.deepEqual(same.saved, []);
    assert.match(same.reply, /^Nothing to change/);
    const space: SpaceSettings = {
      timeZone: ZONE,
      unit: 'celsius',
      comfortBands: { humidity: { low: 30, high: 50 } },
    };
    for (const resetBands of ['pressure', 'humidity,co2', '<b>all</b>']) {
      const { reply, saved } = await submit({ resetBands, humidityHigh: '55' }, space);
      assert.deepEqual(saved, [], resetBands);
      assert.match(
        reply,
        /^".+" is not a choice\. Pick bands the form lists \(Back to the deployment's default\)\. Nothing was changed\.$/,
      );
    }
  });

  it('a bad field is answered in one line naming it, and nothing changes', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { humidityLow: '60', humidityHigh: '25' },
        /^A humidity band of 60–25 cannot be: give LOW-HIGH in %.*Nothing was changed\.$/,
      ],
      [{ humidityHigh: '120' }, /^A humidity band of 25–120 cannot be/],
      [{ noiseGood: '55' }, /^An ambient noise band of 55–50 cannot be/],
      [{ tvocGood: '' }, /^Fill in TVOC good up to\. Nothing was changed\.$/],
      [{ temperatureHigh: 'warm' }, /^"warm" is not a number \(temperature high\)\. Nothing was changed\.$/],
      [{ days: '' }, /^Working hours need at least one day.*Nothing was changed\.$/],
      [{ days: '1,9' }, /^Working days must be Monday to Sunday/],
      [
        { start: '17:00', end: '08:00' },
        /^Working hours must end after they start \(17:00–08:00\).*Nothing was changed\.$/,
      ],
      [{ start: '25:00' }, /^"25:00" is not a time of day/],
      [{ end: '' }, /^Fill in when working hours end\./],
    ];
    for (const [changes, expected] of cases) {
      // A good change beside the bad one is not saved either.
      const { reply, saved } = await submit({ tvocModerate: '700', ...changes });
      assert.deepEqual(saved, [], JSON.stringify(changes));
      assert.match(reply, expected, JSON.stringify(changes));
      assert.equal(reply.split('\n').length, 1);
    }
  });
});
