import type { Reply } from '../model/reply';
import { ADAPTIVE_CARD_CONTENT_TYPE, type CreateMessageRequest } from './wire';

/** A reply as the message Webex takes: the markdown fallback, and the card as an attachment. */
export function replyMessage(
  target: { roomId: string; parentId?: string },
  reply: Omit<Reply, 'file'>,
): CreateMessageRequest {
  return {
    ...target,
    markdown: reply.markdown,
    ...(reply.card
      ? { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { ...reply.card } }] }
      : {}),
  };
}
