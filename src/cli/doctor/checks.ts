import type { BotSettings } from '../../bot/settings';
import { describeUrl, openStore, type Store } from '../../store';
import { isTimeZone } from '../../time-zones';
import { createWebexClient } from '../../webex/client';
import { WebexApiError } from '../../webex/errors';
import { WebexHttp } from '../../webex/http';
import { WebexMessagingApi } from '../../webex/messaging-api';
import {
  type Location,
  METRIC_CAPABILITY,
  type MetricName,
  type Webhook,
  type Workspace,
} from '../../webex/wire';

/** One check's verdict: `detail` says what was seen; `fix` (failures only) what to do about it. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  /** Each network call's limit (ms). Default 5000. */
  timeoutMs?: number;
  now?: () => number;
}

export const SCOPE_WORKSPACES = 'spark-admin:workspaces_read';
export const SCOPE_LOCATIONS = 'spark-admin:locations_read';
export const SCOPE_METRICS = 'spark-admin:workspace_metrics_read';

/** The kv key the store probe writes (overwritten by every run; the Store has no delete). */
export const STORE_PROBE_KEY = 'doctor.lastCheck';

const START_SERVE = 'start `room-metrics serve` first, or check the proxy';
const ADMIN_SETTINGS =
  'WEBEX_ADMIN_CLIENT_ID, WEBEX_ADMIN_CLIENT_SECRET and WEBEX_ADMIN_REFRESH_TOKEN (or WEBEX_ADMIN_TOKEN)';

