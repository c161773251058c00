import type { WebexClient } from '../webex/client';
import type { Message, Person } from '../webex/wire';

/** A question addressed to the bot that it may not have answered. */
export interface MissedQuestion {
  message: Message;
  created: number;
}

/**
 * Questions addressed to the bot since `since` (epoch ms), oldest first: in group spaces the
 * messages that mention it, in 1:1 spaces every message from the other person. One page per space
 * whose last activity is recent enough; spaces quiet since then cost nothing.
 */
export async function questionsSince(
  webex: WebexClient,
  me: Person,
  since: number,
): Promise<MissedQuestion[]> {
  const rooms = (await webex.bot.listRooms()).filter((r) => Date.parse(r.lastActivity ?? '') >= since);
  const found: MissedQuestion[] = [];
  for (const room of rooms) {
    const messages = await webex.bot.recentMessages(
      room.id,
      room.type === 'group' ? { mentionedPeople: 'me' } : {},
    );
    for (const message of messages) {
      const created = Date.parse(message.created ?? '');
      if (message.personId === me.id || !(created > since)) continue;
      found.push({ message, created });
    }
  }
  return found.sort((a, b) => a.created - b.created);
}
