import { clarifyCard } from '../cards';
import type { Handler } from './types';

/** A clarification: the question and its options as buttons; a choice continues the request. */
export const askBack: Handler = async (ctx) => {
  const clarify = ctx.request.clarify ?? { question: 'Could you say that differently?', options: [] };
  const message = clarifyCard({
    question: clarify.question,
    options: clarify.options.map((option) => ({ title: option, data: { kind: 'followup', text: option } })),
  });
  return { markdown: message.markdown, card: message.card };
};
