import { z } from 'zod';
import { METRIC_NAMES } from '../webex/wire';

/**
 * What our cards' buttons send back (`Action.Submit` data), validated: card inputs are untrusted.
 * - `followup`: a phrase continuing the person's last question (cards posted before buttons carried
 *   their request; setup ask-backs)
 * - `ask`: a whole new question (help examples)
 * - `rerun`: the card's own request again, with another window ("Last 7 days", "Overview of …"),
 *   answered for whoever presses it
 * - `choose`: an option of an ask-back, completing the request that asked back
 * - `csv`: the data of an answer as a file
 * - `alert`: acknowledge, snooze, mute or delete an alert rule / mark a false alarm (delete, and
 *   muting someone else's rule, only ask: they answer with a confirmation)
 * - `report`: send a report now, or cancel it (cancel only asks)
 * - `confirm`: the answer to such a confirmation, carrying the exact action it asked about
 * - `alert-form`, `report-form`: the values of the "New alert" / "New report" forms
 * - `settings-form`: the values of the settings card's form (comfort bands, working hours)
 */
const metricName = z.enum(METRIC_NAMES);
/** A multi-select of rooms: workspace ids (or "all") separated by commas. */
const roomList = z
  .string()
  .min(1, 'pick at least one room')
  .max(20_000)
  .transform((v) =>
    v
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(1).max(300)).min(1).max(200));
/** A form's rooms: none picked (an empty field) is no value, which the handler answers by name. */
const pickedRooms = z.preprocess((v) => (v === '' || v === null ? undefined : v), roomList.optional());

/**
 * The settings form's band fields, metric by metric: the input ids of the band's two numbers (in
 * the order `bandFrom` takes them) and how the answer names each field.
 */
export const SETTINGS_FORM_BANDS = {
  temperature: { ids: ['temperatureLow', 'temperatureHigh'], names: ['temperature low', 'temperature high'] },
  humidity: { ids: ['humidityLow', 'humidityHigh'], names: ['humidity low', 'humidity high'] },
  tvoc: { ids: ['tvocGood', 'tvocModerate'], names: ['TVOC good up to', 'TVOC moderate up to'] },
  ambientNoise: {
    ids: ['noiseGood', 'noiseFair'],
    names: ['ambient noise quiet up to', 'ambient noise fair up to'],
  },
} as const;
/**
 * The settings form's "back to the default" field: the bands picked (their keys, comma-separated)
 * go back to the deployment's, as "reset the humidity band" does; offered only for a space's own.
 */
export const SETTINGS_FORM_RESET = { id: 'resetBands', name: "Back to the deployment's default" } as const;
/**
 * A form field as the client sends it (text; numbers tolerated): read and checked by the handler,
 * which names the field in its answer (a schema failure could not say it as clearly).
 */
const formField = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v === null ? undefined : v),
  z.string().max(200).optional(),
);

const workspaceId = z.string().min(1).max(300);
/** The rooms a button names: up to 50 ids (card JSON stays small), or a scope for larger sets. */
const roomScope = {
  workspaceIds: z.array(workspaceId).max(50).default([]),
  allRooms: z.literal(true).optional(),
  floorId: workspaceId.optional(),
  locationId: workspaceId.optional(),
};
const instant = z.string().datetime({ offset: true });
const aggregation = z.enum(['none', 'hourly', 'daily']);
const unit = z.enum(['celsius', 'fahrenheit']);

const ruleId = z.string().regex(/^a\d{1,9}$/);
const reportId = z.string().regex(/^r\d{1,9}$/);

/**
 * What a confirmation asks about, exactly: the rules or reports it names, by id (for "delete all
 * alerts", the ones listed on the card, never rules set up after it was posted). Bounded by what
 * one space may hold.
 */
export const sharedActionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('delete-alerts'), ruleIds: z.array(ruleId).min(1).max(50) }),
  /** An alert offered from a comfort word ("overheats"), with the comfort limit as its threshold (API unit). */
  z.object({
    op: z.literal('create-alert'),
    metric: metricName,
    rooms: z.union([
      z.object({ all: z.literal(true) }),
      z.object({ workspaceIds: z.array(workspaceId).min(1).max(50) }),
    ]),
    condition: z.object({ op: z.enum(['above', 'below']), value: z.number().finite() }),
  }),
  z.object({ op: z.literal('mute-alert'), ruleId }),
  z.object({ op: z.literal('cancel-reports'), reportIds: z.array(reportId).min(1).max(20) }),
]);

/** The questions a button can ask again: the data intents. */
export const RERUN_INTENTS = [
  'query',
  'current',
  'overview',
  'compare',
  'rank',
  'utilisation',
  'problems',
] as const;
/**
 * Windows a button names relative to the press, a fixed window, or a stated start up to the press
 * (`since`: the card answered "since 8am"; its label is read from that instant, so a forged one can
 * only name itself). The plan bounds each.
 */
export const RELATIVE_WINDOWS = ['today', '24h', '7d'] as const;

