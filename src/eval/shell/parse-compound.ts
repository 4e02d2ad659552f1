/** Compound commands (bash(1) Compound Commands): if, for, while/until, case, { }, ( ), [[ ]], (( )), functions. */
import { describeNext, literalOf, parseFunctionBody, parseList, parseRedirect, peekReserved, skipBlanks, skipSeparators } from './parse-shell.js';
import { readArithmetic, readWord } from './parse-word.js';
import type { CaseItem, Command, CondExpr, Redirect, Word } from './shell-ast.js';
import type { Cursor } from './shell-cursor.js';
import { advance, atEnd, nested, peek, startsWithAt, syntaxError } from './shell-cursor.js';

const UNARY_TESTS = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u', '-v', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-R', '-S']);
const BINARY_TESTS = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** The compound command starting with `reserved` (or `(`), or `undefined` for a simple command. */
export function parseCompound(cursor: Cursor, reserved: string | undefined): Command | undefined {
  const line = cursor.line;
  const withRedirects = (command: Command): Command => {
    const redirects = parseRedirects(cursor);
    return redirects.length && 'redirects' in command ? { ...command, redirects: [...command.redirects, ...redirects] } : command;
  };
  if (startsWithAt(cursor, '((')) {
    advance(cursor, 2);
    return { kind: 'arith', line, expression: readArithmetic(cursor, '))') };
  }
  if (peek(cursor) === '(') {
    advance(cursor);
    const body = nested(cursor, () => parseList(cursor));
    expect(cursor, ')');
    return withRedirects({ kind: 'group', line, subshell: true, body, redirects: [] });
  }
  switch (reserved) {
    case 'if':
      return withRedirects(parseIf(cursor, line));
    case 'for':
    case 'select':
      return withRedirects(parseFor(cursor, line, reserved));
    case 'while':
    case 'until':
      return withRedirects(parseWhile(cursor, line, reserved === 'until'));
    case 'case':
      return withRedirects(parseCase(cursor, line));
    case '{': {
      advance(cursor);
      const body = parseBody(cursor, '{');
      expect(cursor, '}');
      return withRedirects({ kind: 'group', line, subshell: false, body, redirects: [] });
    }
    case '[[':
      advance(cursor, 2);
      return { kind: 'cond', line, expr: parseCondition(cursor, line) };
    case 'function':
      return parseFunctionKeyword(cursor, line);
    case 'coproc':
      throw syntaxError(cursor, 'coproc is not supported');
    case undefined:
      return undefined;
    default:
      throw syntaxError(cursor, `unexpected ${JSON.stringify(reserved)}`);
  }
}

/** A list that bash requires to hold at least one command (`if` conditions, bodies, ...). */
function parseBody(cursor: Cursor, before: string): Command[] {
  const list = nested(cursor, () => parseList(cursor));
  if (list.length === 0) throw syntaxError(cursor, `unexpected ${describeNext(cursor)}: a command must come after ${before}`);
  return list;
}

function parseIf(cursor: Cursor, line: number): Command {
  advance(cursor, 2);
  const clauses: { condition: Command[]; body: Command[] }[] = [];
  let otherwise: Command[] | undefined;
  for (let keyword = 'if'; keyword === 'if' || keyword === 'elif'; ) {
    const condition = parseBody(cursor, keyword);
    expect(cursor, 'then');
    clauses.push({ condition, body: parseBody(cursor, 'then') });
    keyword = peekReserved(cursor) ?? '';
    if (keyword === 'elif') advance(cursor, 4);
  }
  if (peekReserved(cursor) === 'else') {
    advance(cursor, 4);
    otherwise = parseBody(cursor, 'else');
  }
  expect(cursor, 'fi');
  return { kind: 'if', line, clauses, ...(otherwise ? { otherwise } : {}), redirects: [] };
}

