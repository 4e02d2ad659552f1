/**
 * A simple command (bash(1) SIMPLE COMMAND EXPANSION, COMMAND EXECUTION): expansion, then in this order
 * a caller hook, a function of the script, a builtin, or else an external command, which is recorded
 * and never run. Redirections route output to the script's output, a file write, or nowhere.
 */
import type { Origin } from '../../model/origin.js';
import { applyAssignment } from './assign-variable.js';
import { checkErrexit, execCommand } from './evaluate-commands.js';
import { expandFields, expandString } from './expand-word.js';
import { reportSubstitution } from './run-substitution.js';
import type { Assignment, Command, Redirect } from './shell-ast.js';
import { BUILTINS } from './shell-builtins.js';
import { resolvePath } from './shell-paths.js';
import type { CommandCall, ExitStatus, FunctionDefinition, ShellState, Sink } from './shell-state.js';
import { newSink, originAt, sinkValue, stop, write } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { concatStrings, knownString, textOf, unknownString } from './shell-value.js';

type SimpleCommand = Extract<Command, { kind: 'simple' }>;

export function runSimple(state: ShellState, command: SimpleCommand): void {
  const { line } = command;
  const args: ShellString[] = [];
  const assignArgs = new Map<number, Assignment>();
  // Substitutions in the words report once the command is known: an inert command's are notes.
  const outer = state.heldReports;
  const held: NonNullable<ShellState['heldReports']> = (state.heldReports = []);
  try {
    for (const [i, word] of command.words.entries()) {
      const assignment = command.assignArgs?.get(i);
      if (assignment) {
        assignArgs.set(args.length - 1, assignment);
        args.push(knownString(assignment.name, originAt(state, assignment.line)));
      } else args.push(...expandFields(state, [word]));
    }
  } finally {
    state.heldReports = outer;
  }
  const inert = inertCommand(state, args[0]);
  for (const { external, line: at } of held) reportSubstitution(state, external, at, inert);
  if (state.jump) return;
  if (args.length === 0) {
    for (const assignment of command.assignments) applyAssignment(state, assignment);
    withRedirects(state, command.redirects, () => 0);
    state.status = 0;
    return;
  }
  const env = command.assignments.map((a): readonly [string, ShellString] => [a.name, a.value ? expandString(state, a.value) : knownString('', originAt(state, a.line))]);
  const [name, ...rest] = args;
  const status = withRedirects(state, command.redirects, (redirects) => dispatch(state, name!, rest, { env, line, assignArgs, redirects }));
  setStatus(state, status);
  checkErrexit(state);
}

/** The command's name when it is an external command the caller called inert (no hook, function or builtin answers it). */
function inertCommand(state: ShellState, name: ShellString | undefined): string | undefined {
  const text = name && name.unknown === undefined ? textOf(name) : undefined;
  if (text === undefined || !state.inertCommands.has(text.split('/').pop()!)) return undefined;
  return state.hooks[text] || state.functions.has(text) || BUILTINS[text] ? undefined : text;
}

interface Dispatch {
  readonly env: readonly (readonly [string, ShellString])[];
  readonly line: number;
  readonly assignArgs: ReadonlyMap<number, Assignment>;
  readonly redirects: CommandCall['redirects'];
}

function dispatch(state: ShellState, name: ShellString, args: readonly ShellString[], how: Dispatch): ExitStatus {
  const text = name.unknown === undefined ? textOf(name) : undefined;
  const call = (): CommandCall => ({
    argv: [name, ...args],
    env: how.env,
    cwd: state.cwd,
    ...(state.stdin ? { stdin: state.stdin } : {}),
    origin: originAt(state, how.line),
    redirects: how.redirects,
  });
  const hook = text !== undefined ? state.hooks[text] : undefined;
  if (hook) {
    const answer = hook(call());
    if (answer) {
      if (answer.stdout !== undefined) {
        const origin = originAt(state, how.line);
        write(state, state.stdout, typeof answer.stdout === 'string' ? knownString(answer.stdout, origin) : answer.stdout, how.line);
      }
      if (answer.status === 'unknown') state.statusReason = `${text} was answered without an exit status`;
      return answer.status;
    }
  }
  const fn = text !== undefined ? state.functions.get(text) : undefined;
  if (fn && !hook) return callFunction(state, text!, fn, args, how);
  const builtin = text !== undefined && !hook ? BUILTINS[text] : undefined;
  if (builtin) return builtin(state, { args, line: how.line, ...(how.assignArgs.size ? { assignArgs: how.assignArgs } : {}) });
  state.commands.push(call());
  const shown = text !== undefined ? JSON.stringify(text) : `a command whose name is unknown (${name.unknown})`;
  if (state.substitution) state.substitution.external ??= shown;
  if (state.externalStatus === 'unknown') state.statusReason = `the exit status of ${shown}, which flagdiff does not run`;
  return state.externalStatus;
}

