import { parseArgs } from 'node:util';
import { startBot } from '../bot/bot-app';
import { readSettings } from '../bot/settings';
import { useRestOnlyWebexSdk } from './webex-sdk';

export const SERVE_USAGE = `Usage: room-metrics serve

Runs the bot against Webex (or any Webex-compatible API at WEBEX_API_URL). Settings come from the
environment and .env; .env.example documents every one.`;

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
  const bot = await startBot(settings);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  bot.log.info('stopping');
  await bot.stop();
  return 0;
}
