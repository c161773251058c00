import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Router } from 'express';
import { webexId } from '../../webex/ids';
import { ADAPTIVE_CARD_CONTENT_TYPE, MAX_MESSAGE_BYTES } from '../../webex/wire';
import { ApiError, badRequest, forbidden, notFound } from '../api-error';
import type { EmulatorContext } from '../context';
import { baseUrl, caller, expectId, found, intQuery, isoTime, queryString, sendPage } from '../http-kit';
import { renderMarkdown } from '../message-text';
import type { CardAttachment, StoredMessage, StoredRoom } from '../messaging-store';
import { readMultipart } from '../multipart';
import { route } from '../routing';
import { roomOfMember } from './rooms';

const CARD_CONTENT_TYPE = ADAPTIVE_CARD_CONTENT_TYPE;
/** Webex allows at most 10 edits of a message (`PUT /messages/{messageId}`). */
export const MAX_MESSAGE_EDITS = 10;

interface MessageInput {
  roomId?: unknown;
  toPersonId?: unknown;
  toPersonEmail?: unknown;
  parentId?: unknown;
  text?: unknown;
  markdown?: unknown;
  files?: unknown;
  attachments?: unknown;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`'${name}' must be a string.`);
  if (Buffer.byteLength(value, 'utf8') > MAX_MESSAGE_BYTES) {
    throw badRequest(
      `'${name}' is ${Buffer.byteLength(value, 'utf8')} bytes; the maximum is ${MAX_MESSAGE_BYTES} bytes.`,
    );
  }
  return value;
}

