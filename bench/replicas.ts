/**
 * `npm run bench` (replicas part): the conversation bench's answer load (the same questions,
 * closed loops of 1, 4 and 16 people, an open loop of 10 questions/s) against 3 replicas of the
 * bot (`room-metrics serve` processes, as `npm start` runs them) sharing one PostgreSQL schema,
 * behind the sandbox's round-robin balancer: Webex delivers to the balancer and chart images load
 * through it. Printed beside the single process on SQLite, in the same format.
 *
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test);
 * a schema of its own, dropped afterwards. Unreachable: one line, and the bench goes on without it.
 * BENCH_REPLICAS changes the count (default 3). Run alone (`tsx bench/replicas.ts`) it measures the
 * single process first, for the comparison.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { addStaff } from '../src/emulator/extra-users';
import { type RunningEmulator, startEmulator } from '../src/emulator/server';
import { replicaEnv, startReplicas } from '../src/sandbox/start-replicas';
import { describeUrl } from '../src/store';
import type { Webhook } from '../src/webex/wire';
import {
  answerPhases,
  api,
  CallCounter,
  conversationBenchmark,
  type PhaseResult,
  printPhases,
  ReplyClock,
} from './conversation';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
const REPLICAS = Number(process.env.BENCH_REPLICAS || 3);
const SECRET = 'bench-webhook-secret-0123456789';

/** Why PostgreSQL cannot be used (undefined when it can). */
async function whyNoPostgres(): Promise<string | undefined> {
  const client = new Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function sql(text: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A process's peak resident set in MB (Linux), read while it runs. */
function peakRssMb(pid: number): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

async function waitForWebhooks(emulator: RunningEmulator, targetUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const hooks = (await api(emulator, emulator.botToken, 'GET', '/webhooks'))!.items as Webhook[];
    if (hooks.filter((h) => h.targetUrl === targetUrl && h.status === 'active').length >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no replica registered the webhooks to ${targetUrl} within 60 s`);
}

/**
 * Runs the load against the replicas and prints it beside `single` (the one-process figures of
 * the conversation bench, row by row). Undefined (and one line) when PostgreSQL is unreachable.
 */
export async function replicasBenchmark(
  options: { quick?: boolean; single?: readonly PhaseResult[] } = {},
): Promise<PhaseResult[] | undefined> {
  const why = await whyNoPostgres();
  if (why) {
    console.log(
      `\nreplicas: skipped, PostgreSQL at ${describeUrl(DATABASE_URL)} is not reachable (${why}); set BENCH_DATABASE_URL.`,
    );
    return undefined;
  }
  const quick = options.quick ?? false;
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const calls = new CallCounter();
  const emulator = await startEmulator({ port: 0, onRequest: calls.line });
  const label = `room-metrics ×${REPLICAS}`;
  let results: PhaseResult[] = [];
  const peak: number[] = [];
  let failed: { status: number | string }[] = [];
  const started = performance.now();
  try {
    const staff = addStaff(emulator.context, 64);
    const botId = (await api(emulator, emulator.botToken, 'GET', '/people/me'))!.id as string;
    const clock = new ReplyClock(emulator, () => botId);
    const replicas = await startReplicas({
      count: REPLICAS,
      env: ({ port, balancerUrl }) => ({
        ...replicaEnv(
          emulator,
          { port, balancerUrl },
          { databaseUrl: DATABASE_URL, webhookSecret: SECRET, logLevel: 'warn' },
        ),
        DATABASE_SCHEMA: schema,
        ...(process.env.BENCH_CHART_WORKERS ? { CHART_WORKERS: process.env.BENCH_CHART_WORKERS } : {}),
      }),
    });
    try {
      await waitForWebhooks(emulator, `${replicas.balancerUrl}/webhook`);
      results = await answerPhases({ emulator, clock, calls, staff, quick, bot: label });
      failed = emulator.context.webhooks.log.filter((d) => !d.ok);
      if (process.env.BENCH_DEBUG) console.log(JSON.stringify(failed));
      for (const replica of replicas.replicas) peak.push(peakRssMb(replica.pid));
    } finally {
      await replicas.stop();
    }
  } finally {
    await emulator.close();
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `\nreplicas: the same load against ${REPLICAS} replicas on PostgreSQL behind the balancer, beside one process on SQLite (ms)`,
  );
  const single = options.single?.filter((r) => r.bot === 'room-metrics') ?? [];
  printPhases(
    results.flatMap((r) => [
      ...single.filter((s) => s.phase === r.phase).map((s) => ({ ...s, bot: 'room-metrics ×1' })),
      r,
    ]),
  );
  for (const r of [...(options.single ?? []), ...results].filter((r) => r.whyLost))
    console.log(`${r.bot}, ${r.phase}: lost ${r.whyLost!.join('; ')}`);
  if (failed.length > 0)
    console.log(
      `webhook deliveries that failed: ${failed.length} (${[...new Set(failed.map((d) => d.status))].join(', ')})`,
    );
  console.log(
    `peak RSS per replica: ${peak.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}; the replicas' part took ${seconds.toFixed(0)} s (start-up included)`,
  );
  console.log(JSON.stringify({ replicas: REPLICAS, results, peakRssMb: peak }));
  return results;
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  conversationBenchmark({ quick, bots: ['room-metrics'] })
    .then((single) => replicasBenchmark({ quick, single }))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
