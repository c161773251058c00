/** View-model builders with overrides, and the awkward inputs every card must survive. */
import { DateTime } from 'luxon';
import type {
  AlertRuleListView,
  AlertView,
  AutomationConfirmView,
  CardAction,
  ClarifyView,
  CompareView,
  ConfirmView,
  ErrorView,
  HelpView,
  MetricSection,
  MetricsAnswerView,
  OverviewView,
  RankView,
  ReportListView,
  ReportRoomView,
  ReportView,
  RoomsView,
} from '../../src/cards';

export const OSLO = 'Europe/Oslo';
export const NEW_YORK = 'America/New_York';

/** A room name that is markdown, HTML and a link at once. */
export const EVIL = '**Evil** <b>[x](http://e)';
/** How EVIL must look wherever markdown is interpreted. */
export const EVIL_ESCAPED = '\\*\\*Evil\\*\\* \\<b\\>\\[x\\](http://e)';

/** Epoch ms of a wall-clock time in a zone: `at('2026-11-18T14:30', OSLO)`. */
export function at(local: string, zone: string = OSLO): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad time ${local}`);
  return dt.toMillis();
}

export const FROM = at('2026-11-18T08:30');
export const TO = at('2026-11-18T14:30');

export function actions(n: number): CardAction[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Follow-up ${i + 1}`,
    data: { kind: 'followup', text: `question ${i + 1}`, nested: { i, list: [1, 2] } },
  }));
}

export function section(overrides: Partial<MetricSection> = {}): MetricSection {
  return {
    metricLabel: 'temperature',
    verdict: { level: 'fair', text: 'Warm in the afternoon' },
    stats: [
      { label: 'Mean', value: '22.4 °C' },
      { label: 'Max', value: '24.1 °C', at: at('2026-11-18T14:00') },
      { label: 'Min', value: '20.9 °C', at: at('2026-11-18T08:45') },
    ],
    latest: { value: '23.8 °C', at: at('2026-11-18T14:25'), ageMs: 5 * 60_000 },
    trend: 'rising',
    warnings: ['Above 24 °C for 1 h 20 min'],
    caveats: ['No data 09:00–10:00'],
    ...overrides,
  };
}

export function metricsView(overrides: Partial<MetricsAnswerView> = {}): MetricsAnswerView {
  return {
    roomName: 'Room 4',
    timeZone: OSLO,
    from: FROM,
    to: TO,
    rangeLabel: 'last 6 h',
    current: false,
    sections: [section()],
    chartUrl: 'https://charts.example.com/c/abc123.png',
    chartAlt: 'Temperature in Room 4, last 6 h',
    actions: actions(3),
    ...overrides,
  };
}

export function overviewView(overrides: Partial<OverviewView> = {}): OverviewView {
  return {
    roomName: 'Boardroom',
    timeZone: OSLO,
    from: at('2026-11-16T00:00'),
    to: TO,
    rangeLabel: 'this week',
    lines: [
      { metricLabel: 'temperature', verdict: { level: 'good', text: 'Comfortable' }, value: '21.8 °C' },
      { metricLabel: 'TVOC', verdict: { level: 'poor', text: 'High in meetings' }, value: '720 ppb' },
      { metricLabel: 'people count', verdict: { level: 'none', text: 'No meetings' }, value: '0 people' },
    ],
    unsupported: ['No humidity sensor in this room'],
    bookedVsUsed: { booked: '12 h', used: '7 h 30 min', ghost: '4 h 30 min' },
    actions: actions(2),
    ...overrides,
  };
}

export function compareView(overrides: Partial<CompareView> = {}): CompareView {
  return {
    metricLabel: 'temperature',
    timeZone: OSLO,
    from: FROM,
    to: TO,
    rangeLabel: 'last 6 h',
    rows: [
      { roomName: 'Room 4', mean: '22.4 °C', max: '24.1 °C', verdict: { level: 'fair', text: 'Warm' } },
      {
        roomName: 'Room 40',
        mean: '21.2 °C',
        max: '22.0 °C',
        verdict: { level: 'good', text: 'Comfortable' },
      },
    ],
    chartUrl: 'https://charts.example.com/c/cmp.png',
    actions: actions(1),
    ...overrides,
  };
}

