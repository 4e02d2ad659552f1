/**
 * `test`, `[ ... ]` and `[[ ... ]]` (bash(1) CONDITIONAL EXPRESSIONS). In `[[ ]]` the right side of
 * `==`/`!=` is a pattern and of `=~` an extended regular expression, and `-eq` and friends evaluate
 * their operands arithmetically. String order is byte order (bash uses the locale's; Kata's and distro
 * build scripts compare ASCII). File tests are answered by the caller's `pathKind` and by what the script
 * created; otherwise they are Unknown.
 */
import { evaluateArithmetic } from './arithmetic.js';
import { arithmeticScope, expandPattern, expandString } from './expand-word.js';
import { compilePattern, matchPattern } from './glob-pattern.js';
import { compilePosixRegex, escapeExtended, regexTest } from './posix-regex.js';
import { resolvePath } from './shell-paths.js';
import type { CondExpr, Word } from './shell-ast.js';
import type { ExitStatus, ShellState } from './shell-state.js';
import { lookup } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { textOf } from './shell-value.js';

/** A test's outcome: true, false, or Unknown with the reason. */
export type Truth = boolean | { readonly unknown: string };

export function toStatus(truth: Truth): ExitStatus {
  return typeof truth === 'boolean' ? (truth ? 0 : 1) : 'unknown';
}

const INTEGER_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const UNARY_OPS = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u', '-v', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-S']);
const BINARY_OPS = new Set(['=', '==', '!=', '<', '>', '-nt', '-ot', '-ef', ...INTEGER_OPS]);

/** `[[ expression ]]`. */
export function evaluateCond(state: ShellState, expr: CondExpr, line: number): Truth {
  switch (expr.kind) {
    case 'not':
      return not(evaluateCond(state, expr.expr, line));
    case 'and':
    case 'or': {
      const left = evaluateCond(state, expr.left, line);
      if (left === (expr.kind === 'or')) return left;
      const right = evaluateCond(state, expr.right, line);
      if (typeof left !== 'boolean') return right === (expr.kind === 'or') ? right : left;
      return right;
    }
    case 'word': {
      const value = expandString(state, expr.word);
      return value.unknown !== undefined ? { unknown: value.unknown } : textOf(value) !== '';
    }
    case 'unary':
      return unary(state, expr.op, expandString(state, expr.operand));
    case 'binary': {
      const left = expandString(state, expr.left);
      if (expr.op === '==' || expr.op === '=' || expr.op === '!=') {
        const pattern = expandPattern(state, expr.right);
        const unknown = left.unknown ?? pattern.unknown;
        if (unknown !== undefined) return { unknown };
        const hit = matchPattern(compilePattern(pattern.chunks), textOf(left));
        return expr.op === '!=' ? !hit : hit;
      }
      if (expr.op === '=~') return regexMatch(state, left, expr.right);
      const right = expandString(state, expr.right);
      if (INTEGER_OPS.has(expr.op)) return integers(state, expr.op, left, right, line, true);
      return binary(expr.op, left, right);
    }
  }
}

/** `test` and `[`: the arguments after the command name (and without the closing `]`). */
export function evaluateTestArgs(state: ShellState, args: readonly ShellString[], line: number): Truth | { readonly error: string } {
  const parser = { args, at: 0 };
  if (args.length === 0) return false;
  const result = orExpr(state, parser, line);
  if (parser.at < args.length) return { error: `unexpected argument ${JSON.stringify(textOf(args[parser.at]!))}` };
  return result;
}

interface ArgParser {
  readonly args: readonly ShellString[];
  at: number;
}

function orExpr(state: ShellState, p: ArgParser, line: number): Truth {
  let left = andExpr(state, p, line);
  while (p.at < p.args.length && textOf(p.args[p.at]!) === '-o') {
    p.at++;
    const right = andExpr(state, p, line);
    left = left === true || right === true ? true : typeof left === 'boolean' && typeof right === 'boolean' ? false : typeof left === 'boolean' ? right : left;
  }
  return left;
}

function andExpr(state: ShellState, p: ArgParser, line: number): Truth {
  let left = primary(state, p, line);
  while (p.at < p.args.length && textOf(p.args[p.at]!) === '-a') {
    p.at++;
    const right = primary(state, p, line);
    left = left === false || right === false ? false : typeof left === 'boolean' && typeof right === 'boolean' ? true : typeof left === 'boolean' ? right : left;
  }
  return left;
}

