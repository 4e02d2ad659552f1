/** `getopts OPTSTRING NAME [ARG...]` (POSIX getopts): one option per call, with OPTIND and OPTARG. */
import { assignScalar } from './assign-variable.js';
import type { BuiltinCall } from './shell-builtins.js';
import type { ExitStatus, ShellState } from './shell-state.js';
import { lookup, originAt } from './shell-state.js';
import { knownString, scalarOf, textOf } from './shell-value.js';

export function getopts(state: ShellState, { args, line }: BuiltinCall): ExitStatus {
  const [spec, nameArg, ...given] = args;
  if (!spec || !nameArg) return 2;
  if (spec.unknown !== undefined) return 'unknown';
  const optstring = textOf(spec);
  const name = textOf(nameArg);
  const argv = given.length ? given : state.positional;
  const origin = originAt(state, line);
  const set = (variable: string, value: string) => assignScalar(state, variable, knownString(value, origin), false, line);
  const optindValue = scalarOf(lookup(state, 'OPTIND'));
  let optind = optindValue && optindValue.unknown === undefined ? Number(textOf(optindValue)) || 1 : 1;
  if (optind === 1 && state.getoptsOffset > 1 && !lookup(state, 'OPTIND')) state.getoptsOffset = 1;
  const current = argv[optind - 1];
  if (current?.unknown !== undefined) return 'unknown';
  const word = current ? textOf(current) : undefined;
  if (word === undefined || word === '-' || !word.startsWith('-') || word === '--') {
    if (word === '--') set('OPTIND', String(optind + 1));
    set(name, '?');
    return 1;
  }
  const offset = Math.max(state.getoptsOffset, 1);
  const letter = word.charAt(offset);
  const at = optstring.indexOf(letter);
  const advance = () => {
    state.getoptsOffset = 1;
    optind++;
  };
  if (letter === ':' || at === -1) {
    set(name, '?');
    if (optstring.startsWith(':')) set('OPTARG', letter);
    state.getoptsOffset = offset + 1;
    if (state.getoptsOffset >= word.length) advance();
    set('OPTIND', String(optind));
    return 0;
  }
  if (optstring.charAt(at + 1) === ':') {
    const attached = word.slice(offset + 1);
    advance();
    const value = attached || (argv[optind - 1] ? textOf(argv[optind++ - 1]!) : undefined);
    if (value === undefined) {
      set(name, optstring.startsWith(':') ? ':' : '?');
      set('OPTIND', String(optind));
      return 0;
    }
    set('OPTARG', value);
  } else {
    state.getoptsOffset = offset + 1;
    if (state.getoptsOffset >= word.length) advance();
  }
  set(name, letter);
  set('OPTIND', String(optind));
  return 0;
}
