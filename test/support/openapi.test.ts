import assert, { AssertionError } from 'node:assert/strict';
import { webexId } from '../../src/webex/ids';
import type {
  AttachmentAction,
  Location,
  Message,
  WebexErrorBody,
  Webhook,
  Workspace,
  WorkspaceMetricsResponse,
} from '../../src/webex/wire';
import { findOperation, validateRequestBody, validateResponse } from './openapi';

const WORKSPACE_ID = webexId('PLACES', '5101b07b-4f8f-4ef7-b565-db19c7b723f7');
const PERSON_ID = webexId('PEOPLE', 'f5b36187-c8dd-4727-8b2f-f9c447f29046');
const ROOM_ID = webexId('ROOM', 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154');
const MESSAGE_ID = webexId('MESSAGE', '92db3be0-43bd-11e6-8ae9-dd5b3dfc565d');
const ORG_ID = webexId('ORGANIZATION', '96abc2aa-3dcc-11e5-a152-fe34819cdc9a');

/** Asserts that `fn` throws an AssertionError whose message matches every pattern. */
function assertRejects(fn: () => void, ...patterns: RegExp[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AssertionError, `expected an AssertionError, got ${String(error)}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

const rawTemperature: WorkspaceMetricsResponse<'none'> = {
  workspaceId: WORKSPACE_ID,
  metricName: 'temperature',
  aggregation: 'none',
  from: '2026-05-04T10:00:00.000Z',
  to: '2026-05-04T12:00:00.000Z',
  unit: 'celsius',
  sortBy: 'newestFirst',
  items: [
    { deviceId: webexId('DEVICE', 'b3f5…'), timestamp: '2026-05-04T11:55:00Z', value: 21.5 },
    { deviceId: webexId('DEVICE', 'b3f5…'), timestamp: '2026-05-04T11:50:00Z', value: 21.4 },
  ],
};

const hourlyPeople: WorkspaceMetricsResponse<'hourly'> = {
  workspaceId: WORKSPACE_ID,
  metricName: 'peopleCount',
  aggregation: 'hourly',
  from: '2026-05-04T10:34:56.000Z',
  to: '2026-05-04T12:00:00.000Z',
  sortBy: 'oldestFirst',
  items: [
    { start: '2026-05-04T10:00:00Z', end: '2026-05-04T11:00:00Z', mean: 3.2, min: 1, max: 5 },
    { start: '2026-05-04T11:00:00Z', end: '2026-05-04T12:00:00Z', mean: 4, min: 2, max: 6 },
  ],
};

const firehose: Webhook = {
  id: webexId('WEBHOOK', '96abc2aa-3dcc-11e5-a152-fe34819cdc9a'),
  name: 'room-metrics firehose',
  targetUrl: 'https://bot.example.com/webhook',
  resource: 'all',
  event: 'all',
  status: 'active',
  created: '2026-05-04T10:00:00.000Z',
  orgId: ORG_ID,
  createdBy: PERSON_ID,
  appId: webexId('APPLICATION', 'c0ffee00-0000-4000-8000-000000000001'),
  ownedBy: 'creator',
};

const notFound: WebexErrorBody = {
  message: 'The requested resource could not be found.',
  errors: [{ description: 'The requested resource could not be found.' }],
  trackingId: 'ROUTER_6651A0B2-1F2E-01BB-00A1-0A7E1B2C3D4E',
};

describe('test support: OpenAPI validator', () => {
  describe('path matching', () => {
    it('prefers literal segments: /people/me is not /people/{personId}', () => {
      const me = findOperation('GET', '/v1/people/me');
      assert.equal(me?.template, '/people/me');
      assert.equal(me?.operationId, 'Get My Own Details');
      const person = findOperation('GET', `/v1/people/${PERSON_ID}`);
      assert.equal(person?.template, '/people/{personId}');
      assert.deepEqual(person?.params, { personId: PERSON_ID });
      assert.equal(
        findOperation('GET', '/v1/messages/direct?personEmail=a%40b.c')?.template,
        '/messages/direct',
      );
    });

    it('accepts paths with or without /v1, with a query or an origin', () => {
      for (const p of [
        '/v1/workspaces',
        '/workspaces?max=10',
        'https://webexapis.com/v1/workspaces?start=0',
      ]) {
        assert.equal(findOperation('get', p)?.template, '/workspaces', p);
      }
      assert.equal(
        findOperation('GET', '/v1/workspaceMetrics?workspaceId=x&metricName=temperature')?.spec,
        'device',
      );
      assert.equal(findOperation('POST', '/v1/attachment/actions')?.spec, 'messaging');
    });

    it('throws for an unknown operation', () => {
      assertRejects(
        () => validateResponse('GET', '/v1/nothing/here', 200, {}),
        /no path of the Webex OpenAPI specs/,
      );
      assertRejects(
        () => validateResponse('POST', '/v1/people/me', 200, {}),
        /\/people\/me .*has no POST operation/,
      );
      assert.equal(findOperation('GET', '/v1/nothing'), undefined);
    });
  });

  describe('accepts real answers', () => {
    it('a Workspace with only id and displayName (optional fields absent)', () => {
      const workspace: Workspace = { id: WORKSPACE_ID, displayName: 'Fjord' };
      validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 200, workspace, { strict: true });
      validateResponse(
        'GET',
        '/v1/workspaces?displayName=Fjord',
        200,
        { items: [workspace] },
        { strict: true },
      );
    });

    it('a Workspace with capabilities as one map (not the array the spec declares)', () => {
      const workspace: Workspace = {
        id: WORKSPACE_ID,
        displayName: 'Fjord',
        capacity: 8,
        type: 'meetingRoom',
        capabilities: { temperature: { supported: true, configured: true } },
      };
      validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}?includeCapabilities=true`, 200, workspace, {
        strict: true,
      });
    });

    it('raw (aggregation=none) and aggregated (hourly) metrics bodies', () => {
      validateResponse('GET', '/v1/workspaceMetrics?aggregation=none', 200, rawTemperature, { strict: true });
      validateResponse('GET', '/v1/workspaceMetrics?aggregation=hourly', 200, hourlyPeople, { strict: true });
      validateResponse('GET', '/v1/workspaceMetrics', 200, { ...hourlyPeople, items: [] }, { strict: true });
    });

    it('a duration metrics body', () => {
      validateResponse(
        'GET',
        `/v1/workspaceDurationMetrics?workspaceId=${WORKSPACE_ID}&measurement=timeBooked`,
        200,
        {
          workspaceId: WORKSPACE_ID,
          aggregation: 'daily',
          measurement: 'timeBooked',
          from: '2026-05-01T00:00:00Z',
          to: '2026-05-04T00:00:00Z',
          unit: 'minutes',
          items: [{ start: '2026-05-01T00:00:00Z', end: '2026-05-02T00:00:00Z', duration: 135 }],
        },
        { strict: true },
      );
    });

    it('a location in the real /locations shape', () => {
      const location: Location = {
        id: webexId('LOCATION', 'c97ee049-359b-4c78-8454-058c2ede2563'),
        name: 'Oslo',
        orgId: ORG_ID,
        address: { address1: 'Karl Johans gate 1', city: 'Oslo', postalCode: '0154', country: 'NO' },
        timeZone: 'Europe/Oslo',
        latitude: '59.9133',
        longitude: '10.7389',
      };
      validateResponse('GET', `/v1/locations/${location.id}`, 200, location, { strict: true });
      validateResponse('GET', '/v1/locations', 200, { items: [location] }, { strict: true });
    });

    it('a firehose webhook (resource and event "all")', () => {
      validateResponse('GET', `/v1/webhooks/${firehose.id}`, 200, firehose, { strict: true });
      validateResponse('GET', '/v1/webhooks', 200, { items: [firehose] }, { strict: true });
      validateRequestBody(
        'POST',
        '/v1/webhooks',
        {
          name: firehose.name,
          targetUrl: firehose.targetUrl,
          resource: 'all',
          event: 'all',
          secret: 's3cret',
        },
        { strict: true },
      );
    });

    it('a Webex error body on 4xx/5xx, and an HTML 429', () => {
      validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 404, notFound, { strict: true });
      validateResponse('GET', '/v1/workspaceMetrics', 400, { message: 'Bad request', trackingId: 'x' });
      validateResponse('GET', '/v1/people/me', 429, '<html><body>Too Many Requests</body></html>');
    });

    it('messages with an Adaptive Card attachment, and a card submit', () => {
      const message: Message = {
        id: MESSAGE_ID,
        roomId: ROOM_ID,
        roomType: 'group',
        text: 'Temperature in Fjord',
        personId: PERSON_ID,
        personEmail: 'bot@webex.bot',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: '21.5 °C' }] },
          },
        ],
        created: '2026-05-04T12:00:00.000Z',
      };
      validateResponse('POST', '/v1/messages', 200, { ...message, parentId: MESSAGE_ID }, { strict: true });
      validateResponse('GET', `/v1/messages/${MESSAGE_ID}`, 200, message, { strict: true });
      validateResponse('GET', `/v1/messages?roomId=${ROOM_ID}`, 200, { items: [message] }, { strict: true });
      validateRequestBody(
        'POST',
        '/v1/messages',
        { roomId: ROOM_ID, markdown: 'Temperature in Fjord', attachments: message.attachments },
        { strict: true },
      );
      const action: AttachmentAction = {
        id: webexId('ATTACHMENT_ACTION', '541ae30e-e2c5-4dd6-8538-8394c8633b71'),
        type: 'submit',
        messageId: MESSAGE_ID,
        personId: PERSON_ID,
        roomId: ROOM_ID,
        inputs: { room: 'Fjord', range: 'last 24 hours', action: 'chart' },
        created: '2026-05-04T12:01:00.000Z',
      };
      validateResponse('GET', `/v1/attachment/actions/${action.id}`, 200, action, { strict: true });
    });

    it('an empty 204', () => {
      validateResponse('DELETE', `/v1/messages/${MESSAGE_ID}`, 204, undefined);
      validateResponse('DELETE', `/v1/webhooks/${firehose.id}`, 204, '');
    });
  });

  describe('rejects wrong answers', () => {
    it('a metric item mixing the raw and aggregated shapes', () => {
      const mixed = {
        ...rawTemperature,
        items: [{ deviceId: 'd', timestamp: '2026-05-04T11:55:00Z', value: 21, mean: 21 }],
      };
      assertRejects(
        () => validateResponse('GET', '/v1/workspaceMetrics', 200, mixed),
        /GET \/workspaceMetrics \(device spec, operation "Workspace Metrics"\) → 200/,
        /\/items\/0 must NOT have additional properties \(mean\)/,
      );
    });

    it('raw items in an hourly answer, and a bucket missing a field', () => {
      assertRejects(
        () =>
          validateResponse('GET', '/v1/workspaceMetrics', 200, {
            ...hourlyPeople,
            items: rawTemperature.items,
          }),
        /\/items\/0 must have required property 'start'/,
      );
      const { max: _max, ...partial } = hourlyPeople.items[0]!;
      assertRejects(
        () => validateResponse('GET', '/v1/workspaceMetrics', 200, { ...hourlyPeople, items: [partial] }),
        /\/items\/0 must have required property 'max'/,
      );
    });

    it("metricName 'co2', and a unit on a non-temperature metric", () => {
      assertRejects(
        () => validateResponse('GET', '/v1/workspaceMetrics', 200, { ...hourlyPeople, metricName: 'co2' }),
        /\/metricName must be equal to one of the allowed values \("soundLevel", "ambientNoise"/,
      );
      assertRejects(
        () => validateResponse('GET', '/v1/workspaceMetrics', 200, { ...hourlyPeople, unit: 'celsius' }),
        /\(root\) must NOT be valid/,
      );
    });

    it('an error body without trackingId', () => {
      const { trackingId: _trackingId, ...withoutTrackingId } = notFound;
      assertRejects(
        () => validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 404, withoutTrackingId),
        /→ 404 error body does not match the spec/,
        /\(root\) must have required property 'trackingId'/,
      );
    });

    it('a wrong type for capacity', () => {
      assertRejects(
        () =>
          validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 200, {
            id: WORKSPACE_ID,
            displayName: 'A',
            capacity: '5',
          }),
        /\/capacity must be number/,
      );
    });

    it('invented fields, in strict mode only', () => {
      const invented = { id: WORKSPACE_ID, displayName: 'Fjord', co2: 420 };
      validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 200, invented);
      assertRejects(
        () => validateResponse('GET', `/v1/workspaces/${WORKSPACE_ID}`, 200, invented, { strict: true }),
        /\(root\) must NOT have additional properties \(co2\)/,
      );
      assertRejects(
        () =>
          validateResponse(
            'GET',
            `/v1/workspaces/${WORKSPACE_ID}`,
            404,
            { ...notFound, code: 1 },
            { strict: true },
          ),
        /must NOT have additional properties \(code\)/,
      );
    });

    it('an undeclared status, a body on 204, no body on 200', () => {
      assertRejects(
        () => validateResponse('POST', '/v1/messages', 201, {}),
        /status 201 is not declared \(success statuses: 200\)/,
      );
      assertRejects(
        () => validateResponse('DELETE', `/v1/rooms/${ROOM_ID}`, 204, { id: ROOM_ID }),
        /declares no body/,
      );
      assertRejects(
        () => validateResponse('GET', `/v1/rooms/${ROOM_ID}`, 200, undefined),
        /declares a JSON body, got none/,
      );
    });

    it('bad request bodies', () => {
      assertRejects(
        () =>
          validateRequestBody('POST', '/v1/webhooks', {
            name: 'w',
            targetUrl: 'https://x',
            resource: 'everything',
            event: 'all',
          }),
        /request body does not match the spec/,
        /\/resource must be equal to one of the allowed values/,
      );
      assertRejects(
        () => validateRequestBody('POST', '/v1/messages', { roomId: ROOM_ID, text: 1 }),
        /\/text must be string/,
      );
      assertRejects(() => validateRequestBody('POST', '/v1/rooms', undefined), /a request body is required/);
      assertRejects(
        () => validateRequestBody('GET', '/v1/rooms', { title: 'x' }),
        /declares no JSON request body/,
      );
    });
  });
});
