import { clarifyCard } from '../cards';
import { cardRequest } from './support/follow-up-actions';
import type { Handler } from './types';

/**
 * A clarification: the question and its options as buttons. A data question's options carry the
 * request that asked back, so a choice completes that request, whoever presses it; a setup's
 * options continue the person's last request.
 */
export const askBack: Handler = async (ctx) => {
  const clarify = ctx.request.clarify ?? { question: 'Could you say that differently?', options: [] };
  const pending = cardRequest(ctx.request);
  const message = clarifyCard({
    question: clarify.question,
    options: clarify.options.map((option) => ({
      title: option,
      data: pending ? { kind: 'choose', text: option, request: pending } : { kind: 'followup', text: option },
    })),
  });
  return { markdown: message.markdown, card: message.card };
};
