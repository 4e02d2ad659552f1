/**
 * Lists, pipelines and compound commands (bash(1) SHELL GRAMMAR). A condition whose status is Unknown
 * decides nothing: the branches that depend on it are not evaluated and an FD302 diagnostic says so.
 */
import { expandArithmetic, expandFields, expandPattern, expandString } from './expand-word.js';
import { assignScalar } from './assign-variable.js';
import { compilePattern, matchPattern } from './glob-pattern.js';
import { mayHoldBuild } from './may-hold-build.js';
import { runSimple, setStatus, withRedirects } from './run-simple-command.js';
import type { Command } from './shell-ast.js';
import type { ExitStatus, ShellState } from './shell-state.js';
import { enterSubshell, newSink, originAt, report, setFunction, sinkValue, step, stop } from './shell-state.js';
import { textOf } from './shell-value.js';
import { evaluateCond, toStatus } from './test-expression.js';

export function execList(state: ShellState, commands: readonly Command[]): void {
  for (const command of commands) {
    if (state.jump || state.stopped) return;
    execCommand(state, command);
  }
}

export function execCommand(state: ShellState, command: Command): void {
  if (!step(state, command.line)) return;
  switch (command.kind) {
    case 'simple':
      return runSimple(state, command);
    case 'pipeline':
      return runPipeline(state, command);
    case 'and-or': {
      asCondition(state, () => execCommand(state, command.left));
      if (state.jump) return;
      if (state.status === 'unknown') return undecided(state, command.line, 'what follows && or ||', [command.right]);
      if ((state.status === 0) === (command.op === '&&')) execCommand(state, command.right);
      return;
    }
    case 'if':
      return compound(state, command.redirects, () => runIf(state, command));
    case 'for':
      return compound(state, command.redirects, () => runFor(state, command));
    case 'while':
      return compound(state, command.redirects, () => runWhile(state, command));
    case 'case':
      return compound(state, command.redirects, () => runCase(state, command));
    case 'group':
      return compound(state, command.redirects, () => {
        const restore = command.subshell ? enterSubshell(state) : undefined;
        execList(state, command.body);
        restore?.();
        if (command.subshell) checkErrexit(state);
      });
    case 'function':
      setFunction(state, command.name, { body: command.body, origin: originAt(state, command.line) });
      return setStatus(state, 0);
    case 'cond': {
      const truth = evaluateCond(state, command.expr, command.line);
      if (typeof truth === 'object') state.statusReason = truth.unknown;
      setStatus(state, toStatus(truth));
      return checkErrexit(state);
    }
    case 'arith': {
      const value = expandArithmetic(state, command.expression);
      setStatus(state, value.unknown !== undefined ? 'unknown' : textOf(value) === '0' ? 1 : 0);
      return checkErrexit(state);
    }
    case 'unsupported':
      report(state, 'FD303', `${command.what} is not evaluated`, command.line);
      state.statusReason = `${command.what}, not evaluated`;
      return setStatus(state, 'unknown');
  }
}

function compound(state: ShellState, redirects: Parameters<typeof withRedirects>[1], run: () => void): void {
  withRedirects(state, redirects, () => {
    run();
    return state.status;
  });
}

/** Runs `run` where a failing status is tested, not fatal: `set -e` does not apply there. */
function asCondition(state: ShellState, run: () => void): void {
  state.conditionDepth++;
  try {
    run();
  } finally {
    state.conditionDepth--;
  }
}

/** `set -e`: a command that fails outside a condition ends the script with its status. */
export function checkErrexit(state: ShellState): void {
  if (state.flags.errexit && state.conditionDepth === 0 && typeof state.status === 'number' && state.status !== 0 && !state.jump) {
    state.jump = { kind: 'exit', count: 0 };
  }
}

/** Reports a branch that depends on an Unknown status or value; nothing that depends on it (`skipped`) is evaluated. */
function undecided(state: ShellState, line: number, what: string, skipped: readonly Command[], why = state.statusReason): void {
  const mayBuild = state.builds && mayHoldBuild(state, skipped, state.builds);
  report(state, 'FD302', `${what} depends on ${why ?? 'a value that is unknown statically'}; it was not evaluated`, line, undefined, mayBuild);
  state.statusReason = why;
  state.status = 'unknown';
}

