/**
 * The builtins the evaluator runs itself (bash(1) SHELL BUILTIN COMMANDS): output, tests, variables and
 * scopes, positional parameters, control flow, the working directory, `getopts`, `eval` of known text.
 * `mkdir` is here too: build recipes name their builds by directory, and `-d` tests should see it.
 */
import { evaluateArithmetic } from './arithmetic.js';
import { declareVariables } from './declare-builtin.js';
import { execList } from './evaluate-commands.js';
import { arithmeticScope } from './expand-word.js';
import { assignScalar } from './assign-variable.js';
import { parseShell } from './parse-shell.js';
import { expandEscapes, formatPrintf } from './printf-format.js';
import type { Assignment } from './shell-ast.js';
import { changeDirectory, makeDirectories, popDirectory, pushDirectory } from './shell-paths.js';
import type { ExitStatus, ShellState } from './shell-state.js';
import { originAt, quote, report, scopeOf, setFunction, setVariable, write } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { concatStrings, knownString, textOf, unknownString, withText } from './shell-value.js';
import { evaluateTestArgs, toStatus } from './test-expression.js';
import { readLine } from './read-builtin.js';
import { getopts } from './getopts-builtin.js';

export interface BuiltinCall {
  /** The arguments after the command name. */
  readonly args: readonly ShellString[];
  readonly line: number;
  /** Assignment arguments of declaration builtins, by position in `args`. */
  readonly assignArgs?: ReadonlyMap<number, Assignment>;
}

export type Builtin = (state: ShellState, call: BuiltinCall) => ExitStatus;

const ok: Builtin = () => 0;

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': ok,
  true: ok,
  false: () => 1,
  echo,
  printf,
  test: (state, { args, line }) => test(state, args, line),
  '[': (state, { args, line }) => {
    if (args.length === 0 || textOf(args[args.length - 1]!) !== ']') return fail(state, '[: missing `]\'', line, 2);
    return test(state, args.slice(0, -1), line);
  },
  local: (state, call) => declareVariables(state, call, 'local'),
  declare: (state, call) => declareVariables(state, call, 'declare'),
  typeset: (state, call) => declareVariables(state, call, 'declare'),
  export: (state, call) => declareVariables(state, call, 'export'),
  readonly: (state, call) => declareVariables(state, call, 'readonly'),
  unset,
  shift: (state, { args, line }) => {
    const n = args[0] ? Number(textOf(args[0])) : 1;
    if (!Number.isInteger(n) || n < 0) return fail(state, `shift: ${quote(args[0]!)}: numeric argument required`, line, 1);
    if (n > state.positional.length) return 1;
    state.positional = state.positional.slice(n);
    return 0;
  },
  set,
  return: (state, call) => jump(state, call, 'return'),
  exit: (state, call) => jump(state, call, 'exit'),
  break: (state, call) => jump(state, call, 'break'),
  continue: (state, call) => jump(state, call, 'continue'),
  cd: (state, { args, line }) => {
    changeDirectory(state, args[0] ?? unknownString('$HOME', originAt(state, line)));
    return 0;
  },
  pushd: (state, { args, line }) => {
    if (!args[0]) return fail(state, 'pushd: no other directory', line, 1);
    pushDirectory(state, args[0]);
    return 0;
  },
  popd: (state, { line }) => (popDirectory(state) ? 0 : fail(state, 'popd: directory stack empty', line, 1)),
  pwd: (state, { line }) => {
    write(state, state.stdout, concatStrings([state.cwd, knownString('\n', originAt(state, line))], state.cwd.origin), line);
    return 0;
  },
  mkdir: (state, { args }) => {
    makeDirectories(state, args);
    return args.some((a) => textOf(a) === '-p') ? 0 : state.externalStatus;
  },
  getopts,
  eval: evalBuiltin,
  let: (state, { args, line }) => {
    let last = 0n;
    for (const arg of args) {
      const result = evaluateArithmetic(textOf(arg), arithmeticScope(state, line));
      if (!('value' in result) || arg.unknown !== undefined) return 'unknown';
      last = result.value;
    }
    return last === 0n ? 1 : 0;
  },
  read: readLine,
  shopt: ok,
  trap: ok,
  wait: ok,
  umask: ok,
  hash: ok,
  ulimit: ok,
};

