import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server';
import { numberOption } from './options';

export const EMULATOR_USAGE = `Usage: room-metrics emulator [--port N] [--host H] [--seed N] [--workspaces N]
                            [--rate-limit N] [--fault-rate P] [--fault-after-write-rate P] [--latency MS] [--admin-token-ttl S] [--log]

Starts the local Webex API emulator and prints one JSON line with its URL and tokens.
Each option can also be set in the environment or .env (the flag wins):
  --port N             EMULATOR_PORT             port to listen on (default 8790; 0 picks a free port)
  --host H             EMULATOR_HOST             interface (default 127.0.0.1)
  --seed N             EMULATOR_SEED             seed of the synthetic organisation (default 1)
  --workspaces N       EMULATOR_WORKSPACES       number of workspaces (default: a standard office of 13 rooms)
  --rate-limit N       EMULATOR_RATE_LIMIT       requests per minute per token before 429 (default 0 = unlimited)
  --fault-rate P       EMULATOR_FAULT_RATE       fraction 0..1 of requests answered with a 5xx (default 0)
  --fault-after-write-rate P
                       EMULATOR_FAULT_AFTER_WRITE_RATE
                                                 fraction 0..1 of writes carried out but answered 502 (default 0)
  --latency MS         EMULATOR_LATENCY_MS       added latency per request in ms (default 0)
  --admin-token-ttl S  EMULATOR_ADMIN_TOKEN_TTL  admin access token lifetime in seconds (default 1209600 = 14 days)
  --log                EMULATOR_LOG=1            print one line per request to stderr`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  workspaces: { type: 'string' },
  'rate-limit': { type: 'string' },
  'fault-rate': { type: 'string' },
  'fault-after-write-rate': { type: 'string' },
  latency: { type: 'string' },
  'admin-token-ttl': { type: 'string' },
  log: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runEmulator(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (values.help) {
    console.log(EMULATOR_USAGE);
    return 0;
  }
  /** The flag's value, else the variable's; the name comes along for error messages. */
  const pick = (flag: string, value: string | undefined, variable: string): [string, string | undefined] =>
    value !== undefined ? [flag, value] : [variable, env[variable] === '' ? undefined : env[variable]];
  const integer = (
    flag: string,
    value: string | undefined,
    variable: string,
    fallback: number,
    max: number,
  ) => numberOption(...pick(flag, value, variable), fallback, { min: 0, max, integer: true });

  const workspaces = pick('--workspaces', values.workspaces, 'EMULATOR_WORKSPACES');
  const emulator = await startEmulator({
    host: values.host ?? env.EMULATOR_HOST ?? '127.0.0.1',
    port: integer('--port', values.port, 'EMULATOR_PORT', 8790, 65535),
    seed: integer('--seed', values.seed, 'EMULATOR_SEED', 1, 2 ** 31),
    ...(workspaces[1] !== undefined
      ? { workspaces: numberOption(...workspaces, 13, { min: 1, max: 100_000, integer: true }) }
      : {}),
    rateLimitPerMinute: integer('--rate-limit', values['rate-limit'], 'EMULATOR_RATE_LIMIT', 0, 1_000_000),
    faultRate: numberOption(...pick('--fault-rate', values['fault-rate'], 'EMULATOR_FAULT_RATE'), 0, {
      min: 0,
      max: 1,
    }),
    faultAfterWriteRate: numberOption(
      ...pick(
        '--fault-after-write-rate',
        values['fault-after-write-rate'],
        'EMULATOR_FAULT_AFTER_WRITE_RATE',
      ),
      0,
      { min: 0, max: 1 },
    ),
    latencyMs: integer('--latency', values.latency, 'EMULATOR_LATENCY_MS', 0, 60_000),
    adminTokenTtlSeconds: numberOption(
      ...pick('--admin-token-ttl', values['admin-token-ttl'], 'EMULATOR_ADMIN_TOKEN_TTL'),
      14 * 24 * 3600,
      { min: 1, max: 365 * 24 * 3600, integer: true },
    ),
    ...(values.log === true || env.EMULATOR_LOG === '1'
      ? { onRequest: (line: string) => process.stderr.write(`${line}\n`) }
      : {}),
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
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}
