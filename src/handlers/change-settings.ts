import { settingsCard } from '../cards';
import { BAND_KEYS, type BandKey, type ComfortBands } from '../model/comfort-bands';
import { spaceBands, workingHoursOf } from '../model/space-settings';
import {
  DEFAULT_WORKING_HOURS,
  describeWorkingHours,
  type WorkingHours,
  workingHoursProblem,
} from '../model/working-hours';
import { askedBand, changedBandText, withDefaultBands } from './support/band-change';
import { settingsView } from './support/settings-view';
import type { Handler, HandlerContext, Reply } from './types';

/**
 * `settings`: shows the space's settings, or changes its time zone, temperature unit, working
 * hours or a comfort band. Anything that cannot be meant is answered with why, and nothing changes.
 */
export const changeSettings: Handler = async (ctx) => {
  const settings = ctx.request.settings ?? {};
  if (settings.problem) return { markdown: settings.problem };
  if (settings.show) return settingsCard(settingsView(ctx.space, ctx.deploymentBands));
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

async function changeBand(ctx: HandlerContext): Promise<Reply> {
  const asked = ctx.request.settings ?? {};
  let own: Partial<ComfortBands> = { ...ctx.space.comfortBands };
  let changed: BandKey[];
  if (asked.resetBands) {
    changed = asked.resetBands === 'all' ? [...BAND_KEYS] : [asked.resetBands];
    own = withDefaultBands(own, changed);
  } else {
    const { key, first, second, unit } = asked.band!;
    // Temperature bands are kept in °C: one asked in °F (or in a Fahrenheit space) is converted.
    const band = askedBand(key, first, second, unit ?? ctx.space.unit);
    if ('problem' in band) return { markdown: `${band.problem} Nothing was changed.` };
    Object.assign(own, band);
    changed = [key];
  }
  await ctx.saveSpaceSettings({ comfortBands: own });
  const now = spaceBands(ctx.deploymentBands, { comfortBands: own });
  const lines = changed.map((key) => changedBandText(key, own, now, ctx.space.unit));
  return {
    markdown: `Done: comfort band${changed.length > 1 ? 's' : ''} for this space: ${lines.join('; ')}. Verdicts, alerts' suggested thresholds and reports use ${changed.length > 1 ? 'them' : 'it'}.`,
  };
}
