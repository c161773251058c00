import { type Request, Router } from 'express';
import { badRequest, forbidden, notFound } from '../api-error';
import type { EmulatorContext } from '../context';
import { enumQuery, expectId, queryString, requireScope, sendPage } from '../http-kit';
import { capabilitiesOf, type SyntheticLocation, type SyntheticWorkspace } from '../org';
import { route } from '../routing';

const WORKSPACE_TYPES = ['notSet', 'focus', 'huddle', 'meetingRoom', 'open', 'desk', 'other'] as const;
export const SCOPE_WORKSPACES = 'spark-admin:workspaces_read';
export const SCOPE_LOCATIONS = 'spark-admin:locations_read';

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');

/**
 * Workspace ids are `PLACES` ids (as Webex mints them). A `WORKSPACE` id (minted by older emulator
 * versions, e.g. kept in a store) is well-formed but names no workspace: 404, not 400.
 */
const WORKSPACE_ID_TYPES = ['PLACES', 'WORKSPACE'] as const;

export function workspaceById(ctx: EmulatorContext, raw: unknown, what = 'workspaceId'): SyntheticWorkspace {
  const id = expectId(raw, WORKSPACE_ID_TYPES, what);
  const ws = ctx.org.workspaces.find((w) => w.id === id);
  if (!ws) throw notFound(`Could not find a workspace with id ${id}.`);
  return ws;
}

export function adminRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const domain = 'nordlys.example';

  /** `includeCapabilities=true` adds each workspace's `capabilities` (one map, as `/capabilities` answers). */
  const includeCapabilities = (req: Request): boolean => {
    const value = queryString(req, 'includeCapabilities');
    if (value === undefined) return false;
    if (value !== 'true' && value !== 'false') {
      throw badRequest(`Parameter 'includeCapabilities' must be true or false, got '${value}'.`);
    }
    return value === 'true';
  };

  const workspaceView = (ws: SyntheticWorkspace, withCapabilities = false) => ({
    id: ws.id,
    orgId: ctx.org.orgId,
    locationId: ws.locationId,
    ...(ws.floorId ? { floorId: ws.floorId } : {}),
    displayName: ws.displayName,
    ...(ws.capacity !== undefined ? { capacity: ws.capacity } : {}),
    ...(ws.type ? { type: ws.type } : {}),
    sipAddress: `${slug(ws.displayName)}@${domain.replace('.example', '')}.rooms.webex.com`,
    created: ws.created,
    calling: { type: 'freeCalling' },
    calendar: { type: 'microsoft', emailAddress: `${slug(ws.displayName)}@${domain}` },
    ...(ws.notes ? { notes: ws.notes } : {}),
    hotdeskingStatus: 'off',
    supportedDevices: 'collaborationDevices',
    devicePlatform: 'cisco',
    ...(withCapabilities ? { capabilities: capabilitiesOf(ws) } : {}),
  });

  /** The real `/locations` shape (the device spec documents the deprecated one; see wire/index.ts). */
  const locationView = (l: SyntheticLocation) => {
    const match = /^(.*),\s*(\S+)\s+(.+)$/.exec(l.address);
    return {
      id: l.id,
      name: l.displayName,
      orgId: ctx.org.orgId,
      timeZone: l.timeZone,
      preferredLanguage: 'nb_NO',
      address: {
        address1: match?.[1] ?? l.address,
        city: match?.[3] ?? l.cityName,
        postalCode: match?.[2] ?? '',
        country: l.countryCode,
      },
      latitude: String(l.latitude),
      longitude: String(l.longitude),
    };
  };

  const checkOrg = (orgId: string | undefined) => {
    if (orgId !== undefined && orgId !== ctx.org.orgId)
      throw forbidden(`Not authorised for organisation ${orgId}.`);
  };

  route(router, '/workspaces', {
    get: (req, res) => {
      requireScope(res, SCOPE_WORKSPACES);
      checkOrg(queryString(req, 'orgId'));
      const displayName = queryString(req, 'displayName')?.toLowerCase();
      const locationId = queryString(req, 'locationId');
      const floorId = queryString(req, 'floorId');
      const type = enumQuery(req, 'type', WORKSPACE_TYPES);
      const capacityText = queryString(req, 'capacity');
      const capacity = capacityText === undefined ? undefined : Number(capacityText);
      if (capacity !== undefined && !Number.isFinite(capacity)) {
        throw badRequest(`Parameter 'capacity' must be a number, got '${capacityText}'.`);
      }
      // displayName matching is undocumented; the emulator uses a case-insensitive substring match.
      const items = ctx.org.workspaces.filter(
        (w) =>
          (!displayName || w.displayName.toLowerCase().includes(displayName)) &&
          (!locationId || w.locationId === locationId) &&
          (!floorId || w.floorId === floorId) &&
          (!type || w.type === type) &&
          (capacity === undefined || w.capacity === capacity),
      );
      const withCapabilities = includeCapabilities(req);
      sendPage(
        req,
        res,
        items.map((ws) => workspaceView(ws, withCapabilities)),
        100,
        1000,
      );
    },
  });
  route(router, '/workspaces/:workspaceId', {
    get: (req, res) => {
      requireScope(res, SCOPE_WORKSPACES);
      const withCapabilities = includeCapabilities(req);
      res.json(workspaceView(workspaceById(ctx, req.params.workspaceId), withCapabilities));
    },
  });
  route(router, '/workspaces/:workspaceId/capabilities', {
    get: (req, res) => {
      requireScope(res, SCOPE_WORKSPACES);
      res.json({ capabilities: capabilitiesOf(workspaceById(ctx, req.params.workspaceId)) });
    },
  });
  route(router, '/locations', {
    get: (req, res) => {
      requireScope(res, SCOPE_LOCATIONS);
      checkOrg(queryString(req, 'orgId'));
      const name = queryString(req, 'name')?.toLowerCase();
      const id = queryString(req, 'id');
      const items = ctx.org.locations.filter(
        (l) => (!name || l.displayName.toLowerCase().includes(name)) && (!id || l.id === id),
      );
      sendPage(req, res, items.map(locationView), 100, 1000);
    },
  });
  const locationById = (raw: unknown): SyntheticLocation => {
    const id = expectId(raw, 'LOCATION', 'locationId');
    const location = ctx.org.locations.find((l) => l.id === id);
    if (!location) throw notFound(`Could not find a location with id ${id}.`);
    return location;
  };
  route(router, '/locations/:locationId', {
    get: (req, res) => {
      requireScope(res, SCOPE_LOCATIONS);
      res.json(locationView(locationById(req.params.locationId)));
    },
  });
  route(router, '/locations/:locationId/floors', {
    get: (req, res) => {
      requireScope(res, SCOPE_LOCATIONS);
      const location = locationById(req.params.locationId);
      const items = ctx.org.floors
        .filter((f) => f.locationId === location.id)
        .map((f) => ({
          id: f.id,
          locationId: f.locationId,
          floorNumber: f.floorNumber,
          displayName: f.displayName,
        }));
      res.json({ items });
    },
  });
  return router;
}
