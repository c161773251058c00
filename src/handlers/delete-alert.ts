import { listAlerts } from './list-alerts';
import { idIn } from './support/automation-rows';
import { askToDeleteAlerts, muteAlert, unmuteAlert } from './support/shared-actions';
import type { Handler } from './types';

/**
 * `alert.delete`: "delete alert a3", "delete all alerts", "mute alert a3"; only this space's rules.
 * Deleting asks first (a confirmation naming the rules); so does muting a rule someone else set up.
 */
export const deleteAlert: Handler = async (ctx) => {
  const { store, space } = ctx;
  const id = idIn(ctx.text, 'a');
  if (id) {
    const rule = await store.getAlertRule(id);
    if (!rule || rule.roomId !== space.roomId) {
      return { markdown: `There is no alert **${id}** in this space. Say **list alerts** to see them.` };
    }
    // "mute alert a3" / "unmute alert a3" read as a removal by the parser: mute, do not delete.
    const mute = /\b(un)?mute\b/i.exec(ctx.text);
    if (mute) return mute[1] ? unmuteAlert(ctx, rule) : muteAlert(ctx, rule);
    return askToDeleteAlerts(ctx, [rule]);
  }
  const rules = await store.listAlertRules(space.roomId);
  if (rules.length === 0) return { markdown: 'This space has no alerts.' };
  if (/\ball\b/i.test(ctx.text)) return askToDeleteAlerts(ctx, rules, true);
  if (rules.length === 1) return askToDeleteAlerts(ctx, rules);
  // Which one? The list, with a delete button per rule.
  return listAlerts(ctx);
};
