/**
 * `npm run bench` (calls part): Webex metric calls per answer in a 2,000-room organisation, for a
 * first question, the same question again, a typed follow-up and a button press, each beside
 * its minimum (one call per room with the sensor × metric × legal window of what is shown),
 * computed here from the emulator's directory, not from the bot's plan.
 */
import { performance } from 'node:perf_hooks';
import { startBot } from '../src/bot/bot-app';
import { readSettings } from '../src/bot/settings';
import type { StoredMessage } from '../src/emulator/messaging-store';
import { startEmulator } from '../src/emulator/server';
import { freePort } from '../src/free-port';
import { emulatorBotEnv } from '../src/sandbox/emulator-bot-env';
import { planWindows } from '../src/webex/metric-windows';
import { METRIC_CAPABILITY, type MetricName, type Workspace } from '../src/webex/wire';

interface CsvData {
  kind: 'csv';
  workspaceIds: string[];
  allRooms?: true;
  floorId?: string;
  locationId?: string;
  metrics: MetricName[];
  from: string;
  to: string;
  aggregation: 'none' | 'hourly' | 'daily';
}

export interface CallsRow {
  question: string;
  step: string;
  calls: number;
  minimum: number | undefined;
  messages: number;
  ms: number;
}

export async function callsBenchmark(): Promise<CallsRow[]> {
  let metricCalls = 0;
  const emulator = await startEmulator({
    port: 0,
    workspaces: 2000,
    onRequest: (line) => {
      if (line.startsWith('GET /v1/workspaceMetrics ')) metricCalls++;
    },
  });
  // A bot of its own per question: every question starts with a cold readings cache.
  const newBot = async () => {
    const port = await freePort();
    return startBot(
      readSettings({
        ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
        WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
        DATA_DIR: ':memory:',
        LOG_LEVEL: 'silent',
      }),
      { automation: false },
    );
  };
  let bot = await newBot();
  const rows: CallsRow[] = [];
  try {
    const api = async (method: string, path: string, token: string, json?: unknown) => {
      const response = await fetch(`${emulator.url}/${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(json ? { body: JSON.stringify(json) } : {}),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const ingrid = emulator.userTokens.ingrid;
    const botId = (await api('GET', 'people/me', emulator.botToken)).id as string;
    // A space of its own per question too, removed after it: a new bot (with a new, empty store)
    // would otherwise catch up on the questions asked in the earlier spaces, and count their calls.
    const newSpace = async (title: string) => {
      const space = (await api('POST', 'rooms', ingrid, { title })) as { id: string };
      await api('POST', 'memberships', ingrid, { roomId: space.id, personEmail: emulator.botEmail });
      return space;
    };
    let room = { id: '' };
    const directory: Workspace[] = [];
    for (let start = 0; ; start += 1000) {
      const page = (await api(
        'GET',
        `workspaces?includeCapabilities=true&max=1000&start=${start}`,
        emulator.adminToken,
      )) as {
        items: Workspace[];
      };
      directory.push(...page.items);
      if (page.items.length < 1000) break;
    }
    const botMessages = () =>
      [...emulator.context.store.messages.values()].filter(
        (m) => m.roomId === room.id && m.personId === botId,
      );
    const waitForCard = async (known: Set<string>): Promise<StoredMessage[]> => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const fresh = botMessages().filter((m) => !known.has(m.id));
        if (fresh.some((m) => m.attachments?.length || m.files?.length)) return fresh;
        if (Date.now() > deadline) throw new Error('no answer within 120 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const minimumOf = (card: StoredMessage | undefined): number | undefined => {
      const actions = (card?.attachments?.[0]?.content as { actions?: { data?: unknown }[] } | undefined)
        ?.actions;
      const csv = actions?.map((a) => a.data as CsvData | undefined).find((d) => d?.kind === 'csv');
      if (!csv) return undefined;
      const rooms = csv.allRooms
        ? directory
        : csv.floorId
          ? directory.filter((w) => w.floorId === csv.floorId)
          : csv.locationId
            ? directory.filter((w) => w.locationId === csv.locationId)
            : directory.filter((w) => csv.workspaceIds.includes(w.id));
      const windows = planWindows(Date.parse(csv.from), Date.parse(csv.to), csv.aggregation).length;
      const series = rooms.reduce(
        (n, w) =>
          n + csv.metrics.filter((m) => w.capabilities?.[METRIC_CAPABILITY[m]]?.supported !== false).length,
        0,
      );
      return series * windows;
    };
    const step = async (question: string, name: string, send: () => Promise<unknown>) => {
      const known = new Set(botMessages().map((m) => m.id));
      metricCalls = 0;
      const start = performance.now();
      await send();
      const answers = await waitForCard(known);
      const ms = performance.now() - start;
      const card = answers.find((m) => m.attachments?.length);
      rows.push({
        question,
        step: name,
        calls: metricCalls,
        minimum: minimumOf(card),
        messages: answers.length,
        ms,
      });
      return card;
    };
    const ask = (text: string) => () =>
      api('POST', 'messages', ingrid, {
        roomId: room.id,
        markdown: `<@personEmail:${emulator.botEmail}|RoomBot> ${text}`,
      });
    const press = (card: StoredMessage | undefined, title: string) => () => {
      const content = card?.attachments?.[0]?.content as
        | { actions?: { title: string; data?: unknown }[] }
        | undefined;
      const actions = content?.actions;
      const data = actions?.find((a) => a.title === title)?.data;
      return api('POST', 'attachment/actions', ingrid, { type: 'submit', messageId: card?.id, inputs: data });
    };
    for (const question of [
      'temperature in Room 4 last 6 hours',
      'temperature in all rooms now',
      'which room was warmest yesterday',
      'how was Oslo HQ today',
    ]) {
      await bot.stop();
      if (room.id !== '')
        await fetch(`${emulator.url}/rooms/${room.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${ingrid}` },
        });
      room = await newSpace(`Calls bench: ${question}`);
      bot = await newBot();
      const first = await step(question, 'first', ask(question));
      await step(question, 'again', ask(question));
      await step(question, 'follow-up "and yesterday?"', ask('and yesterday?'));
      await step(question, 'button "Last 24 h"', press(first, 'Last 24 h'));
    }
  } finally {
    await bot.stop();
    await emulator.close();
  }
  return rows;
}

if (require.main === module) {
  callsBenchmark().then((rows) => {
    console.table(rows.map((r) => ({ ...r, ms: Math.round(r.ms) })));
  });
}
