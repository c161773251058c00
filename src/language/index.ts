export { analyzeRequest, parseRequest, type RequestAnalysis } from './parse-request';
export type * from './types';
export { DATA_INTENTS, SETUP_INTENTS } from './types';
