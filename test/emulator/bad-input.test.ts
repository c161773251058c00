import assert from 'node:assert/strict';
import type { Person, Room } from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { callers, expectError } from './webex-http';

describe('emulator HTTP: bad input never crashes it', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { bot, admin } = callers(() => emulator.current);
  let roomId: string;

  before(async () => {
    roomId = (await bot.post<Room>('/rooms', { title: 'Bad input' })).id;
  });

  const json = { 'content-type': 'application/json' };

  it('a malformed JSON body → 400', async () => {
    for (const path of ['/messages', '/rooms', '/webhooks', '/memberships']) {
      await bot.fails('POST', path, 400, { body: '{"roomId": "abc", ', headers: json });
    }
    await bot.fails('POST', '/messages', 400, { body: "{'single': 'quotes'}", headers: json });
  });

  it('a JSON array, string or null body to POST /messages → 400', async () => {
    await bot.fails('POST', '/messages', 400, { json: [{ roomId, text: 'hi' }] });
    await bot.fails('POST', '/messages', 400, { body: '"hello"', headers: json });
    await bot.fails('POST', '/messages', 400, { body: 'null', headers: json });
    await bot.fails('POST', '/messages', 400, { body: '', headers: json });
  });

  it('wrongly typed fields → 400', async () => {
    await bot.fails('POST', '/messages', 400, { json: { roomId, text: 42 } });
    await bot.fails('POST', '/messages', 400, { json: { roomId: 42, text: 'hi' } });
    await bot.fails('POST', '/messages', 400, { json: { roomId, text: 'hi', attachments: 'nope' } });
    await bot.fails('POST', '/messages', 400, { json: { roomId, files: ['/etc/passwd'] } });
    // Nothing to post: empty lists do not count as content.
    await bot.fails('POST', '/messages', 400, { json: { roomId, attachments: [] } });
    await bot.fails('POST', '/messages', 400, { json: { roomId, files: [] } });
    await bot.fails('POST', '/messages', 400, { json: { roomId, text: null, markdown: null } });
    await bot.fails('POST', '/rooms', 400, { json: { title: ['a'] } });
    await bot.fails('POST', '/webhooks', 400, { json: { name: { a: 1 }, targetUrl: 'https://x.example' } });
    await bot.fails('POST', '/memberships', 400, { json: { roomId, personId: 7 } });
  });

  it('text/plain to POST /messages → 415', async () => {
    await bot.fails('POST', '/messages', 415, {
      body: JSON.stringify({ roomId, text: 'hi' }),
      headers: { 'content-type': 'text/plain' },
    });
    await bot.fails('POST', '/messages', 415, {
      body: `roomId=${roomId}&text=hi`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  });

  it('a broken multipart body → 400', async () => {
    await bot.fails('POST', '/messages', 400, {
      body: '--xyz\r\nContent-Disposition: form-data; name="roomId"\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    await bot.fails('POST', '/messages', 400, {
      body: 'whatever',
      headers: { 'content-type': 'multipart/form-data' },
    });
  });

  it('an unknown path → 404 with a JSON Webex error body', async () => {
    const res = await bot.raw('GET', '/no/such/thing');
    expectError(res, 404, 'GET', '/no/such/thing');
    expectError(await bot.raw('GET', '/workspaces/a/b/c/d'), 404, 'GET', '/workspaces/a/b/c/d');
    // Outside /v1 as well.
    const root = await fetch(new URL('/', emulator.current.url));
    assert.equal(root.status, 404);
    assert.match(root.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('a wrong method → 405 with Allow', async () => {
    const res = await bot.raw('PATCH', '/rooms', { json: { title: 'x' } });
    expectError(res, 405, 'PATCH', '/rooms');
    assert.match(res.headers.get('allow') ?? '', /GET/);
    assert.match(res.headers.get('allow') ?? '', /POST/);
    expectError(await admin.raw('DELETE', '/workspaces'), 405, 'DELETE', '/workspaces');
    expectError(await admin.raw('POST', '/workspaceMetrics', { json: {} }), 405, 'POST', '/workspaceMetrics');
    expectError(await bot.raw('PUT', '/people/me', { json: {} }), 405, 'PUT', '/people/me');
  });

  it('a 2 MB JSON body → 413', async () => {
    const big = JSON.stringify({ roomId, text: 'x', padding: 'y'.repeat(2 * 1024 * 1024) });
    await bot.fails('POST', '/messages', 413, { body: big, headers: json });
  });

  it('malformed percent-encoding and odd query strings → 4xx, not 500', async () => {
    const badPath = await bot.raw('GET', '/people/%E0%A4%A');
    expectError(badPath, 400, 'GET', '/people/%E0%A4%A');
    const badQuery = await admin.raw('GET', '/workspaces?displayName=%E0%A4%A');
    assert.ok(badQuery.status < 500, `status ${badQuery.status}`);
    const nested = await admin.raw('GET', '/workspaces?type[a]=b');
    assert.ok(nested.status < 500, `status ${nested.status}`);
    expectError(await admin.raw('GET', '/workspaces?max=abc'), 400, 'GET', '/workspaces');
    expectError(await admin.raw('GET', '/workspaces?max=0'), 400, 'GET', '/workspaces');
    expectError(await admin.raw('GET', '/workspaces?start=-1'), 400, 'GET', '/workspaces');
  });

  it('after all of that, GET /people/me still answers 200', async () => {
    const me = await bot.get<Person>('/people/me');
    assert.equal(me.type, 'bot');
    await admin.get('/workspaces');
  });
});
