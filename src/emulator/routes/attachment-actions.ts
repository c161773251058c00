import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { webexId } from '../../webex/ids';
import { badRequest, notFound } from '../api-error';
import type { EmulatorContext } from '../context';
import { caller, expectId, isoTime } from '../http-kit';
import type { StoredAction } from '../messaging-store';
import { route } from '../routing';

export function attachmentActionRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const view = (a: StoredAction) => ({ ...a });

  route(router, '/attachment/actions', {
    /** A person pressing a card's Action.Submit, as a Webex client does. */
    post: (req, res) => {
      const me = caller(res).personId;
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.type !== 'submit') throw badRequest("'type' must be 'submit'.");
      const messageId = expectId(body.messageId, 'MESSAGE', 'messageId');
      const message = ctx.store.messages.get(messageId);
      if (!message || !ctx.store.isMember(message.roomId, me))
        throw notFound(`Could not find message ${messageId}.`);
      if (!message.attachments?.length) throw badRequest('The message has no card to submit.');
      const inputs = body.inputs ?? {};
      if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
        throw badRequest("'inputs' must be an object.");
      }
      const room = ctx.store.rooms.get(message.roomId);
      const action: StoredAction = {
        id: webexId('ATTACHMENT_ACTION', randomUUID()),
        type: 'submit',
        messageId,
        personId: me,
        roomId: message.roomId,
        inputs: inputs as Record<string, unknown>,
        created: isoTime(ctx.now()),
      };
      ctx.store.actions.set(action.id, action);
      ctx.webhooks.notify({
        resource: 'attachmentActions',
        event: 'created',
        actorId: me,
        roomId: message.roomId,
        roomType: room?.type ?? 'group',
        cardAuthorId: message.personId,
        data: {
          id: action.id,
          type: 'submit',
          messageId,
          personId: me,
          roomId: message.roomId,
          created: action.created,
        },
      });
      res.status(202).json(view(action));
    },
  });

  route(router, '/attachment/actions/:id', {
    get: (req, res) => {
      const me = caller(res).personId;
      const id = expectId(req.params.id, 'ATTACHMENT_ACTION', 'id');
      const action = ctx.store.actions.get(id);
      const message = action ? ctx.store.messages.get(action.messageId) : undefined;
      // The submitter and the card's author may read it.
      if (!action || (action.personId !== me && message?.personId !== me)) {
        throw notFound(`Could not find attachment action ${id}.`);
      }
      res.json(view(action));
    },
  });
  return router;
}
