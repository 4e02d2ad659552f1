/** The tokens of rpm's expression language (rpmio/expression.c rdToken, rpm 4.18): operators, integers, "strings", v"versions", function calls. */
import type { ExpressionOptions, ExpressionValue } from './evaluate-expression.js';

export type Token =
  | { readonly kind: 'eof' | 'op' }
  | { readonly kind: 'value'; readonly value: ExpressionValue }
  | { readonly kind: 'function'; readonly name: string };

export interface State {
  readonly str: string;
  p: number;
  token: Token;
  op: string;
  discard: boolean;
  depth: number;
  readonly options: ExpressionOptions;
}

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly unknown = false,
  ) {
    super(message);
  }
}

const SPACE = /[ \t\n\v\f\r]/;
const DIGIT = /[0-9]/;
const ALPHA = /[A-Za-z]/;
const TWO_CHAR = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR = new Set(['+', '-', '*', '/', '(', ')', '!', '<', '>', '?', ':', ',']);

export function readToken(state: State): void {
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
