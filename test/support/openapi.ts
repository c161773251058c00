/**
 * Validates HTTP bodies against the vendored official Webex OpenAPI files
 * (`spec/webex-openapi/webex-device.json`, `webex-messaging.json`), so emulator tests prove its
 * answers have the real shapes and client tests prove what we send is what Webex accepts.
 *
 * - The operation is found by matching the concrete request path (with or without `/v1`, query or
 *   origin) against the spec's path templates; literal segments beat `{param}` ones
 *   (`/people/me` is not `/people/{personId}`).
 * - 2xx bodies are checked against the declared JSON schema (bodiless answers such as 204 must be
 *   empty). The specs declare no body for 4xx/5xx, so those are checked against the error body
 *   Webex really sends (`WebexErrorBody`: `message`, `trackingId`, optional `errors[].description`).
 * - OpenAPI 3.0 schemas become JSON Schema (`$ref` into `#/components/schemas`, `nullable`,
 *   `example`), compiled with ajv (`strict: false`, `allErrors`, ajv-formats; formats ajv does not
 *   know are accepted). `{ strict: true }` also rejects properties the spec does not declare.
 * - Known quirks of the official files are corrected first, on an in-memory copy (see OVERLAYS;
 *   the same corrections are the hand-written types of `src/webex/wire/index.ts`).
 */
import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../src/webex/wire';

export interface ValidateOptions {
  /** Reject object properties the spec does not declare (catches invented fields). Default false. */
  strict?: boolean;
}

export type WebexSpecName = 'device' | 'messaging';

export interface OperationInfo {
  spec: WebexSpecName;
  /** Lower-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/workspaces/{workspaceId}`. */
  template: string;
  operationId: string;
  /** Path parameters taken from the concrete path. */
  params: Record<string, string>;
}

type Json = null | boolean | number | string | Json[] | JsonObject;
type JsonObject = { [key: string]: Json };

const SPEC_DIR = path.resolve(__dirname, '..', '..', 'spec', 'webex-openapi');
const SPEC_FILES: Record<WebexSpecName, string> = {
  device: 'webex-device.json',
  messaging: 'webex-messaging.json',
};
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * Error statuses Webex documents for every API (developer.webex.com "REST API Basics"). Each
 * operation in the specs lists the same set; this is the fallback when one does not.
 */
const WEBEX_ERROR_STATUSES = new Set([
  400, 401, 403, 404, 405, 409, 410, 415, 423, 428, 429, 500, 502, 503, 504,
]);

/** `WebexErrorBody` of `src/webex/wire/index.ts`, as an OpenAPI schema. */
const WEBEX_ERROR_BODY: JsonObject = {
  type: 'object',
  required: ['message', 'trackingId'],
  properties: {
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['description'], properties: { description: { type: 'string' } } },
    },
    trackingId: { type: 'string' },
  },
};

