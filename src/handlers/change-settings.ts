import { BAND_KEYS, type BandKey, bandFrom, type ComfortBands, describeBand } from '../model/comfort-bands';
import { METRIC_LABEL } from '../model/metric-catalogue';
import { spaceBands, workingHoursOf } from '../model/space-settings';
import { inApiUnit } from '../model/units';
import {
  DEFAULT_WORKING_HOURS,
  describeWorkingHours,
  type WorkingHours,
  workingHoursProblem,
} from '../model/working-hours';
import { settingsText } from './support/settings-text';
import type { Handler, HandlerContext, Reply } from './types';

/**
 * `settings`: shows the space's settings, or changes its time zone, temperature unit, working
 * hours or a comfort band. Anything that cannot be meant is answered with why, and nothing changes.
 */
export const changeSettings: Handler = async (ctx) => {
  const settings = ctx.request.settings ?? {};
  if (settings.problem) return { markdown: settings.problem };
  if (settings.show) return { markdown: settingsText(ctx.space, ctx.deploymentBands) };
  if (settings.workingHours || settings.resetWorkingHours) return changeWorkingHours(ctx);
  if (settings.band || settings.resetBands) return changeBand(ctx);
  await ctx.saveSpaceSettings({
    ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
    ...(settings.unit ? { unit: settings.unit } : {}),
  });
  const parts = [
    ...(settings.timeZone ? [`time zone **${settings.timeZone}**`] : []),
    ...(settings.unit ? [`temperature in **${settings.unit}**`] : []),
  ];
  return { markdown: `Done: this space now uses ${parts.join(' and ')}.` };
};

async function changeWorkingHours(ctx: HandlerContext): Promise<Reply> {
  const asked = ctx.request.settings ?? {};
  const next: WorkingHours = asked.resetWorkingHours
    ? { ...DEFAULT_WORKING_HOURS, days: [...DEFAULT_WORKING_HOURS.days] }
    : { ...workingHoursOf(ctx.space), ...asked.workingHours };
  const problem = workingHoursProblem(next);
  if (problem) return { markdown: `${problem} Nothing was changed.` };
  await ctx.saveSpaceSettings({ workingHours: next });
  return {
    markdown:
      `Done: working hours are now **${describeWorkingHours(next)}** (${ctx.space.timeZone}). ` +
      'Verdicts, rankings and reports judge comfort in them; readings outside them are shown, not judged.',
  };
}

const BAND_FORM: Record<BandKey, string> = {
  temperature: 'LOW-HIGH with LOW below HIGH, between −50 and 100 °C',
  humidity: 'LOW-HIGH in % with LOW below HIGH, between 0 and 100',
  tvoc: 'GOOD/MODERATE in ppb with GOOD below MODERATE, e.g. 220/660',
  ambientNoise: 'GOOD/FAIR in dBA with GOOD below FAIR, e.g. 40/50',
};

async function changeBand(ctx: HandlerContext): Promise<Reply> {
  const asked = ctx.request.settings ?? {};
  const own: Partial<ComfortBands> = { ...ctx.space.comfortBands };
  let changed: BandKey[];
  if (asked.resetBands) {
    changed = asked.resetBands === 'all' ? [...BAND_KEYS] : [asked.resetBands];
    for (const key of changed) delete own[key];
  } else {
    const { key, first, second, unit } = asked.band!;
    // Temperature bands are kept in °C: one asked in °F (or in a Fahrenheit space) is converted.
    const asUnit = unit ?? ctx.space.unit;
    const band = bandFrom(key, inApiUnit(key, first, asUnit), inApiUnit(key, second, asUnit));
    if (!band) {
      return {
        markdown: `A ${METRIC_LABEL[key]} band of ${first}–${second} cannot be: give ${BAND_FORM[key]}. Nothing was changed.`,
      };
    }
    Object.assign(own, band);
    changed = [key];
  }
  await ctx.saveSpaceSettings({ comfortBands: own });
  const now = spaceBands(ctx.deploymentBands, { comfortBands: own });
  const lines = changed.map(
    (key) =>
      `${METRIC_LABEL[key]} **${describeBand(key, now, ctx.space.unit)}**${own[key] ? '' : ' (the default)'}`,
  );
  return {
    markdown: `Done: comfort band${changed.length > 1 ? 's' : ''} for this space: ${lines.join('; ')}. Verdicts, alerts' suggested thresholds and reports use ${changed.length > 1 ? 'them' : 'it'}.`,
  };
}
