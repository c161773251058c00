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
