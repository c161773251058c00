/**
 * Synthetic Webex organisation and its sensor model, for the local Webex API emulator.
 * Everything here is pure: a function of the seed, the workspace and the instants passed in.
 */
export {
  ALL_SENSOR_METRICS,
  type BuildOrganisationOptions,
  buildOrganisation,
  DEFAULT_WORKSPACE_COUNT,
} from './build-organisation';
export {
  CAPABILITY_OF_METRIC,
  type CapabilityName,
  type CapabilityState,
  capabilitiesOf,
  type WorkspaceCapabilities,
} from './capabilities';
export {
  type Booking,
  type Interval,
  type OccupancySession,
  SAMPLE_INTERVAL_MS,
  WORKDAY_END_HOUR,
  WORKDAY_START_HOUR,
} from './schedule';
export {
  durationMinutes,
  scheduleBetween,
  scriptSensor,
  sensorGapsBetween,
  sensorSamples,
  type WorkspaceSchedule,
} from './sensors';
export type {
  DurationMeasurement,
  Organisation,
  Sample,
  SensorMetric,
  SensorProfile,
  SyntheticFloor,
  SyntheticLocation,
  SyntheticWorkspace,
  WeeklySensorGap,
  WorkspaceType,
} from './types';
