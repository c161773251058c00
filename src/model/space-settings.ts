import type { TemperatureUnit } from '../webex/wire';

/** What a Webex space has chosen: its IANA time zone and its temperature unit. */
export interface SpaceSettings {
  timeZone: string;
  unit: TemperatureUnit;
}
