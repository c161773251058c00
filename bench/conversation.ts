/**
 * `npm run bench` (conversation part): time from a person's message to the bot's reply, against
 * the emulator, side by side for a bare echo bot on webex-node-bot-framework (its defaults) and
 * this bot answering realistic questions with cards and charts.
 *
 * Each bot runs in a process of its own (its peak RSS is its own); the emulator and the load
 * generator share this process. Closed loop: N people each waiting for their answer before
 * asking again. Open loop: a steady rate of questions, each from a different person (this is what
 * exposes the SDK's people-lookup batcher). Figures, not pass/fail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addStaff } from '../src/emulator/extra-users';
import type { StoredMessage } from '../src/emulator/messaging-store';
import { type RunningEmulator, startEmulator } from '../src/emulator/server';
import { freePort } from '../src/free-port';
import { emulatorBotEnv } from '../src/sandbox/emulator-bot-env';

const ROOT = join(__dirname, '..');
const SECRET = 'bench-webhook-secret-0123456789';

export const QUESTIONS = [
  'temperature in Room 4 last 6 hours',
  'humidity in Fjord today',
  'how noisy was Boardroom yesterday afternoon?',
  'tvoc in Lab 2.1 last 24 hours',
  'compare temperature in Room 4 and Fjord yesterday',
  'which room was noisiest this week?',
  'temperature in Huddle 3.2 this week',
  'how was Fløyen today?',
];

export interface Person {
  token: string;
  roomId: string;
}

export interface Run {
  times: Answer[];
  lost: number;
  /** Why each lost answer was lost ('no reply', 'chart did not load: 404'). */
  whyLost: string[];
  seconds: number;
}

export interface PhaseResult {
  bot: string;
  phase: string;
  answers: number;
  lost: number;
  p50: number;
  p95: number;
  p99: number;
  /** p50/p95 until the chart image has loaded too. */
  chartP50: number;
  chartP95: number;
  /** Answers that carried a chart. */
  charts: number;
  perSecond: number;
  callsPerAnswer: number;
  /** Why answers were lost (when some were). */
  whyLost?: string[];
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Counts the bot's own Webex calls (bot and admin tokens), not the load generator's. */
export class CallCounter {
  count = 0;
  line = (line: string) => {
    if (/ (bot|admin)$/.test(line)) this.count += 1;
  };
}

export interface Answer {
  /** Message → the bot's reply stored in Webex. */
  replyMs: number;
  /** Message → the reply and its chart image loaded (as a Webex client shows it). */
  completeMs: number;
  chart: boolean;
}

/** The first image URL in a card (the chart), if any. */
function chartUrlOf(message: StoredMessage): string | undefined {
  const found = /"url":"(http[^"]+\/charts\/[^"]+)"/.exec(JSON.stringify(message.attachments ?? []));
  return found?.[1];
}

/** Replies of the bot, matched to questions per space in order. */
export class ReplyClock {
  private readonly waiting = new Map<string, { at: number; done: (message: StoredMessage) => void }[]>();

  constructor(
    emulator: RunningEmulator,
    private readonly botId: () => string,
  ) {
    emulator.context.store.messageListeners.add((message: StoredMessage) => {
      if (message.personId !== this.botId()) return;
      this.waiting.get(message.roomId)?.shift()?.done(message);
    });
  }

  /** Posts `text` as the person; resolves when the reply and its chart (if any) have arrived. */
  async ask(emulator: RunningEmulator, person: Person, text: string, timeoutMs = 15_000): Promise<Answer> {
    const at = performance.now();
    const reply = new Promise<StoredMessage>((resolve, reject) => {
      const entry = { at, done: resolve };
      const queue = this.waiting.get(person.roomId) ?? [];
      queue.push(entry);
      this.waiting.set(person.roomId, queue);
      setTimeout(() => {
        const q = this.waiting.get(person.roomId);
        const index = q?.indexOf(entry) ?? -1;
        if (index >= 0) {
          q!.splice(index, 1);
          reject(new Error('no reply'));
        }
      }, timeoutMs).unref();
    });
    const posted = await fetch(`${emulator.url}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        roomId: person.roomId,
        markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}`,
      }),
    });
    if (!posted.ok) throw new Error(`posting failed: ${posted.status}`);
    const message = await reply;
    const replyMs = performance.now() - at;
    const url = chartUrlOf(message);
    if (url) {
      const image = await fetch(url);
      const bytes = await image.arrayBuffer();
      if (!image.ok || bytes.byteLength === 0) throw new Error(`chart did not load: ${image.status}`);
    }
    return { replyMs, completeMs: performance.now() - at, chart: url !== undefined };
  }
}

export async function api(
  emulator: RunningEmulator,
  token: string,
  method: string,
  path: string,
  json?: unknown,
) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
}

/** A group space per person, with the bot in it. */
export async function spacesFor(emulator: RunningEmulator, people: { token: string }[]): Promise<Person[]> {
  const out: Person[] = [];
  for (const [i, p] of people.entries()) {
    const room = await api(emulator, p.token, 'POST', '/rooms', { title: `Bench ${i}` });
    const roomId = String(room!.id);
    await api(emulator, p.token, 'POST', '/memberships', { roomId, personEmail: emulator.botEmail });
    out.push({ token: p.token, roomId });
  }
  return out;
}

