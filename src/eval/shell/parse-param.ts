/** `${...}` (bash(1) Parameter Expansion): the parameter, its subscript and its operator, after the `${`. */
import { SPECIAL_PARAMS, readUntil } from './parse-word.js';
import type { ParamExpansion, ParamOp, Word } from './shell-ast.js';
import type { Cursor } from './shell-cursor.js';
import { advance, atEnd, peek, syntaxError } from './shell-cursor.js';

const NAME_CHAR = /[A-Za-z0-9_]/;

/** `${...}` after the `${`. */
export function readBraced(cursor: Cursor, quoted: boolean): ParamExpansion {
  let prefix: '#' | '!' | undefined;
  if ((peek(cursor) === '#' || peek(cursor) === '!') && peek(cursor, 1) !== '}' && !/[:=+?-]/.test(peek(cursor, 1))) {
    prefix = peek(cursor) as '#' | '!';
    advance(cursor);
  }
  const name = readParamName(cursor);
  if (!name) throw syntaxError(cursor, 'bad substitution: no parameter name after ${');
  let index: ParamExpansion['index'];
  if (peek(cursor) === '[' && /^[A-Za-z_]/.test(name)) {
    advance(cursor);
    if ((peek(cursor) === '@' || peek(cursor) === '*') && peek(cursor, 1) === ']') {
      index = peek(cursor) as '@' | '*';
      advance(cursor, 2);
    } else {
      index = readUntil(cursor, (c) => c === ']', quoted);
      advance(cursor);
    }
  }
  let op: ParamOp | undefined;
  if (prefix === '#') op = { kind: 'length' };
  else if (prefix === '!') op = index === '@' || index === '*' ? { kind: 'keys' } : { kind: 'indirect' };
  if (peek(cursor) !== '}') {
    if (op) throw syntaxError(cursor, `bad substitution: \${${prefix}${name}...} with an operator is not supported`);
    op = readOperator(cursor, quoted);
  }
  if (peek(cursor) !== '}') throw syntaxError(cursor, 'bad substitution: missing }');
  advance(cursor);
  return { name, ...(index ? { index } : {}), ...(op ? { op } : {}) };
}

function readParamName(cursor: Cursor): string {
  const first = peek(cursor);
  if (SPECIAL_PARAMS.has(first)) {
    advance(cursor);
    return first;
  }
  let name = '';
  const chars = /[0-9]/.test(first) ? /[0-9]/ : NAME_CHAR;
  while (!atEnd(cursor) && chars.test(peek(cursor))) {
    name += peek(cursor);
    advance(cursor);
  }
  return name;
}

function readOperator(cursor: Cursor, quoted: boolean): ParamOp {
  const ch = peek(cursor);
  const next = peek(cursor, 1);
  const untilBrace = (c: string) => c === '}';
  const defaults: Record<string, 'default' | 'assign' | 'alternative' | 'error'> = { '-': 'default', '=': 'assign', '+': 'alternative', '?': 'error' };
  if (ch === ':' && next in defaults) {
    advance(cursor, 2);
    return { kind: defaults[next]!, colon: true, word: readUntil(cursor, untilBrace, quoted) };
  }
  if (ch in defaults) {
    advance(cursor);
    return { kind: defaults[ch]!, colon: false, word: readUntil(cursor, untilBrace, quoted) };
  }
  if (ch === '#' || ch === '%') {
    const longest = next === ch;
    advance(cursor, longest ? 2 : 1);
    return { kind: 'remove', from: ch === '#' ? 'prefix' : 'suffix', longest, pattern: readUntil(cursor, untilBrace, quoted) };
  }
  if (ch === '/') {
    const all = next === '/';
    const anchor = next === '#' ? 'start' : next === '%' ? 'end' : undefined;
    advance(cursor, all || anchor ? 2 : 1);
    const pattern = readUntil(cursor, (c) => c === '/' || c === '}', quoted);
    let replacement: Word = { parts: [], line: cursor.line };
    if (peek(cursor) === '/') {
      advance(cursor);
      replacement = readUntil(cursor, untilBrace, quoted);
    }
    return { kind: 'replace', all, ...(anchor ? { anchor } : {}), pattern, replacement };
  }
  if (ch === ':') {
    advance(cursor);
    const offset = readUntil(cursor, (c) => c === ':' || c === '}', true);
    if (peek(cursor) !== ':') return { kind: 'substring', offset };
    advance(cursor);
    return { kind: 'substring', offset, length: readUntil(cursor, untilBrace, true) };
  }
  if (ch === '^' || ch === ',') {
    const all = next === ch;
    advance(cursor, all ? 2 : 1);
    return { kind: 'case', upper: ch === '^', all };
  }
  throw syntaxError(cursor, `bad substitution: operator ${JSON.stringify(ch)} is not supported`);
}

