import type { MessagingStore, StoredAction } from '../emulator/messaging-store';

/** A card button pressed in a space, as the sandbox chat shows it ("Ingrid pressed Last 7 days"). */
export type RoomAction = Pick<StoredAction, 'id' | 'messageId' | 'personId' | 'created' | 'inputs'>;

/**
 * The card buttons pressed in a space, oldest first, for one of its members (undefined for anyone
 * else). Webex has no such list — a client only knows its own presses — so the sandbox reads the
 * emulator's store: the chat can show who pressed what, as people in a shared space would tell.
 */
export function roomActions(
  store: MessagingStore,
  roomId: string,
  personId: string,
): RoomAction[] | undefined {
  if (!store.isMember(roomId, personId)) return undefined;
  return [...store.actions.values()]
    .filter((a) => a.roomId === roomId)
    .sort((a, b) => a.created.localeCompare(b.created))
    .map(({ id, messageId, personId, created, inputs }) => ({ id, messageId, personId, created, inputs }));
}
