import type { ReportDays } from '../model/automation';
import type { CardPayload } from '../model/card-actions';
import { dayOfMonthText, weekdayName } from '../model/report-cadence';
/**
 * Forms that set up an alert or a report (daily, weekdays, weekly or monthly) from a card (the same as saying it in chat): the
 * person picks rooms, a measurement, a condition or a time; the values come back in the submit.
 * Pure views; the bot validates what comes back like any other input.
 */
import {
  type AdaptiveCardJson,
  adaptiveCard,
  type CardElementJson,
  type ChoiceSetInputJson,
  type ShowCardActionJson,
  textBlock,
} from './adaptive-card';
import { cleanText, MAX_NAME_CHARS } from './text';

/** Rooms a form lists at most (a choice list of thousands is no help; people type those). */
export const MAX_FORM_ROOMS = 50;

/** The value that stands for every room in the rooms list. */
export const ALL_ROOMS_VALUE = 'all';

export interface FormRoom {
  id: string;
  name: string;
  /**
   * Where the room is, "Oslo HQ · Floor 2": AC 1.3 choice lists have no groups, so each title
   * leads with it ("Oslo HQ · Floor 2 · Fjord") and the list comes sorted by site, floor, name.
   */
  place?: string;
}

export interface AlertFormView {
  rooms: readonly FormRoom[];
  /** Measurements offered: value = the API's metric name, title = how people say it, with its unit. */
  metrics: readonly { value: string; title: string }[];
  /** Prefilled choices (an answer's "Set an alert" knows the room and the metric). */
  roomId?: string;
  metric?: string;
  /**
   * The units a threshold may be in, "°C, %, ppb, dBA, people" (°F in a Fahrenheit space): a
   * label cannot follow the measurement picked (AC 1.3), so it names them all.
   */
  thresholdUnits?: string;
}

export interface ReportFormView {
  rooms: readonly FormRoom[];
  roomId?: string;
  /** The space's zone, named next to the time. */
  timeZone: string;
  /** How often, chosen at first: the space's working days (weekdays unless it works weekends). */
  days?: ReportDays;
}

function roomChoices(rooms: readonly FormRoom[], selected: string | undefined): ChoiceSetInputJson {
  return {
    type: 'Input.ChoiceSet',
    id: 'rooms',
    label: 'Rooms',
    isMultiSelect: true,
    style: 'compact',
    isRequired: true,
    errorMessage: 'Pick at least one room.',
    choices: [
      { title: 'All rooms', value: ALL_ROOMS_VALUE },
      ...rooms.slice(0, MAX_FORM_ROOMS).map((r) => ({ title: roomTitle(r), value: r.id })),
    ],
    ...(selected ? { value: selected } : {}),
  };
}

/** "Oslo HQ · Floor 2 · Fjord" (plain text: choice titles are not markdown). */
function roomTitle(room: FormRoom): string {
  const name = cleanText(room.name, MAX_NAME_CHARS);
  const place = room.place === undefined ? '' : cleanText(room.place, MAX_NAME_CHARS);
  return place === '' ? name : `${place} · ${name}`;
}

function formCard(body: CardElementJson[], title: string, data: CardPayload): AdaptiveCardJson {
  return adaptiveCard(body, [{ type: 'Action.Submit', title, data }]);
}

/** "Set an alert": rooms, measurement, above/below/outside, threshold(s), hold minutes. */
export function alertForm(view: AlertFormView): AdaptiveCardJson {
  const units = view.thresholdUnits ? `: ${view.thresholdUnits}` : '';
  return formCard(
    [
      textBlock('Alert me when…', { weight: 'Bolder' }),
      roomChoices(view.rooms, view.roomId),
      {
        type: 'Input.ChoiceSet',
        id: 'metric',
        label: 'Measurement',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Pick a measurement.',
        choices: view.metrics.map((m) => ({ title: m.title, value: m.value })),
        value: view.metric ?? view.metrics[0]?.value ?? '',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'op',
        label: 'Condition',
        style: 'expanded',
        choices: [
          { title: 'goes above', value: 'above' },
          { title: 'drops below', value: 'below' },
          { title: 'leaves the range from … to …', value: 'outside' },
        ],
        value: 'above',
      },
      {
        type: 'Input.Number',
        id: 'value',
        label: `Threshold (in the measurement's unit${units})`,
        isRequired: true,
        errorMessage: 'Enter a number.',
      },
      { type: 'Input.Number', id: 'high', label: 'Upper end of the range (same unit; only for a range)' },
      {
        type: 'Input.Number',
        id: 'holdMinutes',
        label: 'For at least (minutes)',
        value: 10,
        min: 0,
        max: 1440,
      },
    ],
    'Set alert',
    { kind: 'alert-form' },
  );
}

/**
 * "New report": rooms, time (in the space's zone), how often (every day, weekdays, weekly,
 * monthly), and the weekday and day of the month. AC 1.3 cannot show an input only when another
 * has some value, so both are always there, their labels saying which reports they apply to; the
 * bot reads only the one the choice of how often needs.
 */
export function reportForm(view: ReportFormView): AdaptiveCardJson {
  return formCard(
    [
      textBlock('New report', { weight: 'Bolder' }),
      roomChoices(view.rooms, view.roomId),
      {
        type: 'Input.Time',
        id: 'time',
        label: `At (${cleanText(view.timeZone, 64)})`,
        value: '08:00',
        isRequired: true,
        errorMessage: 'Pick a time.',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'days',
        label: 'How often',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Pick how often.',
        choices: [
          { title: 'every day', value: 'daily' },
          { title: 'weekdays (Mon–Fri)', value: 'weekdays' },
          { title: 'weekly, on the weekday below', value: 'weekly' },
          { title: 'monthly, on the day of the month below', value: 'monthly' },
        ],
        value: view.days ?? 'weekdays',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'weekday',
        label: 'Weekday (weekly reports only)',
        style: 'compact',
        choices: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: weekdayName(d), value: String(d) })),
        value: '1',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'dayOfMonth',
        label: 'Day of the month (monthly reports only)',
        style: 'compact',
        choices: Array.from({ length: 31 }, (_, i) => ({
          title: dayOfMonthText(i + 1),
          value: String(i + 1),
        })),
        value: '1',
      },
    ],
    'Schedule report',
    { kind: 'report-form' },
  );
}

/** A button that opens a form inside the card (no message round trip). */
export function formButton(title: string, card: AdaptiveCardJson): ShowCardActionJson {
  return { type: 'Action.ShowCard', title, card };
}
