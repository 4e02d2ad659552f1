/**
 * GNU make's functions (`$(filter ...)`, `$(if ...)`, `$(foreach ...)`, `$(call ...)`, ...), each
 * expanding its arguments as make does: `if`, `and` and `or` only as far as they need, `foreach`
 * and `call` with their variables bound. `$(shell ...)` goes to the caller, which runs nothing.
 */
import { posix } from 'node:path';
import type { Origin } from '../../model/origin.js';
import { EMPTY_TEXT, appendRange, createBuilder, finish, joinTexts, sliceText, spannedText } from '../rpm/spanned-text.js';
import type { SpannedText } from '../rpm/spanned-text.js';
import { expand, patternSubstitute, splitPattern, topLevelIndex, valueOf, wordRanges } from './expand-make.js';
import type { ExpandContext, MakeVariable } from './expand-make.js';

/** A `$(error ...)` that make would stop at. */
export class MakeStop extends Error {
  readonly origin: Origin;

  constructor(message: string, origin: Origin) {
    super(message);
    this.name = 'MakeStop';
    this.origin = origin;
  }
}

/** How many arguments each function splits its text into; commas past the last are text (Infinity: all). */
const ARITY: Readonly<Record<string, number>> = {
  subst: 3, patsubst: 3, strip: 1, findstring: 2, filter: 2, 'filter-out': 2, sort: 1, word: 2, wordlist: 3, words: 1,
  firstword: 1, lastword: 1, dir: 1, notdir: 1, suffix: 1, basename: 1, addsuffix: 2, addprefix: 2, join: 2,
  if: 3, or: Infinity, and: Infinity, foreach: 3, call: Infinity, value: 1, origin: 1, flavor: 1, eval: 1, shell: 1,
  error: 1, warning: 1, info: 1, wildcard: 1, abspath: 1, realpath: 1,
};

export const FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(ARITY));

