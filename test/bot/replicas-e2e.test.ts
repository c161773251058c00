/**
 * Three bot replicas (`room-metrics serve` processes) on PostgreSQL behind the sandbox's balancer,
 * against the emulator, as the people in the spaces see them: 60 questions (follow-ups among them)
 * from three people in four spaces while one replica is SIGKILLed with answers in flight and
 * another is restarted at the minute a report is due; meanwhile an alert fires and recovers.
 * Every question must be answered exactly once, the report and the alert posted once each, and
 * every chart a card shows must load through the balancer.
 *
 * Real time throughout (the replicas are processes with their own clocks): the report is set for the
 * next whole minute at least 32 s away, so a run takes 1.5 to 2.5 minutes. REPLICAS_LOG_DIR=<dir>
 * keeps each replica slot's log and the emulator's messages there after the run.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { scriptSensor } from '../../src/emulator/org/sensors';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';
import { type RunningReplicaSandbox, startReplicaSandbox } from '../../src/sandbox/start-replicas';
import { Chat } from '../support/chat';
import { call } from '../support/emulator';
import { eventually } from '../support/framework-emulator';
import { describePostgres, dropSchema, TEST_DATABASE_URL } from '../support/postgres';

type Person = 'ingrid' | 'ola' | 'kari';
type Metric = 'temperature' | 'humidity' | 'tvoc' | 'ambientNoise';

const ZONE = 'Europe/Oslo';
const MINUTE = 60_000;
const STEP = 5 * MINUTE;
const PEOPLE: readonly Person[] = ['ingrid', 'ola', 'kari'];
const SPACES = 4;
const PER_SPACE = 15;
/** Rooms with every sensor and no weekly sensor gap. */
const ROOMS = [
  'Room 4',
  'Room 40',
  'Boardroom',
  'Fjord',
  'Mon Space',
  'Friday Lounge',
  'Kitchen Open Area',
  'Fløyen',
  'March',
  'Ulriken',
] as const;
const METRICS: readonly Metric[] = ['temperature', 'humidity', 'tvoc', 'ambientNoise'];
const WORDS: Record<Metric, string> = {
  temperature: 'temperature',
  humidity: 'humidity',
  tvoc: 'air quality',
  ambientNoise: 'noise',
};
const WINDOWS = ['last 6 hours', 'last 24 hours', 'yesterday', 'last 2 hours'] as const;

/** One question as a person asks it, and what its answer must be about. */
interface Question {
  space: number;
  person: Person;
  text: string;
  room: string;
  metric: Metric;
  /** A follow-up ("and humidity?") of this earlier question of the same person in the space. */
  followUpOf?: Question;
  /** Set once posted. */
  id?: string;
  roomId?: string;
  sentAt?: number;
}

/**
 * The conversation of one space: 12 questions naming a room, a metric and a window, and 3
 * follow-ups naming only another metric; no two about the same room and metric (an answer tells
 * which question it answers by its room and metric).
 */
function conversation(space: number): Question[] {
  const questions: Question[] = [];
  const used = new Set<string>();
  const take = (room: string, metric: Metric) => {
    const key = `${room}|${metric}`;
    if (used.has(key) || (room === 'Fjord' && metric === 'tvoc')) return false;
    used.add(key);
    return true;
  };
  for (let i = 0; questions.length < PER_SPACE; i++) {
    const person = PEOPLE[(i + space) % PEOPLE.length]!;
    const room = ROOMS[(i * 3 + space * 7) % ROOMS.length]!;
    const metric = METRICS[(i + space) % METRICS.length]!;
    if (!take(room, metric)) continue;
    const question: Question = {
      space,
      person,
      text: `${WORDS[metric]} in ${room} ${WINDOWS[(i + space) % WINDOWS.length]}`,
      room,
      metric,
    };
    questions.push(question);
    // Every fourth question is followed up by its asker with another metric only.
    if (i % 4 === 1 && questions.length < PER_SPACE) {
      const other = METRICS.map((_, k) => METRICS[(METRICS.indexOf(metric) + 1 + k) % METRICS.length]!).find(
        (m) => take(room, m),
      );
      if (other)
        questions.push({
          space,
          person,
          text: `and ${WORDS[other]}?`,
          room,
          metric: other,
          followUpOf: question,
        });
    }
  }
  return questions;
}

