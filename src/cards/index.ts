/** Cards are views: a view model in, `{ card, markdown }` out. No I/O, no clock. */
export {
  type AdaptiveCardJson,
  CARD_CONTENT_TYPE,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardActionJson,
  type CardElementJson,
  type CardMessage,
  type ColumnJson,
  type ColumnSetJson,
  type ContainerJson,
  type FactJson,
  type FactSetJson,
  type ImageJson,
  MAX_CARD_ACTIONS,
  type OpenUrlActionJson,
  type ShowCardActionJson,
  type SubmitActionJson,
  type TextBlockJson,
} from './adaptive-card';
export { alertCard } from './alert-card';
export {
  ALL_ROOMS_VALUE,
  type AlertFormView,
  alertForm,
  MAX_FORM_ROOMS,
  type ReportFormView,
  reportForm,
} from './automation-forms';
export { alertRulesCard, automationConfirmCard, reportsCard } from './automation-list-cards';
export {
  type AlertActionData,
  type AlertRoomStateView,
  type AlertRuleListView,
  type AlertRuleRowView,
  type AlertView,
  type AutomationConfirmView,
  type ConfirmView,
  type ReportActionData,
  type ReportListView,
  type ReportMetricView,
  type ReportRoomView,
  type ReportRowView,
  type ReportView,
  type SharedActionData,
  SNOOZE_HOURS,
  type SnoozeHours,
} from './automation-views';
export { clarifyCard } from './clarify-card';
export { compareCard } from './compare-card';
export { confirmCard } from './confirm-card';
export { BUSY_TEXT, errorCard } from './error-card';
export { formatAge, formatRange, formatTime } from './format';
export { type HealthView, healthCard } from './health-card';
export { helpCard } from './help-card';
export { MARKDOWN_MAX_BYTES, utf8Bytes } from './markdown';
export { metricsCard } from './metrics-card';
export { overviewCard } from './overview-card';
export { isUsableImageUrl } from './parts';
export { type ProblemsView, problemsCard } from './problems-card';
export { rankCard } from './rank-card';
export { ROOMS_PER_CARD, reportCards } from './report-card';
export { roomsCard } from './rooms-card';
export { roomsTableCard } from './rooms-table-card';
export { SETTINGS_FORM_TITLE, type SettingsView, settingsCard, settingsForm } from './settings-card';
export { type SiteReportView, type SiteUtilisationRow, siteReportCard } from './site-report-card';
export { escapeMarkdown } from './text';
export { type UtilisationRowView, type UtilisationView, utilisationCard } from './utilisation-card';
export type {
  CardAction,
  ClarifyView,
  CompareView,
  ErrorView,
  HelpView,
  MetricSection,
  MetricsAnswerView,
  OverviewView,
  RankView,
  RoomsTableView,
  RoomsView,
  StatLine,
  UsualLine,
  Verdict,
  VerdictLevel,
} from './view-models';