function parseAttachments(value: unknown): CardAttachment[] | undefined {
  if (value === undefined || value === null) return undefined;
  let list = value;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      throw badRequest("'attachments' is not valid JSON.");
    }
  }
  if (!Array.isArray(list)) throw badRequest("'attachments' must be an array.");
  // An empty list is no attachment (so it cannot make an otherwise empty message valid).
  if (list.length === 0) return undefined;
  if (list.length > 1) throw badRequest('Only one attachment (card) is allowed per message.');
  return list.map((a: unknown) => {
    const att = a as Record<string, unknown> | null;
    if (!att || att.contentType !== CARD_CONTENT_TYPE) {
      throw badRequest(`Attachment 'contentType' must be '${CARD_CONTENT_TYPE}'.`);
    }
    const content = att.content as Record<string, unknown> | null;
    if (!content || typeof content !== 'object' || content.type !== 'AdaptiveCard') {
      throw badRequest('Attachment \'content\' must be an Adaptive Card ({"type":"AdaptiveCard", …}).');
    }
    return { contentType: CARD_CONTENT_TYPE, content };
  });
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): header values are Latin-1, so a
 * name such as "Fløyen – temperature.png" goes percent-encoded in `filename*`, with an ASCII
 * fallback in `filename` for simple parsers.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === filename) return `attachment; filename="${filename}"`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function messageRoutes(ctx: EmulatorContext): Router {
  const router = Router();

  const view = (m: StoredMessage) => {
    const author = ctx.people.get(m.personId);
    const room = ctx.store.rooms.get(m.roomId);
    return {
      id: m.id,
      roomId: m.roomId,
      roomType: room?.type ?? 'group',
      ...(m.parentId ? { parentId: m.parentId } : {}),
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.markdown !== undefined ? { markdown: m.markdown } : {}),
      ...(m.html !== undefined ? { html: m.html } : {}),
      ...(m.files ? { files: m.files } : {}),
      ...(m.attachments ? { attachments: m.attachments } : {}),
      personId: m.personId,
      personEmail: author?.emails[0] ?? '',
      ...(m.mentionedPeople?.length ? { mentionedPeople: m.mentionedPeople } : {}),
      ...(m.mentionedGroups?.length ? { mentionedGroups: m.mentionedGroups } : {}),
      created: m.created,
      ...(m.updated !== undefined ? { updated: m.updated } : {}),
    };
  };

  /** Markdown rendered with mentions of the space's members (`<@personEmail:…|Name>`, `<@personId:…>`). */
  const render = (markdown: string, room: StoredRoom) =>
    renderMarkdown(markdown, (kind, value) => {
      const p = kind === 'personId' ? ctx.people.get(value) : ctx.people.findByEmail(value);
      return p && ctx.store.isMember(room.id, p.id) ? { id: p.id, displayName: p.displayName } : undefined;
    });

  /** The ids-only `data` of a `messages` webhook delivery. */
  const eventData = (m: StoredMessage, room: StoredRoom) => ({
    id: m.id,
    roomId: room.id,
    roomType: room.type,
    personId: m.personId,
    personEmail: ctx.people.get(m.personId)?.emails[0] ?? '',
    ...(m.mentionedPeople ? { mentionedPeople: m.mentionedPeople } : {}),
    ...(m.files ? { files: m.files } : {}),
    ...(m.parentId ? { parentId: m.parentId } : {}),
    created: m.created,
    ...(m.updated !== undefined ? { updated: m.updated } : {}),
  });

  /** Resolves the destination: a room the sender is in, or a 1:1 space created on first use. */
  const destination = (senderId: string, input: MessageInput): StoredRoom => {
    const targets = [input.roomId, input.toPersonId, input.toPersonEmail].filter((v) => v !== undefined);
    if (targets.length !== 1)
      throw badRequest("Specify exactly one of 'roomId', 'toPersonId' or 'toPersonEmail'.");
    if (input.roomId !== undefined) return roomOfMember(ctx, input.roomId, senderId);
    const person =
      input.toPersonId !== undefined
        ? ctx.people.get(expectId(input.toPersonId, 'PEOPLE', 'toPersonId'))
        : typeof input.toPersonEmail === 'string'
          ? ctx.people.findByEmail(input.toPersonEmail)
          : undefined;
    const target = found(person, 'the recipient');
    if (target.id === senderId) throw badRequest('You cannot send a direct message to yourself.');
    const existing = ctx.store.directRoom(senderId, target.id);
    if (existing) return existing;
    const created = isoTime(ctx.now());
    const room = ctx.store.newRoom(target.displayName, 'direct', senderId, created);
    ctx.store.addMember(room, senderId, false, created);
    ctx.store.addMember(room, target.id, false, created);
    return room;
  };

  const readInput = async (req: Request, roomContentBase: string) => {
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const body = await readMultipart(req);
      if (body.files.length > 1) throw badRequest('Only one file can be attached to a message.');
      const input: MessageInput = { ...body.fields };
      return { input, upload: body.files[0], contentBase: roomContentBase };
    }
    if (!req.is('application/json') && !req.is('application/*+json')) {
      throw new ApiError(415, 'Unsupported media type.', 'Send application/json or multipart/form-data.');
    }
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('The body must be a JSON object.');
    return { input: body as MessageInput, upload: undefined, contentBase: roomContentBase };
  };

  route(router, '/messages', {
    get: (req, res) => {
      const me = caller(res);
      const room = roomOfMember(ctx, queryString(req, 'roomId') ?? '', me.personId);
      const mentioned = queryString(req, 'mentionedPeople');
      if (me.kind === 'bot' && room.type === 'group' && mentioned !== 'me' && mentioned !== me.personId) {
        throw forbidden("Bots can only list messages in group spaces with 'mentionedPeople=me'.");
      }
      const parentId = queryString(req, 'parentId');
      const before = queryString(req, 'before');
      const beforeMessage = queryString(req, 'beforeMessage');
      intQuery(req, 'max', 1, 1000);
      let items = [...ctx.store.messages.values()].filter((m) => m.roomId === room.id);
      if (parentId) items = items.filter((m) => m.parentId === parentId);
      if (mentioned) {
        const who = mentioned === 'me' ? me.personId : mentioned;
        items = items.filter((m) => m.mentionedPeople?.includes(who));
      }
      if (before) {
        const t = Date.parse(before);
        if (Number.isNaN(t)) throw badRequest(`Invalid 'before' timestamp '${before}'.`);
        items = items.filter((m) => Date.parse(m.created) < t);
      }
      items.reverse(); // newest first
      if (beforeMessage) {
        const index = items.findIndex((m) => m.id === beforeMessage);
        if (index < 0) throw notFound(`Could not find message ${beforeMessage}.`);
        items = items.slice(index + 1);
      }
      sendPage(req, res, items.map(view), 50, 1000);
    },
    post: async (req, res) => {
      const me = caller(res);
      const { input, upload } = await readInput(req, baseUrl(req));
      const room = destination(me.personId, input);
      const text = optionalString(input.text, 'text');
      const markdown = optionalString(input.markdown, 'markdown');
      const attachments = parseAttachments(input.attachments);
      let files: string[] | undefined;
      if (input.files !== undefined) {
        const list = Array.isArray(input.files) ? input.files : [input.files];
        if (list.length > 1) throw badRequest('Only one file can be attached to a message.');
        if (typeof list[0] !== 'string' || !/^https?:\/\//.test(list[0])) {
          throw badRequest("'files' must hold one public URL (post a local file as multipart/form-data).");
        }
        files = [list[0]];
      }
      if (upload) {
        if (files) throw badRequest('Only one file can be attached to a message.');
        const contentId = webexId('CONTENT', randomUUID());
        ctx.store.contents.set(contentId, {
          id: contentId,
          roomId: room.id,
          filename: upload.filename,
          contentType: upload.contentType,
          bytes: upload.bytes,
        });
        files = [`${baseUrl(req)}/contents/${contentId}`];
      }
      if (text === undefined && markdown === undefined && !files && !attachments) {
        throw badRequest("A message needs 'text', 'markdown', 'files' or 'attachments'.");
      }
      let parentId: string | undefined;
      if (input.parentId !== undefined) {
        parentId = expectId(input.parentId, 'MESSAGE', 'parentId');
        const parent = ctx.store.messages.get(parentId);
        if (!parent || parent.roomId !== room.id)
          throw notFound(`Could not find parent message ${parentId}.`);
        if (parent.parentId)
          throw badRequest('Replies to a reply are not allowed; reply to the thread root.');
      }
      const rendered = markdown !== undefined ? render(markdown, room) : undefined;
      const created = isoTime(ctx.now());
      const message: StoredMessage = {
        id: webexId('MESSAGE', randomUUID()),
        roomId: room.id,
        ...(parentId ? { parentId } : {}),
        personId: me.personId,
        ...(text !== undefined || rendered ? { text: text ?? rendered?.text ?? '' } : {}),
        ...(markdown !== undefined ? { markdown, html: rendered?.html ?? '' } : {}),
        ...(files ? { files } : {}),
        ...(attachments ? { attachments } : {}),
        ...(rendered?.mentionedPeople.length ? { mentionedPeople: rendered.mentionedPeople } : {}),
        ...(rendered?.mentionedGroups.length ? { mentionedGroups: rendered.mentionedGroups } : {}),
        created,
      };
      ctx.store.addMessage(message);
      room.lastActivity = created;
      ctx.webhooks.notify({
        resource: 'messages',
        event: 'created',
        actorId: me.personId,
        roomId: room.id,
        roomType: room.type,
        mentionedPeople: message.mentionedPeople ?? [],
        data: eventData(message, room),
      });
      res.json(view(message));
    },
  });

  /**
   * A message the caller may read: one of a space they are in. A bot in a group space only sees
   * messages that mention it and its own (as with webhooks); others answer 404.
   */
  const readableMessage = (raw: unknown, reader: { personId: string; kind: string }): StoredMessage => {
    const id = expectId(raw, 'MESSAGE', 'messageId');
    const m = ctx.store.messages.get(id);
    const room = m ? ctx.store.rooms.get(m.roomId) : undefined;
    const hidden =
      !m ||
      !ctx.store.isMember(m.roomId, reader.personId) ||
      (reader.kind === 'bot' &&
        room?.type === 'group' &&
        m.personId !== reader.personId &&
        !m.mentionedPeople?.includes(reader.personId));
    if (hidden) throw notFound(`Could not find a message with id ${id}.`);
    return m;
  };

  route(router, '/messages/:messageId', {
    get: (req, res) => {
      res.json(view(readableMessage(req.params.messageId, caller(res))));
    },
    /**
     * Edit a Message: `{roomId, text?, markdown?}`. Only the author may edit; messages with files
     * or a card cannot be edited (400); at most MAX_MESSAGE_EDITS edits (400 after). The new
     * content replaces the old one (mentions are read again) and `updated` is set; subscribers
     * hear `messages:updated` with the same rules as `created`.
     */
    put: (req, res) => {
      const me = caller(res);
      if (!req.is('application/json') && !req.is('application/*+json')) {
        throw new ApiError(415, 'Unsupported media type.', 'Send application/json.');
      }
      const body = req.body as MessageInput | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw badRequest('The body must be a JSON object.');
      const m = readableMessage(req.params.messageId, me);
      const roomId = expectId(body.roomId, 'ROOM', 'roomId');
      if (roomId !== m.roomId) throw badRequest(`Message ${m.id} is not in room ${roomId}.`);
      if (m.personId !== me.personId) throw forbidden('Only the author can edit this message.');
      if (m.files || m.attachments) {
        throw badRequest('Editing a message with files or attachments is currently unsupported.');
      }
      if ((m.edits ?? 0) >= MAX_MESSAGE_EDITS) {
        throw badRequest(`The edit limit of ${MAX_MESSAGE_EDITS} edits for this message has been reached.`);
      }
      if ((body as Record<string, unknown>).html !== undefined) {
        throw badRequest("Remove 'html' from the request; send 'text' or 'markdown'.");
      }
      const text = optionalString(body.text, 'text');
      const markdown = optionalString(body.markdown, 'markdown');
      if (text === undefined && markdown === undefined)
        throw badRequest("An edit needs 'text' or 'markdown'.");
      const room = found(ctx.store.rooms.get(m.roomId), `room ${m.roomId}`);
      const rendered = markdown !== undefined ? render(markdown, room) : undefined;
      const updated = isoTime(ctx.now());
      const edited: StoredMessage = {
        id: m.id,
        roomId: m.roomId,
        ...(m.parentId ? { parentId: m.parentId } : {}),
        personId: m.personId,
        text: text ?? rendered?.text ?? '',
        ...(markdown !== undefined ? { markdown, html: rendered?.html ?? '' } : {}),
        ...(rendered?.mentionedPeople.length ? { mentionedPeople: rendered.mentionedPeople } : {}),
        ...(rendered?.mentionedGroups.length ? { mentionedGroups: rendered.mentionedGroups } : {}),
        created: m.created,
        updated,
        edits: (m.edits ?? 0) + 1,
      };
      ctx.store.messages.set(m.id, edited);
      ctx.webhooks.notify({
        resource: 'messages',
        event: 'updated',
        actorId: me.personId,
        roomId: room.id,
        roomType: room.type,
        mentionedPeople: edited.mentionedPeople ?? [],
        data: eventData(edited, room),
      });
      res.json(view(edited));
    },
    delete: (req, res) => {
      const me = caller(res).personId;
      const m = readableMessage(req.params.messageId, caller(res));
      const id = m.id;
      if (m.personId !== me) throw forbidden('Only the author can delete this message.');
      ctx.store.messages.delete(id);
      const room = ctx.store.rooms.get(m.roomId);
      ctx.webhooks.notify({
        resource: 'messages',
        event: 'deleted',
        actorId: me,
        roomId: m.roomId,
        roomType: room?.type ?? 'group',
        mentionedPeople: m.mentionedPeople ?? [],
        data: {
          id,
          roomId: m.roomId,
          roomType: room?.type ?? 'group',
          personId: m.personId,
          created: m.created,
        },
      });
      res.status(204).end();
    },
  });

  route(router, '/contents/:contentId', {
    get: (req, res) => {
      const me = caller(res).personId;
      const id = expectId(req.params.contentId, 'CONTENT', 'contentId');
      const content = ctx.store.contents.get(id);
      if (!content || !ctx.store.isMember(content.roomId, me))
        throw notFound(`Could not find content ${id}.`);
      res.setHeader('Content-Type', content.contentType);
      res.setHeader('Content-Disposition', contentDisposition(content.filename));
      res.setHeader('Content-Length', String(content.bytes.length));
      res.end(content.bytes);
    },
  });
  return router;
}
