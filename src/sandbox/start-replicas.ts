import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino, { type Logger } from 'pino';
import { type RunningEmulator, startEmulator } from '../emulator/server';
import { freePort } from '../free-port';
import type { Person, Webhook } from '../webex/wire';
import { type RunningBalancer, startBalancer } from './balancer';
import { type ChatConfig, startChatServer } from './chat-server';
import { emulatorBotEnv } from './emulator-bot-env';
import { roomActions } from './room-actions';
import { seedSpaces } from './seed-spaces';
import { SANDBOX_DEFAULT_PORT, SANDBOX_TIME_ZONE } from './start-sandbox';
import { pollFor, SandboxSetupError, webexRest } from './webex-rest';

/**
 * The bot as several replicas: separate `room-metrics serve` processes behind the sandbox's
 * round-robin balancer, sharing one PostgreSQL database (DATABASE_URL). `startReplicas` is the
 * process handling (spawn, wait until serving, kill, restart, stop); `startReplicaSandbox` is the
 * whole sandbox around it (emulator, web chat, seeded spaces), for `room-metrics sandbox
 * --replicas N` and for tests that kill and restart replicas.
 */

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin', 'room-metrics');
/** The heap flags `npm start` gives the bot (see the README's Performance section). */
const NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];
/**
 * Variables a child needs from this process's environment (the system's, and libpq's PG* defaults
 * such as PGUSER for a DATABASE_URL without a user); nothing else leaks in (no .env settings).
 */
const INHERITED_PREFIX = /^PG[A-Z]+$/;
const INHERITED = [
  'USER',
  'LOGNAME',
  'PATH',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'TZ',
  'NODE_EXTRA_CA_CERTS',
  'SystemRoot',
];
const OUTPUT_TAIL = 20;

/** What a replica process runs. The default: `node <flags> bin/room-metrics serve`. */
export interface ReplicaCommand {
  file: string;
  args: readonly string[];
}

export const SERVE_COMMAND: ReplicaCommand = { file: process.execPath, args: [...NODE_FLAGS, BIN, 'serve'] };

export interface ReplicaExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when this module sent the signal that ended it (`kill`, `restart`, `stop`). */
  expected: boolean;
}

