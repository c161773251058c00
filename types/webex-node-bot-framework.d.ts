/**
 * Minimal typings for webex-node-bot-framework 2.3.14 (it ships none): only what this project uses.
 * See ../shared/docs/webex-platform-notes.md §8 for its traps.
 */
declare module 'webex-node-bot-framework' {
  import type { EventEmitter } from 'node:events';

  export interface FrameworkOptions {
    token: string;
    webhookUrl?: string;
    webhookSecret?: string;
    removeWebhooksOnStart?: boolean;
    messageFormat?: 'text' | 'markdown' | 'html';
    maxStartupSpaces?: number;
    restrictedToEmailDomains?: string;
    guideEmails?: string;
  }

  export interface FrameworkPerson {
    id: string;
    emails: string[];
    displayName: string;
    type?: string;
  }

  export interface FrameworkRoom {
    id: string;
    title: string;
    type: 'direct' | 'group';
  }

  export interface TriggerMessage {
    id: string;
    roomId: string;
    text?: string;
    personId: string;
    personEmail: string;
    mentionedPeople?: string[];
    files?: string[];
  }

  export interface TriggerAttachmentAction {
    id: string;
    messageId: string;
    personId: string;
    roomId: string;
    inputs: Record<string, unknown>;
  }

  export interface Trigger {
    type: 'message' | 'attachmentAction';
    id: string;
    text?: string;
    message?: TriggerMessage;
    attachmentAction?: TriggerAttachmentAction;
    person: FrameworkPerson;
    personId: string;
  }

  export interface Bot {
    id: string;
    room: FrameworkRoom;
    active: boolean;
    isDirect: boolean;
    say(format: 'markdown' | 'text' | 'html', message: string): Promise<{ id: string }>;
    say(
      message: string | { markdown?: string; text?: string; attachments?: unknown[]; roomId?: string },
    ): Promise<{ id: string }>;
    reply(
      replyTo: string | { id: string },
      message: string | object,
      format?: 'markdown' | 'text',
    ): Promise<{ id: string }>;
    sendCard(card: object, fallback: string): Promise<{ id: string }>;
  }

  export default class Framework extends EventEmitter {
    constructor(options: FrameworkOptions);
    person: FrameworkPerson;
    email: string;
    active: boolean;
    initialized: boolean;
    webhook: { id: string } | false | undefined;
    cardsWebhook: { id: string } | undefined;
    bots: Bot[];
    start(): Promise<boolean>;
    stop(): Promise<boolean>;
    hears(
      phrase: string | RegExp,
      action: (bot: Bot, trigger: Trigger) => void | Promise<void>,
      helpText?: string,
      preference?: number,
    ): string;
    on(event: 'initialized' | 'start' | 'stop', listener: () => void): this;
    on(event: 'spawn', listener: (bot: Bot, id: string, addedBy?: string) => void): this;
    on(event: 'message' | 'mentioned', listener: (bot: Bot, trigger: Trigger, id: string) => void): this;
    on(event: 'attachmentAction', listener: (bot: Bot, trigger: Trigger, id: string) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}

declare module 'webex-node-bot-framework/webhook' {
  import type Framework from 'webex-node-bot-framework';

  type Handler = (
    req: { body?: unknown; headers: Record<string, unknown> },
    res?: unknown,
  ) => Promise<unknown>;
  function webhook(framework: Framework): Handler;
  export = webhook;
}
