import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server';

/** Starts an emulator for a `describe` block and closes it afterwards. */
export function useEmulator(options: EmulatorOptions | (() => EmulatorOptions) = {}): {
  readonly current: RunningEmulator;
} {
  let emulator: RunningEmulator | undefined;
  before(async () => {
    emulator = await startEmulator({ port: 0, ...(typeof options === 'function' ? options() : options) });
  });
  after(async () => {
    await emulator?.close();
  });
  return {
    get current(): RunningEmulator {
      if (!emulator) throw new Error('the emulator is not running (use inside a test)');
      return emulator;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A plain HTTP call to the emulator, for tests that check exact status codes and bodies. */
export async function call(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: {
    token?: string | null;
    json?: unknown;
    body?: RequestInit['body'];
    headers?: Record<string, string>;
  } = {},
): Promise<RawResponse> {
  const token = options.token === undefined ? emulator.adminToken : options.token;
  const url = /^https?:/.test(path) ? path : `${emulator.url}${path.startsWith('/') ? '' : '/'}${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. a 429 HTML body or a file)
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** Path of a request, as the OpenAPI validator wants it (`/v1/...` without host). */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}
