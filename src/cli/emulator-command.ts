import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server';
import { numberOption } from './options';

export const EMULATOR_USAGE = `Usage: room-metrics emulator [--port N] [--host H] [--seed N] [--workspaces N]
                            [--rate-limit N] [--fault-rate P] [--latency MS] [--admin-token-ttl S]

Starts the local Webex API emulator and prints one JSON line with its URL and tokens.
  --port N            port to listen on (default 8790; 0 picks a free port)
  --host H            interface (default 127.0.0.1)
  --seed N            seed of the synthetic organisation (default 1)
  --workspaces N      number of workspaces (default: a standard office of about a dozen rooms)
  --rate-limit N      requests per minute per token before 429 (default 0 = unlimited)
  --fault-rate P      fraction 0..1 of requests answered with a 5xx (default 0)
  --latency MS        added latency per request (default 0)
  --admin-token-ttl S lifetime of admin access tokens in seconds (default 1209600 = 14 days)`;

export async function runEmulator(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      workspaces: { type: 'string' },
      'rate-limit': { type: 'string' },
      'fault-rate': { type: 'string' },
      latency: { type: 'string' },
      'admin-token-ttl': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(EMULATOR_USAGE);
    return 0;
  }
  const emulator = await startEmulator({
    host: values.host ?? '127.0.0.1',
    port: numberOption('--port', values.port, 8790, { min: 0, max: 65535, integer: true }),
    seed: numberOption('--seed', values.seed, 1, { min: 0, max: 2 ** 31, integer: true }),
    ...(values.workspaces
      ? {
          workspaces: numberOption('--workspaces', values.workspaces, 12, {
            min: 1,
            max: 100_000,
            integer: true,
          }),
        }
      : {}),
    rateLimitPerMinute: numberOption('--rate-limit', values['rate-limit'], 0, {
      min: 0,
      max: 1_000_000,
      integer: true,
    }),
    faultRate: numberOption('--fault-rate', values['fault-rate'], 0, { min: 0, max: 1 }),
    latencyMs: numberOption('--latency', values.latency, 0, { min: 0, max: 60_000, integer: true }),
    adminTokenTtlSeconds: numberOption('--admin-token-ttl', values['admin-token-ttl'], 14 * 24 * 3600, {
      min: 1,
      max: 365 * 24 * 3600,
      integer: true,
    }),
  });
  console.log(
    JSON.stringify({
      url: emulator.url,
      botToken: emulator.botToken,
      adminToken: emulator.adminToken,
      userTokens: emulator.userTokens,
      adminClient: emulator.adminClient,
      botEmail: emulator.botEmail,
    }),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}
