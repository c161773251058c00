import type { Handler } from './types';

/** Alerts and daily reports: understood, but not offered by this version yet. */
export const alertsAndReports: Handler = async (ctx) => {
  const what = ctx.request.intent.startsWith('alert') ? 'Threshold alerts' : 'Daily reports';
  return {
    markdown: `${what} are not available in this version yet. You can ask about any room at any time.`,
  };
};
