/**
 * The static shell evaluator's entry point: runs a parsed script against the variables, arguments and
 * command hooks the caller supplies, without executing anything, and returns what the script would
 * print, write, record and leave in its variables, each value with the lines it came from.
 */
import type { Code } from '../../model/codes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { createDiagnosticSink } from '../../readers/diagnostic-sink.js';
import { execList } from './evaluate-commands.js';
import { parseShell } from './parse-shell.js';
import type { ShellScript } from './shell-ast.js';
import type { CommandCall, CommandHook, ExitStatus, FileWrite, PendingReport, ShellLimits, ShellState, Variable } from './shell-state.js';
import { DEFAULT_SHELL_LIMITS, newSink, report, sinkValue } from './shell-state.js';
import type { ShellString, ShellVariable } from './shell-value.js';
import { knownString, unknownString } from './shell-value.js';

export interface ShellOptions {
  /** `$1`, `$2`, ...: the script's arguments. */
  readonly args?: readonly string[];
  /** `$0`. Default: the file name. */
  readonly scriptName?: string;
  /** The environment: variables the script starts with, exported. Any other variable starts unset. */
  readonly env?: Readonly<Record<string, string>>;
  /** Commands the caller answers instead of running them, by name; they take precedence over the script's functions. */
  readonly hooks?: Readonly<Record<string, CommandHook>>;
  /**
   * External commands whose words nothing the caller reads depends on (a documentation generator, the
   * build runner after configure): a command substitution in their words is noted (FD301 as info), not
   * warned about.
   */
  readonly inertCommands?: ReadonlySet<string>;
  /**
   * The commands that make the builds the caller extracts (a spec's configure and meson calls). A
   * command substitution or a pathname pattern (FD301, FD305) met after the last of them is a note:
   * no build reads it; so is an undecided branch (FD302) whose code could not run one. Not when the
   * evaluation stopped early or a later command's name is unknown (it could be a build).
   */
  readonly builds?: (call: CommandCall) => boolean;
  /**
   * The status of an external command no hook answers: `unknown` (the default), or 0 to follow the path
   * where every build step succeeds (a build that fails produces nothing to compare).
   */
  readonly externalStatus?: ExitStatus;
  /** The starting working directory; Unknown when not given. */
  readonly cwd?: string;
  /** What is at a path on the build machine, for `-f`, `-d`, `-e`; `undefined` leaves the test Unknown. */
  readonly pathKind?: (path: string) => 'file' | 'directory' | 'missing' | undefined;
  /** Standard input of the script. */
  readonly stdin?: string;
  /** Where a line of the script is (default: `file:line`); a spec reader maps expanded text back to spec lines and macros. */
  readonly mapLine?: (line: number) => Origin;
  readonly limits?: Partial<ShellLimits>;
}

