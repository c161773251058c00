import { parseArgs } from 'node:util';
import { SettingsError } from '../bot/settings';
import {
  ensureWebhooks,
  frameworkWebhookName,
  type WebhookTarget,
  webhookProblem,
} from '../bot/webhook-registration';
import { WEBEX_API_URL } from '../webex/client';
import { StaticToken } from '../webex/credentials';
import { WebexApiError } from '../webex/errors';
import { WebexHttp } from '../webex/http';
import { WebexMessagingApi } from '../webex/messaging-api';
import type { Webhook } from '../webex/wire';
import { UsageError } from './options';

export const WEBHOOKS_USAGE = `Usage: room-metrics webhooks list [--json]
       room-metrics webhooks sync
       room-metrics webhooks delete [--all]

Shows and repairs the webhooks of the bot token, with the settings 'serve' uses (environment and .env):
  list        every webhook of WEBEX_BOT_TOKEN: id, name, resource/event, status, target URL and
              whether it is one of the bot's (target PUBLIC_BASE_URL/webhook); --json prints JSON
  sync        makes the bot's two webhooks for PUBLIC_BASE_URL exactly right (creates a missing one,
              re-activates a disabled one, sets WEBHOOK_SECRET, removes duplicates); prints each change
  delete      removes the bot's webhooks for PUBLIC_BASE_URL and says how many
  delete --all  removes every webhook of the token, whatever its target
Needs WEBEX_BOT_TOKEN (and WEBEX_API_URL for an API other than webexapis.com), PUBLIC_BASE_URL for
sync and delete, WEBHOOK_SECRET for sync. Exit code 0 when done, 1 when Webex refuses the token or
fails, 2 for a usage error or a missing setting.`;

export interface WebhooksIo {
  env?: NodeJS.ProcessEnv;
  /** Receives each output line (default: stdout). */
  print?: (line: string) => void;
  /** Receives the one error line (default: stderr). */
  error?: (line: string) => void;
  /** Each Webex call's limit (ms). Default 10000. */
  timeoutMs?: number;
}

/** One webhook of the token as `list` shows it. */
export interface ListedWebhook {
  id: string;
  name: string;
  resource: string;
  event: string;
  status: string;
  targetUrl: string;
  /** One of the bot's: its target is PUBLIC_BASE_URL/webhook. */
  ours: boolean;
}

interface WebhooksSettings {
  botToken: string;
  apiBaseUrl: string;
  /** Without a trailing slash; undefined when not set (allowed for `list` and `delete --all`). */
  publicBaseUrl: string | undefined;
  webhookSecret: string | undefined;
}

const SEE_EXAMPLE = 'See .env.example for every setting.';
const TOKEN_FIX =
  "copy the bot's access token from developer.webex.com (My Webex Apps → your bot) into WEBEX_BOT_TOKEN";

const SUBCOMMANDS = ['list', 'sync', 'delete'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function httpUrl(name: string, raw: string | undefined, hint: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SettingsError(`${name} must be an absolute http(s) URL, got '${value}'. ${hint}${SEE_EXAMPLE}`);
  }
  return value.replace(/\/+$/, '');
}

/** Only the settings this command needs (no admin credentials): a missing one is a SettingsError. */
function readWebhooksSettings(env: NodeJS.ProcessEnv, command: Subcommand, all: boolean): WebhooksSettings {
  const botToken = (env.WEBEX_BOT_TOKEN ?? '').trim();
  if (botToken === '') {
    throw new SettingsError(
      `WEBEX_BOT_TOKEN is missing. Set it to the bot access token from developer.webex.com (My Apps → your bot). ${SEE_EXAMPLE}`,
    );
  }
  if (botToken.length < 20)
    throw new SettingsError(`WEBEX_BOT_TOKEN is too short to be a token. ${SEE_EXAMPLE}`);
  const apiBaseUrl = httpUrl('WEBEX_API_URL', env.WEBEX_API_URL, '') ?? WEBEX_API_URL.replace(/\/+$/, '');
  const publicBaseUrl = httpUrl(
    'PUBLIC_BASE_URL',
    env.PUBLIC_BASE_URL,
    'Set it to the URL where Webex reaches the bot, e.g. https://bot.example.com. ',
  );
  if (publicBaseUrl === undefined && (command === 'sync' || (command === 'delete' && !all))) {
    throw new SettingsError(
      `PUBLIC_BASE_URL is missing: '${command}' works on the bot's webhooks for PUBLIC_BASE_URL/webhook. Set it to the URL where Webex reaches the bot, e.g. https://bot.example.com${command === 'delete' ? ", or use 'delete --all'" : ''}. ${SEE_EXAMPLE}`,
    );
  }
  const webhookSecret = env.WEBHOOK_SECRET || undefined;
  if (command === 'sync' && (webhookSecret === undefined || webhookSecret.length < 16)) {
    throw new SettingsError(
      `WEBHOOK_SECRET ${webhookSecret === undefined ? 'is missing' : 'must be at least 16 characters'}: 'sync' signs the webhooks with the secret the bot checks. Set it to the bot's WEBHOOK_SECRET. ${SEE_EXAMPLE}`,
    );
  }
  return { botToken, apiBaseUrl, publicBaseUrl, webhookSecret };
}

