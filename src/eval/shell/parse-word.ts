/**
 * Words: quoting and expansions as bash's parser reads them (bash(1) QUOTING and EXPANSION): `'...'`,
 * `"..."`, `$'...'`, backslashes, `$name`, `${...}` with its operators, `$(...)`, backticks, `$((...))`.
 */
import { readBraced } from './parse-param.js';
import type { Word, WordPart } from './shell-ast.js';
import type { Cursor } from './shell-cursor.js';
import { advance, atEnd, nested, peek, skipContinuation, startsWithAt, syntaxError } from './shell-cursor.js';

/** Characters that end an unquoted word (bash metacharacters). */
const METACHARACTERS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
export const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '$', '!', '-', '0']);
/** A run of characters with no special meaning outside quotes, read in one step. */
const PLAIN_RUN = /[^\s;&|<>()'"\\$`]+/y;

/** Reads one word at the cursor; `undefined` when a metacharacter or the end comes first. */
export function readWord(cursor: Cursor): Word | undefined {
  const line = cursor.line;
  const parts: WordPart[] = [];
  for (;;) {
    if (skipContinuation(cursor)) continue;
    const ch = peek(cursor);
    if (atEnd(cursor) || METACHARACTERS.has(ch)) break;
    PLAIN_RUN.lastIndex = cursor.pos;
    const run = PLAIN_RUN.exec(cursor.text);
    if (run) {
      pushLiteral(parts, run[0], false, cursor.line);
      cursor.pos += run[0].length;
    } else readPart(cursor, parts, false);
  }
  return parts.length ? { parts, line } : undefined;
}

/** Reads one quoted span, expansion or literal character into `parts`. */
function readPart(cursor: Cursor, parts: WordPart[], inDouble: boolean): void {
  const ch = peek(cursor);
  const line = cursor.line;
  if (ch === "'" && !inDouble) {
    advance(cursor);
    const end = cursor.text.indexOf("'", cursor.pos);
    if (end === -1) throw syntaxError(cursor, 'unterminated single quote', line);
    pushLiteral(parts, cursor.text.slice(cursor.pos, end), true, line);
    advance(cursor, end - cursor.pos + 1);
  } else if (ch === '"' && !inDouble) {
    advance(cursor);
    readDoubleQuoted(cursor, parts, line);
  } else if (ch === '\\') {
    advance(cursor);
    if (atEnd(cursor)) pushLiteral(parts, '\\', false, line);
    else {
      const escaped = peek(cursor);
      advance(cursor);
      pushLiteral(parts, escaped, true, line);
    }
  } else if (ch === '$') {
    readDollar(cursor, parts, inDouble);
  } else if (ch === '`') {
    parts.push({ kind: 'command', body: readBackticks(cursor, inDouble), quoted: inDouble, line });
  } else {
    advance(cursor);
    pushLiteral(parts, ch, inDouble, line);
  }
}

/** After the opening `"`: backslash escapes only `$ \` " \\` and newline. */
function readDoubleQuoted(cursor: Cursor, parts: WordPart[], start: number): void {
  const before = parts.length;
  for (;;) {
    if (atEnd(cursor)) throw syntaxError(cursor, 'unterminated double quote', start);
    const ch = peek(cursor);
    if (ch === '"') {
      advance(cursor);
      // An empty "" still makes a (quoted, empty) field; "${a[@]}" of no elements makes none.
      if (parts.length === before) pushLiteral(parts, '', true, cursor.line);
      return;
    }
    if (ch === '\\') {
      const next = peek(cursor, 1);
      if (next === '\n') advance(cursor, 2);
      else if (next === '$' || next === '`' || next === '"' || next === '\\') {
        pushLiteral(parts, next, true, cursor.line);
        advance(cursor, 2);
      } else {
        pushLiteral(parts, '\\', true, cursor.line);
        advance(cursor);
      }
      continue;
    }
    readPart(cursor, parts, true);
  }
}

function readDollar(cursor: Cursor, parts: WordPart[], quoted: boolean): void {
  const line = cursor.line;
  const next = peek(cursor, 1);
  if (next === '{') {
    advance(cursor, 2);
    const param = nested(cursor, () => readBraced(cursor, quoted));
    parts.push({ kind: 'param', param, quoted, line });
  } else if (startsWithAt(cursor, '$((')) {
    advance(cursor, 3);
    parts.push({ kind: 'arith', expression: readArithmetic(cursor, '))'), quoted, line });
  } else if (next === '(') {
    advance(cursor, 2);
    const body = nested(cursor, () => cursor.parseSubstitution(cursor));
    if (peek(cursor) !== ')') throw syntaxError(cursor, 'unterminated $( command substitution');
    advance(cursor);
    parts.push({ kind: 'command', body, quoted, line });
  } else if (next === "'" && !quoted) {
    advance(cursor, 2);
    pushLiteral(parts, readAnsiC(cursor), true, line);
  } else if (next === '"' && !quoted) {
    advance(cursor); // $"..." is "..." with locale translation, which flagdiff does not apply
  } else if (NAME_START.test(next)) {
    advance(cursor);
    let name = '';
    while (NAME_CHAR.test(peek(cursor)) && !atEnd(cursor)) {
      name += peek(cursor);
      advance(cursor);
    }
    parts.push({ kind: 'param', param: { name }, quoted, line });
  } else if (/[0-9]/.test(next) || SPECIAL_PARAMS.has(next)) {
    advance(cursor, 2);
    parts.push({ kind: 'param', param: { name: next }, quoted, line });
  } else {
    advance(cursor);
    pushLiteral(parts, '$', quoted, line);
  }
}

/**
 * A word inside `${...}` or `[...]` up to a stop character outside quotes and nested expansions.
 * Inside double quotes a `'` is an ordinary character, as bash treats it in `"${x:-'a'}"`.
 */
export function readUntil(cursor: Cursor, stop: (c: string) => boolean, inDouble: boolean): Word {
  const line = cursor.line;
  const parts: WordPart[] = [];
  for (;;) {
    if (atEnd(cursor)) throw syntaxError(cursor, 'bad substitution: missing }');
    if (skipContinuation(cursor)) continue;
    const ch = peek(cursor);
    if (stop(ch)) break;
    if (ch === '"') {
      const start = cursor.line;
      advance(cursor);
      readDoubleQuoted(cursor, parts, start);
    } else readPart(cursor, parts, inDouble);
  }
  // Unquoted text in an operator word is literal but still a pattern; keep its quoted flag as read.
  return { parts, line };
}

/** The text of `$((...))` or `((...))` up to `close`, with its expansions; never split into fields. */
export function readArithmetic(cursor: Cursor, close: string): Word {
  const line = cursor.line;
  const parts: WordPart[] = [];
  let depth = 0;
  for (;;) {
    if (atEnd(cursor)) throw syntaxError(cursor, 'unterminated arithmetic expression');
    if (skipContinuation(cursor)) continue;
    const ch = peek(cursor);
    if (depth === 0 && startsWithAt(cursor, close)) {
      advance(cursor, close.length);
      return { parts, line };
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '$' || ch === '`' || ch === '"' || ch === "'" || ch === '\\') readPart(cursor, parts, true);
    else {
      const at = cursor.line;
      advance(cursor);
      pushLiteral(parts, ch, true, at);
    }
  }
}

/** Backticks: backslash quotes only `$ \` \\` (and `"` inside double quotes); the rest is parsed as a script. */
function readBackticks(cursor: Cursor, inDouble: boolean) {
  const line = cursor.line;
  advance(cursor);
  let inner = '';
  for (;;) {
    if (atEnd(cursor)) throw syntaxError(cursor, 'unterminated ` command substitution');
    const ch = peek(cursor);
    if (ch === '`') break;
    const next = peek(cursor, 1);
    if (ch === '\\' && (next === '$' || next === '`' || next === '\\' || (inDouble && next === '"'))) {
      inner += next;
      advance(cursor, 2);
    } else {
      inner += ch;
      advance(cursor);
    }
  }
  advance(cursor);
  const sub: Cursor = { ...cursor, text: `${inner})`, pos: 0, line, heredocs: [] };
  return nested(cursor, () => cursor.parseSubstitution(sub));
}

const ANSI_C: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** `$'...'` after the `$'`: C escapes (bash(1) QUOTING). */
function readAnsiC(cursor: Cursor): string {
  let out = '';
  for (;;) {
    if (atEnd(cursor)) throw syntaxError(cursor, "unterminated $' quote");
    const ch = peek(cursor);
    advance(cursor);
    if (ch === "'") return out;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const esc = peek(cursor);
    advance(cursor);
    if (esc in ANSI_C) out += ANSI_C[esc];
    else if (esc === 'x') out += String.fromCharCode(parseInt(takeWhile(cursor, /[0-9a-fA-F]/, 2) || '0', 16));
    else if (/[0-7]/.test(esc)) out += String.fromCharCode(parseInt(esc + takeWhile(cursor, /[0-7]/, 2), 8));
    else out += `\\${esc}`;
  }
}

function takeWhile(cursor: Cursor, chars: RegExp, max: number): string {
  let out = '';
  while (out.length < max && !atEnd(cursor) && chars.test(peek(cursor))) {
    out += peek(cursor);
    advance(cursor);
  }
  return out;
}

/** A heredoc body with expansions: backslash quotes only `$ \` \\` and newline; quotes are ordinary characters. */
export function readHeredocParts(sub: Cursor): WordPart[] {
  const parts: WordPart[] = [];
  while (!atEnd(sub)) {
    const ch = peek(sub);
    const next = peek(sub, 1);
    if (ch === '\\' && next === '\n') advance(sub, 2);
    else if (ch === '\\' && (next === '$' || next === '`' || next === '\\')) {
      pushLiteral(parts, next, true, sub.line);
      advance(sub, 2);
    } else if (ch === '$' || ch === '`') readPart(sub, parts, true);
    else {
      const line = sub.line;
      advance(sub);
      pushLiteral(parts, ch, true, line);
    }
  }
  return parts;
}

/** Appends literal text, merging with the previous part when it is the same kind, quoting and line. */
export function pushLiteral(parts: WordPart[], text: string, quoted: boolean, line: number): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'literal' && last.quoted === quoted && last.line === line && !last.text.endsWith('\n')) {
    parts[parts.length - 1] = { ...last, text: last.text + text };
    return;
  }
  // A literal spanning lines becomes one part per line, so that each keeps its own line number.
  let start = 0;
  let at = line;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    parts.push({ kind: 'literal', text: text.slice(start, nl + 1), quoted, line: at++ });
    start = nl + 1;
  }
  if (start < text.length || text === '') parts.push({ kind: 'literal', text: text.slice(start), quoted, line: at });
}
