import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { rangeLabel } from '../../src/handlers/support/labels';

const ZONE = 'Europe/Oslo';
/** Fri 4 Dec 2026 13:17:42.315 in Oslo: a clock that is not on a whole minute, as real clocks are. */
const NOW = DateTime.fromISO('2026-12-04T13:17:42.315', { zone: ZONE }).toMillis();
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const HOUR = 3_600_000;

describe('window labels (calendar windows named as such, rolling ones as "last …")', () => {
  it('today is "today, since 00:00", not "last 13 h 18 min"', () => {
    assert.equal(rangeLabel(at('2026-12-04T00:00'), NOW, NOW, ZONE), 'today, since 00:00');
  });

  it('this week runs from Monday 00:00, this month from the 1st', () => {
    assert.equal(rangeLabel(at('2026-11-30T00:00'), NOW, NOW, ZONE), 'this week, since Mon 00:00');
    assert.equal(rangeLabel(at('2026-12-01T00:00'), NOW, NOW, ZONE), 'this month, since 1 Dec');
  });

  it('yesterday names its date; another whole day is its date', () => {
    assert.equal(
      rangeLabel(at('2026-12-03T00:00'), at('2026-12-04T00:00'), NOW, ZONE),
      'yesterday, Thu 3 Dec',
    );
    assert.equal(rangeLabel(at('2026-12-01T00:00'), at('2026-12-02T00:00'), NOW, ZONE), 'Tue 1 Dec');
  });

  it('last week, a whole month and several whole days', () => {
    assert.equal(
      rangeLabel(at('2026-11-23T00:00'), at('2026-11-30T00:00'), NOW, ZONE),
      'last week, Mon 23 – Sun 29 Nov',
    );
    assert.equal(rangeLabel(at('2026-11-01T00:00'), at('2026-12-01T00:00'), NOW, ZONE), 'November 2026');
    assert.equal(
      rangeLabel(at('2026-11-27T00:00'), at('2026-12-02T00:00'), NOW, ZONE),
      'Fri 27 Nov – Tue 1 Dec',
    );
  });

  it('rolling windows stay "last …", also when the window was read a moment before now', () => {
    assert.equal(rangeLabel(NOW - 6 * HOUR, NOW, NOW, ZONE), 'last 6 h');
    assert.equal(rangeLabel(NOW - 24 * HOUR, NOW, NOW + 850, ZONE), 'last 24 h');
    assert.equal(rangeLabel(NOW - 24 * HOUR - 850, NOW, NOW + 850, ZONE), 'last 24 h');
    assert.equal(rangeLabel(NOW - 7 * 24 * HOUR, NOW, NOW, ZONE), 'last 7 d');
  });

  it('a stated start ("since 8am") names that start, not how long ago it was', () => {
    const anchored = (iso: string) => rangeLabel(at(iso), NOW, NOW, ZONE, true);
    assert.equal(anchored('2026-12-04T08:00'), 'today, since 08:00');
    assert.equal(anchored('2026-12-04T09:30'), 'today, since 09:30');
    assert.equal(anchored('2026-12-03T18:00'), 'since yesterday 18:00');
    assert.equal(anchored('2026-12-01T18:00'), 'since Tue 1 Dec 18:00');
    assert.equal(anchored('2025-12-30T07:15'), 'since Tue 30 Dec 2025 07:15');
    // The same numbers without the stated start are a rolling window.
    assert.equal(rangeLabel(at('2026-12-04T08:00'), NOW, NOW, ZONE), 'last 5 h 18 min');
    // Read a moment before now, it still ends now.
    assert.equal(rangeLabel(at('2026-12-04T08:00'), NOW, NOW + 850, ZONE, true), 'today, since 08:00');
  });

  it('a stated start at midnight keeps its calendar label; a stated start of a closed window has none', () => {
    assert.equal(rangeLabel(at('2026-12-04T00:00'), NOW, NOW, ZONE, true), 'today, since 00:00');
    assert.equal(rangeLabel(at('2026-11-30T00:00'), NOW, NOW, ZONE, true), 'this week, since Mon 00:00');
    assert.equal(rangeLabel(at('2026-12-03T00:00'), NOW, NOW, ZONE, true), 'since yesterday 00:00');
    assert.equal(rangeLabel(at('2026-12-02T09:00'), at('2026-12-02T11:00'), NOW, ZONE, true), '');
  });

  it('a stated start across a DST change is named in local time', () => {
    // Sun 29 Mar 2026: 02:00 → 03:00 in Oslo. "since yesterday 01:30" asked on Monday morning.
    const now = DateTime.fromISO('2026-03-30T10:00:07.5', { zone: ZONE }).toMillis();
    assert.equal(rangeLabel(at('2026-03-29T01:30'), now, now, ZONE, true), 'since yesterday 01:30');
    assert.equal(rangeLabel(at('2026-03-30T08:00'), now, now, ZONE, true), 'today, since 08:00');
  });

  it('a day across a DST change is still one day (23 h long in Oslo)', () => {
    const now = DateTime.fromISO('2026-03-30T10:00:07.5', { zone: ZONE }).toMillis();
    assert.equal(
      rangeLabel(at('2026-03-29T00:00'), at('2026-03-30T00:00'), now, ZONE),
      'yesterday, Sun 29 Mar',
    );
    assert.equal(rangeLabel(at('2026-03-29T00:00'), now, now, ZONE), 'since yesterday 00:00');
    assert.equal(rangeLabel(at('2026-03-27T00:00'), now, now, ZONE), 'since Fri 27 Mar');
  });

  it('a window that is neither calendar-aligned nor ending now has no label (the range line says it)', () => {
    assert.equal(rangeLabel(at('2026-12-02T09:00'), at('2026-12-02T11:00'), NOW, ZONE), '');
  });
});
