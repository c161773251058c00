export { analyzeRequest, parseRequest, type RequestAnalysis } from './parse-request';
export type * from './types';
