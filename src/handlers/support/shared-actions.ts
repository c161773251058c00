/**
 * Removing or silencing what a space shares — deleting alert rules, cancelling reports, muting a
 * rule someone else set up — asks first: a confirmation card names what will go (and who set it
 * up), and its buttons carry the exact action. Confirmed, it acts only on what still exists in
 * this space, and the result line names who did it, by display name.
 */
import { reportText, ruleText } from '../../automation/rule-text';
import { confirmCard, escapeMarkdown } from '../../cards';
import type { AlertRule, ReportSubscription } from '../../model';
import type { ConfirmInputs, SharedAction } from '../../model/card-actions';
import type { HandlerContext, Reply } from '../types';
import { answerOffer } from './alert-offer';
import { nameOf } from './automation-rows';

type Ctx = HandlerContext;

/** The person pressing or asking, by display name (escaped for markdown). */
async function actor(ctx: Ctx): Promise<string> {
  return escapeMarkdown(await ctx.displayName(ctx.person.id, ctx.person.email || 'someone'));
}

/** Who set something up, by display name (plain text). */
function creator(ctx: Ctx, thing: AlertRule | ReportSubscription): Promise<string> {
  return ctx.displayName(thing.createdBy.personId, thing.createdBy.email || 'someone');
}

/** "Air quality (TVOC) above 500 ppb in Fjord, for 10 min" (plain text). */
function ruleWords(ctx: Ctx, rule: AlertRule): string {
  return ruleText(rule, nameOf(ctx), ctx.space.unit);
}

function reportWords(ctx: Ctx, report: ReportSubscription): string {
  return reportText(report, nameOf(ctx));
}

const bold = (id: string) => `**${escapeMarkdown(id)}**`;
const ids = (list: readonly string[]) => {
  const shown = list.map(bold);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};

/** Asks before deleting `rules` (one, or every rule of the space with `all`). */
export async function askToDeleteAlerts(ctx: Ctx, rules: readonly AlertRule[], all = false): Promise<Reply> {
  const items = await Promise.all(
    rules.map(async (rule) => `${rule.id} · ${ruleWords(ctx, rule)}, set up by ${await creator(ctx, rule)}`),
  );
  const one = rules.length === 1 ? rules[0]! : undefined;
  const message = confirmCard({
    question: one
      ? `Delete alert ${one.id}?`
      : all
        ? `Delete all ${rules.length} alerts of this space?`
        : `Delete ${rules.length} alerts?`,
    items,
    note: one
      ? 'It stops watching, and nobody in this space hears from it again.'
      : 'They stop watching, and nobody in this space hears from them again.',
    confirmTitle: one ? `Delete ${one.id}` : `Delete ${rules.length} alerts`,
    keepTitle: one ? 'Keep it' : 'Keep them',
    action: { op: 'delete-alerts', ruleIds: rules.map((r) => r.id) },
  });
  return { markdown: message.markdown, card: message.card };
}

/** Asks before cancelling `reports` (one, or every report of the space with `all`). */
export async function askToCancelReports(
  ctx: Ctx,
  reports: readonly ReportSubscription[],
  all = false,
): Promise<Reply> {
  const items = await Promise.all(
    reports.map(
      async (report) => `${report.id} · ${reportWords(ctx, report)}, set up by ${await creator(ctx, report)}`,
    ),
  );
  const one = reports.length === 1 ? reports[0]! : undefined;
  const message = confirmCard({
    question: one
      ? `Cancel report ${one.id}?`
      : all
        ? `Cancel all ${reports.length} reports of this space?`
        : `Cancel ${reports.length} reports?`,
    items,
    note: one ? 'It is no longer posted here, for anyone.' : 'They are no longer posted here, for anyone.',
    confirmTitle: one ? `Cancel ${one.id}` : `Cancel ${reports.length} reports`,
    keepTitle: one ? 'Keep it' : 'Keep them',
    action: { op: 'cancel-reports', reportIds: reports.map((r) => r.id) },
  });
  return { markdown: message.markdown, card: message.card };
}

/**
 * Mutes a rule: at once when the person set it up, else after asking (it silences the rule for
 * everyone in the space, and its owner may rely on it).
 */
export async function muteAlert(ctx: Ctx, rule: AlertRule): Promise<Reply> {
  if (rule.muted) return { markdown: `Alert ${bold(rule.id)} is already muted; nothing was changed.` };
  if (rule.createdBy.personId === ctx.person.id) return mute(ctx, rule);
  const message = confirmCard({
    question: `Mute alert ${rule.id}?`,
    items: [`${rule.id} · ${ruleWords(ctx, rule)}, set up by ${await creator(ctx, rule)}`],
    note: 'It keeps watching but posts nothing here, for anyone, until it is unmuted.',
    confirmTitle: `Mute ${rule.id}`,
    keepTitle: 'Keep it on',
    action: { op: 'mute-alert', ruleId: rule.id },
  });
  return { markdown: message.markdown, card: message.card };
}

/** Unmutes a rule (never asks: it takes nothing away). */
export async function unmuteAlert(ctx: Ctx, rule: AlertRule): Promise<Reply> {
  if (!rule.muted) return { markdown: `Alert ${bold(rule.id)} is not muted; nothing was changed.` };
  const updated = await ctx.store.updateAlertRule(rule.id, ctx.space.roomId, { muted: false });
  if (!updated) return gone('Alert', rule.id);
  return { markdown: `Alert ${bold(rule.id)} unmuted by ${await actor(ctx)}: it posts here again.` };
}