/** A function of the script: a new scope, new positional parameters, the call site on the call stack. */
function callFunction(state: ShellState, name: string, fn: FunctionDefinition, args: readonly ShellString[], how: Dispatch): ExitStatus {
  if (state.callStack.length >= state.limits.callDepth) {
    stop(state, `function calls nested more than ${state.limits.callDepth} deep`, how.line);
    return 'unknown';
  }
  const saved = state.positional;
  state.positional = [...args];
  state.scopes.push(new Map(how.env.map(([key, value]) => [key, { kind: 'scalar', value, attributes: { exported: true } }])));
  const context = { callStack: state.callStack, origins: state.origins };
  state.callStack = [...state.callStack, { ...state.mapLine(how.line), name }];
  state.origins = new Map();
  try {
    execCommand(state, fn.body);
  } finally {
    Object.assign(state, context);
    state.scopes.pop();
    state.positional = saved;
  }
  if (state.jump?.kind === 'return') state.jump = undefined;
  return state.status;
}

/**
 * Applies redirections around `run`: `>`/`>>` to a file become a recorded write (and the file a known
 * file), `/dev/null` swallows, `>&2` and `2>&1` swap the outputs, `<<`/`<<<` give standard input.
 */
export function withRedirects(
  state: ShellState,
  redirects: readonly Redirect[],
  run: (evaluated: CommandCall['redirects']) => ExitStatus,
): ExitStatus {
  if (redirects.length === 0) return run([]);
  const saved = { stdout: state.stdout, stderr: state.stderr, stdin: state.stdin };
  const files: { path: ShellString; append: boolean; sink: Sink; origin: Origin }[] = [];
  const evaluated: { op: Redirect['op']; fd?: number; target: ShellString }[] = [];
  for (const redirect of redirects) {
    const target = expandString(state, redirect.target);
    evaluated.push({ op: redirect.op, ...(redirect.fd !== undefined ? { fd: redirect.fd } : {}), target });
    const fd = redirect.fd ?? (redirect.op.startsWith('<') ? 0 : 1);
    const text = textOf(target);
    if (redirect.op === '<<' || redirect.op === '<<-') state.stdin = target;
    else if (redirect.op === '<<<') state.stdin = concatStrings([target, knownString('\n', target.origin)], target.origin);
    else if (redirect.op === '<') state.stdin = readBack(state, target);
    else if (redirect.op === '>&' || redirect.op === '<&') {
      const from = text === '2' ? state.stderr : text === '1' ? state.stdout : undefined;
      if (from && fd === 1) state.stdout = from;
      if (from && fd === 2) state.stderr = from;
    } else if (target.unknown === undefined && text === '/dev/null') {
      if (fd === 1 || redirect.op.startsWith('&')) state.stdout = newSink();
      if (fd === 2 || redirect.op.startsWith('&')) state.stderr = newSink();
    } else {
      const sink = newSink();
      files.push({ path: target, append: redirect.op.endsWith('>>'), sink, origin: originAt(state, redirect.line) });
      if (fd === 1 || redirect.op.startsWith('&')) state.stdout = sink;
      if (fd === 2 || redirect.op.startsWith('&')) state.stderr = sink;
    }
  }
  try {
    return run(evaluated);
  } finally {
    Object.assign(state, saved);
    for (const file of files) {
      state.writes.push({ path: file.path, cwd: state.cwd, append: file.append, content: sinkValue(file.sink, file.origin), origin: file.origin });
      const resolved = resolvePath(state, file.path);
      if (resolved.unknown === undefined) state.created.set(textOf(resolved), 'file');
    }
  }
}

/** `< FILE`: the content when the script itself wrote the file, else Unknown. */
function readBack(state: ShellState, target: ShellString): ShellString {
  const resolved = resolvePath(state, target);
  const writes = state.writes.filter((w) => {
    const path = resolvePath({ ...state, cwd: w.cwd }, w.path);
    return resolved.unknown === undefined && path.unknown === undefined && textOf(path) === textOf(resolved);
  });
  const lastTruncate = writes.map((w) => w.append).lastIndexOf(false);
  if (writes.length === 0 || lastTruncate === -1) return unknownString(`the content of ${JSON.stringify(textOf(target))}`, target.origin);
  return concatStrings(writes.slice(lastTruncate).map((w) => w.content), target.origin);
}

export function setStatus(state: ShellState, status: ExitStatus): void {
  state.status = status;
  if (status !== 'unknown') state.statusReason = undefined;
}
