import type { Intent } from '../language';
import { answerMetrics } from './answer-metrics';
import { askBack } from './ask-back';
import { cancelReport } from './cancel-report';
import { changeSettings } from './change-settings';
import { compareRooms } from './compare-rooms';
import { createAlert } from './create-alert';
import { deleteAlert } from './delete-alert';
import { listAlerts } from './list-alerts';
import { listReports } from './list-reports';
import { listRooms } from './list-rooms';
import { notUnderstood } from './not-understood';
import { rankRooms } from './rank-rooms';
import { showHelp } from './show-help';
import { showOverview } from './show-overview';
import { subscribeReport } from './subscribe-report';
import type { Handler } from './types';

/** One handler per intent, registered in one place; `clarify` answers any request that asks back. */
export const HANDLERS: Readonly<Record<Intent | 'clarify', Handler>> = {
  query: answerMetrics,
  current: answerMetrics,
  overview: showOverview,
  compare: compareRooms,
  rank: rankRooms,
  rooms: listRooms,
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
