import assert from 'node:assert/strict';
import { webexId } from '../../src/webex/ids';
import type {
  AccessTokenResponse,
  CapabilityResponse,
  Floor,
  ListResponse,
  Location,
  Workspace,
} from '../../src/webex/wire';
import { call, useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { callers, expectError, expectOk, query } from './webex-http';

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

/** The URL of the `rel="next"` link of an RFC 5988 `Link` header, if any. */
function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

describe('emulator HTTP: workspaces and locations', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { admin } = callers(() => emulator.current);

  const all = () => admin.get<ListResponse<Workspace>>('/workspaces');
  const byName = async (name: string): Promise<Workspace> => {
    const ws = (await all()).items.find((w) => w.displayName === name);
    assert.ok(ws, `no workspace ${name}`);
    return ws;
  };

  it('lists the organisation’s workspaces; optional fields are absent, never null', async () => {
    const { items } = await all();
    assert.equal(items.length, emulator.current.context.org.workspaces.length);
    assert.ok(items.length >= 12);
    for (const ws of items) {
      for (const [key, value] of Object.entries(ws)) assert.notEqual(value, null, `${ws.displayName}.${key}`);
    }
    const lounge = items.find((w) => w.displayName === 'Friday Lounge');
    assert.ok(lounge);
    assert.ok(!('capacity' in lounge), 'an unset capacity is absent');
    const kitchen = items.find((w) => w.displayName === 'Kitchen Open Area');
    assert.ok(kitchen && !('floorId' in kitchen), 'an unset floorId is absent');
  });

  it('filters by displayName (case-insensitive), locationId, floorId and type; bad type → 400', async () => {
    const { items } = await all();
    const named = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ displayName: 'boardROOM' })}`,
    );
    assert.deepEqual(
      named.items.map((w) => w.displayName),
      ['Boardroom'],
    );

    const room4 = await byName('Room 4');
    const atLocation = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ locationId: room4.locationId })}`,
    );
    assert.ok(atLocation.items.length > 0);
    assert.ok(atLocation.items.length < items.length, 'two locations: the filter must narrow the list');
    assert.ok(atLocation.items.every((w) => w.locationId === room4.locationId));
    assert.equal(atLocation.items.length, items.filter((w) => w.locationId === room4.locationId).length);

    const onFloor = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ floorId: room4.floorId })}`,
    );
    assert.ok(onFloor.items.some((w) => w.id === room4.id));
    assert.ok(onFloor.items.every((w) => w.floorId === room4.floorId));
    assert.equal(onFloor.items.length, items.filter((w) => w.floorId === room4.floorId).length);

    const huddles = await admin.get<ListResponse<Workspace>>('/workspaces?type=huddle');
    assert.ok(huddles.items.length > 0);
    assert.ok(huddles.items.every((w) => w.type === 'huddle'));
    assert.equal(huddles.items.length, items.filter((w) => w.type === 'huddle').length);

    await admin.fails('GET', '/workspaces?type=kitchen', 400, { description: /type/ });
    const none = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ displayName: 'no such room' })}`,
    );
    assert.deepEqual(none.items, []);
  });

  for (const max of [1, 4, 5, 13]) {
    it(`pages with max=${max} and Link rel="next" to the end, each workspace exactly once`, async () => {
      const total = (await all()).items.map((w) => w.id);
      const seen: string[] = [];
      let url: string | undefined = `${emulator.current.url}/workspaces?max=${max}`;
      let pages = 0;
      let lastPageSize = -1;
      while (url) {
        const res = await admin.raw('GET', url);
        const page = expectOk<ListResponse<Workspace>>(res, 'GET', url);
        assert.ok(page.items.length <= max);
        seen.push(...page.items.map((w) => w.id));
        lastPageSize = page.items.length;
        url = nextLink(res.headers.get('link'));
        pages += 1;
        assert.ok(pages <= total.length + 2, 'paging does not end');
      }
      assert.deepEqual(seen, total);
      assert.equal(new Set(seen).size, seen.length);
      assert.equal(pages, Math.floor(total.length / max) + 1);
      // When the count is a multiple of max, the last page is empty.
      assert.equal(lastPageSize, total.length % max);
    });
  }

  it('the next link keeps the filters', async () => {
    const meetingRooms = (await all()).items.filter((w) => w.type === 'meetingRoom').map((w) => w.id);
    assert.ok(meetingRooms.length > 2);
    const seen: string[] = [];
    let url: string | undefined = `${emulator.current.url}/workspaces?type=meetingRoom&max=2`;
    while (url) {
      const res = await admin.raw('GET', url);
      seen.push(...expectOk<ListResponse<Workspace>>(res, 'GET', url).items.map((w) => w.id));
      url = nextLink(res.headers.get('link'));
      if (url) assert.match(url, /type=meetingRoom/);
    }
    assert.deepEqual(seen, meetingRooms);
  });

  it('GET /workspaces/{id} and its capabilities; no Room Navigator → temperature unsupported', async () => {
    const room4 = await byName('Room 4');
    assert.deepEqual(await admin.get<Workspace>(`/workspaces/${room4.id}`), room4);
    const withNavigator = await admin.get<CapabilityResponse>(`/workspaces/${room4.id}/capabilities`);
    assert.equal(withNavigator.capabilities.temperature?.supported, true);
    assert.equal(withNavigator.capabilities.occupancyDetection?.supported, true);

    const huddle = await byName('Huddle 3.2');
    const without = await admin.get<CapabilityResponse>(`/workspaces/${huddle.id}/capabilities`);
    assert.equal(without.capabilities.temperature?.supported, false);
    assert.equal(without.capabilities.relativeHumidity?.supported, false);
    assert.equal(without.capabilities.airQuality?.supported, false);
    assert.equal(without.capabilities.soundLevel?.supported, true);

    const unknown = webexId('PLACES', UNKNOWN_UUID);
    await admin.fails('GET', `/workspaces/${unknown}`, 404);
    await admin.fails('GET', `/workspaces/${unknown}/capabilities`, 404);
    // An id of the emulator's former WORKSPACE type is well-formed but names no workspace.
    await admin.fails('GET', `/workspaces/${webexId('WORKSPACE', UNKNOWN_UUID)}`, 404);
    await admin.fails('GET', '/workspaces/room-4', 400);
    await admin.fails('GET', `/workspaces/${webexId('LOCATION', UNKNOWN_UUID)}`, 400);
    await admin.fails('GET', '/workspaces/room-4/capabilities', 400);
  });

  it('includeCapabilities=true adds each workspace’s capabilities map (as /capabilities answers it)', async () => {
    const plain = await all();
    assert.ok(
      plain.items.every((w) => !('capabilities' in w)),
      'no capabilities without the flag',
    );
    const off = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ includeCapabilities: 'false' })}`,
    );
    assert.deepEqual(off, plain);

    const withCapabilities = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ includeCapabilities: 'true' })}`,
    );
    assert.equal(withCapabilities.items.length, plain.items.length);
    for (const [i, ws] of withCapabilities.items.entries()) {
      const { capabilities, ...rest } = ws;
      assert.deepEqual(rest, plain.items[i], 'the flag only adds capabilities');
      const expected = await admin.get<CapabilityResponse>(`/workspaces/${ws.id}/capabilities`);
      assert.deepEqual(capabilities, expected.capabilities, ws.displayName);
    }
    const huddle = withCapabilities.items.find((w) => w.displayName === 'Huddle 3.2');
    assert.equal(huddle?.capabilities?.temperature?.supported, false);

    // With filters and paging, and on a single workspace.
    const page = await admin.get<ListResponse<Workspace>>(
      `/workspaces${query({ displayName: 'fjord', includeCapabilities: 'true', max: 1 })}`,
    );
    assert.deepEqual(
      page.items.map((w) => [w.displayName, w.capabilities?.temperature?.supported]),
      [['Fjord', true]],
    );
    const room4 = await byName('Room 4');
    assert.ok(!('capabilities' in (await admin.get<Workspace>(`/workspaces/${room4.id}`))));
    const one = await admin.get<Workspace>(
      `/workspaces/${room4.id}${query({ includeCapabilities: 'true' })}`,
    );
    assert.deepEqual(one, {
      ...room4,
      capabilities: (await admin.get<CapabilityResponse>(`/workspaces/${room4.id}/capabilities`))
        .capabilities,
    });
    await admin.fails('GET', `/workspaces${query({ includeCapabilities: 'yes' })}`, 400);
  });

  it('GET /locations, /locations/{id} and the floors of a location', async () => {
    const { items } = await admin.get<ListResponse<Location>>('/locations');
    assert.deepEqual(items.map((l) => l.name).sort(), ['Bergen Office', 'Oslo HQ']);
    const oslo = items.find((l) => l.name === 'Oslo HQ')!;
    assert.equal(oslo.timeZone, 'Europe/Oslo');
    assert.deepEqual(await admin.get<Location>(`/locations/${oslo.id}`), oslo);

    const floors = await admin.get<ListResponse<Floor>>(`/locations/${oslo.id}/floors`);
    assert.deepEqual(floors.items.map((f) => f.floorNumber).sort(), [1, 2, 3]);
    for (const floor of floors.items) {
      assert.deepEqual(Object.keys(floor).sort(), ['displayName', 'floorNumber', 'id', 'locationId']);
      assert.equal(floor.locationId, oslo.id);
    }
    const room4 = await byName('Room 4');
    assert.equal(room4.locationId, oslo.id);
    assert.ok(floors.items.some((f) => f.id === room4.floorId));

    const unknown = webexId('LOCATION', UNKNOWN_UUID);
    await admin.fails('GET', `/locations/${unknown}`, 404);
    await admin.fails('GET', `/locations/${unknown}/floors`, 404);
    await admin.fails('GET', '/locations/oslo', 400);
    await admin.fails('GET', '/locations/oslo/floors', 400);
  });
});

