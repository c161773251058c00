import { createRequire } from 'node:module';
import type FrameworkClass from 'webex-node-bot-framework';

type FrameworkModule = { default?: typeof FrameworkClass } & typeof FrameworkClass;

export interface LoadedFramework {
  Framework: typeof FrameworkClass;
  webhookHandler: typeof import('webex-node-bot-framework/webhook');
}

let loadedFor: string | undefined;

/**
 * Loads webex-node-bot-framework pointed at `apiBaseUrl`. Its Webex SDK reads
 * `HYDRA_SERVICE_URL` (and `U2C_SERVICE_URL`) once, when first loaded, so one process can only ever talk to one Webex
 * base URL: asking for another afterwards is an error rather than a silent mix-up.
 */
export function loadFramework(apiBaseUrl: string, options: { catalogUrl?: string } = {}): LoadedFramework {
  const url = apiBaseUrl.replace(/\/+$/, '');
  if (loadedFor !== undefined && loadedFor !== url) {
    throw new Error(
      `webex-node-bot-framework is already loaded for ${loadedFor}; it cannot switch to ${url} in one process.`,
    );
  }
  if (loadedFor === undefined) {
    process.env.HYDRA_SERVICE_URL = url;
    // The SDK also fetches a service catalog at start; against the emulator it must ask the emulator.
    if (options.catalogUrl) process.env.U2C_SERVICE_URL = options.catalogUrl;
    loadedFor = url;
  }
  const mod = require('webex-node-bot-framework') as FrameworkModule;
  keepFrameworkOffWebhooks();
  return {
    Framework: mod.default ?? mod,
    webhookHandler: require('webex-node-bot-framework/webhook'),
  };
}

/** Bot tokens whose webhooks the bot owns itself (see {@link keepFrameworkOffWebhooks}), with a count. */
const botOwned = new Map<string, number>();

/**
 * From now on the framework never lists, creates or deletes webhooks of this token, until the
 * returned function is called (when the bot stops; each bot of the token calls it once).
 */
export function ownWebhooks(token: string): () => void {
  botOwned.set(token, (botOwned.get(token) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (botOwned.get(token) ?? 1) - 1;
    if (left > 0) botOwned.set(token, left);
    else botOwned.delete(token);
  };
}

/** What the framework's SDK sees of an owned token's webhooks: nothing; what it does reaches nobody. */
const INERT_WEBHOOKS: Record<string, (this: unknown, webhook?: Record<string, unknown>) => Promise<unknown>> =
  {
    list: async () => ({ items: [] }),
    create: async (webhook) => ({ id: 'owned-by-room-metrics-bot', ...webhook }),
    remove: async () => undefined,
    update: async (webhook) => webhook,
  };

type PluginThis = { webex?: { credentials?: { supertoken?: { access_token?: string } } } };

let patched = false;

/**
 * The framework deletes every webhook of the token (or every one with its name) when it starts and
 * again when it stops, then creates its own: with several replicas, each start or stop would take
 * the others' deliveries away. The bot registers and repairs its webhooks itself (one leader, see
 * webhook-leader.ts), so for its token ({@link ownWebhooks}) the framework's SDK gets webhook calls
 * that do nothing; other tokens (a plain framework) are left alone.
 */
function keepFrameworkOffWebhooks(): void {
  if (patched) return;
  patched = true;
  const sdk = createRequire(
    require.resolve('webex', { paths: [require.resolve('webex-node-bot-framework')] }),
  );
  const plugin = (sdk('@webex/plugin-webhooks') as { default: { prototype: Record<string, unknown> } })
    .default;
  for (const [name, inert] of Object.entries(INERT_WEBHOOKS)) {
    const original = plugin.prototype[name] as (...args: unknown[]) => unknown;
    plugin.prototype[name] = function (this: PluginThis, ...args: unknown[]) {
      const token = this.webex?.credentials?.supertoken?.access_token;
      if (token !== undefined && botOwned.has(token))
        return inert.call(this, args[0] as Record<string, unknown>);
      return original.apply(this, args);
    };
  }
}
