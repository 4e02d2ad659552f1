/** A rule of a makefile, and the variables make gives its recipe when it runs it. */
import type { Origin } from '../../model/origin.js';
import { spannedText } from '../rpm/spanned-text.js';
import type { SpannedText } from '../rpm/spanned-text.js';
import type { MakeVariable } from './expand-make.js';

export interface MakeRule {
  readonly target: string;
  readonly prerequisites: string[];
  /** After `|`: made first, but not in `$^` or `$<` (`$|`). */
  readonly orderOnly: string[];
  /** Recipe lines as written (recipe prefix removed, continuations kept), expanded only when run. */
  recipe: SpannedText[];
  /** The rule line the recipe follows: a later rule line with a recipe of its own replaces it. */
  recipeAt?: Origin;
  /** `target::`: each rule line's recipe runs, one after the other. */
  doubleColon?: boolean;
  readonly variables: Map<string, MakeVariable>;
  readonly origin: Origin;
}

/** `$@`, `$<`, `$^`, `$+`, `$?`, `$|`, `$*`, and their `D` and `F` forms (`$(@D)`), for `target`. */
export function automaticVariables(rule: MakeRule, target: string): Map<string, MakeVariable> {
  const unique = [...new Set(rule.prerequisites)];
  const values: Record<string, string> = {
    '@': target,
    '<': unique[0] ?? '',
    '^': unique.join(' '),
    '+': rule.prerequisites.join(' '),
    '?': unique.join(' '),
    '|': [...new Set(rule.orderOnly)].join(' '),
    '*': '',
  };
  for (const [name, words] of Object.entries(values)) {
    values[`${name}D`] = words.split(' ').filter(Boolean).map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/')) || '/' : '.')).join(' ');
    values[`${name}F`] = words.split(' ').filter(Boolean).map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ');
  }
  return new Map(Object.entries(values).map(([name, value]) => [name, { flavor: 'simple', value: spannedText(value, rule.origin), origin: 'automatic' }]));
}
