import { isIP } from 'node:net';
import { z } from 'zod';
import { isTimeZone } from '../time-zones';
import type { AdminCredentials } from '../webex/client';
import { WEBEX_API_URL } from '../webex/client';

/**
 * The bot's settings, read once from the environment (and `.env`). Every one is documented in
 * `.env.example`. A missing or invalid setting stops start-up with one line naming it and the fix.
 */
export interface BotSettings {
  botToken: string;
  publicBaseUrl: string;
  webhookSecret: string;
  apiBaseUrl: string;
  /** U2C catalog for the Webex SDK inside the framework (only set against an emulator). */
  catalogUrl: string | undefined;
  admin: AdminCredentials;
  allowedDomains: string[];
  allowedPeople: string[];
  admins: string[];
  defaultTimeZone: string;
  defaultUnit: 'celsius' | 'fahrenheit';
  port: number;
  host: string;
  comfortBands: string | undefined;
  chartMode: 'local' | 'quickchart';
  chartTtlMinutes: number;
  chartWorkers: number;
  quickchartHost: string | undefined;
  quickchartApiKey: string | undefined;
  directoryTtlMinutes: number;
  /** Where the SQLite database lives (`:memory:` keeps nothing, for tests). */
  dataDir: string;
  /** PostgreSQL instead of SQLite (replicas share it); undefined: SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections per process to PostgreSQL. */
  databasePoolSize: number;
  /** The PostgreSQL schema of the bot's tables (replicas of one bot share it). */
  databaseSchema: string;
  /** The schema of the job engine's tables (pg-boss). */
  jobsSchema: string;
  /** How often alert rules are checked (lengthened when the API budget demands). */
  alertIntervalSeconds: number;
  /** Webex API calls per minute the bot may make for alerts and answers together. */
  apiBudgetPerMinute: number;
  /** Oldest data an answer reads, in days. */
  maxHistoryDays: number;
  /** A sensor with no reading for this many minutes counts as offline (`SENSOR_OFFLINE_AFTER_MINUTES`). */
  sensorOfflineAfterMinutes: number;
  /** Questions asked at most this long before a start are answered then (older: one line). */
  catchUpMinutes: number;
  /** `refuse`: no room data, alerts or reports in a space with a member from outside. */
  guestPolicy: 'refuse' | 'allow';
  /** Memory for the readings cache (MB); 0 turns the cache off. */
  readingsCacheMb: number;
  /** A report slot the bot reaches later than this is skipped (and noted in the next report). */
  reportLateLimitMinutes: number;
  /** Longest Retry-After the bot waits out; a longer one ends the answer with an error line. */
  rateLimitMaxWaitSeconds: number;
  /** A rate-limit wait at least this long is announced ("your answer is coming"). */
  rateLimitNoticeSeconds: number;
  /** When set, `GET /metrics` asks for `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Express `trust proxy`: false (default), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Longest time a client may take to send a whole request (headers and body), in seconds. */
  httpRequestTimeoutSeconds: number;
  /** Longest time a client may take to send the request headers, in seconds. */
  httpHeadersTimeoutSeconds: number;
  /** How long an idle keep-alive connection stays open, in seconds. */
  httpKeepAliveSeconds: number;
  /** Open connections the server accepts at once; more are refused. */
  httpMaxConnections: number;
  /** Start-up retries Webex (identity, webhooks) for at most this long, then exits non-zero. */
  startupTimeoutSeconds: number;
  /** How often the bot re-checks (and repairs) its webhooks and the readiness probes. */
  webhookCheckIntervalSeconds: number;
  /** Webex failing (5xx, network) for this long makes /readyz answer 503. */
  webexFailingSeconds: number;
  /** On SIGTERM: longest wait for answers in flight before closing anyway. */
  shutdownGraceSeconds: number;
  /**
   * Replicas: a process whose heartbeat is older than this is dead, and what it left half done (a
   * question, a report, an alert) is taken over by another. It beats every quarter of this.
   */
  replicaStaleSeconds: number;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

const HINTS: Record<string, string> = {
  WEBEX_BOT_TOKEN: 'the bot access token from developer.webex.com (My Apps → your bot)',
  PUBLIC_BASE_URL: 'the https URL where Webex reaches this server, e.g. https://bot.example.com',
  WEBHOOK_SECRET: 'a random string of at least 16 characters (e.g. `openssl rand -hex 20`)',
  SENSOR_OFFLINE_AFTER_MINUTES: 'whole minutes from 10 to 10080 (7 days), e.g. 120 for 2 h',
  WEBEX_ADMIN_TOKEN:
    'an admin token, or WEBEX_ADMIN_CLIENT_ID + WEBEX_ADMIN_CLIENT_SECRET + WEBEX_ADMIN_REFRESH_TOKEN',
};

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: off (default), a hop count, or comma-separated addresses/CIDRs; undefined when invalid. */
export function parseTrustProxy(value: string | undefined): false | number | string[] | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === 'off' || v === 'no' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : undefined;
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const valid = (entry: string) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) return false;
    if (prefix === undefined) return true;
    return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  };
  return entries.length > 0 && entries.every(valid) ? entries : undefined;
}

const seconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  WEBEX_BOT_TOKEN: z.string().trim().min(20, 'is missing or too short'),
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .url('must be an absolute URL')
    .refine((u) => /^https?:\/\//.test(u), 'must start with https:// (or http:// for a local test)'),
  WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters'),
  WEBEX_API_URL: z.string().trim().url('must be an absolute URL').default(WEBEX_API_URL),
  WEBEX_CATALOG_URL: z.string().trim().url('must be an absolute URL').optional(),
  WEBEX_ADMIN_TOKEN: z.string().trim().optional(),
  WEBEX_ADMIN_CLIENT_ID: z.string().trim().optional(),
  WEBEX_ADMIN_CLIENT_SECRET: z.string().trim().optional(),
  WEBEX_ADMIN_REFRESH_TOKEN: z.string().trim().optional(),
  ALLOWED_EMAIL_DOMAINS: z.string().optional(),
  ALLOWED_PEOPLE: z.string().optional(),
  ADMINS: z.string().optional(),
  DEFAULT_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Oslo'),
  DEFAULT_TEMPERATURE_UNIT: z.enum(['celsius', 'fahrenheit']).default('celsius'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().default('0.0.0.0'),
  COMFORT_BANDS: z.string().optional(),
  CHART_MODE: z.enum(['local', 'quickchart']).default('local'),
  CHART_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(24 * 60),
  CHART_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  QUICKCHART_HOST: z.string().trim().url('must be an absolute URL').optional(),
  QUICKCHART_API_KEY: z.string().trim().optional(),
  DIRECTORY_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine(
      (v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v),
      'must be a PostgreSQL URL, e.g. postgres://user:password@db.example.com:5432/roommetrics (or unset for SQLite in DATA_DIR)',
    ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,50}$/, 'must be a lower-case PostgreSQL identifier, e.g. room_metrics')
    .default('public'),
  ALERT_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  API_BUDGET_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(300),
  MAX_HISTORY_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  SENSOR_OFFLINE_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 60)
    .default(120),
  GUEST_POLICY: z.enum(['refuse', 'allow']).default('refuse'),
  CATCH_UP_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  READINGS_CACHE_MB: z.coerce.number().min(0).max(4096).default(16),
  REPORT_LATE_LIMIT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  RATE_LIMIT_MAX_WAIT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  RATE_LIMIT_NOTICE_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .optional()
    .refine(
      (v) => parseTrustProxy(v) !== undefined,
      'must be off, a hop count (1-10) or comma-separated proxy addresses/CIDRs (e.g. 10.0.0.0/8,loopback)',
    ),
  HTTP_REQUEST_TIMEOUT_SECONDS: seconds(1, 600, 10),
  HTTP_HEADERS_TIMEOUT_SECONDS: seconds(1, 600, 5),
  HTTP_KEEP_ALIVE_SECONDS: seconds(1, 600, 5),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(256),
  STARTUP_TIMEOUT_SECONDS: seconds(1, 3600, 120),
  WEBHOOK_CHECK_INTERVAL_SECONDS: seconds(1, 24 * 3600, 60),
  WEBEX_FAILING_SECONDS: seconds(1, 3600, 120),
  SHUTDOWN_GRACE_SECONDS: seconds(0, 600, 20),
  REPLICA_STALE_SECONDS: seconds(2, 600, 20),
});

