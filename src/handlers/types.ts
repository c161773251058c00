import type { Logger } from 'pino';
import type { ChartRenderer } from '../charts';
import type { Directory, ParsedRequest } from '../language';
import type { ComfortBands } from '../metrics';
import type { Reply, ReportSubscription, SpaceSettings } from '../model';
import type { AnswerLimits } from '../plan/limits';
import type { AnswerPlan, PlanContext } from '../plan/plan-answer';
import type { RoomMetricData } from '../readings/read-room-metrics';
import type { Store } from '../store';
import type { WebexClient } from '../webex/client';

export type { Reply, SpaceSettings };

/** Everything a handler may use. I/O goes through `webex` and `charts` only. */
export interface HandlerContext {
  request: ParsedRequest;
  /** The text as the person typed it (mention stripped). */
  text: string;
  space: SpaceSettings & { roomId: string };
  person: { id: string; email: string };
  /**
   * A person's display name ("Ingrid Berg") by person id — the one asking, or whoever set up a
   * rule — as Webex shows it; `fallback` (say, their email) when Webex cannot say. Result lines,
   * confirmations and alert lists name people by it, never by email.
   */
  displayName: (personId: string, fallback: string) => Promise<string>;
  directory: Directory;
  webex: WebexClient;
  charts: ChartRenderer;
  /** The comfort bands of this space: the deployment's, with the space's own over them. */
  bands: ComfortBands;
  /** The deployment's comfort bands (COMFORT_BANDS), what a space's own band goes back to. */
  deploymentBands: ComfortBands;
  now: () => number;
  log: Logger;
  /** The plan's context: directory with capabilities, space settings, the clock's now, limits. */
  planContext: PlanContext;
  limits: AnswerLimits;
  /** Reads a plan's series (through the readings cache; long reads show progress). */
  read: (plan: AnswerPlan) => Promise<RoomMetricData[]>;
  /** Saves new space settings (time zone, unit, working hours, own comfort bands). */
  saveSpaceSettings: (settings: Partial<SpaceSettings>) => Promise<unknown>;
  /** Report subscriptions, alert rules and their state. */
  store: Store;
  automation: AutomationControl;
}

/** What handlers may ask of the scheduler. */
export interface AutomationControl {
  /** Looks at a new rule at once (an alert already due is posted within seconds). */
  evaluateRuleNow(ruleId: string): void;
  /** Posts a report now, outside its schedule. */
  sendReportNow(report: ReportSubscription): Promise<void>;
}

export type Handler = (context: HandlerContext) => Promise<Reply | Reply[]>;
