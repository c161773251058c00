import { listReports } from './list-reports';
import { idIn } from './support/automation-rows';
import type { Handler } from './types';

/** `report.cancel`: "cancel report r2", "stop all reports"; only this space's reports. */
export const cancelReport: Handler = async (ctx) => {
  const { store, space } = ctx;
  const id = idIn(ctx.text, 'r');
  if (id) {
    return (await store.deleteReport(id, space.roomId))
      ? { markdown: `Report **${id}** cancelled.` }
      : { markdown: `There is no report **${id}** in this space. Say **list reports** to see them.` };
  }
  const reports = await store.listReports(space.roomId);
  if (/\ball\b/i.test(ctx.text)) {
    for (const report of reports) await store.deleteReport(report.id, space.roomId);
    return {
      markdown:
        reports.length > 0
          ? `Cancelled all ${reports.length} reports of this space.`
          : 'This space has no reports.',
    };
  }
  if (reports.length === 1) {
    await store.deleteReport(reports[0]!.id, space.roomId);
    return { markdown: `Report **${reports[0]!.id}** cancelled.` };
  }
  return listReports(ctx);
};
