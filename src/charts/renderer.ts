import type { ChartRequest } from './chart-request';

/** Turns a chart request into an image URL a Webex client can fetch. */
export interface ChartRenderer {
  /** Resolves to an http(s) URL of the rendered chart (PNG). */
  render(request: ChartRequest): Promise<string>;
  /** Releases resources (workers); later renders reject. */
  close(): Promise<void>;
}
