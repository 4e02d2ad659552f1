/**
 * Parses the bash subset flagdiff evaluates (bash(1) SHELL GRAMMAR): lists, and-or lists, pipelines,
 * simple commands with assignments and redirections, heredocs; compound commands are in parse-compound.ts.
 * Like bash running a script, parsing stops at the first syntax error: the commands before it are kept.
 */
import { parseCompound } from './parse-compound.js';
import { pushLiteral, readHeredocParts, readUntil, readWord } from './parse-word.js';
import type { ArrayItem, Assignment, Command, Redirect, RedirectOp, ShellScript, Word } from './shell-ast.js';
import type { Cursor } from './shell-cursor.js';
import { advance, atEnd, isSyntaxProblem, nested, peek, skipContinuation, startsWithAt, syntaxError } from './shell-cursor.js';

const METACHARACTERS = ' \t\n;&|<>()';
/** Reserved words that end a list (the construct that opened it checks which one it expects). */
const LIST_ENDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const RESERVED = new Set([...LIST_ENDS, 'if', 'for', 'in', 'while', 'until', 'case', 'function', 'select', 'coproc', 'time', '{', '!', '[[', ']]']);
/** Builtins whose `name=value` arguments are assignments, arrays included (bash "declaration commands"). */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const REDIRECT = /([0-9]+)?(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/y;
const ASSIGNMENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Parses a whole script. `file` names it in origins. */
export function parseShell(text: string, file: string): ShellScript {
  const cursor: Cursor = { text, pos: 0, line: 1, depth: 0, parseSubstitution, heredocs: [] };
  const commands: Command[] = [];
  try {
    parseList(cursor, commands);
    if (!atEnd(cursor)) throw syntaxError(cursor, `unexpected ${describeNext(cursor)}`);
    return { file, commands, errors: [] };
  } catch (error) {
    if (!isSyntaxProblem(error)) throw error;
    return { file, commands, errors: [{ line: error.line, message: error.message }] };
  }
}

function parseSubstitution(cursor: Cursor): Command[] {
  return parseList(cursor);
}

/**
 * Commands separated by `;`, `&` or newlines, up to `)`, `;;`, a list-ending reserved word or the end.
 * `into` receives each command as soon as it is parsed, so the top level keeps them past an error.
 */
export function parseList(cursor: Cursor, into: Command[] = []): Command[] {
  const commands = into;
  for (;;) {
    skipSeparators(cursor);
    if (atEnd(cursor) || peek(cursor) === ')' || startsWithAt(cursor, ';;') || startsWithAt(cursor, ';&')) return commands;
    const reserved = peekReserved(cursor);
    if (reserved && LIST_ENDS.has(reserved)) return commands;
    const command = nested(cursor, () => parseAndOr(cursor));
    skipBlanks(cursor);
    const ch = peek(cursor);
    if (ch === '&' && peek(cursor, 1) !== '&') {
      advance(cursor);
      commands.push({ kind: 'unsupported', line: command.line, what: 'a background job (&)' });
      continue;
    }
    commands.push(command);
    if (ch === ';' && peek(cursor, 1) !== ';' && peek(cursor, 1) !== '&') advance(cursor);
    else if (!(ch === '\n' || ch === '#' || ch === ')' || ch === ';' || atEnd(cursor))) {
      throw syntaxError(cursor, `unexpected ${describeNext(cursor)}`);
    }
  }
}

function parseAndOr(cursor: Cursor): Command {
  let left = parsePipeline(cursor);
  for (;;) {
    skipBlanks(cursor);
    const op = startsWithAt(cursor, '&&') ? '&&' : startsWithAt(cursor, '||') ? '||' : undefined;
    if (!op) return left;
    advance(cursor, 2);
    skipSeparators(cursor);
    left = { kind: 'and-or', line: left.line, op, left, right: parsePipeline(cursor) };
  }
}

function parsePipeline(cursor: Cursor): Command {
  skipBlanks(cursor);
  const line = cursor.line;
  let negated = false;
  for (let word = peekReserved(cursor); word === '!' || word === 'time'; word = peekReserved(cursor)) {
    if (word === '!') negated = !negated;
    advance(cursor, word.length);
    skipBlanks(cursor);
  }
  const commands = [parseCommand(cursor)];
  for (;;) {
    skipBlanks(cursor);
    if (peek(cursor) !== '|' || peek(cursor, 1) === '|') break;
    advance(cursor, peek(cursor, 1) === '&' ? 2 : 1);
    skipSeparators(cursor);
    commands.push(parseCommand(cursor));
  }
  return commands.length === 1 && !negated ? commands[0]! : { kind: 'pipeline', line, negated, commands };
}

function parseCommand(cursor: Cursor): Command {
  skipBlanks(cursor);
  const compound = parseCompound(cursor, peekReserved(cursor));
  return compound ?? parseSimple(cursor);
}

function parseSimple(cursor: Cursor): Command {
  const line = cursor.line;
  const assignments: Assignment[] = [];
  const words: Word[] = [];
  const redirects: Redirect[] = [];
  const assignArgs = new Map<number, Assignment>();
  for (;;) {
    skipBlanks(cursor);
    if (atEnd(cursor) || peek(cursor) === '#') break;
    const redirect = parseRedirect(cursor);
    if (redirect) {
      redirects.push(redirect);
      continue;
    }
    if (METACHARACTERS.includes(peek(cursor))) break;
    const declaration = words.length > 0 && DECLARATIONS.has(literalOf(words[0]!) ?? '');
    if (words.length === 0 || declaration) {
      const assignment = parseAssignment(cursor);
      if (assignment && words.length === 0) {
        assignments.push(assignment);
        continue;
      }
      if (assignment) {
        assignArgs.set(words.length, assignment);
        words.push({ parts: [], line: assignment.line });
        continue;
      }
    }
    const word = readWord(cursor);
    if (!word) throw syntaxError(cursor, `unexpected ${describeNext(cursor)}`);
    words.push(word);
    if (words.length === 1 && assignments.length === 0 && isFunctionHeader(cursor)) {
      return parseFunctionBody(cursor, literalOf(word) ?? '', line);
    }
  }
  if (!words.length && !assignments.length && !redirects.length) throw syntaxError(cursor, `unexpected ${describeNext(cursor)}`);
  return { kind: 'simple', line, assignments, words, redirects, ...(assignArgs.size ? { assignArgs } : {}) };
}

/** `name ()` after the name: the parentheses of a function definition. */
function isFunctionHeader(cursor: Cursor): boolean {
  const rest = /^[ \t]*\([ \t]*\)/.exec(cursor.text.slice(cursor.pos, cursor.pos + 64));
  if (!rest) return false;
  advance(cursor, rest[0].length);
  return true;
}

/** The body of `name () compound-command` or `function name [()] compound-command`. */
export function parseFunctionBody(cursor: Cursor, name: string, line: number): Command {
  if (!/^[^\s$`'"\\]+$/.test(name)) throw syntaxError(cursor, `bad function name ${JSON.stringify(name)}`);
  skipSeparators(cursor);
  const body = parseCompound(cursor, peekReserved(cursor));
  if (!body) throw syntaxError(cursor, `function ${name}: a compound command must follow ()`);
  return { kind: 'function', line, name, body };
}

/** `name=`, `name+=`, `name[index]=`, with a word or `( items )` after the `=`. */
function parseAssignment(cursor: Cursor): Assignment | undefined {
  ASSIGNMENT.lastIndex = cursor.pos;
  const match = ASSIGNMENT.exec(cursor.text);
  if (!match) return undefined;
  const start = cursor.pos;
  const startLine = cursor.line;
  advance(cursor, match[0].length);
  let index: Word | undefined;
  if (peek(cursor) === '[') {
    advance(cursor);
    index = readUntil(cursor, (c) => c === ']' || c === '\n', false);
    if (peek(cursor) !== ']') return rewind(cursor, start, startLine);
    advance(cursor);
  }
  const append = peek(cursor) === '+';
  if (append) advance(cursor);
  if (peek(cursor) !== '=') return rewind(cursor, start, startLine);
  advance(cursor);
  const base = { name: match[0], ...(index ? { index } : {}), append, line: startLine };
  if (peek(cursor) === '(') return { ...base, array: parseArrayItems(cursor) };
  return { ...base, value: readWord(cursor) ?? { parts: [], line: cursor.line } };
}

function rewind(cursor: Cursor, pos: number, line: number): undefined {
  cursor.pos = pos;
  cursor.line = line;
  return undefined;
}

/** `( word [key]=word ... )`, across lines, comments allowed. */
function parseArrayItems(cursor: Cursor): ArrayItem[] {
  const opened = cursor.line;
  advance(cursor);
  const items: ArrayItem[] = [];
  for (;;) {
    skipSeparators(cursor);
    if (atEnd(cursor)) throw syntaxError(cursor, 'unterminated array: missing )', opened);
    if (peek(cursor) === ')') {
      advance(cursor);
      return items;
    }
    const start = cursor.pos;
    const startLine = cursor.line;
    if (peek(cursor) === '[') {
      advance(cursor);
      const key = readUntil(cursor, (c) => c === ']' || c === '\n', false);
      if (startsWithAt(cursor, ']=')) {
        advance(cursor, 2);
        items.push({ key, value: readWord(cursor) ?? { parts: [], line: cursor.line } });
        continue;
      }
      rewind(cursor, start, startLine);
    }
    const value = readWord(cursor);
    if (!value) throw syntaxError(cursor, `unexpected ${describeNext(cursor)} in an array`);
    items.push({ value });
  }
}

/** A redirection, if one starts here; a heredoc's body is read at the next newline. */
export function parseRedirect(cursor: Cursor): Redirect | undefined {
  REDIRECT.lastIndex = cursor.pos;
  const match = REDIRECT.exec(cursor.text);
  if (!match) return undefined;
  const line = cursor.line;
  advance(cursor, match[0].length);
  const op = match[2] as RedirectOp;
  skipBlanks(cursor);
  const target = readWord(cursor);
  if (!target) throw syntaxError(cursor, `a file name must follow ${op}`);
  const fd = match[1] === undefined ? {} : { fd: Number(match[1]) };
  if (op !== '<<' && op !== '<<-') return { ...fd, op, target, line };
  const quoted = target.parts.some((p) => p.kind !== 'literal' || p.quoted);
  const delimiter = target.parts.map((p) => (p.kind === 'literal' ? p.text : '$')).join('');
  const heredoc = { delimiter, stripTabs: op === '<<-', quoted, parts: [] };
  cursor.heredocs.push(heredoc);
  return { ...fd, op, target: { parts: heredoc.parts, line: line + 1 }, line };
}

/** Spaces, tabs and line continuations. */
export function skipBlanks(cursor: Cursor): void {
  for (;;) {
    const ch = peek(cursor);
    if (ch === ' ' || ch === '\t') advance(cursor);
    else if (!skipContinuation(cursor)) return;
  }
}

/** Blanks, comments and newlines; after each newline, the bodies of pending heredocs. */
export function skipSeparators(cursor: Cursor): void {
  for (;;) {
    skipBlanks(cursor);
    const ch = peek(cursor);
    if (ch === '#') {
      const end = cursor.text.indexOf('\n', cursor.pos);
      cursor.pos = end === -1 ? cursor.text.length : end;
    } else if (ch === '\n') {
      advance(cursor);
      readHeredocs(cursor);
    } else return;
  }
}

function readHeredocs(cursor: Cursor): void {
  for (const heredoc of cursor.heredocs.splice(0)) {
    const line = cursor.line;
    let body = '';
    for (;;) {
      // bash only warns about a here-document that the end of the file closes.
      if (atEnd(cursor)) break;
      const end = cursor.text.indexOf('\n', cursor.pos);
      const raw = cursor.text.slice(cursor.pos, end === -1 ? cursor.text.length : end);
      advance(cursor, raw.length + (end === -1 ? 0 : 1));
      const text = heredoc.stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (text === heredoc.delimiter) break;
      body += `${text}\n`;
    }
    if (heredoc.quoted) pushLiteral(heredoc.parts, body, true, line);
    else heredoc.parts.push(...readHeredocParts({ ...cursor, text: body, pos: 0, line, heredocs: [] }));
  }
}

/** The reserved word at the cursor, if the next token is one (it must stand alone, not start a longer word). */
export function peekReserved(cursor: Cursor): string | undefined {
  let end = cursor.pos;
  const { text } = cursor;
  while (end < text.length && !METACHARACTERS.includes(text.charAt(end)) && !`'"\\$\``.includes(text.charAt(end))) end++;
  const token = text.slice(cursor.pos, end);
  if (!RESERVED.has(token)) return undefined;
  const after = text.charAt(end);
  return after === '' || METACHARACTERS.includes(after) ? token : undefined;
}

/** The word's text when it is all unquoted literal, as a command name or reserved word must be. */
export function literalOf(word: Word): string | undefined {
  return word.parts.every((p) => p.kind === 'literal') ? word.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('') : undefined;
}

export function describeNext(cursor: Cursor): string {
  if (atEnd(cursor)) return 'end of file';
  const token = cursor.text.slice(cursor.pos, cursor.pos + 12).split(/[\s]/)[0] || peek(cursor);
  return JSON.stringify(token === '\n' ? 'newline' : token);
}