/** A card's request, as its buttons carry it (validated again when pressed). */
export const cardRequestSchema = z.object({
  intent: z.enum(RERUN_INTENTS),
  metrics: z.array(z.enum([...METRIC_NAMES, 'timeUsed', 'timeBooked'])).max(8),
  ...roomScope,
  window: z.union([
    z.object({ last: z.enum(RELATIVE_WINDOWS) }),
    z.object({ from: instant, to: instant }),
    z.object({ since: instant }),
  ]),
  aggregation: aggregation.optional(),
  unit: unit.optional(),
  rank: z
    .object({
      stat: z.enum(['mean', 'max', 'min']),
      order: z.enum(['desc', 'asc']),
      limit: z.number().int().min(1).max(100),
    })
    .optional(),
  /** A utilisation answer's focus: least used share, most ghost time, or size against use. */
  utilisation: z.object({ focus: z.enum(['used', 'ghost', 'size']) }).optional(),
});

export const actionInputsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followup'), text: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('ask'), text: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('rerun'), request: cardRequestSchema }),
  z.object({
    kind: z.literal('choose'),
    text: z.string().trim().min(1).max(500),
    request: cardRequestSchema,
  }),
  z.object({
    kind: z.literal('csv'),
    /** The rooms: up to 50 ids, or a scope (every room, a floor, a site) for larger answers. */
    ...roomScope,
    metrics: z.array(metricName).min(1).max(6),
    from: instant,
    to: instant,
    aggregation,
    unit: unit.optional(),
  }),
  z.object({
    kind: z.literal('alert'),
    op: z.enum(['ack', 'snooze', 'mute', 'unmute', 'false-alarm', 'delete']),
    ruleId,
    workspaceId: z.string().min(1).max(300).optional(),
    hours: z.union([z.literal(1), z.literal(4), z.literal(24)]).optional(),
  }),
  /**
   * The "New alert" form: rooms, and its other fields as text, read and checked by the handler
   * like an alert asked for in chat, so a missing or bad field is answered by name.
   */
  z.object({
    kind: z.literal('alert-form'),
    rooms: pickedRooms,
    metric: formField,
    op: formField,
    value: formField,
    high: formField,
    holdMinutes: formField,
  }),
  /**
   * The "New report" form: rooms, and its other fields as text, read and checked by the handler
   * like a report asked for in chat, so a missing or bad field is answered by name. The form always
   * sends a weekday and a day of the month; only the one its `days` needs is read.
   */
  z.object({
    kind: z.literal('report-form'),
    rooms: pickedRooms,
    time: formField,
    days: formField,
    weekday: formField,
    dayOfMonth: formField,
  }),
  z.object({
    kind: z.literal('settings-form'),
    temperatureLow: formField,
    temperatureHigh: formField,
    humidityLow: formField,
    humidityHigh: formField,
    tvocGood: formField,
    tvocModerate: formField,
    noiseGood: formField,
    noiseFair: formField,
    resetBands: formField,
    /** The working days picked: ISO weekdays (1 Monday … 7 Sunday), comma-separated. */
    days: formField,
    start: formField,
    end: formField,
  }),
  z.object({
    kind: z.literal('report'),
    op: z.enum(['send-now', 'cancel']),
    reportId,
  }),
  z.object({
    kind: z.literal('confirm'),
    answer: z.enum(['confirm', 'keep']),
    action: sharedActionSchema,
  }),
]);

export type ActionInputs = z.infer<typeof actionInputsSchema>;
export type CsvInputs = Extract<ActionInputs, { kind: 'csv' }>;
export type RerunInputs = Extract<ActionInputs, { kind: 'rerun' }>;
export type ChooseInputs = Extract<ActionInputs, { kind: 'choose' }>;
/** A card's request as validated (rooms by id or scope, a window, the answer's settings). */
export type CardRequest = z.infer<typeof cardRequestSchema>;
/** A card's request as a card writes it. */
export type CardRequestPayload = z.input<typeof cardRequestSchema>;
export type AlertInputs = Extract<ActionInputs, { kind: 'alert' }>;
export type ReportInputs = Extract<ActionInputs, { kind: 'report' }>;
export type ConfirmInputs = Extract<ActionInputs, { kind: 'confirm' }>;
/** A destructive action on shared things, as a confirmation names it. */
export type SharedAction = z.infer<typeof sharedActionSchema>;
export type AlertFormInputs = Extract<ActionInputs, { kind: 'alert-form' }>;
export type ReportFormInputs = Extract<ActionInputs, { kind: 'report-form' }>;
export type SettingsFormInputs = Extract<ActionInputs, { kind: 'settings-form' }>;

/**
 * What a card's button sends (its `Action.Submit` data), as the card writes it: the same schema
 * the bot validates it with, so a card cannot send what the handler would refuse. A form's button
 * sends only its kind; the form's inputs fill in the rest.
 */
export type CardPayload =
  | Exclude<z.input<typeof actionInputsSchema>, { kind: 'alert-form' | 'report-form' | 'settings-form' }>
  | { kind: 'alert-form' | 'report-form' | 'settings-form' };
