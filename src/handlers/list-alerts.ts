import { alertRulesCard } from '../cards';
import { alertRow } from './support/automation-rows';
import { newAlertForm } from './support/set-up';
import type { Handler } from './types';

/** `alert.list`: this space's rules with their state. */
export const listAlerts: Handler = async (ctx) => {
  const rules = await ctx.store.listAlertRules(ctx.space.roomId);
  const states = (await Promise.all(rules.map((r) => ctx.store.listAlertStates(r.id)))).flat();
  const message = alertRulesCard({
    timeZone: ctx.space.timeZone,
    asOf: ctx.now(),
    rows: rules.map((rule) => alertRow(ctx, rule, states)),
    form: newAlertForm(ctx),
  });
  return { markdown: message.markdown, card: message.card };
};