/** The child's peak (`VmHWM`) or current (`VmRSS`) resident set in MB, from /proc (Linux). */
export function rssMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * Render workers of the bot: the bot's default unless BENCH_CHART_WORKERS says otherwise.
 * BENCH_BOT_NODE_OPTIONS adds Node flags to the bot's (for trying V8 settings).
 */
const CHART_WORKERS = process.env.BENCH_CHART_WORKERS ?? '';
/** The Node flags of `npm start`. */
const BOT_NODE_ARGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];
const EXTRA_NODE_ARGS = (process.env.BENCH_BOT_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
/** BENCH_BOTS=room-metrics measures only this bot (the echo bot's figures barely change). */
const BOTS = (['echo', 'room-metrics'] as const).filter(
  (kind) => !process.env.BENCH_BOTS || process.env.BENCH_BOTS.split(',').includes(kind),
);

async function waitForWebhooks(emulator: RunningEmulator, port: number, child: ChildProcess): Promise<void> {
  const target = `http://127.0.0.1:${port}/webhook`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    const hooks = (await api(emulator, emulator.botToken, 'GET', '/webhooks'))!.items as {
      targetUrl: string;
    }[];
    if (hooks.filter((h) => h.targetUrl === target).length >= 2) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not register its webhooks in 30 s');
}

async function removeWebhooks(emulator: RunningEmulator): Promise<void> {
  const hooks = (await api(emulator, emulator.botToken, 'GET', '/webhooks'))!.items as { id: string }[];
  for (const hook of hooks) await api(emulator, emulator.botToken, 'DELETE', `/webhooks/${hook.id}`);
}

async function startBotProcess(kind: 'echo' | 'room-metrics', emulator: RunningEmulator) {
  const port = await freePort();
  const common = {
    ...process.env,
    ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
    WEBHOOK_SECRET: SECRET,
  };
  const child =
    kind === 'echo'
      ? spawn(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'bench/bots/echo-bot.ts')], {
          env: common,
          stdio: ['ignore', 'pipe', 'inherit'],
          cwd: ROOT,
        })
      : // As `npm start` runs it (the heap limits keep V8 from hoarding garbage under load; a 4 MB
        // semi-space instead of 16 MB saves ~30 MB of young generation at no cost in latency).
        spawn(
          process.execPath,
          [...BOT_NODE_ARGS, ...EXTRA_NODE_ARGS, join(ROOT, 'bin/room-metrics'), 'serve'],
          {
            env: {
              ...common,
              DATA_DIR: ':memory:',
              DEFAULT_TIME_ZONE: 'Europe/Oslo',
              // The echo bot before it used the same bot token: its questions are not this bot's to
              // catch up on (answering them would run beside the first phase).
              CATCH_UP_MINUTES: '0',
              ...(CHART_WORKERS ? { CHART_WORKERS } : {}),
              LOG_LEVEL: 'warn',
            },
            stdio: ['ignore', 'ignore', 'inherit'],
            cwd: ROOT,
          },
        );
  await waitForWebhooks(emulator, port, child);
  return child;
}

export async function closedLoop(
  emulator: RunningEmulator,
  clock: ReplyClock,
  people: Person[],
  questions: string[],
  perPerson: number,
): Promise<Run> {
  const times: Answer[] = [];
  let lost = 0;
  const whyLost: string[] = [];
  const started = performance.now();
  await Promise.all(
    people.map(async (person, p) => {
      for (let i = 0; i < perPerson; i++) {
        try {
          times.push(await clock.ask(emulator, person, questions[(p + i) % questions.length]!));
        } catch (error) {
          lost += 1;
          whyLost.push((error as Error).message);
        }
      }
    }),
  );
  return { times, lost, whyLost, seconds: (performance.now() - started) / 1000 };
}

export async function openLoop(
  emulator: RunningEmulator,
  clock: ReplyClock,
  people: Person[],
  questions: string[],
  rate: number,
  seconds: number,
): Promise<Run> {
  const times: Answer[] = [];
  let lost = 0;
  const whyLost: string[] = [];
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const person = people[i % people.length]!;
    pending.push(
      clock.ask(emulator, person, questions[i % questions.length]!).then(
        (answer) => void times.push(answer),
        (error: unknown) => {
          lost += 1;
          whyLost.push((error as Error).message);
        },
      ),
    );
  }
  await Promise.all(pending);
  return { times, lost, whyLost, seconds: (performance.now() - started) / 1000 };
}

/**
 * The answer load, against a bot that is up and registered (one process or replicas behind a
 * balancer): a warm-up, closed loops of 1, 4 and 16 people (each waiting for their answer before
 * asking again) and an open loop of 10 questions/s, each phase with people new to the bot.
 */
