import type { UtilisationFocus } from './types';

const GHOST =
  /\bghost (?:bookings?|meetings?)\b|\bno[- ]?shows?\b|\b(?:nobody|no ?one|no-one) (?:showed|turned|came|used)\b|\bbooked\b.*\b(?:empty|unused|not used|nobody|no ?one|no-one)\b|\bunused\b.*\bbook(?:ed|ings?)\b/;
const SIZE =
  /\b(?:over|under)-? ?sized\b|\btoo (?:big|small|large)\b|\b(?:bigger|larger|smaller) than (?:they|it) needs?\b|\bright-? ?sized\b|\b(?:peak|occupancy|people|headcount)\b.*\b(?:vs|versus|against|compared to)\b.*\bcapacity\b/;

/**
 * What only the utilisation answer can say: ghost bookings ("booked but empty", "no-shows") or room
 * size against the people in it ("oversized", "too small"). Plain "utilisation", "used" and "booked"
 * are measurements (timeUsed, timeBooked) and stay queries and rankings.
 */
export function readUtilisationFocus(view: string): UtilisationFocus | undefined {
  if (GHOST.test(view)) return 'ghost';
  if (SIZE.test(view)) return 'size';
  return undefined;
}
