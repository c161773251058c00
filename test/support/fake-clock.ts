import { DateTime } from 'luxon';

/** A clock tests move by hand; `sleep` advances it instead of waiting. */
export class FakeClock {
  constructor(private current: number) {}

  now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }

  sleep = async (ms: number): Promise<void> => {
    this.current += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
}

/**
 * A clock that runs at real speed but is pinned to a chosen instant while a test needs one, and
 * otherwise stands at `hour`:00 local time of the most recent past day (plus the time elapsed since),
 * so "today" has hours of readings and no answer crosses midnight whenever the tests run. The
 * emulator's own clock stays real: every instant here is in its past.
 */
export class TestClock {
  private readonly offset: number;
  private pinned: number | undefined;

  constructor(timeZone: string, hour = 14) {
    const real = Date.now();
    let start = DateTime.fromMillis(real, { zone: timeZone }).set({
      hour,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    if (start.toMillis() > real - 3_600_000) start = start.minus({ days: 1 });
    this.offset = real - start.toMillis();
  }

  now = (): number => this.pinned ?? Date.now() - this.offset;

  /** Stops the clock at `at` (default: where it is) until `release()`. */
  pin(at: number = this.now()): number {
    this.pinned = at;
    return at;
  }

  release(): void {
    this.pinned = undefined;
  }
}
