/**
 * Webex wire types: the single place the rest of the code imports Webex request and response shapes
 * from (bot, client, emulator and tests alike).
 *
 * Built on `*.generated.ts`, which `scripts/generate-wire-types.ts` produces from the vendored
 * official OpenAPI files (`spec/webex-openapi/`). In those files nearly every field is optional;
 * the aliases below make required what Webex always sends (`WithRequired`). Where the official
 * files leave a shape out or get it wrong, the type is written here by hand, and its comment names
 * the quirk (see also `spec/webex-openapi/NOTICE.md` and `../shared/docs/webex-platform-notes.md`).
 * `test/support/openapi.ts` applies the same corrections when it validates emulator answers.
 */
import type { components as DeviceComponents, paths as DevicePaths } from './device.generated';
import type { components as MessagingComponents, paths as MessagingPaths } from './messaging.generated';

type DeviceSchemas = DeviceComponents['schemas'];
type MessagingSchemas = MessagingComponents['schemas'];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Flattens an intersection into a single object type (same meaning, readable hovers). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `T` with the keys `K` required (present and not undefined); other keys unchanged. */
export type WithRequired<T, K extends keyof T> = Simplify<Omit<T, K> & Required<Pick<T, K>>>;

/** The JSON request body of an operation, from the generated `paths`. */
type JsonRequestBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

/** The query parameters of an operation, from the generated `paths`. */
type QueryParameters<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Type-level equality (exact, not mere mutual assignability). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is `true`. */
type Assert<T extends true> = T;

// ---------------------------------------------------------------------------------------------
// Enumerations (runtime arrays for validators, types derived from them)
// ---------------------------------------------------------------------------------------------

export const METRIC_NAMES = [
  'soundLevel',
  'ambientNoise',
  'temperature',
  'humidity',
  'tvoc',
  'peopleCount',
] as const;
/** `metricName` of `GET /workspaceMetrics`. */
export type MetricName = (typeof METRIC_NAMES)[number];

export const AGGREGATIONS = ['none', 'hourly', 'daily'] as const;
/** `aggregation` of `GET /workspaceMetrics` (default `hourly`). */
export type Aggregation = (typeof AGGREGATIONS)[number];

export const DURATION_AGGREGATIONS = ['hourly', 'daily'] as const;
/** `aggregation` of `GET /workspaceDurationMetrics` (no `none`; default `hourly`). */
export type DurationAggregation = (typeof DURATION_AGGREGATIONS)[number];

export const DURATION_MEASUREMENTS = ['timeUsed', 'timeBooked'] as const;
/** `measurement` of `GET /workspaceDurationMetrics` (default `timeUsed`). */
export type DurationMeasurement = (typeof DURATION_MEASUREMENTS)[number];

export const TEMPERATURE_UNITS = ['celsius', 'fahrenheit'] as const;
/**
 * `unit` of `GET /workspaceMetrics`, for `temperature` only (default celsius). Quirk: the spec's
 * query parameter declares the sentence "Celsius if the metricName parameter is set to …" as its
 * `default`, which is not one of its own enum values.
 */
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];

export const SORT_BY_VALUES = ['newestFirst', 'oldestFirst'] as const;
/** `sortBy` of `GET /workspaceMetrics` (default `newestFirst`). */
export type SortBy = (typeof SORT_BY_VALUES)[number];

type SpecMetricsResponse = DeviceSchemas['WorkspaceMetricsResponse'];
type SpecDurationResponse = DeviceSchemas['WorkspaceDurationMetricsResponse'];
type SpecMetricsQuery = QueryParameters<DevicePaths['/workspaceMetrics']['get']>;
type SpecDurationQuery = QueryParameters<DevicePaths['/workspaceDurationMetrics']['get']>;

/**
 * Fails compilation when the hand-written enumerations above diverge from the official spec
 * (after `npm run gen:wire` picks up a spec change).
 */
export type EnumsMatchSpec = [
  Assert<Equals<MetricName, SpecMetricsResponse['metricName']>>,
  Assert<Equals<MetricName, SpecMetricsQuery['metricName']>>,
  Assert<Equals<Aggregation, NonNullable<SpecMetricsResponse['aggregation']>>>,
  Assert<Equals<Aggregation, NonNullable<SpecMetricsQuery['aggregation']>>>,
  Assert<Equals<TemperatureUnit, NonNullable<SpecMetricsResponse['unit']>>>,
  Assert<Equals<SortBy, NonNullable<SpecMetricsResponse['sortBy']>>>,
  Assert<Equals<DurationAggregation, NonNullable<SpecDurationResponse['aggregation']>>>,
  Assert<Equals<DurationAggregation, NonNullable<SpecDurationQuery['aggregation']>>>,
  Assert<Equals<DurationMeasurement, NonNullable<SpecDurationResponse['measurement']>>>,
];