export function rankView(overrides: Partial<RankView> = {}): RankView {
  return {
    title: 'Warmest rooms',
    metricLabel: 'temperature',
    statLabel: 'mean',
    timeZone: OSLO,
    from: at('2026-11-16T00:00'),
    to: TO,
    rangeLabel: 'this week',
    rows: [
      { position: 1, roomName: 'Fjord', value: '24.6 °C' },
      { position: 2, roomName: 'Room 4', value: '22.4 °C' },
      { position: 2, roomName: 'Room 40', value: '22.4 °C' },
    ],
    noData: ['Lab 2.1'],
    actions: actions(2),
    ...overrides,
  };
}

export function manyRankRows(n: number): RankView['rows'] {
  return Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    roomName: `Room ${i + 1}`,
    value: `${(25 - i / 100).toFixed(1)} °C`,
  }));
}

export function roomsView(overrides: Partial<RoomsView> = {}): RoomsView {
  return {
    groups: [
      {
        location: 'Oslo HQ',
        floors: [
          {
            floor: 'Floor 1',
            rooms: [
              { name: 'Room 4', sensors: ['temperature', 'humidity', 'TVOC', 'people count'] },
              { name: 'Kitchen Open Area', sensors: [] },
            ],
          },
          { floor: 'Floor 2', rooms: [{ name: 'Boardroom', sensors: ['people count', 'sound level'] }] },
        ],
      },
      {
        location: 'Bergen Office',
        floors: [{ floor: 'Floor 3', rooms: [{ name: 'Fløyen', sensors: ['ambient noise'] }] }],
      },
    ],
    total: 4,
    actions: actions(1),
    ...overrides,
  };
}

/** `n` rooms over 5 locations and 4 floors each. */
export function manyRooms(n: number): RoomsView {
  const groups: RoomsView['groups'] = [];
  for (let i = 0; i < n; i++) {
    const location = `Site ${Math.floor(i / 200) + 1}`;
    const floor = `Floor ${Math.floor((i % 200) / 50) + 1}`;
    let group = groups.find((g) => g.location === location);
    if (!group) {
      group = { location, floors: [] };
      groups.push(group);
    }
    let fl = group.floors.find((f) => f.floor === floor);
    if (!fl) {
      fl = { floor, rooms: [] };
      group.floors.push(fl);
    }
    fl.rooms.push({ name: `Meeting room ${i + 1} — ørken`, sensors: ['temperature', 'humidity', 'TVOC'] });
  }
  return { groups, total: n, actions: [] };
}

export function helpView(n = 3): HelpView {
  return {
    examples: Array.from({ length: n }, (_, i) => ({
      title: `Example question ${i + 1}`,
      data: { kind: 'ask', text: `example ${i + 1}` },
    })),
  };
}

export function clarifyView(n = 3, overrides: Partial<ClarifyView> = {}): ClarifyView {
  return {
    question: 'Which room did you mean?',
    options: Array.from({ length: n }, (_, i) => ({
      title: `Room ${i + 1}`,
      data: { kind: 'followup', text: `Room ${i + 1}` },
    })),
    ...overrides,
  };
}

export function errorView(overrides: Partial<ErrorView> = {}): ErrorView {
  return { message: 'Webex could not answer (500).', trackingId: 'ROUTER_5F3C9A2B-1', ...overrides };
}

export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    kind: 'fire',
    ruleId: 'a3',
    ruleText: 'TVOC above 500 ppb',
    roomName: 'Fjord',
    workspaceId: 'ws-fjord',
    metricLabel: 'TVOC',
    value: '720 ppb',
    threshold: 'above 500 ppb',
    since: at('2026-11-18T09:40'),
    firedAt: at('2026-11-18T09:50'),
    timeZone: OSLO,
    chartUrl: 'https://charts.example.com/c/alert.png',
    ...overrides,
  };
}

