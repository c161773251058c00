import { clarifyCard } from '../cards';
import { LIST_ROOMS } from '../language';
import { offerComfortAlert } from './support/alert-offer';
import { cardRequest } from './support/follow-up-actions';
import type { Handler } from './types';

/**
 * A clarification: the question and its options as buttons, in people's words. A data question's
 * options carry the request that asked back, so a choice completes that request, whoever presses
 * it; a setup's options continue the person's last request; "list rooms" is a question of its own.
 * An alert asked for with a comfort word is offered for confirmation instead.
 */
export const askBack: Handler = async (ctx) => {
  const clarify = ctx.request.clarify ?? { question: 'Could you say that differently?', options: [] };
  if (clarify.asks === 'confirm' && ctx.request.intent === 'alert.create') return offerComfortAlert(ctx);
  const pending = cardRequest(ctx.request);
  const message = clarifyCard({
    question: clarify.question,
    options: clarify.options.map((option) => ({
      title: option,
      data:
        option === LIST_ROOMS
          ? { kind: 'ask', text: option }
          : pending
            ? { kind: 'choose', text: option, request: pending }
            : { kind: 'followup', text: option },
    })),
  });
  return { markdown: message.markdown, card: message.card };
};
