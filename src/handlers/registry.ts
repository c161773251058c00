import type { Intent } from '../language';
import { alertsAndReports } from './alerts-and-reports';
import { answerMetrics } from './answer-metrics';
import { askBack } from './ask-back';
import { changeSettings } from './change-settings';
import { compareRooms } from './compare-rooms';
import { listRooms } from './list-rooms';
import { notUnderstood } from './not-understood';
import { rankRooms } from './rank-rooms';
import { showHelp } from './show-help';
import { showOverview } from './show-overview';
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
  'alert.create': alertsAndReports,
  'alert.list': alertsAndReports,
  'alert.delete': alertsAndReports,
  'report.subscribe': alertsAndReports,
  'report.list': alertsAndReports,
  'report.cancel': alertsAndReports,
  unknown: notUnderstood,
  clarify: askBack,
};
