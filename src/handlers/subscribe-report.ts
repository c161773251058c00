import { nextSlot, validateReportTime } from '../automation/report-schedule';
import { reportText } from '../automation/rule-text';
import { automationConfirmCard } from '../cards';
import { nameOf } from './support/automation-rows';
import type { Handler } from './types';

/** Reports one space may hold. */
export const MAX_REPORTS_PER_SPACE = 20;

/** `report.subscribe`: "daily report for Room 4 and Boardroom at 8:00". */
export const subscribeReport: Handler = async (ctx) => {
  const { request, store, space } = ctx;
  const spec = request.report ?? { time: '08:00', days: 'daily' as const };
  const problem = validateReportTime(spec.time);
  if (problem) return { markdown: `${problem} Nothing was scheduled.` };
  if (store.listReports(space.roomId).length >= MAX_REPORTS_PER_SPACE) {
    return {
      markdown: `This space already has ${MAX_REPORTS_PER_SPACE} reports. Cancel some (**list reports**) first.`,
    };
  }
  const report = store.createReport({
    roomId: space.roomId,
    rooms: request.allWorkspaces ? { all: true } : { workspaceIds: request.workspaces.map((w) => w.id) },
    time: spec.time,
    days: spec.days,
    createdBy: { personId: ctx.person.id, email: ctx.person.email },
    createdAt: ctx.now(),
  });
  const message = automationConfirmCard({
    title: `Report ${report.id} scheduled`,
    lines: [reportText(report, nameOf(ctx))],
    next: { label: 'First report', at: nextSlot(report, space.timeZone, ctx.now()) },
    timeZone: space.timeZone,
    actions: [
      { title: 'Send now', data: { kind: 'report', op: 'send-now', reportId: report.id } },
      { title: 'List reports', data: { kind: 'ask', text: 'list reports' } },
      { title: `Cancel ${report.id}`, data: { kind: 'report', op: 'cancel', reportId: report.id } },
    ],
  });
  return { markdown: message.markdown, card: message.card };
};
