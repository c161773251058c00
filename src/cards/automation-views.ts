import type { ReportDays } from '../model/automation';
import type { CardPayload } from '../model/card-actions';
/**
 * View models of what runs on its own: threshold alerts, daily room reports, the lists of both
 * and the confirmations of changes to them. Plain data, as in `view-models.ts`: values arrive as
 * display strings with units ("720 ppb"), instants as epoch ms formatted by the card in
 * `timeZone` (an IANA zone), and names (rooms, people, rule texts) as raw text the cards escape.
 */
import type { AdaptiveCardJson } from './adaptive-card';
import type { CardAction, Verdict } from './view-models';

/** The snoozes an alert card offers, in hours. */
export const SNOOZE_HOURS = [1, 4, 24] as const;
export type SnoozeHours = (typeof SNOOZE_HOURS)[number];

/**
 * The `Action.Submit` data of the alert buttons (to be validated by the bot: card inputs are
 * untrusted). `ack`, `snooze`, `mute` and `false-alarm` come from an alert card and name the
 * workspace the alert is about; `delete` comes from the list of rules.
 */
export type AlertActionData = Extract<CardPayload, { kind: 'alert' }>;

/** The `Action.Submit` data of the report buttons (the last report card and the list of reports). */
export type ReportActionData = Extract<CardPayload, { kind: 'report' }>;

/** The exact action a confirmation asks about (both of its buttons carry it). */
export type SharedActionData = Extract<CardPayload, { kind: 'confirm' }>['action'];

/** One alert message: it fired, it is still firing (a reminder), or it is back to normal. */
export interface AlertView {
  kind: 'fire' | 'renotify' | 'resolve';
  /** "a3" */
  ruleId: string;
  /** The rule in words: "TVOC above 500 ppb" (untrusted: escaped). */
  ruleText: string;
  roomName: string;
  workspaceId: string;
  /** "TVOC" */
  metricLabel: string;
  /** The reading, formatted with its unit: "720 ppb" (resolve: the reading back to normal). */
  value: string;
  /** The side of the threshold that fired: "above 500 ppb", "outside 30–60 %". */
  threshold: string;
  /** When the condition started to hold (epoch ms): the first reading past the threshold. */
  since: number;
  /**
   * The condition held already at `since`, as far back as the bot looks (`lookBackDays`): it may
   * have started earlier ("since Wed 11 Nov 14:05 or earlier").
   */
  sinceAtLeast?: boolean;
  lookBackDays?: number;
  /** When the alert fired (epoch ms). */
  firedAt?: number;
  /** The time of the reading the card reports (epoch ms): times on another day show their day. */
  at?: number;
  /** When it came back to normal (epoch ms); the resolve card shows how long it lasted. */
  resolvedAt?: number;
  timeZone: string;
  chartUrl?: string;
  /** Snoozed until this instant (epoch ms). */
  snoozedUntil?: number;
  /** Who acknowledged it (a display name); the card then offers no Acknowledge button. */
  acknowledgedBy?: string;
  /**
   * What happened, in words, instead of "<metric> in <room> is <value>": "Fjord is 3.1 °C warmer
   * than a usual Tuesday afternoon here (usual 21.2 °C)", "No reading from Focus Booth 1 since …".
   */
  statement?: string;
  /** Lines about the rule itself: "Band widened ×1.5 after 1 false alarm". */
  ruleNotes?: string[];
}

/** One room of a report. */
export interface ReportRoomView {
  name: string;
  verdict: Verdict;
  metrics: ReportMetricView[];
  /** The most people counted at once. */
  peakPeople?: number;
  /** Seats (the workspace's capacity). */
  capacity?: number;
  bookedHours?: number;
  usedHours?: number;
  /** No readings in the period: the room reads "no data for this period". */
  noData?: boolean;
}

export interface ReportMetricView {
  /** "temperature" */
  label: string;
  /** Formatted with units: "22.4 °C". */
  mean: string;
  min: string;
  max: string;
  verdict: Verdict;
  /** Share of working hours inside the comfort band, 0..1. */
  inBandShare?: number;
}

