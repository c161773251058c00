import { parseArgs } from 'node:util';
import pino from 'pino';
import { SANDBOX_DEFAULT_PORT, startSandbox } from '../sandbox/start-sandbox';
import { numberOption } from './options';

export const SANDBOX_USAGE = `Usage: room-metrics sandbox [--port N]

Runs a sandbox Webex on this machine: the Webex API emulator, the bot against it (real webhooks)
and a web chat with a group space "Facilities Oslo" and a 1:1 with the bot. Prints the chat's URL,
then one JSON line with the URLs and tokens, and serves until Ctrl-C.
  --port N   SANDBOX_PORT   port of the web chat (default ${SANDBOX_DEFAULT_PORT}; 0 picks a free port)
The emulator and the bot always run on free ports of 127.0.0.1. LOG_LEVEL sets the bot's log
level (default warn; the log goes to stderr).`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export async function runSandbox(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(SANDBOX_USAGE);
    return 0;
  }
  const [flag, raw] =
    values.port !== undefined
      ? ['--port', values.port]
      : ['SANDBOX_PORT', env.SANDBOX_PORT === '' ? undefined : env.SANDBOX_PORT];
  const port = numberOption(flag, raw, SANDBOX_DEFAULT_PORT, { min: 0, max: 65535, integer: true });
  const level = (LOG_LEVELS as readonly string[]).includes(env.LOG_LEVEL ?? '') ? env.LOG_LEVEL! : 'warn';

  const sandbox = await startSandbox({ port, log: pino({ level }, pino.destination(2)) });
  console.log(
    `Sandbox ready: open ${sandbox.chatUrl} and ask RoomBot "temperature in Room 4 last 6 hours". Ctrl-C stops it.`,
  );
  console.log(
    JSON.stringify({
      chatUrl: sandbox.chatUrl,
      webexUrl: sandbox.webexUrl,
      userToken: sandbox.userToken,
      adminToken: sandbox.adminToken,
      botEmail: sandbox.botEmail,
      timeZone: sandbox.timeZone,
    }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.stop();
  return 0;
}