/** The low-level reason of a network failure (`ECONNREFUSED`, a timeout), when there is one. */
function networkReason(error: WebexApiError): string {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause && typeof cause === 'object'; depth++) {
    const { code, name } = cause as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (name === 'TimeoutError') return 'no answer in time';
    cause = (cause as { cause?: unknown }).cause;
  }
  return error.webexMessage ?? 'network error';
}

/** One line for a failed Webex call: what happened and what to do. */
export function webexFailureLine(error: unknown, apiBaseUrl: string): string {
  if (!(error instanceof WebexApiError)) return error instanceof Error ? error.message : String(error);
  const message = error.webexMessage ? ` ${error.webexMessage.replace(/\.$/, '')}` : '';
  const tracking = error.trackingId ? ` (trackingId ${error.trackingId})` : '';
  if (error.status === 401) return `Webex refused WEBEX_BOT_TOKEN (401${message})${tracking}: ${TOKEN_FIX}.`;
  if (error.code === 'network-error') {
    return `cannot reach Webex at ${apiBaseUrl} (${networkReason(error)}): check the network and WEBEX_API_URL.`;
  }
  if (error.status === 403) {
    return `Webex does not let this token manage webhooks: ${error.method} ${error.path} answered 403${message}${tracking}. Use the bot's own token.`;
  }
  const retry =
    error.code === 'rate-limited'
      ? `try again in ${error.retryAfterSeconds ?? 60} s`
      : 'try again in a minute; if it keeps failing, give Webex support the trackingId';
  return `Webex failed: ${error.method} ${error.path} answered ${error.status ?? error.code}${message}${tracking}; ${retry}.`;
}

const kind = (hook: Pick<Webhook, 'resource' | 'event'>) => `${hook.resource}/${hook.event}`;

/** `created       all/all  <id>`: one line per change, the verbs aligned. */
const changeLine = (verb: string, what: string, id: string, note = '') =>
  `${verb.padEnd(12)}  ${what}  ${id}${note}`;

/** Rows with left-aligned columns, two spaces apart; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** `room-metrics webhooks list|sync|delete`; the exit code (usage and setting errors are thrown). */
export async function runWebhooks(argv: string[], io: WebhooksIo = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  const print = io.print ?? ((line: string) => console.log(line));
  const printError = io.error ?? ((line: string) => console.error(line));
  if (values.help) {
    print(WEBHOOKS_USAGE);
    return 0;
  }
  const [subcommand, ...extra] = positionals;
  if (subcommand === undefined) {
    throw new UsageError(`say what to do: ${SUBCOMMANDS.join(', ')} (see 'room-metrics webhooks --help').`);
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(subcommand)) {
    throw new UsageError(
      `unknown subcommand '${subcommand}'; use ${SUBCOMMANDS.join(', ')} (see 'room-metrics webhooks --help').`,
    );
  }
  const command = subcommand as Subcommand;
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'.`);
  if (values.json && command !== 'list') throw new UsageError(`--json is an option of 'list' only.`);
  if (values.all && command !== 'delete') throw new UsageError(`--all is an option of 'delete' only.`);

  const settings = readWebhooksSettings(io.env ?? process.env, command, values.all === true);
  const api = new WebexMessagingApi(
    new WebexHttp({
      baseUrl: settings.apiBaseUrl,
      token: new StaticToken(settings.botToken),
      timeoutMs: io.timeoutMs ?? 10_000,
      maxRetries: 2,
      maxRateLimitRetries: 2,
      maxRetryAfterSeconds: 30,
    }),
  );
  const targetUrl = settings.publicBaseUrl !== undefined ? `${settings.publicBaseUrl}/webhook` : undefined;
  try {
    if (command === 'list') return await list(api, targetUrl, values.json === true, print);
    if (command === 'sync') return await sync(api, targetUrl!, settings.webhookSecret!, print, printError);
    return await remove(api, values.all === true ? undefined : targetUrl!, print, printError);
  } catch (error) {
    printError(`room-metrics webhooks ${command}: ${webexFailureLine(error, settings.apiBaseUrl)}`);
    return 1;
  }
}

