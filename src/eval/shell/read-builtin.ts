/** `read [-r] [NAME...]`: one line of the standard input the script gave (a heredoc, `<<<`, a pipe from a builtin). */
import type { BuiltinCall } from './shell-builtins.js';
import { assignScalar } from './assign-variable.js';
import type { ExitStatus, ShellState } from './shell-state.js';
import { lookup } from './shell-state.js';
import { knownString, scalarOf, sliceString, textOf, unknownString } from './shell-value.js';

/** Reads a line, splits it on IFS into the names (the last takes the rest), and consumes it from the input. */
export function readLine(state: ShellState, { args, line }: BuiltinCall): ExitStatus {
  const raw = args.some((a) => textOf(a) === '-r');
  const names = args.map(textOf).filter((a) => !a.startsWith('-'));
  if (names.length === 0) names.push('REPLY');
  const input = state.stdin;
  if (!input || input.unknown !== undefined) {
    for (const name of names) assignScalar(state, name, unknownString('a line read from standard input that flagdiff does not have', input?.origin ?? state.scriptName.origin), false, line);
    return 'unknown';
  }
  const text = textOf(input);
  if (text === '') return 1;
  const end = text.indexOf('\n');
  const lineText = end === -1 ? text : text.slice(0, end);
  state.stdin = sliceString(input, end === -1 ? text.length : end + 1);
  const value = raw ? lineText : lineText.replace(/\\(.)/g, '$1');
  const ifs = textOf(scalarOf(lookup(state, 'IFS')) ?? knownString(' \t\n', input.origin));
  const fields = splitForRead(value, ifs, names.length);
  names.forEach((name, i) => assignScalar(state, name, knownString(fields[i] ?? '', input.origin), false, line));
  return end === -1 ? 1 : 0;
}

function splitForRead(text: string, ifs: string, count: number): string[] {
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const trimmed = white ? text.replace(new RegExp(`^[${escape(white)}]+|[${escape(white)}]+$`, 'g'), '') : text;
  if (count === 1 || !ifs) return [trimmed];
  const fields: string[] = [];
  let rest = trimmed;
  while (fields.length < count - 1) {
    const match = new RegExp(`[${escape(ifs)}]`).exec(rest);
    if (!match) break;
    fields.push(rest.slice(0, match.index));
    rest = rest.slice(match.index + 1).replace(white ? new RegExp(`^[${escape(white)}]+`) : /^/, '');
  }
  return [...fields, rest];
}

function escape(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}
