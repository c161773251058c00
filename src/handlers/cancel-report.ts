import { listReports } from './list-reports';
import { idIn } from './support/automation-rows';
import { askToCancelReports } from './support/shared-actions';
import type { Handler } from './types';

/**
 * `report.cancel`: "cancel report r2", "stop all reports"; only this space's reports. It asks
 * first: a confirmation naming the reports, whose button cancels them.
 */
export const cancelReport: Handler = async (ctx) => {
  const { store, space } = ctx;
  const id = idIn(ctx.text, 'r');
  if (id) {
    const report = await store.getReport(id);
    if (!report || report.roomId !== space.roomId) {
      return { markdown: `There is no report **${id}** in this space. Say **list reports** to see them.` };
    }
    return askToCancelReports(ctx, [report]);
  }
  const reports = await store.listReports(space.roomId);
  if (reports.length === 0) return { markdown: 'This space has no reports.' };
  if (/\ball\b/i.test(ctx.text)) return askToCancelReports(ctx, reports, true);
  if (reports.length === 1) return askToCancelReports(ctx, reports);
  return listReports(ctx);
};
