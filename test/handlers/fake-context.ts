/**
 * A HandlerContext with fakes: `read` answers constructed readings for exactly the plan's fetches
 * (and records the plans), `charts.render` a fixed URL (requests recorded), `webex` refuses to be
 * touched (except the overview's duration call, when given), an in-memory store, a fixed clock.
 */
import pino from 'pino';
import type { ChartRequest } from '../../src/charts';
import type { AutomationControl, HandlerContext } from '../../src/handlers/types';
import type { ParsedRequest } from '../../src/language';
import { DEFAULT_COMFORT_BANDS } from '../../src/metrics';
import type { ReportSubscription } from '../../src/model';
import { answerLimits } from '../../src/plan/limits';
import type { AnswerPlan, MetricFetch, PlanRoom } from '../../src/plan/plan-answer';
import type { RoomMetricData } from '../../src/readings/read-room-metrics';
import { openSqliteStore, type Store } from '../../src/store';
import type { DurationRequest } from '../../src/webex/admin-api';
import type { WebexClient } from '../../src/webex/client';
import type { AggregatedMetricItem, DurationMetricItem, MetricName } from '../../src/webex/wire';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Wednesday 18 Nov 2026, 13:00 UTC (14:00 in Oslo): on the hour, so hourly windows are not shifted. */
export const NOW = Date.UTC(2026, 10, 18, 13, 0);
export const ZONE = 'Europe/Oslo';
export const SPACE_ROOM_ID = 'space-1';
export const CHART_URL = 'https://charts.example.test/c/fixed.png';

export const iso = (ms: number) => new Date(ms).toISOString();

const NAVIGATOR = {
  temperature: { supported: true, configured: true },
  relativeHumidity: { supported: true, configured: true },
  airQuality: { supported: true, configured: true },
  ambientNoise: { supported: true, configured: true },
  soundLevel: { supported: true, configured: true },
  occupancyDetection: { supported: true, configured: true },
};
/** A room without a Room Navigator: no temperature, humidity or TVOC. */
const NO_NAVIGATOR = {
  ...NAVIGATOR,
  temperature: { supported: false, configured: false },
  relativeHumidity: { supported: false, configured: false },
  airQuality: { supported: false, configured: false },
};

export const FJORD: PlanRoom = {
  id: 'ws-fjord',
  displayName: 'Fjord',
  capacity: 10,
  floorId: 'floor-1',
  locationId: 'oslo',
  capabilities: NAVIGATOR,
};
export const BOARDROOM: PlanRoom = {
  id: 'ws-board',
  displayName: 'Boardroom',
  capacity: 20,
  floorId: 'floor-2',
  locationId: 'oslo',
  capabilities: NAVIGATOR,
};
export const ATRIUM: PlanRoom = {
  id: 'ws-atrium',
  displayName: 'Atrium',
  capacity: 8,
  floorId: 'floor-1',
  locationId: 'oslo',
  capabilities: NAVIGATOR,
};
/** The room without a Room Navigator. */
export const KIOSK: PlanRoom = {
  id: 'ws-kiosk',
  displayName: 'Kiosk',
  capacity: 4,
  floorId: 'floor-1',
  locationId: 'oslo',
  capabilities: NO_NAVIGATOR,
};
export const ROOMS: readonly PlanRoom[] = [FJORD, BOARDROOM, ATRIUM, KIOSK];

/** `n` more rooms with a navigator: "Room 01" … */
export function extraRooms(n: number): PlanRoom[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `ws-extra-${i + 1}`,
    displayName: `Room ${String(i + 1).padStart(2, '0')}`,
    capacity: 6,
    floorId: 'floor-3',
    locationId: 'oslo',
    capabilities: NAVIGATOR,
  }));
}

export const ref = (room: PlanRoom) => ({ id: room.id, displayName: room.displayName });

/** Hourly (or daily) bucket means per series, keyed `workspaceId:metric`; max = mean + 0.4, min = mean − 0.4. */
export type Readings = Record<string, readonly number[]>;
export const SPREAD = 0.4;

/** Buckets of the given means, one per bucket from `from` on. */
export function buckets(from: number, size: number, means: readonly number[]): AggregatedMetricItem[] {
  return means.map((mean, i) => ({
    start: iso(from + i * size),
    end: iso(from + (i + 1) * size),
    mean,
    min: mean - SPREAD,
    max: mean + SPREAD,
  }));
}

export interface FakeOptions {
  request?: Partial<ParsedRequest>;
  text?: string;
  rooms?: readonly PlanRoom[];
  readings?: Readings;
  /** Minutes booked and used per hour for the overview's duration call. */
  durations?: { booked: readonly number[]; used: readonly number[] };
  store?: Store;
  spaceRoomId?: string;
  /** Who is asking (default: Ada Lovelace, `person-1`). */
  person?: { id: string; email: string };
  /** Display names by person id, as Webex would answer them (default: `PEOPLE`). */
  people?: Readonly<Record<string, string>>;
}

/** The people the fake Webex knows by name; anyone else is named by the caller's fallback. */
export const PEOPLE: Readonly<Record<string, string>> = {
  'person-1': 'Ada Lovelace',
  'person-2': 'Grace Hopper',
};

