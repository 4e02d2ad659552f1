/**
 * rpm's expression language, for `%if` and `%[...]` (rpmio/expression.c of rpm 4.18): integers,
 * "strings" and v"versions"; `!` and unary `-`; `* /`; `+ -`; comparisons; `&&` and `||` at one
 * level, left to right; `? :`. Operands must have the same type. The right side of a decided `&&`,
 * `||` or `?:` is parsed but not evaluated (rpm's RPMEXPR_DISCARD), so its macros do not run.
 */
import { compareEvr } from './compare-versions.js';
import { ExpressionError, readToken } from './expression-tokens.js';
import type { State } from './expression-tokens.js';

export type ExpressionValue =
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'version'; readonly value: string };

/** A failed evaluation: rpm's error message, or `unknown` when the value depends on code flagdiff does not run. */
export interface ExpressionFailure {
  readonly error: string;
  readonly unknown?: boolean;
}

export interface ExpressionOptions {
  /**
   * For `%[...]`: expands the macros of a token as rpm's RPMEXPR_EXPAND does; returns undefined when
   * the expansion fails. `%if` lines are expanded before they are evaluated, so they pass none.
   */
  readonly expand?: (raw: string) => string | undefined;
  /** Deepest nesting of parentheses and unary operators: bounds the recursion on hostile input. */
  readonly maxDepth?: number;
}

const DEFAULT_DEPTH = 200;

export function evaluateExpression(text: string, options: ExpressionOptions = {}): ExpressionValue | ExpressionFailure {
  const state: State = { str: text, p: 0, token: { kind: 'eof' }, op: '', discard: false, depth: 0, options };
  try {
    readToken(state);
    const value = ternary(state);
    if (state.token.kind !== 'eof') throw new ExpressionError('syntax error in expression');
    return value;
  } catch (error) {
    if (error instanceof ExpressionError) return error.unknown ? { error: error.message, unknown: true } : { error: error.message };
    throw error;
  }
}

export function isExpressionFailure(result: ExpressionValue | ExpressionFailure): result is ExpressionFailure {
  return 'error' in result;
}

/** boolifyValue: a non-zero integer or a non-empty string is true; a version never is. */
export function truthy(value: ExpressionValue): boolean {
  return value.type === 'integer' ? value.value !== 0 : value.type === 'string' ? value.value !== '' : false;
}

/** How `%[...]` prints a value. */
export function formatValue(value: ExpressionValue): string {
  return String(value.value);
}

function isOp(state: State, op: string, other?: string): boolean {
  return state.token.kind === 'op' && (state.op === op || state.op === other);
}

function nested<T>(state: State, parse: () => T): T {
  if (++state.depth > (state.options.maxDepth ?? DEFAULT_DEPTH)) throw new ExpressionError('expression nested too deeply');
  try {
    return parse();
  } finally {
    state.depth--;
  }
}

function sameType(a: ExpressionValue, b: ExpressionValue): void {
  if (a.type !== b.type) throw new ExpressionError('types must match');
}

function primary(state: State): ExpressionValue {
  const { token } = state;
  if (token.kind === 'value') {
    readToken(state);
    return token.value;
  }
  if (token.kind === 'function') return callFunction(state, token.name);
  if (token.kind === 'eof') throw new ExpressionError('unexpected end of expression');
  if (isOp(state, '(')) {
    return nested(state, () => {
      readToken(state);
      const value = ternary(state);
      if (!isOp(state, ')')) throw new ExpressionError('unmatched (');
      readToken(state);
      return value;
    });
  }
  if (isOp(state, '-', '!')) {
    const op = state.op;
    return nested(state, () => {
      readToken(state);
      const value = primary(state);
      if (op === '!') return { type: 'integer', value: truthy(value) ? 0 : 1 };
      if (value.type !== 'integer') throw new ExpressionError('- only on numbers');
      return { type: 'integer', value: -value.value | 0 };
    });
  }
  throw new ExpressionError('syntax error in expression');
}

