import assert from 'node:assert/strict';
import { formatAge, formatRange, formatTime } from '../../src/cards';
import { formatAt, formatClockWithZone, resolveZone } from '../../src/cards/format';
import { at, NEW_YORK, OSLO } from './fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('cards: time formatting', () => {
  it('formats an instant in the given zone, with English short names', () => {
    assert.equal(formatTime(at('2026-11-18T14:30'), OSLO), 'Wed 18 Nov 14:30');
    assert.equal(formatTime(at('2026-11-18T14:30'), NEW_YORK), 'Wed 18 Nov 08:30');
    assert.equal(formatTime(at('2026-09-03T07:05'), OSLO), 'Thu 3 Sep 07:05');
  });

  it('formats a range within one local day with the day once and the zone', () => {
    assert.equal(
      formatRange(at('2026-11-18T08:30'), at('2026-11-18T14:30'), OSLO),
      'Wed 18 Nov 08:30 – 14:30 (Europe/Oslo)',
    );
    assert.equal(
      formatRange(at('2026-11-18T08:30'), at('2026-11-18T14:30'), NEW_YORK),
      'Wed 18 Nov 02:30 – 08:30 (America/New_York)',
    );
  });

  it('formats a range across days with both days, judged in the zone', () => {
    assert.equal(
      formatRange(at('2026-11-16T00:00'), at('2026-11-18T14:30'), OSLO),
      'Mon 16 Nov 00:00 – Wed 18 Nov 14:30 (Europe/Oslo)',
    );
    // One Oslo day is two New York days.
    assert.equal(
      formatRange(at('2026-11-18T00:00'), at('2026-11-18T14:30'), NEW_YORK),
      'Tue 17 Nov 18:00 – Wed 18 Nov 08:30 (America/New_York)',
    );
  });

  it('adds years when a range crosses New Year', () => {
    assert.equal(
      formatRange(at('2026-12-31T22:00'), at('2027-01-01T02:00'), OSLO),
      'Thu 31 Dec 2026 22:00 – Fri 1 Jan 2027 02:00 (Europe/Oslo)',
    );
  });

  it('formats DST days correctly (spring forward in Oslo and New York)', () => {
    // One real hour across the Oslo switch at 02:00 → 03:00.
    assert.equal(
      formatRange(Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-03-29T01:30:00Z'), OSLO),
      'Sun 29 Mar 01:30 – 03:30 (Europe/Oslo)',
    );
    // Local midnight to 06:00 is five real hours that day, still shown as wall-clock times.
    const from = at('2026-03-29T00:00');
    const to = at('2026-03-29T06:00');
    assert.equal(to - from, 5 * HOUR);
    assert.equal(formatRange(from, to, OSLO), 'Sun 29 Mar 00:00 – 06:00 (Europe/Oslo)');
    assert.equal(
      formatRange(Date.parse('2026-03-08T06:30:00Z'), Date.parse('2026-03-08T07:30:00Z'), NEW_YORK),
      'Sun 8 Mar 01:30 – 03:30 (America/New_York)',
    );
  });

  it('shows the repeated hour of a fall-back day as local wall-clock time', () => {
    assert.equal(
      formatRange(Date.parse('2026-11-01T05:30:00Z'), Date.parse('2026-11-01T06:30:00Z'), NEW_YORK),
      'Sun 1 Nov 01:30 – 01:30 (America/New_York)',
    );
  });

  it('falls back to UTC, and says so, for a zone it does not know', () => {
    assert.equal(resolveZone('Mars/Olympus'), 'UTC');
    assert.equal(
      formatRange(Date.parse('2026-11-18T08:30:00Z'), Date.parse('2026-11-18T14:30:00Z'), 'Mars/Olympus'),
      'Wed 18 Nov 08:30 – 14:30 (UTC)',
    );
    assert.equal(formatClockWithZone(at('2026-11-18T14:30'), OSLO), '14:30 (Europe/Oslo)');
  });

  it('formats "at" times with the clock alone within one day, else with the day', () => {
    const oneDay = { from: at('2026-11-18T08:30'), to: at('2026-11-18T14:30') };
    assert.equal(formatAt(at('2026-11-18T14:00'), oneDay, OSLO), '14:00');
    const days = { from: at('2026-11-16T00:00'), to: at('2026-11-18T14:30') };
    assert.equal(formatAt(at('2026-11-17T22:10'), days, OSLO), 'Tue 17 Nov 22:10');
  });

  it('formats ages tersely', () => {
    assert.equal(formatAge(0), 'just now');
    assert.equal(formatAge(59_999), 'just now');
    assert.equal(formatAge(-5 * MIN), 'just now');
    assert.equal(formatAge(5 * MIN), '5 min ago');
    assert.equal(formatAge(59 * MIN + 59_000), '59 min ago');
    assert.equal(formatAge(80 * MIN), '1 h 20 min ago');
    assert.equal(formatAge(3 * HOUR), '3 h ago');
    assert.equal(formatAge(50 * HOUR), '2 d ago');
    assert.equal(formatAge(Number.NaN), 'age unknown');
  });
});