// ---------------------------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------------------------

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: Json | undefined, ...keys: string[]): Json | undefined {
  let current = node;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** Like `child`, but throws when the location is not an object: a spec update moved something. */
function objectAt(root: JsonObject, ...keys: string[]): JsonObject {
  const found = child(root, ...keys);
  if (!isObject(found)) throw new Error(`openapi overlay: ${keys.join(' → ')} is missing from the spec`);
  return found;
}

function schemaRef(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

// ---------------------------------------------------------------------------------------------
// Overlays: corrections of documented quirks, applied to an in-memory copy of each spec
// ---------------------------------------------------------------------------------------------

const RAW_METRIC_ITEM: JsonObject = {
  type: 'object',
  required: ['deviceId', 'timestamp', 'value'],
  additionalProperties: false,
  properties: { deviceId: { type: 'string' }, timestamp: { type: 'string' }, value: { type: 'number' } },
};

const AGGREGATED_METRIC_ITEM: JsonObject = {
  type: 'object',
  required: ['start', 'end', 'mean', 'min', 'max'],
  additionalProperties: false,
  properties: {
    start: { type: 'string' },
    end: { type: 'string' },
    mean: { type: 'number' },
    min: { type: 'number' },
    max: { type: 'number' },
  },
};

const ADAPTIVE_CARD_ATTACHMENT: JsonObject = {
  type: 'object',
  required: ['contentType', 'content'],
  properties: {
    contentType: { type: 'string', enum: [ADAPTIVE_CARD_CONTENT_TYPE] },
    content: { type: 'object' },
  },
};

/** `Location` of `src/webex/wire/index.ts`: the shape of the `/locations` examples and real API. */
const LOCATIONS_API_LOCATION: JsonObject = {
  type: 'object',
  required: ['id', 'name', 'orgId', 'address', 'timeZone'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    orgId: { type: 'string' },
    address: {
      type: 'object',
      required: ['address1', 'city', 'postalCode', 'country'],
      properties: {
        address1: { type: 'string' },
        address2: { type: 'string' },
        city: { type: 'string' },
        state: { type: 'string' },
        postalCode: { type: 'string' },
        country: { type: 'string' },
      },
    },
    timeZone: { type: 'string' },
    preferredLanguage: { type: 'string' },
    latitude: { type: 'string' },
    longitude: { type: 'string' },
    notes: { type: 'string' },
  },
};

type Overlay = (spec: JsonObject) => void;

const OVERLAYS: Record<WebexSpecName, Overlay[]> = {
  device: [
    // `WorkspaceMetricsResponse.items` is untyped (`items: {}`). Each item is exactly one of the two
    // documented shapes (all fields required, nothing else): raw samples for `aggregation=none`,
    // buckets for `hourly`/`daily` (the default when `aggregation` is absent). `unit` is only
    // present for `temperature`.
    (spec) => {
      const schemas = objectAt(spec, 'components', 'schemas');
      schemas.RawMetricItem = RAW_METRIC_ITEM;
      schemas.AggregatedMetricItem = AGGREGATED_METRIC_ITEM;
      const response = objectAt(schemas, 'WorkspaceMetricsResponse');
      objectAt(response, 'properties', 'items').items = {
        oneOf: [schemaRef('RawMetricItem'), schemaRef('AggregatedMetricItem')],
      };
      response.allOf = [
        {
          if: { required: ['aggregation'], properties: { aggregation: { enum: ['none'] } } },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
          then: { properties: { items: { type: 'array', items: schemaRef('RawMetricItem') } } },
          else: { properties: { items: { type: 'array', items: schemaRef('AggregatedMetricItem') } } },
        },
        {
          if: { required: ['metricName'], properties: { metricName: { not: { enum: ['temperature'] } } } },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
          then: { not: { required: ['unit'] } },
        },
      ];
    },
    // `GET /locations` and `GET /locations/{locationId}` reference `Location`, the schema of the
    // deprecated `/workspaceLocations` API ({displayName, address: string, countryCode, latitude:
    // number, …}); their own examples (and Webex) answer {id, name, orgId, address: {address1, …},
    // timeZone, latitude: string, …}. `/workspaceLocations` keeps the original schema.
    (spec) => {
      const schemas = objectAt(spec, 'components', 'schemas');
      schemas.LocationsApiLocation = LOCATIONS_API_LOCATION;
      objectAt(schemas, 'LocationsCollectionResponse', 'properties', 'items').items =
        schemaRef('LocationsApiLocation');
      objectAt(
        spec,
        'paths',
        '/locations/{locationId}',
        'get',
        'responses',
        '200',
        'content',
        'application/json',
      ).schema = schemaRef('LocationsApiLocation');
    },
    // `Workspace.capabilities` is typed as an array of capability maps; Webex sends one map (as the
    // spec's own example shows).
    (spec) => {
      objectAt(spec, 'components', 'schemas', 'Workspace', 'properties').capabilities =
        schemaRef('CapabilityMap');
    },
  ],
  messaging: [
    // Webhook `resource`/`event` enums lack the firehose value `all` (in the `Webhook` schema and in
    // the inline `POST /webhooks` request body). `orgId`, `createdBy` and `appId` are sent by Webex
    // but missing from the schema.
    (spec) => {
      const webhook = objectAt(spec, 'components', 'schemas', 'Webhook', 'properties');
      const create = objectAt(
        spec,
        'paths',
        '/webhooks',
        'post',
        'requestBody',
        'content',
        'application/json',
        'schema',
        'properties',
      );
      for (const properties of [webhook, create]) {
        for (const field of ['resource', 'event']) {
          const values = objectAt(properties, field).enum;
          if (!Array.isArray(values)) throw new Error(`openapi overlay: webhook ${field} has no enum`);
          if (!values.includes('all')) values.push('all');
        }
      }
      for (const field of ['orgId', 'createdBy', 'appId']) webhook[field] ??= { type: 'string' };
    },
    // The `Attachment` schema models a file ({content: {fileId, type, contentUrl}}); message
    // attachments are Adaptive Cards {contentType, content} (as the spec's own examples show).
    (spec) => {
      const schemas = objectAt(spec, 'components', 'schemas');
      schemas.AdaptiveCardAttachment = ADAPTIVE_CARD_ATTACHMENT;
      const attachments = [
        objectAt(schemas, 'Message', 'properties', 'attachments'),
        objectAt(schemas, 'ListMessage', 'properties', 'attachments'),
        objectAt(
          spec,
          'paths',
          '/messages',
          'post',
          'requestBody',
          'content',
          'application/json',
          'schema',
          'properties',
          'attachments',
        ),
      ];
      for (const array of attachments) {
        array.items = { anyOf: [schemaRef('Attachment'), schemaRef('AdaptiveCardAttachment')] };
      }
    },
    // `Message` (the `POST /messages` answer) lacks `parentId`, `html`, `updated` and `isVoiceClip`,
    // which its own example has (and `ListMessage` declares): take them from `ListMessage`.
    (spec) => {
      const message = objectAt(spec, 'components', 'schemas', 'Message', 'properties');
      const listMessage = objectAt(spec, 'components', 'schemas', 'ListMessage', 'properties');
      for (const field of ['parentId', 'html', 'updated', 'isVoiceClip']) {
        const schema = listMessage[field];
        if (schema === undefined) throw new Error(`openapi overlay: ListMessage.${field} is missing`);
        message[field] ??= schema;
      }
    },
    // Card `inputs` are typed {Name, Url, Email, Tel} (the input ids of the example card); they hold
    // whatever inputs the card had.
    (spec) => {
      for (const name of ['AttachmentActivity', 'SubmitCardAction']) {
        objectAt(spec, 'components', 'schemas', name, 'properties').inputs = { type: 'object' };
      }
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema → JSON Schema (draft-07, as ajv's default)
// ---------------------------------------------------------------------------------------------

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
/** Keywords whose value is a schema (or, for `items`, an array of schemas). */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]);
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
/** OpenAPI-only annotations that are not JSON Schema (dropped; they never constrain). */
const DROPPED_KEYWORDS = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
]);

interface ConvertContext {
  /** `$id` of the converted `components.schemas` document that `$ref`s point into. */
  base: string;
  strict: boolean;
}

function convertSchema(schema: Json | undefined, ctx: ConvertContext): JsonObject | boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema)) return {};
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    // OpenAPI 3.0: siblings of `$ref` are ignored.
    const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!match) throw new Error(`openapi: unsupported $ref ${ref}`);
    return { $ref: `${ctx.base}#/definitions/${match[1]}` };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      const map: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) map[name] = convertSchema(sub, ctx);
      out[key] = map;
    } else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => convertSchema(sub, ctx));
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = Array.isArray(value)
        ? value.map((sub) => convertSchema(sub, ctx))
        : convertSchema(value, ctx);
    } else {
      out[key] = value; // a value keyword (type, enum, required, format, default, …): kept as is
    }
  }
  // OpenAPI 3.0 `nullable: true` → JSON Schema `null` type (and enum value).
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  // Strict: an object type declares all its properties. Only schemas with `type: object` are
  // closed (every object schema of the specs has one), not partial subschemas such as the
  // overlays' if/then branches; sound because the specs compose no objects with allOf/anyOf/oneOf.
  const isObjectType = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
  if (ctx.strict && isObjectType && isObject(out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Loading, routing and compiling (once, lazily)
// ---------------------------------------------------------------------------------------------

interface Route {
  spec: WebexSpecName;
  template: string;
  /** Path segments; `undefined` marks a `{param}` segment. */
  segments: (string | undefined)[];
  paramNames: (string | undefined)[];
  /** Method → overlaid (not yet converted) operation object. */
  operations: Map<string, JsonObject>;
}

interface Registry {
  ajv: Ajv;
  routes: Route[];
  bases: Record<WebexSpecName, { loose: string; strict: string }>;
  cache: Map<string, ValidateFunction>;
}

let registry: Registry | undefined;

function loadRegistry(): Registry {
  if (registry) return registry;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const routes: Route[] = [];
  const bases = {} as Record<WebexSpecName, { loose: string; strict: string }>;
  const formats = new Set<string>();

  for (const name of Object.keys(SPEC_FILES) as WebexSpecName[]) {
    const spec = JSON.parse(readFileSync(path.join(SPEC_DIR, SPEC_FILES[name]), 'utf8')) as JsonObject;
    for (const overlay of OVERLAYS[name]) overlay(spec);
    collectFormats(spec, formats);

    const schemas = objectAt(spec, 'components', 'schemas');
    const base = {
      loose: `https://webex.openapi.local/${name}.json`,
      strict: `https://webex.openapi.local/${name}.strict.json`,
    };
    for (const [mode, id] of Object.entries(base)) {
      const ctx: ConvertContext = { base: id, strict: mode === 'strict' };
      const definitions: JsonObject = {};
      for (const [schemaName, schema] of Object.entries(schemas))
        definitions[schemaName] = convertSchema(schema, ctx);
      ajv.addSchema({ $id: id, definitions });
    }
    bases[name] = base;

    for (const [template, item] of Object.entries(objectAt(spec, 'paths'))) {
      if (!isObject(item)) continue;
      const operations = new Map<string, JsonObject>();
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) operations.set(method, operation);
      }
      const parts = splitPath(template);
      routes.push({
        spec: name,
        template,
        segments: parts.map((part) => (/^\{.+\}$/.test(part) ? undefined : part)),
        paramNames: parts.map((part) => /^\{(.+)\}$/.exec(part)?.[1]),
        operations,
      });
    }
  }
  // Formats ajv-formats does not know (none today) must not fail validation.
  for (const format of formats) if (!(format in ajv.formats)) ajv.addFormat(format, true);

  registry = { ajv, routes, bases, cache: new Map() };
  return registry;
}