/** Reads the settings; throws `SettingsError` with one line naming the first problem. */
export function readSettings(env: NodeJS.ProcessEnv): BotSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'settings');
    const missing = cleaned[key] === undefined;
    const hint = HINTS[key] ? ` Set it to ${HINTS[key]}.` : '';
    throw new SettingsError(
      `${key} ${missing ? 'is missing' : issue.message}.${hint} See .env.example for every setting.`,
    );
  }
  const s = parsed.data;
  let admin: AdminCredentials;
  if (s.WEBEX_ADMIN_CLIENT_ID || s.WEBEX_ADMIN_CLIENT_SECRET || s.WEBEX_ADMIN_REFRESH_TOKEN) {
    for (const key of [
      'WEBEX_ADMIN_CLIENT_ID',
      'WEBEX_ADMIN_CLIENT_SECRET',
      'WEBEX_ADMIN_REFRESH_TOKEN',
    ] as const) {
      if (!s[key]) {
        throw new SettingsError(
          `${key} is missing: refresh-token credentials need WEBEX_ADMIN_CLIENT_ID, WEBEX_ADMIN_CLIENT_SECRET and WEBEX_ADMIN_REFRESH_TOKEN together.`,
        );
      }
    }
    admin = {
      clientId: s.WEBEX_ADMIN_CLIENT_ID!,
      clientSecret: s.WEBEX_ADMIN_CLIENT_SECRET!,
      refreshToken: s.WEBEX_ADMIN_REFRESH_TOKEN!,
      ...(s.WEBEX_ADMIN_TOKEN ? { accessToken: s.WEBEX_ADMIN_TOKEN } : {}),
    };
  } else if (s.WEBEX_ADMIN_TOKEN) {
    admin = { token: s.WEBEX_ADMIN_TOKEN };
  } else {
    throw new SettingsError(
      `WEBEX_ADMIN_TOKEN is missing. Set it to ${HINTS.WEBEX_ADMIN_TOKEN} (scopes spark-admin:workspaces_read, spark-admin:workspace_metrics_read, spark-admin:locations_read).`,
    );
  }
  if (s.HTTP_HEADERS_TIMEOUT_SECONDS > s.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new SettingsError(
      `HTTP_HEADERS_TIMEOUT_SECONDS (${s.HTTP_HEADERS_TIMEOUT_SECONDS}) must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS (${s.HTTP_REQUEST_TIMEOUT_SECONDS}). See .env.example for every setting.`,
    );
  }
  const allowedDomains = list(s.ALLOWED_EMAIL_DOMAINS).map((d) => d.replace(/^@/, ''));
  const allowedPeople = list(s.ALLOWED_PEOPLE);
  if (allowedDomains.length === 0 && allowedPeople.length === 0) {
    throw new SettingsError(
      'ALLOWED_EMAIL_DOMAINS and ALLOWED_PEOPLE are both empty: set at least one (e.g. ALLOWED_EMAIL_DOMAINS=example.com) so the bot knows who may see room data.',
    );
  }
  return {
    botToken: s.WEBEX_BOT_TOKEN,
    publicBaseUrl: s.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    webhookSecret: s.WEBHOOK_SECRET,
    apiBaseUrl: s.WEBEX_API_URL.replace(/\/+$/, ''),
    catalogUrl: s.WEBEX_CATALOG_URL,
    admin,
    allowedDomains,
    allowedPeople,
    admins: list(s.ADMINS),
    defaultTimeZone: s.DEFAULT_TIME_ZONE,
    defaultUnit: s.DEFAULT_TEMPERATURE_UNIT,
    port: s.PORT,
    host: s.HOST,
    comfortBands: s.COMFORT_BANDS,
    chartMode: s.CHART_MODE,
    chartTtlMinutes: s.CHART_TTL_MINUTES,
    chartWorkers: s.CHART_WORKERS,
    quickchartHost: s.QUICKCHART_HOST,
    quickchartApiKey: s.QUICKCHART_API_KEY,
    directoryTtlMinutes: s.DIRECTORY_TTL_MINUTES,
    dataDir: s.DATA_DIR,
    databaseUrl: s.DATABASE_URL,
    databasePoolSize: s.DATABASE_POOL_SIZE,
    databaseSchema: s.DATABASE_SCHEMA,
    jobsSchema: s.DATABASE_SCHEMA === 'public' ? 'pgboss' : `${s.DATABASE_SCHEMA}_jobs`,
    alertIntervalSeconds: s.ALERT_INTERVAL_SECONDS,
    apiBudgetPerMinute: s.API_BUDGET_PER_MINUTE,
    maxHistoryDays: s.MAX_HISTORY_DAYS,
    sensorOfflineAfterMinutes: s.SENSOR_OFFLINE_AFTER_MINUTES,
    catchUpMinutes: s.CATCH_UP_MINUTES,
    guestPolicy: s.GUEST_POLICY,
    readingsCacheMb: s.READINGS_CACHE_MB,
    reportLateLimitMinutes: s.REPORT_LATE_LIMIT_MINUTES,
    rateLimitMaxWaitSeconds: s.RATE_LIMIT_MAX_WAIT_SECONDS,
    rateLimitNoticeSeconds: s.RATE_LIMIT_NOTICE_SECONDS,
    metricsToken: s.METRICS_TOKEN,
    logLevel: s.LOG_LEVEL,
    trustProxy: parseTrustProxy(s.TRUST_PROXY) ?? false,
    httpRequestTimeoutSeconds: s.HTTP_REQUEST_TIMEOUT_SECONDS,
    httpHeadersTimeoutSeconds: s.HTTP_HEADERS_TIMEOUT_SECONDS,
    httpKeepAliveSeconds: s.HTTP_KEEP_ALIVE_SECONDS,
    httpMaxConnections: s.HTTP_MAX_CONNECTIONS,
    startupTimeoutSeconds: s.STARTUP_TIMEOUT_SECONDS,
    webhookCheckIntervalSeconds: s.WEBHOOK_CHECK_INTERVAL_SECONDS,
    webexFailingSeconds: s.WEBEX_FAILING_SECONDS,
    shutdownGraceSeconds: s.SHUTDOWN_GRACE_SECONDS,
    replicaStaleSeconds: s.REPLICA_STALE_SECONDS,
  };
}
