import { parseArgs } from 'node:util';
import pino, { type Logger } from 'pino';
import { SettingsError } from '../bot/settings';
import { SANDBOX_DEFAULT_PORT, startSandbox } from '../sandbox/start-sandbox';
import { numberOption } from './options';

export const MAX_REPLICAS = 16;

export const SANDBOX_USAGE = `Usage: room-metrics sandbox [--port N] [--replicas N]

Runs a sandbox Webex on this machine: the Webex API emulator, the bot against it (real webhooks)
and a web chat with a group space "Facilities Oslo" and a 1:1 with the bot. Prints the chat's URL,
then one JSON line with the URLs and tokens, and serves until Ctrl-C.
  --port N   SANDBOX_PORT   port of the web chat (default ${SANDBOX_DEFAULT_PORT}; 0 picks a free port)
  --replicas N              run the bot as N 'room-metrics serve' processes (1-${MAX_REPLICAS}) behind
                            a round-robin balancer, sharing the PostgreSQL database in DATABASE_URL
                            (e.g. postgres://postgres@127.0.0.1:5432/test); the JSON line adds
                            "replicas" [{pid, url}] and "balancerUrl" (its /__balancer shows its view)
The emulator and the bot always run on free ports of 127.0.0.1. LOG_LEVEL sets the bot's log
level (default warn; the log goes to stderr, a replica's lines prefixed with [replica i]).`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export async function runSandbox(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      replicas: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
  if (values.replicas !== undefined) {
    const replicas = numberOption('--replicas', values.replicas, 1, {
      min: 1,
      max: MAX_REPLICAS,
      integer: true,
    });
    return runReplicaSandbox(replicas, databaseUrl(env), port, pino({ level }, pino.destination(2)));
  }

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

/** DATABASE_URL for `--replicas`: a PostgreSQL URL, or a SettingsError (one line, exit code 2). */
function databaseUrl(env: NodeJS.ProcessEnv): string {
  const url = (env.DATABASE_URL ?? '').trim();
  if (url === '') {
    throw new SettingsError(
      '--replicas needs DATABASE_URL: the replicas share one PostgreSQL database. Set it, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test.',
    );
  }
  if (!/^postgres(?:ql)?:\/\/\S+$/.test(url)) {
    throw new SettingsError(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test, got '${url.replace(/\/\/[^@/]*@/, '//…@')}'.`,
    );
  }
  return url;
}

/** `sandbox --replicas N`: serves until SIGINT/SIGTERM, then stops the replicas and everything else. */
async function runReplicaSandbox(
  count: number,
  database: string,
  port: number,
  log: Logger,
): Promise<number> {
  // Loaded only here: the plain sandbox does not need the balancer or child processes.
  const { startReplicaSandbox } =
    require('../sandbox/start-replicas') as typeof import('../sandbox/start-replicas');
  // Ctrl-C while starting: exit at once; the replicas are killed on exit (startReplicas).
  const early = (signal: NodeJS.Signals) => {
    console.error(`room-metrics sandbox: ${signal} while starting: stopping.`);
    process.exit(130);
  };
  process.once('SIGINT', early);
  process.once('SIGTERM', early);
  const sandbox = await startReplicaSandbox({ replicas: count, databaseUrl: database, port, log }).finally(
    () => {
      process.off('SIGINT', early);
      process.off('SIGTERM', early);
    },
  );
  console.log(
    `Sandbox ready: open ${sandbox.chatUrl} and ask RoomBot "temperature in Room 4 last 6 hours". ${count} bot ${count === 1 ? 'replica' : 'replicas'} behind ${sandbox.balancerUrl}. Ctrl-C stops it.`,
  );
  console.log(
    JSON.stringify({
      chatUrl: sandbox.chatUrl,
      webexUrl: sandbox.webexUrl,
      userToken: sandbox.userToken,
      adminToken: sandbox.adminToken,
      botEmail: sandbox.botEmail,
      timeZone: sandbox.timeZone,
      replicas: sandbox.replicas.map((r) => ({ pid: r.pid, url: r.url })),
      balancerUrl: sandbox.balancerUrl,
    }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.stop();
  return 0;
}
