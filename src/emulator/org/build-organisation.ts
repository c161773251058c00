import { webexId } from '../../webex/ids';
import { METRIC_NAMES } from '../../webex/wire';
import {
  DEAD_DEVICE_FROM,
  DEFAULT_SITE_FLOORS,
  DEFAULT_SITES,
  DEFAULT_WORKSPACES,
  type DefaultWorkspaceSpec,
  EXTRA_SITES,
  IMPOSSIBLE_SPIKE,
  NOISY_AFTERNOON,
  ROOM_WORDS,
  type SiteSpec,
  type SpecialBehaviour,
} from './catalogue';
import { createRng, hash32, type Rng, uuidFor } from './random';
import type {
  Organisation,
  SensorMetric,
  SensorProfile,
  SyntheticFloor,
  SyntheticLocation,
  SyntheticWorkspace,
  WorkspaceType,
} from './types';

export interface BuildOrganisationOptions {
  seed: number;
  /**
   * Total number of workspaces. Omitted: the default organisation (13 named rooms in Oslo and Bergen).
   * Given: the first min(N, 13) workspaces are the default rooms, the rest are generated over extra
   * locations and floors.
   */
  workspaces?: number;
}

/** Every metric, in the order Webex lists them. */
export const ALL_SENSOR_METRICS: readonly SensorMetric[] = METRIC_NAMES;

const NAVIGATOR_METRICS: ReadonlySet<SensorMetric> = new Set(['temperature', 'humidity', 'tvoc']);
const WITHOUT_NAVIGATOR: readonly SensorMetric[] = ALL_SENSOR_METRICS.filter(
  (m) => !NAVIGATOR_METRICS.has(m),
);

/** Number of workspaces in the default organisation. */
export const DEFAULT_WORKSPACE_COUNT = DEFAULT_WORKSPACES.length;

/** Generated workspaces per extra location in large organisations. */
const WORKSPACES_PER_EXTRA_LOCATION = 150;

const DAY_MS = 86_400_000;
const CREATED_FROM_MS = Date.UTC(2022, 0, 1);

/**
 * Builds the synthetic organisation. Pure: the same options always give a deep-equal result.
 */
export function buildOrganisation(options: BuildOrganisationOptions): Organisation {
  const { seed } = options;
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const total = options.workspaces ?? DEFAULT_WORKSPACE_COUNT;
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError('workspaces must be a non-negative integer');

  const locations: SyntheticLocation[] = [];
  const floors: SyntheticFloor[] = [];
  const workspaces: SyntheticWorkspace[] = [];

  // Default sites and their floors.
  const defaultFloorIds: Map<number, string>[] = [];
  DEFAULT_SITES.forEach((spec, siteIndex) => {
    const location = makeLocation(seed, siteIndex, spec, spec.displayName);
    locations.push(location);
    const byNumber = new Map<number, string>();
    for (const floorNumber of DEFAULT_SITE_FLOORS[siteIndex] ?? []) {
      const floor = makeFloor(seed, siteIndex, location.id, floorNumber);
      floors.push(floor);
      byNumber.set(floorNumber, floor.id);
    }
    defaultFloorIds.push(byNumber);
  });

  const defaultCount = Math.min(total, DEFAULT_WORKSPACE_COUNT);
  for (let i = 0; i < defaultCount; i++) {
    const spec = DEFAULT_WORKSPACES[i]!;
    const location = locations[spec.site]!;
    const floorId = spec.floor === undefined ? undefined : defaultFloorIds[spec.site]!.get(spec.floor);
    workspaces.push(makeDefaultWorkspace(seed, i, spec, location.id, floorId));
  }

  if (total > DEFAULT_WORKSPACE_COUNT) {
    generateExtra(seed, total - DEFAULT_WORKSPACE_COUNT, locations, floors, workspaces);
  }

  return {
    orgId: webexId('ORGANIZATION', uuidFor(seed, 'organisation')),
    seed,
    locations,
    floors,
    workspaces,
  };
}

function makeLocation(seed: number, index: number, spec: SiteSpec, displayName: string): SyntheticLocation {
  return {
    id: webexId('LOCATION', uuidFor(seed, 'location', index)),
    displayName,
    address: `${spec.street}, ${spec.postcode} ${spec.cityName}`,
    cityName: spec.cityName,
    countryCode: spec.countryCode,
    latitude: spec.latitude,
    longitude: spec.longitude,
    timeZone: spec.timeZone,
  };
}

function makeFloor(seed: number, siteIndex: number, locationId: string, floorNumber: number): SyntheticFloor {
  return {
    id: webexId('FLOOR', uuidFor(seed, 'floor', siteIndex, floorNumber)),
    locationId,
    floorNumber,
    displayName: `Floor ${floorNumber}`,
  };
}

