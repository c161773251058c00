/**
 * The baseline of the conversation benchmark: a bare echo bot on webex-node-bot-framework with its
 * defaults (webhook mode, the framework's own handler and signature check, `bot.say`). Started by
 * bench/conversation.ts in a process of its own; settings come from the environment.
 */
import express from 'express';

const env = (key: string): string => {
  const value = process.env[key];
  if (!value) throw new Error(`echo-bot: ${key} is missing`);
  return value;
};

process.env.HYDRA_SERVICE_URL = env('WEBEX_API_URL');
process.env.U2C_SERVICE_URL = env('WEBEX_CATALOG_URL');
const Framework = require('webex-node-bot-framework');
const webhook = require('webex-node-bot-framework/webhook');

const port = Number(env('PORT'));
const framework = new Framework({
  token: env('WEBEX_BOT_TOKEN'),
  webhookUrl: `http://127.0.0.1:${port}/webhook`,
  webhookSecret: env('WEBHOOK_SECRET'),
});
framework.hears(/.*/, (bot: { say: (text: string) => Promise<unknown> }, trigger: { text?: string }) => {
  void bot.say(`echo: ${trigger.text ?? ''}`);
});

const app = express();
app.use(express.json());
app.post('/webhook', webhook(framework));
app.listen(port, '127.0.0.1', () => {
  framework.start().then(() => process.stdout.write('ready\n'));
});
process.on('SIGTERM', () => {
  framework.stop().finally(() => process.exit(0));
});
