/**
 * The CLI: parses the command and hands over to it. Returns the exit code and never exits itself;
 * commands load lazily so that --help and --version load nothing else.
 */
import { InputError } from '../model/diagnostic.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';

declare const __FLAGDIFF_VERSION__: string;

const COMMANDS: Readonly<Record<string, () => Promise<{ run(args: readonly string[], io: CliIo): Promise<number> }>>> = {
  kernel: () => import('./kernel-command.js'),
  show: () => import('./show-command.js'),
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--version') {
    io.stdout.write(`${__FLAGDIFF_VERSION__}\n`);
    return EXIT.ok;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  const load = command === undefined ? undefined : COMMANDS[command];
  if (!load) {
    io.stderr.write(command === undefined ? MAIN_HELP : `flagdiff: unknown command '${command}'; see flagdiff --help\n`);
    return EXIT.trouble;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(COMMAND_HELP[command!]!);
    return EXIT.ok;
  }
  try {
    return await (await load()).run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`flagdiff ${command}: ${error.message}; see flagdiff ${command} --help\n`);
      return EXIT.trouble;
    }
    if (error instanceof InputError) {
      io.stderr.write(`flagdiff: ${error.message}\n`);
      return EXIT.trouble;
    }
    throw error;
  }
}