export async function answerPhases(options: {
  emulator: RunningEmulator;
  clock: ReplyClock;
  calls: CallCounter;
  staff: { token: string }[];
  quick: boolean;
  /** The name in the table's first column. */
  bot: string;
  questions?: string[];
}): Promise<PhaseResult[]> {
  const { emulator, clock, calls, staff, quick, bot } = options;
  const questions = options.questions ?? QUESTIONS;
  const concurrencies = quick ? [1, 8] : [1, 4, 16];
  const perPerson = quick ? 10 : 30;
  const results: PhaseResult[] = [];
  // Each phase with fresh people, so caches of people are cold as they are for new askers.
  let next = 0;
  const take = async (n: number) => {
    next += n;
    return spacesFor(emulator, staff.slice(next - n, next));
  };
  const warm = await take(1);
  await closedLoop(emulator, clock, warm, questions, 3);
  const record = (phase: string, run: Run, before: number) => {
    const sorted = run.times.map((a) => a.replyMs).sort((a, b) => a - b);
    const complete = run.times.map((a) => a.completeMs).sort((a, b) => a - b);
    results.push({
      bot,
      phase,
      answers: sorted.length,
      lost: run.lost,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      chartP50: percentile(complete, 50),
      chartP95: percentile(complete, 95),
      charts: run.times.filter((a) => a.chart).length,
      perSecond: sorted.length / run.seconds,
      callsPerAnswer: (calls.count - before) / Math.max(1, sorted.length),
      ...(run.whyLost.length > 0 ? { whyLost: run.whyLost } : {}),
    });
  };
  for (const c of concurrencies) {
    const people = await take(c);
    const before = calls.count;
    record(
      `closed loop, ${c} ${c === 1 ? 'person' : 'people'}`,
      await closedLoop(emulator, clock, people, questions, perPerson),
      before,
    );
  }
  const people = await take(Math.min(24, staff.length - next));
  const before = calls.count;
  record(
    'open loop, 10 questions/s',
    await openLoop(emulator, clock, people, questions, 10, quick ? 5 : 15),
    before,
  );
  return results;
}

/** The table of `answerPhases` results (one row per bot and phase, in the order given). */
export function printPhases(results: readonly PhaseResult[]): void {
  const width = Math.max(13, ...results.map((r) => r.bot.length + 1));
  console.log(
    `${'bot'.padEnd(width)} ${'phase'.padEnd(26)} answers charts lost    p50    p95    p99  chart p50  chart p95  answers/s  calls/answer`,
  );
  for (const r of results) {
    console.log(
      `${r.bot.padEnd(width)} ${r.phase.padEnd(26)} ${String(r.answers).padStart(7)} ${String(r.charts).padStart(6)} ${String(r.lost).padStart(4)} ${r.p50.toFixed(0).padStart(6)} ${r.p95.toFixed(0).padStart(6)} ${r.p99.toFixed(0).padStart(6)} ${r.chartP50.toFixed(0).padStart(10)} ${r.chartP95.toFixed(0).padStart(10)} ${r.perSecond.toFixed(1).padStart(10)} ${r.callsPerAnswer.toFixed(1).padStart(13)}`,
    );
  }
}

/** Runs the answer load against each bot in a process of its own; prints and returns the figures. */
export async function conversationBenchmark(
  options: { quick?: boolean; bots?: readonly (typeof BOTS)[number][] } = {},
): Promise<PhaseResult[]> {
  const quick = options.quick ?? false;
  const calls = new CallCounter();
  const emulator = await startEmulator({ port: 0, onRequest: calls.line });
  const staff = addStaff(emulator.context, 64);
  const botId = (await api(emulator, emulator.botToken, 'GET', '/people/me'))!.id as string;
  const clock = new ReplyClock(emulator, () => botId);
  const results: PhaseResult[] = [];
  const rss: Record<string, number> = {};
  /** Resident set once the bot is up, before any question. */
  const idleRss: Record<string, number> = {};
  try {
    for (const kind of options.bots ?? BOTS) {
      await removeWebhooks(emulator);
      const child = await startBotProcess(kind, emulator);
      idleRss[kind] = rssMb(child, 'VmRSS');
      try {
        results.push(
          ...(await answerPhases({ emulator, clock, calls, staff, quick, bot: kind, questions: QUESTIONS })),
        );
        rss[kind] = rssMb(child);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  } finally {
    await emulator.close();
  }

  console.log(
    '\nconversation: message → reply, and → reply with its chart loaded (ms), against the emulator',
  );
  printPhases(results);
  const workers = CHART_WORKERS || 'default';
  console.log(
    `peak RSS: echo bot ${rss.echo?.toFixed(0)} MB, room-metrics bot ${rss['room-metrics']?.toFixed(0)} MB (chart workers: ${workers})`,
  );
  console.log(
    `RSS when started: echo bot ${idleRss.echo?.toFixed(0)} MB, room-metrics bot ${idleRss['room-metrics']?.toFixed(0)} MB`,
  );
  console.log(
    JSON.stringify({ conversation: results, peakRssMb: rss, idleRssMb: idleRss, chartWorkers: workers }),
  );
  return results;
}

if (require.main === module) {
  conversationBenchmark({ quick: process.argv.includes('--quick') }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
