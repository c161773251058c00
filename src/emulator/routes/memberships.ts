import { Router } from 'express';
import { badRequest, conflict, forbidden, notFound } from '../api-error';
import type { EmulatorContext } from '../context';
import { caller, expectId, found, isoTime, queryString, sendPage } from '../http-kit';
import type { StoredMembership } from '../messaging-store';
import { route } from '../routing';
import { roomOfMember } from './rooms';

export function membershipRoutes(ctx: EmulatorContext): Router {
  const router = Router();

  const view = (m: StoredMembership) => {
    const person = ctx.people.get(m.personId);
    const room = ctx.store.rooms.get(m.roomId);
    return {
      id: m.id,
      roomId: m.roomId,
      personId: m.personId,
      personEmail: person?.emails[0] ?? '',
      personDisplayName: person?.displayName ?? '',
      personOrgId: person?.orgId ?? ctx.org.orgId,
      isModerator: m.isModerator,
      isMonitor: false,
      isRoomHidden: false,
      roomType: room?.type ?? 'group',
      created: m.created,
    };
  };

  const notifyMembership = (
    event: 'created' | 'deleted',
    actorId: string,
    m: StoredMembership,
    former?: string[],
  ) => {
    const room = ctx.store.rooms.get(m.roomId);
    ctx.webhooks.notify({
      resource: 'memberships',
      event,
      actorId,
      roomId: m.roomId,
      roomType: room?.type ?? 'group',
      data: view(m),
      ...(former ? { formerMemberIds: former } : {}),
    });
  };

  route(router, '/memberships', {
    get: (req, res) => {
      const me = caller(res).personId;
      const roomId = queryString(req, 'roomId');
      const personId = queryString(req, 'personId');
      const personEmail = queryString(req, 'personEmail')?.toLowerCase();
      if ((personId || personEmail) && !roomId) {
        throw badRequest("'personId' and 'personEmail' can only be used together with 'roomId'.");
      }
      let items: StoredMembership[];
      if (roomId) {
        const room = roomOfMember(ctx, roomId, me);
        items = ctx.store.membersOf(room.id);
      } else {
        items = [...ctx.store.memberships.values()].filter((m) => m.personId === me);
      }
      if (personId) items = items.filter((m) => m.personId === personId);
      if (personEmail) items = items.filter((m) => ctx.people.get(m.personId)?.emails.includes(personEmail));
      sendPage(req, res, items.map(view), 100, 1000);
    },
    post: (req, res) => {
      const me = caller(res).personId;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const room = roomOfMember(ctx, body.roomId, me);
      if (room.type === 'direct') throw badRequest('People cannot be added to a 1:1 space.');
      let personId: string;
      if (body.personId !== undefined) personId = expectId(body.personId, 'PEOPLE', 'personId');
      else if (typeof body.personEmail === 'string') {
        personId = found(
          ctx.people.findByEmail(body.personEmail),
          `a person with email ${body.personEmail}`,
        ).id;
      } else throw badRequest("Specify 'personId' or 'personEmail'.");
      found(ctx.people.get(personId), `a person with id ${personId}`);
      if (ctx.store.isMember(room.id, personId))
        throw conflict('The person is already a member of this space.');
      const m = ctx.store.addMember(room, personId, body.isModerator === true, isoTime(ctx.now()));
      notifyMembership('created', me, m);
      res.json(view(m));
    },
  });

  /** A membership of a space the caller is in; 404 otherwise. */
  const visibleMembership = (raw: unknown, me: string): StoredMembership => {
    const id = expectId(raw, 'MEMBERSHIP', 'membershipId');
    const m = ctx.store.memberships.get(id);
    if (!m || !ctx.store.isMember(m.roomId, me)) throw notFound(`Could not find a membership with id ${id}.`);
    return m;
  };

  route(router, '/memberships/:membershipId', {
    get: (req, res) => {
      res.json(view(visibleMembership(req.params.membershipId, caller(res).personId)));
    },
    delete: (req, res) => {
      const me = caller(res).personId;
      const m = visibleMembership(req.params.membershipId, me);
      const id = m.id;
      const room = ctx.store.rooms.get(m.roomId);
      if (room?.type === 'direct') throw forbidden('A member cannot be removed from a 1:1 space.');
      const former = ctx.store.membersOf(m.roomId).map((x) => x.personId);
      ctx.store.memberships.delete(id);
      notifyMembership('deleted', me, m, former);
      res.status(204).end();
    },
  });
  return router;
}
