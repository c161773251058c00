/**
 * Root hooks: tests may only talk to this machine. Any DNS look-up of another host (the Webex SDK
 * reaching for u2c.wbx2.com, a forgotten real URL) is refused and fails the run.
 */
import dns from 'node:dns';

const attempts: string[] = [];
const LOCAL = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const original = dns.lookup;

function guardedLookup(this: unknown, hostname: string, ...rest: unknown[]): void {
  if (!LOCAL.has(hostname) && !hostname.endsWith('.localhost')) {
    attempts.push(hostname);
    const callback = rest.at(-1) as (error: Error) => void;
    const error = Object.assign(new Error(`tests may not look up outside hosts (${hostname})`), {
      code: 'ENOTFOUND',
    });
    process.nextTick(() => callback(error));
    return;
  }
  (original as (...args: unknown[]) => void).call(this, hostname, ...rest);
}

(dns as { lookup: unknown }).lookup = guardedLookup;

export const mochaHooks = {
  afterAll(): void {
    if (attempts.length > 0) {
      throw new Error(`Tests tried to reach outside hosts: ${[...new Set(attempts)].join(', ')}`);
    }
  },
};
