/**
 * Webex resource ids: unpadded base64url of `ciscospark://us/<TYPE>/<uuid>`.
 * The framework's SDK decodes ids and crashes on ones that do not follow this shape,
 * so the emulator mints them exactly like Webex does.
 */
export type WebexIdType =
  | 'PEOPLE'
  | 'ROOM'
  | 'MESSAGE'
  | 'MEMBERSHIP'
  | 'WEBHOOK'
  | 'ATTACHMENT_ACTION'
  | 'CONTENT'
  | 'ORGANIZATION'
  | 'APPLICATION'
  /** Workspaces: Webex mints `ciscospark://us/PLACES/<uuid>` (as in the official OpenAPI examples). */
  | 'PLACES'
  /** Not minted by Webex for workspaces (they are PLACES); kept for ids made by older emulator versions. */
  | 'WORKSPACE'
  | 'LOCATION'
  | 'FLOOR'
  | 'DEVICE';

const PREFIX = 'ciscospark://us/';

export function webexId(type: WebexIdType, uuid: string): string {
  return Buffer.from(`${PREFIX}${type}/${uuid}`, 'utf8').toString('base64url');
}

export interface DecodedWebexId {
  type: string;
  uuid: string;
}

/** Decodes a Webex id; returns undefined when the text is not one. */
export function decodeWebexId(id: string): DecodedWebexId | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!text.startsWith('ciscospark://')) return undefined;
  const match = /^ciscospark:\/\/[a-z0-9]+\/([A-Z_]+)\/([^/]+)$/.exec(text);
  if (!match) return undefined;
  return { type: match[1]!, uuid: match[2]! };
}

/** True when `id` is a Webex id of the given type. */
export function isWebexId(id: string, type: WebexIdType): boolean {
  return decodeWebexId(id)?.type === type;
}