describe('emulator HTTP: scopes and tokens', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now, adminTokenTtlSeconds: 60 });
  const { admin, bot, ingrid, anonymous, as } = callers(() => emulator.current);

  let workspaceId: string;
  let locationId: string;
  before(async () => {
    const ws = (await admin.get<ListResponse<Workspace>>('/workspaces')).items[0]!;
    workspaceId = ws.id;
    locationId = ws.locationId!;
  });

  const adminEndpoints = (): [string, string][] => [
    ['/workspaces', 'spark-admin:workspaces_read'],
    [`/workspaces/${workspaceId}`, 'spark-admin:workspaces_read'],
    [`/workspaces/${workspaceId}/capabilities`, 'spark-admin:workspaces_read'],
    [
      `/workspaceMetrics${query({ workspaceId, metricName: 'temperature' })}`,
      'spark-admin:workspace_metrics_read',
    ],
    [`/workspaceDurationMetrics${query({ workspaceId })}`, 'spark-admin:workspace_metrics_read'],
    ['/locations', 'spark-admin:locations_read'],
    [`/locations/${locationId}`, 'spark-admin:locations_read'],
    [`/locations/${locationId}/floors`, 'spark-admin:locations_read'],
  ];

  it('a bot or user token on each admin endpoint → 403 naming the missing scope', async () => {
    for (const [path, scope] of adminEndpoints()) {
      for (const caller of [bot, ingrid]) {
        const body = await caller.fails('GET', path, 403);
        const text = `${body.message} ${body.errors?.[0]?.description}`;
        assert.ok(text.includes(scope), `${path}: ${text} does not name ${scope}`);
      }
    }
  });

  it('no token, a malformed header or an unknown token → 401', async () => {
    for (const [path] of adminEndpoints()) await anonymous.fails('GET', path, 401);
    await anonymous.fails('GET', '/people/me', 401);
    await as(() => 'not-a-real-token').fails('GET', '/workspaces', 401);
    await as(() => `${emulator.current.adminToken}x`).fails('GET', '/workspaces', 401);
    const res = await call(emulator.current, 'GET', '/workspaces', {
      token: null,
      headers: { authorization: `Basic ${emulator.current.adminToken}` },
    });
    expectError(res, 401, 'GET', '/workspaces');
  });

  it('an expired admin token → 401; the refresh grant issues a new token that works', async () => {
    await admin.get('/workspaces');
    clock.advance(59_000);
    await admin.get('/workspaces');
    clock.advance(1_000);
    await admin.fails('GET', '/workspaces', 401, { description: /expired/ });
    // The bot token never expires.
    await bot.get('/people/me');

    const { clientId, clientSecret, refreshToken } = emulator.current.adminClient;
    const res = await call(emulator.current, 'POST', '/access_token', {
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      }).toString(),
    });
    assert.equal(res.status, 200, res.text);
    const grant = res.body as AccessTokenResponse;
    assert.equal(typeof grant.access_token, 'string');
    assert.notEqual(grant.access_token, emulator.current.adminToken);
    assert.equal(grant.expires_in, 60);
    assert.equal(grant.refresh_token, refreshToken);
    assert.equal(grant.token_type, 'Bearer');
    assert.ok(grant.refresh_token_expires_in > 0);

    const fresh = as(() => grant.access_token);
    await fresh.get('/workspaces');
    await admin.fails('GET', '/workspaces', 401);
    clock.advance(60_000);
    await fresh.fails('GET', '/workspaces', 401);
  });

  it('refresh with a wrong client secret or refresh token → 401; a JSON body → 415', async () => {
    const { clientId, clientSecret, refreshToken } = emulator.current.adminClient;
    const refresh = (fields: Record<string, string>) =>
      call(emulator.current, 'POST', '/access_token', {
        token: null,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const good = { grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret };
    expectError(
      await refresh({ ...good, client_secret: 'wrong', refresh_token: refreshToken }),
      401,
      'POST',
      '/access_token',
    );
    expectError(await refresh({ ...good, refresh_token: 'wrong' }), 401, 'POST', '/access_token');
    expectError(await refresh({ ...good }), 400, 'POST', '/access_token');
    expectError(
      await refresh({ ...good, grant_type: 'password', refresh_token: refreshToken }),
      400,
      'POST',
      '/access_token',
    );
    const json = await call(emulator.current, 'POST', '/access_token', {
      token: null,
      json: { ...good, refresh_token: refreshToken },
    });
    expectError(json, 415, 'POST', '/access_token');
  });

  it('an expired refresh token → 401 (run last: it moves the clock 90 days on)', async () => {
    const { clientId, clientSecret, refreshToken } = emulator.current.adminClient;
    clock.advance(90 * 24 * 3600 * 1000);
    const res = await call(emulator.current, 'POST', '/access_token', {
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: refreshToken,
      }).toString(),
    });
    expectError(res, 401, 'POST', '/access_token', /expired/);
  });
});