const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, ok: false, detail, fix });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Webex's answer in a few words: `401 The access token is invalid.` or `network error: …`. */
function said(error: unknown): string {
  if (error instanceof WebexApiError) {
    const what = error.status !== undefined ? String(error.status) : error.code.replace('-', ' ');
    const message = error.webexMessage ? ` ${error.webexMessage.replace(/\.$/, '')}` : '';
    return `${what}${error.status === undefined ? ':' : ''}${message}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

const statusOf = (error: unknown) => (error instanceof WebexApiError ? error.status : undefined);

/** The usual fix for an error that is not about the check itself (network, rate limit, outage). */
function transportFix(error: unknown, apiBaseUrl: string): string | undefined {
  if (!(error instanceof WebexApiError)) return undefined;
  if (error.code === 'network-error')
    return `check this machine's network, proxy and WEBEX_API_URL (${apiBaseUrl}), then run doctor again`;
  if (error.code === 'rate-limited')
    return `Webex is rate limiting this token; run doctor again in ${error.retryAfterSeconds ?? 60} s`;
  if (error.code === 'server-error') return 'Webex had a server error; run doctor again in a minute';
  return undefined;
}

/**
 * Every check doctor makes, in print order. The checks run concurrently (each network call has
 * its own short timeout); each promise settles with its verdict and never rejects. Webex is only
 * read; the store probe writes one kv value.
 */
export function runChecks(settings: BotSettings, options: DoctorOptions = {}): Promise<CheckResult>[] {
  const timeoutMs = options.timeoutMs ?? 5000;
  const now = options.now ?? Date.now;
  const http = { timeoutMs, maxRetries: 0, maxRateLimitRetries: 0, now };
  // Without a cached access token, the first admin call proves the refresh grant itself.
  const admin =
    'token' in settings.admin
      ? settings.admin
      : {
          clientId: settings.admin.clientId,
          clientSecret: settings.admin.clientSecret,
          refreshToken: settings.admin.refreshToken,
        };
  const webex = createWebexClient({
    baseUrl: settings.apiBaseUrl,
    botToken: settings.botToken,
    admin,
    concurrency: 1,
    http,
  });
  const adminAsPerson = new WebexMessagingApi(
    new WebexHttp({ ...http, baseUrl: settings.apiBaseUrl, token: webex.adminToken }),
  );
  const api = settings.apiBaseUrl;
  const webhookUrl = `${settings.publicBaseUrl}/webhook`;

  const botMe = webex.bot.me().then(
    (me) => ({ me }),
    (error: unknown) => ({ error }),
  );
  const adminCheck = checkAdmin(settings, webex.adminToken, adminAsPerson);
  const adminReady = adminCheck.then((r) => r.ok);
  const workspaces = adminReady.then((ok) =>
    ok ? settle(webex.admin.listWorkspaces({ includeCapabilities: true })) : undefined,
  );
  const locations = adminReady.then((ok) => (ok ? settle(webex.admin.listLocations()) : undefined));
  const health = probePublicUrl(settings.publicBaseUrl, timeoutMs);

  const safe = (name: string, check: Promise<CheckResult>): Promise<CheckResult> =>
    check.catch((error: unknown) =>
      fail(name, `the check itself failed: ${said(error)}`, 'report this with the line above'),
    );

  return [
    safe('bot token', checkBotToken(botMe, api)),
    safe('admin credentials', adminCheck),
    safe(
      `scope ${SCOPE_WORKSPACES}`,
      scopeCheck(SCOPE_WORKSPACES, workspaces, api, (items) => `${plural(items.length, 'workspace')} listed`),
    ),
    safe(
      `scope ${SCOPE_LOCATIONS}`,
      scopeCheck(SCOPE_LOCATIONS, locations, api, (items) => `${plural(items.length, 'location')} listed`),
    ),
    safe(`scope ${SCOPE_METRICS}`, checkMetrics(webex, workspaces, api, now)),
    safe(
      'public URL',
      health.then((h) => h.result),
    ),
    safe('webhook route', checkWebhookRoute(webhookUrl, health, timeoutMs)),
    ...checkWebhooks(webex.bot, botMe, settings, webhookUrl).map((check, i) =>
      safe(i === 0 ? 'webhook messages:created' : 'webhook attachmentActions:created', check),
    ),
    safe('store', checkStore(settings, now)),
    safe('time zones', checkTimeZones(settings.defaultTimeZone, locations)),
  ];
}

type Settled<T> = { value: T } | { error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function checkBotToken(
  botMe: Promise<{ me: { displayName: string; emails: string[]; type?: string } } | { error: unknown }>,
  api: string,
): Promise<CheckResult> {
  const name = 'bot token';
  const answer = await botMe;
  if ('error' in answer) {
    const { error } = answer;
    if (statusOf(error) === 401)
      return fail(
        name,
        `Webex does not accept WEBEX_BOT_TOKEN (${said(error)})`,
        'copy the bot access token from developer.webex.com → My Webex Apps → your bot (regenerate it if lost) into WEBEX_BOT_TOKEN',
      );
    return fail(
      name,
      `GET /people/me failed (${said(error)})`,
      transportFix(error, api) ?? 'check WEBEX_BOT_TOKEN and WEBEX_API_URL',
    );
  }
  const { me } = answer;
  const who = `${me.displayName}${me.emails[0] ? ` (${me.emails[0]})` : ''}`;
  if (me.type !== 'bot')
    return fail(
      name,
      `WEBEX_BOT_TOKEN belongs to ${who}, a ${me.type ?? 'person'}, not a bot`,
      "put the bot's own access token in WEBEX_BOT_TOKEN (developer.webex.com → My Webex Apps → Create a Bot)",
    );
  return pass(name, `bot ${who}`);
}

async function checkAdmin(
  settings: BotSettings,
  token: { getToken(): Promise<string> },
  asPerson: WebexMessagingApi,
): Promise<CheckResult> {
  const name = 'admin credentials';
  const refresh = !('token' in settings.admin);
  const kind = refresh ? 'refresh grant' : 'WEBEX_ADMIN_TOKEN';
  if (refresh) {
    try {
      await token.getToken();
    } catch (error) {
      return fail(
        name,
        `the refresh grant does not work (${said(error)})`,
        transportFix(error, settings.apiBaseUrl) ??
          'check WEBEX_ADMIN_CLIENT_ID, WEBEX_ADMIN_CLIENT_SECRET and WEBEX_ADMIN_REFRESH_TOKEN; an unused refresh token expires after 90 days: have a full admin re-authorise the Service App (or integration) for a new one',
      );
    }
  }
  try {
    const me = await asPerson.me();
    if (me.type === 'bot')
      return fail(
        name,
        `the ${kind} gives a token of the bot ${me.displayName}; bots have no admin access`,
        `use a Service App or admin integration: ${ADMIN_SETTINGS}`,
      );
    return pass(name, `${kind} works (token of ${me.displayName}${me.emails[0] ? `, ${me.emails[0]}` : ''})`);
  } catch (error) {
    // 403: the token was accepted but may not read its own profile (a Service App without people_read).
    if (statusOf(error) === 403) return pass(name, `${kind} works (the token may not read its own profile)`);
    if (statusOf(error) === 401)
      return fail(
        name,
        `Webex does not accept the admin token from the ${kind} (${said(error)})`,
        refresh
          ? 'check the Service App (or integration) is still authorised in Control Hub, then renew WEBEX_ADMIN_REFRESH_TOKEN'
          : 'WEBEX_ADMIN_TOKEN has expired or is wrong: paste a fresh one, or better, set the refresh grant (WEBEX_ADMIN_CLIENT_ID, WEBEX_ADMIN_CLIENT_SECRET, WEBEX_ADMIN_REFRESH_TOKEN)',
      );
    return fail(
      name,
      `GET /people/me with the admin token failed (${said(error)})`,
      transportFix(error, settings.apiBaseUrl) ?? `check ${ADMIN_SETTINGS}`,
    );
  }
}

/** The failure line of a scope check for an error of an admin call. */
function scopeFailure(scope: string, call: string, error: unknown, api: string): CheckResult {
  const name = `scope ${scope}`;
  if (statusOf(error) === 403) {
    const missing = error instanceof WebexApiError ? error.missingScope : undefined;
    const lacks = missing ?? scope;
    return fail(
      name,
      missing
        ? `the admin token lacks ${missing} (${call} answered 403)`
        : `${call} answered 403 (${said(error)}): the token lacks ${scope} or its user is not a full admin`,
      `add ${lacks} to the Service App (or admin integration), have a full admin of the organisation authorise it again, and put the new refresh token in WEBEX_ADMIN_REFRESH_TOKEN`,
    );
  }
  return fail(name, `${call} failed (${said(error)})`, transportFix(error, api) ?? `check ${ADMIN_SETTINGS}`);
}

const notChecked = (scope: string): CheckResult =>
  fail(`scope ${scope}`, 'not checked: the admin credentials do not work', 'fix the admin credentials first');

async function scopeCheck<T>(
  scope: string,
  answer: Promise<Settled<T[]> | undefined>,
  api: string,
  describe: (items: T[]) => string,
): Promise<CheckResult> {
  const settled = await answer;
  if (!settled) return notChecked(scope);
  const call = scope === SCOPE_WORKSPACES ? 'GET /workspaces' : 'GET /locations';
  if ('error' in settled) return scopeFailure(scope, call, settled.error, api);
  return pass(`scope ${scope}`, describe(settled.value));
}

/** The workspace and metric to read: preferably one with a temperature sensor. */
function sensorToRead(workspaces: Workspace[]): { workspace: Workspace; metric: MetricName } | undefined {
  const metrics = Object.entries(METRIC_CAPABILITY) as [MetricName, keyof typeof METRIC_CAPABILITY][];
  const order: MetricName[] = ['temperature', ...metrics.map(([m]) => m).filter((m) => m !== 'temperature')];
  for (const metric of order) {
    const capability = METRIC_CAPABILITY[metric];
    const workspace = workspaces.find((w) => w.capabilities?.[capability]?.supported);
    if (workspace) return { workspace, metric };
  }
  return workspaces[0] ? { workspace: workspaces[0], metric: 'temperature' } : undefined;
}

async function checkMetrics(
  webex: ReturnType<typeof createWebexClient>,
  workspaces: Promise<Settled<Workspace[]> | undefined>,
  api: string,
  now: () => number,
): Promise<CheckResult> {
  const name = `scope ${SCOPE_METRICS}`;
  const listed = await workspaces;
  if (!listed) return notChecked(SCOPE_METRICS);
  if ('error' in listed)
    return fail(
      name,
      `not checked: no workspace to read (GET /workspaces failed)`,
      `fix scope ${SCOPE_WORKSPACES} first`,
    );
  const target = sensorToRead(listed.value);
  if (!target)
    return fail(
      name,
      'not checked: the organisation has no workspaces',
      'add workspaces (with their Room Navigator or room device) in Control Hub',
    );
  const to = now();
  try {
    // The last hour, hourly: one window, so exactly one call.
    const result = await webex.admin.metrics({
      workspaceId: target.workspace.id,
      metricName: target.metric,
      aggregation: 'hourly',
      from: to - 3_600_000,
      to,
    });
    return pass(
      name,
      `read ${target.metric} of ${target.workspace.displayName} for the last hour (${plural(result.items.length, 'bucket')})`,
    );
  } catch (error) {
    return scopeFailure(SCOPE_METRICS, 'GET /workspaceMetrics', error, api);
  }
}

interface PublicProbe {
  result: CheckResult;
  /** Whether anything answered at the public URL (the route check is pointless otherwise). */
  reachable: boolean;
}

async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
}

/** Why a fetch failed, in a few words (`connect ECONNREFUSED 127.0.0.1:8080`, `timed out after 5 s`). */
function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return e.cause?.message ?? e.cause?.code ?? e.message ?? String(error);
}