export interface ShellRun {
  /** The status the script ends with (`exit N`, or its last command's). */
  readonly status: ExitStatus;
  /** `exit` ended the script (or a limit stopped it) before its end. */
  readonly exited: boolean;
  /** A limit stopped the evaluation (FD304). */
  readonly stopped: boolean;
  readonly stdout: ShellString;
  readonly stderr: ShellString;
  /** External commands reached, in order, with their arguments: never run. */
  readonly commands: readonly CommandCall[];
  /** Output sent to files with `>` and `>>`, in order. */
  readonly writes: readonly FileWrite[];
  /** Global variables at the end. */
  readonly variables: ReadonlyMap<string, ShellVariable>;
  readonly functions: readonly string[];
  /** Constructs not evaluated (FD3xx), with their lines. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and evaluates a script's text. */
export function runShell(text: string, file: string, options: ShellOptions = {}): ShellRun {
  return evaluateShell(parseShell(text, file), options);
}

export function evaluateShell(script: ShellScript, options: ShellOptions = {}): ShellRun {
  const state = createState(script.file, options);
  execList(state, script.commands);
  for (const error of script.errors) {
    report(state, 'FD303', `syntax error: ${error.message}; bash stops reading the script here, and so does flagdiff`, error.line);
  }
  if (state.builds) finishReports(state, state.builds);
  const origin = state.mapLine(0);
  return {
    status: state.status,
    exited: state.jump?.kind === 'exit',
    stopped: state.stopped,
    stdout: sinkValue(state.stdout, origin),
    stderr: sinkValue(state.stderr, origin),
    commands: state.commands,
    writes: state.writes,
    variables: state.scopes[0]!,
    functions: [...state.functions.keys()],
    diagnostics: state.sink.finish(),
  };
}

/** Codes of an unknown value that only matters where something reads it. */
const VALUE_UNKNOWN: ReadonlySet<Code> = new Set(['FD301', 'FD305']);

/** A report after the last build that cannot change any: an unknown value, or code not run that holds no build. */
function harmlessAfterBuilds(pending: PendingReport): boolean {
  return VALUE_UNKNOWN.has(pending.code) || (pending.code === 'FD302' && pending.skippedMayBuild === false);
}

/** Hands the held reports to the sink in order; those after the last build that cannot change it, as notes. */
function finishReports(state: ShellState, builds: (call: CommandCall) => boolean): void {
  let last = state.commands.length - 1;
  while (last >= 0 && !builds(state.commands[last]!)) last--;
  const later = state.commands.slice(last + 1);
  const settled = last >= 0 && !state.stopped && later.every((call) => call.argv[0]?.unknown === undefined);
  for (const pending of state.reports!) {
    const after = settled && pending.commandsBefore > last && harmlessAfterBuilds(pending) && pending.level !== 'info';
    const why = pending.code === 'FD302' ? 'and the code not evaluated runs none' : 'so no build reads it';
    if (after) state.sink.add(pending.code, `${pending.message}; it comes after the last build, ${why}`, pending.origin, 'info');
    else state.sink.add(pending.code, pending.message, pending.origin, pending.level);
  }
}

function createState(file: string, options: ShellOptions): ShellState {
  const mapLine = options.mapLine ?? ((line: number): Origin => ({ file, line }));
  const start = mapLine(0);
  const globals = new Map<string, Variable>(
    Object.entries(options.env ?? {}).map(([name, value]) => [name, { kind: 'scalar', value: knownString(value, start), attributes: { exported: true } }]),
  );
  // bash sets BASH_SOURCE to the script's path; scripts find their directory with it.
  const scriptName = knownString(options.scriptName ?? file, start);
  globals.set('BASH_SOURCE', { kind: 'indexed', items: new Map([[0, scriptName]]), attributes: {} });
  return {
    file,
    limits: { ...DEFAULT_SHELL_LIMITS, ...options.limits },
    hooks: options.hooks ?? {},
    inertCommands: options.inertCommands ?? new Set(),
    heldReports: undefined,
    externalStatus: options.externalStatus ?? 'unknown',
    pathKind: options.pathKind ?? (() => undefined),
    mapLine,
    scopes: [globals],
    functions: new Map(),
    positional: (options.args ?? []).map((arg) => knownString(arg, start)),
    scriptName,
    cwd: options.cwd === undefined ? unknownString('the directory the script starts in', start) : knownString(options.cwd, start),
    dirStack: [],
    status: 0,
    statusReason: undefined,
    getoptsOffset: 1,
    flags: { errexit: false, nounset: false, pipefail: false },
    stdout: newSink(),
    stderr: newSink(),
    stdin: options.stdin === undefined ? undefined : knownString(options.stdin, start),
    callStack: [],
    origins: new Map(),
    undo: [],
    conditionDepth: 0,
    jump: undefined,
    steps: 0,
    stopped: false,
    substitution: undefined,
    commands: [],
    writes: [],
    created: new Map(),
    sink: createDiagnosticSink(file),
    reported: new Set(),
    builds: options.builds,
    reports: options.builds ? [] : undefined,
  };
}
