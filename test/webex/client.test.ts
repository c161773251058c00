import assert from 'node:assert/strict';
import { WebexAdminApi } from '../../src/webex/admin-api';
import { createWebexClient, type WebexClientConfig } from '../../src/webex/client';
import { StaticToken } from '../../src/webex/credentials';
import { WebexApiError } from '../../src/webex/errors';
import { type HttpEvent, WebexHttp } from '../../src/webex/http';
import { planWindows } from '../../src/webex/metric-windows';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';

const NOW = Date.UTC(2026, 10, 20, 12, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('Webex client against the emulator', () => {
  const clock = new FakeClock(NOW);
  const requests: string[] = [];
  const emu = useEmulator(() => ({
    now: clock.now,
    onRequest: (line) => requests.push(line),
    adminTokenTtlSeconds: 3600,
  }));
  const events: HttpEvent[] = [];

  const client = (overrides: Partial<WebexClientConfig> = {}) =>
    createWebexClient({
      baseUrl: emu.current.url,
      botToken: emu.current.botToken,
      admin: { token: emu.current.adminToken },
      now: clock.now,
      http: { sleep: clock.sleep, random: () => 0.5, onEvent: (e) => events.push(e) },
      ...overrides,
    });

  const metricCalls = () => requests.filter((r) => r.startsWith('GET /v1/workspaceMetrics ')).length;

  beforeEach(() => {
    clock.set(NOW);
    requests.length = 0;
    events.length = 0;
    emu.current.traffic.update({ rateLimitPerMinute: 0, faultRate: 0 });
  });

  async function workspaceId(name: string): Promise<string> {
    const all = await client().admin.listWorkspaces();
    const ws = all.find((w) => w.displayName === name);
    assert.ok(ws, `${name} exists`);
    return ws.id;
  }

  describe('metrics for any range', () => {
    it('fetches 10 days hourly in the planned windows, stitched oldest first without duplicates', async () => {
      const id = await workspaceId('Room 4');
      requests.length = 0;
      const from = NOW - 10 * DAY + 25 * 60_000; // unaligned start
      const result = await client().admin.metrics({
        workspaceId: id,
        metricName: 'peopleCount',
        aggregation: 'hourly',
        from,
        to: NOW,
      });
      assert.equal(result.calls, planWindows(from, NOW, 'hourly').length);
      assert.equal(metricCalls(), result.calls, 'one HTTP call per window, nothing fetched twice');
      const starts = result.items.map((i) => Date.parse(i.start));
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
        'oldest first',
      );
      assert.equal(new Set(starts).size, starts.length, 'no duplicated bucket');
      assert.ok(starts.length > 40, 'working hours over 10 days have data');
      assert.ok(starts[0]! >= from - HOUR && starts.at(-1)! < NOW);
    });

    it('gives the same buckets across a window edge as one call over that edge', async () => {
      const id = await workspaceId('Fjord');
      const from = NOW - 4 * DAY;
      const stitched = await client().admin.metrics({
        workspaceId: id,
        metricName: 'temperature',
        aggregation: 'hourly',
        from,
        to: NOW,
      });
      const edge = planWindows(from, NOW, 'hourly')[0]!.to;
      const around = await client().admin.metrics({
        workspaceId: id,
        metricName: 'temperature',
        aggregation: 'hourly',
        from: edge - 3 * HOUR,
        to: edge + 3 * HOUR,
      });
      assert.equal(around.calls, 1);
      const slice = stitched.items.filter(
        (i) => Date.parse(i.start) >= edge - 3 * HOUR && Date.parse(i.start) < edge + 3 * HOUR,
      );
      assert.deepEqual(slice, around.items);
      assert.equal(stitched.unit, 'celsius');
    });

    it('fetches 90 days daily in 30-day windows', async () => {
      const id = await workspaceId('Boardroom');
      requests.length = 0;
      const from = Date.UTC(2026, 7, 22);
      const to = Date.UTC(2026, 10, 20);
      const result = await client().admin.metrics({
        workspaceId: id,
        metricName: 'soundLevel',
        aggregation: 'daily',
        from,
        to,
      });
      assert.equal(result.calls, 3);
      assert.equal(metricCalls(), 3);
      const days = result.items.map((i) => Date.parse(i.start));
      assert.equal(new Set(days).size, days.length);
      assert.ok(days.length >= 55 && days.length <= 90, `working days with sound: ${days.length}`);
    });

    it('fetches duration metrics over several windows', async () => {
      const id = await workspaceId('Boardroom');
      const result = await client().admin.durations({
        workspaceId: id,
        measurement: 'timeBooked',
        aggregation: 'daily',
        from: NOW - 45 * DAY,
        to: NOW,
      });
      assert.equal(result.calls, 2);
      assert.equal(result.unit, 'minutes');
      assert.ok(result.items.some((i) => i.duration > 0));
    });
  });

  describe('recovery', () => {
    it('waits out 429s (Retry-After) and still returns every bucket', async () => {
      const id = await workspaceId('Room 4');
      emu.current.traffic.update({ rateLimitPerMinute: 2 });
      const result = await client().admin.metrics({
        workspaceId: id,
        metricName: 'ambientNoise',
        aggregation: 'hourly',
        from: NOW - 8 * DAY,
        to: NOW,
      });
      assert.equal(result.calls, 4);
      assert.ok(events.some((e) => e.kind === 'rate-limited' && (e.waitMs ?? 0) >= 1000));
      emu.current.traffic.update({ rateLimitPerMinute: 0 });
      const calm = await client().admin.metrics({
        workspaceId: id,
        metricName: 'ambientNoise',
        aggregation: 'hourly',
        from: NOW - 8 * DAY,
        to: NOW,
      });
      assert.deepEqual(result.items, calm.items);
    });

    it('fails clearly when Retry-After is longer than it will wait', async () => {
      emu.current.traffic.update({ rateLimitPerMinute: 1 });
      const c = client({ http: { sleep: clock.sleep, maxRetryAfterSeconds: 5 } });
      await c.admin.listLocations();
      const error = await c.admin.listLocations().then(
        () => assert.fail('expected a rate-limit error'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.code, 'rate-limited');
      assert.equal(error.status, 429);
      assert.ok((error.retryAfterSeconds ?? 0) > 5);
      assert.match(error.message, /Retry-After \d+ s exceeds the 5 s/);
    });

    it('retries 5xx answers with backoff and succeeds', async () => {
      emu.current.traffic.update({ faultRate: 0.5, seed: 7 });
      const c = client({ http: { sleep: clock.sleep, maxRetries: 8, onEvent: (e) => events.push(e) } });
      const locations = await c.admin.listLocations();
      for (let i = 0; i < 5; i++) await c.admin.listLocations();
      assert.equal(locations.length, 2);
      assert.ok(events.some((e) => e.kind === 'retry' && e.status !== undefined && e.status >= 500));
    });

    it('gives up after the bounded retries with a typed error carrying status, path and trackingId', async () => {
      emu.current.traffic.update({ faultRate: 1 });
      requests.length = 0;
      const error = await client({ http: { sleep: clock.sleep, maxRetries: 2 } })
        .admin.listLocations()
        .then(
          () => assert.fail('expected a server error'),
          (e: unknown) => e,
        );
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.code, 'server-error');
      assert.ok(error.status !== undefined && error.status >= 500);
      assert.equal(error.method, 'GET');
      assert.equal(error.path, '/v1/locations');
      assert.match(error.trackingId ?? '', /^ROUTER_/);
      assert.equal(requests.length, 3, 'one try plus two retries');
    });

    it('reports a network failure as network-error', async () => {
      const c = createWebexClient({
        baseUrl: 'http://127.0.0.1:9/v1',
        botToken: 'x',
        admin: { token: 'y' },
        http: { sleep: async () => {}, maxRetries: 1 },
      });
      await assert.rejects(
        c.admin.listLocations(),
        (e: unknown) => e instanceof WebexApiError && e.code === 'network-error',
      );
    });
  });

  describe('admin credentials', () => {
    const refreshing = () =>
      client({
        admin: {
          clientId: emu.current.adminClient.clientId,
          clientSecret: emu.current.adminClient.clientSecret,
          refreshToken: emu.current.adminClient.refreshToken,
        },
      });
    const tokenCalls = () => requests.filter((r) => r.startsWith('POST /v1/access_token 200')).length;

    it('gets a token through the refresh grant and renews it before it expires', async () => {
      const c = refreshing();
      await c.admin.listLocations();
      assert.equal(tokenCalls(), 1);
      await c.admin.listLocations();
      assert.equal(tokenCalls(), 1, 'the token is reused while fresh');
      clock.advance(3600_000 - 60_000); // inside the renewal margin, before expiry
      await c.admin.listLocations();
      assert.equal(tokenCalls(), 2);
      assert.ok(!requests.some((r) => / 401 /.test(r)), 'no request was sent with an expired token');
    });

    it('refreshes once after a 401 and retries', async () => {
      const c = refreshing();
      await c.admin.listLocations();
      emu.current.context.tokens.expireAdminTokens();
      const locations = await c.admin.listLocations();
      assert.equal(locations.length, 2);
      assert.ok(events.some((e) => e.kind === 'token-refreshed'));
      assert.equal(requests.filter((r) => / 401 /.test(r)).length, 1);
    });

    it('names the problem when the refresh credentials are wrong', async () => {
      const c = client({ admin: { clientId: 'C0', clientSecret: 'wrong', refreshToken: 'nope' } });
      await assert.rejects(c.admin.listLocations(), (e: unknown) => {
        assert.ok(e instanceof WebexApiError);
        assert.equal(e.code, 'unauthorized');
        assert.match(e.message, /refreshing the admin token failed/);
        return true;
      });
    });

    it('a bot token on an admin API is a 403 naming the missing scope', async () => {
      const c = client({ admin: { token: emu.current.botToken } });
      await assert.rejects(c.admin.listWorkspaces(), (e: unknown) => {
        assert.ok(e instanceof WebexApiError);
        assert.equal(e.status, 403);
        assert.equal(e.code, 'forbidden');
        assert.equal(e.missingScope, 'spark-admin:workspaces_read');
        assert.match(e.message, /missing scope spark-admin:workspaces_read/);
        assert.match(e.trackingId ?? '', /^ROUTER_/);
        return true;
      });
    });

    it('an unknown token is a 401 with a hint, and the token never appears in the error', async () => {
      const secret = 'not-a-real-token_P0A1_00000000-0000-0000-0000-000000000000';
      const c = client({ admin: { token: secret } });
      await assert.rejects(c.admin.listLocations(), (e: unknown) => {
        assert.ok(e instanceof WebexApiError);
        assert.equal(e.code, 'unauthorized');
        assert.match(e.message, /check the token setting/);
        assert.ok(!e.message.includes(secret));
        return true;
      });
    });
  });

  describe('paging and the directory', () => {
    const big = useEmulator(() => ({
      now: clock.now,
      workspaces: 250,
      onRequest: (line) => requests.push(line),
    }));

    it('follows Link rel="next" to the end, through an empty last page', async () => {
      const http = new WebexHttp({
        baseUrl: big.current.url,
        token: new StaticToken(big.current.adminToken),
      });
      const admin = new WebexAdminApi(http, 4, 50);
      requests.length = 0;
      const all = await admin.listWorkspaces();
      assert.equal(all.length, 250);
      assert.equal(new Set(all.map((w) => w.id)).size, 250);
      assert.equal(
        requests.filter((r) => r.startsWith('GET /v1/workspaces ')).length,
        6,
        '5 full pages and an empty one',
      );
    });

    it('caches the directory and capabilities for the TTL', async () => {
      const c = createWebexClient({
        baseUrl: big.current.url,
        botToken: big.current.botToken,
        admin: { token: big.current.adminToken },
        now: clock.now,
        directoryTtlMs: 60_000,
      });
      requests.length = 0;
      const [a, b] = await Promise.all([c.directory.get(), c.directory.get()]);
      assert.equal(a, b);
      assert.equal(a.workspaces.length, 250);
      assert.ok(a.locations.length >= 2);
      assert.ok(a.floors.length >= a.locations.length);
      const first = requests.length;
      await c.directory.get();
      assert.equal(requests.length, first, 'served from cache');
      clock.advance(61_000);
      await c.directory.get();
      assert.ok(requests.length > first, 'refetched after the TTL');
      const ws = a.workspaces[0]!;
      await c.directory.capabilities(ws.id);
      const afterCaps = requests.length;
      const caps = await c.directory.capabilities(ws.id);
      assert.equal(requests.length, afterCaps);
      assert.equal(typeof caps.temperature?.supported, 'boolean');
    });
  });
});