/** One replica process. A restart makes a new handle (new pid, new port) in the same slot. */
export interface ReplicaHandle {
  /** Its slot, 0-based. */
  index: number;
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>`: the replica itself, not the balancer. */
  url: string;
  /** Resolves when the process has ended. */
  exited: Promise<ReplicaExit>;
  /** True until the process has ended. */
  readonly running: boolean;
}

export interface ReplicasOptions {
  count: number;
  /** The environment of a replica (this module adds PORT; PUBLIC_BASE_URL is yours to set). */
  env: (replica: { index: number; port: number; balancerUrl: string }) => Record<string, string>;
  command?: ReplicaCommand;
  /** Interface of the balancer and of the replicas' URLs; default 127.0.0.1. */
  host?: string;
  /** Path answered 200 once a replica serves; default /livez. */
  readyPath?: string;
  /** Longest wait for a replica to serve; default 60 s. */
  startTimeoutMs?: number;
  /** After SIGTERM, how long a replica may take before SIGKILL; default 10 s. */
  stopTimeoutMs?: number;
  /** Default: warnings to stderr. */
  log?: Logger;
  /** Each line a replica writes (stdout and stderr); default: to this process's stderr, prefixed. */
  output?: (index: number, line: string) => void;
  /** How long the balancer skips a replica that refused a connection; default 3 s. */
  downForMs?: number;
}

export interface RunningReplicas {
  balancerUrl: string;
  balancer: RunningBalancer;
  /** The current replica of each slot (a restarted slot has its new handle). */
  readonly replicas: readonly ReplicaHandle[];
  /** Sends `signal` (default SIGTERM) to replica `index`; resolves when it has ended. */
  kill(index: number, signal?: NodeJS.Signals): Promise<ReplicaExit>;
  /**
   * Starts a new process in slot `index` (stopping the old one first if it still runs) on a new
   * port, waits until it serves and points the balancer at it; resolves with its handle.
   */
  restart(index: number): Promise<ReplicaHandle>;
  /** SIGTERM to every replica (SIGKILL after stopTimeoutMs), then closes the balancer. */
  stop(): Promise<void>;
}

interface Replica extends ReplicaHandle {
  child: ChildProcess;
  exit: ReplicaExit | undefined;
  /** Set when this module signalled it. */
  signalled: boolean;
  /** Set once it answered its ready path. */
  serving: boolean;
  tail: string[];
}

/** The environment a child starts from: a few system variables only. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (INHERITED.includes(key) || INHERITED_PREFIX.test(key))) env[key] = value;
  }
  // The child runs in a scratch directory; tsx still reads the project's tsconfig.
  env.TSX_TSCONFIG_PATH = path.join(REPO, 'tsconfig.json');
  return env;
}

const describeExit = (exit: Pick<ReplicaExit, 'code' | 'signal'>) =>
  exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;

/** Starts the balancer and `count` replica processes behind it; resolves once every one serves. */
export async function startReplicas(options: ReplicasOptions): Promise<RunningReplicas> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new RangeError(`startReplicas: count must be a positive integer (got ${options.count})`);
  }
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const command = options.command ?? SERVE_COMMAND;
  const readyPath = options.readyPath ?? '/livez';
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const log = options.log ?? pino({ level: 'warn' }, pino.destination(2));
  const output = options.output ?? ((index, line) => process.stderr.write(`[replica ${index}] ${line}\n`));
  // A scratch working directory: no .env of the developer's is read, nothing is written in the repo.
  const workDir = mkdtempSync(path.join(tmpdir(), 'room-metrics-replicas-'));
  const balancer = await startBalancer({
    host,
    ...(options.downForMs !== undefined ? { downForMs: options.downForMs } : {}),
    onEvent: (event) =>
      event.kind === 'down'
        ? log.info(
            `balancer: ${event.url} refused a connection (${event.reason}); skipped for ${event.downForMs} ms`,
          )
        : log.info(`balancer: ${event.url} answers again`),
  });
  const slots: Replica[] = [];
  let stopping = false;

  // Children run in process groups of their own (a Ctrl-C in the terminal reaches only this
  // process, which stops them in order); if this process exits anyway, they go with it.
  const killAllNow = () => {
    for (const replica of slots) if (replica.running) replica.child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  };
  process.on('exit', killAllNow);

  const spawnReplica = async (index: number): Promise<Replica> => {
    const port = await freePort(host);
    const url = `http://${urlHost}:${port}`;
    const env = {
      ...baseEnv(),
      ...options.env({ index, port, balancerUrl: balancer.url }),
      PORT: String(port),
    };
    const child = spawn(command.file, [...command.args], {
      cwd: workDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let resolveExit: (exit: ReplicaExit) => void = () => undefined;
    const exited = new Promise<ReplicaExit>((resolve) => {
      resolveExit = resolve;
    });
    const replica: Replica = {
      index,
      pid: child.pid ?? -1,
      port,
      url,
      exited,
      child,
      exit: undefined,
      signalled: false,
      serving: false,
      tail: [],
      get running() {
        return this.exit === undefined;
      },
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        replica.tail.push(line);
        if (replica.tail.length > OUTPUT_TAIL) replica.tail.shift();
        output(index, line);
      });
    }
    const onEnd = (code: number | null, signal: NodeJS.Signals | null) => {
      if (replica.exit) return;
      replica.exit = { code, signal, expected: replica.signalled || stopping };
      if (!replica.serving) {
        // Start-up failures are reported by waitServing, with the replica's last lines.
      } else if (!replica.exit.expected) {
        log.warn(
          { replica: index, replicaPid: replica.pid, code, signal },
          `replica ${index} (pid ${replica.pid}, ${url}) exited unexpectedly with ${describeExit(replica.exit)}; it is not restarted (the balancer skips it)`,
        );
      } else {
        log.info(
          { replica: index, pid: replica.pid, code, signal },
          `replica ${index} (pid ${replica.pid}) stopped`,
        );
      }
      resolveExit(replica.exit);
    };
    child.once('exit', onEnd);
    child.once('error', (error) => {
      replica.tail.push(`cannot start ${command.file}: ${error.message}`);
      onEnd(null, null);
    });
    return replica;
  };

  /** Resolves once the replica answers 200 on readyPath; rejects when it exits or takes too long. */
  const waitServing = async (replica: Replica): Promise<void> => {
    const serving = await Promise.race([
      pollFor(
        async () => {
          if (!replica.running) return false;
          const response = await fetch(`${replica.url}${readyPath}`, { signal: AbortSignal.timeout(2000) });
          await response.arrayBuffer();
          return response.ok ? true : undefined;
        },
        startTimeoutMs,
        100,
      ),
      replica.exited.then(() => false),
    ]);
    if (serving === true && replica.running) {
      replica.serving = true;
      return;
    }
    const tail = replica.tail.length > 0 ? `; its last lines:\n${replica.tail.join('\n')}` : '';
    if (replica.running) {
      await signalAndWait(replica, 'SIGKILL');
      throw new SandboxSetupError(
        `replica ${replica.index} (pid ${replica.pid}) did not answer ${readyPath} on ${replica.url} within ${startTimeoutMs / 1000} s${tail}`,
      );
    }
    throw new SandboxSetupError(
      `replica ${replica.index} (pid ${replica.pid}) ended during start-up with ${describeExit(replica.exit!)}${tail}`,
    );
  };

  const signalAndWait = async (replica: Replica, signal: NodeJS.Signals): Promise<ReplicaExit> => {
    if (!replica.running) return replica.exit!;
    replica.signalled = true;
    replica.child.kill(signal);
    return replica.exited;
  };

  /** SIGTERM, then SIGKILL after stopTimeoutMs. */
  const stopReplica = async (replica: Replica): Promise<ReplicaExit> => {
    if (!replica.running) return replica.exit!;
    const timer = setTimeout(() => replica.child.kill('SIGKILL'), stopTimeoutMs);
    try {
      return await signalAndWait(replica, 'SIGTERM');
    } finally {
      clearTimeout(timer);
    }
  };

  const updateBalancer = () => balancer.setUpstreams(slots.map((r) => r.url));

  const stopAll = async () => {
    stopping = true;
    await Promise.all(slots.map(stopReplica));
    process.off('exit', killAllNow);
    await balancer.close();
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    for (let index = 0; index < options.count; index++) slots.push(await spawnReplica(index));
    await Promise.all(slots.map(waitServing));
    updateBalancer();
  } catch (error) {
    await stopAll();
    throw error;
  }

  const slot = (index: number): Replica => {
    const replica = slots[index];
    if (!replica)
      throw new RangeError(`no replica ${index} (there are ${slots.length}: 0-${slots.length - 1})`);
    return replica;
  };
  let stopped: Promise<void> | undefined;
  return {
    balancerUrl: balancer.url,
    balancer,
    get replicas() {
      return [...slots];
    },
    kill: (index, signal = 'SIGTERM') => signalAndWait(slot(index), signal),
    restart: async (index) => {
      if (stopped) throw new Error('the replicas are stopped');
      await stopReplica(slot(index));
      const replica = await spawnReplica(index);
      slots[index] = replica;
      await waitServing(replica);
      updateBalancer();
      log.info(`replica ${index} restarted: pid ${replica.pid}, ${replica.url}`);
      return replica;
    },
    stop: () => {
      stopped ??= stopAll();
      return stopped;
    },
  };
}