function collectFormats(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectFormats(item, into);
  } else if (isObject(node)) {
    if (typeof node.format === 'string') into.add(node.format);
    for (const value of Object.values(node)) collectFormats(value, into);
  }
}

function splitPath(pathname: string): string[] {
  return pathname.split('/').filter((part) => part !== '');
}

/** `/v1/people/me?x=1`, `people/me` or `https://webexapis.com/v1/people/me` → `['people', 'me']`. */
function concreteSegments(requestPath: string): string[] {
  let pathname = requestPath.trim();
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(pathname);
  if (origin) pathname = pathname.slice(origin[0].length);
  pathname = pathname.replace(/[?#].*$/, '');
  const parts = splitPath(pathname).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  if (parts[0] === 'v1') parts.shift();
  return parts;
}

interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** The best route for a path: segment by segment, a literal beats a `{param}`. */
function matchRoute(requestPath: string): RouteMatch | undefined {
  const parts = concreteSegments(requestPath);
  let best: Route | undefined;
  for (const route of loadRegistry().routes) {
    if (route.segments.length !== parts.length) continue;
    if (!route.segments.every((segment, i) => segment === undefined || segment === parts[i])) continue;
    if (!best || moreSpecific(route, best)) best = route;
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best.paramNames.forEach((name, i) => {
    if (name !== undefined) params[name] = parts[i]!;
  });
  return { route: best, params };
}

function moreSpecific(a: Route, b: Route): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    const aLiteral = a.segments[i] !== undefined;
    const bLiteral = b.segments[i] !== undefined;
    if (aLiteral !== bLiteral) return aLiteral;
  }
  return false;
}

interface ResolvedOperation {
  info: OperationInfo;
  operation: JsonObject;
}

function resolveOperation(method: string, requestPath: string): ResolvedOperation {
  const verb = method.toLowerCase();
  const match = matchRoute(requestPath);
  if (!match) fail(`${method.toUpperCase()} ${requestPath}: no path of the Webex OpenAPI specs matches`);
  const operation = match.route.operations.get(verb);
  if (!operation) {
    const allowed = [...match.route.operations.keys()].map((m) => m.toUpperCase()).join(', ');
    fail(
      `${method.toUpperCase()} ${requestPath}: ${match.route.template} (${match.route.spec} spec) has no ` +
        `${verb.toUpperCase()} operation (only ${allowed})`,
    );
  }
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : '(no operationId)';
  return {
    info: {
      spec: match.route.spec,
      method: verb,
      template: match.route.template,
      operationId,
      params: match.params,
    },
    operation,
  };
}

function compile(
  key: string,
  schema: Json | undefined,
  spec: WebexSpecName,
  strict: boolean,
): ValidateFunction {
  const reg = loadRegistry();
  const cacheKey = `${strict ? 'strict' : 'loose'} ${key}`;
  let validate = reg.cache.get(cacheKey);
  if (!validate) {
    const base = strict ? reg.bases[spec].strict : reg.bases[spec].loose;
    const converted = convertSchema(schema, { base, strict });
    validate = reg.ajv.compile(converted);
    reg.cache.set(cacheKey, validate);
  }
  return validate;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function fail(message: string): never {
  throw new AssertionError({ message });
}

function operationLabel(info: OperationInfo): string {
  return `${info.method.toUpperCase()} ${info.template} (${info.spec} spec, operation "${info.operationId}")`;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (typeof params.additionalProperty === 'string') detail = ` (${params.additionalProperty})`;
  else if (Array.isArray(params.allowedValues))
    detail = ` (${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
  return `  ${where} ${error.message ?? 'is invalid'}${detail}`;
}

function preview(body: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(body) ?? String(body);
  } catch {
    text = String(body);
  }
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function check(validate: ValidateFunction, body: unknown, what: string): void {
  if (validate(body)) return;
  const lines = (validate.errors ?? []).map(formatError);
  const unique = [...new Set(lines)];
  fail(`${what} does not match the spec:\n${unique.join('\n')}\n  body: ${preview(body)}`);
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
}

function jsonMedia(content: Json | undefined): JsonObject | undefined {
  if (!isObject(content)) return undefined;
  for (const [type, media] of Object.entries(content)) {
    if (isObject(media) && /^application\/(.+\+)?json\b/i.test(type)) return media;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** The spec operation a concrete request maps to, or undefined when no path matches. */
export function findOperation(method: string, requestPath: string): OperationInfo | undefined {
  const match = matchRoute(requestPath);
  const operation = match?.route.operations.get(method.toLowerCase());
  if (!match || !operation) return undefined;
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : '(no operationId)';
  return {
    spec: match.route.spec,
    method: method.toLowerCase(),
    template: match.route.template,
    operationId,
    params: match.params,
  };
}

/**
 * Asserts that `body` is a valid answer of the Webex operation for `method` + `requestPath`
 * (e.g. `'/v1/workspaces/abc'`, query allowed) with HTTP `status`. Throws an `AssertionError`
 * naming the operation and listing every ajv error (instance path + message).
 */
export function validateResponse(
  method: string,
  requestPath: string,
  status: number,
  body: unknown,
  options: ValidateOptions = {},
): void {
  const { info, operation } = resolveOperation(method, requestPath);
  const strict = options.strict === true;
  const what = `${operationLabel(info)} → ${status}`;
  const responses = child(operation, 'responses');
  const declared = isObject(responses)
    ? (responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default)
    : undefined;

  if (status >= 400) {
    if (declared === undefined && !WEBEX_ERROR_STATUSES.has(status))
      fail(`${what}: status ${status} is not declared`);
    // Rate limiting may answer with an HTML page instead of JSON.
    if (status === 429 && typeof body === 'string') return;
    check(
      compile(`error-body ${info.spec}`, WEBEX_ERROR_BODY, info.spec, strict),
      body,
      `${what} error body`,
    );
    return;
  }

  if (!isObject(declared)) {
    const known = isObject(responses) ? Object.keys(responses).filter((code) => Number(code) < 400) : [];
    fail(`${what}: status ${status} is not declared (success statuses: ${known.join(', ') || 'none'})`);
  }
  const media = jsonMedia(declared.content);
  if (!media) {
    if (!isEmptyBody(body)) fail(`${what}: the spec declares no body, got ${preview(body)}`);
    return;
  }
  if (isEmptyBody(body)) fail(`${what}: the spec declares a JSON body, got none`);
  const key = `response ${info.spec} ${info.method} ${info.template} ${status}`;
  check(compile(key, media.schema, info.spec, strict), body, `${what} response body`);
}

/**
 * Asserts that `body` is a valid JSON request body of the Webex operation for `method` +
 * `requestPath` (what our client sends). Operations without a request body accept only no body.
 */
export function validateRequestBody(
  method: string,
  requestPath: string,
  body: unknown,
  options: ValidateOptions = {},
): void {
  const { info, operation } = resolveOperation(method, requestPath);
  const strict = options.strict === true;
  const what = `${operationLabel(info)} request`;
  const requestBody = child(operation, 'requestBody');
  const media = jsonMedia(child(requestBody, 'content'));
  if (!media) {
    if (!isEmptyBody(body)) fail(`${what}: the spec declares no JSON request body, got ${preview(body)}`);
    return;
  }
  const key = `request ${info.spec} ${info.method} ${info.template}`;
  const validate = compile(key, media.schema, info.spec, strict);
  if (isEmptyBody(body)) {
    // The specs never set `requestBody.required`; a schema with required properties implies it.
    if (child(requestBody, 'required') === true || !validate({})) fail(`${what}: a request body is required`);
    return;
  }
  check(validate, body, `${what} body`);
}