export interface Fake {
  ctx: HandlerContext;
  /** Plans `read` was given. */
  plans: AnswerPlan[];
  /** Fetches `read` answered. */
  fetched: MetricFetch[];
  charts: ChartRequest[];
  durationCalls: DurationRequest[];
  /** Anything a handler touched on `webex` that it must not. */
  unexpected: string[];
  evaluated: string[];
  sentReports: ReportSubscription[];
  store: Store;
}

/** A `webex` whose every property is refused (and recorded), except `admin.durations` when given. */
function refusingWebex(
  unexpected: string[],
  durations?: (request: DurationRequest) => Promise<unknown>,
): WebexClient {
  const refuse = (path: string) =>
    new Proxy(
      {},
      {
        get(_target, key) {
          const name = `${path}.${String(key)}`;
          if (durations && name === 'webex.admin.durations') return durations;
          if (name === 'webex.admin') return refuse(name);
          unexpected.push(name);
          throw new Error(`the handler touched ${name}`);
        },
      },
    );
  return refuse('webex') as WebexClient;
}

export function fakeContext(options: FakeOptions = {}): Fake {
  const rooms = options.rooms ?? ROOMS;
  const readings = options.readings ?? {};
  const plans: AnswerPlan[] = [];
  const fetched: MetricFetch[] = [];
  const charts: ChartRequest[] = [];
  const durationCalls: DurationRequest[] = [];
  const unexpected: string[] = [];
  const evaluated: string[] = [];
  const sentReports: ReportSubscription[] = [];
  const store = options.store ?? openSqliteStore({ file: ':memory:' });
  const space = { timeZone: ZONE, unit: 'celsius' as const };
  const request: ParsedRequest = {
    intent: 'query',
    metrics: [],
    workspaces: [],
    from: iso(NOW - 6 * HOUR),
    to: iso(NOW),
    ...options.request,
  };
  const durations = options.durations;
  const durationFake = durations
    ? async (r: DurationRequest) => {
        durationCalls.push(r);
        const minutes = r.measurement === 'timeBooked' ? durations.booked : durations.used;
        const items: DurationMetricItem[] = minutes.map((duration, i) => ({
          start: iso(r.from + i * HOUR),
          end: iso(r.from + (i + 1) * HOUR),
          duration,
        }));
        return { ...r, unit: 'minutes', items, calls: 1 };
      }
    : undefined;
  const automation: AutomationControl = {
    evaluateRuleNow: (ruleId) => {
      evaluated.push(ruleId);
    },
    sendReportNow: async (report) => {
      sentReports.push(report);
    },
  };
  const directory = {
    workspaces: rooms.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      ...(r.floorId ? { floorId: r.floorId } : {}),
      ...(r.locationId ? { locationId: r.locationId } : {}),
      ...(r.capacity !== undefined ? { capacity: r.capacity } : {}),
    })),
    locations: [{ id: 'oslo', name: 'Oslo HQ' }],
    floors: [
      { id: 'floor-1', locationId: 'oslo', floorNumber: 1, displayName: 'Floor 1' },
      { id: 'floor-2', locationId: 'oslo', floorNumber: 2, displayName: 'Floor 2' },
      { id: 'floor-3', locationId: 'oslo', floorNumber: 3, displayName: 'Floor 3' },
    ],
  };
  const limits = answerLimits();
  const ctx: HandlerContext = {
    request,
    text: options.text ?? '',
    space: { ...space, roomId: options.spaceRoomId ?? SPACE_ROOM_ID },
    person: options.person ?? { id: 'person-1', email: 'ada@example.test' },
    displayName: async (personId, fallback) => (options.people ?? PEOPLE)[personId] ?? fallback,
    directory,
    webex: refusingWebex(unexpected, durationFake),
    charts: {
      render: async (chart) => {
        charts.push(chart);
        return CHART_URL;
      },
      close: async () => {},
    },
    bands: DEFAULT_COMFORT_BANDS,
    deploymentBands: DEFAULT_COMFORT_BANDS,
    now: () => NOW,
    log: pino({ level: 'silent' }),
    planContext: { directory: { workspaces: rooms }, space, now: NOW, limits },
    limits,
    read: async (plan) => {
      plans.push(plan);
      return plan.fetches.map((f): RoomMetricData => {
        fetched.push(f);
        const size = f.aggregation === 'daily' ? DAY : HOUR;
        const means = readings[`${f.room.id}:${f.metric}`] ?? [];
        return {
          room: ref(f.room),
          metric: f.metric,
          supported: true,
          items: buckets(f.from, size, means),
          calls: 1,
        };
      });
    },
    saveSpaceSettings: () => {
      throw new Error('a handler under test changed the space settings');
    },
    store,
    automation,
  };
  return { ctx, plans, fetched, charts, durationCalls, unexpected, evaluated, sentReports, store };
}

/** `workspaceId:metric`. */
export const key = (room: PlanRoom, metric: MetricName) => `${room.id}:${metric}`;

export const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
/** The bucket max is mean + SPREAD. */
export const maxOf = (values: readonly number[]) => Math.max(...values) + SPREAD;
export const celsius = (v: number) => `${v.toFixed(1)} °C`;