function parseFor(cursor: Cursor, line: number, keyword: 'for' | 'select'): Command {
  advance(cursor, keyword.length);
  skipBlanks(cursor);
  if (startsWithAt(cursor, '((')) {
    advance(cursor, 2);
    readArithmetic(cursor, '))');
    skipSeparators(cursor);
    if (peek(cursor) === ';') advance(cursor);
    parseDoDone(cursor);
    return { kind: 'unsupported', line, what: 'an arithmetic for loop, for ((...))' };
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(cursor.text.slice(cursor.pos, cursor.pos + 256))?.[0];
  if (!name) throw syntaxError(cursor, `${keyword}: a variable name must follow`);
  advance(cursor, name.length);
  skipSeparators(cursor);
  let items: Word[] | undefined;
  if (peekReserved(cursor) === 'in') {
    advance(cursor, 2);
    items = [];
    for (;;) {
      skipBlanks(cursor);
      const word = readWord(cursor);
      if (!word) break;
      items.push(word);
    }
  }
  if (peek(cursor) === ';') advance(cursor);
  skipSeparators(cursor);
  const body = parseDoDone(cursor);
  if (keyword === 'select') return { kind: 'unsupported', line, what: 'select' };
  return { kind: 'for', line, name, ...(items ? { items } : {}), body, redirects: [] };
}

function parseWhile(cursor: Cursor, line: number, until: boolean): Command {
  advance(cursor, 5);
  const condition = parseBody(cursor, until ? 'until' : 'while');
  return { kind: 'while', line, until, condition, body: parseDoDone(cursor), redirects: [] };
}

function parseDoDone(cursor: Cursor): Command[] {
  expect(cursor, 'do');
  const body = parseBody(cursor, 'do');
  expect(cursor, 'done');
  return body;
}

function parseCase(cursor: Cursor, line: number): Command {
  advance(cursor, 4);
  skipBlanks(cursor);
  const subject = readWord(cursor);
  if (!subject) throw syntaxError(cursor, 'case: a word must follow');
  skipSeparators(cursor);
  expect(cursor, 'in');
  const items: CaseItem[] = [];
  for (;;) {
    skipSeparators(cursor);
    if (peekReserved(cursor) === 'esac') break;
    if (peek(cursor) === '(') advance(cursor);
    const patterns: Word[] = [];
    for (;;) {
      skipBlanks(cursor);
      const pattern = readWord(cursor);
      if (!pattern) throw syntaxError(cursor, `case: unexpected ${describeNext(cursor)} in a pattern`);
      patterns.push(pattern);
      skipBlanks(cursor);
      if (peek(cursor) === '|') advance(cursor);
      else if (peek(cursor) === ')') break;
      else throw syntaxError(cursor, `case: unexpected ${describeNext(cursor)} after a pattern`);
    }
    advance(cursor);
    const body = nested(cursor, () => parseList(cursor));
    const terminator = startsWithAt(cursor, ';;&') ? ';;&' : startsWithAt(cursor, ';;') ? ';;' : startsWithAt(cursor, ';&') ? ';&' : undefined;
    if (terminator) advance(cursor, terminator.length);
    else if (peekReserved(cursor) !== 'esac') throw syntaxError(cursor, `case: unexpected ${describeNext(cursor)}`);
    items.push({ patterns, body, terminator: terminator ?? ';;' });
  }
  advance(cursor, 4);
  return { kind: 'case', line, subject, items, redirects: [] };
}

function parseFunctionKeyword(cursor: Cursor, line: number): Command {
  advance(cursor, 8);
  skipBlanks(cursor);
  const name = readWord(cursor);
  if (!name) throw syntaxError(cursor, 'function: a name must follow');
  const parens = /^[ \t]*\([ \t]*\)/.exec(cursor.text.slice(cursor.pos, cursor.pos + 64));
  if (parens) advance(cursor, parens[0].length);
  return parseFunctionBody(cursor, literalOf(name) ?? '', line);
}

function parseRedirects(cursor: Cursor): Redirect[] {
  const redirects: Redirect[] = [];
  for (;;) {
    skipBlanks(cursor);
    const redirect = parseRedirect(cursor);
    if (!redirect) return redirects;
    redirects.push(redirect);
  }
}

function expect(cursor: Cursor, token: string): void {
  skipSeparators(cursor);
  const found = token === ')' ? (peek(cursor) === ')' ? ')' : undefined) : peekReserved(cursor);
  if (found !== token) throw syntaxError(cursor, `expected ${JSON.stringify(token)}, found ${describeNext(cursor)}`);
  advance(cursor, token.length);
}

/** `[[ ... ]]` after the `[[`: `||` below `&&` below `!`, parentheses, unary and binary tests. */
function parseCondition(cursor: Cursor, start: number): CondExpr {
  const expr = parseCondOr(cursor);
  skipSeparators(cursor);
  if (!startsWithAt(cursor, ']]')) throw syntaxError(cursor, `[[: expected ]], found ${describeNext(cursor)}`, atEnd(cursor) ? start : cursor.line);
  advance(cursor, 2);
  return expr;
}

function parseCondOr(cursor: Cursor): CondExpr {
  let left = parseCondAnd(cursor);
  for (skipSeparators(cursor); startsWithAt(cursor, '||'); skipSeparators(cursor)) {
    advance(cursor, 2);
    left = { kind: 'or', left, right: parseCondAnd(cursor) };
  }
  return left;
}

function parseCondAnd(cursor: Cursor): CondExpr {
  let left = parseCondNot(cursor);
  for (skipSeparators(cursor); startsWithAt(cursor, '&&'); skipSeparators(cursor)) {
    advance(cursor, 2);
    left = { kind: 'and', left, right: parseCondNot(cursor) };
  }
  return left;
}

function parseCondNot(cursor: Cursor): CondExpr {
  skipSeparators(cursor);
  if (peek(cursor) === '!' && /[\s(]/.test(peek(cursor, 1))) {
    advance(cursor);
    return nested(cursor, () => ({ kind: 'not', expr: parseCondNot(cursor) }));
  }
  if (peek(cursor) === '(') {
    advance(cursor);
    const expr = nested(cursor, () => parseCondOr(cursor));
    skipSeparators(cursor);
    if (peek(cursor) !== ')') throw syntaxError(cursor, `[[: expected ), found ${describeNext(cursor)}`);
    advance(cursor);
    return expr;
  }
  const first = condWord(cursor);
  const op = literalOf(first);
  skipBlanks(cursor);
  if (op && UNARY_TESTS.has(op) && !startsWithAt(cursor, ']]') && !startsWithAt(cursor, '&&') && !startsWithAt(cursor, '||') && peek(cursor) !== ')') {
    const binary = peekOperator(cursor);
    if (!binary) return { kind: 'unary', op, operand: condWord(cursor) };
  }
  const binary = peekOperator(cursor);
  if (!binary) return { kind: 'word', word: first };
  advance(cursor, binary.length);
  skipBlanks(cursor);
  return { kind: 'binary', op: binary, left: first, right: binary === '=~' ? regexWord(cursor) : condWord(cursor) };
}

function condWord(cursor: Cursor): Word {
  skipBlanks(cursor);
  const word = readWord(cursor);
  if (!word) throw syntaxError(cursor, `[[: unexpected ${describeNext(cursor)}`);
  return word;
}

function peekOperator(cursor: Cursor): string | undefined {
  if (peek(cursor) === '<' || peek(cursor) === '>') return peek(cursor);
  const token = /^\S+/.exec(cursor.text.slice(cursor.pos, cursor.pos + 4))?.[0];
  return token && BINARY_TESTS.has(token) && /\s/.test(cursor.text.charAt(cursor.pos + token.length)) ? token : undefined;
}

/** The right side of `=~`: parentheses and `|` belong to the regular expression, up to a blank at depth 0. */
function regexWord(cursor: Cursor): Word {
  const line = cursor.line;
  let depth = 0;
  let end = cursor.pos;
  const { text } = cursor;
  for (; end < text.length; end++) {
    const ch = text.charAt(end);
    if (ch === '\\') end++;
    else if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0 && /[\s)]/.test(ch)) break;
    else if (ch === "'" || ch === '"') end = Math.max(end, text.indexOf(ch, end + 1));
  }
  const sub: Cursor = { ...cursor, text: text.slice(0, end), heredocs: [] };
  const parts = [];
  while (!atEnd(sub)) {
    const word = readWord(sub);
    if (word) parts.push(...word.parts);
    else {
      parts.push({ kind: 'literal' as const, text: peek(sub), quoted: false, line: sub.line });
      advance(sub);
    }
  }
  cursor.pos = sub.pos;
  cursor.line = sub.line;
  return { parts, line };
}
