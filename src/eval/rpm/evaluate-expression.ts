/**
 * rpm's expression language, for `%if` and `%[...]` (rpmio/expression.c of rpm 4.18): integers,
 * "strings" and v"versions"; `!` and unary `-`; `* /`; `+ -`; comparisons; `&&` and `||` at one
 * level, left to right; `? :`. Operands must have the same type. The right side of a decided `&&`,
 * `||` or `?:` is parsed but not evaluated (rpm's RPMEXPR_DISCARD), so its macros do not run.
 */
import { compareEvr } from './compare-versions.js';

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

type Token =
  | { readonly kind: 'eof' | 'op' }
  | { readonly kind: 'value'; readonly value: ExpressionValue }
  | { readonly kind: 'function'; readonly name: string };

interface State {
  readonly str: string;
  p: number;
  token: Token;
  op: string;
  discard: boolean;
  depth: number;
  readonly options: ExpressionOptions;
}

class ExpressionError extends Error {
  constructor(
    message: string,
    readonly unknown = false,
  ) {
    super(message);
  }
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

const SPACE = /[ \t\n\v\f\r]/;
const DIGIT = /[0-9]/;
const ALPHA = /[A-Za-z]/;
const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR = new Set(['+', '-', '*', '/', '(', ')', '!', '<', '>', '?', ':', ',']);

function readToken(state: State): void {
  const { str } = state;
  let p = state.p;
  while (p < str.length && SPACE.test(str[p]!)) p++;
  const c = str[p];
  const pair = str.slice(p, p + 2);
  if (c === undefined) {
    state.token = { kind: 'eof' };
  } else if (TWO_CHAR.has(pair)) {
    state.token = { kind: 'op' };
    state.op = pair;
    p += 2;
  } else if (c === '=' || c === '&' || c === '|') {
    throw new ExpressionError(`syntax error while parsing ${c}${c}`);
  } else if (ONE_CHAR.has(c)) {
    state.token = { kind: 'op' };
    state.op = c;
    p++;
  } else if (DIGIT.test(c) || (c === '%' && state.options.expand)) {
    p = readNumber(state, p);
  } else if (c === '"' || (c === 'v' && str[p + 1] === '"')) {
    p = readString(state, p);
  } else if (ALPHA.test(c)) {
    const call = /^[A-Za-z][A-Za-z0-9_.:]*(?=\()/.exec(str.slice(p));
    if (!call) throw new ExpressionError('bare words are no longer supported, please use "..."');
    state.token = { kind: 'function', name: call[0] };
    p += call[0].length;
  } else {
    throw new ExpressionError('parse error in expression');
  }
  state.p = p;
}

/** End of a macro starting after a `%`, as rpm's skipMacro finds it (a simple version of findMacroEnd). */
function skipMacro(str: string, at: number): number {
  if (str[at] === '%') return at + 1;
  const open = str[at];
  const close = open === '{' ? '}' : open === '(' ? ')' : open === '[' ? ']' : undefined;
  if (close) {
    let level = 0;
    for (let k = at; k < str.length; k++) {
      if (str[k] === '\\') k++;
      else if (str[k] === close && --level <= 0) return k + 1;
      else if (str[k] === open) level++;
    }
    return str.length;
  }
  let k = at;
  while (str[k] === '?' || str[k] === '!') k++;
  if (str[k] === '-') k++;
  while (k < str.length && /[A-Za-z0-9_]/.test(str[k]!)) k++;
  if (str[k] === '*' && str[k + 1] === '*') k += 2;
  else if (str[k] === '*' || str[k] === '#') k++;
  return k;
}

function valueText(state: State, raw: string): string {
  if (state.discard || raw === '') return '';
  if (!state.options.expand) return raw;
  const expanded = state.options.expand(raw);
  if (expanded === undefined) throw new ExpressionError('macro expansion failed');
  return expanded;
}

function readNumber(state: State, p: number): number {
  const { str } = state;
  const expand = Boolean(state.options.expand);
  let end = p;
  while (end < str.length) {
    if (str[end] === '%' && expand) end = skipMacro(str, end + 1);
    else if (DIGIT.test(str[end]!)) end++;
    else break;
  }
  const text = valueText(state, str.slice(p, end));
  if (expand && !/^-?[0-9]*$/.test(text)) {
    throw new ExpressionError(ALPHA.test(text[0] ?? '') ? 'macro expansion returned a bare word, please use "..."' : 'macro expansion did not return an integer');
  }
  state.token = { kind: 'value', value: { type: 'integer', value: atoi(text) } };
  return end;
}

function readString(state: State, p: number): number {
  const { str } = state;
  const version = str[p] === 'v';
  const start = p + (version ? 2 : 1);
  let end = start;
  while (end < str.length && str[end] !== '"') end = str[end] === '%' && state.options.expand ? skipMacro(str, end + 1) : end + 1;
  if (str[end] !== '"') throw new ExpressionError('unterminated string in expression');
  const text = valueText(state, str.slice(start, end));
  if (version && !state.discard && text === '') throw new ExpressionError('invalid version');
  state.token = { kind: 'value', value: version ? { type: 'version', value: state.discard ? '0' : text } : { type: 'string', value: text } };
  return end + 1;
}

/** C's atoi through strtol: clamped to a C long, then truncated to an int. */
function atoi(text: string): number {
  if (!/^-?[0-9]+$/.test(text)) return 0;
  const long = BigInt(text);
  const clamped = long > 0x7fffffffffffffffn ? 0x7fffffffffffffffn : long < -0x8000000000000000n ? -0x8000000000000000n : long;
  return Number(BigInt.asIntN(32, clamped));
}

const isOp = (state: State, ...ops: string[]) => state.token.kind === 'op' && ops.includes(state.op);

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
