import type { ParsedRequest } from '../language/types';
import { type AnswerPlan, type PlanContext, planAnswer } from './plan-answer';

/**
 * Plans "what is wrong today": the comfort metrics and people count (`metricsFor`) of every room in scope, as raw
 * readings while the window allows them (48 h: a run outside the band is named by the reading it
 * began with), hourly beyond; judged in working hours. The plan's call budget and notes apply.
 */
export function planProblems(request: ParsedRequest, ctx: PlanContext): AnswerPlan {
  const span = Date.parse(request.to ?? '') - Date.parse(request.from ?? '');
  return planAnswer({ ...request, aggregation: span <= ctx.limits.maxRawSpanMs ? 'none' : 'hourly' }, ctx);
}
