import { randomUUID } from 'node:crypto';

/** Webex tracking ids look like `ROUTER_<uuid>`; they come in error bodies and the `TrackingID` header. */
export function newTrackingId(): string {
  return `ROUTER_${randomUUID().toUpperCase()}`;
}
