import type { DurationMeasurement, MetricName, WorkspaceType } from '../../webex/wire';

/** Sensor metrics a workspace device can report (raw readings, see `sensorSamples`). */
export type SensorMetric = MetricName;

/** Duration metrics (`/workspaceDurationMetrics`). */
export type { DurationMeasurement, WorkspaceType };

/** Webex workspace types. */

export interface SyntheticLocation {
  id: string;
  displayName: string;
  address: string;
  cityName: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  /** IANA zone; internal only (Webex locations do not expose it). */
  timeZone: string;
}

export interface SyntheticFloor {
  id: string;
  locationId: string;
  floorNumber: number;
  displayName: string;
}

/**
 * A weekly recurring window in which the workspace device is offline: no samples for any metric,
 * and `timeUsed` does not count the window (occupancy is unknown). Bookings are unaffected.
 */
export interface WeeklySensorGap {
  /** ISO weekday in the location's time zone: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** Local start time, minutes after local midnight (e.g. 600 = 10:00). */
  startMinute: number;
  /** Length of the gap in minutes. */
  durationMinutes: number;
}

/**
 * Parameters of the sensor model for one workspace. Everything the model does with a room
 * is driven by these numbers plus (seed, workspace id, time).
 */
export interface SensorProfile {
  /** Head-count scale for the people model: `capacity`, or an undeclared one when capacity is unset. */
  occupancyCapacity: number;
  /** Whether the room takes calendar bookings. Open areas and focus booths are walk-in only (timeBooked = 0). */
  bookable: boolean;
  /** 0..1: how tightly packed the daily meeting schedule is (share of back-to-back slots). */
  meetingDensity: number;
  /** 0..1: share of bookings nobody attends ("ghost meetings"). */
  ghostMeetingRate: number;
  /** 0..1: chance that a free slot of 30+ minutes gets a short unbooked walk-in session. */
  walkInRate: number;
  /** Exponent of the group-size distribution: > 1 favours small groups, < 1 favours full rooms. */
  groupSizeSkew: number;
  /** The room occasionally reports one person more than its capacity. */
  exceedsCapacity: boolean;
  /** °C the HVAC holds an empty room at during working days (06:00–18:00 local). */
  baselineTemperature: number;
  /** °C below the baseline when the HVAC is off (nights, weekends); smaller in summer. */
  nightSetback: number;
  /** Time constant (minutes) with which temperature approaches its target. */
  thermalTimeConstantMinutes: number;
  /** °C target rise per person present (already scaled by room size); capped at 1.8 °C. */
  heatPerPerson: number;
  /** The room overheats on working-day afternoons (11:00–17:30 local). */
  overheatsAfternoons: boolean;
  /** °C added to the temperature target during those afternoons (0 unless `overheatsAfternoons`). */
  overheatDelta: number;
  /** 0..1, 1 = excellent. Lower means TVOC builds up faster and clears slower. */
  ventilationQuality: number;
  /** ppb of TVOC in the empty room. */
  tvocBaseline: number;
  /** ppb target rise per person at ventilation quality 1 (scaled by room size); divided by the quality. */
  tvocPerPerson: number;
  /** %RH offset from the building's seasonal indoor humidity. */
  humidityOffset: number;
  /** %RH target rise per person (scaled by room size); capped at 6 %RH. */
  humidityPerPerson: number;
  /** dBA of the empty room's background noise (HVAC off). */
  ambientNoiseBaseline: number;
  /** dBA sound level of the empty room. */
  soundLevelBaseline: number;
  /** Weekly recurring sensor outage, present on exactly one room of the default organisation. */
  sensorGap?: WeeklySensorGap;
  /**
   * Epoch ms from which the device is dead for good: no samples for any metric after it, and
   * `timeUsed` does not count the time after it (occupancy is unknown).
   */
  offlineFromMs?: number;
  /** One impossible reading (a device fault) at a fixed grid instant. */
  spike?: { metric: SensorMetric; atMs: number; value: number };
  /** Noise from outside the room in [fromMs, toMs): ambient noise and sound level around `level` dBA. */
  loud?: { fromMs: number; toMs: number; level: number };
}

export interface SyntheticWorkspace {
  id: string;
  displayName: string;
  locationId: string;
  /** Absent for some workspaces (e.g. an open area with no floor set). */
  floorId?: string;
  type?: WorkspaceType;
  capacity?: number;
  /** ISO 8601. */
  created: string;
  notes?: string;
  /** Webex-style DEVICE id of the room device. */
  deviceId: string;
  /** Room Navigator present => temperature, humidity and tvoc exist. */
  hasNavigator: boolean;
  /** Metrics this room actually measures. */
  metrics: readonly SensorMetric[];
  profile: SensorProfile;
}

export interface Organisation {
  orgId: string;
  seed: number;
  locations: SyntheticLocation[];
  floors: SyntheticFloor[];
  workspaces: SyntheticWorkspace[];
  /**
   * Test control: sensors whose readings a test scripts, keyed `workspaceId|metric` — a function
   * of the reading instant (undefined = no reading). Replaces the model for that sensor.
   */
  scripted?: Map<string, (t: number) => number | undefined>;
}

export interface Sample {
  /** Epoch milliseconds. */
  t: number;
  value: number;
}
