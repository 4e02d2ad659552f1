/**
 * A makefile's lines as GNU make reads them: physical lines joined where one ends in a backslash, and
 * the raw lines of a `define`. How a continuation is joined depends on what the line turns out to be,
 * which only the reader knows (a recipe line keeps it for the shell), so a group keeps its physical lines.
 */
import { append, appendRange, createBuilder, finish } from '../rpm/spanned-text.js';
import type { SpannedText } from '../rpm/spanned-text.js';

export interface PhysicalLine {
  readonly text: string;
  readonly line: number;
}

export interface LineCursor {
  /** The next logical line's physical lines, or undefined at the end of the text. */
  next(): PhysicalLine[] | undefined;
}

export function lineCursor(text: string): LineCursor {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let index = 0;
  return {
    next() {
      if (index >= lines.length) return undefined;
      const group: PhysicalLine[] = [];
      for (;;) {
        const raw = lines[index]!;
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        group.push({ text, line: ++index });
        if (!continues(text) || index >= lines.length) return group;
      }
    },
  };
}

/** An odd number of trailing backslashes: the last one escapes the newline. */
function continues(text: string): boolean {
  let count = 0;
  for (let at = text.length - 1; at >= 0 && text[at] === '\\'; at--) count++;
  return count % 2 === 1;
}

/**
 * A directive, assignment or rule line: each backslash-newline, with the blanks around it, becomes
 * one space (GNU make outside recipes).
 */
export function joinLogical(group: readonly PhysicalLine[], file: string): SpannedText {
  const builder = createBuilder();
  group.forEach(({ text, line }, index) => {
    let piece = index > 0 ? text.replace(/^[ \t]+/, '') : text;
    if (index < group.length - 1) piece = piece.slice(0, -1).replace(/[ \t]+$/, '');
    if (index > 0 && builder.text !== '' && piece !== '') append(builder, ' ', { file, line });
    append(builder, piece, { file, line });
  });
  return finish(builder);
}

/**
 * A recipe line: the backslash-newlines stay for the shell, and the recipe prefix (a TAB) that
 * starts each continuation line is removed, as make does before it runs the line.
 */
export function joinRecipe(group: readonly PhysicalLine[], file: string): SpannedText {
  const builder = createBuilder();
  group.forEach(({ text, line }, index) => {
    const piece = index === 0 ? text.slice(1) : text.startsWith('\t') ? text.slice(1) : text;
    append(builder, index < group.length - 1 ? `${piece}\n` : piece, { file, line });
  });
  return finish(builder);
}

/** Everything before an unescaped `#`, with `\#` made a plain `#` (make's comment rule outside recipes). */
export function stripComment(text: SpannedText): SpannedText {
  const at = commentStart(text.text);
  if (at === -1 && !text.text.includes('\\#')) return text;
  const builder = createBuilder();
  const end = at === -1 ? text.text.length : at;
  let from = 0;
  for (let escape = text.text.indexOf('\\#'); escape !== -1 && escape < end; escape = text.text.indexOf('\\#', from)) {
    appendRange(builder, text, from, escape);
    from = escape + 1;
  }
  appendRange(builder, text, from, end);
  return finish(builder);
}

function commentStart(text: string): number {
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    let backslashes = 0;
    for (let b = at - 1; b >= 0 && text[b] === '\\'; b--) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** The lines of a `define` up to its `endef` (nested defines counted), with their origins. */
export function defineBody(cursor: LineCursor, lineOf: (line: number) => number, file: string): SpannedText {
  const builder = createBuilder();
  let nesting = 0;
  let lines = 0;
  for (let group = cursor.next(); group; group = cursor.next()) {
    const first = group[0]!.text.trim();
    if (/^define(\s|$)/.test(first)) nesting++;
    if (/^endef(\s|$|#)/.test(first) && nesting-- === 0) return finish(builder);
    // Every line is kept, empty ones too (a body may start or end with one).
    for (const { text, line } of group) {
      if (lines++ > 0) append(builder, '\n', { file, line: lineOf(line) });
      append(builder, text, { file, line: lineOf(line) });
    }
  }
  return finish(builder);
}
