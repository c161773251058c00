import { DateTime } from 'luxon';
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

/**
 * The API's own readings of one sensor over [from, to), oldest first, as a test's oracle: raw
 * readings (`value` = `max` = the reading) or hourly buckets (`value` the mean, `max` the max).
 */
export async function apiReadings(
  emulator: RunningEmulator,
  workspaceId: string,
  metricName: string,
  from: number,
  to: number,
  aggregation: 'none' | 'hourly' = 'none',
): Promise<{ t: number; value: number; max: number }[]> {
  const query = new URLSearchParams({
    workspaceId,
    metricName,
    aggregation,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    sortBy: 'oldestFirst',
  });
  const answer = await call(emulator, 'GET', `/workspaceMetrics?${query}`);
  if (answer.status !== 200) throw new Error(`GET /workspaceMetrics: ${answer.status} ${answer.text}`);
  const items = (
    answer.body as {
      items: { timestamp?: string; start?: string; value?: number; mean?: number; max?: number }[];
    }
  ).items;
  return items.map((i) => ({
    t: Date.parse((i.timestamp ?? i.start)!),
    value: (i.value ?? i.mean)!,
    max: (i.value ?? i.max)!,
  }));
}

/** One hour of the API's `/workspaceDurationMetrics`: minutes booked or used in the hour from `start`. */
export interface DurationBucket {
  start: string;
  duration: number;
}

/**
 * The API's own hourly booked/used minutes of one room over [from, to), as a test's oracle, asked
 * day by day (the API's hourly span is 48 h).
 */
export async function apiDurations(
  emulator: RunningEmulator,
  workspaceId: string,
  measurement: 'timeBooked' | 'timeUsed',
  from: number,
  to: number,
): Promise<DurationBucket[]> {
  const items: DurationBucket[] = [];
  for (let start = from; start < to; start += 86_400_000) {
    const query = new URLSearchParams({
      workspaceId,
      measurement,
      aggregation: 'hourly',
      from: new Date(start).toISOString(),
      to: new Date(Math.min(to, start + 86_400_000)).toISOString(),
    });
    const answer = await call(emulator, 'GET', `/workspaceDurationMetrics?${query}`);
    if (answer.status !== 200)
      throw new Error(`GET /workspaceDurationMetrics: ${answer.status} ${answer.text}`);
    items.push(...(answer.body as { items: DurationBucket[] }).items);
  }
  return items;
}

/**
 * Ingrid's group space `title` with the bot added to it, as the automation tests report into: the
 * space's id, the bot's person id and Ingrid as the creator of what is set up there.
 */
export async function reportSpace(
  emulator: RunningEmulator,
  title = 'Facilities Oslo',
): Promise<{ roomId: string; botId: string; creator: { personId: string; email: string } }> {
  const user = emulator.userTokens.ingrid;
  const me = (await call(emulator, 'GET', '/people/me', { token: user })).body as {
    id: string;
    emails: string[];
  };
  const bot = (await call(emulator, 'GET', '/people/me', { token: emulator.botToken })).body as {
    id: string;
  };
  const room = await call(emulator, 'POST', '/rooms', { token: user, json: { title } });
  if (room.status !== 200) throw new Error(`POST /rooms: ${room.status} ${room.text}`);
  const roomId = (room.body as { id: string }).id;
  const membership = await call(emulator, 'POST', '/memberships', {
    token: user,
    json: { roomId, personEmail: emulator.botEmail },
  });
  if (membership.status !== 200)
    throw new Error(`POST /memberships: ${membership.status} ${membership.text}`);
  return { roomId, botId: bot.id, creator: { personId: me.id, email: me.emails[0]! } };
}

/** Every workspace of the emulator's organisation, as the API lists them. */
export async function apiWorkspaces(
  emulator: RunningEmulator,
): Promise<{ id: string; displayName: string; locationId?: string }[]> {
  const listed = await call(emulator, 'GET', '/workspaces?max=1000');
  return (listed.body as { items: { id: string; displayName: string; locationId?: string }[] }).items;
}

/**
 * The most recent Wednesday at `hour:minute` in `zone`, at or before `now` and at least an hour
 * before the real clock (so the emulator has its readings): the working day e2e tests pin.
 */
export function pastWednesdayAt(now: number, zone: string, hour: number, minute = 0): number {
  let day = DateTime.fromMillis(now, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  while (day.weekday !== 3 || day.toMillis() > Date.now() - 3_600_000) day = day.minus({ days: 1 });
  return day.toMillis();
}
