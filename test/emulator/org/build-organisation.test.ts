import assert from 'node:assert/strict';
import { buildOrganisation, DEFAULT_WORKSPACE_COUNT } from '../../../src/emulator/org';
import { decodeWebexId } from '../../../src/webex/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const REQUIRED_NAMES = [
  'Room 4',
  'Room 40',
  'Boardroom',
  'Fjord',
  'Fløyen',
  'Lab 2.1',
  'Huddle 3.2',
  'Mon Space',
  'Friday Lounge',
  'March',
];

function assertWebexId(id: string, type: string): void {
  const decoded = decodeWebexId(id);
  assert.ok(decoded, `${id} is not a Webex id`);
  assert.equal(decoded.type, type);
  assert.match(decoded.uuid, UUID_V4);
}

describe('emulator/org buildOrganisation', () => {
  const org = buildOrganisation({ seed: 42 });

  it('is deterministic per seed', () => {
    assert.deepStrictEqual(buildOrganisation({ seed: 42 }), org);
  });

  it('changes ids and profiles with the seed but keeps the default names', () => {
    const other = buildOrganisation({ seed: 43 });
    assert.notEqual(other.orgId, org.orgId);
    assert.deepEqual(
      other.workspaces.map((w) => w.displayName),
      org.workspaces.map((w) => w.displayName),
    );
    for (let i = 0; i < org.workspaces.length; i++) {
      assert.notEqual(other.workspaces[i]!.id, org.workspaces[i]!.id);
      assert.notEqual(other.workspaces[i]!.deviceId, org.workspaces[i]!.deviceId);
    }
    assert.notEqual(other.locations[0]!.id, org.locations[0]!.id);
    assert.notDeepEqual(
      other.workspaces.map((w) => w.profile),
      org.workspaces.map((w) => w.profile),
    );
  });

  it('has about a dozen workspaces including the names language tests rely on', () => {
    assert.ok(org.workspaces.length >= 12 && org.workspaces.length <= 14);
    assert.equal(org.workspaces.length, DEFAULT_WORKSPACE_COUNT);
    const names = org.workspaces.map((w) => w.displayName);
    for (const name of REQUIRED_NAMES) assert.ok(names.includes(name), `missing ${name}`);
    assert.equal(new Set(names).size, names.length);
  });

  it('has Oslo HQ (floors 1–3) and Bergen Office (floors 1–2) in Europe/Oslo', () => {
    assert.deepEqual(
      org.locations.map((l) => [l.displayName, l.cityName, l.countryCode, l.timeZone]),
      [
        ['Oslo HQ', 'Oslo', 'NO', 'Europe/Oslo'],
        ['Bergen Office', 'Bergen', 'NO', 'Europe/Oslo'],
      ],
    );
    const floorNumbers = (locationId: string) =>
      org.floors
        .filter((f) => f.locationId === locationId)
        .map((f) => f.floorNumber)
        .sort();
    assert.deepEqual(floorNumbers(org.locations[0]!.id), [1, 2, 3]);
    assert.deepEqual(floorNumbers(org.locations[1]!.id), [1, 2]);
    for (const l of org.locations) {
      assert.ok(Math.abs(l.latitude - 60) < 1 && l.longitude > 4 && l.longitude < 12);
      assert.ok(l.address.includes(l.cityName));
    }
  });

  it('references floors and locations consistently', () => {
    const locationIds = new Set(org.locations.map((l) => l.id));
    const floorsById = new Map(org.floors.map((f) => [f.id, f]));
    for (const f of org.floors) assert.ok(locationIds.has(f.locationId));
    for (const ws of org.workspaces) {
      assert.ok(locationIds.has(ws.locationId), ws.displayName);
      if (ws.floorId !== undefined) assert.equal(floorsById.get(ws.floorId)?.locationId, ws.locationId);
    }
    const withoutFloor = org.workspaces.filter((w) => w.floorId === undefined);
    assert.ok(withoutFloor.length >= 1);
    assert.ok(withoutFloor.some((w) => w.type === 'open'));
  });

  it('mints Webex ids of the right type', () => {
    assertWebexId(org.orgId, 'ORGANIZATION');
    for (const l of org.locations) assertWebexId(l.id, 'LOCATION');
    for (const f of org.floors) assertWebexId(f.id, 'FLOOR');
    for (const ws of org.workspaces) {
      assertWebexId(ws.id, 'PLACES'); // ciscospark://us/PLACES/<uuid>, as Webex mints them
      assertWebexId(ws.deviceId, 'DEVICE');
    }
    const all = [org.orgId, ...org.locations.map((l) => l.id), ...org.floors.map((f) => f.id)];
    all.push(...org.workspaces.flatMap((w) => [w.id, w.deviceId]));
    assert.equal(new Set(all).size, all.length);
  });

  it('mixes types, capacities and navigator presence', () => {
    const types = new Set(org.workspaces.map((w) => w.type));
    for (const t of ['meetingRoom', 'huddle', 'focus', 'open'] as const) assert.ok(types.has(t), t);
    const capacities = org.workspaces.map((w) => w.capacity);
    assert.equal(capacities.filter((c) => c === undefined).length, 1);
    for (const c of capacities) if (c !== undefined) assert.ok(c >= 2 && c <= 20);
    const withoutNavigator = org.workspaces.filter((w) => !w.hasNavigator);
    assert.ok(withoutNavigator.length >= 2);
    for (const ws of withoutNavigator) {
      assert.deepEqual([...ws.metrics].sort(), ['ambientNoise', 'peopleCount', 'soundLevel']);
    }
    for (const ws of org.workspaces.filter((w) => w.hasNavigator)) assert.equal(ws.metrics.length, 6);
    for (const ws of org.workspaces) assert.ok(!Number.isNaN(Date.parse(ws.created)), ws.created);
  });

  it('has exactly one overheating room (Fjord) and exactly one room with a sensor gap', () => {
    const hot = org.workspaces.filter((w) => w.profile.overheatsAfternoons);
    assert.deepEqual(
      hot.map((w) => w.displayName),
      ['Fjord'],
    );
    const gapped = org.workspaces.filter((w) => w.profile.sensorGap !== undefined);
    assert.equal(gapped.length, 1);
    const gap = gapped[0]!.profile.sensorGap!;
    assert.ok(gap.isoWeekday >= 1 && gap.isoWeekday <= 5);
    assert.ok(gap.durationMinutes >= 120 && gap.durationMinutes <= 240);
  });

  // Its speed is measured by `npm run bench`, not asserted here.
  it('generates 2,000 workspaces with unique names and the default rooms first', () => {
    const big = buildOrganisation({ seed: 42, workspaces: 2000 });
    assert.equal(big.workspaces.length, 2000);
    assert.equal(new Set(big.workspaces.map((w) => w.displayName)).size, 2000);
    assert.equal(new Set(big.workspaces.map((w) => w.id)).size, 2000);
    assert.ok(big.locations.length > 2);
    assert.deepStrictEqual(big.workspaces.slice(0, DEFAULT_WORKSPACE_COUNT), org.workspaces);
    const floorsById = new Map(big.floors.map((f) => [f.id, f]));
    const locationsById = new Map(big.locations.map((l) => [l.id, l]));
    for (const ws of big.workspaces) {
      assert.ok(locationsById.has(ws.locationId));
      if (ws.floorId !== undefined) assert.equal(floorsById.get(ws.floorId)?.locationId, ws.locationId);
    }
    assert.equal(big.workspaces.filter((w) => w.profile.overheatsAfternoons).length, 1);
    assert.deepStrictEqual(buildOrganisation({ seed: 42, workspaces: 2000 }), big);
  });

  it('honours small workspace counts', () => {
    assert.equal(buildOrganisation({ seed: 42, workspaces: 5 }).workspaces.length, 5);
    assert.equal(buildOrganisation({ seed: 42, workspaces: 0 }).workspaces.length, 0);
    assert.throws(() => buildOrganisation({ seed: 42, workspaces: -1 }), RangeError);
  });
});
