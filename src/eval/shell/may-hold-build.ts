/**
 * Whether code the evaluator did not run (the branches of an undecided `if`, a loop over an unknown
 * list) could have run one of the caller's builds (ShellOptions.builds). Read from the text alone:
 * a command whose name is not a plain word, `eval` and `source` could be anything; a function of the
 * script could be what its body holds; any other command is asked of the caller with the words it
 * would get where they are plain.
 */
import { literalOf } from './parse-shell.js';
import type { Command } from './shell-ast.js';
import type { CommandCall, ShellState } from './shell-state.js';
import { originAt } from './shell-state.js';
import { knownString, unknownString } from './shell-value.js';

const DYNAMIC = new Set(['eval', 'source', '.', 'exec', 'command', 'builtin']);

export function mayHoldBuild(state: ShellState, commands: readonly Command[], builds: (call: CommandCall) => boolean): boolean {
  const seen = new Set<string>();
  const holds = (command: Command): boolean => {
    switch (command.kind) {
      case 'simple': {
        if (command.words.length === 0) return false;
        const name = literalOf(command.words[0]!);
        if (name === undefined || DYNAMIC.has(name)) return true;
        const fn = state.functions.get(name);
        if (fn) {
          if (seen.has(name)) return false;
          seen.add(name);
          return holds(fn.body);
        }
        const origin = originAt(state, command.line);
        const argv = command.words.map((word) => {
          const text = literalOf(word);
          return text === undefined ? unknownString('a word of code not evaluated', origin) : knownString(text, origin);
        });
        return builds({ argv, env: [], cwd: state.cwd, origin, redirects: [] });
      }
      case 'pipeline':
        return command.commands.some(holds);
      case 'and-or':
        return holds(command.left) || holds(command.right);
      case 'if':
        return command.clauses.some((c) => c.condition.some(holds) || c.body.some(holds)) || (command.otherwise ?? []).some(holds);
      case 'for':
      case 'group':
        return command.body.some(holds);
      case 'while':
        return command.condition.some(holds) || command.body.some(holds);
      case 'case':
        return command.items.some((item) => item.body.some(holds));
      case 'function':
      case 'cond':
      case 'arith':
        return false;
      case 'unsupported':
        return true;
    }
  };
  return commands.some(holds);
}
