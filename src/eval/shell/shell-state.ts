/** The evaluator's mutable state while it walks a script, and the small operations every part needs. */
import type { Code } from '../../model/codes.js';
import type { Origin } from '../../model/origin.js';
import type { Severity } from '../../model/severity.js';
import type { DiagnosticSink } from '../../readers/diagnostic-sink.js';
import type { Command, Redirect } from './shell-ast.js';
import type { Piece, ShellString, VariableAttributes } from './shell-value.js';
import { textOf } from './shell-value.js';

/** Bounds that keep evaluation of hostile input cheap; reaching one stops the evaluation (FD304). */
export interface ShellLimits {
  /** Commands executed in all. */
  readonly steps: number;
  /** Iterations of one loop. */
  readonly loopIterations: number;
  /** Nested function calls. */
  readonly callDepth: number;
  /** Characters of one value or of one output. */
  readonly stringLength: number;
  /** Fields of one expansion or elements of one array. */
  readonly fields: number;
}

export const DEFAULT_SHELL_LIMITS: ShellLimits = { steps: 200_000, loopIterations: 10_000, callDepth: 100, stringLength: 1_000_000, fields: 100_000 };

/** `unknown`: the command was not run and nothing says how it ended. */
export type ExitStatus = number | 'unknown';

/** A command the evaluator reached but does not run (not a builtin, a function or a hooked command). */
export interface CommandCall {
  /** The words after expansion; `argv[0]` is the command name. */
  readonly argv: readonly ShellString[];
  /** `NAME=value` words before the command: its environment additions. */
  readonly env: readonly (readonly [string, ShellString])[];
  /** The working directory when it runs (`cd`, `pushd`), or unknown. */
  readonly cwd: ShellString;
  /** Standard input when the script provides it (a heredoc, `<<<`, a pipe from a builtin). */
  readonly stdin?: ShellString;
  /** Where the command is written; `via` holds the function calls that reached it. */
  readonly origin: Origin;
  readonly redirects: readonly { readonly op: Redirect['op']; readonly fd?: number; readonly target: ShellString }[];
}

/** What a caller-supplied hook answers for a command instead of running it. */
export interface CommandResult {
  readonly status: ExitStatus;
  /** Text the command writes to standard output, if any. */
  readonly stdout?: string | ShellString;
}

/** Answers a command, or returns `undefined` to leave it unanswered (recorded, its status unknown). */
export type CommandHook = (call: CommandCall) => CommandResult | undefined;

/** Text a command writes to a file through `>` or `>>`. */
export interface FileWrite {
  /** The path as written; relative paths are relative to `cwd`. */
  readonly path: ShellString;
  readonly cwd: ShellString;
  readonly append: boolean;
  readonly content: ShellString;
  readonly origin: Origin;
}

export interface FunctionDefinition {
  readonly body: Command;
  readonly origin: Origin;
}

/** A variable as the evaluator holds it: arrays are mutable maps here, read-only in results. */
export type Variable =
  | { kind: 'scalar'; value: ShellString; attributes: VariableAttributes }
  | { kind: 'indexed'; items: Map<number, ShellString>; attributes: VariableAttributes }
  | { kind: 'assoc'; items: Map<string, ShellString>; attributes: VariableAttributes };

/** An output being collected: standard output of the script, of a `$(...)`, or of a redirected command. */
export interface Sink {
  pieces: Piece[];
  unknown?: string;
  size: number;
}

export type Jump = { readonly kind: 'return' | 'break' | 'continue' | 'exit'; count: number };

