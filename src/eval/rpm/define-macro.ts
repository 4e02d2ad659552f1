/**
 * `%define` and `%global` (rpmio/macro.c doDefine, rpm 4.18). The body runs to the end of the line,
 * a `\` before the newline continuing it (the backslash is dropped: `\\\` leaves one `\` and the
 * newline); or it is `{...}`; trailing blanks are trimmed. `%global` expands the body once, now;
 * `%define` keeps it to expand at each use. The newlines after a definition are consumed.
 */
import type { Origin } from '../../model/origin.js';
import { expandApart, isNameChar, matchBracket } from './expand-macros.js';
import { changeTable, fail, readMacro } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import { appendRange, createBuilder, finish, sliceText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

export interface DefineRequest {
  /** 0 for `%global`; the current level for `%define`. */
  readonly level: number;
  readonly global: boolean;
  /** Free-field form (`%define name body` in running text), as opposed to `%{define:name body}`. */
  readonly freeField: boolean;
  readonly site: Origin;
  /** Names that cannot be defined: rpm's built-ins. */
  readonly reserved: ReadonlySet<string>;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isEol = (c: string | undefined) => c === '\n' || c === '\r';

/** Defines from `source` at `from`; returns the number of characters the definition consumed. */
export function defineMacro(engine: MacroEngine, run: Run, source: SpannedText, from: number, request: DefineRequest): number {
  const { text } = source;
  const { site } = request;
  let s = from;
  while (isBlank(text[s])) s++;
  const nameStart = s;
  while (s < text.length && isNameChar(text.charCodeAt(s))) s++;
  const name = text.slice(nameStart, s);
  let opts: string | undefined;
  if (text[s] === '(') {
    const close = text.indexOf(')', s + 1);
    if (close === -1) {
      fail(engine, run, `macro %${name} has unterminated options`, site);
      return 0;
    }
    opts = text.slice(s + 1, close);
    s = close + 1;
  }
  while (isBlank(text[s])) s++;

  let body: SpannedText;
  if (!request.freeField) {
    body = sliceText(source, s);
    s = text.length;
  } else if (text[s] === '{') {
    const end = matchBracket(engine, run, text, s, site);
    if (end === -1) {
      fail(engine, run, `macro %${name} has an unterminated body`, site);
      return s - from;
    }
    body = sliceText(source, s + 1, end - 1);
    s = end;
  } else {
    const read = readFreeField(source, s);
    s = read.end;
    if (read.unbalanced) {
      fail(engine, run, `macro %${name} has an unterminated body`, site);
      return s - from;
    }
    body = read.body;
  }
  while (isEol(text[s])) s++;
  const consumed = s - from;

  if (!validName(engine, run, name, request)) return consumed;
  if (body.text === '') {
    fail(engine, run, `macro %${name} has an empty body`, site);
    return consumed;
  }
  if (request.global) {
    body = expandApart(engine, run, body);
    if (run.error) {
      if (!engine.exhausted) fail(engine, run, `macro %${name} failed to expand`, site);
      return consumed;
    }
  }
  changeTable(engine, { kind: 'push', definition: { name, ...(opts === undefined ? {} : { opts }), body, origin: site, level: request.level } });
  return consumed;
}

/** The free-field body: to the end of the line, `\X` read as X, newlines inside `%{`, `%(`, `%[` kept. */
function readFreeField(source: SpannedText, start: number): { body: SpannedText; end: number; unbalanced: boolean } {
  const { text } = source;
  const builder = createBuilder();
  const depth = { '{': 0, '(': 0, '[': 0 } as Record<string, number>;
  const closers: Record<string, string> = { '}': '{', ')': '(', ']': '[' };
  let runStart = start;
  let s = start;
  while (s < text.length && (depth['{']! || depth['(']! || !isEol(text[s]))) {
    const c = text[s]!;
    if (c === '\\' && s + 1 < text.length) {
      appendRange(builder, source, runStart, s);
      runStart = s + 1;
      s += 2;
      continue;
    }
    if (c === '%') {
      const next = text[s + 1];
      if (next === '{' || next === '(' || next === '[') depth[next]!++;
      if (next === '{' || next === '(' || next === '[' || next === '%') s++;
    } else if (closers[c] && depth[closers[c]!]! > 0) {
      depth[closers[c]!]!--;
    } else if ((c === '{' || c === '(' || c === '[') && depth[c]! > 0) {
      depth[c]!++;
    }
    s++;
  }
  appendRange(builder, source, runStart, s);
  const unbalanced = depth['{']! > 0 || depth['(']! > 0 || depth['[']! > 0;
  const raw = finish(builder);
  let end = raw.text.length;
  while (end > 0 && (isBlank(raw.text[end - 1]) || isEol(raw.text[end - 1]))) end--;
  return { body: sliceText(raw, 0, end), end: s, unbalanced };
}

/** validName: a letter first, or `_` and a longer name; never a built-in or an argument macro. */
export function validName(engine: MacroEngine, run: Run, name: string, request: { readonly site: Origin; readonly reserved: ReadonlySet<string>; readonly global?: boolean }, action?: string): boolean {
  const what = action ?? (request.global ? '%global' : '%define');
  const first = name[0];
  if (!(first && (/[A-Za-z]/.test(first) || (first === '_' && name.length > 1)))) {
    fail(engine, run, `macro %${name} has an illegal name (${what})`, request.site);
    return false;
  }
  if (request.reserved.has(name) || readMacro(engine, name)?.auto) {
    fail(engine, run, `macro %${name} is a built-in (${what})`, request.site);
    return false;
  }
  return true;
}
