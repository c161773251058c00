/**
 * The real bot as replicas for end-to-end tests: `room-metrics serve` processes (startReplicas,
 * behind its balancer) against an emulator, sharing one PostgreSQL schema of their own. Their log
 * lines are kept (parsed), so a test can tell which process did what.
 */
import type { RunningEmulator } from '../../src/emulator/server';
import { type RunningReplicas, replicaEnv, startReplicas } from '../../src/sandbox/start-replicas';
import type { Webhook } from '../../src/webex/wire';
import { call } from './emulator';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from './postgres';

export const REPLICA_SECRET = 'replica-test-webhook-secret-0123456789';

/** One pino line of a replica (its pid tells the process; a restarted slot has a new one). */
export interface ReplicaLine {
  slot: number;
  pid?: number;
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface BotReplicas {
  running: RunningReplicas;
  schema: string;
  lines: ReplicaLine[];
  /** Lines of one process (by pid) whose message matches. */
  linesOf(pid: number, msg?: RegExp): ReplicaLine[];
  /** Stops every replica (SIGTERM) and drops the schema and its job schema. */
  stop(): Promise<void>;
}

export interface BotReplicasOptions {
  count: number;
  /** Extra settings for every replica (win over the defaults here). */
  env?: Record<string, string>;
  /** PUBLIC_BASE_URL; default the balancer's. */
  publicBaseUrl?: string;
  /** Lines written to stderr as they come (TEST_REPLICA_LOG=1 does it too). */
  echo?: boolean;
}

export async function startBotReplicas(
  emulator: RunningEmulator,
  options: BotReplicasOptions,
): Promise<BotReplicas> {
  const schema = freshSchema();
  const lines: ReplicaLine[] = [];
  const echo = options.echo ?? process.env.TEST_REPLICA_LOG === '1';
  let running: RunningReplicas;
  try {
    running = await startReplicas({
      count: options.count,
      startTimeoutMs: 60_000,
      stopTimeoutMs: 15_000,
      env: ({ port, balancerUrl }) => ({
        ...replicaEnv(
          emulator,
          { port, balancerUrl },
          { databaseUrl: TEST_DATABASE_URL, webhookSecret: REPLICA_SECRET, logLevel: 'info' },
        ),
        DATABASE_SCHEMA: schema,
        ...(options.publicBaseUrl ? { PUBLIC_BASE_URL: options.publicBaseUrl } : {}),
        ...options.env,
      }),
      output: (slot, line) => {
        if (echo) process.stderr.write(`[replica ${slot}] ${line}\n`);
        try {
          lines.push({ ...(JSON.parse(line) as Record<string, unknown>), slot });
        } catch {
          lines.push({ slot, msg: line });
        }
      },
    });
  } catch (error) {
    await dropSchemas(schema);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    running,
    schema,
    lines,
    linesOf: (pid, msg) => lines.filter((l) => l.pid === pid && (!msg || msg.test(l.msg ?? ''))),
    stop: () => {
      stopped ??= running.stop().finally(() => dropSchemas(schema));
      return stopped;
    },
  };
}

async function dropSchemas(schema: string): Promise<void> {
  await dropSchema(schema);
  await dropSchema(`${schema}_jobs`);
}

/** The bot token's webhooks, as Webex lists them. */
export async function botWebhooks(emulator: RunningEmulator): Promise<Webhook[]> {
  const listed = await call(emulator, 'GET', '/webhooks?max=100', { token: emulator.botToken });
  if (listed.status !== 200) throw new Error(`GET /webhooks: ${listed.status} ${listed.text}`);
  return (listed.body as { items: Webhook[] }).items;
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs` naming `what`. */
export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