async function list(
  api: WebexMessagingApi,
  targetUrl: string | undefined,
  json: boolean,
  print: (line: string) => void,
): Promise<number> {
  const hooks = await api.listWebhooks();
  const listed: ListedWebhook[] = hooks.map((h) => ({
    id: h.id,
    name: h.name,
    resource: h.resource,
    event: h.event,
    status: h.status,
    targetUrl: h.targetUrl,
    ours: h.targetUrl === targetUrl,
  }));
  if (json) {
    print(JSON.stringify(listed));
    return 0;
  }
  if (listed.length === 0) {
    print('This token has no webhooks.');
  } else {
    const rows = listed.map((h) => [
      h.id,
      h.name,
      `${h.resource}/${h.event}`,
      h.status,
      h.targetUrl,
      h.ours ? 'yes' : 'no',
    ]);
    for (const line of formatTable([
      ['ID', 'NAME', 'RESOURCE/EVENT', 'STATUS', 'TARGET URL', "BOT'S"],
      ...rows,
    ]))
      print(line);
  }
  if (targetUrl === undefined) {
    print("PUBLIC_BASE_URL is not set: no webhook is marked as the bot's.");
    return 0;
  }
  const ours = listed.filter((h) => h.ours).length;
  const problem = webhookProblem(hooks, { targetUrl, secret: '', name: '' });
  print(
    `${ours} of ${listed.length} ${listed.length === 1 ? 'webhook is' : 'webhooks are'} the bot's for ${targetUrl}` +
      (problem ? `; ${problem}: run 'room-metrics webhooks sync'.` : '; all present and active.'),
  );
  return 0;
}

async function sync(
  api: WebexMessagingApi,
  targetUrl: string,
  secret: string,
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  const me = await api.me();
  if (me.type !== undefined && me.type !== 'bot') {
    printError(
      `room-metrics webhooks sync: WEBEX_BOT_TOKEN belongs to ${me.displayName}, a person, not a bot; ${TOKEN_FIX}.`,
    );
    return 1;
  }
  const target: WebhookTarget = {
    targetUrl,
    secret,
    name: frameworkWebhookName(targetUrl, me.emails[0] ?? ''),
  };
  // ensureWebhooks through a recorder, so each change it makes is printed as it lands.
  let seen: Webhook[] = [];
  const byId = (id: string) => seen.find((h) => h.id === id);
  const repair = await ensureWebhooks(
    {
      listWebhooks: async () => {
        seen = await api.listWebhooks();
        return seen;
      },
      createWebhook: async (request) => {
        const hook = await api.createWebhook(request);
        print(changeLine('created', kind(hook), hook.id));
        return hook;
      },
      updateWebhook: async (id, update) => {
        const before = byId(id);
        const hook = await api.updateWebhook(id, update);
        const verb = before && before.status !== 'active' ? 're-activated' : 'secret set';
        print(changeLine(verb, kind(hook), hook.id, before ? ` (was ${before.status})` : ''));
        return hook;
      },
      deleteWebhook: async (id) => {
        const before = byId(id);
        await api.deleteWebhook(id);
        print(changeLine('removed', before ? kind(before) : 'webhook', id, ' (a duplicate)'));
      },
    },
    target,
  );
  const others = seen.filter((h) => h.targetUrl !== targetUrl).length;
  const changed = repair.created + repair.reactivated + repair.removed;
  print(
    changed === 0
      ? `The bot's webhooks for ${targetUrl} were already right: nothing changed.`
      : `The bot's webhooks for ${targetUrl} are right now: ${repair.created} created, ${repair.reactivated} re-activated, ${repair.removed} removed.`,
  );
  if (others > 0) {
    print(
      others === 1
        ? "1 other webhook of this token points elsewhere and was left alone ('room-metrics webhooks list' shows it)."
        : `${others} other webhooks of this token point elsewhere and were left alone ('room-metrics webhooks list' shows them).`,
    );
  }
  return 0;
}

/** Deletes the bot's webhooks for `targetUrl`, or every webhook of the token when it is undefined. */
async function remove(
  api: WebexMessagingApi,
  targetUrl: string | undefined,
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  const me = await api.me();
  if (me.type !== undefined && me.type !== 'bot') {
    printError(
      `room-metrics webhooks delete: WEBEX_BOT_TOKEN belongs to ${me.displayName}, a person, not a bot; nothing deleted. ${TOKEN_FIX.replace(/^c/, 'C')}.`,
    );
    return 1;
  }
  const hooks = (await api.listWebhooks()).filter(
    (h) => targetUrl === undefined || h.targetUrl === targetUrl,
  );
  const scope = targetUrl === undefined ? 'of this token' : `of the bot for ${targetUrl}`;
  let deleted = 0;
  for (const hook of hooks) {
    try {
      await api.deleteWebhook(hook.id);
    } catch (error) {
      // Gone already (another operator, or Webex's own clean-up): what we wanted.
      if (!(error instanceof WebexApiError && error.status === 404)) {
        if (deleted > 0)
          print(`Deleted ${deleted} of ${hooks.length} webhooks ${scope} before Webex failed.`);
        throw error;
      }
    }
    deleted++;
    print(changeLine('deleted', kind(hook), hook.id, `  ${hook.targetUrl}`));
  }
  print(
    deleted === 0
      ? `No webhooks ${scope}: nothing deleted.`
      : `Deleted ${deleted} ${deleted === 1 ? 'webhook' : 'webhooks'} ${scope}.`,
  );
  return 0;
}
