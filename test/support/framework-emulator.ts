import { type LoadedFramework, loadFramework } from '../../src/bot/framework-loader';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server';

let shared: Promise<{ emulator: RunningEmulator; framework: LoadedFramework }> | undefined;

/**
 * The framework's SDK binds to one Webex base URL per process, so every test that drives the real
 * framework shares one emulator, started on first use and closed when mocha exits.
 */
export function frameworkEmulator(): Promise<{ emulator: RunningEmulator; framework: LoadedFramework }> {
  shared ??= startEmulator({ port: 0 }).then((emulator) => ({
    emulator,
    framework: loadFramework(emulator.url, { catalogUrl: emulator.catalogUrl }),
  }));
  return shared;
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
