/**
 * GNU make's expansion of `$` references: `$(VAR)`, `${VAR}`, `$V`, `$$`, substitution references
 * `$(VAR:a=b)`, computed names `${archlist-$p}` and function calls (make-functions.ts). Each
 * character keeps where it was written, and a variable's value is placed at its use, so a configure
 * argument can say it came from `common_configure_opts` defined at line 72, used at line 268.
 */
import type { Code } from '../../model/codes.js';
import type { Origin } from '../../model/origin.js';
import { EMPTY_TEXT, append, appendRange, createBuilder, finish, originAt, placeAt, sliceText } from '../rpm/spanned-text.js';
import type { SpannedText, TextBuilder } from '../rpm/spanned-text.js';
import { FUNCTIONS, callFunction } from './make-functions.js';

export interface MakeVariable {
  /** `=` and `define` values are expanded at each use; `:=` values were expanded once. */
  readonly flavor: 'recursive' | 'simple';
  readonly value: SpannedText;
  readonly origin: 'environment' | 'file' | 'override' | 'automatic' | 'default';
}

export interface ExpandContext {
  readonly lookup: (name: string) => MakeVariable | undefined;
  /** `$(shell ...)`: its output when flagdiff knows it without running anything, else an unknown value. */
  readonly shell: (command: SpannedText, site: Origin) => SpannedText;
  /** `$(wildcard ...)`: the files a pattern names, when the caller knows them; undefined when it does not. */
  readonly wildcard: (pattern: string) => readonly string[] | undefined;
  /** `$(eval ...)`: the text read as makefile lines. */
  readonly evaluate: (text: SpannedText, site: Origin) => void;
  readonly report: (code: Code, message: string, site: Origin) => void;
  /** Shared by every expansion of one makefile: bounds on work, on the text produced and on nesting. */
  readonly budget: { steps: number; chars: number; depth: number; exhausted: boolean };
  /** Recursive variables being expanded: a variable that uses itself is an error in make too. */
  readonly active: Set<string>;
}

const MAX_SIZE = 1024 * 1024;
/** References within references, variables through variables: real makefiles nest a few levels. */
const MAX_DEPTH = 256;

export function expand(text: SpannedText, context: ExpandContext): SpannedText {
  if (!text.text.includes('$')) return text;
  const { budget } = context;
  if (budget.exhausted) return EMPTY_TEXT;
  if (budget.depth >= MAX_DEPTH) {
    context.report('FD304', `references nest deeper than ${MAX_DEPTH} levels; the rest is not expanded`, site(text, 0));
    budget.exhausted = true;
    return EMPTY_TEXT;
  }
  budget.depth++;
  try {
    const builder = createBuilder();
    expandInto(builder, text, context);
    return finish(builder);
  } finally {
    budget.depth--;
  }
}

function expandInto(builder: TextBuilder, text: SpannedText, context: ExpandContext): void {
  const source = text.text;
  let from = 0;
  for (let at = source.indexOf('$'); at !== -1 && at < source.length; at = source.indexOf('$', from)) {
    appendRange(builder, text, from, at);
    if (--context.budget.steps < 0 || context.budget.chars < 0 || builder.text.length > MAX_SIZE) {
      if (!context.budget.exhausted) context.report('FD304', 'expanding the makefile went past flagdiff’s bound on work or value size; the rest is not expanded', site(text, at));
      context.budget.exhausted = true;
      return;
    }
    const next = source[at + 1];
    if (next === undefined) {
      from = at + 1;
      break;
    }
    if (next === '$') {
      appendRange(builder, text, at, at + 1);
      from = at + 2;
      continue;
    }
    if (next !== '(' && next !== '{') {
      appendRange(builder, valueOf(next, site(text, at), context));
      from = at + 2;
      continue;
    }
    const close = closingOf(source, at + 1);
    if (close === -1) {
      context.report('FD325', `unterminated variable reference ${source.slice(at, at + 40)}`, site(text, at));
      from = source.length;
      break;
    }
    reference(builder, sliceText(text, at + 2, close), text, at, context);
    from = close + 1;
  }
  appendRange(builder, text, from);
}

