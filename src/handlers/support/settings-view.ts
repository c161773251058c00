import type { SettingsView } from '../../cards';
import { BAND_KEYS, type ComfortBands, describeBand } from '../../model/comfort-bands';
import { METRIC_LABEL } from '../../model/metric-catalogue';
import { type SpaceSettings, spaceBands, workingHoursOf } from '../../model/space-settings';
import { unitLabel } from '../../model/units';
import { describeWorkingHours } from '../../model/working-hours';
import { shownBandNumbers } from './band-change';

/**
 * A space's settings as the settings card shows them: time zone, unit, working hours and every
 * comfort band (the form's values in the space's unit), each own setting marked as such.
 */
export function settingsView(space: SpaceSettings, deploymentBands: ComfortBands): SettingsView {
  const bands = spaceBands(deploymentBands, space);
  const own = space.comfortBands ?? {};
  const hours = workingHoursOf(space);
  return {
    timeZone: space.timeZone,
    temperatureUnit: unitLabel('temperature', space.unit),
    unitName: space.unit,
    workingHours: hours,
    workingHoursText: describeWorkingHours(hours),
    ownWorkingHours: space.workingHours !== undefined,
    bands: BAND_KEYS.map((key) => ({
      key,
      label: METRIC_LABEL[key],
      text: describeBand(key, bands, space.unit),
      own: own[key] !== undefined,
      defaultText: describeBand(key, deploymentBands, space.unit),
      numbers: shownBandNumbers(key, bands, space.unit),
    })),
  };
}
