import { WebexApiError } from './errors';
import type { WebexHttp } from './http';
import type { TokenProvider } from './token-provider';
import type { AccessTokenResponse } from './wire';

export type { TokenProvider };

/** A fixed token: a bot token, or an admin token pasted from the developer portal. */
export class StaticToken implements TokenProvider {
  constructor(private readonly token: string) {
    if (!token.trim()) throw new Error('An empty token was configured.');
  }
  async getToken(): Promise<string> {
    return this.token;
  }
  async invalidate(): Promise<boolean> {
    return false;
  }
}

export interface RefreshCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** A current access token, if one is known (else the first use refreshes). */
  accessToken?: string;
  /** When `accessToken` expires (epoch ms); unknown = refresh on first 401. */
  accessTokenExpiresAt?: number;
}

/**
 * Admin credentials of a Service App or admin integration: refreshed through
 * `POST /v1/access_token` before expiry (driven by `expires_in`) and once after a 401.
 * Concurrent callers share one refresh.
 */
export class RefreshingToken implements TokenProvider {
  private accessToken: string | undefined;
  private expiresAt: number | undefined;
  private refreshToken: string;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly http: WebexHttp,
    private readonly credentials: RefreshCredentials,
    private readonly now: () => number = Date.now,
    /** Refresh this long before expiry (ms), at most a tenth of the lifetime. Default 5 minutes. */
    private readonly marginMs = 5 * 60_000,
  ) {
    this.accessToken = credentials.accessToken;
    this.expiresAt = credentials.accessTokenExpiresAt;
    this.refreshToken = credentials.refreshToken;
  }

  async getToken(): Promise<string> {
    if (this.accessToken && (this.expiresAt === undefined || this.now() < this.expiresAt)) {
      return this.accessToken;
    }
    return this.refresh();
  }

  async invalidate(rejected: string): Promise<boolean> {
    if (this.accessToken !== rejected && this.accessToken !== undefined) return true;
    await this.refresh();
    return true;
  }

  /** Epoch ms when the current token is considered stale (for tests and health checks). */
  get staleAt(): number | undefined {
    return this.expiresAt;
  }

  private refresh(): Promise<string> {
    this.inflight ??= this.exchange().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async exchange(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
      refresh_token: this.refreshToken,
    });
    let body: AccessTokenResponse;
    try {
      body = (
        await this.http.request<AccessTokenResponse>({
          method: 'POST',
          path: 'access_token',
          form,
          anonymous: true,
          idempotent: true,
        })
      ).body;
    } catch (error) {
      if (error instanceof WebexApiError && (error.status === 400 || error.status === 401)) {
        throw new WebexApiError({
          code: 'unauthorized',
          status: error.status,
          method: error.method,
          path: error.path,
          webexMessage: `refreshing the admin token failed (${error.webexMessage ?? 'rejected'}); check the client id, client secret and refresh token`,
          trackingId: error.trackingId,
          cause: error,
        });
      }
      throw error;
    }
    if (!body || typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new WebexApiError({
        code: 'invalid-response',
        status: 200,
        method: 'POST',
        path: '/v1/access_token',
        webexMessage: 'the token answer lacks access_token or expires_in',
        trackingId: undefined,
      });
    }
    const lifetimeMs = body.expires_in * 1000;
    this.accessToken = body.access_token;
    this.expiresAt = this.now() + lifetimeMs - Math.min(this.marginMs, lifetimeMs / 10);
    if (typeof body.refresh_token === 'string' && body.refresh_token) this.refreshToken = body.refresh_token;
    return body.access_token;
  }
}
