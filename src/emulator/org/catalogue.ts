import type { WorkspaceType } from './types';

/** Static description of a site; ids are minted from the seed by `buildOrganisation`. */
export interface SiteSpec {
  displayName: string;
  /** Short code used in generated room names, e.g. "OSL". */
  tag: string;
  street: string;
  postcode: string;
  cityName: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

export type SpecialBehaviour =
  | 'stuffy'
  | 'ghostMeetings'
  | 'overheats'
  | 'sensorGap'
  | 'exceedsCapacity'
  | 'deadDevice'
  | 'impossibleSpike'
  | 'noisyAfternoon';

/**
 * When the 'deadDevice' room's device stops reporting, for good (a Tuesday morning in Oslo). Fixed,
 * so that every reading stays a function of time; after it, the room has no readings at all.
 */
export const DEAD_DEVICE_FROM = '2026-12-01T10:20:00+01:00';
/** The 'impossibleSpike' room's one impossible reading: 85 °C on a Saturday night (not Sunday 03:00, when the 2,000-room alert test wants every room quiet). */
export const IMPOSSIBLE_SPIKE = {
  metric: 'temperature',
  at: '2026-11-28T03:00:00+01:00',
  value: 85,
} as const;

/**
 * The 'noisyAfternoon' room's one unusual afternoon: building work through the wall (a jackhammer:
 * ambient noise about 85 dBA, sound level above it, empty or not) on Thu 3 Dec 2026 13:00–16:00 Oslo.
 * Fixed instants, like {@link DEAD_DEVICE_FROM}; every other hour is the room's ordinary self. Loud
 * enough to be unusual even against a meeting room's wide usual (empty ~30 dBA, in use up to 56).
 */
export const NOISY_AFTERNOON = {
  from: '2026-12-03T13:00:00+01:00',
  to: '2026-12-03T16:00:00+01:00',
  /** dBA the noise centres on (readings within ±3). */
  level: 85,
} as const;

/** Static description of one of the default workspaces. */
export interface DefaultWorkspaceSpec {
  displayName: string;
  /** Index into {@link DEFAULT_SITES}. */
  site: number;
  /** Floor number, or undefined for "no floor set". */
  floor?: number;
  type: WorkspaceType;
  capacity?: number;
  hasNavigator: boolean;
  notes?: string;
  special?: SpecialBehaviour;
}

export const DEFAULT_SITES: readonly SiteSpec[] = [
  {
    displayName: 'Oslo HQ',
    tag: 'OSL',
    street: 'Fjordalléen 16',
    postcode: '0250',
    cityName: 'Oslo',
    countryCode: 'NO',
    latitude: 59.9096,
    longitude: 10.7263,
    timeZone: 'Europe/Oslo',
  },
  {
    displayName: 'Bergen Office',
    tag: 'BGO',
    street: 'Strandkaien 2',
    postcode: '5013',
    cityName: 'Bergen',
    countryCode: 'NO',
    latitude: 60.3956,
    longitude: 5.3221,
    timeZone: 'Europe/Oslo',
  },
];

/** Floors per default site (index-aligned with {@link DEFAULT_SITES}). */
export const DEFAULT_SITE_FLOORS: readonly (readonly number[])[] = [
  [1, 2, 3],
  [1, 2],
];

/**
 * The default organisation. The display names are relied upon by language tests, so they are fixed;
 * everything numeric about them (ids, sensor profile values, gap timing) is derived from the seed.
 */
export const DEFAULT_WORKSPACES: readonly DefaultWorkspaceSpec[] = [
  {
    displayName: 'Room 4',
    site: 0,
    floor: 1,
    type: 'meetingRoom',
    capacity: 6,
    hasNavigator: true,
    special: 'stuffy',
    notes: 'Small interior room without windows.',
  },
  {
    displayName: 'Room 40',
    site: 0,
    floor: 3,
    type: 'meetingRoom',
    capacity: 8,
    hasNavigator: true,
    special: 'noisyAfternoon',
  },
  {
    displayName: 'Boardroom',
    site: 0,
    floor: 3,
    type: 'meetingRoom',
    capacity: 20,
    hasNavigator: true,
    special: 'ghostMeetings',
    notes: 'Management team has standing bookings; release the room if you do not need it.',
  },
  {
    displayName: 'Fjord',
    site: 0,
    floor: 3,
    type: 'meetingRoom',
    capacity: 10,
    hasNavigator: true,
    special: 'overheats',
    notes: 'West-facing glass wall with a view of the fjord.',
  },
  {
    displayName: 'Lab 2.1',
    site: 0,
    floor: 2,
    type: 'other',
    capacity: 12,
    hasNavigator: true,
    special: 'sensorGap',
    notes: 'Device is on the lab network, which has a weekly maintenance window.',
  },
  { displayName: 'Huddle 3.2', site: 0, floor: 3, type: 'huddle', capacity: 4, hasNavigator: false },
  { displayName: 'Mon Space', site: 0, floor: 2, type: 'huddle', capacity: 5, hasNavigator: true },
  { displayName: 'Friday Lounge', site: 0, floor: 1, type: 'open', hasNavigator: true },
  { displayName: 'Kitchen Open Area', site: 0, type: 'open', capacity: 16, hasNavigator: true },
  {
    displayName: 'Focus Booth 1',
    site: 0,
    floor: 2,
    type: 'focus',
    capacity: 2,
    hasNavigator: false,
    special: 'deadDevice',
  },
  {
    displayName: 'Fløyen',
    site: 1,
    floor: 2,
    type: 'meetingRoom',
    capacity: 8,
    hasNavigator: true,
    special: 'exceedsCapacity',
  },
  { displayName: 'March', site: 1, floor: 1, type: 'huddle', capacity: 4, hasNavigator: true },
  {
    displayName: 'Ulriken',
    site: 1,
    floor: 2,
    type: 'meetingRoom',
    capacity: 12,
    hasNavigator: true,
    special: 'impossibleSpike',
  },
];

/** Cities used for the extra locations of large generated organisations. */
export const EXTRA_SITES: readonly SiteSpec[] = [
  site('Trondheim', 'TRD', 'Kjøpmannsgata 21', '7013', 'NO', 63.4305, 10.3951, 'Europe/Oslo'),
  site('Stavanger', 'SVG', 'Skagen 8', '4006', 'NO', 58.97, 5.7331, 'Europe/Oslo'),
  site('Stockholm', 'STO', 'Kungsgatan 30', '111 35', 'SE', 59.3345, 18.0632, 'Europe/Stockholm'),
  site('Copenhagen', 'CPH', 'Vesterbrogade 4', '1620', 'DK', 55.6736, 12.5645, 'Europe/Copenhagen'),
  site('Helsinki', 'HEL', 'Mannerheimintie 12', '00100', 'FI', 60.1699, 24.9384, 'Europe/Helsinki'),
  site('London', 'LON', '20 Finsbury Square', 'EC2A 1DX', 'GB', 51.5212, -0.0868, 'Europe/London'),
  site('Amsterdam', 'AMS', 'Stadhouderskade 55', '1072 AB', 'NL', 52.3584, 4.8896, 'Europe/Amsterdam'),
  site('Berlin', 'BER', 'Friedrichstraße 68', '10117', 'DE', 52.5101, 13.3889, 'Europe/Berlin'),
  site('New York', 'NYC', '350 Hudson Street', 'NY 10014', 'US', 40.7267, -74.0079, 'America/New_York'),
  site(
    'San Jose',
    'SJC',
    '170 West Tasman Drive',
    'CA 95134',
    'US',
    37.4087,
    -121.954,
    'America/Los_Angeles',
  ),
  site('Singapore', 'SIN', '80 Pasir Panjang Road', '117372', 'SG', 1.2767, 103.7912, 'Asia/Singapore'),
  site('Sydney', 'SYD', '201 Pacific Highway', 'NSW 2065', 'AU', -33.8245, 151.1987, 'Australia/Sydney'),
];

function site(
  cityName: string,
  tag: string,
  street: string,
  postcode: string,
  countryCode: string,
  latitude: number,
  longitude: number,
  timeZone: string,
): SiteSpec {
  return {
    displayName: `${cityName} Office`,
    tag,
    street,
    postcode,
    cityName,
    countryCode,
    latitude,
    longitude,
    timeZone,
  };
}

/** Words for generated meeting-room names. */
export const ROOM_WORDS: readonly string[] = [
  'Aurora',
  'Birch',
  'Cedar',
  'Delta',
  'Ember',
  'Glacier',
  'Harbour',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nova',
  'Orion',
  'Pine',
  'Quartz',
  'Rowan',
  'Summit',
  'Tundra',
  'Vega',
  'Willow',
  'Yarrow',
  'Zephyr',
  'Atlas',
  'Boreal',
  'Comet',
  'Dune',
  'Echo',
  'Granite',
  'Heather',
  'Lynx',
  'Moss',
  'Nordlys',
  'Osprey',
  'Polar',
  'Ridge',
  'Sequoia',
  'Tern',
  'Vidda',
  'Wren',
];