// ---------------------------------------------------------------------------------------------
// Common
// ---------------------------------------------------------------------------------------------

/** A list answer. Paging is in the RFC 5988 `Link: <…>; rel="next"` header, not the body. */
export interface ListResponse<T> {
  items: T[];
}

/**
 * Error body as Webex sends it. Quirk: the spec declares no content for any 4xx/5xx response.
 * The `trackingId` also comes as a response header. A 429 body may be `text/html` instead.
 */
export interface WebexErrorBody {
  message: string;
  errors?: { description: string }[];
  trackingId: string;
}

/**
 * `POST /v1/access_token` (form-encoded `grant_type=refresh_token`) answer. Not in either spec.
 * Drive refresh from `expires_in` (seconds); lifetimes vary.
 */
export interface AccessTokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: string;
}

// ---------------------------------------------------------------------------------------------
// Workspaces, locations, floors (device spec; admin-scoped token)
// ---------------------------------------------------------------------------------------------

/** One sensor capability. The spec makes both flags optional; Webex sends both. */
export type SupportAndConfigured = WithRequired<
  DeviceSchemas['SupportAndConfiguredInfo'],
  'supported' | 'configured'
>;

/**
 * `capabilities` of `GET /workspaces/{id}/capabilities`. Names differ from `MetricName`: see
 * `METRIC_CAPABILITY`. A capability the workspace lacks may be absent.
 */
export type CapabilityMap = { [K in keyof DeviceSchemas['CapabilityMap']]?: SupportAndConfigured };

export type CapabilityKey = keyof CapabilityMap;

/** `GET /workspaces/{workspaceId}/capabilities`. */
export interface CapabilityResponse {
  capabilities: CapabilityMap;
}

/** Which capability a workspace needs for each metric (`humidity`↔`relativeHumidity`, …). */
export const METRIC_CAPABILITY = {
  soundLevel: 'soundLevel',
  ambientNoise: 'ambientNoise',
  temperature: 'temperature',
  humidity: 'relativeHumidity',
  tvoc: 'airQuality',
  peopleCount: 'occupancyDetection',
} as const satisfies Record<MetricName, CapabilityKey>;

/**
 * A workspace. Optional fields (`capacity`, `type`, `floorId`, `locationId`, `notes`, …) are
 * **absent** when unset, never null. `workspaceLocationId` is deprecated: use `locationId`.
 * Quirk: the spec types `capabilities` (sent with `includeCapabilities=true`) as an array of
 * capability maps; Webex sends one map, as the spec's own example shows.
 */
export type Workspace = WithRequired<
  Omit<DeviceSchemas['Workspace'], 'capabilities'> & { capabilities?: CapabilityMap },
  'id' | 'displayName'
>;

export type WorkspaceType = NonNullable<Workspace['type']>;

/** Query of `GET /workspaces` (`displayName` match semantics are undocumented: match in the bot). */
export type ListWorkspacesQuery = QueryParameters<DevicePaths['/workspaces']['get']>;

/** Address of a `Location` (as in the spec's `PostCommonLocationObject`). */
export interface LocationAddress {
  address1: string;
  address2?: string;
  city: string;
  state?: string;
  postalCode: string;
  country: string;
}

/**
 * A location of `GET /locations` and `GET /locations/{locationId}`.
 * Quirk: in the device spec both operations reference the `Location` schema of the deprecated
 * `/workspaceLocations` API (`{id, locationId, displayName, address: string, countryCode,
 * cityName, latitude: number, longitude: number}`), while their own examples, and the real API,
 * answer this shape: `name` (not `displayName`), an address object, `timeZone`, and latitude and
 * longitude as strings. Written by hand from those examples.
 */
export interface Location {
  id: string;
  name: string;
  orgId: string;
  address: LocationAddress;
  /** IANA time zone of the location, e.g. `Europe/Oslo`. */
  timeZone: string;
  preferredLanguage?: string;
  latitude?: string;
  longitude?: string;
  notes?: string;
}

/** A floor of `GET /locations/{locationId}/floors`. */
export type Floor = WithRequired<DeviceSchemas['Floor'], 'id' | 'locationId' | 'floorNumber'>;

// ---------------------------------------------------------------------------------------------
// Workspace metrics
// ---------------------------------------------------------------------------------------------

/** Query of `GET /workspaceMetrics`. Span: at most 48 h for `none`/`hourly`, 30 days for `daily`. */
export type WorkspaceMetricsQuery = SpecMetricsQuery;

