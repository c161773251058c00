import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino, { type Logger } from 'pino';
import type FrameworkClass from 'webex-node-bot-framework';
import { AlertRunner } from '../automation/alert-runner';
import { Automation } from '../automation/automation';
import { ReportRunner } from '../automation/report-runner';
import { ChartStore, chartRoutes, createChartRenderer } from '../charts';
import { parseComfortBands } from '../metrics';
import { answerLimits } from '../plan/limits';
import { ReadingsCache } from '../readings/readings-cache';
import { IN_MEMORY, openSqliteStore, openStore, type Store } from '../store';
import { createWebexClient, type WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import type { Person } from '../webex/wire';
import { answerScope } from './answer-scope';
import { Conversation } from './conversation';
import { ConversationMemory } from './conversation-memory';
import { loadFramework } from './framework-loader';
import { RecentIds } from './recent-ids';
import type { BotSettings } from './settings';
import { SpaceSettingsStore } from './space-settings';
import { Telemetry } from './telemetry';
import type { Delivery } from './webhook-envelope';
import { webhookReceiver } from './webhook-receiver';

export interface RunningBot {
  url: string;
  me: Person;
  webex: WebexClient;
  conversation: Conversation;
  log: Logger;
  store: Store;
  alerts: AlertRunner;
  reports: ReportRunner;
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

/** Webex's name for the framework's webhooks, so the framework recognises its own deliveries. */
const signFor = (secret: string, body: unknown) =>
  createHmac('sha1', secret).update(JSON.stringify(body)).digest('hex');

/**
 * The bot server: webex-node-bot-framework in webhook mode behind our own Express server. Our
 * guards (raw-body signature, de-duplication, self) run first; messages and card submits go to the
 * conversation directly (fast, with retries and 429 handling); space lifecycle events go to the
 * framework.
 */
export async function startBot(settings: BotSettings, options: BotOptions = {}): Promise<RunningBot> {
  const now = options.now ?? Date.now;
  const log =
    options.log ??
    pino({
      level: settings.logLevel,
      redact: { paths: ['*.token', '*.authorization', '*.botToken'], censor: '[redacted]' },
    });
  const telemetry = new Telemetry({ token: settings.metricsToken, apiBaseUrl: settings.apiBaseUrl });
  const webex = createWebexClient({
    baseUrl: settings.apiBaseUrl,
    botToken: settings.botToken,
    admin: settings.admin,
    directoryTtlMs: settings.directoryTtlMinutes * 60_000,
    now,
    http: {
      maxRetryAfterSeconds: settings.rateLimitMaxWaitSeconds,
      fetch: telemetry.webexFetch(),
      onEvent: (event) => {
        telemetry.webexEvent(event);
        if (event.kind === 'rate-limited') answerScope.getStore()?.onRateLimited(event.waitMs ?? 0);
        if (event.kind === 'failed') log.warn(event, 'Webex call failed');
        else log.debug(event, 'Webex call retried');
      },
    },
  });
  let me: Person;
  try {
    me = await webex.bot.me();
  } catch (error) {
    if (error instanceof WebexApiError && error.code === 'unauthorized') {
      throw new Error(
        `WEBEX_BOT_TOKEN was rejected by Webex (401, trackingId ${error.trackingId}): check the bot token.`,
      );
    }
    throw error;
  }
  webex.directory
    .get()
    .catch((error: unknown) => log.warn({ err: error }, 'workspace directory not available yet'));

  const chartStore = new ChartStore({ ttlMs: settings.chartTtlMinutes * 60_000, now });
  const charts = createChartRenderer({
    mode: settings.chartMode,
    publicBaseUrl: settings.publicBaseUrl,
    store: chartStore,
    workers: settings.chartWorkers,
    onDrawingFailed: (error) => log.error({ err: error }, 'a chart could not be drawn; its image is missing'),
    ...(settings.quickchartHost ? { quickchartHost: settings.quickchartHost } : {}),
    ...(settings.quickchartApiKey ? { quickchartApiKey: settings.quickchartApiKey } : {}),
  });
  const store =
    settings.dataDir === IN_MEMORY ? openSqliteStore({ file: IN_MEMORY }) : openStore(settings.dataDir);
  const spaces = new SpaceSettingsStore(
    { timeZone: settings.defaultTimeZone, unit: settings.defaultUnit },
    store,
  );
  const bands = parseComfortBands(settings.comfortBands);
  const limits = answerLimits(settings.apiBudgetPerMinute, settings.maxHistoryDays);
  const cache =
    settings.readingsCacheMb > 0
      ? new ReadingsCache({ maxBytes: settings.readingsCacheMb * 1024 * 1024, store, now })
      : undefined;
  // Stored buckets older than the history an answer reads are never used again.
  cache?.prune(settings.maxHistoryDays * 86_400_000);
  if (cache) telemetry.watchCache(cache);
  const automationLog = log.child({ part: 'automation' });
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
    ...(cache ? { cache } : {}),
  });
  const automation = new Automation({
    alerts,
    reports,
    log: automationLog,
    ...(options.reportTickMs ? { reportTickMs: options.reportTickMs } : {}),
  });
  const conversation = new Conversation({
    webex,
    charts,
    bands,
    memory: new ConversationMemory(30 * 60_000, now),
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
    ...(cache ? { cache } : {}),
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

  const onDelivery = async (delivery: Delivery, deliveryLog: Logger) => {
    if (delivery.resource === 'messages' && delivery.event === 'created')
      return conversation.onMessage(delivery, deliveryLog);
    if (delivery.resource === 'attachmentActions') return conversation.onAction(delivery, deliveryLog);
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

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  let health: { at: number; body: Record<string, unknown>; ok: boolean } | undefined;
  app.get('/healthz', async (_req, res) => {
    if (!health || now() - health.at > 30_000) {
      const check = async (probe: () => Promise<unknown>) =>
        probe().then(
          () => 'ok',
          (error: unknown) =>
            error instanceof WebexApiError
              ? `${error.status ?? error.code} ${error.webexMessage ?? ''}`.trim()
              : 'error',
        );
      const [bot, admin] = await Promise.all([
        check(() => webex.bot.me()),
        check(() => webex.admin.listLocations()),
      ]);
      health = {
        at: now(),
        ok: bot === 'ok',
        body: { status: bot === 'ok' ? 'ok' : 'degraded', webex: bot, adminToken: admin },
      };
    }
    res.status(health.ok ? 200 : 503).json(health.body);
  });
  app.get('/metrics', telemetry.route());
  app.use(chartRoutes(chartStore));
  app.use(
    webhookReceiver({
      secret: settings.webhookSecret,
      recent: new RecentIds(10 * 60_000, 20_000, now),
      log,
      onDelivery,
      onRejected: (reason) => telemetry.deliveryRejected(reason),
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  await framework.start();
  // start() resolves before its webhooks exist and swallows failures to create them: check.
  const webhooks = await waitForWebhooks(webex, `${settings.publicBaseUrl}/webhook`);
  if (webhooks < 2)
    log.error(
      'the framework did not register its webhooks; the bot will not hear anyone. Check PUBLIC_BASE_URL.',
    );
  if (options.automation !== false) automation.start();
  log.info({ port, bot: me.emails[0], webhooks }, 'room-metrics bot is listening');

  return {
    url: `http://127.0.0.1:${port}`,
    me,
    webex,
    conversation,
    log,
    store,
    alerts,
    reports,
    stop: async () => {
      await automation.stop();
      await framework.stop().catch(() => undefined);
      await charts.close();
      cache?.flush();
      store.close();
      telemetry.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Polls (up to 5 s) until the framework's two webhooks exist; returns how many it found. */
async function waitForWebhooks(webex: WebexClient, targetUrl: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const hooks = await webex.bot.listWebhooks().catch(() => []);
    const ours = hooks.filter((h) => h.targetUrl === targetUrl && h.status === 'active').length;
    if (ours >= 2) return ours;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 0;
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
