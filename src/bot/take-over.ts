import type { Logger } from 'pino';
import type { Claimant, Store } from '../store';
import type { WebexClient } from '../webex/client';
import type { Conversation } from './conversation';
import type { Delivery } from './webhook-envelope';

export interface TakeOverDeps {
  store: Pick<Store, 'unfinishedDeliveries' | 'claimDelivery' | 'completeDelivery'>;
  webex: WebexClient;
  claimant: () => Claimant;
  conversation: Pick<Conversation, 'onMessage' | 'onAction' | 'tellPostingCut'>;
  now: () => number;
  log: Logger;
}

/**
 * Questions and button presses a replica took on and never finished because it died: Webex had its
 * 200 and will not deliver them again, so a live replica answers them (each once: the claim is
 * taken over in the store, and a second replica doing the same finds it busy or done). One whose
 * reply was already being posted may have landed: the person is told instead of answered twice.
 * Returns how many were taken over.
 */
export async function takeOverUnfinished(deps: TakeOverDeps): Promise<number> {
  const { store, webex, conversation, log } = deps;
  const left = await store.unfinishedDeliveries(deps.claimant());
  let taken = 0;
  for (const { key, posting } of left) {
    const [kind, id = ''] = splitKey(key);
    try {
      if (kind === 'message' && posting) {
        if ((await store.claimDelivery(key, deps.claimant(), deps.now())) !== 'new') continue;
        await conversation.tellPostingCut(id, log);
        await store.completeDelivery(key, deps.now());
        taken++;
      } else if (kind === 'message') {
        const message = await webex.bot.getMessage(id).catch(() => undefined);
        if (!message?.roomId || !message.personId) {
          // Deleted meanwhile: nothing to answer.
          if ((await store.claimDelivery(key, deps.claimant(), deps.now())) === 'new')
            await store.completeDelivery(key, deps.now());
          continue;
        }
        await conversation.onMessage(
          envelope('messages', {
            id,
            roomId: message.roomId,
            personId: message.personId,
            ...(message.personEmail ? { personEmail: message.personEmail } : {}),
            ...(message.created ? { created: message.created } : {}),
          }),
          log.child({ takenOver: key }),
        );
        taken++;
      } else if (kind === 'action') {
        await conversation.onAction(envelope('attachmentActions', { id }), log.child({ takenOver: key }));
        taken++;
      }
    } catch (error) {
      log.warn({ err: error, key }, 'could not take over a delivery a dead replica left');
    }
  }
  if (taken > 0) log.info({ taken }, 'answered what a replica that died had taken on');
  return taken;
}

function splitKey(key: string): [string, string?] {
  const at = key.indexOf(':');
  return at < 0 ? [key] : [key.slice(0, at), key.slice(at + 1)];
}

function envelope(resource: 'messages' | 'attachmentActions', data: Delivery['data']): Delivery {
  return { id: `take-over:${data.id}`, name: 'take-over', resource, event: 'created', data };
}
