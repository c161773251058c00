import { IANAZone } from 'luxon';

const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 1000;

/**
 * Whether `zone` is an IANA time zone this runtime knows. luxon answers by building an
 * `Intl.DateTimeFormat` each time (about 0.1 ms); cards and the emulator ask for every time they
 * show, so the answer is remembered (a bounded number of names: zones come from user text too).
 */
export function isTimeZone(zone: string): boolean {
  let known = verdicts.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdicts.set(zone, known);
  }
  return known;
}

/** The zone when it is a known IANA zone, else `UTC` (never throws on a bad zone). */
export function zoneOrUtc(zone: string): string {
  return isTimeZone(zone) ? zone : 'UTC';
}