export interface ShellState {
  readonly file: string;
  readonly limits: ShellLimits;
  readonly hooks: Readonly<Record<string, CommandHook>>;
  readonly externalStatus: ExitStatus;
  readonly pathKind: (path: string) => 'file' | 'directory' | 'missing' | undefined;
  /** Where a line of the script is in its file (a spec reader maps expanded text back to spec lines). */
  mapLine: (line: number) => Origin;
  scopes: Map<string, Variable>[];
  functions: Map<string, FunctionDefinition>;
  positional: ShellString[];
  scriptName: ShellString;
  cwd: ShellString;
  dirStack: ShellString[];
  status: ExitStatus;
  /** Why `status` is unknown, for messages. */
  statusReason: string | undefined;
  /** getopts' position inside a group of options such as `-ds`. */
  getoptsOffset: number;
  flags: { errexit: boolean; nounset: boolean; pipefail: boolean };
  stdout: Sink;
  stderr: Sink;
  stdin: ShellString | undefined;
  /** Call sites of the functions being evaluated, outermost first; replaced (never mutated) on each call. */
  callStack: readonly Origin[];
  /** Origins built for the current call context, by line. */
  origins: Map<number, Origin>;
  /** One log of changes per subshell being evaluated, to undo them when it ends. */
  readonly undo: (() => void)[][];
  conditionDepth: number;
  jump: Jump | undefined;
  steps: number;
  /** Set when a limit stopped the evaluation. */
  stopped: boolean;
  /** Inside `$(...)`: an external command reached there makes its output unknown. */
  substitution: { external?: string } | undefined;
  /** External commands whose words nothing reads (ShellOptions.inertCommands). */
  readonly inertCommands: ReadonlySet<string>;
  /**
   * While a simple command's words are expanded: what its command substitutions would report (FD301),
   * held until the command is known; an inert command's are notes, not warnings.
   */
  heldReports: Array<{ readonly external: string; readonly line: number }> | undefined;
  readonly commands: CommandCall[];
  readonly writes: FileWrite[];
  /** Paths the script created (mkdir, redirections), for `-f`/`-d` tests. */
  readonly created: Map<string, 'file' | 'directory'>;
  readonly sink: DiagnosticSink;
  readonly reported: Set<string>;
  /** The commands the caller reads builds from (ShellOptions.builds). */
  readonly builds: ((call: CommandCall) => boolean) | undefined;
  /**
   * With `builds`: every report, in order, with how many commands had been recorded before it, until
   * the end of the script says which came after the last build (evaluate-shell.ts `finishReports`).
   */
  readonly reports: PendingReport[] | undefined;
}

export interface PendingReport {
  readonly code: Code;
  readonly message: string;
  readonly origin: Origin;
  readonly level: Severity | undefined;
  readonly commandsBefore: number;
  /** For code not evaluated (FD302): whether it could have run a build. */
  readonly skippedMayBuild: boolean | undefined;
}

/** Where a line of the script is, with the function calls that led there, each named (cached per call context). */
export function originAt(state: ShellState, line: number): Origin {
  let origin = state.origins.get(line);
  if (!origin) {
    const base = state.mapLine(line);
    // Outermost first (src/model/origin.ts): the calls that led here, then what the line itself came through.
    origin = state.callStack.length === 0 ? base : { ...base, via: [...state.callStack, ...(base.via ?? [])] };
    state.origins.set(line, origin);
  }
  return origin;
}

/** Reports a diagnostic once per code, line and message, however often a loop or function reaches it. */
export function report(state: ShellState, code: Code, message: string, line: number, level?: Severity, skippedMayBuild?: boolean): void {
  const key = `${code}:${line}:${message}`;
  if (state.reported.has(key)) return;
  state.reported.add(key);
  const origin = originAt(state, line);
  if (state.reports) state.reports.push({ code, message, origin, level, commandsBefore: state.commands.length, skippedMayBuild });
  else state.sink.add(code, message, origin, level);
}

/** Stops the whole evaluation because a bound was reached. */
export function stop(state: ShellState, message: string, line: number): void {
  if (!state.stopped) report(state, 'FD304', `${message}; evaluation stopped here`, line);
  state.stopped = true;
  state.jump = { kind: 'exit', count: 0 };
}

export function newSink(): Sink {
  return { pieces: [], size: 0 };
}

