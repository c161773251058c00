import { parseArgs } from 'node:util';
import { readSettings } from '../bot/settings';
import { type CheckResult, runChecks } from './doctor/checks';

export const DOCTOR_USAGE = `Usage: room-metrics doctor

Checks a deployment with the settings 'serve' uses (environment and .env): the bot token, the admin
credentials and each scope they need, the public URL (reachable from here, /webhook answering), the
bot's webhooks, the store and the time zones. One line per check, with what to do when it fails.
Webex is only read (the store gets one test value). Exit code 0 when every check passes, 1 otherwise,
2 for a missing or invalid setting. Run it next to a running 'room-metrics serve'.`;

export interface DoctorIo {
  env?: NodeJS.ProcessEnv;
  /** Receives each line (default: stdout). */
  print?: (line: string) => void;
  /** Colour the marks (default: when stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
  /** Each network call's limit (ms). Default 5000. */
  timeoutMs?: number;
}

/** `✔ name — detail` or `✘ name — detail. Fix: what to do`. */
export function formatCheck(result: CheckResult, color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  if (result.ok) return `${paint(32, '✔')} ${result.name} — ${result.detail}`;
  return `${paint(31, '✘')} ${result.name} — ${result.detail}. Fix: ${result.fix ?? 'see the README'}`;
}

/** Runs every check and prints it as it settles, in a fixed order; the exit code. */
export async function runDoctor(argv: string[], io: DoctorIo = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  const print = io.print ?? ((line: string) => console.log(line));
  if (values.help) {
    print(DOCTOR_USAGE);
    return 0;
  }
  const env = io.env ?? process.env;
  const settings = readSettings(env); // a SettingsError: one line and exit code 2 (main)
  const color = io.color ?? (process.stdout.isTTY === true && !env.NO_COLOR);
  const checks = runChecks(settings, io.timeoutMs !== undefined ? { timeoutMs: io.timeoutMs } : {});
  let failed = 0;
  for (const check of checks) {
    const result = await check;
    if (!result.ok) failed++;
    print(formatCheck(result, color));
  }
  print(
    failed === 0 ? `All ${checks.length} checks passed.` : `${failed} of ${checks.length} checks failed.`,
  );
  return failed === 0 ? 0 : 1;
}
