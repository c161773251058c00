export { parseRequest } from './parse-request';
export type * from './types';