/** A daily report, posted by its subscription. */
export interface ReportView {
  /** "r2" */
  subscriptionId: string;
  /** "Daily room report" */
  title: string;
  /** The period the report covers (epoch ms). */
  period: { from: number; to: number };
  timeZone: string;
  /**
   * Posted late because the bot was offline at the slot: how late, and (when known) the slot
   * (epoch ms) to name in "the bot was offline at 08:00".
   */
  late?: { minutes: number; slotAt?: number };
  /** Slots (epoch ms) whose reports were missed and are not sent. */
  skipped?: number[];
  /** Already sorted, worst first. */
  rooms: ReportRoomView[];
  /** One chart, shown on the first card. */
  chartUrl?: string;
  /** The temperature unit the values are formatted in (named in the footnote). */
  unit: 'celsius' | 'fahrenheit';
  /** The working hours comfort was judged in, "Mon–Fri 08:00–17:00" (named once, with the zone). */
  workingHours?: string;
  /**
   * "Needs attention": rooms outside their comfort band in working hours and sensors that went
   * quiet, worst first, each line with since when (times in the report's zone); absent or empty
   * when all is fine (the section is then left out).
   */
  attention?: ReportAttentionView;
}

export interface ReportAttentionView {
  rows: { roomName: string; lines: { text: string; level: 'problem' | 'quiet' }[] }[];
  /** Rooms with something to say beyond `rows`. */
  more: number;
}

/** One alert rule in the list of rules. */
export interface AlertRuleRowView {
  /** "a3" */
  id: string;
  /** "TVOC above 500 ppb in Fjord, held 10 min" (untrusted: escaped). */
  text: string;
  /** `pending`/`firing` in any of its rooms (firing wins), else `normal`. */
  status: 'normal' | 'pending' | 'firing';
  /** The rooms where it is pending or firing, in the order shown (firing first, oldest first). */
  rooms?: AlertRoomStateView[];
  muted: boolean;
}

/** Where one rule stands in one room: since when, and what people did about it. */
export interface AlertRoomStateView {
  /** The room's name (untrusted: escaped). */
  room: string;
  status: 'pending' | 'firing';
  /** When the condition started to hold (epoch ms). */
  since?: number;
  /** Who acknowledged it (a display name; untrusted), and when (epoch ms). */
  acknowledgedBy?: string;
  acknowledgedAt?: number;
  /** Snoozed until this instant (epoch ms; only when still ahead). */
  snoozedUntil?: number;
  /** Marked a false alarm (by `acknowledgedBy`, at `acknowledgedAt`). */
  falseAlarm?: boolean;
}

export interface AlertRuleListView {
  timeZone: string;
  /** A "New alert" form (see `alertForm`), offered as a button that opens it. */
  form?: AdaptiveCardJson;
  /** When the list was made (epoch ms): times on that local day show only the clock. */
  asOf?: number;
  rows: AlertRuleRowView[];
}

/** One report subscription in the list of reports. */
export interface ReportRowView {
  /** "r2" */
  id: string;
  days: ReportDays;
  /** Weekly: 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /** Monthly: 1–31. */
  dayOfMonth?: number;
  /** Local time of day in the list's zone, `HH:MM`. */
  time: string;
  /** Room names (untrusted: escaped); empty with `allRooms`. */
  rooms: string[];
  /** Every room, including rooms added later. */
  allRooms?: boolean;
  /** The next report (epoch ms). */
  nextAt?: number;
}

export interface ReportListView {
  timeZone: string;
  /** A "New report" form (see `reportForm`), offered as a button that opens it. */
  form?: AdaptiveCardJson;
  rows: ReportRowView[];
}

/** "Alert a3 set", "Report r2 scheduled", "Deleted": a title, a few lines, maybe buttons. */
export interface AutomationConfirmView {
  /** "Alert a3 set" */
  title: string;
  /** "TVOC above 500 ppb in Fjord, held 10 min" (each untrusted: escaped). */
  lines: string[];
  /** The next run, shown "Next report: Mon 30 Nov 08:00 (Europe/Oslo)" (needs `timeZone`). */
  next?: { label: string; at: number };
  timeZone?: string;
  /** At most five become buttons. */
  actions: CardAction[];
}

/**
 * A question before removing or silencing what the space shares: what will go, named, and two
 * buttons — confirm (acts only if it still exists here) and keep (changes nothing).
 */
export interface ConfirmView {
  /** "Delete alert a2?" (untrusted: escaped). */
  question: string;
  /** What it acts on, one line each: "a2 · TVOC above 500 ppb in Fjord, set up by Ingrid Berg" (untrusted). */
  items: string[];
  /** What it means: "Nobody in this space hears from it again." */
  note?: string;
  /** The confirm button's title: "Delete a2" (plain text). */
  confirmTitle: string;
  /** The keep button's title: "Keep". */
  keepTitle: string;
  /** What the confirm button does, exactly. */
  action: SharedActionData;
}
