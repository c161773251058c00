import assert from 'node:assert/strict';
import { summarizeDurations } from '../../src/metrics';

const item = (hour: number, duration: number, z = 'Z') => ({
  start: `2026-11-18T${String(hour).padStart(2, '0')}:00:00${z}`,
  end: `2026-11-18T${String(hour + 1).padStart(2, '0')}:00:00${z}`,
  duration,
});

describe('metrics/durations summarizeDurations', () => {
  it('sums booked and used time and counts ghost minutes per bucket', () => {
    const booked = [item(10, 60), item(11, 30)];
    // Formatted differently, as another window of the stitched answer might be.
    const used = [item(10, 15, '.000Z'), item(11, 45), item(13, 20)];
    const result = summarizeDurations(booked, used);
    assert.equal(result.bookedMinutes, 90);
    assert.equal(result.usedMinutes, 80);
    // 10:00: 60 booked, 15 used → 45; 11:00: more used than booked → 0; 13:00 walk-in → 0.
    assert.equal(result.ghostMinutes, 45);
    assert.ok(Math.abs(result.utilisation! - 80 / 90) < 1e-12);
  });

  it('has no utilisation when nothing was booked', () => {
    assert.deepEqual(summarizeDurations([], [item(9, 30)]), {
      bookedMinutes: 0,
      usedMinutes: 30,
      ghostMinutes: 0,
      utilisation: undefined,
    });
  });

  it('counts a booked bucket without use as ghost time entirely', () => {
    assert.deepEqual(summarizeDurations([item(9, 60), item(14, 30)], []), {
      bookedMinutes: 90,
      usedMinutes: 0,
      ghostMinutes: 90,
      utilisation: 0,
    });
  });
});
