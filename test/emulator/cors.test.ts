import assert from 'node:assert/strict';
import { call, useEmulator } from '../support/emulator';

/** What a browser sends before a cross-origin call with a bearer token and a JSON body. */
const PREFLIGHT = {
  origin: 'http://127.0.0.1:3000',
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'authorization,content-type',
};

describe('emulator HTTP: CORS for browser clients', () => {
  const emulator = useEmulator();

  it('answers a preflight with 204 before authentication, allowing the Webex methods and headers', async () => {
    for (const path of ['/messages', '/attachment/actions', '/rooms/unknown', '/no/such/path']) {
      const res = await call(emulator.current, 'OPTIONS', path, { token: null, headers: PREFLIGHT });
      assert.equal(res.status, 204, `${path}: ${res.text}`);
      assert.equal(res.text, '');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const methods = (res.headers.get('access-control-allow-methods') ?? '').split(/,\s*/);
      assert.deepEqual(methods.sort(), ['DELETE', 'GET', 'POST', 'PUT']);
      const headers = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
      for (const h of ['authorization', 'content-type', 'trackingid']) assert.ok(headers.includes(h), h);
    }
  });

  it('lets the browser read answers and their TrackingID, Link and Retry-After headers', async () => {
    const res = await call(emulator.current, 'GET', '/rooms?max=1', {
      token: emulator.current.userTokens.ingrid,
      headers: { origin: 'http://127.0.0.1:3000' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
    for (const h of ['trackingid', 'link', 'retry-after']) assert.ok(exposed.includes(h), h);
  });

  it('keeps CORS headers on errors, so a browser can show 401s and 404s', async () => {
    const unauthorised = await call(emulator.current, 'GET', '/rooms', { token: 'nope' });
    assert.equal(unauthorised.status, 401);
    assert.equal(unauthorised.headers.get('access-control-allow-origin'), '*');
    const missing = await call(emulator.current, 'GET', '/no/such/path');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  });

  it('still needs a token for every real method', async () => {
    const res = await call(emulator.current, 'GET', '/people/me', { token: null });
    assert.equal(res.status, 401);
  });
});
