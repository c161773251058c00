import type { AlertRule } from '../../src/model';

/**
 * An alert rule for the pure alert tests: TVOC above 1000 in every room, firing at once (no hold),
 * 50 ppb hysteresis, no reminders, set up by ops@example.com at 0; `over` changes what a test needs.
 */
export const alertRule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: 'a1',
  roomId: 'space-1',
  metric: 'tvoc',
  rooms: { all: true },
  condition: { op: 'above', value: 1000 },
  holdMs: 0,
  hysteresis: 50,
  renotifyMs: 0,
  muted: false,
  createdBy: { personId: 'p1', email: 'ops@example.com' },
  createdAt: 0,
  ...over,
});
