import assert from 'node:assert/strict';
import { type MetricSummary, rankWorkspaces, summarize } from '../../src/metrics';
import { bucket, HOUR, hourlyOptions, T0 } from './helpers';

/** A workspace whose two hourly buckets give the wanted mean, min and max. */
function room(
  name: string,
  stats?: { mean: number; min: number; max: number },
): { name: string; summary: MetricSummary } {
  const points = stats
    ? [
        bucket(T0, stats.mean - 1, stats.min, stats.mean),
        bucket(T0 + HOUR, stats.mean + 1, stats.mean, stats.max),
      ]
    : [];
  return { name, summary: summarize('temperature', points, hourlyOptions(T0, T0 + 2 * HOUR)) };
}

describe('metrics/ranking rankWorkspaces', () => {
  const rooms = [
    room('A', { mean: 22, min: 18, max: 24 }),
    room('B', { mean: 24, min: 21, max: 26 }),
    room('C', { mean: 20, min: 19, max: 27 }),
    room('D'),
    room('E', { mean: 22, min: 20, max: 23 }),
  ];
  const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name);

  it('builds the fixtures it claims to', () => {
    assert.equal(rooms[0]!.summary.mean, 22);
    assert.equal(rooms[0]!.summary.min?.value, 18);
    assert.equal(rooms[2]!.summary.max?.value, 27);
    assert.equal(rooms[3]!.summary.count, 0);
  });

  it('ranks by mean, highest first, keeping the caller order for ties', () => {
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'mean', order: 'desc', limit: 2 })), ['B', 'A']);
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'mean', order: 'desc', limit: 10 })), [
      'B',
      'A',
      'E',
      'C',
    ]);
  });

  it('ranks by mean, lowest first', () => {
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'mean', order: 'asc', limit: 10 })), [
      'C',
      'A',
      'E',
      'B',
    ]);
  });

  it('ranks by max and min', () => {
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'max', order: 'desc', limit: 1 })), ['C']);
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'max', order: 'asc', limit: 2 })), ['E', 'A']);
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'min', order: 'asc', limit: 3 })), ['A', 'C', 'E']);
    assert.deepEqual(names(rankWorkspaces(rooms, { stat: 'min', order: 'desc', limit: 4 })), [
      'B',
      'E',
      'C',
      'A',
    ]);
  });

  it('leaves out entries without data, and they do not count towards the limit', () => {
    const ranked = rankWorkspaces([room('D'), room('X', { mean: 21, min: 20, max: 22 })], {
      stat: 'mean',
      order: 'asc',
      limit: 1,
    });
    assert.deepEqual(names(ranked), ['X']);
    assert.deepEqual(rankWorkspaces([room('D')], { stat: 'max', order: 'desc', limit: 5 }), []);
  });

  it('ranks an empty room (no people count from a reporting device) with 0 people; an unknown one not at all', () => {
    const people = (name: string, means: number[], deviceReporting?: boolean) => ({
      name,
      summary: summarize(
        'peopleCount',
        means.map((m, i) => bucket(T0 + i * HOUR, m)),
        hourlyOptions(T0, T0 + 2 * HOUR, deviceReporting === undefined ? {} : { deviceReporting }),
      ),
    });
    const entries = [people('Busy', [4, 6], true), people('Empty', [], true), people('Silent', [], false)];
    assert.deepEqual(names(rankWorkspaces(entries, { stat: 'mean', order: 'asc', limit: 5 })), [
      'Empty',
      'Busy',
    ]);
    assert.deepEqual(names(rankWorkspaces(entries, { stat: 'max', order: 'desc', limit: 5 })), [
      'Busy',
      'Empty',
    ]);
  });

  it('does not change its input', () => {
    const input = [...rooms];
    rankWorkspaces(input, { stat: 'mean', order: 'asc', limit: 2 });
    assert.deepEqual(names(input), ['A', 'B', 'C', 'D', 'E']);
  });
});
