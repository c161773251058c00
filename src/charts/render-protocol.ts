import type { ChartRequest } from './chart-request';

/** Messages between {@link LocalChartRenderer} and its render workers (types only). */
export type ToWorker = { type: 'render'; jobId: number; request: ChartRequest };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'rendered'; jobId: number; png: Uint8Array }
  | { type: 'failed'; jobId: number; message: string };