function runIf(state: ShellState, command: Extract<Command, { kind: 'if' }>): void {
  for (const [i, clause] of command.clauses.entries()) {
    asCondition(state, () => execList(state, clause.condition));
    if (state.jump) return;
    if (state.status === 'unknown') {
      const skipped = [...clause.body, ...command.clauses.slice(i + 1).flatMap((c) => [...c.condition, ...c.body]), ...(command.otherwise ?? [])];
      return undecided(state, clause.condition[0]?.line ?? command.line, 'this if (or elif) and its branches', skipped);
    }
    if (state.status === 0) return execList(state, clause.body);
  }
  if (command.otherwise) execList(state, command.otherwise);
  else setStatus(state, 0);
}

function runFor(state: ShellState, command: Extract<Command, { kind: 'for' }>): void {
  const items = command.items ? expandFields(state, command.items) : [...state.positional];
  const unknown = items.find((item) => item.unknown !== undefined);
  if (unknown) return undecided(state, command.line, `the loop over ${command.name}`, command.body, unknown.unknown);
  setStatus(state, 0);
  for (const [n, item] of items.entries()) {
    if (n >= state.limits.loopIterations) return stop(state, `a loop of more than ${state.limits.loopIterations} iterations`, command.line);
    assignScalar(state, command.name, item, false, command.line);
    execList(state, command.body);
    if (loopJump(state)) break;
  }
}

function runWhile(state: ShellState, command: Extract<Command, { kind: 'while' }>): void {
  let status: ExitStatus = 0;
  for (let n = 0; ; n++) {
    asCondition(state, () => execList(state, command.condition));
    if (state.jump) return;
    if (state.status === 'unknown') return undecided(state, command.line, `this ${command.until ? 'until' : 'while'} loop`, [...command.condition, ...command.body]);
    if ((state.status === 0) === command.until) break;
    if (n >= state.limits.loopIterations) return stop(state, `a loop of more than ${state.limits.loopIterations} iterations`, command.line);
    execList(state, command.body);
    status = state.status;
    if (loopJump(state)) break;
  }
  setStatus(state, status);
}

/** Consumes a `break`/`continue` aimed at this loop; true when the loop must end. */
function loopJump(state: ShellState): boolean {
  const { jump } = state;
  if (!jump) return false;
  if (jump.kind !== 'break' && jump.kind !== 'continue') return true;
  if (jump.count > 1) {
    jump.count--;
    return true;
  }
  state.jump = undefined;
  return jump.kind === 'break';
}

function runCase(state: ShellState, command: Extract<Command, { kind: 'case' }>): void {
  const subject = expandString(state, command.subject);
  if (subject.unknown !== undefined) return undecided(state, command.line, 'this case', command.items.flatMap((item) => item.body), subject.unknown);
  const text = textOf(subject);
  setStatus(state, 0);
  let fallThrough = false;
  for (const [i, item] of command.items.entries()) {
    let hit = fallThrough;
    for (const word of item.patterns) {
      if (hit) break;
      const pattern = expandPattern(state, word);
      if (pattern.unknown !== undefined) return undecided(state, word.line, 'this case', command.items.slice(i).flatMap((rest) => rest.body), pattern.unknown);
      hit = matchPattern(compilePattern(pattern.chunks), text);
    }
    if (!hit) continue;
    execList(state, item.body);
    if (item.terminator === ';;' || state.jump) return;
    fallThrough = item.terminator === ';&';
  }
}

/**
 * `a | b | c`: each part runs in a subshell, the output of one the input of the next; the status is
 * the last part's (with `set -o pipefail`, the last failing part's).
 */
function runPipeline(state: ShellState, command: Extract<Command, { kind: 'pipeline' }>): void {
  const { commands } = command;
  const savedStdin = state.stdin;
  const statuses: ExitStatus[] = [];
  for (const [i, part] of commands.entries()) {
    const last = i === commands.length - 1;
    const restore = commands.length > 1 ? enterSubshell(state) : undefined;
    const savedStdout = state.stdout;
    if (!last) state.stdout = newSink();
    asCondition(state, () => execCommand(state, part));
    const output = last ? undefined : sinkValue(state.stdout, originAt(state, part.line));
    state.stdout = savedStdout;
    restore?.();
    statuses.push(state.status);
    state.stdin = output;
    if (state.stopped) break;
  }
  state.stdin = savedStdin;
  let status = statuses[statuses.length - 1] ?? 0;
  if (state.flags.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
  if (command.negated) status = status === 'unknown' ? 'unknown' : status === 0 ? 1 : 0;
  setStatus(state, status);
  if (!command.negated) checkErrexit(state);
}
