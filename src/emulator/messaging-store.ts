import { randomUUID } from 'node:crypto';
import { decodeWebexId, webexId } from '../webex/ids';

export interface StoredRoom {
  id: string;
  uuid: string;
  title: string;
  type: 'direct' | 'group';
  isLocked: boolean;
  creatorId: string;
  created: string;
  lastActivity: string;
}

export interface StoredMembership {
  id: string;
  roomId: string;
  personId: string;
  isModerator: boolean;
  created: string;
}

export interface CardAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface StoredMessage {
  id: string;
  roomId: string;
  parentId?: string;
  personId: string;
  text?: string;
  markdown?: string;
  html?: string;
  files?: string[];
  attachments?: CardAttachment[];
  mentionedPeople?: string[];
  mentionedGroups?: string[];
  created: string;
  /** When the author last edited it (`PUT /messages/{id}`); absent until the first edit. */
  updated?: string;
  /** Edits so far (Webex allows 10 per message). */
  edits?: number;
}

export interface StoredContent {
  id: string;
  roomId: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface StoredAction {
  id: string;
  type: 'submit';
  messageId: string;
  personId: string;
  roomId: string;
  inputs: Record<string, unknown>;
  created: string;
}

export interface StoredWebhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  secret?: string;
  status: 'active' | 'inactive';
  created: string;
  createdBy: string;
  /** Epoch ms of recent failed deliveries (pruned to the last 5 minutes). */
  failures: number[];
}

/** The in-memory state of the messaging APIs. Pure data plus look-ups; rules live in the routes. */
export class MessagingStore {
  readonly rooms = new Map<string, StoredRoom>();
  readonly memberships = new Map<string, StoredMembership>();
  readonly messages = new Map<string, StoredMessage>();
  readonly contents = new Map<string, StoredContent>();
  readonly actions = new Map<string, StoredAction>();
  readonly webhooks = new Map<string, StoredWebhook>();
  /** Told of every message as it is stored (benchmarks time replies without polling). */
  readonly messageListeners = new Set<(message: StoredMessage) => void>();

  addMessage(message: StoredMessage): void {
    this.messages.set(message.id, message);
    for (const listener of this.messageListeners) listener(message);
  }

  newRoom(title: string, type: 'direct' | 'group', creatorId: string, created: string): StoredRoom {
    const uuid = randomUUID();
    const room: StoredRoom = {
      id: webexId('ROOM', uuid),
      uuid,
      title,
      type,
      isLocked: false,
      creatorId,
      created,
      lastActivity: created,
    };
    this.rooms.set(room.id, room);
    return room;
  }

  addMember(room: StoredRoom, personId: string, isModerator: boolean, created: string): StoredMembership {
    const personUuid = decodeWebexId(personId)?.uuid ?? personId;
    const membership: StoredMembership = {
      id: webexId('MEMBERSHIP', `${personUuid}:${room.uuid}`),
      roomId: room.id,
      personId,
      isModerator,
      created,
    };
    this.memberships.set(membership.id, membership);
    return membership;
  }

  membershipOf(roomId: string, personId: string): StoredMembership | undefined {
    for (const m of this.memberships.values()) {
      if (m.roomId === roomId && m.personId === personId) return m;
    }
    return undefined;
  }

  isMember(roomId: string, personId: string): boolean {
    return this.membershipOf(roomId, personId) !== undefined;
  }

  membersOf(roomId: string): StoredMembership[] {
    return [...this.memberships.values()].filter((m) => m.roomId === roomId);
  }

  /** The 1:1 space of two people, if they have one. */
  directRoom(a: string, b: string): StoredRoom | undefined {
    for (const room of this.rooms.values()) {
      if (room.type === 'direct' && this.isMember(room.id, a) && this.isMember(room.id, b)) return room;
    }
    return undefined;
  }
}
