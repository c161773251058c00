import { WebexAdminApi } from './admin-api';
import { type RefreshCredentials, RefreshingToken, StaticToken, type TokenProvider } from './credentials';
import { DisplayNames } from './display-names';
import { type HttpOptions, WebexHttp } from './http';
import { WebexMessagingApi } from './messaging-api';
import { WorkspaceDirectory } from './workspace-directory';

export const WEBEX_API_URL = 'https://webexapis.com/v1';

/** Admin credentials: a static token, or a Service App / admin integration refresh grant. */
export type AdminCredentials = { token: string } | RefreshCredentials;

export interface WebexClientConfig {
  baseUrl?: string;
  botToken: string;
  admin: AdminCredentials;
  /** Parallel metric calls per request. Default 4. */
  concurrency?: number;
  /** Directory and capabilities cache lifetime. Default 10 minutes. */
  directoryTtlMs?: number;
  now?: () => number;
  http?: Omit<HttpOptions, 'baseUrl' | 'token'>;
}

export interface WebexClient {
  bot: WebexMessagingApi;
  admin: WebexAdminApi;
  directory: WorkspaceDirectory;
  /** People's display names by id (read with the bot token, cached for an hour). */
  people: DisplayNames;
  adminToken: TokenProvider;
}

/**
 * The bot's two Webex identities, kept apart: the bot token for messaging, an admin-scoped token
 * for workspaces and metrics (each with its own rate-limit budget at Webex).
 */
export function createWebexClient(config: WebexClientConfig): WebexClient {
  const baseUrl = config.baseUrl ?? WEBEX_API_URL;
  const now = config.now ?? Date.now;
  const httpOptions = { ...config.http, now: config.http?.now ?? now, baseUrl };
  const adminToken: TokenProvider =
    'token' in config.admin
      ? new StaticToken(config.admin.token)
      : new RefreshingToken(new WebexHttp(httpOptions), config.admin, now);
  const admin = new WebexAdminApi(
    new WebexHttp({ ...httpOptions, token: adminToken }),
    config.concurrency ?? 4,
  );
  const bot = new WebexMessagingApi(
    new WebexHttp({ ...httpOptions, token: new StaticToken(config.botToken) }),
  );
  return {
    bot,
    admin,
    directory: new WorkspaceDirectory(admin, config.directoryTtlMs ?? 10 * 60_000, now),
    people: new DisplayNames(bot, 3_600_000, now),
    adminToken,
  };
}
