import { type BotOptions, type RunningBot, startBot } from '../../src/bot/bot-app';
import { readSettings } from '../../src/bot/settings';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import type { RunningEmulator } from '../../src/emulator/server';
import { freePort } from '../../src/free-port';
import { emulatorBotEnv } from '../../src/sandbox/emulator-bot-env';
import { call } from './emulator';
import { eventually, frameworkEmulator } from './framework-emulator';

export { freePort } from '../../src/free-port';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** The real bot, in serve mode, against the shared framework emulator. */
export async function startTestBot(
  env: Record<string, string> = {},
  options: BotOptions = {},
): Promise<{ emulator: RunningEmulator; bot: RunningBot }> {
  const { emulator } = await frameworkEmulator();
  const port = await freePort();
  const settings = readSettings({
    ...emulatorBotEnv(emulator, { port, publicBaseUrl: `http://127.0.0.1:${port}` }),
    WEBHOOK_SECRET,
    DEFAULT_TIME_ZONE: 'Europe/Oslo',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: ':memory:',
    ...env,
  });
  const bot = await startBot(settings, options);
  return { emulator, bot };
}

/** A conversation as a person has it: post in a space, read the bot's answer from the emulator. */
export class Chat {
  constructor(
    readonly emulator: RunningEmulator,
    readonly botId: string,
  ) {}

  token(user: 'ingrid' | 'ola' | 'kari' | 'sam'): string {
    return this.emulator.userTokens[user];
  }

  async groupSpace(user: 'ingrid' | 'ola' | 'kari' | 'sam', title: string): Promise<string> {
    const room = await call(this.emulator, 'POST', '/rooms', { token: this.token(user), json: { title } });
    const roomId = (room.body as { id: string }).id;
    await call(this.emulator, 'POST', '/memberships', {
      token: this.token(user),
      json: { roomId, personEmail: this.emulator.botEmail },
    });
    return roomId;
  }

  /** Bot messages in the space after `afterId`, oldest first. */
  botMessagesAfter(roomId: string, after: string): StoredMessage[] {
    const all = [...this.emulator.context.store.messages.values()].filter((m) => m.roomId === roomId);
    return all.filter((m) => m.personId === this.botId && m.created >= after);
  }

  /** Mentions the bot with `text` without waiting for anything; the posted message's id. */
  async post(user: 'ingrid' | 'ola' | 'kari' | 'sam', roomId: string, text: string): Promise<string> {
    const posted = await call(this.emulator, 'POST', '/messages', {
      token: this.token(user),
      json: { roomId, markdown: `<@personEmail:${this.emulator.botEmail}|RoomBot> ${text}` },
    });
    if (posted.status !== 200) throw new Error(`posting failed: ${posted.status} ${posted.text}`);
    return (posted.body as { id: string }).id;
  }

  /** Mentions the bot with `text` and waits for `count` answers. */
  async ask(
    user: 'ingrid' | 'ola' | 'kari' | 'sam',
    roomId: string,
    text: string,
    count = 1,
    timeoutMs = 10_000,
  ): Promise<StoredMessage[]> {
    const known = this.idsIn(roomId);
    const posted = await call(this.emulator, 'POST', '/messages', {
      token: this.token(user),
      json: { roomId, markdown: `<@personEmail:${this.emulator.botEmail}|RoomBot> ${text}` },
    });
    if (posted.status !== 200) throw new Error(`posting failed: ${posted.status} ${posted.text}`);
    return this.waitForAnswers(roomId, known, count, timeoutMs);
  }

  /** Presses a card button (Action.Submit with `data`), as a Webex client does. */
  async press(
    user: 'ingrid' | 'ola' | 'kari' | 'sam',
    message: StoredMessage,
    data: Record<string, unknown>,
    count = 1,
  ) {
    const known = this.idsIn(message.roomId);
    const pressed = await call(this.emulator, 'POST', '/attachment/actions', {
      token: this.token(user),
      json: { type: 'submit', messageId: message.id, inputs: data },
    });
    if (pressed.status !== 202) throw new Error(`pressing failed: ${pressed.status} ${pressed.text}`);
    return this.waitForAnswers(message.roomId, known, count);
  }

  private idsIn(roomId: string): Set<string> {
    return new Set(
      [...this.emulator.context.store.messages.values()].filter((m) => m.roomId === roomId).map((m) => m.id),
    );
  }

  /** The bot's first `count` new messages in the space (store order is posting order). */
  private async waitForAnswers(
    roomId: string,
    known: Set<string>,
    count: number,
    timeoutMs = 10_000,
  ): Promise<StoredMessage[]> {
    return eventually(
      () => {
        const answers = [...this.emulator.context.store.messages.values()].filter(
          (m) => m.roomId === roomId && m.personId === this.botId && !known.has(m.id),
        );
        return answers.length >= count ? answers.slice(0, count) : undefined;
      },
      `${count} answer(s) from the bot`,
      timeoutMs,
    );
  }
}

/**
 * Watches the bot's conversation: which deliveries it started handling and when each handling
 * finished (answers sent or deliberately not). A test waits on this instead of sleeping before it
 * asserts that nothing else arrived.
 */
export class HandlingWatch {
  private readonly started: string[] = [];
  private readonly done = new Map<string, Promise<void>>();

  constructor(bot: RunningBot) {
    const conversation = bot.conversation;
    const onMessage = conversation.onMessage.bind(conversation);
    conversation.onMessage = (delivery, log, received) =>
      this.track(delivery.data.id, onMessage(delivery, log, received));
    const onAction = conversation.onAction.bind(conversation);
    conversation.onAction = (delivery, log, received) =>
      this.track(delivery.data.id, onAction(delivery, log, received));
  }

  private track(id: string, handling: Promise<void>): Promise<void> {
    this.started.push(id);
    this.done.set(
      id,
      handling.then(
        () => undefined,
        () => undefined,
      ),
    );
    return handling;
  }

  /** How many times the bot started handling the delivery of `id` (a message or card submit). */
  timesStarted(id: string): number {
    return this.started.filter((s) => s === id).length;
  }

  /** Resolves once the bot has finished handling `id` (every reply it sends is posted by then). */
  async handled(id: string, timeoutMs = 10_000): Promise<void> {
    // Wrapped: `eventually` would await a bare promise and take its undefined for "not yet".
    const { done } = await eventually(
      () => {
        const done = this.done.get(id);
        return done ? { done } : undefined;
      },
      `the bot to handle ${id}`,
      timeoutMs,
    );
    await done;
  }
}
