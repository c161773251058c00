import { reportsCard } from '../cards';
import { reportRow } from './support/automation-rows';
import { newReportForm } from './support/set-up';
import type { Handler } from './types';

/** `report.list`: this space's report subscriptions and when each runs next. */
export const listReports: Handler = async (ctx) => {
  const message = reportsCard({
    timeZone: ctx.space.timeZone,
    rows: (await ctx.store.listReports(ctx.space.roomId)).map((report) => reportRow(ctx, report)),
    form: newReportForm(ctx),
  });
  return { markdown: message.markdown, card: message.card };
};
