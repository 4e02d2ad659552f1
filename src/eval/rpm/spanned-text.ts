/** Text that knows where each stretch of it was written: what the macro engine reads and writes. */
import type { Origin } from '../../model/origin.js';

/**
 * One stretch of a text, from the end of the previous span to `end`. `origin` is null in the body
 * of a macro rpm or the command line defines: such text takes the origin of the place it is used.
 */
export interface Span {
  readonly end: number;
  readonly origin: Origin | null;
  /** The macro uses the stretch came through since it was written, when there were any. */
  readonly place?: Place;
  /** Set when the stretch is not a value flagdiff knows. */
  readonly mark?: Mark;
}

/**
 * A macro body as used at `site` through `name`; `inner` is where the text had been placed before
 * (a `%global` body holds text that came through other macros). Origins are composed from places
 * only when asked for (`originAt`), so copying a body costs no allocation per stretch.
 */
export interface Place {
  readonly site: Origin;
  readonly name: string;
  readonly inner?: Place;
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
  /** Set on a macro body as used somewhere: applies to every span. */
  readonly place?: Place;
}

/**
 * Stands in `parsed` output for the output of a command flagdiff does not run (`%(...)`, `%{lua:...}`).
 * In the expanded text itself each such value is one private-use character of its own
 * (`unknownChar(n)`), inert for rpm and the shell, so the reason can be found again after the
 * shell has moved the text around.
 */
export const UNKNOWN_MARK = '\uFFFC';

const FIRST_UNKNOWN = 0xe000;
const LAST_UNKNOWN = 0xf8ff;

/** The character standing for the n-th unknown value of a spec (the last one is shared past 6,400). */
export function unknownChar(n: number): string {
  return String.fromCharCode(Math.min(FIRST_UNKNOWN + n, LAST_UNKNOWN));
}

/** The index of the unknown value a character stands for, or -1. */
export function unknownIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code >= FIRST_UNKNOWN && code <= LAST_UNKNOWN ? code - FIRST_UNKNOWN : -1;
}

/** Text for people: every unknown value shown as U+FFFC. */
export function showUnknowns(text: string): string {
  return text.replace(/[\ue000-\uf8ff]/g, UNKNOWN_MARK);
}

export const EMPTY_TEXT: SpannedText = { text: '', spans: [] };

/** Text written in one place. */
export function spannedText(text: string, origin: Origin | null): SpannedText {
  return text === '' ? EMPTY_TEXT : { text, spans: [{ end: text.length, origin }] };
}

/** Appends text, keeping spans few: a stretch with the same origin extends the last span. */
export interface TextBuilder {
  text: string;
  spans: Span[];
}

export function createBuilder(): TextBuilder {
  return { text: '', spans: [] };
}

export function append(builder: TextBuilder, piece: string, origin: Origin | null, mark?: Mark, place?: Place): void {
  if (piece === '') return;
  builder.text += piece;
  const end = builder.text.length;
  const last = builder.spans[builder.spans.length - 1];
  const span: Span = place ? (mark ? { end, origin, place, mark } : { end, origin, place }) : mark ? { end, origin, mark } : { end, origin };
  if (last && last.origin === origin && last.mark === mark && last.place === place) builder.spans[builder.spans.length - 1] = span;
  else builder.spans.push(span);
}

/** Appends `source` from `from` to `to`, each stretch with its own origin. */
export function appendRange(builder: TextBuilder, source: SpannedText, from = 0, to = source.text.length): void {
  if (from >= to) return;
  let index = spanIndexAt(source, from);
  for (let at = from; at < to; index++) {
    const span = source.spans[index]!;
    const end = Math.min(span.end, to);
    append(builder, source.text.slice(at, end), span.origin, span.mark, placeOf(source, span));
    at = end;
  }
}

export function finish(builder: TextBuilder): SpannedText {
  return builder.text === '' ? EMPTY_TEXT : { text: builder.text, spans: builder.spans };
}

/** The part of a text between two offsets, with its spans (and its place, carried into them). */
export function sliceText(source: SpannedText, from: number, to = source.text.length, copy = false): SpannedText {
  if (from === 0 && to === source.text.length && !copy && !source.place) return source;
  if (from >= to) return EMPTY_TEXT;
  const index = spanIndexAt(source, from);
  const span = source.spans[index]!;
  if (span.end >= to) {
    // Within one stretch: no builder needed.
    const place = placeOf(source, span);
    const end = to - from;
    const one: Span = place ? (span.mark ? { end, origin: span.origin, place, mark: span.mark } : { end, origin: span.origin, place }) : span.mark ? { end, origin: span.origin, mark: span.mark } : { end, origin: span.origin };
    return { text: source.text.slice(from, to), spans: [one] };
  }
  const builder = createBuilder();
  appendRange(builder, source, from, to);
  return finish(builder);
}

/** Index of the span holding the character at `offset`; binary search over the span ends. */
function spanIndexAt(source: SpannedText, offset: number): number {
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
  if (source.spans.length === 0) return source.place?.site ?? null;
  const span = source.spans[spanIndexAt(source, Math.min(offset, source.text.length - 1))]!;
  return resolveOrigin(span.origin, placeOf(source, span));
}

/** The place of a span read from `source`: the body's use, then how the text came into the body. */
function placeOf(source: SpannedText, span: Span): Place | undefined {
  const outer = source.place;
  if (!outer) return span.place;
  return span.place ? { site: outer.site, name: outer.name, inner: span.place } : outer;
}

/**
 * The origin of text written at `origin` and placed through `place`: its `via` lists the uses
 * outermost first. Text without an origin (rpm's own macros) takes the origin of its use.
 */
function resolveOrigin(origin: Origin | null, place: Place | undefined): Origin | null {
  if (!place) return origin;
  const placed = place.inner ? resolveOrigin(origin, place.inner) : origin;
  const { site } = place;
  if (placed === null) return site;
  const step: Origin = { file: site.file, line: site.line, name: place.name };
  return { file: placed.file, line: placed.line, via: [...(site.via ?? []), step, ...(placed.via ?? [])] };
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

/** The text as used at `site` through `name` (a macro body where the macro is used); costs one object. */
export function placeAt(source: SpannedText, site: Origin, name: string): SpannedText {
  const body = source.place ? sliceText(source, 0, source.text.length, true) : source;
  return { text: body.text, spans: body.spans, place: { site, name } };
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
