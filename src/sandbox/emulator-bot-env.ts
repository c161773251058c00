import type { EmulatorInfo } from '../emulator/server';

/**
 * The settings (as environment variables) of a bot that talks to the emulator instead of Webex:
 * its URLs and tokens, the admin refresh grant, who may ask. The sandbox, the tests and the
 * benchmark all run the real bot this way; callers add what differs (secret, zone, data dir).
 */
export function emulatorBotEnv(
  emulator: Pick<EmulatorInfo, 'url' | 'catalogUrl' | 'botToken' | 'adminClient'>,
  server: { port: number; publicBaseUrl: string; host?: string },
): Record<string, string> {
  return {
    WEBEX_BOT_TOKEN: emulator.botToken,
    PUBLIC_BASE_URL: server.publicBaseUrl,
    WEBEX_API_URL: emulator.url,
    WEBEX_CATALOG_URL: emulator.catalogUrl,
    WEBEX_ADMIN_CLIENT_ID: emulator.adminClient.clientId,
    WEBEX_ADMIN_CLIENT_SECRET: emulator.adminClient.clientSecret,
    WEBEX_ADMIN_REFRESH_TOKEN: emulator.adminClient.refreshToken,
    ALLOWED_EMAIL_DOMAINS: 'nordlys.example',
    PORT: String(server.port),
    HOST: server.host ?? '127.0.0.1',
  };
}
