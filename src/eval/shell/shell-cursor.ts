/** The parser's position in a script, shared by the word and command parsers. */
import type { Command } from './shell-ast.js';

/** Deepest nesting of commands, words and expansions before parsing gives up: hostile input cannot overflow the stack. */
const MAX_NESTING = 200;

export interface Cursor {
  readonly text: string;
  pos: number;
  line: number;
  depth: number;
  /** Parses commands up to (not including) a `)`; set by the command parser, used for `$(...)`. */
  readonly parseSubstitution: (cursor: Cursor) => Command[];
  /** Heredocs whose body starts after the next newline. */
  readonly heredocs: PendingHeredoc[];
}

export interface PendingHeredoc {
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly quoted: boolean;
  /** Filled in when the body is read. */
  readonly parts: import('./shell-ast.js').WordPart[];
}

/** A syntax error: thrown inside the parser, caught per top-level command. */
export interface SyntaxProblem {
  readonly syntax: true;
  readonly line: number;
  readonly message: string;
}

/** A syntax error at the cursor, or at `line` where bash reports it there (an unterminated quote, `(` or `[[`). */
export function syntaxError(cursor: Cursor, message: string, line = cursor.line): SyntaxProblem {
  return { syntax: true, line, message };
}

export function isSyntaxProblem(value: unknown): value is SyntaxProblem {
  return typeof value === 'object' && value !== null && (value as SyntaxProblem).syntax === true;
}

export function peek(cursor: Cursor, offset = 0): string {
  return cursor.text.charAt(cursor.pos + offset);
}

export function startsWithAt(cursor: Cursor, token: string): boolean {
  return cursor.text.startsWith(token, cursor.pos);
}

/** Advances over one character, counting lines. */
export function advance(cursor: Cursor, count = 1): void {
  for (let i = 0; i < count; i++) {
    if (cursor.text.charCodeAt(cursor.pos) === 10) cursor.line++;
    cursor.pos++;
  }
}

export function atEnd(cursor: Cursor): boolean {
  return cursor.pos >= cursor.text.length;
}

/** Skips a backslash-newline pair (a line continuation) if one is here. */
export function skipContinuation(cursor: Cursor): boolean {
  if (cursor.text.charCodeAt(cursor.pos) === 92 && cursor.text.charCodeAt(cursor.pos + 1) === 10) {
    advance(cursor, 2);
    return true;
  }
  return false;
}

/** Runs `parse` one level deeper, refusing nesting beyond MAX_NESTING. */
export function nested<T>(cursor: Cursor, parse: () => T): T {
  if (++cursor.depth > MAX_NESTING) throw syntaxError(cursor, `nesting deeper than ${MAX_NESTING} levels`);
  try {
    return parse();
  } finally {
    cursor.depth--;
  }
}
