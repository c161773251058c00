import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { type RunningBot, startBot } from '../bot/bot-app';
import { readSettings } from '../bot/settings';
import { type RunningEmulator, startEmulator } from '../emulator/server';
import { freePort } from '../free-port';
import type { Person, Webhook } from '../webex/wire';
import { type ChatConfig, type RunningChatServer, startChatServer } from './chat-server';
import { emulatorBotEnv } from './emulator-bot-env';
import { roomActions } from './room-actions';
import { seedSpaces } from './seed-spaces';
import { pollFor, SandboxSetupError, webexRest } from './webex-rest';

export const SANDBOX_TIME_ZONE = 'Europe/Oslo';
export const SANDBOX_DEFAULT_PORT = 3000;
const PEOPLE = ['ingrid', 'ola', 'kari', 'sam'] as const;

export interface SandboxOptions {
  /** Port of the web chat; default 3000, 0 picks a free one. The emulator and bot always pick free ports. */
  port?: number;
  /** Interface of all three servers; default 127.0.0.1. */
  host?: string;
  /** The bot's logger; default: warnings and errors to stderr. */
  log?: Logger;
  /** Clock of the emulator and the bot (epoch ms); default Date.now. */
  now?: () => number;
  /**
   * An emulator that is already running, used instead of starting one (and left running on stop).
   * Tests need this: the bot framework binds to one Webex URL per process.
   */
  emulator?: RunningEmulator;
}

export interface RunningSandbox {
  chatUrl: string;
  webexUrl: string;
  /** Ingrid's token: she is in both seeded spaces. */
  userToken: string;
  adminToken: string;
  botEmail: string;
  timeZone: string;
  stop(): Promise<void>;
}

/**
 * A local Webex in a box: the emulator, the bot in its real serve mode (real webhooks and
 * signatures, its own random secret) and a web chat to talk to it, with a group space "Facilities
 * Oslo" and Ingrid's 1:1 with the bot already there. Resolves once the bot has answered in the 1:1.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? SANDBOX_DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`startSandbox: port must be an integer between 0 and 65535 (got ${port})`);
  }
  const log = options.log ?? pino({ level: 'warn' }, pino.destination(2));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };

  try {
    let emulator = options.emulator;
    if (!emulator) {
      const started = await startEmulator({ host, port: 0, ...(options.now ? { now: options.now } : {}) });
      stops.push(() => started.close());
      emulator = started;
    }
    const people = await Promise.all(
      PEOPLE.map(async (key) => {
        const token = emulator.userTokens[key];
        const me = await webexRest(emulator.url, token).get<Person>('/people/me');
        return { key, name: me.displayName, email: me.emails[0] ?? '', id: me.id, token };
      }),
    );
    const botPerson = await webexRest(emulator.url, emulator.botToken).get<Person>('/people/me');

    const config: ChatConfig = {
      webexUrl: emulator.url,
      people,
      botEmail: emulator.botEmail,
      botId: botPerson.id,
      botName: botPerson.displayName,
      timeZone: SANDBOX_TIME_ZONE,
    };
    // The chat port is the one a person chose: claim it before the slower parts start.
    const { store } = emulator.context;
    const chat: RunningChatServer = await startChatServer({
      host,
      port,
      config,
      actionsIn: (roomId, personId) => roomActions(store, roomId, personId),
    });
    stops.push(() => chat.close());

    const { bot, publicBaseUrl } = await startSandboxBot(emulator, host, log, options.now);
    stops.push(() => bot.stop());
    await waitForWebhooks(emulator.url, emulator.botToken, `${publicBaseUrl}/webhook`);

    const [ingrid, ola, kari] = people;
    await seedSpaces(
      emulator.url,
      { ingrid: { token: ingrid!.token }, ola: { email: ola!.email }, kari: { email: kari!.email } },
      { email: emulator.botEmail, id: botPerson.id },
    );

    let stopped: Promise<void> | undefined;
    return {
      chatUrl: chat.url,
      webexUrl: emulator.url,
      userToken: ingrid!.token,
      adminToken: emulator.adminToken,
      botEmail: emulator.botEmail,
      timeZone: SANDBOX_TIME_ZONE,
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The bot exactly as `room-metrics serve` runs it, pointed at the emulator. */
async function startSandboxBot(
  emulator: RunningEmulator,
  host: string,
  log: Logger,
  now: (() => number) | undefined,
): Promise<{ bot: RunningBot; publicBaseUrl: string }> {
  const port = await freePort(host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const publicBaseUrl = `http://${urlHost}:${port}`;
  const settings = readSettings({
    ...emulatorBotEnv(emulator, { port, publicBaseUrl, host }),
    WEBHOOK_SECRET: randomBytes(20).toString('hex'),
    DEFAULT_TIME_ZONE: SANDBOX_TIME_ZONE,
    // Each sandbox starts a fresh emulator: nothing the bot stores would make sense next time.
    DATA_DIR: ':memory:',
    // Seconds, not minutes: an alert set in the sandbox shows at once, a report for the next minute posts in it.
    ALERT_INTERVAL_SECONDS: '10',
    LOG_LEVEL: log.level,
  });
  const bot = await startBot(settings, { log, reportTickMs: 5_000, ...(now ? { now } : {}) });
  return { bot, publicBaseUrl };
}

/** Waits (up to 10 s) for the framework's two webhooks to the bot's URL, as Webex lists them. */
async function waitForWebhooks(webexUrl: string, botToken: string, targetUrl: string): Promise<void> {
  const asBot = webexRest(webexUrl, botToken);
  const ready = await pollFor(async () => {
    const { items } = await asBot.get<{ items: Webhook[] }>('/webhooks?max=100');
    const ours = items.filter((h) => h.targetUrl === targetUrl && h.status === 'active');
    return ours.length >= 2 ? true : undefined;
  }, 10_000);
  if (!ready) {
    throw new SandboxSetupError(
      `the bot did not register its webhooks (${targetUrl}) within 10 s; run with LOG_LEVEL=debug to see why.`,
    );
  }
}