/** The environment of one sandbox replica: `room-metrics serve` against the emulator, behind the balancer. */
export function replicaEnv(
  emulator: Parameters<typeof emulatorBotEnv>[0],
  replica: { port: number; host?: string; balancerUrl: string },
  shared: { databaseUrl: string; webhookSecret: string; logLevel: string },
): Record<string, string> {
  return {
    // Webex posts to the balancer and chat clients load charts from it: the public URL is its.
    ...emulatorBotEnv(emulator, {
      port: replica.port,
      publicBaseUrl: replica.balancerUrl,
      host: replica.host ?? '127.0.0.1',
    }),
    // One secret for all replicas: whichever registered the webhooks, every one checks deliveries.
    WEBHOOK_SECRET: shared.webhookSecret,
    DATABASE_URL: shared.databaseUrl,
    DEFAULT_TIME_ZONE: SANDBOX_TIME_ZONE,
    ALERT_INTERVAL_SECONDS: '10',
    LOG_LEVEL: shared.logLevel,
    // The balancer on loopback is the proxy in front: the log shows the client's address.
    TRUST_PROXY: 'loopback',
    STARTUP_TIMEOUT_SECONDS: '45',
    SHUTDOWN_GRACE_SECONDS: '5',
  };
}

export interface ReplicaSandboxOptions {
  replicas: number;
  /** `postgres://…`: the database the replicas share. */
  databaseUrl: string;
  /** Port of the web chat; default 3000, 0 picks a free one. */
  port?: number;
  host?: string;
  /** The sandbox's own log (replica exits, the balancer); default warnings to stderr. */
  log?: Logger;
  /** The replicas' LOG_LEVEL; default the log's level. */
  replicaLogLevel?: string;
  /** Each line a replica writes; default: to stderr, prefixed with `[replica i]`. */
  output?: (index: number, line: string) => void;
  /** An emulator that is already running (left running on stop). */
  emulator?: RunningEmulator;
  /** The replicas' command; default `room-metrics serve`. */
  command?: ReplicaCommand;
  /** Extra environment for every replica (wins over the sandbox's). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface RunningReplicaSandbox extends Omit<RunningReplicas, 'balancer'> {
  chatUrl: string;
  webexUrl: string;
  userToken: string;
  adminToken: string;
  botEmail: string;
  timeZone: string;
  balancer: RunningBalancer;
  emulator: RunningEmulator;
  /** The emulator, the chat, the balancer and the replicas, in reverse order of starting. */
  stop(): Promise<void>;
}

