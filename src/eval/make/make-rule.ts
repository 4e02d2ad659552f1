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
  /** For a rule made from a pattern rule: what its `%` stood for (`$*`). */
  readonly stem?: string;
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
    '*': rule.stem ?? '',
  };
  for (const [name, words] of Object.entries(values)) {
    values[`${name}D`] = words.split(' ').filter(Boolean).map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/')) || '/' : '.')).join(' ');
    values[`${name}F`] = words.split(' ').filter(Boolean).map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ');
  }
  return new Map(Object.entries(values).map(([name, value]) => [name, { flavor: 'simple', value: spannedText(value, rule.origin), origin: 'automatic' }]));
}

/**
 * The rule make runs for `target`: its own, or, when that has no recipe, the pattern rule (`build/%.o:
 * src/%.c`) that matches it with the shortest stem, with `%` filled in. Match-anything rules (`%:`) are
 * left out: dh's is read apart.
 */
export function ruleOf(rules: ReadonlyMap<string, MakeRule>, target: string): MakeRule | undefined {
  const explicit = rules.get(target);
  if (explicit && (explicit.recipe.length > 0 || explicit.doubleColon)) return explicit;
  let best: { rule: MakeRule; directory: string; stem: string } | undefined;
  for (const rule of rules.values()) {
    // A pattern rule without a recipe cancels an implicit rule; it makes nothing.
    if (rule.target === '%' || !rule.target.includes('%') || rule.recipe.length === 0) continue;
    const match = matchTarget(rule.target, target);
    if (match && (!best || match.directory.length + match.stem.length < best.directory.length + best.stem.length)) best = { rule, ...match };
  }
  if (!best) return explicit;
  const { rule, directory, stem } = best;
  // A pattern without a slash matched the file's name alone: its directory goes back on each prerequisite.
  const fill = (word: string) => `${directory}${word.replace('%', stem)}`;
  return {
    ...rule,
    target,
    prerequisites: [...rule.prerequisites.map(fill), ...(explicit?.prerequisites ?? [])],
    orderOnly: [...rule.orderOnly.map(fill), ...(explicit?.orderOnly ?? [])],
    variables: new Map([...rule.variables, ...(explicit?.variables ?? [])]),
    stem: `${directory}${stem}`,
  };
}

function matchTarget(pattern: string, target: string): { directory: string; stem: string } | undefined {
  const slash = target.lastIndexOf('/');
  const directory = pattern.includes('/') || slash === -1 ? '' : target.slice(0, slash + 1);
  const name = target.slice(directory.length);
  const percent = pattern.indexOf('%');
  const [prefix, suffix] = [pattern.slice(0, percent), pattern.slice(percent + 1)];
  if (name.length < prefix.length + suffix.length || !name.startsWith(prefix) || !name.endsWith(suffix)) return undefined;
  return { directory, stem: name.slice(prefix.length, name.length - suffix.length) };
}
