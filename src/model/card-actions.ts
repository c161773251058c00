import { z } from 'zod';
import { METRIC_NAMES } from '../webex/wire';

/**
 * What our cards' buttons send back (`Action.Submit` data), validated: card inputs are untrusted.
 * - `followup`: a phrase continuing the last question ("last 7 days", a room chosen in a clarification)
 * - `ask`: a whole new question (help examples)
 * - `csv`: the data of an answer as a file
 * - `alert`: acknowledge, snooze, mute or delete an alert rule / mark a false alarm
 * - `report`: send a report now, or cancel it
 * - `alert-form`, `report-form`: the values of the "New alert" / "New report" forms
 */
const metricName = z.enum(METRIC_NAMES);
/** A form's number: clients send input values as text; an empty field is no value. */
const fromText = (v: unknown) =>
  v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v;
const formNumber = z.preprocess(fromText, z.number().finite());
const optionalFormNumber = z.preprocess(fromText, z.number().finite().optional());
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

export const actionInputsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followup'), text: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('ask'), text: z.string().trim().min(1).max(500) }),
  z.object({
    kind: z.literal('csv'),
    /** The rooms: up to 50 ids, or a scope (every room, a floor, a site) for larger answers. */
    workspaceIds: z.array(z.string().min(1).max(300)).max(50).default([]),
    allRooms: z.literal(true).optional(),
    floorId: z.string().min(1).max(300).optional(),
    locationId: z.string().min(1).max(300).optional(),
    metrics: z.array(metricName).min(1).max(6),
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    aggregation: z.enum(['none', 'hourly', 'daily']),
    unit: z.enum(['celsius', 'fahrenheit']).optional(),
  }),
  z.object({
    kind: z.literal('alert'),
    op: z.enum(['ack', 'snooze', 'mute', 'unmute', 'false-alarm', 'delete']),
    ruleId: z.string().regex(/^a\d{1,9}$/),
    workspaceId: z.string().min(1).max(300).optional(),
    hours: z.union([z.literal(1), z.literal(4), z.literal(24)]).optional(),
  }),
  z.object({
    kind: z.literal('alert-form'),
    rooms: roomList,
    metric: metricName,
    op: z.enum(['above', 'below', 'outside']),
    value: formNumber,
    high: optionalFormNumber,
    holdMinutes: z.preprocess(fromText, z.number().int().min(0).max(1440).optional()),
  }),
  z.object({
    kind: z.literal('report-form'),
    rooms: roomList,
    time: z.string().regex(/^\d{1,2}:\d{2}$/, 'a time of day, HH:MM'),
    days: z.enum(['daily', 'weekdays']),
  }),
  z.object({
    kind: z.literal('report'),
    op: z.enum(['send-now', 'cancel']),
    reportId: z.string().regex(/^r\d{1,9}$/),
  }),
]);

export type ActionInputs = z.infer<typeof actionInputsSchema>;
export type CsvInputs = Extract<ActionInputs, { kind: 'csv' }>;
export type AlertInputs = Extract<ActionInputs, { kind: 'alert' }>;
export type ReportInputs = Extract<ActionInputs, { kind: 'report' }>;
export type AlertFormInputs = Extract<ActionInputs, { kind: 'alert-form' }>;
export type ReportFormInputs = Extract<ActionInputs, { kind: 'report-form' }>;

/**
 * What a card's button sends (its `Action.Submit` data), as the card writes it: the same schema
 * the bot validates it with, so a card cannot send what the handler would refuse. A form's button
 * sends only its kind; the form's inputs fill in the rest.
 */
export type CardPayload =
  | Exclude<z.input<typeof actionInputsSchema>, { kind: 'alert-form' | 'report-form' }>
  | { kind: 'alert-form' | 'report-form' };
