import { listAlerts } from './list-alerts';
import { idIn } from './support/automation-rows';
import type { Handler } from './types';

/** `alert.delete`: "delete alert a3", "delete all alerts"; only this space's rules. */
export const deleteAlert: Handler = async (ctx) => {
  const { store, space } = ctx;
  const id = idIn(ctx.text, 'a');
  // "mute alert a3" / "unmute alert a3" read as a removal by the parser: mute, do not delete.
  const mute = /\b(un)?mute\b/i.exec(ctx.text);
  if (id && mute) {
    const updated = await store.updateAlertRule(id, space.roomId, { muted: !mute[1] });
    if (!updated)
      return { markdown: `There is no alert **${id}** in this space. Say **list alerts** to see them.` };
    return {
      markdown: updated.muted
        ? `Alert **${id}** muted: it keeps watching and posts nothing.`
        : `Alert **${id}** unmuted.`,
    };
  }
  if (id) {
    return (await store.deleteAlertRule(id, space.roomId))
      ? { markdown: `Alert **${id}** deleted.` }
      : { markdown: `There is no alert **${id}** in this space. Say **list alerts** to see them.` };
  }
  const rules = await store.listAlertRules(space.roomId);
  if (/\ball\b/i.test(ctx.text)) {
    for (const rule of rules) await store.deleteAlertRule(rule.id, space.roomId);
    return {
      markdown:
        rules.length > 0 ? `Deleted all ${rules.length} alerts of this space.` : 'This space has no alerts.',
    };
  }
  if (rules.length === 1) {
    await store.deleteAlertRule(rules[0]!.id, space.roomId);
    return { markdown: `Alert **${rules[0]!.id}** deleted.` };
  }
  // Which one? The list, with a delete button per rule.
  return listAlerts(ctx);
};