function createdIso(rng: Rng): string {
  const day = rng.int(0, 3 * 365 - 1);
  const minute = rng.int(7 * 60, 16 * 60);
  return new Date(CREATED_FROM_MS + day * DAY_MS + minute * 60_000).toISOString();
}

function makeDefaultWorkspace(
  seed: number,
  index: number,
  spec: DefaultWorkspaceSpec,
  locationId: string,
  floorId: string | undefined,
): SyntheticWorkspace {
  const rng = createRng(hash32(seed, 'workspace', index));
  const workspace: SyntheticWorkspace = {
    id: webexId('PLACES', rng.uuid()),
    displayName: spec.displayName,
    locationId,
    type: spec.type,
    created: createdIso(rng),
    deviceId: webexId('DEVICE', rng.uuid()),
    hasNavigator: spec.hasNavigator,
    metrics: spec.hasNavigator ? ALL_SENSOR_METRICS : WITHOUT_NAVIGATOR,
    profile: makeProfile(rng, spec.type, spec.capacity, spec.special),
  };
  if (floorId !== undefined) workspace.floorId = floorId;
  if (spec.capacity !== undefined) workspace.capacity = spec.capacity;
  if (spec.notes !== undefined) workspace.notes = spec.notes;
  return workspace;
}

/**
 * Sensor profile: type-typical ranges drawn from the seed, then the special behaviour of a few
 * default rooms layered on top.
 */
function makeProfile(
  rng: Rng,
  type: WorkspaceType,
  capacity: number | undefined,
  special: SpecialBehaviour | undefined,
): SensorProfile {
  const occupancyCapacity = capacity ?? (type === 'open' ? 12 : 6);
  const sizeFactor = 6 / Math.max(6, occupancyCapacity);
  const walkInOnly = type === 'open' || type === 'focus' || type === 'desk';
  const profile: SensorProfile = {
    occupancyCapacity,
    bookable: !walkInOnly,
    meetingDensity: walkInOnly ? rng.float(0.35, 0.65) : rng.float(0.3, 0.6),
    ghostMeetingRate: walkInOnly ? 0 : rng.float(0.04, 0.12),
    walkInRate: type === 'huddle' ? rng.float(0.15, 0.3) : walkInOnly ? 0 : rng.float(0.04, 0.12),
    groupSizeSkew: type === 'huddle' || type === 'open' ? rng.float(1.0, 1.4) : rng.float(1.4, 2.0),
    exceedsCapacity: false,
    baselineTemperature: round(rng.float(20.6, 21.4), 2),
    nightSetback: round(rng.float(1.0, 1.5), 2),
    thermalTimeConstantMinutes: Math.round(rng.float(50, 90)),
    heatPerPerson: round(0.3 * sizeFactor * rng.float(0.85, 1.15), 3),
    overheatsAfternoons: false,
    overheatDelta: 0,
    ventilationQuality: round(rng.float(0.65, 1), 2),
    tvocBaseline: Math.round(rng.float(60, 110)),
    tvocPerPerson: round(35 * sizeFactor, 2),
    humidityOffset: round(rng.float(-2, 2), 2),
    humidityPerPerson: round(1.0 * sizeFactor, 3),
    ambientNoiseBaseline: round(rng.float(26, 31), 1),
    soundLevelBaseline: round(rng.float(28, 32), 1),
  };
  switch (special) {
    case 'stuffy':
      profile.ventilationQuality = round(rng.float(0.2, 0.24), 2);
      profile.meetingDensity = rng.float(0.75, 0.85);
      profile.groupSizeSkew = rng.float(0.8, 1.0);
      profile.tvocBaseline = Math.round(rng.float(95, 120));
      break;
    case 'ghostMeetings':
      profile.ghostMeetingRate = rng.float(0.4, 0.5);
      profile.walkInRate = 0;
      break;
    case 'overheats':
      profile.overheatsAfternoons = true;
      profile.overheatDelta = round(rng.float(5.0, 5.5), 2);
      profile.baselineTemperature = round(rng.float(21.6, 21.9), 2);
      profile.thermalTimeConstantMinutes = Math.round(rng.float(40, 50));
      break;
    case 'sensorGap':
      profile.sensorGap = {
        isoWeekday: rng.int(1, 5),
        startMinute: rng.int(9, 12) * 60,
        durationMinutes: rng.int(2, 4) * 60,
      };
      break;
    // Fixed instants, no draws: the other rooms' profiles stay as they were.
    case 'deadDevice':
      profile.offlineFromMs = Date.parse(DEAD_DEVICE_FROM);
      break;
    case 'impossibleSpike':
      profile.spike = {
        metric: IMPOSSIBLE_SPIKE.metric,
        atMs: Date.parse(IMPOSSIBLE_SPIKE.at),
        value: IMPOSSIBLE_SPIKE.value,
      };
      break;
    case 'noisyAfternoon':
      profile.loud = {
        fromMs: Date.parse(NOISY_AFTERNOON.from),
        toMs: Date.parse(NOISY_AFTERNOON.to),
        level: NOISY_AFTERNOON.level,
      };
      break;
    case 'exceedsCapacity':
      profile.exceedsCapacity = true;
      profile.groupSizeSkew = rng.float(0.55, 0.7);
      profile.meetingDensity = rng.float(0.5, 0.65);
      break;
    default:
      break;
  }
  profile.meetingDensity = round(profile.meetingDensity, 3);
  profile.ghostMeetingRate = round(profile.ghostMeetingRate, 3);
  profile.walkInRate = round(profile.walkInRate, 3);
  profile.groupSizeSkew = round(profile.groupSizeSkew, 3);
  return profile;
}