/** Query of `GET /workspaceDurationMetrics`. Same span limits as `WorkspaceMetricsQuery`. */
export type WorkspaceDurationMetricsQuery = SpecDurationQuery;

/** A raw sample (`aggregation=none`). Quirk: the spec leaves metric items untyped (`{}`). */
export interface RawMetricItem {
  deviceId: string;
  timestamp: string;
  value: number;
}

/**
 * An hourly/daily bucket. `start` is truncated to the hour/day but only data inside the requested
 * range is aggregated; zeros and negative values are dropped, and an empty bucket is absent.
 * Quirk: the spec leaves metric items untyped (`{}`).
 */
export interface AggregatedMetricItem {
  start: string;
  end: string;
  mean: number;
  min: number;
  max: number;
}

/** The item shape for an aggregation: raw samples for `none`, buckets otherwise. */
export type MetricItem<A extends Aggregation = Aggregation> = A extends 'none'
  ? RawMetricItem
  : AggregatedMetricItem;

/**
 * `GET /workspaceMetrics`. Distributes over `A`, so the default is a union discriminated by
 * `aggregation` (checking `aggregation === 'none'` narrows `items`). `unit` is present only for
 * `temperature`. No paging.
 */
export type WorkspaceMetricsResponse<A extends Aggregation = Aggregation> = A extends Aggregation
  ? {
      workspaceId: string;
      metricName: MetricName;
      aggregation: A;
      from: string;
      to: string;
      unit?: TemperatureUnit;
      sortBy: SortBy;
      items: MetricItem<A>[];
    }
  : never;

/** A bucket of `GET /workspaceDurationMetrics` (`duration` in the envelope's `unit`). */
export type DurationMetricItem = WithRequired<DeviceSchemas['DurationMetric'], 'start' | 'end' | 'duration'>;

/** `GET /workspaceDurationMetrics`. `unit` is e.g. `"minutes"`. */
export interface WorkspaceDurationMetricsResponse {
  workspaceId: string;
  aggregation: DurationAggregation;
  measurement: DurationMeasurement;
  from: string;
  to: string;
  unit: string;
  items: DurationMetricItem[];
}

// ---------------------------------------------------------------------------------------------
// People, rooms, memberships (messaging spec; bot token)
// ---------------------------------------------------------------------------------------------

export type Person = WithRequired<MessagingSchemas['Person'], 'id' | 'emails' | 'displayName'>;

export type PersonType = NonNullable<Person['type']>;

/** `GET /people`. `notFoundIds` lists ids of an `id=` query that matched nobody. */
export interface PeopleListResponse extends ListResponse<Person> {
  notFoundIds?: string[];
}

export type RoomType = NonNullable<MessagingSchemas['Room']['type']>;

export type Room = WithRequired<MessagingSchemas['Room'], 'id' | 'title' | 'type' | 'created'>;

export type CreateRoomRequest = JsonRequestBody<MessagingPaths['/rooms']['post']>;

export type Membership = WithRequired<
  MessagingSchemas['Membership'],
  'id' | 'roomId' | 'personId' | 'personEmail' | 'isModerator' | 'isMonitor' | 'roomType' | 'created'
>;

export type CreateMembershipRequest = JsonRequestBody<MessagingPaths['/memberships']['post']>;

// ---------------------------------------------------------------------------------------------
// Messages and cards
// ---------------------------------------------------------------------------------------------

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A card attachment (one per message; Adaptive Cards 1.3 at most on Webex).
 * Quirk: the spec's `Attachment` schema models a file (`content: {fileId, type, contentUrl}`),
 * while its own examples, and the real API, carry this shape.
 */
export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

/**
 * A message, as answered by `POST /messages`, `GET /messages/{id}` and `GET /messages`.
 * Quirks: the spec splits it in two schemas (`Message` for the create answer, without `parentId`,
 * `html`, `updated`, `isVoiceClip` although its example has them; `ListMessage` for reads), merged
 * here; `attachments` are cards (see `AdaptiveCardAttachment`). In group spaces `text` still holds
 * the bot mention's display name.
 */
export type Message = WithRequired<
  Omit<MessagingSchemas['Message'], 'attachments'> &
    Omit<MessagingSchemas['ListMessage'], 'attachments'> & { attachments?: AdaptiveCardAttachment[] },
  'id' | 'roomId' | 'roomType' | 'created' | 'personId' | 'personEmail'
>;

/**
 * `POST /messages` JSON body: one of `roomId` | `toPersonId` | `toPersonEmail`; `text`/`markdown`
 * at most 7439 bytes; one file and one card per message (a local file needs multipart instead).
 */
export type CreateMessageRequest = Simplify<
  Omit<JsonRequestBody<MessagingPaths['/messages']['post']>, 'attachments'> & {
    attachments?: AdaptiveCardAttachment[];
  }