/** `name(args)`: rpm calls Lua functions (`lua:name`), which flagdiff does not run. */
function callFunction(state: State, name: string): ExpressionValue {
  readToken(state); // the "("
  readToken(state);
  while (!isOp(state, ')')) {
    nested(state, () => ternary(state));
    if (isOp(state, ')')) break;
    if (!isOp(state, ',')) throw new ExpressionError('syntax error in expression');
    readToken(state);
  }
  readToken(state);
  if (!name.startsWith('lua:')) throw new ExpressionError('unsupported funcion');
  if (state.discard) return { type: 'string', value: '' };
  throw new ExpressionError(`the Lua function ${name.slice(4)}() is not run`, true);
}

function multiplyDivide(state: State): ExpressionValue {
  let left = primary(state);
  while (isOp(state, '*', '/')) {
    const op = state.op;
    readToken(state);
    const right = primary(state);
    sameType(left, right);
    if (left.type !== 'integer') throw new ExpressionError(`* and / not supported for ${left.type}s`);
    if (state.discard) continue;
    const divisor = right.value as number;
    if (op === '/' && divisor === 0) throw new ExpressionError('division by zero');
    left = { type: 'integer', value: op === '*' ? Math.imul(left.value, divisor) : Math.trunc(left.value / divisor) | 0 };
  }
  return left;
}

function addSubtract(state: State): ExpressionValue {
  let left = multiplyDivide(state);
  while (isOp(state, '+', '-')) {
    const op = state.op;
    readToken(state);
    const right = multiplyDivide(state);
    sameType(left, right);
    if (left.type === 'integer') left = { type: 'integer', value: (op === '+' ? left.value + (right.value as number) : left.value - (right.value as number)) | 0 };
    else if (left.type === 'version') throw new ExpressionError('+ and - not supported for versions');
    else if (op === '-') throw new ExpressionError('- not supported for strings');
    else left = { type: 'string', value: left.value + (right.value as string) };
  }
  return left;
}

function compareValues(a: ExpressionValue, b: ExpressionValue): number {
  // valueCmpInteger subtracts in C int, so it wraps like rpm's does on extreme values.
  if (a.type === 'integer') return (a.value - (b.value as number)) | 0;
  if (a.type === 'version') return compareEvr(a.value, b.value as string);
  return a.value < (b.value as string) ? -1 : a.value > (b.value as string) ? 1 : 0;
}

const RELATIONS: Readonly<Record<string, (cmp: number) => boolean>> = {
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

function relational(state: State): ExpressionValue {
  let left = addSubtract(state);
  while (state.token.kind === 'op' && RELATIONS[state.op]) {
    const relation = RELATIONS[state.op]!;
    readToken(state);
    const right = addSubtract(state);
    sameType(left, right);
    left = { type: 'integer', value: relation(compareValues(left, right)) ? 1 : 0 };
  }
  return left;
}

function logical(state: State): ExpressionValue {
  let left = relational(state);
  while (isOp(state, '&&', '||')) {
    const and = state.op === '&&';
    const decided = and ? !truthy(left) : truthy(left);
    const outer = state.discard;
    if (decided) state.discard = true;
    readToken(state);
    const right = relational(state);
    state.discard = outer;
    sameType(left, right);
    if (!decided) left = right;
  }
  return left;
}

function ternary(state: State): ExpressionValue {
  const condition = logical(state);
  if (!isOp(state, '?')) return condition;
  const chosen = truthy(condition);
  const outer = state.discard;
  state.discard = outer || !chosen;
  readToken(state);
  const yes = nested(state, () => ternary(state));
  if (!isOp(state, ':')) throw new ExpressionError('syntax error in expression');
  state.discard = outer || chosen;
  readToken(state);
  const no = nested(state, () => ternary(state));
  state.discard = outer;
  sameType(yes, no);
  return chosen ? yes : no;
}
