import { z } from 'zod';
import {
  type AlertRule,
  type AlertState,
  REPORT_DAYS,
  type ReportSubscription,
  type RoomSelection,
} from '../model';
import { type ComfortBands, validBands } from '../model/comfort-bands';
import { cadenceProblem } from '../model/report-cadence';
import type { SpaceSettings } from '../model/space-settings';
import { type Weekday, type WorkingHours, workingHoursProblem } from '../model/working-hours';
import { METRIC_NAMES } from '../webex/wire';
import { type AlertRulePatch, type PostRecord, type Store, StoreError } from './store';

/**
 * How domain values map to table rows and back. Values are validated on the way in (a bug fails
 * at the write, not at some later read) and on the way out (a hand-edited or damaged row gives a
 * StoreError naming the table and row, not a TypeError deep inside the scheduler).
 */

/** What a column holds as far as the driver is concerned. */
export type SqlValue = string | number | null;

/**
 * Column name and encoder for EVERY field of a domain type (`Required` makes optional fields
 * mandatory here): adding a field to a domain type fails to compile until it is mapped.
 */
export type Columns<T> = { [K in keyof Required<T>]: [column: string, encode: (value: T[K]) => SqlValue] };

const text = (value: string | undefined): SqlValue => value ?? null;
const num = (value: number | undefined): SqlValue => value ?? null;
const bool = (value: boolean | undefined): SqlValue => (value === undefined ? null : value ? 1 : 0);
const json = (value: unknown): SqlValue => (value === undefined ? null : JSON.stringify(value));

export const REPORT_COLUMNS: Columns<ReportSubscription> = {
  id: ['id', text],
  roomId: ['room_id', text],
  rooms: ['rooms', json],
  time: ['time', text],
  days: ['days', text],
  weekday: ['weekday', num],
  dayOfMonth: ['day_of_month', num],
  createdBy: ['created_by', json],
  createdAt: ['created_at', num],
};

export const ALERT_RULE_COLUMNS: Columns<AlertRule> = {
  id: ['id', text],
  roomId: ['room_id', text],
  metric: ['metric', text],
  rooms: ['rooms', json],
  condition: ['condition', json],
  holdMs: ['hold_ms', num],
  hysteresis: ['hysteresis', num],
  renotifyMs: ['renotify_ms', num],
  quietHours: ['quiet_hours', json],
  muted: ['muted', bool],
  createdBy: ['created_by', json],
  createdAt: ['created_at', num],
};

export const ALERT_STATE_COLUMNS: Columns<AlertState> = {
  ruleId: ['rule_id', text],
  workspaceId: ['workspace_id', text],
  status: ['status', text],
  conditionSince: ['condition_since', num],
  firedAt: ['fired_at', num],
  firedValue: ['fired_value', num],
  lastValue: ['last_value', num],
  lastReadingAt: ['last_reading_at', num],
  lastNotifiedAt: ['last_notified_at', num],
  alertMessageId: ['alert_message_id', text],
  acknowledgedBy: ['acknowledged_by', text],
  acknowledgedAt: ['acknowledged_at', num],
  snoozedUntil: ['snoozed_until', num],
  falseAlarm: ['false_alarm', bool],
};

/** Rule fields `updateAlertRule` may change (the rest identify the rule or record its origin). */
export const MUTABLE_RULE_FIELDS = [
  'muted',
  'holdMs',
  'hysteresis',
  'renotifyMs',
  'quietHours',
  'condition',
] as const satisfies readonly (keyof AlertRulePatch)[];

/**
 * The rule after `patch` (spread semantics, see `Store.updateAlertRule`), validated. Only the
 * mutable fields are taken, even if the caller's object carries more (an id, a roomId).
 */
export function patchAlertRule(current: AlertRule, patch: AlertRulePatch): AlertRule {
  const changes = Object.fromEntries(
    MUTABLE_RULE_FIELDS.filter((field) => field in patch).map((field) => [field, patch[field]]),
  );
  return checkAlertRule({ ...current, ...changes });
}

/**
 * The exclusive upper bound of the keys starting with `prefix` in binary (code point) order:
 * U+10FFFF sorts after every other character, so [prefix, upper) holds them all (except one whose
 * next character is U+10FFFF itself, a noncharacter). Lets a prefix search use the key's index.
 */