>;

/**
 * `GET /attachment/actions/{id}`: a card submit.
 * Quirk: the spec types `inputs` as `{Name, Url, Email, Tel}` (the input ids of its example card);
 * it holds whatever inputs (and `Action.Submit` data) the card had.
 */
export type AttachmentAction = WithRequired<
  Omit<MessagingSchemas['AttachmentActivity'], 'inputs'> & { inputs?: Record<string, unknown> },
  'id' | 'type' | 'messageId' | 'personId' | 'roomId' | 'inputs' | 'created'
>;

/** `POST /attachment/actions` body (same `inputs` quirk as `AttachmentAction`). */
export type CreateAttachmentActionRequest = Simplify<
  Omit<MessagingSchemas['SubmitCardAction'], 'inputs'> & { inputs: Record<string, unknown> }
>;

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

/**
 * Quirk: the spec's enum lacks the firehose value `all` (covers messages, memberships and rooms,
 * but not `attachmentActions`, which needs its own webhook).
 */
export type WebhookResource = NonNullable<MessagingSchemas['Webhook']['resource']> | 'all';

/** Quirk: the spec's enum lacks the firehose value `all`. */
export type WebhookEvent = NonNullable<MessagingSchemas['Webhook']['event']> | 'all';

export type WebhookStatus = NonNullable<MessagingSchemas['Webhook']['status']>;

/**
 * A webhook registration (`GET/POST /webhooks`, `GET/PUT /webhooks/{id}`).
 * Quirks: `resource`/`event` widened with `all`; `orgId`, `createdBy` and `appId` are sent by
 * Webex (and appear in every delivery envelope) but are missing from the spec's schema.
 */
export type Webhook = WithRequired<
  Omit<MessagingSchemas['Webhook'], 'resource' | 'event'> & {
    resource?: WebhookResource;
    event?: WebhookEvent;
    orgId?: string;
    createdBy?: string;
    appId?: string;
  },
  'id' | 'name' | 'targetUrl' | 'resource' | 'event' | 'status' | 'created'
>;

export type CreateWebhookRequest = Simplify<
  Omit<JsonRequestBody<MessagingPaths['/webhooks']['post']>, 'resource' | 'event'> & {
    resource: WebhookResource;
    event: WebhookEvent;
  }
>;

/** `PUT /webhooks/{id}`: `status: 'active'` re-enables a webhook disabled after failed deliveries. */
export type UpdateWebhookRequest = JsonRequestBody<MessagingPaths['/webhooks/{webhookId}']['put']>;

/**
 * `data` of a webhook delivery: ids only, never message text or card inputs (fetch them by id).
 * Which fields appear depends on the resource.
 */
export interface WebhookEventData {
  id: string;
  roomId?: string;
  roomType?: RoomType;
  personId?: string;
  personEmail?: string;
  created?: string;
  [field: string]: unknown;
}

/**
 * The body Webex POSTs to a webhook's `targetUrl`. Not in the spec (deliveries are not modelled).
 * With a `secret`, `X-Spark-Signature` is the hex HMAC-SHA1 of the raw body bytes.
 */
export interface WebhookEnvelope<D extends WebhookEventData = WebhookEventData> {
  id: string;
  name: string;
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEvent;
  filter?: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: string;
  status: WebhookStatus;
  created: string;
  actorId: string;
  data: D;
}

// ---------------------------------------------------------------------------------------------
// The hand-written shapes must stay refinements of the spec's where the spec has them right.
// ---------------------------------------------------------------------------------------------

type Extends<A, B> = [A] extends [B] ? true : false;

/** Fails compilation when a hand-written response type stops fitting the generated schema. */
export type RefinesSpec = [
  Assert<Extends<WorkspaceMetricsResponse, Omit<SpecMetricsResponse, 'items'>>>,
  Assert<Extends<WorkspaceDurationMetricsResponse, SpecDurationResponse>>,
  Assert<Extends<CapabilityResponse, DeviceSchemas['CapabilityResponse']>>,
  Assert<Extends<PeopleListResponse, MessagingSchemas['PersonCollectionResponse']>>,
  Assert<Extends<ListResponse<Room>, MessagingSchemas['RoomCollectionResponse']>>,
  Assert<Extends<ListResponse<Membership>, MessagingSchemas['MembershipCollectionResponse']>>,
  Assert<Extends<ListResponse<Floor>, DeviceSchemas['FloorCollectionResponse']>>,
  Assert<Extends<Omit<AttachmentAction, 'inputs'>, Omit<MessagingSchemas['AttachmentActivity'], 'inputs'>>>,
];
export * from './limits';