/** Appends a value to an output, within the size bound. */
export function write(state: ShellState, sink: Sink, value: ShellString, line: number): void {
  sink.unknown ??= value.unknown;
  for (const piece of value.pieces) {
    sink.size += piece.text.length;
    if (sink.size > state.limits.stringLength) return stop(state, `output longer than ${state.limits.stringLength} characters`, line);
    const last = sink.pieces[sink.pieces.length - 1];
    if (last && last.origin === piece.origin) sink.pieces[sink.pieces.length - 1] = { text: last.text + piece.text, origin: last.origin };
    else sink.pieces.push(piece);
  }
}

export function sinkValue(sink: Sink, origin: Origin): ShellString {
  return sink.unknown === undefined ? { pieces: sink.pieces, origin } : { pieces: sink.pieces, origin, unknown: sink.unknown };
}

/** Looks a variable up from the innermost function scope out (bash's dynamic scoping). */
export function lookup(state: ShellState, name: string): Variable | undefined {
  for (let i = state.scopes.length - 1; i >= 0; i--) {
    const variable = state.scopes[i]!.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** The scope holding `name`, or the global scope where a new variable goes. */
export function scopeOf(state: ShellState, name: string): Map<string, Variable> {
  for (let i = state.scopes.length - 1; i >= 0; i--) if (state.scopes[i]!.has(name)) return state.scopes[i]!;
  return state.scopes[0]!;
}

/**
 * Enters a subshell (`( )`, `$(...)`, each part of a pipeline): changes made inside are undone when it
 * ends. Changes are logged rather than the variables copied, so a subshell costs what it changes.
 */
export function enterSubshell(state: ShellState): () => void {
  const saved = { positional: state.positional, cwd: state.cwd, dirStack: state.dirStack, flags: { ...state.flags }, getoptsOffset: state.getoptsOffset };
  const log: (() => void)[] = [];
  state.undo.push(log);
  return () => {
    state.undo.pop();
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
    Object.assign(state, saved);
    // `exit` in a subshell ends the subshell only.
    if (state.jump?.kind === 'exit' && !state.stopped) state.jump = undefined;
  };
}

function logUndo(state: ShellState, undo: () => void): void {
  state.undo[state.undo.length - 1]?.push(undo);
}

/** Sets (or, with `undefined`, removes) a variable in a scope. */
export function setVariable(state: ShellState, scope: Map<string, Variable>, name: string, variable: Variable | undefined): void {
  if (state.undo.length) {
    const had = scope.has(name);
    const previous = scope.get(name);
    logUndo(state, () => (had ? scope.set(name, previous!) : scope.delete(name)));
  }
  if (variable) scope.set(name, variable);
  else scope.delete(name);
}

/** Sets an element of an array variable. */
export function setItem<K extends number | string>(state: ShellState, items: Map<K, ShellString>, key: K, value: ShellString): void {
  if (state.undo.length) {
    const had = items.has(key);
    const previous = items.get(key);
    logUndo(state, () => (had ? items.set(key, previous!) : items.delete(key)));
  }
  items.set(key, value);
}

/** Defines (or, with `undefined`, removes) a function. */
export function setFunction(state: ShellState, name: string, definition: FunctionDefinition | undefined): void {
  if (state.undo.length) {
    const previous = state.functions.get(name);
    logUndo(state, () => (previous ? state.functions.set(name, previous) : state.functions.delete(name)));
  }
  if (definition) state.functions.set(name, definition);
  else state.functions.delete(name);
}

/** Counts one command; false when the step bound is reached. */
export function step(state: ShellState, line: number): boolean {
  if (state.stopped) return false;
  if (++state.steps > state.limits.steps) {
    stop(state, `more than ${state.limits.steps} commands`, line);
    return false;
  }
  return true;
}

/** A short quotation of a value for messages. */
export function quote(value: ShellString): string {
  const text = textOf(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
