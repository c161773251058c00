import type { Handler } from './types';

/** `settings`: the space's time zone and temperature unit. */
export const changeSettings: Handler = async (ctx) => {
  const settings = ctx.request.settings ?? {};
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
