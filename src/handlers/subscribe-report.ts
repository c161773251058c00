import { newReportForm, setUpReport } from './support/set-up';
import type { Handler } from './types';

/** `report.subscribe`: "daily report for Room 4 and Boardroom at 8:00"; with no rooms, the form. */
export const subscribeReport: Handler = async (ctx) => {
  const { request } = ctx;
  if (!request.allWorkspaces && request.workspaces.length === 0) {
    return {
      markdown: 'Fill in the form, or say it in words, e.g. **daily report for Room 4 at 8**.',
      card: newReportForm(ctx),
    };
  }
  const spec = request.report ?? { time: '08:00', days: 'daily' as const };
  return setUpReport(ctx, {
    rooms: request.allWorkspaces ? { all: true } : { workspaceIds: request.workspaces.map((w) => w.id) },
    time: spec.time,
    days: spec.days,
    ...(spec.weekday !== undefined ? { weekday: spec.weekday } : {}),
    ...(spec.dayOfMonth !== undefined ? { dayOfMonth: spec.dayOfMonth } : {}),
  });
};