/** POSIX test: a binary operator in second position wins over reading the first word as an operator. */
function primary(state: ShellState, p: ArgParser, line: number): Truth {
  const { args } = p;
  const word = (i: number) => (args[i] ? textOf(args[i]!) : undefined);
  const remaining = args.length - p.at;
  if (remaining >= 3 && BINARY_OPS.has(word(p.at + 1) ?? '') && args[p.at + 1]!.unknown === undefined) {
    const [left, op, right] = [args[p.at]!, word(p.at + 1)!, args[p.at + 2]!];
    p.at += 3;
    return INTEGER_OPS.has(op) ? integers(state, op, left, right, line, false) : binary(op, left, right);
  }
  const first = word(p.at);
  if (first === '!' && remaining >= 2) {
    p.at++;
    return not(primary(state, p, line));
  }
  if (first === '(' && remaining >= 3) {
    p.at++;
    const inner = orExpr(state, p, line);
    if (word(p.at) === ')') p.at++;
    return inner;
  }
  if (first !== undefined && UNARY_OPS.has(first) && remaining >= 2) {
    p.at += 2;
    return unary(state, first, args[p.at - 1]!);
  }
  const value = args[p.at++]!;
  return value.unknown !== undefined ? { unknown: value.unknown } : textOf(value) !== '';
}

function unary(state: ShellState, op: string, operand: ShellString): Truth {
  if (operand.unknown !== undefined) return { unknown: operand.unknown };
  const text = textOf(operand);
  switch (op) {
    case '-z':
      return text === '';
    case '-n':
      return text !== '';
    case '-v':
      return lookup(state, text.replace(/\[.*$/, '')) !== undefined;
    case '-o':
      return text === 'errexit' ? state.flags.errexit : text === 'nounset' ? state.flags.nounset : text === 'pipefail' ? state.flags.pipefail : { unknown: `shell option ${text}` };
    case '-e':
    case '-a':
    case '-f':
    case '-d': {
      const kind = pathKindOf(state, operand);
      if (kind === undefined) return { unknown: `whether ${JSON.stringify(text)} exists on the build machine` };
      return op === '-f' ? kind === 'file' : op === '-d' ? kind === 'directory' : kind !== 'missing';
    }
    default:
      return { unknown: `test ${op} ${JSON.stringify(text)} depends on the build machine` };
  }
}

function pathKindOf(state: ShellState, path: ShellString): 'file' | 'directory' | 'missing' | undefined {
  const resolved = resolvePath(state, path);
  if (resolved.unknown !== undefined) return undefined;
  return state.created.get(textOf(resolved)) ?? state.pathKind(textOf(resolved));
}

function binary(op: string, left: ShellString, right: ShellString): Truth {
  const unknown = left.unknown ?? right.unknown;
  if (unknown !== undefined) return { unknown };
  const [a, b] = [textOf(left), textOf(right)];
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    default:
      return { unknown: `test ${op} compares files on the build machine` };
  }
}

/** `-eq` and friends: integers for `test`, arithmetic expressions inside `[[ ]]`. */
function integers(state: ShellState, op: string, left: ShellString, right: ShellString, line: number, arithmetic: boolean): Truth {
  const unknown = left.unknown ?? right.unknown;
  if (unknown !== undefined) return { unknown };
  const number = (value: ShellString): bigint | { unknown: string } => {
    const text = textOf(value).trim();
    if (!arithmetic) return /^[+-]?[0-9]+$/.test(text) ? BigInt(text) : { unknown: `test: ${JSON.stringify(text)}: integer expression expected` };
    const result = evaluateArithmetic(text, arithmeticScope(state, line));
    return 'value' in result ? result.value : { unknown: 'unknown' in result ? result.unknown : result.error };
  };
  const a = number(left);
  const b = number(right);
  if (typeof a !== 'bigint') return a;
  if (typeof b !== 'bigint') return b;
  return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op as '-eq'];
}

/** `=~`: quoted parts of the right side match literally; `BASH_REMATCH` is not set. */
function regexMatch(state: ShellState, left: ShellString, right: Word): Truth {
  const pattern = expandPattern(state, right);
  const unknown = left.unknown ?? pattern.unknown;
  if (unknown !== undefined) return { unknown };
  const source = pattern.chunks.map((c) => (c.quoted ? escapeExtended(c.text) : c.text)).join('');
  const compiled = compilePosixRegex(source, 'extended');
  if ('refused' in compiled) return { unknown: `=~ ${JSON.stringify(source)}: ${compiled.refused}` };
  return regexTest(compiled.regex, textOf(left));
}

function not(truth: Truth): Truth {
  return typeof truth === 'boolean' ? !truth : truth;
}