/** GET `url` and its body as JSON (undefined when it is not JSON). */
async function getJson(url: string, timeoutMs: number): Promise<{ response: Response; body: unknown }> {
  const response = await fetchWithTimeout(url, { headers: { accept: 'application/json' } }, timeoutMs);
  const text = await response.text().catch(() => '');
  try {
    return { response, body: JSON.parse(text) as unknown };
  } catch {
    return { response, body: undefined };
  }
}

const brief = (body: unknown) => {
  const text = JSON.stringify(body) ?? '';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** GET `/livez` (when the bot has it), else `/healthz`, at the public URL. */
async function probePublicUrl(base: string, timeoutMs: number): Promise<PublicProbe> {
  const name = 'public URL';
  let url = `${base}/livez`;
  let answer: { response: Response; body: unknown };
  try {
    answer = await getJson(url, timeoutMs);
    if (answer.response.status === 404) {
      url = `${base}/healthz`;
      answer = await getJson(url, timeoutMs);
    }
  } catch (error) {
    return {
      reachable: false,
      result: fail(
        name,
        `nothing answers at ${base} from this machine (GET ${url.slice(base.length)}: ${networkReason(error, timeoutMs)}): the bot is not running there`,
        `${START_SERVE} (and PUBLIC_BASE_URL)`,
      ),
    };
  }
  const { response, body } = answer;
  const status = (body as { status?: unknown } | undefined)?.status;
  if (response.status >= 300 && response.status < 400)
    return {
      reachable: true,
      result: fail(
        name,
        `GET ${url} answered ${response.status}, a redirect to ${response.headers.get('location') ?? '?'}; Webex does not follow redirects`,
        'set PUBLIC_BASE_URL to the final URL',
      ),
    };
  if (typeof status !== 'string')
    return {
      reachable: true,
      result: fail(
        name,
        `GET ${url} answered ${response.status}, but not as this bot does`,
        `${START_SERVE}: PUBLIC_BASE_URL must lead to \`room-metrics serve\``,
      ),
    };
  if (!response.ok)
    return {
      reachable: true,
      result: fail(
        name,
        `the bot answers at ${url} but reports ${response.status} ${brief(body)}`,
        "check the running bot's log and settings (WEBEX_BOT_TOKEN), then restart it",
      ),
    };
  return { reachable: true, result: pass(name, `GET ${url} answered ${response.status} (${status})`) };
}

async function checkWebhookRoute(
  url: string,
  health: Promise<PublicProbe>,
  timeoutMs: number,
): Promise<CheckResult> {
  const name = 'webhook route';
  if (!(await health).reachable) return fail(name, `not checked: ${url} cannot be reached`, START_SERVE);
  let response: Response;
  try {
    response = await fetchWithTimeout(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-spark-signature': '0'.repeat(40) },
        body: JSON.stringify({ doctor: 'a delivery with a wrong signature' }),
      },
      timeoutMs,
    );
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    return fail(name, `POST ${url} failed (${networkReason(error, timeoutMs)})`, START_SERVE);
  }
  if (response.status === 401)
    return pass(name, `POST ${url} with a bad signature answered 401 (route present, signature enforced)`);
  if (response.status === 404 || response.status === 405)
    return fail(
      name,
      `POST ${url} answered ${response.status}: the route is missing`,
      `${START_SERVE}: the proxy must forward POST /webhook to the bot`,
    );
  if (response.status >= 200 && response.status < 300)
    return fail(
      name,
      `POST ${url} accepted a delivery with a bad signature (${response.status})`,
      'something other than `room-metrics serve` answers there: check the proxy and PUBLIC_BASE_URL',
    );
  return fail(name, `POST ${url} with a bad signature answered ${response.status}, not 401`, START_SERVE);
}

