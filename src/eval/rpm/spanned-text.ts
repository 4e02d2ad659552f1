/** Text that knows where each stretch of it was written: what the macro engine reads and writes. */
import type { Origin } from '../../model/origin.js';

/**
 * One stretch of a text, from the end of the previous span to `end`. `origin` is null in the body
 * of a macro rpm or the command line defines: such text takes the origin of the place it is used.
 */
export interface Span {
  readonly end: number;
  readonly origin: Origin | null;
  /** Set when the stretch is not a value flagdiff knows. */
  readonly mark?: Mark;
}

/**
 * - `unknown`: stands for a value flagdiff does not compute (the output of `%(...)`, `%{lua:}`).
 * - `undefined`: a macro that is not defined, left as written as rpm leaves it (`%{build_ldflags}`).
 */
export interface Mark {
  readonly kind: 'unknown' | 'undefined';
  /** Why, in a phrase: `%(uname -m) is a shell command; flagdiff does not run it`. */
  readonly reason: string;
}

export interface SpannedText {
  readonly text: string;
  readonly spans: readonly Span[];
}

/**
 * Stands in the text for the output of a command flagdiff does not run (`%(...)`, `%{lua:...}`):
 * one character, inert for the shell and for rpm, whose span carries the reason.
 */
export const UNKNOWN_MARK = '\uFFFC';

export const EMPTY_TEXT: SpannedText = { text: '', spans: [] };

/** Text written in one place. */
export function spannedText(text: string, origin: Origin | null): SpannedText {
  return text === '' ? EMPTY_TEXT : { text, spans: [{ end: text.length, origin }] };
}

/** Lines of a file, each with its own line number, starting at `firstLine`. */
export function textOfLines(text: string, file: string, firstLine: number): SpannedText {
  const spans: Span[] = [];
  let line = firstLine;
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline + 1;
    spans.push({ end, origin: { file, line } });
    at = end;
  }
  return { text, spans };
}

/** Appends text, keeping spans few: a stretch with the same origin extends the last span. */
export interface TextBuilder {
  text: string;
  spans: Span[];
}

export function createBuilder(): TextBuilder {
  return { text: '', spans: [] };
}

export function append(builder: TextBuilder, piece: string, origin: Origin | null, mark?: Mark): void {
  if (piece === '') return;
  builder.text += piece;
  const last = builder.spans[builder.spans.length - 1];
  const span: Span = mark ? { end: builder.text.length, origin, mark } : { end: builder.text.length, origin };
  if (last && last.origin === origin && last.mark === mark) builder.spans[builder.spans.length - 1] = span;
  else builder.spans.push(span);
}

/** Appends `source` from `from` to `to`, each stretch with its own origin. */
export function appendRange(builder: TextBuilder, source: SpannedText, from = 0, to = source.text.length): void {
  if (from >= to) return;
  let index = spanIndexAt(source, from);
  for (let at = from; at < to; index++) {
    const span = source.spans[index]!;
    const end = Math.min(span.end, to);
    append(builder, source.text.slice(at, end), span.origin, span.mark);
    at = end;
  }
}

export function finish(builder: TextBuilder): SpannedText {
  return builder.text === '' ? EMPTY_TEXT : { text: builder.text, spans: builder.spans };
}

/** The part of a text between two offsets, with its spans. */
export function sliceText(source: SpannedText, from: number, to = source.text.length): SpannedText {
  if (from === 0 && to === source.text.length) return source;
  const builder = createBuilder();
  appendRange(builder, source, from, to);
  return finish(builder);
}

/** Index of the span holding the character at `offset`; binary search over the span ends. */
export function spanIndexAt(source: SpannedText, offset: number): number {
  let low = 0;
  let high = source.spans.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (source.spans[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Origin of the character at `offset` (of the last character when the offset is at the end). */
export function originAt(source: SpannedText, offset: number): Origin | null {
  if (source.spans.length === 0) return null;
  return source.spans[spanIndexAt(source, Math.min(offset, source.text.length - 1))]!.origin;
}

/** The marks between two offsets, without repeats; only those of one kind when `kind` is given. */
export function marksIn(source: SpannedText, from = 0, to = source.text.length, kind?: Mark['kind']): Mark[] {
  const marks: Mark[] = [];
  if (from >= to || source.spans.length === 0) return marks;
  for (let index = spanIndexAt(source, from); index < source.spans.length; index++) {
    const { mark, end } = source.spans[index]!;
    if (mark && (!kind || mark.kind === kind) && !marks.some((m) => m.reason === mark.reason)) marks.push(mark);
    if (end >= to) break;
  }
  return marks;
}

/**
 * The text as used at `site` through `name`: each origin gains the use in its `via` chain, and text
 * without an origin (rpm's own macros) takes the site's. `via` lists the uses outermost first.
 */
export function placeAt(source: SpannedText, site: Origin, name: string): SpannedText {
  const step: Origin = { file: site.file, line: site.line, name };
  const prefix = site.via ? [...site.via, step] : [step];
  const spans = source.spans.map((span): Span => {
    const origin = span.origin === null ? site : { file: span.origin.file, line: span.origin.line, via: span.origin.via ? [...prefix, ...span.origin.via] : prefix };
    return span.mark ? { end: span.end, origin, mark: span.mark } : { end: span.end, origin };
  });
  return { text: source.text, spans };
}

/** Splits at any of `separators`, dropping empty pieces, as rpm's splitQuoted does (0x1f quotes keep them). */
export function splitText(source: SpannedText, separators: string): SpannedText[] {
  const pieces: SpannedText[] = [];
  const { text } = source;
  let quoted = false;
  let start = 0;
  for (let at = 0; at <= text.length; at++) {
    const c = text[at];
    if (at === text.length || (!quoted && separators.includes(c!))) {
      if (at > start) pieces.push(withoutQuoteMarks(sliceText(source, start, at)));
      start = at + 1;
    } else if (c === QUOTE_MARK) {
      quoted = !quoted;
    }
  }
  return pieces;
}

/** rpm's `%{quote:...}` marks the ends of an argument that may hold blanks with this character. */
export const QUOTE_MARK = '\u001f';

function withoutQuoteMarks(piece: SpannedText): SpannedText {
  if (!piece.text.includes(QUOTE_MARK)) return piece;
  const builder = createBuilder();
  let from = 0;
  for (let at = piece.text.indexOf(QUOTE_MARK); at !== -1; at = piece.text.indexOf(QUOTE_MARK, from)) {
    appendRange(builder, piece, from, at);
    from = at + 1;
  }
  appendRange(builder, piece, from);
  return finish(builder);
}

/** Pieces joined with a separator that takes the origin of the piece before it. */
export function joinTexts(pieces: readonly SpannedText[], separator: string): SpannedText {
  const builder = createBuilder();
  pieces.forEach((piece, index) => {
    if (index > 0) append(builder, separator, builder.spans[builder.spans.length - 1]?.origin ?? originAt(piece, 0));
    appendRange(builder, piece);
  });
  return finish(builder);
}