function echo(state: ShellState, { args, line }: BuiltinCall): ExitStatus {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(textOf(args[i]!)); i++) {
    for (const flag of textOf(args[i]!).slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const origin = originAt(state, line);
  const parts: ShellString[] = [];
  for (const [n, arg] of args.slice(i).entries()) {
    if (n > 0) parts.push(knownString(' ', origin));
    if (!escapes) parts.push(arg);
    else {
      const expanded = expandEscapes(textOf(arg));
      parts.push(withText(arg, expanded.text));
      if (expanded.stop) {
        newline = false;
        break;
      }
    }
  }
  if (newline) parts.push(knownString('\n', origin));
  write(state, state.stdout, concatStrings(parts, origin), line);
  return 0;
}

function printf(state: ShellState, { args, line }: BuiltinCall): ExitStatus {
  let rest = args;
  let target: string | undefined;
  if (rest[0] && textOf(rest[0]) === '-v' && rest[1]) {
    target = textOf(rest[1]);
    rest = rest.slice(2);
  }
  if (rest[0] && textOf(rest[0]) === '--') rest = rest.slice(1);
  if (!rest[0]) return fail(state, 'printf: usage: printf [-v var] format [arguments]', line, 2);
  const origin = originAt(state, line);
  const result = formatPrintf(rest[0], rest.slice(1), origin);
  const value: ShellString = { pieces: result.pieces, origin, ...(result.unknown !== undefined ? { unknown: result.unknown } : {}) };
  if (target) assignScalar(state, target, value, false, line);
  else write(state, state.stdout, value, line);
  if (result.error) return fail(state, `printf: ${result.error}`, line, 1);
  return 0;
}

function test(state: ShellState, args: readonly ShellString[], line: number): ExitStatus {
  const truth = evaluateTestArgs(state, args, line);
  if (typeof truth === 'object' && 'error' in truth) return fail(state, `test: ${truth.error}`, line, 2);
  if (typeof truth === 'object') state.statusReason = truth.unknown;
  return toStatus(truth);
}

function unset(state: ShellState, { args }: BuiltinCall): ExitStatus {
  const functions = args.some((a) => textOf(a) === '-f');
  for (const arg of args) {
    const name = textOf(arg);
    if (name.startsWith('-')) continue;
    if (functions) setFunction(state, name, undefined);
    else setVariable(state, scopeOf(state, name), name, undefined);
  }
  return 0;
}

/** `set -e`, `set -o pipefail`, `set -u` and their `+` forms; `set -- ARGS` replaces the positional parameters. */
function set(state: ShellState, { args }: BuiltinCall): ExitStatus {
  const names: Readonly<Record<string, 'errexit' | 'nounset' | 'pipefail'>> = { e: 'errexit', u: 'nounset', errexit: 'errexit', nounset: 'nounset', pipefail: 'pipefail' };
  for (let i = 0; i < args.length; i++) {
    const arg = textOf(args[i]!);
    if (arg === '--' || !/^[-+]/.test(arg)) {
      state.positional = args.slice(arg === '--' ? i + 1 : i);
      return 0;
    }
    const on = arg.startsWith('-');
    if (arg === '-o' || arg === '+o') {
      const flag = names[textOf(args[++i] ?? knownString('', args[0]!.origin))];
      if (flag) state.flags[flag] = on;
      continue;
    }
    for (const letter of arg.slice(1)) {
      const flag = names[letter];
      if (flag) state.flags[flag] = on;
    }
  }
  return 0;
}

function jump(state: ShellState, { args, line }: BuiltinCall, kind: 'return' | 'exit' | 'break' | 'continue'): ExitStatus {
  const arg = args[0];
  if (kind === 'break' || kind === 'continue') {
    state.jump = { kind, count: arg ? Math.max(Number(textOf(arg)) || 1, 1) : 1 };
    return 0;
  }
  state.jump = { kind, count: 0 };
  if (!arg) return state.status;
  if (arg.unknown !== undefined) return 'unknown';
  const n = Number(textOf(arg));
  if (!Number.isInteger(n)) return fail(state, `${kind}: ${quote(arg)}: numeric argument required`, line, 2);
  return ((n % 256) + 256) % 256;
}

/** `eval` of text known statically is parsed and evaluated like the script; unknown text is reported (FD306). */
function evalBuiltin(state: ShellState, { args, line }: BuiltinCall): ExitStatus {
  const text = concatStrings(args.flatMap((a, i) => (i ? [knownString(' ', a.origin), a] : [a])), originAt(state, line));
  if (text.unknown !== undefined) {
    report(state, 'FD306', `eval of text that is unknown statically (${text.unknown}) was not evaluated`, line);
    return 'unknown';
  }
  const script = parseShell(textOf(text), state.file);
  const saved = state.mapLine;
  state.mapLine = () => saved(line);
  execList(state, script.commands);
  state.mapLine = saved;
  for (const error of script.errors) report(state, 'FD303', `eval: syntax error: ${error.message}`, line);
  return state.status;
}

/** Writes bash's message for a failed builtin to stderr and returns its status. */
export function fail(state: ShellState, message: string, line: number, status: number): number {
  write(state, state.stderr, knownString(`${message}\n`, originAt(state, line)), line);
  return status;
}