export const prefixUpperBound = (prefix: string): string => `${prefix}\u{10FFFF}`;

/** How many memos `listMemos` returns when the caller gives no limit. */
export const MEMO_LIST_LIMIT = 500;

/** The named parameters (`@column`) of one row. */
export function toParams<T>(columns: Columns<T>, value: T): Record<string, SqlValue> {
  const params: Record<string, SqlValue> = {};
  for (const key of Object.keys(columns) as (keyof T)[]) {
    const [column, encode] = columns[key];
    params[column] = encode(value[key]);
  }
  return params;
}

/** The column names of a mapping, in order. */
export function columnNames<T>(columns: Columns<T>): string[] {
  return Object.values<[string, unknown]>(columns).map(([column]) => column);
}

// --- Domain values -------------------------------------------------------------------------------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');
const millis = z.number().int();
const id = z.string().min(1);

const creatorSchema = z.object({ personId: z.string(), email: z.string() });

const roomsSchema: z.ZodType<RoomSelection> = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ all: z.literal(false).optional(), workspaceIds: z.array(z.string()) }),
]);

const conditionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['above', 'below']), value: z.number() }),
  z.object({ op: z.literal('outside'), low: z.number(), high: z.number() }),
  // "Unusual for this room": the band's widening after false alarms is kept here (no migration).
  z.object({
    op: z.literal('unusual'),
    widen: z.number().min(1).optional(),
    falseAlarms: z.number().int().nonnegative().optional(),
  }),
  z.object({ op: z.literal('quiet'), afterMs: millis.positive() }),
]);

const quietHoursSchema = z.object({ from: hhmm, to: hhmm });

const workingHoursSchema: z.ZodType<WorkingHours> = z
  .object({
    days: z.array(
      z
        .number()
        .int()
        .min(1)
        .max(7)
        .transform((d) => d as Weekday),
    ),
    start: z.string(),
    end: z.string(),
  })
  .superRefine((hours, ctx) => {
    const problem = workingHoursProblem(hours);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const pair = <A extends string, B extends string>(a: A, b: B) =>
  z.object({ [a]: z.number(), [b]: z.number() } as Record<A | B, z.ZodNumber>);

const comfortBandsSchema: z.ZodType<Partial<ComfortBands>> = z
  .object({
    temperature: pair('low', 'high').optional(),
    humidity: pair('low', 'high').optional(),
    tvoc: pair('good', 'moderate').optional(),
    ambientNoise: pair('good', 'fair').optional(),
  })
  .strict()
  .refine((bands) => validBands(bands as Partial<ComfortBands>), 'a band is out of range or upside down')
  .transform((bands) => compact(bands) as Partial<ComfortBands>);

const spaceSettingsSchema: z.ZodType<SpaceSettings> = z.object({
  timeZone: z.string().min(1),
  unit: z.enum(['celsius', 'fahrenheit']),
  workingHours: workingHoursSchema.optional(),
  comfortBands: comfortBandsSchema.optional(),
});

const reportDays = z.enum(REPORT_DAYS);
const weekdayNumber = z.number().int().min(1).max(7);
const dayOfMonthNumber = z.number().int().min(1).max(31);

const reportSchema: z.ZodType<ReportSubscription> = z
  .object({
    id,
    roomId: id,
    rooms: roomsSchema,
    time: hhmm,
    days: reportDays,
    weekday: weekdayNumber.optional(),
    dayOfMonth: dayOfMonthNumber.optional(),
    createdBy: creatorSchema,
    createdAt: millis,
  })
  .superRefine((r, ctx) => {
    const issue = cadenceProblem(r);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['days'] });
  });

const alertRuleSchema: z.ZodType<AlertRule> = z.object({
  id,
  roomId: id,
  metric: z.enum(METRIC_NAMES),
  rooms: roomsSchema,
  condition: conditionSchema,
  holdMs: millis.nonnegative(),
  hysteresis: z.number().nonnegative(),
  renotifyMs: millis.nonnegative(),
  quietHours: quietHoursSchema.optional(),
  muted: z.boolean(),
  createdBy: creatorSchema,
  createdAt: millis,
});