/** Whether `hook` delivers `resource`/`event` (a firehose `all`/`all` delivers messages). */
function delivers(hook: Webhook, resource: string, event: string): boolean {
  const resourceOk =
    hook.resource === resource || (resource !== 'attachmentActions' && hook.resource === 'all');
  return resourceOk && (hook.event === event || hook.event === 'all');
}

function checkWebhooks(
  bot: WebexMessagingApi,
  botMe: Promise<{ me: unknown } | { error: unknown }>,
  settings: BotSettings,
  url: string,
): Promise<CheckResult>[] {
  const hooks = botMe.then((answer) => ('error' in answer ? undefined : settle(bot.listWebhooks())));
  const restart =
    'restart `room-metrics serve`: it deletes and recreates its webhooks (with WEBHOOK_SECRET) when it starts';
  const one = async (resource: string, event: string): Promise<CheckResult> => {
    const name = `webhook ${resource}:${event}`;
    const listed = await hooks;
    if (!listed) return fail(name, 'not checked: the bot token does not work', 'fix the bot token first');
    if ('error' in listed)
      return fail(
        name,
        `GET /webhooks failed (${said(listed.error)})`,
        transportFix(listed.error, settings.apiBaseUrl) ?? 'check WEBEX_BOT_TOKEN',
      );
    const candidates = listed.value.filter((h) => delivers(h, resource, event));
    const here = candidates.filter((h) => h.targetUrl === url);
    if (here.length === 0) {
      const elsewhere = [...new Set(candidates.map((h) => h.targetUrl))];
      return fail(
        name,
        `no webhook of the bot points at ${url}${elsewhere.length ? ` (${plural(elsewhere.length, 'other target')}: ${elsewhere.join(', ')})` : ''}`,
        `${START_SERVE} (\`serve\` registers its webhooks when it starts); a bot running with another PUBLIC_BASE_URL must be restarted with ${settings.publicBaseUrl}`,
      );
    }
    const rank = (h: Webhook) =>
      (h.status === 'active' ? 2 : 0) + (h.secret === settings.webhookSecret ? 1 : 0);
    const hook = [...here].sort((a, b) => rank(b) - rank(a))[0]!;
    const label = `'${hook.resource}/${hook.event}'`;
    if (hook.status !== 'active')
      return fail(
        name,
        `the webhook ${label} to ${url} is ${hook.status ?? 'not active'} (Webex disables a webhook after repeated failed deliveries)`,
        `make sure the public URL check passes, then ${restart}`,
      );
    if (hook.secret === undefined || hook.secret === '')
      return fail(
        name,
        `the webhook ${label} shows no secret: either none is set (deliveries unsigned; the bot rejects them with 401) or the API hides it, which this check cannot see`,
        restart,
      );
    if (hook.secret !== settings.webhookSecret)
      return fail(
        name,
        `the webhook ${label} is signed with a secret other than WEBHOOK_SECRET: the bot rejects its deliveries with 401`,
        restart,
      );
    const filter = hook.filter ? `, filter ${hook.filter}` : '';
    const more = here.length > 1 ? ` (${here.length} webhooks point here)` : '';
    return pass(name, `${label} → ${url}, active, secret set${filter}${more}`);
  };
  return [one('messages', 'created'), one('attachmentActions', 'created')];
}

