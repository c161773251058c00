/** Documented limits of the Webex APIs, shared by the client and the emulator. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Longest span of one Workspace Metrics call: 48 h for none/hourly, 30 days for daily. */
export const METRICS_MAX_SPAN_MS: Readonly<Record<'none' | 'hourly' | 'daily', number>> = {
  none: 48 * HOUR_MS,
  hourly: 48 * HOUR_MS,
  daily: 30 * DAY_MS,
};

/** `text` and `markdown` of a message: at most 7439 bytes of UTF-8. */
export const MAX_MESSAGE_BYTES = 7439;
