/**
 * Unit tests for every time-phrase class of `readTime` that the "time phrases still missed" issue
 * named: compound, fractional and glued durations, ISO date-times and ranges, clock ranges on a
 * named day, "since the beginning of …", dot clock times, ranges across days, and years; plus the
 * building blocks of `time-spans.ts`.
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { normalize } from '../../src/language/normalize';
import { readTime } from '../../src/language/time-expressions';
import { readDuration, readIsoDateTime, rewriteDotTimes } from '../../src/language/time-spans';
import { TokenText } from '../../src/language/token-text';

const ZONE = 'Europe/Oslo';
const NOW = DateTime.fromISO('2026-11-18T14:30:00+01:00', { zone: ZONE });

/** The window read from `text`, as local ISO instants without milliseconds. */
function windowOf(text: string, now: DateTime = NOW): [string, string] | undefined {
  const reading = readTime(new TokenText(normalize(text)), now);
  if (!reading.window) return undefined;
  const iso = (d: DateTime) => d.setZone(now.zone).toISO({ suppressMilliseconds: true }) ?? '';
  return [iso(reading.window.from), iso(reading.window.to)];
}

const NOW_ISO = '2026-11-18T14:30:00+01:00';

const CLASSES: Record<string, [string, [string, string] | undefined][]> = {
  'compound durations': [
    ['last 2h 15m', ['2026-11-18T12:15:00+01:00', NOW_ISO]],
    ['past 1 hour and 30 minutes', ['2026-11-18T13:00:00+01:00', NOW_ISO]],
    ['last 1h30m', ['2026-11-18T13:00:00+01:00', NOW_ISO]],
    ['past 3 days 12 hours', ['2026-11-15T02:30:00+01:00', NOW_ISO]],
  ],
  'fractional durations': [
    ['past half a day', ['2026-11-18T02:30:00+01:00', NOW_ISO]],
    ['last half hour', ['2026-11-18T14:00:00+01:00', NOW_ISO]],
    ['the last hour and a half', ['2026-11-18T13:00:00+01:00', NOW_ISO]],
    ['past 2.5 days', ['2026-11-16T02:30:00+01:00', NOW_ISO]],
    ['last quarter of an hour', ['2026-11-18T14:15:00+01:00', NOW_ISO]],
  ],
  'numbers glued to units': [
    ['past 12hrs', ['2026-11-18T02:30:00+01:00', NOW_ISO]],
    ['last2days', ['2026-11-16T14:30:00+01:00', NOW_ISO]],
    ['past10min', ['2026-11-18T14:20:00+01:00', NOW_ISO]],
  ],
  'ISO date-times and ranges': [
    ['from 2026-11-16T08:00 to 2026-11-17T17:30', ['2026-11-16T08:00:00+01:00', '2026-11-17T17:30:00+01:00']],
    ['2026-11-17T13:00Z - 2026-11-17T15:00Z', ['2026-11-17T14:00:00+01:00', '2026-11-17T16:00:00+01:00']],
    ['2026-11-12T07:30/2026-11-12T16:00', ['2026-11-12T07:30:00+01:00', '2026-11-12T16:00:00+01:00']],
    ['since 2026-11-17 09:00', ['2026-11-17T09:00:00+01:00', NOW_ISO]],
    ['at 2026-11-17T10:00', ['2026-11-17T09:30:00+01:00', '2026-11-17T10:30:00+01:00']],
  ],
  'clock range on a named day': [
    ['from 9 to 11:30 on Monday', ['2026-11-16T09:00:00+01:00', '2026-11-16T11:30:00+01:00']],
    ['Wednesday 8 to 10', ['2026-11-18T08:00:00+01:00', '2026-11-18T10:00:00+01:00']],
    ['last Friday 14:00-16:30', ['2026-11-13T14:00:00+01:00', '2026-11-13T16:30:00+01:00']],
  ],
  'since the beginning of a period': [
    ['since the beginning of the week', ['2026-11-16T00:00:00+01:00', NOW_ISO]],
    ['since the start of the quarter', ['2026-10-01T00:00:00+02:00', NOW_ISO]],
    ['from the beginning of last month', ['2026-10-01T00:00:00+02:00', NOW_ISO]],
  ],
  'dot clock times': [
    ['since 7.45', ['2026-11-18T07:45:00+01:00', NOW_ISO]],
    ['from 8.30 to 10.15', ['2026-11-18T08:30:00+01:00', '2026-11-18T10:15:00+01:00']],
    ['at 13.15', ['2026-11-18T12:45:00+01:00', '2026-11-18T13:45:00+01:00']],
  ],
  'ranges across days with times': [
    ['Mon 8am to Tue 6pm', ['2026-11-16T08:00:00+01:00', '2026-11-17T18:00:00+01:00']],
    ['from Friday 17:00 until Monday 08:00', ['2026-11-13T17:00:00+01:00', '2026-11-16T08:00:00+01:00']],
    ['between yesterday 9pm and today 6am', ['2026-11-17T21:00:00+01:00', '2026-11-18T06:00:00+01:00']],
    ['Nov 10 14:00 to Nov 12 09:00', ['2026-11-10T14:00:00+01:00', '2026-11-12T09:00:00+01:00']],
  ],
  years: [
    ['since 1990', ['1990-01-01T00:00:00+01:00', NOW_ISO]],
    ['since 2010', ['2010-01-01T00:00:00+01:00', NOW_ISO]],
    ['in 2012', ['2012-01-01T00:00:00+01:00', '2013-01-01T00:00:00+01:00']],
    ['from 2030 to 2031', ['2030-01-01T00:00:00+01:00', '2032-01-01T00:00:00+01:00']],
  ],
};

