/**
 * Whether expanding a piece of text can change anything but the text itself. A piece whose result
 * is not kept (a `Requires:` line, a %description, when only the builds are wanted) need not be
 * expanded when every macro it uses is inert: a one-line body, no definition, no command, no
 * built-in with an effect, nothing but inert macros used in turn. Such a piece defines nothing,
 * reports nothing and cannot turn into a conditional or a section header.
 */
import { BUILTINS } from './builtin-macros.js';
import { lookupMacro } from './macro-table.js';
import type { MacroDefinition, MacroTable } from './macro-table.js';

/** Built-ins that only compute text from their argument. */
const PURE_BUILTINS = new Set(['basename', 'dirname', 'suffix', 'shrink', 'quote', 'shescape', 'url2path', 'u2p', 'verbose', 'echo', 'warn', 'S', 'P']);

/**
 * `%%`; `%{flags name` with what follows the name; `%flags name`; anything else after `%` is not a
 * plain use (`%1`, `%(`, `%[`, `%{-f}`).
 */
const USE = /%(?:%|\{([?!]*)([A-Za-z_][A-Za-z0-9_]*)(.?)|([?!]*)([A-Za-z_][A-Za-z0-9_]*)|([^]|$))/g;

/** Answers for definitions, kept while the table does not change (what a body uses may be redefined). */
export interface InertCache {
  version: number;
  answers: Map<MacroDefinition, boolean>;
}

export function createInertCache(): InertCache {
  return { version: -1, answers: new Map() };
}

export function isInertText(table: MacroTable, text: string, cache: InertCache, depth = 0): boolean {
  if (cache.version !== table.version) {
    cache.version = table.version;
    cache.answers.clear();
  }
  if (depth > 16 || text.includes('%(') || text.includes('%[')) return false;
  for (const [whole, braceFlags, braceName, after, bareFlags, bareName, other] of text.matchAll(USE)) {
    if (other !== undefined) return false;
    if (whole === '%%') continue;
    const flags = braceFlags ?? bareFlags ?? '';
    const name = (braceName ?? bareName)!;
    // %{?x:...} and %{!?x} only ask whether x exists (rpm expandMacro's chkexist): x's body is not used.
    if (flags.includes('?') && (after === ':' || flags.includes('!'))) continue;
    if (BUILTINS.has(name)) {
      if (!PURE_BUILTINS.has(name)) return false;
      continue;
    }
    const macro = lookupMacro(table, name);
    if (macro && !isInertMacro(table, macro, cache, depth)) return false;
  }
  return true;
}

function isInertMacro(table: MacroTable, macro: MacroDefinition, cache: InertCache, depth: number): boolean {
  const known = cache.answers.get(macro);
  if (known !== undefined) return known;
  cache.answers.set(macro, false); // a macro that uses itself is not inert
  const inert = macro.opts === undefined && !macro.body.text.includes('\n') && (macro.literal === true || isInertText(table, macro.body.text, cache, depth + 1));
  cache.answers.set(macro, inert);
  return inert;
}

/**
 * A piece whose text nobody uses (its section's body is not kept) and whose expansion cannot change
 * anything: no line of it is a conditional, a section header or a tag that defines a macro, and its
 * macros are inert (inert-text.ts). It is then not expanded at all.
 */
export function isUnusedPiece(table: MacroTable, text: string, section: string, cache: InertCache): boolean {
  if (!text.includes('%')) return true;
  for (const line of text.split('\n')) {
    if (/^[ \t\v\f\r]*%/.test(line)) return false;
    if ((section === 'preamble' || section === 'package') && /^[A-Za-z]+\d*[ \t]*(\([^)]*\)[ \t]*)?:/.test(line) && !/^(build)?(requires|provides|obsoletes|conflicts|recommends|suggests|supplements|enhances|prereq)\b/i.test(line)) return false;
  }
  return isInertText(table, text, cache);
}