export function callFunction(name: string, argumentText: SpannedText, at: Origin, context: ExpandContext): SpannedText {
  const args = splitArguments(argumentText, ARITY[name]!);
  const arg = (index: number) => expand(args[index] ?? EMPTY_TEXT, context);
  const words = (text: SpannedText) => wordRanges(text.text).map((w) => sliceText(text, w.start, w.end));
  const wordsOf = (index: number) => words(arg(index));
  const computed = (text: string) => spannedText(text, at);
  switch (name) {
    case 'if': {
      const condition = arg(0).text.trim();
      return condition !== '' ? arg(1) : arg(2);
    }
    case 'or':
      for (let i = 0; i < args.length; i++) {
        const value = arg(i);
        if (value.text.trim() !== '') return value;
      }
      return EMPTY_TEXT;
    case 'and': {
      let value = EMPTY_TEXT;
      for (let i = 0; i < args.length; i++) if ((value = arg(i)).text.trim() === '') return EMPTY_TEXT;
      return value;
    }
    case 'foreach': {
      const variable = arg(0).text.trim();
      // Each word's text, empty ones too, joined by a space.
      const results = wordsOf(1).map((word) => expand(args[2] ?? EMPTY_TEXT, bind(context, new Map([[variable, simple(word)]]))));
      return joinTexts(results, ' ');
    }
    case 'call': {
      const variable = arg(0).text.trim();
      const bound = new Map<string, MakeVariable>([['0', simple(computed(variable))]]);
      for (let i = 1; i < args.length; i++) bound.set(String(i), simple(arg(i)));
      // Parameters the call does not pass are empty, not those of an enclosing call.
      for (let i = args.length; i < 10; i++) bound.set(String(i), simple(EMPTY_TEXT));
      const inner = bind(context, bound);
      // A function may call itself (make allows it, as for a recursive wildcard); the bound on nesting
      // stops a call that never ends.
      const calling = context.active.delete(variable);
      try {
        return valueOf(variable, at, inner);
      } finally {
        if (calling) context.active.add(variable);
      }
    }
    case 'value':
      return context.lookup(arg(0).text.trim())?.value ?? EMPTY_TEXT;
    case 'origin':
      return computed(context.lookup(arg(0).text.trim())?.origin ?? 'undefined');
    case 'flavor': {
      const variable = context.lookup(arg(0).text.trim());
      return computed(variable ? variable.flavor : 'undefined');
    }
    case 'eval':
      context.evaluate(arg(0), at);
      return EMPTY_TEXT;
    case 'shell':
      return context.shell(arg(0), at);
    case 'error':
      throw new MakeStop(arg(0).text.trim(), at);
    case 'warning':
    case 'info':
      return EMPTY_TEXT;
    case 'wildcard': {
      const patterns = wordsOf(0).map((w) => w.text);
      const found = patterns.map((pattern) => context.wildcard(pattern));
      if (found.some((f) => f === undefined)) {
        context.report('FD305', `$(wildcard ${patterns.join(' ')}) lists files on the build machine that flagdiff does not look at; taken as none`, at);
      }
      return computed(found.flatMap((f) => f ?? []).join(' '));
    }
    case 'subst': {
      const [from, to, text] = [arg(0).text, arg(1), arg(2)];
      // "The first occurrence of "" in any string is its end" (function.c subst_expand).
      if (from === '') return joinTexts([text, to], '');
      const builder = createBuilder();
      let start = 0;
      for (let hit = text.text.indexOf(from); hit !== -1; hit = text.text.indexOf(from, start)) {
        appendRange(builder, text, start, hit);
        appendRange(builder, to);
        start = hit + from.length;
      }
      appendRange(builder, text, start);
      return finish(builder);
    }
    case 'patsubst':
      return patternSubstitute(arg(2), arg(0).text.trim(), arg(1));
    case 'strip':
      return joinTexts(wordsOf(0), ' ');
    case 'findstring':
      return arg(1).text.includes(arg(0).text) ? arg(0) : EMPTY_TEXT;
    case 'filter':
    case 'filter-out': {
      const patterns = wordsOf(0).map((p) => splitPattern(p.text));
      const keep = name === 'filter';
      return joinTexts(wordsOf(1).filter((w) => patterns.some((p) => matches(w.text, p)) === keep), ' ');
    }
    case 'sort': {
      const unique = new Map<string, SpannedText>();
      for (const word of wordsOf(0)) if (!unique.has(word.text)) unique.set(word.text, word);
      return joinTexts([...unique.keys()].sort(byBytes).map((k) => unique.get(k)!), ' ');
    }
    case 'word': {
      const n = Number(arg(0).text.trim());
      return wordsOf(1)[n - 1] ?? EMPTY_TEXT;
    }
    case 'wordlist': {
      const [start, end] = [Number(arg(0).text.trim()), Number(arg(1).text.trim())];
      return joinTexts(wordsOf(2).slice(start - 1, end), ' ');
    }
    case 'words':
      return computed(String(wordsOf(0).length));
    case 'firstword':
      return wordsOf(0)[0] ?? EMPTY_TEXT;
    case 'lastword':
      return wordsOf(0).at(-1) ?? EMPTY_TEXT;
    case 'addsuffix':
    case 'addprefix': {
      const affix = arg(0);
      return joinTexts(
        wordsOf(1).map((word) => (name === 'addsuffix' ? joinTexts([word, affix], '') : joinTexts([affix, word], ''))),
        ' ',
      );
    }
    case 'join': {
      const [left, right] = [wordsOf(0), wordsOf(1)];
      const joined: SpannedText[] = [];
      for (let i = 0; i < Math.max(left.length, right.length); i++) joined.push(joinTexts([left[i] ?? EMPTY_TEXT, right[i] ?? EMPTY_TEXT], ''));
      return joinTexts(joined, ' ');
    }
    case 'realpath':
      context.report('FD305', `$(realpath ...) looks up files on the build machine, which flagdiff does not look at; taken as none`, at);
      return EMPTY_TEXT;
    case 'abspath': {
      const cwd = context.lookup('CURDIR')?.value.text ?? '/';
      return computed(wordsOf(0).map((word) => posix.resolve(cwd, word.text)).join(' '));
    }
    default: {
      // suffix leaves out a word without one; dir, notdir and basename keep every word, empty ones too.
      const parts = wordsOf(0).map((word) => pathFunction(name, word.text));
      return computed((name === 'suffix' ? parts.filter((p) => p !== '') : parts).join(' '));
    }
  }
}

/** dir, notdir, suffix and basename of one word. */
function pathFunction(name: string, word: string): string {
  const slash = word.lastIndexOf('/');
  const dot = word.lastIndexOf('.');
  switch (name) {
    case 'dir':
      return slash === -1 ? './' : word.slice(0, slash + 1);
    case 'notdir':
      return word.slice(slash + 1);
    case 'suffix':
      return dot > slash ? word.slice(dot) : '';
    default:
      return dot > slash ? word.slice(0, dot) : word;
  }
}

function matches(word: string, [prefix, suffix]: [string, string | undefined]): boolean {
  return suffix === undefined ? word === prefix : word.length >= prefix.length + suffix.length && word.startsWith(prefix) && word.endsWith(suffix);
}

function simple(value: SpannedText): MakeVariable {
  return { flavor: 'simple', value, origin: 'automatic' };
}

function bind(context: ExpandContext, bound: ReadonlyMap<string, MakeVariable>): ExpandContext {
  return { ...context, lookup: (name) => bound.get(name) ?? context.lookup(name) };
}

/** Splits at top-level commas into at most `arity` arguments (the last keeps the rest, commas and all). */
function splitArguments(text: SpannedText, arity: number): SpannedText[] {
  const args: SpannedText[] = [];
  let start = 0;
  while (args.length < arity - 1) {
    const comma = topLevelIndex(text.text.slice(start), ',');
    if (comma === -1) break;
    args.push(sliceText(text, start, start + comma));
    start += comma + 1;
  }
  args.push(sliceText(text, start));
  return args;
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

