import { Router } from 'express';
import { badRequest, forbidden } from '../api-error';
import type { EmulatorContext } from '../context';
import { caller, enumQuery, expectId, found, isoTime, sendPage } from '../http-kit';
import type { StoredRoom } from '../messaging-store';
import { route } from '../routing';

export function roomView(room: StoredRoom) {
  return {
    id: room.id,
    title: room.title,
    type: room.type,
    isLocked: room.isLocked,
    lastActivity: room.lastActivity,
    creatorId: room.creatorId,
    created: room.created,
    isPublic: false,
  };
}

/** The room if the caller is a member; otherwise 404, so rooms of others stay invisible. */
export function roomOfMember(ctx: EmulatorContext, roomId: unknown, personId: string): StoredRoom {
  const id = expectId(roomId, 'ROOM', 'roomId');
  const room = ctx.store.rooms.get(id);
  if (!room || !ctx.store.isMember(room.id, personId)) {
    return found<StoredRoom>(undefined, `a room with id ${id}`);
  }
  return room;
}

export function roomRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  route(router, '/rooms', {
    get: (req, res) => {
      const me = caller(res).personId;
      const type = enumQuery(req, 'type', ['direct', 'group'] as const);
      const sortBy = enumQuery(req, 'sortBy', ['id', 'lastactivity', 'created'] as const) ?? 'created';
      const rooms = [...ctx.store.rooms.values()]
        .filter((r) => ctx.store.isMember(r.id, me) && (!type || r.type === type))
        .sort((a, b) =>
          sortBy === 'id'
            ? a.id.localeCompare(b.id)
            : sortBy === 'lastactivity'
              ? b.lastActivity.localeCompare(a.lastActivity)
              : b.created.localeCompare(a.created),
        );
      sendPage(req, res, rooms.map(roomView), 100, 1000);
    },
    post: (req, res) => {
      const me = caller(res);
      if (me.kind === 'admin') throw forbidden('Service App tokens cannot create spaces in this emulator.');
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body.title !== 'string' || body.title.trim() === '')
        throw badRequest("Missing required field 'title'.");
      if (body.title.length > 512) throw badRequest("'title' is longer than 512 characters.");
      const created = isoTime(ctx.now());
      const room = ctx.store.newRoom(body.title, 'group', me.personId, created);
      const membership = ctx.store.addMember(room, me.personId, false, created);
      ctx.webhooks.notify({
        resource: 'rooms',
        event: 'created',
        actorId: me.personId,
        roomId: room.id,
        roomType: room.type,
        data: roomView(room),
      });
      ctx.webhooks.notify({
        resource: 'memberships',
        event: 'created',
        actorId: me.personId,
        roomId: room.id,
        roomType: room.type,
        data: { id: membership.id, roomId: room.id, personId: me.personId, created },
      });
      res.json(roomView(room));
    },
  });
  route(router, '/rooms/:roomId', {
    get: (req, res) => {
      res.json(roomView(roomOfMember(ctx, req.params.roomId, caller(res).personId)));
    },
    delete: (req, res) => {
      const me = caller(res).personId;
      const room = roomOfMember(ctx, req.params.roomId, me);
      if (room.type === 'group' && room.creatorId !== me)
        throw forbidden('Only the creator can delete this space.');
      const members = ctx.store.membersOf(room.id);
      for (const m of members) ctx.store.memberships.delete(m.id);
      ctx.store.rooms.delete(room.id);
      ctx.webhooks.notify({
        resource: 'rooms',
        event: 'deleted',
        actorId: me,
        roomId: room.id,
        roomType: room.type,
        data: { id: room.id, type: room.type },
        formerMemberIds: members.map((m) => m.personId),
      });
      res.status(204).end();
    },
  });
  return router;
}
