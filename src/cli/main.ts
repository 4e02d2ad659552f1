/**
 * The CLI: parses the command and hands over to it. Returns the exit code and never exits itself;
 * commands load lazily so that --help and --version load nothing else.
 */
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';

declare const __FLAGDIFF_VERSION__: string;

type Run = (args: readonly string[], io: CliIo) => Promise<number>;

/** Each command loads alone: `kernel` does not pay for the spec reader, the shell evaluator or QEMU's knowledge. */
const COMMANDS: Readonly<Record<string, () => Promise<{ run: Run }>>> = {
  kernel: () => import('./kernel-command.js'),
  qemu: () => import('./qemu-command.js'),
  check: () => import('./check-command.js'),
  show: () => import('./show-command.js'),
};
const EXIT = { ok: 0, trouble: 2 } as const;

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
    // Matched by name: importing the classes here would load the commands' modules for --help.
    const { name, message } = error as Error;
    if (name === 'UsageError') {
      io.stderr.write(`flagdiff ${command}: ${message}; see flagdiff ${command} --help\n`);
      return EXIT.trouble;
    }
    if (name === 'InputError') {
      io.stderr.write(`flagdiff: ${message}\n`);
      return EXIT.trouble;
    }
    throw error;
  }
}