interface CardNode {
  [key: string]: unknown;
}

/** Every object in a card (depth first). */
function nodesOf(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (value === null || typeof value !== 'object') return [];
  return [value as CardNode, ...Object.values(value).flatMap(nodesOf)];
}

interface CsvData {
  workspaceIds?: string[];
  metrics: string[];
  from: string;
  to: string;
}

/** The data an answer card offers as CSV: which rooms, metrics and range it answered about. */
function csvOf(message: StoredMessage): CsvData | undefined {
  for (const node of nodesOf(message.attachments ?? [])) {
    const data = node.data as { kind?: string } | undefined;
    if (data?.kind === 'csv') return data as unknown as CsvData;
  }
  return undefined;
}

/**
 * Chart URLs in what a client shows of a message: its card (images, their full-size links) and its
 * markdown (links). Not the emulator's plain-text rendering, which strips markdown markers such as
 * `__` inside URLs too.
 */
function chartUrlsOf(message: StoredMessage, base: string): string[] {
  const text = JSON.stringify([message.markdown ?? '', message.attachments ?? []]);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...new Set(text.match(new RegExp(`${escaped}/charts/[A-Za-z0-9_-]+\\.png`, 'g')) ?? [])];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** GETs a chart as a client does; what is wrong with the answer, or undefined for a PNG. */
async function loadChart(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type');
    if (response.status === 200 && type === 'image/png' && bytes.subarray(0, 8).equals(PNG_SIGNATURE))
      return undefined;
    return `${url}: ${response.status} ${type}`;
  } catch (error) {
    return `${url}: ${(error as Error).message}`;
  }
}

const firstLine = (m: StoredMessage) =>
  ((m.markdown ?? m.text ?? '').trim().split('\n', 1)[0] ?? '').replace(/\*\*/g, '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const clockOf = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');

interface LogLine {
  level?: number;
  msg?: string;
  dataId?: string;
}

