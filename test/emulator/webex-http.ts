/**
 * Helpers of the emulator's HTTP tests: a caller bound to one token, whose answers are checked
 * against the official OpenAPI schemas (success bodies) or the Webex error body (failures).
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../src/emulator/server';
import type { WebexErrorBody } from '../../src/webex/wire';
import { call, type RawResponse } from '../support/emulator';
import { findOperation, validateResponse } from '../support/openapi';

type CallOptions = NonNullable<Parameters<typeof call>[3]>;

function describeCall(method: string, path: string, res: RawResponse): string {
  return `${method} ${path} → ${res.status}: ${res.text.slice(0, 400)}`;
}

/**
 * Asserts a Webex error answer: the status, a JSON body with `message`, `errors[0].description`
 * and `trackingId`, and a `TrackingID` header equal to the body's. Paths the specs know are also
 * validated with the OpenAPI helper.
 */
export function expectError(
  res: RawResponse,
  status: number,
  method: string,
  path: string,
  description?: RegExp,
): WebexErrorBody {
  assert.equal(res.status, status, describeCall(method, path, res));
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = res.body as Partial<WebexErrorBody> | undefined;
  assert.ok(body && typeof body === 'object', `no JSON error body: ${res.text}`);
  assert.ok(typeof body.message === 'string' && body.message.length > 0, `no message: ${res.text}`);
  assert.equal(typeof body.errors?.[0]?.description, 'string', `no errors[0].description: ${res.text}`);
  assert.equal(typeof body.trackingId, 'string');
  assert.equal(res.headers.get('trackingid'), body.trackingId, 'TrackingID header ≠ body trackingId');
  if (description) assert.match(body.errors?.[0]?.description ?? '', description);
  // 413 is not among the statuses Webex documents (nor the validator accepts), but it is the
  // emulator's answer to an oversized body: its body shape is checked above.
  if (status !== 413 && findOperation(method, path)) {
    validateResponse(method, path, status, body, { strict: true });
  }
  return body as WebexErrorBody;
}

/** Asserts a success status and a body valid against the spec (strict: no invented fields). */
export function expectOk<T>(res: RawResponse, method: string, path: string, status = 200): T {
  assert.equal(res.status, status, describeCall(method, path, res));
  validateResponse(method, path, status, res.body, { strict: true });
  return res.body as T;
}

/** Calls the emulator as one token. */
export class Caller {
  constructor(
    private readonly emulator: () => RunningEmulator,
    private readonly token: () => string | null,
  ) {}

  raw(method: string, path: string, options: CallOptions = {}): Promise<RawResponse> {
    return call(this.emulator(), method, path, { token: this.token(), ...options });
  }

  async get<T>(path: string): Promise<T> {
    return expectOk<T>(await this.raw('GET', path), 'GET', path);
  }

  async post<T>(path: string, json: unknown, status = 200): Promise<T> {
    return expectOk<T>(await this.raw('POST', path, { json }), 'POST', path, status);
  }

  async put<T>(path: string, json: unknown): Promise<T> {
    return expectOk<T>(await this.raw('PUT', path, { json }), 'PUT', path);
  }

  async delete(path: string): Promise<void> {
    const res = await this.raw('DELETE', path);
    expectOk<undefined>(res, 'DELETE', path, 204);
    assert.equal(res.text, '');
  }

  async fails(
    method: string,
    path: string,
    status: number,
    options: CallOptions & { description?: RegExp } = {},
  ): Promise<WebexErrorBody> {
    const { description, ...rest } = options;
    return expectError(await this.raw(method, path, rest), status, method, path, description);
  }
}

/** Callers for every token of an emulator (resolved lazily, inside tests). */
export function callers(emulator: () => RunningEmulator) {
  const as = (token: () => string | null) => new Caller(emulator, token);
  return {
    bot: as(() => emulator().botToken),
    admin: as(() => emulator().adminToken),
    ingrid: as(() => emulator().userTokens.ingrid),
    ola: as(() => emulator().userTokens.ola),
    kari: as(() => emulator().userTokens.kari),
    sam: as(() => emulator().userTokens.sam),
    anonymous: as(() => null),
    as,
  };
}

/** `?a=1&b=2` from a record (values are encoded). */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
