import type { WebexHttp } from './http';
import {
  type AttachmentAction,
  type CreateMessageRequest,
  type CreateWebhookRequest,
  MAX_MESSAGE_BYTES,
  type Membership,
  type Message,
  type Person,
  type Room,
  type UpdateWebhookRequest,
  type Webhook,
} from './wire';

/**
 * `PUT /messages/{messageId}` ("Edit a Message"): the message's space and its new content (at
 * most 7439 bytes each). Webex allows 10 edits per message and none of a message with files or a
 * card (400); only its author may edit it.
 */
export interface EditMessageRequest {
  roomId: string;
  markdown: string;
  /** Alternate plain text for clients without rich text; Webex derives it from `markdown` otherwise. */
  text?: string;
}

/** Throws a RangeError when `text` or `markdown` is over Webex's byte limit (as `sendMessage` does). */
function checkMessageBytes(message: { text?: string | undefined; markdown?: string | undefined }): void {
  for (const field of ['text', 'markdown'] as const) {
    const value = message[field];
    if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > MAX_MESSAGE_BYTES) {
      throw new RangeError(
        `${field} is ${Buffer.byteLength(value, 'utf8')} bytes; Webex allows ${MAX_MESSAGE_BYTES}.`,
      );
    }
  }
}

export interface FileUpload {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The messaging APIs, with the bot's (or a user's) token. */
export class WebexMessagingApi {
  constructor(private readonly http: WebexHttp) {}

  me(): Promise<Person> {
    return this.http.get<Person>('people/me');
  }

  person(personId: string): Promise<Person> {
    return this.http.get<Person>(`people/${encodeURIComponent(personId)}`);
  }

  getRoom(roomId: string): Promise<Room> {
    return this.http.get<Room>(`rooms/${encodeURIComponent(roomId)}`);
  }

  listRooms(): Promise<Room[]> {
    return this.http.listAll<Room>('rooms', { max: 1000 });
  }

  listMemberships(
    query: { roomId?: string; personEmail?: string; personId?: string } = {},
  ): Promise<Membership[]> {
    return this.http.listAll<Membership>('memberships', { ...query, max: 1000 });
  }

  async sendMessage(message: CreateMessageRequest): Promise<Message> {
    for (const field of ['text', 'markdown'] as const) {
      const value = message[field];
      if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > MAX_MESSAGE_BYTES) {
        throw new RangeError(
          `${field} is ${Buffer.byteLength(value, 'utf8')} bytes; Webex allows ${MAX_MESSAGE_BYTES}.`,
        );
      }
    }
    return (await this.http.request<Message>({ method: 'POST', path: 'messages', json: message })).body;
  }

  /** Posts one local file (multipart/form-data) with an optional markdown line. */
  async sendFile(
    target: { roomId: string; parentId?: string },
    file: FileUpload,
    markdown?: string,
  ): Promise<Message> {
    const form = new FormData();
    form.set('roomId', target.roomId);
    if (target.parentId) form.set('parentId', target.parentId);
    if (markdown) form.set('markdown', markdown);
    form.set('files', new Blob([file.bytes], { type: file.contentType }), file.filename);
    return (await this.http.request<Message>({ method: 'POST', path: 'messages', form })).body;
  }

  getMessage(messageId: string): Promise<Message> {
    return this.http.get<Message>(`messages/${encodeURIComponent(messageId)}`);
  }

  /**
   * Edits one of the caller's own messages; the answer carries `updated`. Retried after a 5xx as
   * any PUT (the same content again; a retried edit that had gone through counts twice towards
   * Webex's 10).
   */
  async editMessage(messageId: string, edit: EditMessageRequest): Promise<Message> {
    checkMessageBytes(edit);
    const json = {
      roomId: edit.roomId,
      markdown: edit.markdown,
      ...(edit.text !== undefined ? { text: edit.text } : {}),
    };
    return (
      await this.http.request<Message>({
        method: 'PUT',
        path: `messages/${encodeURIComponent(messageId)}`,
        json,
      })
    ).body;
  }

  /** Deletes one of the caller's own messages (204); 404 once it is gone, 403 for someone else's. */
  async deleteMessage(messageId: string): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `messages/${encodeURIComponent(messageId)}` });
  }

  listMessages(roomId: string, query: { mentionedPeople?: 'me'; max?: number } = {}): Promise<Message[]> {
    return this.http.listAll<Message>('messages', { roomId, ...query });
  }

  /** The newest messages of a space, newest first: one page of at most `max` (no paging). */
  async recentMessages(
    roomId: string,
    query: { mentionedPeople?: 'me'; max?: number } = {},
  ): Promise<Message[]> {
    const page = await this.http.get<{ items?: Message[] }>('messages', { roomId, max: 50, ...query });
    return page.items ?? [];
  }

  getAttachmentAction(actionId: string): Promise<AttachmentAction> {
    return this.http.get<AttachmentAction>(`attachment/actions/${encodeURIComponent(actionId)}`);
  }

  listWebhooks(): Promise<Webhook[]> {
    return this.http.listAll<Webhook>('webhooks', { max: 100 });
  }

  async createWebhook(webhook: CreateWebhookRequest): Promise<Webhook> {
    return (await this.http.request<Webhook>({ method: 'POST', path: 'webhooks', json: webhook })).body;
  }

  async updateWebhook(webhookId: string, update: UpdateWebhookRequest): Promise<Webhook> {
    return (
      await this.http.request<Webhook>({
        method: 'PUT',
        path: `webhooks/${encodeURIComponent(webhookId)}`,
        json: update,
      })
    ).body;
  }

  async deleteWebhook(webhookId: string): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `webhooks/${encodeURIComponent(webhookId)}` });
  }
}
