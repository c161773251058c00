export { optionPicked, saysNo, saysYes } from './ask-back-reply';
export { comfortOffer, OFFER_OPTIONS } from './comfort-offer';
export {
  analyzeRequest,
  LIST_ROOMS,
  parseRequest,
  type RequestAnalysis,
  thresholdAskBack,
} from './parse-request';
export type * from './types';
export { DATA_INTENTS, SETUP_INTENTS } from './types';
