/**
 * Arguments of parametric macros (rpmio/macro.c grabArgs, setupArgs, freeArgs, rgetopt): the words
 * after `%name` to the end of the line, or inside `%{name ...}`, are expanded, split at blanks and
 * parsed with getopt (GNU order: options may follow words). They become `%0`, `%1`..., `%#`, `%*`,
 * `%**`, `%-f` and `%-f*`, visible only at the call's own level, and dropped on return together
 * with the macros `%define` made inside the call.
 */
import type { Origin } from '../../model/origin.js';
import { expandApart } from './expand-macros.js';
import { changeTable, fail } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import type { MacroDefinition } from './macro-table.js';
import { EMPTY_TEXT, joinTexts, sliceText, spannedText, splitText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

/** grabArgs: adds the arguments between `from` and `to` to `args`; returns where scanning goes on. */
export function grabArguments(
  engine: MacroEngine,
  run: Run,
  args: SpannedText[],
  source: SpannedText,
  from: number,
  to: number,
  how: { readonly split: boolean; readonly parse: boolean },
): number {
  const raw = to === from ? EMPTY_TEXT : sliceText(source, from, to);
  if (how.parse) {
    args.push(raw);
  } else {
    const expanded = expandApart(engine, run, raw);
    if (how.split) args.push(...splitText(expanded, ' \t'));
    else args.push(expanded);
  }
  const { text } = source;
  // A line's own newline stays in the text, unless a backslash continues the line.
  return to >= text.length || (text[to] === '\n' && text[to - 1] !== '\\') ? to : to + 1;
}

/** setupArgs, the call, then freeArgs. */
export function withArguments(engine: MacroEngine, run: Run, macro: MacroDefinition, args: readonly SpannedText[], site: Origin, call: () => void): void {
  const level = ++engine.level;
  const auto = (name: string, body: SpannedText) => changeTable(engine, { kind: 'push', definition: { name, body, level, auto: true, literal: true } });
  try {
    auto('0', spannedText(macro.name, site));
    auto('**', joinTexts(args.slice(1), ' '));
    const parsed = getopt(args.slice(1), macro.opts ?? '');
    if ('unknown' in parsed) {
      fail(engine, run, `unknown option ${parsed.unknown} in ${macro.name}(${macro.opts})`, site);
    } else {
      for (const [option, value] of parsed.options) {
        auto(`-${option}`, value ? joinTexts([spannedText(`-${option}`, site), value], ' ') : spannedText(`-${option}`, site));
        if (value) auto(`-${option}*`, value);
      }
      auto('#', spannedText(String(parsed.words.length), site));
      parsed.words.forEach((word, index) => auto(String(index + 1), word));
      auto('*', joinTexts(parsed.words, ' '));
    }
    call();
  } finally {
    changeTable(engine, { kind: 'pop-level', level });
    engine.level--;
  }
}

type Parsed = { readonly options: Array<readonly [string, SpannedText | undefined]>; readonly words: SpannedText[] } | { readonly unknown: string };

/**
 * glibc getopt as rgetopt runs it: options anywhere (GNU permutation), `--` ends them, an option
 * letter followed by `:` in `opts` takes a value (the rest of the word, or the next word).
 * `opts` of `-` turns option parsing off.
 */
function getopt(args: readonly SpannedText[], opts: string): Parsed {
  if (opts === '-') return { options: [], words: [...args] };
  const options: Array<readonly [string, SpannedText | undefined]> = [];
  const words: SpannedText[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = word.text;
    if (text === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (text.length < 2 || text[0] !== '-') {
      words.push(word);
      continue;
    }
    for (let k = 1; k < text.length; k++) {
      const letter = text[k]!;
      const at = opts.indexOf(letter);
      if (at === -1 || letter === ':') return { unknown: letter };
      if (opts[at + 1] !== ':') {
        options.push([letter, undefined]);
      } else if (k + 1 < text.length) {
        options.push([letter, sliceText(word, k + 1)]);
        break;
      } else if (i + 1 < args.length) {
        options.push([letter, args[++i]!]);
        break;
      } else {
        return { unknown: letter };
      }
    }
  }
  return { options, words };
}
