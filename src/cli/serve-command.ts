import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { createBotLog, type RunningBot, startBot } from '../bot/bot-app';
import { readSettings } from '../bot/settings';
import { errorLine } from '../bot/startup';
import { useRestOnlyWebexSdk } from './webex-sdk';

export const SERVE_USAGE = `Usage: room-metrics serve

Runs the bot against Webex (or any Webex-compatible API at WEBEX_API_URL). Settings come from the
environment and .env; .env.example documents every one.

Start-up retries Webex for STARTUP_TIMEOUT_SECONDS; if the bot still cannot reach Webex or register
its webhooks, it closes what it opened and exits 1 with one line saying why. SIGTERM (or Ctrl-C)
stops taking deliveries, lets answers in flight finish (SHUTDOWN_GRACE_SECONDS) and exits 0.`;

/**
 * Ends the process with `code` a little later unless it ends by itself first: the Webex SDK inside
 * the framework can leave timers behind that would keep a stopped bot alive.
 */
function exitSoon(code: number, ms = 3000): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), ms).unref();
}

/** Nothing ends the process silently: unhandled rejections are logged, uncaught errors stop it. */
function guardProcess(log: Logger, bot: () => RunningBot | undefined): void {
  process.on('unhandledRejection', (reason) => {
    // The framework starts some Webex calls without handling their failure; the bot keeps running
    // (its own checks notice missing webhooks) but says so.
    log.error({ err: reason }, `unhandled rejection (the bot keeps running): ${errorLine(reason)}`);
  });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception: stopping');
    console.error(`room-metrics serve: stopping after an unexpected error: ${errorLine(error)}`);
    exitSoon(1, 10_000);
    void bot()
      ?.stop()
      .finally(() => process.exit(1));
    if (!bot()) process.exit(1);
  });
}

export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const settings = readSettings(process.env);
  useRestOnlyWebexSdk();
  const log = createBotLog(settings);
  let bot: RunningBot | undefined;
  guardProcess(log, () => bot);
  try {
    bot = await startBot(settings, { log });
  } catch (error) {
    exitSoon(1);
    const code = (error as { code?: string }).code;
    // Listening problems get their own line from the command runner.
    if (code === 'EADDRINUSE' || code === 'EACCES') throw error;
    console.error(
      `room-metrics serve: could not start: ${errorLine(error)}. Exiting so that a supervisor can restart the bot.`,
    );
    return 1;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // A second signal while stopping ends the process at once.
  const again = () => process.exit(1);
  process.once('SIGINT', again);
  process.once('SIGTERM', again);
  log.info({ signal, answersInFlight: bot.inFlight() }, 'stopping');
  exitSoon(0, (settings.shutdownGraceSeconds + 15) * 1000);
  await bot.stop();
  log.info('stopped');
  exitSoon(0, 1000);
  return 0;
}
