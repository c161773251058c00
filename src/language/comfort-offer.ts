import { METRIC_LABEL } from '../model/metric-catalogue';
import type { Clarification, ParsedRequest } from './types';

/** The answers to an offered alert: the first sets it up, the second asks for another value. */
export const OFFER_OPTIONS = ['set it up', 'change threshold'] as const;

/**
 * An alert asked for with a comfort word ("let me know if Fjord overheats"), offered rather than
 * set up: its threshold is the comfort limit, which the handler names (the bands are settings).
 */
export function comfortOffer(request: ParsedRequest): Clarification {
  const metric = request.metrics[0];
  const what = metric ? METRIC_LABEL[metric] : 'the measurement';
  const where = request.allWorkspaces
    ? 'any room'
    : request.workspaces.map((w) => w.displayName).join(', ') || 'the room';
  const side = request.comfort?.op === 'below' ? 'drops below' : 'goes above';
  return {
    question: `Alert when ${what} in ${where} ${side} its comfort limit?`,
    options: [...OFFER_OPTIONS],
    asks: 'confirm',
  };
}
