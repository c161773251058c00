import type { Intent } from '../language';
import type { ActionInputs } from '../model/card-actions';
import { answerMetrics } from './answer-metrics';
import { askBack } from './ask-back';
import { automationAction } from './automation-actions';
import { cancelReport } from './cancel-report';
import { changeSettings } from './change-settings';
import { changeSettingsFromForm } from './change-settings-form';
import { checkSensors } from './check-sensors';
import { compareRooms } from './compare-rooms';
import { createAlert } from './create-alert';
import { deleteAlert } from './delete-alert';
import { listAlerts } from './list-alerts';
import { listReports } from './list-reports';
import { listRooms } from './list-rooms';
import { notUnderstood } from './not-understood';
import { rankRooms } from './rank-rooms';
import { chooseOption, rerunRequest } from './rerun-request';
import { sendCsv } from './send-csv';
import { showHelp } from './show-help';
import { showOverview } from './show-overview';
import { showProblems } from './show-problems';
import { showUtilisation } from './show-utilisation';
import { subscribeReport } from './subscribe-report';
import type { Handler, HandlerContext, Reply } from './types';

/** One handler per intent, registered in one place; `clarify` answers any request that asks back. */
export const HANDLERS: Readonly<Record<Intent | 'clarify', Handler>> = {
  query: answerMetrics,
  current: answerMetrics,
  overview: showOverview,
  compare: compareRooms,
  rank: rankRooms,
  rooms: listRooms,
  health: checkSensors,
  utilisation: showUtilisation,
  problems: showProblems,
  help: showHelp,
  settings: changeSettings,
  'alert.create': createAlert,
  'alert.list': listAlerts,
  'alert.delete': deleteAlert,
  'report.subscribe': subscribeReport,
  'report.list': listReports,
  'report.cancel': cancelReport,
  unknown: notUnderstood,
  clarify: askBack,
};

/** What a card button does, by the payload's kind (payloads are validated before they get here). */
export type ActionHandler<K extends ActionInputs['kind']> = (
  ctx: HandlerContext,
  inputs: Extract<ActionInputs, { kind: K }>,
) => Promise<Reply | Reply[]>;

/**
 * One handler per card-button kind. `followup` and `ask` are not here: they are text, answered
 * like a typed question. `rerun` and `choose` carry their card's request and answer it with the
 * intent's handler, for whoever presses, without the conversation's memory.
 */
export const ACTIONS: {
  readonly [K in Exclude<ActionInputs['kind'], 'followup' | 'ask'>]: ActionHandler<K>;
} = {
  csv: sendCsv,
  rerun: (ctx, inputs) => rerunRequest(ctx, inputs, HANDLERS),
  choose: (ctx, inputs) => chooseOption(ctx, inputs, HANDLERS),
  alert: automationAction,
  report: automationAction,
  'alert-form': automationAction,
  'report-form': automationAction,
  confirm: automationAction,
  'settings-form': changeSettingsFromForm,
};