const alertStateSchema: z.ZodType<AlertState> = z.object({
  ruleId: id,
  workspaceId: id,
  status: z.enum(['normal', 'pending', 'firing']),
  conditionSince: millis.optional(),
  firedAt: millis.optional(),
  firedValue: z.number().optional(),
  lastValue: z.number().optional(),
  lastReadingAt: millis.optional(),
  lastNotifiedAt: millis.optional(),
  alertMessageId: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: millis.optional(),
  snoozedUntil: millis.optional(),
  falseAlarm: z.boolean().optional(),
});

/** Checks a value before it is written; a failure is a bug in the caller, reported as such. */
function checked<T extends object>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return compact(result.data);
  throw new StoreError('invalid-input', `Cannot save ${what}: ${describeIssue(result.error)}.`);
}

export const checkSpaceSettings = (value: SpaceSettings) =>
  checked('space settings', spaceSettingsSchema, value);
export const checkReport = (value: ReportSubscription) => checked('report', reportSchema, value);
export const checkAlertRule = (value: AlertRule) => checked('alert rule', alertRuleSchema, value);
export const checkAlertState = (value: AlertState) => checked('alert state', alertStateSchema, value);

// --- Rows read back ----------------------------------------------------------------------------

/** A JSON text column holding a value of `schema`. */
const jsonColumn = <T>(schema: z.ZodType<T>) =>
  z
    .string()
    .transform((raw, ctx): unknown => {
      try {
        return JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const flag = z.literal([0, 1]).transform((value) => value === 1);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** Drops keys whose value is undefined, so read-back objects equal what was saved. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const spaceSettingsRow = z
  .object({
    time_zone: z.string().min(1),
    unit: z.enum(['celsius', 'fahrenheit']),
    working_hours: jsonColumn(workingHoursSchema).nullable(),
    comfort_bands: jsonColumn(comfortBandsSchema).nullable(),
  })
  .transform(
    (r): SpaceSettings => ({
      timeZone: r.time_zone,
      unit: r.unit,
      ...(r.working_hours ? { workingHours: r.working_hours } : {}),
      ...(r.comfort_bands ? { comfortBands: r.comfort_bands } : {}),
    }),
  );

/** The JSON columns of space settings (NULL: the default). */
export function spaceSettingsJson(settings: SpaceSettings): {
  workingHours: SqlValue;
  comfortBands: SqlValue;
} {
  return { workingHours: json(settings.workingHours), comfortBands: json(settings.comfortBands) };
}

const reportRow = z
  .object({
    id,
    room_id: id,
    rooms: jsonColumn(roomsSchema),
    time: hhmm,
    days: reportDays,
    // NULL in rows written before step 6 (daily and weekday reports only).
    weekday: weekdayNumber.nullable().optional(),
    day_of_month: dayOfMonthNumber.nullable().optional(),
    created_by: jsonColumn(creatorSchema),
    created_at: millis,
  })
  .transform(
    (r): ReportSubscription =>
      compact({
        id: r.id,
        roomId: r.room_id,
        rooms: r.rooms,
        time: r.time,
        days: r.days,
        weekday: orUndefined(r.weekday ?? null),
        dayOfMonth: orUndefined(r.day_of_month ?? null),
        createdBy: r.created_by,
        createdAt: r.created_at,
      }),
  )
  .superRefine((r, ctx) => {
    const issue = cadenceProblem(r);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['days'] });
  });

const alertRuleRow = z
  .object({
    id,
    room_id: id,
    metric: z.enum(METRIC_NAMES),
    rooms: jsonColumn(roomsSchema),
    condition: jsonColumn(conditionSchema),
    hold_ms: millis.nonnegative(),
    hysteresis: z.number().nonnegative(),
    renotify_ms: millis.nonnegative(),
    quiet_hours: jsonColumn(quietHoursSchema).nullable(),
    muted: flag,
    created_by: jsonColumn(creatorSchema),
    created_at: millis,
  })
  .transform(
    (r): AlertRule =>
      compact({
        id: r.id,
        roomId: r.room_id,
        metric: r.metric,
        rooms: r.rooms,
        condition: r.condition,
        holdMs: r.hold_ms,
        hysteresis: r.hysteresis,
        renotifyMs: r.renotify_ms,
        quietHours: orUndefined(r.quiet_hours),
        muted: r.muted,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }),
  );

const alertStateRow = z
  .object({
    rule_id: id,
    workspace_id: id,
    status: z.enum(['normal', 'pending', 'firing']),
    condition_since: millis.nullable(),
    fired_at: millis.nullable(),
    fired_value: z.number().nullable(),
    last_value: z.number().nullable(),
    last_reading_at: millis.nullable(),
    last_notified_at: millis.nullable(),
    alert_message_id: z.string().nullable(),
    acknowledged_by: z.string().nullable(),
    acknowledged_at: millis.nullable(),
    snoozed_until: millis.nullable(),
    false_alarm: flag.nullable(),
  })
  .transform(
    (r): AlertState =>
      compact({
        ruleId: r.rule_id,
        workspaceId: r.workspace_id,
        status: r.status,
        conditionSince: orUndefined(r.condition_since),
        firedAt: orUndefined(r.fired_at),
        firedValue: orUndefined(r.fired_value),
        lastValue: orUndefined(r.last_value),
        lastReadingAt: orUndefined(r.last_reading_at),
        lastNotifiedAt: orUndefined(r.last_notified_at),
        alertMessageId: orUndefined(r.alert_message_id),
        acknowledgedBy: orUndefined(r.acknowledged_by),
        acknowledgedAt: orUndefined(r.acknowledged_at),
        snoozedUntil: orUndefined(r.snoozed_until),
        falseAlarm: orUndefined(r.false_alarm),
      }),
  );

const postRow = z
  .object({
    key: z.string(),
    claimed_at: millis,
    message_id: z.string().nullable(),
    info: z.string().nullable(),
  })
  .transform(
    (r): PostRecord =>
      compact({
        key: r.key,
        claimedAt: r.claimed_at,
        messageId: orUndefined(r.message_id),
        info: orUndefined(r.info),
      }),
  );

/** A heartbeat as `liveProcesses` returns it. */
type LiveProcess = Awaited<ReturnType<Store['liveProcesses']>>[number];
/** A delivery as `unfinishedDeliveries` returns it. */
type UnfinishedDelivery = Awaited<ReturnType<Store['unfinishedDeliveries']>>[number];

const processRow = z
  .object({ boot: z.string(), beat_at: millis, info: z.string().nullable() })
  .transform((r): LiveProcess => compact({ boot: r.boot, at: r.beat_at, info: orUndefined(r.info) }));

const unfinishedDeliveryRow = z
  .object({ key: z.string(), posting_at: millis.nullable() })
  .transform((r): UnfinishedDelivery => ({ key: r.key, posting: r.posting_at !== null }));

/** A table, the columns that identify its rows (for messages) and how to read a row. */
interface RowReader<T> {
  table: string;
  keys: readonly string[];
  schema: z.ZodType<T>;
}

export const ROWS = {
  spaceSettings: { table: 'space_settings', keys: ['room_id'], schema: spaceSettingsRow },
  report: { table: 'reports', keys: ['id'], schema: reportRow },
  alertRule: { table: 'alert_rules', keys: ['id'], schema: alertRuleRow },
  alertState: { table: 'alert_states', keys: ['rule_id', 'workspace_id'], schema: alertStateRow },
  post: { table: 'posts', keys: ['key'], schema: postRow },
  process: { table: 'processes', keys: ['boot'], schema: processRow },
  unfinishedDelivery: { table: 'deliveries', keys: ['key'], schema: unfinishedDeliveryRow },
} satisfies Record<string, RowReader<unknown>>;

/** Reads one row; a row that does not fit gives a StoreError naming the table, row and column. */
export function readRow<T>(reader: RowReader<T>, row: unknown): T {
  const result = reader.schema.safeParse(row);
  if (result.success) return result.data;
  const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const which = reader.keys.map((key) => `${key} ${String(record[key])}`).join(', ');
  throw new StoreError(
    'corrupt-row',
    `The row of table ${reader.table} with ${which} cannot be read: ${describeIssue(result.error)}. ` +
      'Correct or delete that row (e.g. with the sqlite3 tool, or psql for PostgreSQL), or restore a backup.',
  );
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
