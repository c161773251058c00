import { createHash, randomBytes } from 'node:crypto';
import type { UserKey } from './people';

export const ADMIN_SCOPES = [
  'spark-admin:workspaces_read',
  'spark-admin:workspace_metrics_read',
  'spark-admin:locations_read',
] as const;

export const MESSAGING_SCOPES = [
  'spark:messages_read',
  'spark:messages_write',
  'spark:rooms_read',
  'spark:rooms_write',
  'spark:memberships_read',
  'spark:memberships_write',
  'spark:people_read',
] as const;

export type TokenKind = 'bot' | 'user' | 'admin';

export interface TokenRecord {
  token: string;
  personId: string;
  kind: TokenKind;
  scopes: ReadonlySet<string>;
  /** Epoch ms after which the token answers 401; absent = never expires (bot tokens). */
  expiresAt?: number;
}

export interface AdminClient {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * Webex access tokens look like `<opaque>_<cluster>_<org uuid>` (the SDK splits on `_` and reads
 * the org from the third part). Ours are derived from the seed, so restarts keep them.
 */
function tokenText(seed: number, label: string, orgUuid: string): string {
  const opaque = createHash('sha512')
    .update(`token:${seed}:${label}`)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '');
  return `${opaque.slice(0, 64)}_P0A1_${orgUuid}`;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly refreshTokens = new Map<string, { personId: string; expiresAt: number }>();
  private readonly revoked = new Set<string>();
  readonly adminClient: AdminClient;

  constructor(
    private readonly seed: number,
    private readonly orgUuid: string,
    private readonly adminTtlSeconds: number,
    private readonly refreshTtlSeconds: number,
    private readonly now: () => number,
  ) {
    this.adminClient = {
      clientId: `C${createHash('sha256').update(`client:${seed}`).digest('hex').slice(0, 63)}`,
      clientSecret: createHash('sha256').update(`secret:${seed}`).digest('hex'),
      refreshToken: tokenText(seed, 'refresh', orgUuid),
    };
  }

  registerBot(personId: string): string {
    const token = tokenText(this.seed, 'bot', this.orgUuid);
    this.tokens.set(token, { token, personId, kind: 'bot', scopes: new Set(MESSAGING_SCOPES) });
    return token;
  }

  registerUser(key: UserKey | string, personId: string): string {
    const token = tokenText(this.seed, `user:${key}`, this.orgUuid);
    this.tokens.set(token, { token, personId, kind: 'user', scopes: new Set(MESSAGING_SCOPES) });
    return token;
  }

  /** The admin token handed out at start, plus the refresh token of the admin client. */
  registerAdmin(personId: string): string {
    const token = tokenText(this.seed, 'admin', this.orgUuid);
    this.issueAdmin(personId, token);
    this.refreshTokens.set(this.adminClient.refreshToken, {
      personId,
      expiresAt: this.now() + this.refreshTtlSeconds * 1000,
    });
    return token;
  }

  private issueAdmin(personId: string, token: string): TokenRecord {
    const record: TokenRecord = {
      token,
      personId,
      kind: 'admin',
      scopes: new Set([...ADMIN_SCOPES, 'spark:people_read']),
      expiresAt: this.now() + this.adminTtlSeconds * 1000,
    };
    this.tokens.set(token, record);
    return record;
  }

  lookup(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  isExpired(record: TokenRecord): boolean {
    return record.expiresAt !== undefined && this.now() >= record.expiresAt;
  }

  /** Refresh-token grant: returns a new access token, or a reason it was refused. */
  refresh(
    clientId: string,
    clientSecret: string,
    refreshToken: string,
  ):
    | { ok: true; token: string; expiresIn: number; refreshExpiresIn: number }
    | { ok: false; reason: string } {
    if (clientId !== this.adminClient.clientId || clientSecret !== this.adminClient.clientSecret) {
      return { ok: false, reason: 'invalid client_id or client_secret' };
    }
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) return { ok: false, reason: 'unknown refresh_token' };
    if (this.now() >= grant.expiresAt) return { ok: false, reason: 'refresh_token expired' };
    const token = `${randomBytes(48).toString('hex')}_P0A1_${this.orgUuid}`;
    this.issueAdmin(grant.personId, token);
    return {
      ok: true,
      token,
      expiresIn: this.adminTtlSeconds,
      refreshExpiresIn: Math.max(0, Math.floor((grant.expiresAt - this.now()) / 1000)),
    };
  }

  /** Test control: every admin access token issued so far, oldest first. */
  adminTokens(): string[] {
    return [...this.tokens.values()].filter((t) => t.kind === 'admin').map((t) => t.token);
  }

  /** Test control: admin tokens (also those issued later) lack `scope` until `restoreScope`. */
  revokeScope(scope: string): void {
    this.revoked.add(scope);
  }

  restoreScope(scope: string): void {
    this.revoked.delete(scope);
  }

  /** The scopes a token has now. */
  scopesOf(record: TokenRecord): ReadonlySet<string> {
    if (record.kind !== 'admin' || this.revoked.size === 0) return record.scopes;
    return new Set([...record.scopes].filter((s) => !this.revoked.has(s)));
  }

  /** Test control: makes every admin token expire now (the refresh token stays valid). */
  expireAdminTokens(): void {
    for (const record of this.tokens.values()) {
      if (record.kind === 'admin') record.expiresAt = this.now();
    }
  }
}
