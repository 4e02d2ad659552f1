/**
 * `$(...)` and backticks. The commands inside are evaluated like any others, in a subshell; when one of
 * them is a command flagdiff does not run (no builtin, no function, no hook answers it), the output is
 * Unknown and an FD301 diagnostic names it. Trailing newlines are removed, as bash does.
 */
import { execList } from './evaluate-commands.js';
import type { Command } from './shell-ast.js';
import type { ShellState } from './shell-state.js';
import { enterSubshell, newSink, originAt, report, sinkValue } from './shell-state.js';
import type { Piece, ShellString } from './shell-value.js';
import { unknownString } from './shell-value.js';

export function runSubstitution(state: ShellState, body: readonly Command[], line: number): ShellString {
  const origin = originAt(state, line);
  const restore = enterSubshell(state);
  const saved = { stdout: state.stdout, substitution: state.substitution };
  state.stdout = newSink();
  state.substitution = {};
  execList(state, body);
  const output = sinkValue(state.stdout, origin);
  const { external } = state.substitution;
  restore();
  state.stdout = saved.stdout;
  state.substitution = saved.substitution;
  if (state.jump && state.jump.kind !== 'exit') state.jump = undefined;
  if (external !== undefined) {
    if (state.heldReports) state.heldReports.push({ external, line });
    else reportSubstitution(state, external, line);
    return unknownString(`the output of ${external}`, origin);
  }
  return { ...output, pieces: trimTrailingNewlines(output.pieces) };
}

/** FD301; a note only when the words it is in are an inert command's (`inertCommand`). */
export function reportSubstitution(state: ShellState, external: string, line: number, inertCommand?: string): void {
  const message = `command substitution runs ${external}, which flagdiff does not run; its output is unknown`;
  if (inertCommand === undefined) report(state, 'FD301', message, line);
  else report(state, 'FD301', `${message}; only ${inertCommand}'s arguments take it, and nothing is read from them`, line, 'info');
}

function trimTrailingNewlines(pieces: readonly Piece[]): Piece[] {
  const out = [...pieces];
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.replace(/\n+$/, '');
    if (trimmed === last.text) break;
    if (trimmed) {
      out[out.length - 1] = { text: trimmed, origin: last.origin };
      break;
    }
    out.pop();
  }
  return out;
}
