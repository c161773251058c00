/**
 * "settings": a space's time zone, unit, working hours and comfort bands, and a form that changes
 * the bands and the working hours (prefilled with what holds now). A pure view: the bot checks
 * what the form sends back like any other input.
 */

import { SETTINGS_FORM_BANDS, SETTINGS_FORM_RESET } from '../model/card-actions';
import type { BandKey } from '../model/comfort-bands';
import {
  type AdaptiveCardJson,
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  factSet,
  type NumberInputJson,
  textBlock,
} from './adaptive-card';
import { formButton } from './automation-forms';
import { clampMarkdown } from './markdown';
import { subtleBlock, titleBlock } from './parts';
import { capitalize, cleanText, escapeMarkdown } from './text';

export interface SettingsBandView {
  key: BandKey;
  /** "humidity", "air quality (TVOC)" */
  label: string;
  /** "25–60 %" */
  text: string;
  /** The space's own band (not the deployment's). */
  own: boolean;
  /** The deployment's band, which resetting it brings back: "25–60 %". */
  defaultText: string;
  /** Its two numbers as the form shows them (temperature in the space's unit). */
  numbers: readonly [number, number];
}

export interface SettingsView {
  timeZone: string;
  /** "°C" or "°F" */
  temperatureUnit: string;
  /** "celsius" or "fahrenheit", as the setting is named. */
  unitName: string;
  workingHours: { days: readonly number[]; start: string; end: string };
  /** "Mon–Fri 08:00–17:00" */
  workingHoursText: string;
  ownWorkingHours: boolean;
  bands: readonly SettingsBandView[];
}

export const SETTINGS_FORM_TITLE = 'Change comfort bands and working hours';
const HOW_TO =
  'Change them with e.g. "set working hours to 7-16 mon-thu", "set comfort band for humidity to 25-60", ' +
  '"reset comfort bands", "use fahrenheit" or "set time zone to Europe/Oslo".';
const DAY_TITLES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const OWN = ' (this space’s own)';

function bandUnit(key: BandKey, view: SettingsView): string {
  return { temperature: view.temperatureUnit, humidity: '%', tvoc: 'ppb', ambientNoise: 'dBA' }[key];
}

export function settingsCard(view: SettingsView): CardMessage {
  const zone = escapeMarkdown(view.timeZone, 64);
  const hours = `${escapeMarkdown(view.workingHoursText)} (${zone})${view.ownWorkingHours ? '' : ' (the default)'}`;
  const markdown = [
    '**Settings of this space**',
    `- Time zone: ${zone}`,
    `- Temperature unit: ${view.unitName}`,
    `- Working hours: ${hours} — comfort is judged in these`,
    '- Comfort bands:',
    ...view.bands.map((b) => `  - ${b.label}: ${escapeMarkdown(b.text)}${b.own ? OWN : ''}`),
    '',
    HOW_TO,
  ].join('\n');
  const body: CardElementJson[] = [
    titleBlock('Settings of this space'),
    factSet([
      { title: 'Time zone', value: zone },
      { title: 'Temperature unit', value: view.unitName },
      { title: 'Working hours', value: hours },
      ...view.bands.map((b) => ({
        title: capitalize(b.label),
        value: `${escapeMarkdown(b.text)}${b.own ? OWN : ''}`,
      })),
    ]),
    subtleBlock('Comfort is judged in working hours; readings outside them are shown, not judged.'),
    subtleBlock(HOW_TO),
  ];
  return {
    card: adaptiveCard(body, [formButton(SETTINGS_FORM_TITLE, settingsForm(view))]),
    markdown: clampMarkdown(markdown),
  };
}

/**
 * The form: each band's two numbers, the working days, start and end, prefilled; and, when the
 * space has bands of its own, those to put back to the deployment's default (one list of
 * checkboxes: at 390 px it reads as one question, not a toggle under every band).
 */
export function settingsForm(view: SettingsView): AdaptiveCardJson {
  const bandInputs = view.bands.flatMap((band): NumberInputJson[] => {
    const { ids, names } = SETTINGS_FORM_BANDS[band.key];
    return [0, 1].map((i) => ({
      type: 'Input.Number',
      id: ids[i]!,
      label: `${capitalize(names[i]!)} (${bandUnit(band.key, view)})`,
      value: band.numbers[i]!,
      isRequired: true,
      errorMessage: 'Enter a number.',
    }));
  });
  const own = view.bands.filter((band) => band.own);
  const reset: CardElementJson[] =
    own.length === 0
      ? []
      : [
          {
            type: 'Input.ChoiceSet',
            id: SETTINGS_FORM_RESET.id,
            label: `${SETTINGS_FORM_RESET.name} (instead of the numbers above)`,
            isMultiSelect: true,
            style: 'expanded',
            choices: own.map((band) => ({
              title: `${capitalize(band.label)}: ${cleanText(band.defaultText, 80)}`,
              value: band.key,
            })),
            value: '',
          },
        ];
  const zone = cleanText(view.timeZone, 64);
  return adaptiveCard(
    [
      textBlock('Comfort bands', { weight: 'Bolder' }),
      ...bandInputs,
      ...reset,
      textBlock(`Working hours (${zone})`, { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'Input.ChoiceSet',
        id: 'days',
        label: 'Working days',
        isMultiSelect: true,
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Pick at least one day.',
        choices: DAY_TITLES.map((title, i) => ({ title, value: String(i + 1) })),
        value: view.workingHours.days.join(','),
      },
      {
        type: 'Input.Time',
        id: 'start',
        label: `Start (${zone})`,
        value: view.workingHours.start,
        isRequired: true,
        errorMessage: 'Pick a time.',
      },
      {
        type: 'Input.Time',
        id: 'end',
        label: `End (${zone})`,
        // A time input has no 24:00: the day's last minute stands for it.
        value: view.workingHours.end === '24:00' ? '23:59' : view.workingHours.end,
        isRequired: true,
        errorMessage: 'Pick a time.',
      },
    ],
    [{ type: 'Action.Submit', title: 'Save', data: { kind: 'settings-form' } }],
  );
}
