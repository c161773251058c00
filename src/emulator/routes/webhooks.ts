import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { webexId } from '../../webex/ids';
import { badRequest, notFound } from '../api-error';
import type { EmulatorContext } from '../context';
import { caller, expectId, isoTime, sendPage } from '../http-kit';
import type { StoredWebhook } from '../messaging-store';
import { route } from '../routing';

const RESOURCES = ['messages', 'memberships', 'rooms', 'attachmentActions', 'all'] as const;
const EVENTS: Record<(typeof RESOURCES)[number], readonly string[]> = {
  messages: ['created', 'deleted', 'updated'],
  memberships: ['created', 'updated', 'deleted'],
  rooms: ['created', 'updated', 'migrated'],
  attachmentActions: ['created'],
  all: [],
};

function targetUrl(value: unknown): string {
  if (typeof value !== 'string') throw badRequest("Missing required field 'targetUrl'.");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`'targetUrl' is not a valid URL: '${value}'.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest("'targetUrl' must be http(s).");
  return value;
}

function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`'${name}' must be a string.`);
  if (value.length > max) throw badRequest(`'${name}' is longer than ${max} characters.`);
  return value;
}

export function webhookRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const view = (w: StoredWebhook) => ({
    id: w.id,
    name: w.name,
    targetUrl: w.targetUrl,
    resource: w.resource,
    event: w.event,
    ...(w.filter ? { filter: w.filter } : {}),
    ...(w.secret ? { secret: w.secret } : {}),
    status: w.status,
    created: w.created,
    orgId: ctx.org.orgId,
    createdBy: w.createdBy,
    appId: ctx.webhooks.appId,
    ownedBy: 'creator',
  });

  const owned = (id: string, personId: string): StoredWebhook => {
    const webhook = ctx.store.webhooks.get(id);
    if (!webhook || webhook.createdBy !== personId) throw notFound(`Could not find webhook ${id}.`);
    return webhook;
  };

  route(router, '/webhooks', {
    get: (req, res) => {
      const me = caller(res).personId;
      const items = [...ctx.store.webhooks.values()].filter((w) => w.createdBy === me).map(view);
      sendPage(req, res, items, 100, 100);
    },
    post: (req, res) => {
      const me = caller(res).personId;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = optionalText(body.name, 'name', 128);
      if (!name) throw badRequest("Missing required field 'name'.");
      const url = targetUrl(body.targetUrl);
      const resource = body.resource;
      if (typeof resource !== 'string' || !(RESOURCES as readonly string[]).includes(resource)) {
        throw badRequest(`'resource' must be one of ${RESOURCES.join(', ')}.`);
      }
      const events =
        resource === 'all' ? ['all'] : [...EVENTS[resource as (typeof RESOURCES)[number]], 'all'];
      if (typeof body.event !== 'string' || !events.includes(body.event)) {
        throw badRequest(`'event' for resource '${resource}' must be one of ${events.join(', ')}.`);
      }
      const filter = optionalText(body.filter, 'filter', 1024);
      const secret = optionalText(body.secret, 'secret', 256);
      const webhook: StoredWebhook = {
        id: webexId('WEBHOOK', randomUUID()),
        name,
        targetUrl: url,
        resource,
        event: body.event,
        ...(filter ? { filter } : {}),
        ...(secret ? { secret } : {}),
        status: 'active',
        created: isoTime(ctx.now()),
        createdBy: me,
        failures: [],
      };
      ctx.store.webhooks.set(webhook.id, webhook);
      res.json(view(webhook));
    },
  });

  route(router, '/webhooks/:webhookId', {
    get: (req, res) => {
      const id = expectId(req.params.webhookId, 'WEBHOOK', 'webhookId');
      res.json(view(owned(id, caller(res).personId)));
    },
    put: (req, res) => {
      const id = expectId(req.params.webhookId, 'WEBHOOK', 'webhookId');
      const webhook = owned(id, caller(res).personId);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = optionalText(body.name, 'name', 128);
      if (!name) throw badRequest("Missing required field 'name'.");
      webhook.name = name;
      webhook.targetUrl = targetUrl(body.targetUrl);
      const secret = optionalText(body.secret, 'secret', 256);
      if (secret !== undefined) webhook.secret = secret;
      if (body.status !== undefined) {
        if (body.status !== 'active' && body.status !== 'inactive')
          throw badRequest("'status' must be 'active' or 'inactive'.");
        webhook.status = body.status;
        if (body.status === 'active') webhook.failures = [];
      }
      res.json(view(webhook));
    },
    delete: (req, res) => {
      const id = expectId(req.params.webhookId, 'WEBHOOK', 'webhookId');
      owned(id, caller(res).personId);
      ctx.store.webhooks.delete(id);
      res.status(204).end();
    },
  });
  return router;
}
