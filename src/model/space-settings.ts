import type { TemperatureUnit } from '../webex/wire';
import { type ComfortBands, withOwnBands } from './comfort-bands';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from './working-hours';

/**
 * What a Webex space has chosen: its IANA time zone, its temperature unit, when comfort is judged
 * and, metric by metric, its own comfort bands.
 */
export interface SpaceSettings {
  timeZone: string;
  unit: TemperatureUnit;
  /** When comfort is judged, in `timeZone`; absent: {@link DEFAULT_WORKING_HOURS}. */
  workingHours?: WorkingHours;
  /** This space's own comfort bands (°C for temperature); metrics left out keep the deployment's. */
  comfortBands?: Partial<ComfortBands>;
}

/** The working hours a space judges comfort in. */
export const workingHoursOf = (space: Pick<SpaceSettings, 'workingHours'>): WorkingHours =>
  space.workingHours ?? DEFAULT_WORKING_HOURS;

/** The comfort bands a space judges by: the deployment's, with the space's own over them. */
export const spaceBands = (
  deployment: ComfortBands,
  space: Pick<SpaceSettings, 'comfortBands'>,
): ComfortBands => withOwnBands(deployment, space.comfortBands);
