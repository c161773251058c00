import { createHash } from 'node:crypto';
import { webexId } from '../webex/ids';

export type PersonKind = 'person' | 'bot' | 'appuser';

export interface StoredPerson {
  id: string;
  uuid: string;
  emails: string[];
  displayName: string;
  firstName?: string;
  lastName?: string;
  orgId: string;
  type: PersonKind;
  created: string;
}

/** A UUID-shaped string derived from a seed and a label, so ids are stable across restarts. */
export function stableUuid(seed: number, label: string): string {
  const h = createHash('sha256').update(`${seed}:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const ORG_DOMAIN = 'nordlys.example';

export interface PersonSeed {
  key: string;
  displayName: string;
  email: string;
  type: PersonKind;
}

/** The people of the synthetic organisation: the bot, a service app, staff and one outside guest. */
const PEOPLE: readonly PersonSeed[] = [
  { key: 'bot', displayName: 'RoomBot', email: 'roombot@webex.bot', type: 'bot' },
  {
    key: 'admin',
    displayName: 'Room Metrics Service App',
    email: `room-metrics@${ORG_DOMAIN}`,
    type: 'appuser',
  },
  { key: 'ingrid', displayName: 'Ingrid Berg', email: `ingrid.berg@${ORG_DOMAIN}`, type: 'person' },
  { key: 'ola', displayName: 'Ola Nordmann', email: `ola.nordmann@${ORG_DOMAIN}`, type: 'person' },
  { key: 'kari', displayName: 'Kari Hansen', email: `kari.hansen@${ORG_DOMAIN}`, type: 'person' },
  { key: 'sam', displayName: 'Sam Guest', email: 'sam.guest@partner.example', type: 'person' },
];

export const USER_KEYS = ['ingrid', 'ola', 'kari', 'sam'] as const;
export type UserKey = (typeof USER_KEYS)[number];

export class PeopleDirectory {
  private readonly byId = new Map<string, StoredPerson>();
  private readonly byEmail = new Map<string, StoredPerson>();
  private readonly byKey = new Map<string, StoredPerson>();

  constructor(
    private readonly seed: number,
    private readonly orgId: string,
    private readonly createdAt: string,
  ) {
    for (const p of PEOPLE) this.add(p);
  }

  /** Adds a person (the built-in ones, or more staff for load tests and benchmarks). */
  add(p: PersonSeed): StoredPerson {
    if (this.byKey.has(p.key) || this.byEmail.has(p.email.toLowerCase()))
      throw new Error(`person ${p.key} <${p.email}> already exists`);
    const uuid = stableUuid(this.seed, `person:${p.key}`);
    const [firstName, ...rest] = p.displayName.split(' ');
    const person: StoredPerson = {
      id: webexId('PEOPLE', uuid),
      uuid,
      emails: [p.email],
      displayName: p.displayName,
      orgId: this.orgId,
      type: p.type,
      created: this.createdAt,
      ...(p.type === 'person' ? { firstName: firstName ?? '', lastName: rest.join(' ') } : {}),
    };
    this.byId.set(person.id, person);
    this.byEmail.set(p.email.toLowerCase(), person);
    this.byKey.set(p.key, person);
    return person;
  }

  get(id: string): StoredPerson | undefined {
    return this.byId.get(id);
  }

  findByEmail(email: string): StoredPerson | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  byRole(key: 'bot' | 'admin' | UserKey): StoredPerson {
    const person = this.byKey.get(key);
    if (!person) throw new Error(`unknown person key ${key}`);
    return person;
  }

  all(): StoredPerson[] {
    return [...this.byId.values()];
  }
}
