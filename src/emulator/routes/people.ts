import { Router } from 'express';
import { decodeWebexId } from '../../webex/ids';
import { badRequest } from '../api-error';
import type { EmulatorContext } from '../context';
import { caller, expectId, found, queryString, sendPage } from '../http-kit';
import type { StoredPerson } from '../people';
import { route } from '../routing';

export function personView(p: StoredPerson) {
  return {
    id: p.id,
    emails: p.emails,
    displayName: p.displayName,
    nickName: p.firstName ?? p.displayName,
    ...(p.firstName !== undefined ? { firstName: p.firstName, lastName: p.lastName ?? '' } : {}),
    orgId: p.orgId,
    created: p.created,
    type: p.type,
  };
}

export function peopleRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  route(router, '/people/me', {
    get: (_req, res) => {
      res.json(personView(found(ctx.people.get(caller(res).personId), 'the caller')));
    },
  });
  route(router, '/people', {
    get: (req, res) => {
      const ids = queryString(req, 'id');
      const email = queryString(req, 'email');
      const displayName = queryString(req, 'displayName');
      if (ids === undefined && email === undefined && displayName === undefined) {
        throw badRequest("Specify one of 'id', 'email' or 'displayName'.");
      }
      let people = ctx.people.all();
      const notFoundIds: string[] = [];
      if (ids !== undefined) {
        const wanted = ids.split(',').filter(Boolean);
        if (wanted.length > 85) throw badRequest('At most 85 ids can be requested at once.');
        for (const id of wanted) {
          if (decodeWebexId(id)?.type !== 'PEOPLE') throw badRequest(`Invalid person id '${id}'.`);
          if (!ctx.people.get(id)) notFoundIds.push(id);
        }
        people = wanted.map((id) => ctx.people.get(id)).filter((p): p is StoredPerson => p !== undefined);
      }
      if (email !== undefined) people = people.filter((p) => p.emails.includes(email.toLowerCase()));
      if (displayName !== undefined) {
        const prefix = displayName.toLowerCase();
        people = people.filter((p) => p.displayName.toLowerCase().startsWith(prefix));
      }
      if (notFoundIds.length > 0) {
        res.json({ items: people.map(personView), notFoundIds });
        return;
      }
      sendPage(req, res, people.map(personView), 100, 1000);
    },
  });
  route(router, '/people/:personId', {
    get: (req, res) => {
      const id = expectId(req.params.personId, 'PEOPLE', 'personId');
      res.json(personView(found(ctx.people.get(id), `a person with id ${id}`)));
    },
  });
  return router;
}
