import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { decodeWebexId, webexId } from '../webex/ids';
import { ApiError, unauthorized } from './api-error';
import type { EmulatorContext } from './context';
import { cors } from './cors';
import { MessagingStore } from './messaging-store';
import { buildOrganisation } from './org';
import { PeopleDirectory, stableUuid, USER_KEYS, type UserKey } from './people';
import { accessTokenRoutes } from './routes/access-token';
import { adminRoutes } from './routes/admin';
import { attachmentActionRoutes } from './routes/attachment-actions';
import { membershipRoutes } from './routes/memberships';
import { messageRoutes } from './routes/messages';
import { metricsRoutes } from './routes/metrics';
import { peopleRoutes } from './routes/people';
import { roomRoutes } from './routes/rooms';
import { serviceCatalogRoutes } from './routes/service-catalog';
import { webhookRoutes } from './routes/webhooks';
import { type AdminClient, TokenRegistry } from './tokens';
import { newTrackingId } from './tracking-id';
import { TrafficControl, type TrafficOptions } from './traffic-control';
import { WebhookDispatcher } from './webhook-dispatcher';

export interface EmulatorOptions extends Partial<TrafficOptions> {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  seed?: number;
  /** Number of workspaces; default: the standard office of about a dozen rooms. */
  workspaces?: number;
  adminTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Injected clock (epoch ms); default Date.now. */
  now?: () => number;
  /** Called with one line per answered request (method, path, status, ms, trackingId, caller kind). */
  onRequest?: (line: string) => void;
}

export interface EmulatorInfo {
  url: string;
  /** U2C service catalog of the emulator, for the Webex SDK's `U2C_SERVICE_URL`. */
  catalogUrl: string;
  botToken: string;
  adminToken: string;
  adminClient: AdminClient;
  userTokens: Record<UserKey, string>;
  botEmail: string;
}

export interface RunningEmulator extends EmulatorInfo {
  context: EmulatorContext;
  traffic: TrafficControl;
  close(): Promise<void>;
}

function errorBody(message: string, description: string, trackingId: string) {
  return { message, errors: [{ description }], trackingId };
}

export function createEmulator(options: EmulatorOptions = {}) {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const org = buildOrganisation({ seed, ...(options.workspaces ? { workspaces: options.workspaces } : {}) });
  const createdAt = new Date(Date.UTC(2024, 0, 15, 9, 0)).toISOString();
  const people = new PeopleDirectory(seed, org.orgId, createdAt);
  const tokens = new TokenRegistry(
    seed,
    decodeWebexId(org.orgId)?.uuid ?? stableUuid(seed, 'org'),
    options.adminTokenTtlSeconds ?? 14 * 24 * 3600,
    options.refreshTokenTtlSeconds ?? 90 * 24 * 3600,
    now,
  );
  const store = new MessagingStore();
  const bot = people.byRole('bot');
  const webhooks = new WebhookDispatcher(
    store,
    { orgId: org.orgId, appId: webexId('APPLICATION', stableUuid(seed, 'app')) },
    (id) => people.get(id)?.type === 'bot',
    now,
  );
  const context: EmulatorContext = { now, org, people, tokens, store, webhooks };
  const botToken = tokens.registerBot(bot.id);
  const adminToken = tokens.registerAdmin(people.byRole('admin').id);
  const userTokens = Object.fromEntries(
    USER_KEYS.map((key) => [key, tokens.registerUser(key, people.byRole(key).id)]),
  ) as Record<UserKey, string>;

  const traffic = new TrafficControl(
    {
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      faultRate: options.faultRate ?? 0,
      faultAfterWriteRate: options.faultAfterWriteRate ?? 0,
      latencyMs: options.latencyMs ?? 0,
      seed: options.seed ?? 1,
    },
    now,
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const trackingId = newTrackingId();
    res.locals.trackingId = trackingId;
    res.setHeader('TrackingID', trackingId);
    if (options.onRequest) {
      const started = process.hrtime.bigint();
      const report = options.onRequest;
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        report(
          `${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${ms.toFixed(1)}ms ${trackingId} ${(res.locals.caller as { kind?: string } | undefined)?.kind ?? '-'}`,
        );
      });
    }
    next();
  });
  app.use(cors());
  app.use(traffic.latency);
  app.use(traffic.outage);
  app.use('/u2c/api/v1', serviceCatalogRoutes());
  // The refresh endpoint authenticates with client credentials, not a bearer token.
  app.use('/v1', express.urlencoded({ extended: false, limit: '64kb' }), accessTokenRoutes(context));
  app.use('/v1', (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      return next(unauthorized('Missing or malformed Authorization header; expected "Bearer <token>".'));
    const record = tokens.lookup(match[1]!);
    if (!record) return next(unauthorized('Invalid access token.'));
    if (tokens.isExpired(record)) return next(unauthorized('The access token has expired; refresh it.'));
    res.locals.caller = record;
    res.locals.scopes = tokens.scopesOf(record);
    next();
  });
  app.use('/v1', traffic.limit);
  app.use('/v1', express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  for (const routes of [
    peopleRoutes,
    roomRoutes,
    membershipRoutes,
    messageRoutes,
    attachmentActionRoutes,
    webhookRoutes,
    adminRoutes,
    metricsRoutes,
  ]) {
    app.use('/v1', routes(context));
  }
  app.use((_req, _res, next) =>
    next(new ApiError(404, 'The requested resource could not be found.', 'Unknown API path.')),
  );
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const trackingId = String(res.locals.trackingId ?? newTrackingId());
    let apiError: ApiError | undefined = error instanceof ApiError ? error : clientError(error);
    if (!apiError) {
      console.error('[emulator] unexpected error', error);
      apiError = new ApiError(500, 'Something went wrong on the server.');
    }
    for (const [k, v] of Object.entries(apiError.headers)) res.setHeader(k, v);
    res.status(apiError.status).json(errorBody(apiError.message, apiError.description, trackingId));
  });

  const info = (url: string): EmulatorInfo => ({
    url,
    catalogUrl: url.replace(/\/v1$/, '/u2c/api/v1'),
    botToken,
    adminToken,
    adminClient: tokens.adminClient,
    userTokens,
    botEmail: bot.emails[0]!,
  });
  return { app, context, traffic, info };
}

/**
 * Errors of Express and its body parsers that are the client's fault (a malformed or oversized
 * body, an unsupported charset, undecodable percent-encoding in the path) keep their 4xx status;
 * only what is left is a 500.
 */
function clientError(error: unknown): ApiError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new ApiError(413, 'Request entity too large.', error.message);
  if (type === 'entity.parse.failed') {
    return new ApiError(
      400,
      'The request was invalid or cannot be otherwise served.',
      `Malformed JSON body: ${error.message}`,
    );
  }
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 415) return new ApiError(415, 'Unsupported media type.', error.message);
  if (status === 413) return new ApiError(413, 'Request entity too large.', error.message);
  return new ApiError(400, 'The request was invalid or cannot be otherwise served.', error.message);
}

/** Starts the emulator on loopback (default) and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { app, context, traffic, info } = createEmulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 5000;
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...info(`http://${urlHost}:${port}/v1`),
    context,
    traffic,
    close: async () => {
      await context.webhooks.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