describePostgres(
  'three replicas on PostgreSQL behind the balancer (end to end)',
  function (this: Mocha.Suite) {
    // Start-up, the wait for the report's minute (up to 92 s), the answers and the charts.
    this.timeout(240_000);
    const schema = `replicas_${randomBytes(5).toString('hex')}`;
    let emulator: RunningEmulator | undefined;
    let sandbox: RunningReplicaSandbox | undefined;
    /** What each replica slot logged (JSON lines), across restarts. */
    const logs: LogLine[][] = [[], [], []];
    const raw: string[][] = [[], [], []];
    /** The chat client's look at new bot messages (it loads their charts at once). */
    let client: NodeJS.Timeout | undefined;
    /**
     * The replica processes (each log line names its pid). They run in process groups of their
     * own, so if this process is interrupted (Ctrl-C, a CI timeout) they are killed here, not left
     * behind.
     */
    const pids = new Set<number>();
    const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const interrupted = (signal: NodeJS.Signals) => {
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (const s of SIGNALS) process.off(s, interrupted);
      // Without another handler the signal ends this process, as it would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };

    before(async function () {
      this.timeout(120_000);
      for (const s of SIGNALS) process.on(s, interrupted);
      emulator = await startEmulator({ port: 0 });
      sandbox = await startReplicaSandbox({
        replicas: 3,
        databaseUrl: TEST_DATABASE_URL,
        port: 0,
        emulator,
        replicaLogLevel: 'info',
        env: { DATABASE_SCHEMA: schema },
        output: (index, line) => {
          raw[index]?.push(line);
          try {
            const parsed = JSON.parse(line) as LogLine & { pid?: number };
            logs[index]?.push(parsed);
            if (typeof parsed.pid === 'number') pids.add(parsed.pid);
          } catch {
            // not a log line (a start-up message)
          }
        },
      });
    });

    after(async function () {
      this.timeout(60_000);
      clearInterval(client);
      await sandbox?.stop();
      await emulator?.close();
      for (const s of SIGNALS) process.off(s, interrupted);
      await dropSchema(schema);
      await dropSchema(`${schema}_jobs`);
    });

    afterEach(function () {
      if (process.env.REPLICAS_LOG_DIR) {
        for (const [index, lines] of raw.entries())
          writeFileSync(`${process.env.REPLICAS_LOG_DIR}/replica-${index}.log`, lines.join('\n'));
        writeFileSync(
          `${process.env.REPLICAS_LOG_DIR}/messages.json`,
          JSON.stringify([...(emulator?.context.store.messages.values() ?? [])], null, 1),
        );
      }
      if (this.currentTest?.state !== 'failed') return;
      for (const [index, lines] of raw.entries()) {
        const worth = lines.filter((l) => /"level":(4|5|6)\d/.test(l)).slice(-15);
        if (worth.length > 0) console.log(`[replica ${index}] warnings and errors:\n${worth.join('\n')}`);
      }
    });

    it('answers 60 questions once each through a SIGKILL and a restart, posts the report and the alert once, serves every chart', async () => {
      const em = emulator!;
      const sb = sandbox!;
      const bot = (await call(em, 'GET', '/people/me', { token: em.botToken })).body as { id: string };
      const chat = new Chat(em, bot.id);
      const { items: workspaces } = (await call(em, 'GET', '/workspaces?max=100')).body as {
        items: { id: string; displayName: string }[];
      };
      const idOf = (name: string) => workspaces.find((w) => w.displayName === name)!.id;
      const botMessages = (roomId: string) =>
        [...em.context.store.messages.values()].filter((m) => m.roomId === roomId && m.personId === bot.id);

      // Spaces: four for questions, one for the report and the alert; everyone from the organisation.
      const space = async (title: string) => {
        const roomId = await chat.groupSpace('ingrid', title);
        for (const person of ['ola', 'kari'] as const) {
          const me = (await call(em, 'GET', '/people/me', { token: em.userTokens[person] })).body as {
            emails: string[];
          };
          await call(em, 'POST', '/memberships', {
            token: em.userTokens.ingrid,
            json: { roomId, personEmail: me.emails[0] },
          });
        }
        return roomId;
      };
      const spaces = await Promise.all(
        Array.from({ length: SPACES }, (_, i) => space(`Facilities ${i + 1}`)),
      );
      const automation = await space('Facilities automation');

      // Fjord's TVOC sensor delivers its readings late: the last 20 minutes are held back and handed
      // over later (as a device catching up after a network outage), so the alert below fires and
      // recovers within the test's minutes instead of on the 5-minute grid of new readings.
      const fjord = idOf('Fjord');
      const heldFrom = Math.floor(Date.now() / STEP) * STEP - 20 * MINUTE;
      let delivered = heldFrom;
      const tvoc = (t: number) => (t <= heldFrom ? 300 : t <= heldFrom + 3 * STEP ? 700 : 300);
      scriptSensor(em.context.org, fjord, 'tvoc', (t) => (t <= delivered ? tvoc(t) : undefined));

      const [alertSet] = await chat.ask(
        'ingrid',
        automation,
        'alert me when tvoc in Fjord goes above 500',
        1,
        30_000,
      );
      assert.match(firstLine(alertSet!) + JSON.stringify(alertSet!.attachments ?? ''), /Alert a\d+ set/);

      // The report is due at the next whole minute at least 32 s away (the space's zone is Oslo's).
      const slot = Math.ceil((Date.now() + 32_000) / MINUTE) * MINUTE;
      const [reportSet] = await chat.ask(
        'ola',
        automation,
        `daily report for Room 4 at ${clockOf(slot)}`,
        1,
        30_000,
      );
      assert.match(JSON.stringify(reportSet), /Report r\d+ scheduled/);

      // The questions: 30 before the kill (22 s before the slot), 30 from then until 12 s after it.
      const all = Array.from({ length: SPACES }, (_, s) => conversation(s));
      const order: Question[] = [];
      for (let j = 0; j < PER_SPACE; j++) for (const c of all) order.push(c[j]!);
      assert.equal(order.length, 60);
      const killAt = slot - 22_000;
      const start = Date.now();
      const beforeKill = 30;
      const at = (index: number) =>
        index < beforeKill
          ? start + ((killAt - start - 1500) * index) / beforeKill
          : killAt + ((slot + 12_000 - killAt) * (index - beforeKill)) / (order.length - beforeKill);

      const answersTo = (q: Question) =>
        botMessages(q.roomId!).filter((m) => {
          const csv = csvOf(m);
          return (
            csv !== undefined &&
            m.created >= new Date(q.sentAt! - 1000).toISOString() &&
            csv.workspaceIds?.length === 1 &&
            csv.workspaceIds[0] === idOf(q.room) &&
            csv.metrics.length === 1 &&
            csv.metrics[0] === q.metric
          );
        });

      const ask = async (q: Question) => {
        if (q.followUpOf) {
          // A person follows up once the answer is there.
          await eventually(
            () => (answersTo(q.followUpOf!).length > 0 ? true : undefined),
            `the answer to "${q.followUpOf.text}" before its follow-up`,
            90_000,
          );
          await sleep(300);
        }
        q.roomId = spaces[q.space]!;
        q.sentAt = Date.now();
        q.id = await chat.post(q.person, q.roomId, q.text);
      };

      // As a Webex client does, every chart is loaded as soon as its card arrives (from whichever
      // replica the balancer picks, which may not be the one that answered).
      const loaded = new Map<string, Promise<string | undefined>>();
      client = setInterval(() => {
        for (const roomId of [...spaces, automation])
          for (const message of botMessages(roomId))
            for (const url of chartUrlsOf(message, sb.balancerUrl))
              if (!loaded.has(url)) loaded.set(url, loadChart(url));
      }, 50);

      // Each space's conversation runs on its own; the kill and the restart happen meanwhile.
      const talking = Promise.all(
        all.map(async (questions) => {
          for (const q of questions) {
            await sleep(at(order.indexOf(q)) - Date.now());
            await ask(q);
          }
        }),
      );
      talking.catch(() => undefined); // awaited below; a failure is reported there

      // The kill: while questions are being answered (a little Webex latency keeps them in flight),
      // and as Fjord's held-back readings arrive, so the alert fires while the replica is gone.
      await sleep(killAt - 1500 - Date.now());
      em.traffic.update({ latencyMs: 250 });
      const victim = 0;
      const understoodBefore = logs[victim]!.length;
      delivered = heldFrom + 3 * STEP;
      const inFlight = await eventually(
        () => {
          const ids = logs[victim]!.slice(understoodBefore)
            .filter((l) => l.msg === 'request understood' && l.dataId)
            .map((l) => l.dataId!);
          const open = order.filter((q) => q.id && ids.includes(q.id) && answersTo(q).length === 0);
          return open.length > 0 ? open : undefined;
        },
        'replica 0 to be answering a question',
        15_000,
      );
      const killed = await sb.kill(victim, 'SIGKILL');
      em.traffic.update({ latencyMs: 0 });
      assert.equal(killed.signal, 'SIGKILL');
      const killedAt = Date.now();

      // The fire, posted by a replica still alive.
      const isFire = (m: StoredMessage) => /^⚠️ Air quality \(TVOC\) in Fjord is 700 ppb/.test(firstLine(m));
      const isRecovery = (m: StoredMessage) =>
        /^Back to normal: Air quality \(TVOC\) in Fjord is 300 ppb/.test(firstLine(m));
      const fire = await eventually(() => botMessages(automation).find(isFire), 'the alert', 45_000);

      // The restart: at the report's minute.
      await sleep(slot - Date.now());
      const restarted = await sb.restart(1);
      assert.ok(restarted.running);
      // The sensor's next reading arrives: back to normal.
      delivered = heldFrom + 4 * STEP;

      await talking;
      const isReport = (m: StoredMessage) => /room report/i.test(JSON.stringify(m));
      await eventually(() => botMessages(automation).find(isReport), 'the report', 60_000);
      const recovery = await eventually(
        () => botMessages(automation).find(isRecovery),
        'the recovery',
        60_000,
      );
      await eventually(
        () => (order.every((q) => answersTo(q).length > 0) ? true : undefined),
        'an answer to every question',
        90_000,
      ).catch(() => undefined);
      // Time for a second answer, report or alert to show up, if one were coming.
      await sleep(8_000);

      // Every question answered exactly once, follow-ups about their question's room.
      const counts = order.map((q) => ({ q, answers: answersTo(q) }));
      const wrong = counts.filter((c) => c.answers.length !== 1);
      assert.deepEqual(
        wrong.map(
          (c) => `${c.q.person} in space ${c.q.space + 1}: "${c.q.text}" → ${c.answers.length} answers`,
        ),
        [],
        `in flight on the killed replica: ${inFlight.map((q) => q.text).join('; ')}`,
      );
      for (const { q, answers } of counts) {
        if (!q.followUpOf) continue;
        const base = csvOf(answersTo(q.followUpOf)[0]!)!;
        const own = csvOf(answers[0]!)!;
        assert.equal(
          Date.parse(own.to) - Date.parse(own.from),
          Date.parse(base.to) - Date.parse(base.from),
          `"${q.text}" covers as long a window as "${q.followUpOf.text}"`,
        );
      }
      // Nothing else in the question spaces: no error, no second copy, no stray line.
      const answerIds = new Set(counts.flatMap((c) => c.answers.map((m) => m.id)));
      const stray = spaces.flatMap((roomId) => botMessages(roomId).filter((m) => !answerIds.has(m.id)));
      assert.deepEqual(stray.map(firstLine), [], 'bot messages that answer no question');

      // The report once, the alert once, its recovery once as a reply to it.
      const posted = botMessages(automation).filter((m) => m.id !== alertSet!.id && m.id !== reportSet!.id);
      assert.equal(posted.filter(isReport).length, 1, posted.map(firstLine).join('\n'));
      assert.equal(posted.filter(isFire).length, 1, posted.map(firstLine).join('\n'));
      assert.equal(posted.filter(isRecovery).length, 1, posted.map(firstLine).join('\n'));
      assert.equal(recovery.parentId, fire.id, 'the recovery is a reply to the alert');
      assert.equal(posted.length, 3, posted.map(firstLine).join('\n'));

      // Every chart of every card loaded through the balancer when its card arrived, and loads now
      // (drawn again by a live replica where the one that drew it is gone).
      clearInterval(client);
      const urls = [...spaces, automation].flatMap((roomId) =>
        botMessages(roomId).flatMap((m) => chartUrlsOf(m, sb.balancerUrl)),
      );
      assert.ok(urls.length >= order.length, `charts in the answers (${urls.length})`);
      assert.deepEqual(
        urls.filter((url) => !loaded.has(url)),
        [],
        'charts the client did not see arrive',
      );
      const atArrival = (await Promise.all(loaded.values())).filter((problem) => problem !== undefined);
      assert.deepEqual(atArrival, [], 'charts that did not load when their card arrived');
      const later: string[] = [];
      for (const url of urls) {
        const problem = await loadChart(url);
        if (problem) later.push(problem);
      }
      assert.deepEqual(later, [], 'charts that do not load at the end');
      console.log(
        `      (kill at ${new Date(killedAt).toISOString()}, ${inFlight.length} question(s) in flight on it; report slot ${clockOf(slot)}; ${urls.length} charts)`,
      );
    });
  },
);
