/**
 * How rpm cuts a spec into the pieces it expands (build/parseSpec.c copyNextLineFromOFI, rpm 4.18):
 * a physical line, joined with the following ones while it ends with `\` or leaves a `%{`, `%(` or
 * `%[` open. The whole piece is expanded at once, then cut again at its newlines, so an `%if` inside
 * a continued command is seen after the macros of the whole command ran.
 */
import type { Origin } from '../../model/origin.js';
import { append, appendRange, createBuilder, finish, originAt, sliceText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

/** A file being read, innermost `%include` last. */
export interface SpecCursor {
  readonly file: string;
  readonly text: string;
  pos: number;
  line: number;
}

export type LogicalLine =
  | { readonly kind: 'line'; readonly text: SpannedText; readonly origin: Origin }
  | { readonly kind: 'end'; readonly unclosed?: Origin };

/** Open counts of a piece being joined; kept across lines so each line is scanned once. */
interface Balance {
  braces: number;
  parens: number;
  brackets: number;
  continued: boolean;
}

/** The next piece, reading on into the enclosing file when an included one ends. */
export function readLogicalLine(files: SpecCursor[]): LogicalLine {
  const builder = createBuilder();
  const balance: Balance = { braces: 0, parens: 0, brackets: 0, continued: false };
  let origin: Origin | undefined;
  for (;;) {
    const cursor = files[files.length - 1];
    if (!cursor) return origin ? { kind: 'line', text: finish(builder), origin } : { kind: 'end' };
    if (cursor.pos >= cursor.text.length) {
      files.pop();
      if (files.length === 0 && origin) return { kind: 'end', unclosed: origin };
      continue;
    }
    const newline = cursor.text.indexOf('\n', cursor.pos);
    const end = newline === -1 ? cursor.text.length : newline + 1;
    const physical = cursor.text.slice(cursor.pos, end);
    cursor.pos = end;
    cursor.line++;
    const here: Origin = { file: cursor.file, line: cursor.line };
    origin ??= here;
    append(builder, physical, here);
    scan(physical, balance);
    if (!balance.braces && !balance.parens && !balance.brackets && !balance.continued) return { kind: 'line', text: finish(builder), origin };
  }
}

/** The counting of copyNextLineFromOFI: `\` skips a character, `%%` is no opener, braces nest. */
function scan(text: string, b: Balance): void {
  for (let p = 0; p < text.length; p++) {
    const c = text[p];
    if (c === '\\') {
      if (text[p + 1] === '\n') b.continued = true;
      if (p + 1 < text.length) p++;
    } else if (c === '\n') {
      b.continued = false;
    } else if (c === '%') {
      const next = text[p + 1];
      if (next === '{') b.braces++;
      else if (next === '(') b.parens++;
      else if (next === '[') b.brackets++;
      if (next === '{' || next === '(' || next === '[' || next === '%') p++;
    } else if (c === '{' && b.braces > 0) b.braces++;
    else if (c === '}' && b.braces > 0) b.braces--;
    else if (c === '(' && b.parens > 0) b.parens++;
    else if (c === ')' && b.parens > 0) b.parens--;
    else if (c === '[' && b.brackets > 0) b.brackets++;
    else if (c === ']' && b.brackets > 0) b.brackets--;
  }
}

/**
 * An expanded piece cut at its newlines, each line keeping its `\n` (copyNextLineFinish). A piece
 * that expands to nothing (a `%define` line) is still one line, an empty one.
 */
export function splitLines(text: SpannedText): SpannedText[] {
  const first = text.text.indexOf('\n');
  if (first === -1 || first === text.text.length - 1) return [text];
  const lines: SpannedText[] = [];
  for (let start = 0; start < text.text.length; ) {
    const newline = text.text.indexOf('\n', start);
    const end = newline === -1 ? text.text.length : newline + 1;
    lines.push(sliceText(text, start, end));
    start = end;
  }
  return lines;
}

/** A conditional line ending in `\`: rpm turns the backslash and newline into blanks, so the next line joins it. */
export function joinContinued(line: SpannedText, following: SpannedText): SpannedText {
  const builder = createBuilder();
  appendRange(builder, line, 0, line.text.length - 2);
  append(builder, '  ', originAt(line, line.text.length - 2));
  appendRange(builder, following);
  return finish(builder);
}
