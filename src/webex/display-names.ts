import { LRUCache } from 'lru-cache';
import type { WebexMessagingApi } from './messaging-api';

/** People remembered at once (a bounded LRU: people come and go). */
const MAX_PEOPLE = 2_000;

/**
 * People's display names ("Ingrid Berg") by person id, as Webex shows them, so replies name people
 * as their colleagues know them rather than by email. Read once per person per `ttlMs` (people
 * rename themselves rarely); concurrent look-ups of one person share a call. When Webex cannot
 * say (an error, an empty name) the caller's fallback is used and nothing is remembered.
 */
export class DisplayNames {
  private readonly names: LRUCache<string, string>;
  private readonly inflight = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly api: Pick<WebexMessagingApi, 'person'>,
    ttlMs: number,
    private readonly now: () => number,
  ) {
    this.names = new LRUCache<string, string>({
      max: MAX_PEOPLE,
      ttl: Math.max(1, ttlMs),
      // The injected clock, so a fake clock ages the names as it ages everything else.
      perf: { now: () => this.now() },
      ttlAutopurge: false,
      ttlResolution: 0,
    });
  }

  /** The display name of `personId`, or `fallback` (e.g. their email) when Webex cannot say. */
  async displayName(personId: string, fallback: string): Promise<string> {
    if (personId === '') return fallback;
    const known = this.names.get(personId);
    if (known !== undefined) return known;
    let lookup = this.inflight.get(personId);
    if (!lookup) {
      lookup = this.load(personId).finally(() => this.inflight.delete(personId));
      this.inflight.set(personId, lookup);
    }
    return (await lookup) ?? fallback;
  }

  private async load(personId: string): Promise<string | undefined> {
    try {
      const name = (await this.api.person(personId)).displayName?.trim();
      if (!name) return undefined;
      this.names.set(personId, name);
      return name;
    } catch {
      return undefined;
    }
  }
}