/** The driver's reason under a StoreError (`ENOTDIR: not a directory, mkdir '…'`). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

async function checkStore(
  settings: Pick<BotSettings, 'dataDir' | 'databaseUrl'>,
  now: () => number,
): Promise<CheckResult> {
  const name = 'store';
  const { dataDir, databaseUrl } = settings;
  if (!databaseUrl && dataDir === ':memory:')
    return pass(name, 'DATA_DIR=:memory: opens (nothing is kept across restarts: for tests only)');
  const what = databaseUrl ? `DATABASE_URL ${describeUrl(databaseUrl)}` : `DATA_DIR ${dataDir}`;
  let store: Store;
  try {
    store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl, poolSize: 1 } : {}) });
  } catch (error) {
    return fail(
      name,
      `${what} does not open (${causeOf(error)})`,
      databaseUrl
        ? 'check the URL, that PostgreSQL is reachable from here and that the user may create tables'
        : 'point DATA_DIR at a directory the bot may create and write (it holds room-metrics.sqlite)',
    );
  }
  try {
    const value = new Date(now()).toISOString();
    await store.setValue(STORE_PROBE_KEY, value);
    if ((await store.getValue(STORE_PROBE_KEY)) !== value)
      throw new Error('the value written did not read back');
    return pass(name, `${what} opens and is writable`);
  } catch (error) {
    return fail(
      name,
      `${what} opens but a write failed (${error instanceof Error ? error.message : String(error)})`,
      databaseUrl
        ? 'give the database user write access to its tables'
        : 'make DATA_DIR and its room-metrics.sqlite writable by the bot (and check the disk is not full)',
    );
  } finally {
    await store.close();
  }
}

async function checkTimeZones(
  defaultZone: string,
  locations: Promise<Settled<Location[]> | undefined>,
): Promise<CheckResult> {
  const name = 'time zones';
  if (!isTimeZone(defaultZone))
    return fail(
      name,
      `DEFAULT_TIME_ZONE ${defaultZone} is not an IANA time zone`,
      'set DEFAULT_TIME_ZONE to a zone such as Europe/Oslo',
    );
  const listed = await locations;
  const def = `DEFAULT_TIME_ZONE ${defaultZone}`;
  if (!listed || 'error' in listed)
    return fail(
      name,
      `${def} is valid; the locations' zones were not checked (no location list)`,
      `fix scope ${SCOPE_LOCATIONS} first`,
    );
  const bad = listed.value.filter((l) => !l.timeZone || !isTimeZone(l.timeZone));
  if (bad.length > 0)
    return fail(
      name,
      `${def} is valid; ${plural(bad.length, 'location has', 'locations have')} no valid time zone: ${bad
        .map((l) => `${l.name} (${l.timeZone ? `'${l.timeZone}'` : 'none'})`)
        .join(', ')}`,
      "set each location's time zone in Control Hub (Management → Workspaces → Locations)",
    );
  const zones = new Set(listed.value.map((l) => l.timeZone));
  return pass(
    name,
    `${def} and the ${plural(listed.value.length, 'location')}' zones (${[...zones].join(', ') || 'none'}) are valid`,
  );
}
