import type { Message, Room } from '../webex/wire';
import { pollFor, SandboxSetupError, webexRest } from './webex-rest';

export const GROUP_SPACE_TITLE = 'Facilities Oslo';

export interface SeedPeople {
  ingrid: { token: string };
  ola: { email: string };
  kari: { email: string };
}

export interface SeededSpaces {
  groupRoomId: string;
  directRoomId: string;
}

/**
 * Creates the sandbox's spaces the way Webex clients do, with Ingrid's token: her 1:1 with the
 * bot (a first message to the bot's email creates it; she asks for help, and the bot's real
 * answer is waited for, which proves webhooks, signatures and cards work end to end), then the
 * group space "Facilities Oslo" with Ola, Kari and the bot. The group space is created last, so
 * it is listed first.
 */
export async function seedSpaces(
  webexUrl: string,
  people: SeedPeople,
  bot: { email: string; id: string },
  answerTimeoutMs = 15_000,
): Promise<SeededSpaces> {
  const ingrid = webexRest(webexUrl, people.ingrid.token);
  const hello = await ingrid.post<Message>('/messages', { toPersonEmail: bot.email, markdown: 'help' });
  const directRoomId = hello.roomId!;

  const group = await ingrid.post<Room>('/rooms', { title: GROUP_SPACE_TITLE });
  for (const personEmail of [people.ola.email, people.kari.email, bot.email]) {
    await ingrid.post('/memberships', { roomId: group.id, personEmail });
  }

  const answered = await pollFor(async () => {
    const page = await ingrid.get<{ items: Message[] }>(
      `/messages?roomId=${encodeURIComponent(directRoomId)}&max=10`,
    );
    return page.items.some((m) => m.personId === bot.id) ? true : undefined;
  }, answerTimeoutMs);
  if (!answered) {
    throw new SandboxSetupError(
      `the bot did not answer Ingrid's first message within ${answerTimeoutMs / 1000} s; run with LOG_LEVEL=debug to see its log.`,
    );
  }
  return { groupRoomId: group.id, directRoomId };
}
