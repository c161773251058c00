import { SettingsError } from '../bot/settings';
import { EMULATOR_USAGE, runEmulator } from './emulator-command';
import { loadEnvFile } from './env-file';
import { UsageError } from './options';
import { PARSE_USAGE, runParse } from './parse-command';
import { runSandbox, SANDBOX_USAGE } from './sandbox-command';
import { runServe, SERVE_USAGE } from './serve-command';

const USAGE = `Usage: room-metrics <command> [options]

Commands:
  start      run the product: the bot ('serve') when WEBEX_BOT_TOKEN is set (environment or .env),
             otherwise the sandbox ('sandbox'); options go to that command
  sandbox    run a local sandbox Webex with a web chat: the emulator, the bot and a chat page
  emulator   run the local Webex API emulator
  parse      show how the bot understands a request (JSON)
  serve      run the bot (settings from the environment, see .env.example)

Run 'room-metrics <command> --help' for a command's options.

${SANDBOX_USAGE}

${EMULATOR_USAGE}

${PARSE_USAGE}

${SERVE_USAGE}`;

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    loadEnvFile();
    switch (command) {
      case 'start':
        return (process.env.WEBEX_BOT_TOKEN ?? '').trim() !== ''
          ? await runServe(rest)
          : await runSandbox(rest);
      case 'sandbox':
        return await runSandbox(rest);
      case 'emulator':
        return await runEmulator(rest);
      case 'parse':
        return await runParse(rest);
      case 'serve':
        return await runServe(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`room-metrics: unknown command '${command}'.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const { address, port } = error as { address?: string; port?: number };
      console.error(
        `room-metrics ${command}: cannot listen on ${address}:${port} (${code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}); choose another with --port N (0 picks a free port).`,
      );
      return 1;
    }
    if (error instanceof SettingsError) {
      console.error(`room-metrics ${command}: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`room-metrics ${command}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
