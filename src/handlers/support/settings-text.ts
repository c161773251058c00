import { BAND_KEYS, type ComfortBands, describeBand } from '../../model/comfort-bands';
import { METRIC_LABEL } from '../../model/metric-catalogue';
import { type SpaceSettings, spaceBands, workingHoursOf } from '../../model/space-settings';
import { describeWorkingHours } from '../../model/working-hours';

/**
 * A space's settings as the chat shows them: time zone, unit, working hours and every comfort
 * band, each own setting marked as such, and how to change them.
 */
export function settingsText(space: SpaceSettings, deploymentBands: ComfortBands): string {
  const bands = spaceBands(deploymentBands, space);
  const own = space.comfortBands ?? {};
  const hours = describeWorkingHours(workingHoursOf(space));
  const bandLines = BAND_KEYS.map(
    (key) =>
      `  - ${METRIC_LABEL[key]}: ${describeBand(key, bands, space.unit)}${own[key] ? ' (this space’s own)' : ''}`,
  );
  return [
    '**Settings of this space**',
    `- Time zone: ${space.timeZone}`,
    `- Temperature unit: ${space.unit}`,
    `- Working hours: ${hours} (${space.timeZone})${space.workingHours ? '' : ' (the default)'} — comfort is judged in these`,
    '- Comfort bands:',
    ...bandLines,
    '',
    'Change them with e.g. "set working hours to 7-16 mon-thu", "set comfort band for humidity to 25-60", ' +
      '"reset comfort bands", "use fahrenheit" or "set time zone to Europe/Oslo".',
  ].join('\n');
}
