import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino, { type Logger } from 'pino';
import type FrameworkClass from 'webex-node-bot-framework';
import { AlertRunner } from '../automation/alert-runner';
import { Automation } from '../automation/automation';
import type { PostGuard } from '../automation/post-once';
import { ReportRunner } from '../automation/report-runner';
import { ChartStore, chartRoutes, createChartRenderer } from '../charts';
import { parseComfortBands } from '../metrics';
import { answerLimits } from '../plan/limits';
import { ReadingsCache } from '../readings/readings-cache';
import { type DeliveryClaim, IN_MEMORY, openSqliteStore, openStore, type Store } from '../store';
import type { PostgresJobs } from '../store/postgres-jobs';
import { createWebexClient, type WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import type { Person } from '../webex/wire';
import { isAllowed } from './access';
import { answerScope } from './answer-scope';
import { Conversation } from './conversation';
import { ConversationMemory } from './conversation-memory';
import { loadFramework, startWithoutWebhooks } from './framework-loader';
import { BotHealth, WebexPulse } from './health';
import { createHttpServer, errorHandler, requestIds } from './http-server';
import { Liveness } from './liveness';
import { RecentIds } from './recent-ids';
import type { BotSettings } from './settings';
import { SpaceMembers } from './space-members';
import { SpaceSettingsStore } from './space-settings';
import { errorLine, retryUntil, StartupError } from './startup';
import { Sweep } from './sweep';
import { takeOverUnfinished } from './take-over';
import { Telemetry } from './telemetry';
import type { Delivery } from './webhook-envelope';
import { WebhookLeader } from './webhook-leader';
import { webhookReceiver } from './webhook-receiver';
import { ensureWebhooks, frameworkWebhookName, webhookProblem } from './webhook-registration';

export interface RunningBot {
  url: string;
  me: Person;
  webex: WebexClient;
  conversation: Conversation;
  log: Logger;
  store: Store;
  alerts: AlertRunner;
  reports: ReportRunner;
  health: BotHealth;
  /** Answers in flight (deliveries acknowledged and still being handled). */
  inFlight(): number;
  /**
   * Stops taking deliveries (503), waits for answers in flight (at most SHUTDOWN_GRACE_SECONDS),
   * then closes everything. Safe to call twice.
   */
  stop(): Promise<void>;
}

export interface BotOptions {
  now?: () => number;
  log?: Logger;
  /** Waits between alert polls (spreading a pass); tests with a fake clock pass a no-op. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** False: reports and alerts run only when a test calls them (`reports.tick()`, `alerts.pass()`). */
  automation?: boolean;
  /** How often report slots are checked (default 15 s; the sandbox checks more often). */
  reportTickMs?: number;
}

/** The bot's logger (JSON lines on stdout; tokens redacted). */
export function createBotLog(settings: Pick<BotSettings, 'logLevel'>): Logger {
  return pino({
    level: settings.logLevel,
    redact: { paths: ['*.token', '*.authorization', '*.botToken'], censor: '[redacted]' },
  });
}

/** Webex's name for the framework's webhooks, so the framework recognises its own deliveries. */
const signFor = (secret: string, body: unknown) =>
  createHmac('sha1', secret).update(JSON.stringify(body)).digest('hex');

/**
 * The bot server: webex-node-bot-framework in webhook mode behind our own Express server. Our
 * guards (raw-body signature, de-duplication, self) run first; messages and card submits go to the
 * conversation directly (fast, with retries and 429 handling); space lifecycle events go to the
 * framework.
 */
/** How long answered deliveries are remembered (replays older than this are not recognised). */
const DELIVERY_MEMORY_MS = 7 * 86_400_000;
/** How often a process that does not lead the webhooks tries to take the lead. */
const LEAD_RETRY_MS = 5_000;
/** pg-boss, loaded only for replicas on PostgreSQL (an SQLite bot does not carry it). */
const loadPostgresJobs = (): typeof PostgresJobs =>
  (require('../store/postgres-jobs') as typeof import('../store/postgres-jobs')).PostgresJobs;
/** How often replicas look for deliveries a dead replica left unfinished. */
const TAKE_OVER_EVERY_MS = 10_000;

export async function startBot(settings: BotSettings, options: BotOptions = {}): Promise<RunningBot> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createBotLog(settings);
  // Start-up retries Webex with backoff until this (real-time) deadline, then gives up cleanly.
  const deadline = Date.now() + settings.startupTimeoutSeconds * 1000;
  const retryLog = (what: string) => (error: unknown, waitMs: number, attempt: number) =>
    log.warn({ attempt, waitMs, reason: errorLine(error) }, `start-up: ${what} failed; retrying`);
  const pulse = new WebexPulse(now);
  const telemetry = new Telemetry({ token: settings.metricsToken, apiBaseUrl: settings.apiBaseUrl });
  const webex = createWebexClient({
    baseUrl: settings.apiBaseUrl,
    botToken: settings.botToken,
    admin: settings.admin,
    directoryTtlMs: settings.directoryTtlMinutes * 60_000,
    now,
    http: {
      maxRetryAfterSeconds: settings.rateLimitMaxWaitSeconds,
      fetch: pulse.wrapFetch(telemetry.webexFetch()),
      onEvent: (event) => {
        telemetry.webexEvent(event);
        if (event.kind === 'rate-limited') answerScope.getStore()?.onRateLimited(event.waitMs ?? 0);
        if (event.kind === 'failed') log.warn(event, 'Webex call failed');
        else log.debug(event, 'Webex call retried');
      },
    },
  });
  // Everything start-up opens, closed in reverse order if it cannot finish.
  const opened: { what: string; close: () => unknown }[] = [
    { what: 'telemetry', close: () => telemetry.close() },
  ];
  const closeOpened = async () => {
    for (const { what, close } of opened.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        log.warn({ err: error }, `closing ${what} failed`);
      }
    }
  };
  try {
    return await startOpened();
  } catch (error) {
    await closeOpened();
    throw error;
  }

  async function startOpened(): Promise<RunningBot> {
    const me: Person = await retryUntil(
      'Webex did not answer GET /people/me',
      () =>
        webex.bot.me().catch((error: unknown) => {
          if (error instanceof WebexApiError && error.code === 'unauthorized') {
            throw new StartupError(
              `WEBEX_BOT_TOKEN was rejected by Webex (401, trackingId ${error.trackingId}): check the bot token.`,
            );
          }
          throw error;
        }),
      {
        deadline,
        isFatal: (error) => error instanceof StartupError,
        onRetry: retryLog('GET /people/me'),
      },
    ).catch((error: unknown) => {
      // A refused token is already one clear line; keep it as it is.
      if (error instanceof StartupError && /WEBEX_BOT_TOKEN was rejected/.test(error.message))
        throw new StartupError(error.message.slice(error.message.indexOf('WEBEX_BOT_TOKEN')));
      throw error;
    });
    webex.directory
      .get()
      .catch((error: unknown) => log.warn({ err: error }, 'workspace directory not available yet'));

    const store: Store =
      !settings.databaseUrl && settings.dataDir === IN_MEMORY
        ? openSqliteStore({ file: IN_MEMORY })
        : await openStore({
            dataDir: settings.dataDir,
            ...(settings.databaseUrl
              ? {
                  databaseUrl: settings.databaseUrl,
                  poolSize: settings.databasePoolSize,
                  ...(settings.databaseSchema !== 'public' ? { schema: settings.databaseSchema } : {}),
                }
              : {}),
          });
    opened.push({ what: 'the store', close: () => store.close() });
    // Replicas on PostgreSQL: each beats, and takes over what a dead one left half done.
    const liveness = new Liveness(store, now, {
      shared: store.kind === 'postgres',
      staleMs: settings.replicaStaleSeconds * 1000,
      beatMs: settings.replicaStaleSeconds * 250,
      info: settings.publicBaseUrl,
      onBeatFailed: (error) => log.warn({ err: error }, 'heartbeat could not be saved'),
    });
    await liveness.start();
    opened.push({ what: 'the heartbeat', close: () => liveness.stop() });
    const chartStore = new ChartStore({
      ttlMs: settings.chartTtlMinutes * 60_000,
      now,
      // Any replica serves any chart: the request is in the store, the image is drawn again.
      shared: {
        save: (id, request, expiresAt) => store.setMemo(`chart:${id}`, request, expiresAt),
        load: (id, at) => store.getMemo(`chart:${id}`, at),
      },
    });
    const charts = createChartRenderer({
      mode: settings.chartMode,
      publicBaseUrl: settings.publicBaseUrl,
      store: chartStore,
      workers: settings.chartWorkers,
      onDrawingFailed: (error) =>
        log.error({ err: error }, 'a chart could not be drawn; its image is missing'),
      ...(settings.quickchartHost ? { quickchartHost: settings.quickchartHost } : {}),
      ...(settings.quickchartApiKey ? { quickchartApiKey: settings.quickchartApiKey } : {}),
    });
    opened.push({ what: 'the chart renderer', close: () => charts.close() });
    const spaces = new SpaceSettingsStore(
      { timeZone: settings.defaultTimeZone, unit: settings.defaultUnit },
      store,
    );
    const bands = parseComfortBands(settings.comfortBands);
    const limits = answerLimits(
      settings.apiBudgetPerMinute,
      settings.maxHistoryDays,
      settings.sensorOfflineAfterMinutes,
    );
    const cache =
      settings.readingsCacheMb > 0
        ? new ReadingsCache({ maxBytes: settings.readingsCacheMb * 1024 * 1024, store, now })
        : undefined;
    // Stored buckets older than the history an answer reads are never used again.
    await cache?.prune(settings.maxHistoryDays * 86_400_000);
    if (cache) opened.push({ what: 'the readings cache', close: () => cache.flush() });
    if (cache) telemetry.watchCache(cache);
    const automationLog = log.child({ part: 'automation' });
    // Who is in each space: room data, alerts and reports only where everyone is allowed.
    const members = new SpaceMembers(
      webex,
      store,
      me.id,
      (email) => isAllowed(email, settings.allowedDomains, settings.allowedPeople),
      now,
    );
    // Reports and alerts a dead replica claimed are taken over, unless its post landed after all.
    const guard: PostGuard = {
      claimant: () => liveness.claimant(),
      landed: (roomId, since, looksLike) => conversation.ownMessage(roomId, since, looksLike),
    };
    const alerts = new AlertRunner({
      store,
      webex,
      charts,
      now,
      sleep: options.sleep ?? sleepUnlessAborted,
      log: automationLog,
      spaceOf: (roomId) => spaces.get(roomId),
      intervalMs: settings.alertIntervalSeconds * 1000,
      budgetPerMinute: settings.apiBudgetPerMinute,
      onPass: (seconds, result, oneRule) => telemetry.alertPass(seconds, result, oneRule),
      paused: (roomId) => conversation.paused(roomId),
      guard,
      // "Unusual" rules read their baselines' past hours through the same cache as answers.
      ...(cache ? { cache } : {}),
    });
    const reports = new ReportRunner({
      store,
      webex,
      charts,
      bands,
      now,
      log: automationLog,
      spaceOf: (roomId) => spaces.get(roomId),
      lateLimitMs: settings.reportLateLimitMinutes * 60_000,
      onReport: (outcome) => telemetry.report(outcome),
      paused: (roomId) => conversation.paused(roomId),
      guard,
      limits,
      ...(cache ? { cache } : {}),
    });
    // Replicas: report ticks and alert passes once per period across all of them (pg-boss).
    const jobs =
      store.kind === 'postgres' && settings.databaseUrl && options.automation !== false
        ? await loadPostgresJobs().start({
            url: settings.databaseUrl,
            schema: settings.jobsSchema,
            log: automationLog,
          })
        : undefined;
    if (jobs)
      opened.push({ what: 'the job engine', close: () => jobs.stop(settings.shutdownGraceSeconds * 1000) });
    const automation = new Automation({
      alerts,
      reports,
      log: automationLog,
      alertIntervalMs: settings.alertIntervalSeconds * 1000,
      ...(jobs ? { jobs } : {}),
      ...(options.reportTickMs ? { reportTickMs: options.reportTickMs } : {}),
    });
    const conversation: Conversation = new Conversation({
      webex,
      charts,
      bands,
      memory: new ConversationMemory(store, 30 * 60_000, now),
      spaces,
      store,
      automation: {
        evaluateRuleNow: (ruleId) => automation.evaluateRuleNow(ruleId),
        sendReportNow: (report) => reports.sendNow(report),
      },
      me,
      allowedDomains: settings.allowedDomains,
      allowedPeople: settings.allowedPeople,
      rateLimitNoticeMs: settings.rateLimitNoticeSeconds * 1000,
      onAnswer: (intent, outcome, seconds) => telemetry.answer(intent, outcome, seconds),
      limits,
      members,
      guestPolicy: settings.guestPolicy,
      ...(cache ? { cache } : {}),
      liveness,
      now,
    });

    const { Framework, webhookHandler } = loadFramework(
      settings.apiBaseUrl,
      settings.catalogUrl ? { catalogUrl: settings.catalogUrl } : {},
    );
    const framework: FrameworkClass = new Framework({
      token: settings.botToken,
      webhookUrl: `${settings.publicBaseUrl}/webhook`,
      webhookSecret: settings.webhookSecret,
      messageFormat: 'markdown',
    });
    const lifecycle = webhookHandler(framework);

    const inFlight = new Set<Promise<unknown>>();
    let draining = false;
    const handleDelivery = async (delivery: Delivery, deliveryLog: Logger, received?: DeliveryClaim) => {
      if (delivery.resource === 'messages' && delivery.event === 'created')
        return conversation.onMessage(delivery, deliveryLog, received);
      if (delivery.resource === 'attachmentActions')
        return conversation.onAction(delivery, deliveryLog, received);
      if (delivery.resource === 'memberships') await conversation.onMembership(delivery, deliveryLog);
      if (delivery.resource === 'memberships' || delivery.resource === 'rooms') {
        // The framework checks its own (re-serialised) signature: give it one that matches.
        await Promise.resolve(
          lifecycle({
            body: delivery,
            headers: { 'x-spark-signature': signFor(settings.webhookSecret, delivery) },
          }),
        );
      }
    };
    // Answers in flight are tracked so that a shutdown can let them finish.
    const onDelivery = (delivery: Delivery, deliveryLog: Logger, receipt?: unknown) => {
      const handling = handleDelivery(delivery, deliveryLog, receipt as DeliveryClaim | undefined);
      inFlight.add(handling);
      void handling.then(
        () => inFlight.delete(handling),
        () => inFlight.delete(handling),
      );
      return handling;
    };

    const targetUrl = `${settings.publicBaseUrl}/webhook`;
    const target = {
      targetUrl,
      secret: settings.webhookSecret,
      name: frameworkWebhookName(targetUrl, me.emails[0] ?? ''),
    };
    /** Set once start-up is over: a lead taken later has its own time to fix the webhooks. */
    let listening = false;
    const leader = new WebhookLeader({
      store,
      log,
      intervalMs: LEAD_RETRY_MS,
      onLead: async () => {
        // At start within the start-up deadline; when taking over later, within a minute.
        const until = listening ? Date.now() + 60_000 : deadline;
        const repaired = await retryUntil(
          `the webhooks to ${targetUrl} could not be registered`,
          async () => {
            const repair = await ensureWebhooks(webex.bot, target);
            const problem = webhookProblem(await webex.bot.listWebhooks(), target);
            if (problem) throw new Error(problem);
            return repair;
          },
          { deadline: until, onRetry: retryLog('webhook registration') },
        );
        if (repaired.created || repaired.reactivated || repaired.removed)
          log.warn(repaired, 'webhooks created or repaired');
      },
    });
    const health = new BotHealth({
      pulse,
      leads: () => leader.leading,
      webex,
      store,
      target,
      log,
      now: Date.now,
      intervalMs: settings.webhookCheckIntervalSeconds * 1000,
      failingMs: settings.webexFailingSeconds * 1000,
    });
    opened.push({ what: 'the health checks', close: () => health.stop() });

    const app = express();
    app.disable('x-powered-by');
    // Off unless TRUST_PROXY names the proxies (or a hop count): X-Forwarded-For is otherwise ignored.
    app.set('trust proxy', settings.trustProxy);
    app.use(requestIds(log));
    app.get('/livez', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const ready: express.RequestHandler = async (_req, res, next) => {
      try {
        const { ready, body } = await health.readiness();
        res
          .status(ready && !draining ? 200 : 503)
          .json(draining ? { ...body, status: 'not ready', reason: 'shutting down' } : body);
      } catch (error) {
        next(error);
      }
    };
    app.get('/readyz', ready);
    app.get('/healthz', ready);
    app.get('/metrics', telemetry.route());
    app.use(chartRoutes(chartStore));
    app.use(
      webhookReceiver({
        secret: settings.webhookSecret,
        recent: new RecentIds(10 * 60_000, 20_000, now),
        log,
        // Claimed before the 200: a replica dying right after it leaves a claim others take over.
        receive: (delivery) => conversation.claimOnReceipt(delivery),
        onDelivery,
        draining: () => draining,
        onRejected: (reason) => telemetry.deliveryRejected(reason),
      }),
    );
    app.use((_req, res) => {
      res.status(404).json({ message: 'not found', requestId: res.locals.requestId });
    });
    app.use(errorHandler(log));

    const server: Server = createHttpServer(app, settings, log);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const closeServer = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    opened.push({ what: 'the HTTP server', close: closeServer });
    // From now on questions arrive as deliveries; the catch-up looks only before this.
    const listeningSince = now();
    const { port } = server.address() as AddressInfo;

    // start() fails when Webex does; it can be called again until it succeeds.
    await retryUntil(
      'the bot framework could not start (Webex did not answer)',
      () => startWithoutWebhooks(framework),
      {
        deadline,
        onRetry: retryLog('framework start'),
      },
    );
    opened.push({ what: 'the framework', close: () => framework.stop() });
    // The framework's own webhook calls do nothing (framework-loader): one leader among the
    // processes sharing the store registers and repairs the webhooks; none deletes them.
    await leader.start();
    opened.push({ what: 'the webhook lead', close: () => leader.stop() });
    listening = true;
    await health.check({ repair: false });
    health.start();
    if (options.automation !== false) await automation.start();
    opened.push({ what: 'automation', close: () => automation.stop() });
    // Spaces with alerts or reports: their members are known before the first pass (paused if a
    // guest is among them).
    const automated = new Set(
      [...(await store.listAlertRules()), ...(await store.listReports())].map((x) => x.roomId),
    );
    await Promise.all(
      [...automated].map((roomId) =>
        members
          .outsiders(roomId)
          .catch((error: unknown) => log.warn({ err: error, roomId }, 'members unknown')),
      ),
    );
    // Questions asked while the bot was down (or left half-answered by a crash) are answered now.
    await store.pruneDeliveries(now() - DELIVERY_MEMORY_MS);
    await store.pruneMemos(now());
    const catchUp = conversation
      .catchUp(log.child({ part: 'catch-up' }), settings.catchUpMinutes * 60_000, listeningSince)
      .catch((error: unknown) => log.warn({ err: error }, 'catch-up after start failed'));
    opened.push({ what: 'catch-up', close: () => catchUp.then(() => undefined) });
    // Replicas: what a replica that died had taken on is answered by a live one (no redelivery comes).
    const takeOver = liveness.shared
      ? new Sweep(TAKE_OVER_EVERY_MS, () =>
          takeOverUnfinished({ store, webex, claimant: () => liveness.claimant(), conversation, now, log }),
        )
      : undefined;
    if (takeOver) opened.push({ what: 'the take-over sweep', close: () => takeOver.stop() });
    log.info({ port, bot: me.emails[0] }, 'room-metrics bot is listening');

    let stopping: Promise<void> | undefined;
    const stop = async () => {
      draining = true;
      // No new connections; idle keep-alive connections close now, busy ones after their answer.
      server.close();
      server.closeIdleConnections();
      const pending = [...inFlight];
      if (pending.length > 0) {
        log.info({ answers: pending.length }, 'stopping: finishing answers in flight');
        let timer: NodeJS.Timeout | undefined;
        const settled = await Promise.race([
          Promise.allSettled(pending).then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), settings.shutdownGraceSeconds * 1000);
          }),
        ]);
        clearTimeout(timer);
        if (!settled) log.warn({ answers: inFlight.size }, 'stopping: answers still in flight were cut off');
      }
      await closeOpened();
    };

    return {
      url: `http://127.0.0.1:${port}`,
      me,
      webex,
      conversation,
      log,
      store,
      alerts,
      reports,
      health,
      inFlight: () => inFlight.size,
      stop: () => {
        stopping ??= stop();
        return stopping;
      },
    };
  }
}

/** Waits `ms`, or less when `signal` aborts (never rejects). */
function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