const GENERATED_TYPES: readonly WorkspaceType[] = [
  ...Array<WorkspaceType>(9).fill('meetingRoom'),
  ...Array<WorkspaceType>(4).fill('huddle'),
  ...Array<WorkspaceType>(3).fill('focus'),
  'open',
  'open',
  'desk',
  'other',
  'notSet',
];

function capacityFor(rng: Rng, type: WorkspaceType): number | undefined {
  if (rng.chance(0.02)) return undefined;
  switch (type) {
    case 'focus':
      return rng.int(1, 2);
    case 'desk':
      return 1;
    case 'huddle':
      return rng.int(3, 5);
    case 'open':
      return rng.int(10, 20);
    default:
      return rng.pick([4, 6, 6, 8, 8, 10, 12, 14, 16, 20]);
  }
}

function generatedWord(rng: Rng, type: WorkspaceType): string {
  switch (type) {
    case 'focus':
      return 'Focus Booth';
    case 'desk':
      return 'Hot Desk';
    case 'open':
      return 'Open Area';
    case 'huddle':
      return `${rng.pick(ROOM_WORDS)} Huddle`;
    default:
      return rng.pick(ROOM_WORDS);
  }
}

function generateExtra(
  seed: number,
  count: number,
  locations: SyntheticLocation[],
  floors: SyntheticFloor[],
  workspaces: SyntheticWorkspace[],
): void {
  const locationCount = Math.ceil(count / WORKSPACES_PER_EXTRA_LOCATION);
  const names = new Set(workspaces.map((w) => w.displayName));
  let generated = 0;
  for (let j = 0; j < locationCount; j++) {
    const siteIndex = DEFAULT_SITES.length + j;
    const spec = EXTRA_SITES[j % EXTRA_SITES.length]!;
    const cycle = Math.floor(j / EXTRA_SITES.length);
    const displayName = cycle === 0 ? spec.displayName : `${spec.displayName} ${cycle + 1}`;
    const tag = cycle === 0 ? spec.tag : `${spec.tag}${cycle + 1}`;
    const location = makeLocation(seed, siteIndex, spec, displayName);
    locations.push(location);

    const siteRng = createRng(hash32(seed, 'site', siteIndex));
    const floorCount = siteRng.int(3, 8);
    const floorIds: string[] = [];
    for (let f = 1; f <= floorCount; f++) {
      const floor = makeFloor(seed, siteIndex, location.id, f);
      floors.push(floor);
      floorIds.push(floor.id);
    }

    const here = Math.min(WORKSPACES_PER_EXTRA_LOCATION, count - generated);
    const seqOnFloor = new Array<number>(floorCount).fill(0);
    for (let k = 0; k < here; k++) {
      const index = DEFAULT_WORKSPACE_COUNT + generated;
      const rng = createRng(hash32(seed, 'workspace', index));
      const floorIndex = k % floorCount;
      const seq = ++seqOnFloor[floorIndex]!;
      const type = rng.pick(GENERATED_TYPES);
      const capacity = capacityFor(rng, type);
      const baseName = `${tag} ${floorIndex + 1}.${String(seq).padStart(2, '0')} ${generatedWord(rng, type)}`;
      let name = baseName;
      for (let n = 2; names.has(name); n++) name = `${baseName} (${n})`;
      names.add(name);
      const hasNavigator = rng.chance(0.8);
      const workspace: SyntheticWorkspace = {
        id: webexId('PLACES', rng.uuid()),
        displayName: name,
        locationId: location.id,
        type,
        created: createdIso(rng),
        deviceId: webexId('DEVICE', rng.uuid()),
        hasNavigator,
        metrics: hasNavigator ? ALL_SENSOR_METRICS : WITHOUT_NAVIGATOR,
        profile: makeProfile(rng, type, capacity, undefined),
      };
      // Open areas occasionally have no floor set, like the default "Kitchen Open Area".
      if (type !== 'open' || rng.chance(0.5)) workspace.floorId = floorIds[floorIndex]!;
      if (capacity !== undefined) workspace.capacity = capacity;
      workspaces.push(workspace);
      generated++;
    }
  }
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
