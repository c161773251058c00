import assert from 'node:assert/strict';
import { type AdaptiveCardJson, SETTINGS_FORM_TITLE, settingsCard } from '../../src/cards';
import { settingsView } from '../../src/handlers/support/settings-view';
import { DEFAULT_COMFORT_BANDS, type SpaceSettings } from '../../src/model';
import { assertValidMessage, cardText } from './card-checks';

interface Input {
  type: string;
  id: string;
  label: string;
  value?: unknown;
  isMultiSelect?: boolean;
  choices?: { title: string; value: string }[];
}

/** The settings card of a space, checked, and its form's inputs by id. */
function settingsOf(space: SpaceSettings) {
  const message = settingsCard(settingsView(space, DEFAULT_COMFORT_BANDS));
  const card = assertValidMessage(message);
  const show = card.actions?.[0];
  assert.equal(show?.type, 'Action.ShowCard');
  assert.equal(show.title, SETTINGS_FORM_TITLE);
  const form = (show as { card: AdaptiveCardJson }).card;
  const inputs = (form.body as unknown as Input[]).filter((e) => e.type.startsWith('Input.'));
  return { message, card, form, byId: Object.fromEntries(inputs.map((e) => [e.id, e])) };
}

describe('cards: settings (with the comfort bands and working hours form)', () => {
  it('shows the settings and offers a form prefilled with them, in the space’s unit', () => {
    const { message, card, form, byId } = settingsOf({
      timeZone: 'Europe/Oslo',
      unit: 'fahrenheit',
      workingHours: { days: [1, 2, 3, 4], start: '07:30', end: '16:30' },
      comfortBands: { humidity: { low: 30, high: 55 } },
    });
    const text = cardText(card);
    assert.match(text, /Working hours/);
    assert.match(text, /Mon–Thu 07:30–16:30 \(Europe\/Oslo\)/);
    assert.match(text, /30–55 % \(this space’s own\)/);
    assert.match(text, /68–75\.2 °F/);
    assert.deepEqual(Object.keys(byId), [
      'temperatureLow',
      'temperatureHigh',
      'humidityLow',
      'humidityHigh',
      'tvocGood',
      'tvocModerate',
      'noiseGood',
      'noiseFair',
      'resetBands',
      'days',
      'start',
      'end',
    ]);
    // Only the space's own band can go back to the default, which it names (the deployment's).
    assert.equal(byId.resetBands!.label, "Back to the deployment's default (instead of the numbers above)");
    assert.equal(byId.resetBands!.isMultiSelect, true);
    assert.deepEqual(byId.resetBands!.choices, [{ title: 'Humidity: 25–60 %', value: 'humidity' }]);
    assert.equal(byId.resetBands!.value, '', 'nothing reset unless picked');
    assert.equal(byId.temperatureLow!.label, 'Temperature low (°F)');
    assert.equal(byId.temperatureLow!.value, 68);
    assert.equal(byId.temperatureHigh!.value, 75.2);
    assert.equal(byId.humidityLow!.value, 30);
    assert.equal(byId.humidityHigh!.value, 55);
    assert.equal(byId.tvocModerate!.value, 660);
    assert.equal(byId.noiseFair!.label, 'Ambient noise fair up to (dBA)');
    assert.equal(byId.noiseFair!.value, 50);
    assert.equal(byId.days!.isMultiSelect, true);
    assert.deepEqual(
      byId.days!.choices!.map((c) => c.title),
      ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    );
    assert.equal(byId.days!.value, '1,2,3,4');
    assert.equal(byId.start!.type, 'Input.Time');
    assert.equal(byId.start!.value, '07:30');
    assert.equal(byId.end!.value, '16:30');
    assert.match(byId.start!.label, /Europe\/Oslo/);
    assert.deepEqual(form.actions, [
      { type: 'Action.Submit', title: 'Save', data: { kind: 'settings-form' } },
    ]);
    // The fallback says how to change them in words.
    assert.match(message.markdown, /Working hours: Mon–Thu 07:30–16:30 \(Europe\/Oslo\)/);
    assert.match(message.markdown, /Change them with e\.g\. "set working hours to 7-16 mon-thu"/);
  });

  it('prefills the defaults in °C for a space without its own settings', () => {
    const { byId, message } = settingsOf({ timeZone: 'America/New_York', unit: 'celsius' });
    assert.equal(byId.temperatureLow!.label, 'Temperature low (°C)');
    assert.deepEqual(
      [
        byId.temperatureLow!.value,
        byId.temperatureHigh!.value,
        byId.humidityLow!.value,
        byId.noiseGood!.value,
      ],
      [20, 24, 25, 40],
    );
    assert.equal(byId.days!.value, '1,2,3,4,5');
    assert.deepEqual([byId.start!.value, byId.end!.value], ['08:00', '17:00']);
    assert.match(message.markdown, /\(the default\)/);
    assert.equal(byId.resetBands, undefined, 'no own band: nothing to put back');
  });

  it('offers every own band back to the default, in the space’s unit; the card stays valid AC 1.3', () => {
    const { byId } = settingsOf({
      timeZone: 'Europe/Oslo',
      unit: 'fahrenheit',
      comfortBands: {
        temperature: { low: 19, high: 23 },
        tvoc: { good: 300, moderate: 800 },
        ambientNoise: { good: 35, fair: 45 },
      },
    });
    assert.deepEqual(
      byId.resetBands!.choices!.map((c) => `${c.value} ${c.title}`),
      [
        'temperature Temperature: 68–75.2 °F',
        'tvoc Air quality (TVOC): good up to 220 ppb, moderate up to 660 ppb',
        'ambientNoise Ambient noise: quiet up to 40 dBA, fair up to 50 dBA',
      ],
    );
  });
});