/** The inside of `$(...)` or `${...}`: a function call, a substitution reference or a variable. */
function reference(builder: TextBuilder, inner: SpannedText, text: SpannedText, at: number, context: ExpandContext): void {
  // The blanks after a function's name all separate it from its arguments (make's next_token).
  const call = /^([a-z-]+)[ \t]+/.exec(inner.text);
  if (call && FUNCTIONS.has(call[1]!)) {
    appendRange(builder, callFunction(call[1]!, sliceText(inner, call[0].length), site(text, at), context));
    return;
  }
  const colon = topLevelIndex(inner.text, ':');
  const equals = colon === -1 ? -1 : inner.text.indexOf('=', colon);
  if (equals !== -1) {
    const name = expand(sliceText(inner, 0, colon), context).text;
    const value = valueOf(name, site(text, at), context);
    const pattern = expand(sliceText(inner, colon + 1, equals), context).text;
    const replacement = expand(sliceText(inner, equals + 1), context);
    appendRange(builder, substitute(value, pattern, replacement));
    return;
  }
  appendRange(builder, valueOf(expand(inner, context).text, site(text, at), context));
}

/** A variable's value at this use: placed there, and expanded when it is recursive. */
export function valueOf(name: string, use: Origin, context: ExpandContext): SpannedText {
  const variable = context.lookup(name);
  if (!variable || variable.value.text === '') return EMPTY_TEXT;
  const placed = placeAt(variable.value, use, name);
  if (variable.flavor === 'simple') return placed;
  if (context.active.has(name)) {
    context.report('FD325', `the variable ${name} refers to itself (make stops here: "Recursive variable references itself")`, use);
    return EMPTY_TEXT;
  }
  context.active.add(name);
  try {
    const value = expand(placed, context);
    context.budget.chars -= value.text.length;
    return value;
  } finally {
    context.active.delete(name);
  }
}

/** `$(VAR:a=b)` is `$(patsubst %a,%b,$(VAR))`, or `$(patsubst a,b,$(VAR))` when a holds a `%`. */
function substitute(value: SpannedText, pattern: string, replacement: SpannedText): SpannedText {
  if (pattern.includes('%')) return patternSubstitute(value, pattern, replacement);
  const builder = createBuilder();
  append(builder, '%', originAt(replacement, 0));
  appendRange(builder, replacement);
  return patternSubstitute(value, `%${pattern}`, finish(builder));
}

/** patsubst over the words of `value`: words matching `pattern` are replaced, the `%` carrying the stem. */
export function patternSubstitute(value: SpannedText, pattern: string, replacement: SpannedText): SpannedText {
  const [prefix, suffix] = splitPattern(pattern);
  const builder = createBuilder();
  for (const word of wordRanges(value.text)) {
    if (builder.text !== '') append(builder, ' ', originAt(value, word.start));
    const text = value.text.slice(word.start, word.end);
    const matches = suffix === undefined ? text === prefix : text.length >= prefix.length + suffix.length && text.startsWith(prefix) && text.endsWith(suffix);
    if (!matches) {
      appendRange(builder, value, word.start, word.end);
      continue;
    }
    const stem = suffix === undefined ? undefined : sliceText(value, word.start + prefix.length, word.end - suffix.length);
    const percent = replacement.text.indexOf('%');
    if (percent === -1 || stem === undefined) {
      appendRange(builder, replacement);
      continue;
    }
    appendRange(builder, replacement, 0, percent);
    appendRange(builder, stem);
    appendRange(builder, replacement, percent + 1);
  }
  return finish(builder);
}

/** A pattern's text before and after its first `%` (suffix undefined: no `%`, the word must equal it). */
export function splitPattern(pattern: string): [string, string | undefined] {
  const percent = pattern.indexOf('%');
  return percent === -1 ? [pattern, undefined] : [pattern.slice(0, percent), pattern.slice(percent + 1)];
}

/** Whitespace-separated words, as offsets. */
export function wordRanges(text: string): Array<{ start: number; end: number }> {
  const words: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(/[^ \t\n]+/g)) words.push({ start: match.index!, end: match.index! + match[0].length });
  return words;
}

/** The index of the parenthesis or brace that closes the one at `open`; make counts only that kind. */
function closingOf(text: string, open: number): number {
  const opener = text[open]!;
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === opener) depth++;
    else if (text[at] === closer && --depth === 0) return at;
  }
  return -1;
}

/** The first `char` outside any `$(...)`/`${...}`, or -1. */
export function topLevelIndex(text: string, char: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === char && depth === 0) return at;
  }
  return -1;
}

function site(text: SpannedText, at: number): Origin {
  return originAt(text, at) ?? { file: '', line: 0 };
}