const PEOPLE = ['ingrid', 'ola', 'kari', 'sam'] as const;

/**
 * `room-metrics sandbox --replicas N`: the emulator, the web chat, N bot replicas behind the
 * balancer (PUBLIC_BASE_URL is the balancer's URL) and the seeded spaces. Resolves once the bot has
 * answered Ingrid's first message through the balancer.
 */
export async function startReplicaSandbox(options: ReplicaSandboxOptions): Promise<RunningReplicaSandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? pino({ level: 'warn' }, pino.destination(2));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    let emulator = options.emulator;
    if (!emulator) {
      const started = await startEmulator({ host, port: 0 });
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
    // The chat talks to the emulator and loads chart images from the balancer (PUBLIC_BASE_URL).
    const { store } = emulator.context;
    const chat = await startChatServer({
      host,
      port: options.port ?? SANDBOX_DEFAULT_PORT,
      config,
      actionsIn: (roomId, personId) => roomActions(store, roomId, personId),
    });
    stops.push(() => chat.close());

    const shared = {
      databaseUrl: options.databaseUrl,
      webhookSecret: randomBytes(20).toString('hex'),
      logLevel: options.replicaLogLevel ?? log.level,
    };
    const ready = emulator;
    const replicas = await startReplicas({
      count: options.replicas,
      host,
      log,
      env: ({ port, balancerUrl }) => ({
        ...replicaEnv(ready, { port, host, balancerUrl }, shared),
        ...options.env,
      }),
      ...(options.command ? { command: options.command } : {}),
      ...(options.output ? { output: options.output } : {}),
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
      ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    });
    stops.push(() => replicas.stop());
    await waitForWebhooks(emulator.url, emulator.botToken, `${replicas.balancerUrl}/webhook`, 30_000);

    const [ingrid, ola, kari] = people;
    await seedSpaces(
      emulator.url,
      { ingrid: { token: ingrid!.token }, ola: { email: ola!.email }, kari: { email: kari!.email } },
      { email: emulator.botEmail, id: botPerson.id },
      30_000,
    );

    let stopped: Promise<void> | undefined;
    return {
      chatUrl: chat.url,
      webexUrl: emulator.url,
      userToken: ingrid!.token,
      adminToken: emulator.adminToken,
      botEmail: emulator.botEmail,
      timeZone: SANDBOX_TIME_ZONE,
      emulator,
      balancer: replicas.balancer,
      balancerUrl: replicas.balancerUrl,
      get replicas() {
        return replicas.replicas;
      },
      kill: (index, signal) => replicas.kill(index, signal),
      restart: (index) => replicas.restart(index),
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

/** Waits for the bot's two active webhooks to `targetUrl`, as Webex lists them. */
async function waitForWebhooks(
  webexUrl: string,
  botToken: string,
  targetUrl: string,
  timeoutMs: number,
): Promise<void> {
  const asBot = webexRest(webexUrl, botToken);
  const ready = await pollFor(async () => {
    const { items } = await asBot.get<{ items: Webhook[] }>('/webhooks?max=100');
    const ours = items.filter((h) => h.targetUrl === targetUrl && h.status === 'active');
    return ours.length >= 2 ? true : undefined;
  }, timeoutMs);
  if (!ready) {
    throw new SandboxSetupError(
      `no replica registered the bot's webhooks (${targetUrl}) within ${timeoutMs / 1000} s; run with LOG_LEVEL=info to see the replicas' logs.`,
    );
  }
}
