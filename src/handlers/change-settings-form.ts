import { escapeMarkdown } from '../cards';
import { SETTINGS_FORM_BANDS, SETTINGS_FORM_RESET, type SettingsFormInputs } from '../model/card-actions';
import { BAND_KEYS, type BandKey, type ComfortBands } from '../model/comfort-bands';
import { spaceBands, workingHoursOf } from '../model/space-settings';
import {
  describeWorkingHours,
  type Weekday,
  type WorkingHours,
  workingHoursProblem,
} from '../model/working-hours';
import { askedBand, changedBandText, shownBandNumbers, withDefaultBands } from './support/band-change';
import { type FieldProblem, formNumberField, notAChoice } from './support/form-fields';
import type { HandlerContext, Reply } from './types';

type Problem = FieldProblem;

/**
 * The settings card's form: comfort bands (temperature in the space's unit) and working hours,
 * checked exactly as when asked for in chat. A bad field is answered in one line naming it, and
 * nothing changes; otherwise what differs from the current settings is saved and said, with who.
 */
export async function changeSettingsFromForm(ctx: HandlerContext, form: SettingsFormInputs): Promise<Reply> {
  const current = spaceBands(ctx.deploymentBands, ctx.space);
  const reset = readReset(form);
  if ('problem' in reset) return { markdown: `${reset.problem} Nothing was changed.` };
  const bands = readBands(ctx, form, current, reset);
  if ('problem' in bands) return { markdown: `${bands.problem} Nothing was changed.` };
  const hours = readHours(form, workingHoursOf(ctx.space));
  if ('problem' in hours) return { markdown: `${hours.problem} Nothing was changed.` };

  // A band back to the default changes only when the space had its own.
  const ownBefore = ctx.space.comfortBands ?? {};
  const changedKeys = BAND_KEYS.filter(
    (key) => bands[key] !== undefined || (reset.includes(key) && ownBefore[key] !== undefined),
  );
  const hoursChanged = describeWorkingHours(hours) !== describeWorkingHours(workingHoursOf(ctx.space));
  if (changedKeys.length === 0 && !hoursChanged) {
    return { markdown: "Nothing to change: the form held this space's current settings." };
  }
  // The chat's own reset ("reset the humidity band"), after the bands the form sets.
  const own = withDefaultBands({ ...ownBefore, ...bands }, reset);
  await ctx.saveSpaceSettings({
    ...(changedKeys.length > 0 ? { comfortBands: own } : {}),
    ...(hoursChanged ? { workingHours: hours } : {}),
  });
  const now = spaceBands(ctx.deploymentBands, { comfortBands: own });
  const changes = [
    ...changedKeys.map((key) => changedBandText(key, own, now, ctx.space.unit)),
    ...(hoursChanged ? [`working hours **${describeWorkingHours(hours)}** (${ctx.space.timeZone})`] : []),
  ];
  const who = escapeMarkdown(await ctx.displayName(ctx.person.id, ctx.person.email || 'someone'));
  return {
    markdown: `Done: ${who} set ${changes.join('; ')} for this space. Verdicts, rankings, alerts' suggested thresholds and reports use them.`,
  };
}

/** The bands picked to go back to the deployment's default; any other value is refused by name. */
function readReset(form: SettingsFormInputs): BandKey[] | Problem {
  const picked = (form.resetBands ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const keys: BandKey[] = [];
  for (const text of picked) {
    const key = BAND_KEYS.find((k) => k === text);
    if (!key)
      return { problem: `${notAChoice(text)}Pick bands the form lists (${SETTINGS_FORM_RESET.name}).` };
    keys.push(key);
  }
  return keys;
}

/**
 * The bands the form changes (as stored, °C), or the first field that cannot be. A band going back
 * to the default is not read: the numbers shown for it are replaced.
 */
function readBands(
  ctx: HandlerContext,
  form: SettingsFormInputs,
  current: ComfortBands,
  reset: readonly BandKey[],
): Partial<ComfortBands> | Problem {
  const changed: Partial<ComfortBands> = {};
  for (const key of BAND_KEYS) {
    if (reset.includes(key)) continue;
    const numbers = readNumbers(key, form);
    if ('problem' in numbers) return numbers;
    const [first, second] = numbers;
    // Left as prefilled: unchanged (a °F value shown to 0.1 would not convert back exactly).
    const [shownFirst, shownSecond] = shownBandNumbers(key, current, ctx.space.unit);
    if (first === shownFirst && second === shownSecond) continue;
    const band = askedBand(key, first, second, ctx.space.unit);
    if ('problem' in band) return band;
    Object.assign(changed, band);
  }
  return changed;
}

function readNumbers(key: BandKey, form: SettingsFormInputs): [number, number] | Problem {
  const { ids, names } = SETTINGS_FORM_BANDS[key];
  const numbers: number[] = [];
  for (const i of [0, 1] as const) {
    const value = formNumberField(form[ids[i]], names[i]);
    if (value === undefined) return { problem: `Fill in ${names[i]}.` };
    if (typeof value !== 'number') return value;
    numbers.push(value);
  }
  return [numbers[0]!, numbers[1]!];
}

/** The working hours the form holds, or why they cannot be (the chat's own check). */
function readHours(form: SettingsFormInputs, current: WorkingHours): WorkingHours | Problem {
  const days = (form.days ?? '')
    .split(',')
    .map((day) => day.trim())
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b) as Weekday[];
  const start = form.start?.trim() ?? '';
  const asked = form.end?.trim() ?? '';
  // The form shows an end of 24:00 as 23:59 (a time input has no 24:00): left so, it is unchanged.
  const end = asked === '23:59' && current.end === '24:00' ? '24:00' : asked;
  if (start === '') return { problem: 'Fill in when working hours start.' };
  if (end === '') return { problem: 'Fill in when working hours end.' };
  const hours: WorkingHours = { days, start, end };
  const problem = workingHoursProblem(hours);
  return problem ? { problem: escapeMarkdown(problem) } : hours;
}
