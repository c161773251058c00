import { SettingsError } from '../bot/settings';
import { loadEnvFile } from './env-file';
import { UsageError } from './options';

// Each command is loaded when it runs: `serve` never loads the emulator, the sandbox or the parser's
// sample office (memory of a long-running bot), and the others do not load the bot.
// (`require`, not `import()`: tsx registers a CommonJS loader only.)
const serve = () => require('./serve-command') as typeof import('./serve-command');
const sandbox = () => require('./sandbox-command') as typeof import('./sandbox-command');
const emulator = () => require('./emulator-command') as typeof import('./emulator-command');
const parse = () => require('./parse-command') as typeof import('./parse-command');
const webhooks = () => require('./webhooks-command') as typeof import('./webhooks-command');

/** The full usage text (loads every command for its options). */
function usage(): string {
  const { SANDBOX_USAGE } = sandbox();
  const { EMULATOR_USAGE } = emulator();
  const { PARSE_USAGE } = parse();
  const { SERVE_USAGE } = serve();
  const { WEBHOOKS_USAGE } = webhooks();
  return `Usage: room-metrics <command> [options]

Commands:
  start      run the product: the bot ('serve') when WEBEX_BOT_TOKEN is set (environment or .env),
             otherwise the sandbox ('sandbox'); options go to that command
  sandbox    run a local sandbox Webex with a web chat: the emulator, the bot and a chat page
  emulator   run the local Webex API emulator
  parse      show how the bot understands a request (JSON)
  serve      run the bot (settings from the environment, see .env.example)
  doctor     check a deployment: tokens, scopes, public URL, webhooks, store, time zones
  webhooks   list, sync (create, re-activate, de-duplicate) or delete the bot token's webhooks

Run 'room-metrics <command> --help' for a command's options.

${SANDBOX_USAGE}

${EMULATOR_USAGE}

${PARSE_USAGE}

${SERVE_USAGE}

${WEBHOOKS_USAGE}`;
}

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    loadEnvFile();
    switch (command) {
      case 'start':
        return (process.env.WEBEX_BOT_TOKEN ?? '').trim() !== ''
          ? await serve().runServe(rest)
          : await sandbox().runSandbox(rest);
      case 'sandbox':
        return await sandbox().runSandbox(rest);
      case 'emulator':
        return await emulator().runEmulator(rest);
      case 'parse':
        return await parse().runParse(rest);
      case 'serve':
        return await serve().runServe(rest);
      case 'webhooks':
        return await webhooks().runWebhooks(rest);
      case 'doctor':
        return await (require('./doctor-command') as typeof import('./doctor-command')).runDoctor(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage());
        return command === undefined ? 2 : 0;
      default:
        console.error(`room-metrics: unknown command '${command}'.\n\n${usage()}`);
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