export function reportRoom(name: string, overrides: Partial<ReportRoomView> = {}): ReportRoomView {
  return {
    name,
    verdict: { level: 'poor', text: 'High TVOC in meetings' },
    metrics: [
      {
        label: 'TVOC',
        mean: '420 ppb',
        min: '180 ppb',
        max: '910 ppb',
        verdict: { level: 'poor', text: 'High' },
        inBandShare: 0.62,
      },
      {
        label: 'temperature',
        mean: '22.4 °C',
        min: '20.1 °C',
        max: '24.3 °C',
        verdict: { level: 'good', text: 'Comfortable' },
        inBandShare: 0.95,
      },
      {
        label: 'humidity',
        mean: '31%',
        min: '24%',
        max: '38%',
        verdict: { level: 'fair', text: 'Dry' },
        inBandShare: 0.4,
      },
    ],
    peakPeople: 9,
    capacity: 8,
    bookedHours: 6,
    usedHours: 4.5,
    ...overrides,
  };
}

/** `n` rooms with long names, all metrics and bookings: the heaviest report. */
export function manyReportRooms(n: number): ReportRoomView[] {
  return Array.from({ length: n }, (_, i) =>
    reportRoom(`Meeting room ${i + 1} — ørken, the long one by the north stairs`),
  );
}

export function reportView(overrides: Partial<ReportView> = {}): ReportView {
  return {
    subscriptionId: 'r2',
    title: 'Daily room report',
    period: { from: at('2026-11-17T08:00'), to: at('2026-11-18T08:00') },
    timeZone: OSLO,
    rooms: [
      reportRoom('Fjord'),
      reportRoom('Room 4', {
        verdict: { level: 'good', text: 'Comfortable all day' },
        peakPeople: 3,
        capacity: 6,
        bookedHours: 2,
        usedHours: 2,
      }),
      reportRoom('Lab 2.1', { verdict: { level: 'none', text: '' }, metrics: [], noData: true }),
    ],
    chartUrl: 'https://charts.example.com/c/report.png',
    unit: 'celsius',
    ...overrides,
  };
}

export function alertRuleListView(overrides: Partial<AlertRuleListView> = {}): AlertRuleListView {
  return {
    timeZone: OSLO,
    asOf: at('2026-11-18T12:00'),
    rows: [
      {
        id: 'a3',
        text: 'TVOC above 500 ppb in Fjord, held 10 min',
        status: 'firing',
        rooms: [{ room: 'Fjord', status: 'firing', since: at('2026-11-18T09:40') }],
        muted: false,
      },
      { id: 'a4', text: 'Temperature below 18 °C in Room 4, held 15 min', status: 'normal', muted: true },
    ],
    ...overrides,
  };
}

export function reportListView(overrides: Partial<ReportListView> = {}): ReportListView {
  return {
    timeZone: OSLO,
    rows: [
      {
        id: 'r2',
        days: 'daily',
        time: '08:00',
        rooms: ['Room 4', 'Boardroom'],
        nextAt: at('2026-11-19T08:00'),
      },
      { id: 'r3', days: 'weekdays', time: '07:30', rooms: [], allRooms: true },
    ],
    ...overrides,
  };
}

export function confirmView(overrides: Partial<AutomationConfirmView> = {}): AutomationConfirmView {
  return {
    title: 'Report r2 scheduled',
    lines: ['Daily at 08:00 for Room 4 and Boardroom'],
    next: { label: 'Next report', at: at('2026-11-19T08:00') },
    timeZone: OSLO,
    actions: [{ title: 'Cancel report', data: { kind: 'report', op: 'cancel', reportId: 'r2' } }],
    ...overrides,
  };
}

/** "Delete alert a2?" with both buttons. */
export function askView(overrides: Partial<ConfirmView> = {}): ConfirmView {
  return {
    question: 'Delete alert a2?',
    items: ['a2 · TVOC above 500 ppb in Fjord, for 10 min, set up by Ingrid Berg'],
    note: 'It stops watching, and nobody in this space hears from it again.',
    confirmTitle: 'Delete a2',
    keepTitle: 'Keep it',
    action: { op: 'delete-alerts', ruleIds: ['a2'] },
    ...overrides,
  };
}
