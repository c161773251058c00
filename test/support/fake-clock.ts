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