async function mute(ctx: Ctx, rule: AlertRule): Promise<Reply> {
  const updated = await ctx.store.updateAlertRule(rule.id, ctx.space.roomId, { muted: true });
  if (!updated) return gone('Alert', rule.id);
  return {
    markdown: `Alert ${bold(rule.id)} muted by ${await actor(ctx)}: it keeps watching but posts nothing. Say **unmute alert ${escapeMarkdown(rule.id)}** to hear from it again.`,
  };
}

function gone(what: 'Alert' | 'Report', id: string): Reply {
  return { markdown: `${what} ${bold(id)} is already gone from this space; nothing was changed.` };
}

/** The answer to a confirmation: act on what it names that still exists here, or keep it all. */
export async function answerConfirmation(ctx: Ctx, inputs: ConfirmInputs): Promise<Reply> {
  if (inputs.action.op === 'create-alert') return answerOffer(ctx, inputs.action, inputs.answer);
  if (inputs.answer === 'keep') return kept(ctx, inputs.action);
  switch (inputs.action.op) {
    case 'delete-alerts':
      return deleteAlerts(ctx, inputs.action.ruleIds);
    case 'cancel-reports':
      return cancelReports(ctx, inputs.action.reportIds);
    case 'mute-alert': {
      const rule = await ctx.store.getAlertRule(inputs.action.ruleId);
      if (!rule || rule.roomId !== ctx.space.roomId) return gone('Alert', inputs.action.ruleId);
      if (rule.muted) return { markdown: `Alert ${bold(rule.id)} is already muted; nothing was changed.` };
      return mute(ctx, rule);
    }
  }
}

/** Keep: nothing changes; the line says so, or that the thing is gone already (someone else removed it). */
async function kept(ctx: Ctx, action: Exclude<SharedAction, { op: 'create-alert' }>): Promise<Reply> {
  const here = async (
    get: (id: string) => Promise<{ roomId: string } | undefined>,
    list: readonly string[],
  ) => {
    const found = await Promise.all(list.map(async (id) => (await get(id))?.roomId === ctx.space.roomId));
    return list.filter((_, i) => found[i]);
  };
  switch (action.op) {
    case 'delete-alerts': {
      const left = await here((id) => ctx.store.getAlertRule(id), action.ruleIds);
      if (left.length === 0) return goneAll('Alert', action.ruleIds);
      return {
        markdown:
          left.length === 1
            ? `Kept alert ${bold(left[0]!)}; nothing was deleted.`
            : `Kept alerts ${ids(left)}; nothing was deleted.`,
      };
    }
    case 'cancel-reports': {
      const left = await here((id) => ctx.store.getReport(id), action.reportIds);
      if (left.length === 0) return goneAll('Report', action.reportIds);
      return {
        markdown:
          left.length === 1
            ? `Kept report ${bold(left[0]!)}; nothing was cancelled.`
            : `Kept reports ${ids(left)}; nothing was cancelled.`,
      };
    }
    case 'mute-alert': {
      const rule = await ctx.store.getAlertRule(action.ruleId);
      if (!rule || rule.roomId !== ctx.space.roomId) return gone('Alert', action.ruleId);
      return rule.muted
        ? { markdown: `Alert ${bold(rule.id)} is muted already (someone muted it); nothing was changed.` }
        : { markdown: `Kept alert ${bold(rule.id)} on; it still posts here.` };
    }
  }
}

function goneAll(what: 'Alert' | 'Report', list: readonly string[]): Reply {
  return list.length === 1
    ? gone(what, list[0]!)
    : { markdown: `${what}s ${ids(list)} are already gone from this space; nothing was changed.` };
}

async function deleteAlerts(ctx: Ctx, ruleIds: readonly string[]): Promise<Reply> {
  const deleted: AlertRule[] = [];
  const missing: string[] = [];
  for (const id of new Set(ruleIds)) {
    const rule = await ctx.store.getAlertRule(id);
    const ours = rule !== undefined && rule.roomId === ctx.space.roomId;
    if (ours && (await ctx.store.deleteAlertRule(id, ctx.space.roomId))) deleted.push(rule);
    else missing.push(id);
  }
  if (deleted.length === 0) return goneAll('Alert', missing);
  const who = await actor(ctx);
  const done =
    deleted.length === 1
      ? `Alert ${bold(deleted[0]!.id)} deleted by ${who}: ${escapeMarkdown(ruleWords(ctx, deleted[0]!))}.`
      : `${who} deleted ${deleted.length} alerts: ${ids(deleted.map((r) => r.id))}.`;
  return { markdown: withMissing(done, missing) };
}

async function cancelReports(ctx: Ctx, reportIds: readonly string[]): Promise<Reply> {
  const cancelled: ReportSubscription[] = [];
  const missing: string[] = [];
  for (const id of new Set(reportIds)) {
    const report = await ctx.store.getReport(id);
    const ours = report !== undefined && report.roomId === ctx.space.roomId;
    if (ours && (await ctx.store.deleteReport(id, ctx.space.roomId))) cancelled.push(report);
    else missing.push(id);
  }
  if (cancelled.length === 0) return goneAll('Report', missing);
  const who = await actor(ctx);
  const done =
    cancelled.length === 1
      ? `Report ${bold(cancelled[0]!.id)} cancelled by ${who}: ${escapeMarkdown(reportWords(ctx, cancelled[0]!))}.`
      : `${who} cancelled ${cancelled.length} reports: ${ids(cancelled.map((r) => r.id))}.`;
  return { markdown: withMissing(done, missing) };
}

function withMissing(done: string, missing: readonly string[]): string {
  if (missing.length === 0) return done;
  return `${done} ${ids(missing)} ${missing.length === 1 ? 'was' : 'were'} already gone.`;
}
