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
  return {
    Framework: mod.default ?? mod,
    webhookHandler: require('webex-node-bot-framework/webhook'),
  };
}

/** What the framework's SDK sees of the token's webhooks: nothing; what it does reaches nobody. */
const INERT_WEBHOOKS = {
  list: async () => ({ items: [] }),
  create: async (webhook: Record<string, unknown>) => ({ id: 'owned-by-room-metrics-bot', ...webhook }),
  remove: async () => undefined,
  update: async (webhook: Record<string, unknown>) => webhook,
};

/**
 * Starts the framework without letting it touch the token's webhooks. It deletes every webhook of
 * the token (or every one with its name) when it starts and again when it stops, then creates its
 * own: with several replicas, each start or stop would take the others' deliveries away. The bot
 * registers and repairs its webhooks itself (one leader, see webhook-leader.ts). `start()` creates
 * the framework's Webex SDK instance synchronously, before its first webhook call: that instance's
 * webhook calls are made inert at once (for this framework only; its `stop()` uses them too).
 */
export function startWithoutWebhooks(framework: FrameworkClass): Promise<unknown> {
  const starting = Promise.resolve(framework.start());
  const sdk = (framework as unknown as { webex?: { webhooks?: Record<string, unknown> } }).webex;
  if (sdk?.webhooks) Object.assign(sdk.webhooks, INERT_WEBHOOKS);
  return starting;
}
