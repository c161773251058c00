import { createHmac } from 'node:crypto';
import type { MessagingStore, StoredWebhook } from './messaging-store';

export type DeliveredResource = 'messages' | 'memberships' | 'rooms' | 'attachmentActions';

export interface ResourceEvent {
  resource: DeliveredResource;
  event: 'created' | 'updated' | 'deleted' | 'migrated';
  actorId: string;
  roomId: string;
  roomType: 'direct' | 'group';
  /** The ids-only payload (never message text or card inputs). */
  data: Record<string, unknown>;
  /** Messages: who was @mentioned (bots in group spaces only hear those). */
  mentionedPeople?: readonly string[];
  /** Attachment actions: the author of the card that was submitted. */
  cardAuthorId?: string;
  /** Memberships and rooms: members before the change (a removed member still hears of it). */
  formerMemberIds?: readonly string[];
}

export interface DeliveryRecord {
  webhookId: string;
  targetUrl: string;
  resource: string;
  event: string;
  dataId: unknown;
  status: number | 'network-error';
  ok: boolean;
  at: number;
}

/** Webex disables a webhook after 100 failed deliveries within 5 minutes. */
export const DISABLE_AFTER_FAILURES = 100;
export const FAILURE_WINDOW_MS = 5 * 60 * 1000;
const DELIVERY_TIMEOUT_MS = 10_000;
const LOG_LIMIT = 2000;

export function signBody(secret: string, body: string | Buffer): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

/** Parses a webhook filter such as `roomId=abc&mentionedPeople=me`. */
export function parseFilter(filter: string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  if (!filter) return result;
  for (const part of filter.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    result.set(decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1)));
  }
  return result;
}

export class WebhookDispatcher {
  readonly log: DeliveryRecord[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: MessagingStore,
    private readonly meta: { orgId: string; appId: string },
    private readonly isBot: (personId: string) => boolean,
    private readonly now: () => number,
  ) {}

  get appId(): string {
    return this.meta.appId;
  }

  /** Fans one event out to every webhook that Webex would notify. Returns at once; delivery is async. */
  notify(event: ResourceEvent): void {
    for (const webhook of this.store.webhooks.values()) {
      if (webhook.status !== 'active' || !this.wants(webhook, event)) continue;
      const delivery = this.deliver(webhook, event).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  /** Resolves when every delivery started so far has finished (tests use it to settle). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private wants(webhook: StoredWebhook, event: ResourceEvent): boolean {
    const owner = webhook.createdBy;
    const resourceMatches =
      webhook.resource === event.resource ||
      (webhook.resource === 'all' && event.resource !== 'attachmentActions');
    if (!resourceMatches) return false;
    if (webhook.event !== 'all' && webhook.event !== event.event) return false;
    if (!this.concerns(owner, event)) return false;
    return this.filterMatches(webhook, event);
  }

  private concerns(owner: string, event: ResourceEvent): boolean {
    switch (event.resource) {
      case 'attachmentActions':
        return event.cardAuthorId === owner;
      case 'memberships':
        return (
          this.store.isMember(event.roomId, owner) ||
          event.data.personId === owner ||
          (event.formerMemberIds ?? []).includes(owner)
        );
      case 'rooms':
        return this.store.isMember(event.roomId, owner) || (event.formerMemberIds ?? []).includes(owner);
      case 'messages': {
        if (!this.store.isMember(event.roomId, owner)) return false;
        const botInGroup = event.roomType === 'group' && this.isBot(owner);
        // A bot hears group messages only when @mentioned; it is also told of its own messages.
        return !botInGroup || event.actorId === owner || (event.mentionedPeople ?? []).includes(owner);
      }
    }
  }

  private filterMatches(webhook: StoredWebhook, event: ResourceEvent): boolean {
    for (const [key, value] of parseFilter(webhook.filter)) {
      if (key === 'mentionedPeople') {
        const wanted = value === 'me' ? webhook.createdBy : value;
        if (!(event.mentionedPeople ?? []).includes(wanted)) return false;
      } else if (key === 'roomType') {
        if (event.roomType !== value) return false;
      } else if (key === 'hasFiles') {
        if (Boolean(event.data.files) !== (value === 'true')) return false;
      } else if (String(event.data[key] ?? '') !== value) {
        return false;
      }
    }
    return true;
  }

  private async deliver(webhook: StoredWebhook, event: ResourceEvent): Promise<void> {
    const envelope = {
      id: webhook.id,
      name: webhook.name,
      targetUrl: webhook.targetUrl,
      resource: event.resource,
      event: event.event,
      ...(webhook.filter ? { filter: webhook.filter } : {}),
      orgId: this.meta.orgId,
      createdBy: webhook.createdBy,
      appId: this.meta.appId,
      ownedBy: 'creator',
      status: 'active',
      created: webhook.created,
      actorId: event.actorId,
      data: event.data,
    };
    const body = JSON.stringify(envelope);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (webhook.secret) headers['x-spark-signature'] = signBody(webhook.secret, body);
    let status: number | 'network-error' = 'network-error';
    try {
      const response = await fetch(webhook.targetUrl, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      status = 'network-error';
    }
    const ok = typeof status === 'number' && status >= 200 && status < 300;
    const at = this.now();
    this.log.push({
      webhookId: webhook.id,
      targetUrl: webhook.targetUrl,
      resource: event.resource,
      event: event.event,
      dataId: event.data.id,
      status,
      ok,
      at,
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    if (!ok) this.recordFailure(webhook, at);
  }

  private recordFailure(webhook: StoredWebhook, at: number): void {
    webhook.failures = webhook.failures.filter((t) => at - t < FAILURE_WINDOW_MS);
    webhook.failures.push(at);
    if (webhook.failures.length >= DISABLE_AFTER_FAILURES) webhook.status = 'inactive';
  }
}
