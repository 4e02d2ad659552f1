/** How a makefile line's text divides: an assignment or a rule, the two sides of an ifeq. */
import { EMPTY_TEXT, sliceText } from '../rpm/spanned-text.js';
import type { SpannedText } from '../rpm/spanned-text.js';
import { topLevelIndex, wordRanges } from './expand-make.js';

/** `(a,b)` or `"a" "b"` / `'a' 'b'` after ifeq/ifneq. */
export function comparedPair(argument: SpannedText): [SpannedText, SpannedText] | undefined {
  const text = argument.text;
  if (text.startsWith('(') && text.trimEnd().endsWith(')')) {
    const inner = sliceText(argument, 1, text.trimEnd().length - 1);
    const comma = topLevelIndex(inner.text, ',');
    if (comma === -1) return undefined;
    // make strips the blanks that end the first argument and those around the second, not those that start the first.
    const first = sliceText(inner, 0, comma);
    return [sliceText(first, 0, first.text.trimEnd().length), trimmed(sliceText(inner, comma + 1), 0, true)];
  }
  const quoted = /^(["'])(.*?)\1\s+(["'])(.*?)\3\s*$/.exec(text);
  if (!quoted) return undefined;
  const second = text.indexOf(quoted[3]!, quoted[2]!.length + 2);
  return [sliceText(argument, 1, 1 + quoted[2]!.length), sliceText(argument, second + 1, second + 1 + quoted[4]!.length)];
}

export type Split = { kind: 'assignment'; nameEnd: number; op: string; valueStart: number } | { kind: 'rule'; colon: number } | { kind: 'none' };

/** Whether a line assigns a variable or states a rule: the first top-level `=` or `:` decides. */
export function assignmentOrRule(text: string): Split {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && c === '=') {
      const before = text[at - 1];
      const op = before === '+' || before === '?' || before === '!' ? `${before}=` : '=';
      return { kind: 'assignment', nameEnd: op === '=' ? at : at - 1, op, valueStart: at + 1 };
    } else if (depth === 0 && c === ':') {
      const op = /^:{1,3}=/.exec(text.slice(at))?.[0];
      if (op) return { kind: 'assignment', nameEnd: at, op, valueStart: at + op.length };
      return { kind: 'rule', colon: at };
    }
  }
  return { kind: 'none' };
}

/** The text from `from` on, without leading blanks (and trailing ones, when `both`). */
export function trimmed(text: SpannedText, from: number, both = false): SpannedText {
  let start = from;
  while (start < text.text.length && /\s/.test(text.text[start]!)) start++;
  let end = text.text.length;
  if (both) while (end > start && /\s/.test(text.text[end - 1]!)) end--;
  return start >= end ? EMPTY_TEXT : sliceText(text, start, end);
}

export function decided(value: boolean): { active: boolean; taken: boolean } {
  return { active: value, taken: value };
}

export function words(text: string): string[] {
  return wordRanges(text).map((w) => text.slice(w.start, w.end));
}

