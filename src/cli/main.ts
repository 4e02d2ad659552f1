/**
 * The CLI: parses the command and hands over to it. Returns the exit code and never exits itself;
 * commands load lazily so that --help and --version load nothing else.
 */
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';

declare const __FLAGDIFF_VERSION__: string;

const COMMANDS = ['kernel', 'qemu', 'check', 'show'] as const;
type Command = (typeof COMMANDS)[number];
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
  if (!(COMMANDS as readonly (string | undefined)[]).includes(command)) {
    io.stderr.write(command === undefined ? MAIN_HELP : `flagdiff: unknown command '${command}'; see flagdiff --help\n`);
    return EXIT.trouble;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(COMMAND_HELP[command!]!);
    return EXIT.ok;
  }
  try {
    const commands = await import('./commands.js');
    return await commands[command as Command](args, io);
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
