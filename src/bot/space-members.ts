import type { Store } from '../store';
import type { WebexClient } from '../webex/client';

/** Who is in a space, as far as the bot knows: emails by person id, and when it was read. */
interface Members {
  byPerson: [personId: string, email: string][];
  at: number;
}

/** How long a space's member list is trusted without a membership event (a safety net). */
const REFRESH_MS = 60 * 60_000;

const keyOf = (roomId: string) => `members:${roomId}`;

/**
 * The members of each space the bot is in, fetched once per space and kept fresh from membership
 * events (created, deleted), not per question. A space is trusted when every member other than
 * the bot is an allowed person; room data is shared only in trusted spaces. The lists live in the
 * shared store: a guest who joins is known to every replica at once, whichever got the event.
 */
export class SpaceMembers {
  private readonly loading = new Map<string, Promise<Members>>();

  constructor(
    private readonly webex: WebexClient,
    private readonly store: Pick<Store, 'getMemo' | 'setMemo' | 'deleteMemo'>,
    private readonly botId: string,
    private readonly allowed: (email: string) => boolean,
    private readonly now: () => number,
  ) {}

  /** The people in the space who are not allowed (guests), by email. */
  async outsiders(roomId: string): Promise<string[]> {
    const members = (await this.known(roomId)) ?? (await this.fetch(roomId));
    return members.byPerson
      .filter(([personId, email]) => personId !== this.botId && !this.allowed(email))
      .map(([, email]) => email);
  }

  /** Whether the space is known to be trusted right now (no Webex call: for schedules). */
  async trustedNow(roomId: string): Promise<boolean | undefined> {
    const members = await this.known(roomId);
    if (!members) return undefined;
    return members.byPerson.every(([personId, email]) => personId === this.botId || this.allowed(email));
  }

  /** A membership event: someone joined. The list is read again (with them in it). */
  async joined(roomId: string, personId: string, email: string): Promise<void> {
    const members = await this.fetch(roomId);
    if (members.byPerson.some(([id]) => id === personId)) return;
    await this.save(roomId, { ...members, byPerson: [...members.byPerson, [personId, email]] });
  }

  /** A membership event: someone left (the bot itself: the space is forgotten). */
  async left(roomId: string, personId: string): Promise<void> {
    if (personId === this.botId) {
      await this.store.deleteMemo(keyOf(roomId));
      return;
    }
    const members = await this.fetch(roomId);
    await this.save(roomId, { ...members, byPerson: members.byPerson.filter(([id]) => id !== personId) });
  }

  private async known(roomId: string): Promise<Members | undefined> {
    const text = await this.store.getMemo(keyOf(roomId), this.now());
    if (text === undefined) return undefined;
    try {
      const members = JSON.parse(text) as Members;
      return Array.isArray(members.byPerson) ? members : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads the member list from Webex (one read per space at a time) and keeps it. */
  private fetch(roomId: string): Promise<Members> {
    let pending = this.loading.get(roomId);
    if (!pending) {
      pending = this.webex.bot
        .listMemberships({ roomId })
        .then(async (list) => {
          const members: Members = {
            byPerson: list.map((m) => [m.personId, m.personEmail]),
            at: this.now(),
          };
          await this.save(roomId, members);
          return members;
        })
        .finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, pending);
    }
    return pending;
  }

  private async save(roomId: string, members: Members): Promise<void> {
    await this.store.setMemo(keyOf(roomId), JSON.stringify(members), members.at + REFRESH_MS);
  }
}