describe('time-phrase classes', () => {
  for (const [name, cases] of Object.entries(CLASSES)) {
    describe(name, () => {
      for (const [text, expected] of cases) {
        it(text, () => assert.deepEqual(windowOf(text), expected));
      }
    });
  }

  it('keeps a dotted day-month a date ("since 7.11" is 7 November)', () => {
    assert.deepEqual(windowOf('since 7.11'), ['2026-11-07T00:00:00+01:00', NOW_ISO]);
  });

  it('counts the calendar days of a compound duration across the fall-back', () => {
    const monday = DateTime.fromISO('2026-10-26T09:00:00+01:00', { zone: ZONE });
    assert.deepEqual(windowOf('past 2 days 3 hours', monday), [
      '2026-10-24T06:00:00+02:00',
      '2026-10-26T09:00:00+01:00',
    ]);
  });
});

describe('time-spans building blocks', () => {
  it('reads durations', () => {
    assert.deepEqual(readDuration('2h 15m'), { hours: 2, minutes: 15 });
    assert.deepEqual(readDuration('1 day and 6 hours'), { days: 1, hours: 6 });
    assert.deepEqual(readDuration('half a day'), { hours: 12 });
    assert.deepEqual(readDuration('one and a half hours'), { minutes: 90 });
    assert.deepEqual(readDuration('a couple of weeks'), { weeks: 2 });
  });

  it('reads ISO date-times in the zone unless an offset is written', () => {
    assert.equal(readIsoDateTime('2026-11-17t09:00', ZONE)?.toISO(), '2026-11-17T09:00:00.000+01:00');
    assert.equal(readIsoDateTime('2026-11-17t13:00z', ZONE)?.toISO(), '2026-11-17T14:00:00.000+01:00');
    assert.equal(readIsoDateTime('2026-13-40t09:00', ZONE), undefined);
  });

  it('rewrites dot times only where a time stands', () => {
    const rewrite = (text: string) => {
      const tokens = new TokenText(text);
      rewriteDotTimes(tokens);
      return tokens.words().join(' ');
    };
    assert.equal(rewrite('since 7.45'), 'since 7:45');
    assert.equal(rewrite('between 9.15 and 11.45'), 'between 9:15 and 11:45');
    assert.equal(rewrite('since 7.11'), 'since 7.11');
    assert.equal(rewrite('above 21.50 degrees'), 'above 21.50 degrees');
    assert.equal(rewrite('past 1.50 hours'), 'past 1.50 hours');
  });
});
