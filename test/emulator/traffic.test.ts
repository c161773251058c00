import assert from 'node:assert/strict';
import type { Person } from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { validateResponse } from '../support/openapi';
import { callers, expectError } from './webex-http';

describe('emulator HTTP: rate limits, faults and latency', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { bot, admin, ingrid } = callers(() => emulator.current);

  afterEach(() =>
    emulator.current.traffic.update({
      rateLimitPerMinute: 0,
      faultRate: 0,
      faultAfterWriteRate: 0,
      latencyMs: 0,
    }),
  );

  it('rateLimitPerMinute: the N+1st request of a token → 429 + Retry-After; other tokens keep their budget', async () => {
    const limit = 5;
    emulator.current.traffic.update({ rateLimitPerMinute: limit });
    for (let i = 0; i < limit; i++) await bot.get<Person>('/people/me');
    const limited = await bot.raw('GET', '/people/me');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60,
      `Retry-After ${retryAfter}`,
    );
    validateResponse('GET', '/people/me', 429, limited.body);

    // Separate budgets: the admin and a user token still get through.
    await admin.get('/workspaces');
    await ingrid.get<Person>('/people/me');

    // Still limited one second before the window ends, free again when Retry-After has passed.
    clock.advance((retryAfter - 1) * 1000);
    assert.equal((await bot.raw('GET', '/people/me')).status, 429);
    clock.advance(1000);
    await bot.get<Person>('/people/me');
  });

  it('a limited token is limited on every endpoint, including writes', async () => {
    emulator.current.traffic.update({ rateLimitPerMinute: 2 });
    await bot.get<Person>('/people/me');
    await bot.get('/rooms');
    const write = await bot.raw('POST', '/rooms', { json: { title: 'limited' } });
    assert.equal(write.status, 429);
    assert.ok(write.headers.get('retry-after'));
    emulator.current.traffic.update({ rateLimitPerMinute: 0 });
    const rooms = await bot.get<{ items: { title: string }[] }>('/rooms');
    assert.ok(
      rooms.items.every((r) => r.title !== 'limited'),
      'a 429 request must have no effect',
    );
  });

  it('faultRate 1 → every request answers 5xx with a Webex error body', async () => {
    emulator.current.traffic.update({ faultRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await bot.raw('GET', '/people/me');
      assert.ok(res.status >= 500 && res.status < 600, `status ${res.status}`);
      expectError(res, res.status, 'GET', '/people/me');
      statuses.add(res.status);
    }
    const admin5xx = await admin.raw('GET', '/workspaces');
    expectError(admin5xx, admin5xx.status, 'GET', '/workspaces');
    assert.ok(admin5xx.status >= 500);
    emulator.current.traffic.update({ faultRate: 0 });
    await bot.get<Person>('/people/me');
  });

  it('latencyMs delays each answer by at least that long', async () => {
    emulator.current.traffic.update({ latencyMs: 120 });
    const started = performance.now();
    await bot.get<Person>('/people/me');
    assert.ok(performance.now() - started >= 120 - 1, `answered after ${performance.now() - started} ms`);
  });

  it('faultAfterWriteRate: the write happens, the caller gets a 502 (reads are never hit)', async () => {
    const room = await ingrid.post<{ id: string }>('/rooms', { title: 'After-write faults' });
    emulator.current.traffic.update({ faultAfterWriteRate: 1 });
    const lost = await ingrid.raw('POST', '/messages', {
      json: { roomId: room.id, markdown: 'did it land?' },
    });
    assert.equal(lost.status, 502);
    validateResponse('POST', '/messages', 502, lost.body);
    const listed = await ingrid.get<{ items: { markdown?: string }[] }>(`/messages?roomId=${room.id}`);
    assert.deepEqual(
      listed.items.map((m) => m.markdown),
      ['did it land?'],
      'the message exists although its answer was lost',
    );
    emulator.current.traffic.update({ faultAfterWriteRate: 0 });
    assert.equal(
      (await ingrid.raw('POST', '/messages', { json: { roomId: room.id, markdown: 'again' } })).status,
      200,
    );
  });

  it('failPath: one API is down for a while for every caller, the others answer', async () => {
    emulator.current.traffic.failPath({ method: 'GET', path: '/v1/people/me', forMs: 120_000 });
    assert.equal((await bot.raw('GET', '/people/me')).status, 503);
    assert.equal((await ingrid.raw('GET', '/people/me')).status, 503);
    await admin.get('/workspaces');
    clock.advance(119_000);
    assert.equal((await bot.raw('GET', '/people/me')).status, 503);
    clock.advance(1_000);
    await bot.get<Person>('/people/me');
  });
});
