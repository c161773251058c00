import type { WebexClient } from '../webex/client';

/** Who is in a space, as far as the bot knows: emails by person id. */
interface Members {
  byPerson: Map<string, string>;
  at: number;
}

/** How long a space's member list is trusted without a membership event (a safety net). */
const REFRESH_MS = 60 * 60_000;

/**
 * The members of each space the bot is in, fetched once per space and kept fresh from membership
 * events (created, deleted), not per question. A space is trusted when every member other than
 * the bot is an allowed person; room data is shared only in trusted spaces.
 */
export class SpaceMembers {
  private readonly spaces = new Map<string, Members>();
  private readonly loading = new Map<string, Promise<Members>>();

  constructor(
    private readonly webex: WebexClient,
    private readonly botId: string,
    private readonly allowed: (email: string) => boolean,
    private readonly now: () => number,
  ) {}

  /** The people in the space who are not allowed (guests), by email. */
  async outsiders(roomId: string): Promise<string[]> {
    const members = await this.members(roomId);
    return [...members.byPerson.entries()]
      .filter(([personId, email]) => personId !== this.botId && !this.allowed(email))
      .map(([, email]) => email);
  }

  /** Whether the space is known to be trusted right now (no fetch: for schedules). */
  trustedNow(roomId: string): boolean | undefined {
    const members = this.spaces.get(roomId);
    if (!members) return undefined;
    return [...members.byPerson.entries()].every(
      ([personId, email]) => personId === this.botId || this.allowed(email),
    );
  }

  /** A membership event: someone joined (`created`) or left (`deleted`). */
  joined(roomId: string, personId: string, email: string): void {
    this.spaces.get(roomId)?.byPerson.set(personId, email);
  }

  left(roomId: string, personId: string): void {
    if (personId === this.botId) this.spaces.delete(roomId);
    else this.spaces.get(roomId)?.byPerson.delete(personId);
  }

  private async members(roomId: string): Promise<Members> {
    const known = this.spaces.get(roomId);
    if (known && this.now() - known.at < REFRESH_MS) return known;
    let pending = this.loading.get(roomId);
    if (!pending) {
      pending = this.webex.bot
        .listMemberships({ roomId })
        .then((list) => {
          const members = { byPerson: new Map(list.map((m) => [m.personId, m.personEmail])), at: this.now() };
          this.spaces.set(roomId, members);
          return members;
        })
        .finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, pending);
    }
    return pending;
  }
}
