import type { WebexMessagingApi } from '../webex/messaging-api';
import type { Webhook, WebhookEvent, WebhookResource } from '../webex/wire';

/** The bot's webhooks: the firehose, and card submits (which the firehose does not carry). */
export const BOT_WEBHOOKS: readonly { resource: WebhookResource; event: WebhookEvent }[] = [
  { resource: 'all', event: 'all' },
  { resource: 'attachmentActions', event: 'created' },
];

export interface WebhookTarget {
  targetUrl: string;
  secret: string;
  /** Webex's display name of the webhooks (the framework's: base64 of "host email"). */
  name: string;
}

export interface WebhookRepair {
  created: number;
  reactivated: number;
  removed: number;
}

type WebhookApi = Pick<
  WebexMessagingApi,
  'listWebhooks' | 'createWebhook' | 'updateWebhook' | 'deleteWebhook'
>;

/** The framework's name for its webhooks, so it recognises (and removes on stop) the ones we make. */
export function frameworkWebhookName(targetUrl: string, botEmail: string): string {
  return Buffer.from(`${targetUrl.split('/')[2]} ${botEmail}`).toString('base64');
}

/**
 * What is wrong with the bot's webhooks (undefined when both exist, are active and use our secret).
 * Observes only; {@link ensureWebhooks} repairs.
 */
export function webhookProblem(hooks: readonly Webhook[], target: WebhookTarget): string | undefined {
  for (const spec of BOT_WEBHOOKS) {
    const ours = hooks.filter(
      (h) => h.targetUrl === target.targetUrl && h.resource === spec.resource && h.event === spec.event,
    );
    const label = `${spec.resource}/${spec.event}`;
    if (ours.length === 0) return `webhook ${label} is missing`;
    if (!ours.some((h) => h.status === 'active')) return `webhook ${label} is disabled`;
  }
  return undefined;
}

/**
 * Makes the bot's webhooks exactly right: creates a missing one, re-activates a disabled one (Webex
 * disables a webhook after 100 failed deliveries in 5 minutes), fixes its secret, and removes
 * duplicates (two webhooks for one event deliver everything twice). Throws when Webex fails.
 */
export async function ensureWebhooks(api: WebhookApi, target: WebhookTarget): Promise<WebhookRepair> {
  const repair: WebhookRepair = { created: 0, reactivated: 0, removed: 0 };
  const hooks = await api.listWebhooks();
  for (const spec of BOT_WEBHOOKS) {
    const ours = hooks
      .filter(
        (h) => h.targetUrl === target.targetUrl && h.resource === spec.resource && h.event === spec.event,
      )
      .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
    const [keep, ...extra] = ours;
    for (const duplicate of extra) {
      await api.deleteWebhook(duplicate.id);
      repair.removed++;
    }
    if (!keep) {
      await api.createWebhook({
        ...spec,
        name: target.name,
        targetUrl: target.targetUrl,
        secret: target.secret,
      });
      repair.created++;
    } else if (keep.status !== 'active' || (keep.secret !== undefined && keep.secret !== target.secret)) {
      await api.updateWebhook(keep.id, {
        name: keep.name || target.name,
        targetUrl: target.targetUrl,
        secret: target.secret,
        status: 'active',
      });
      if (keep.status !== 'active') repair.reactivated++;
    }
  }
  return repair;
}
