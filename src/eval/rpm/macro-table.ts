/** The macro table: a stack of definitions per name, as rpm keeps it (rpmio/macro.c pushMacro/popMacro). */
import type { Origin } from '../../model/origin.js';
import type { SpannedText } from './spanned-text.js';

export interface MacroDefinition {
  readonly name: string;
  /** getopt options of a parametric macro (`%define foo(ab:)`); `''` for `%define foo()`. */
  readonly opts?: string;
  readonly body: SpannedText;
  /** Where the definition is written; absent for rpm's own and command-line definitions. */
  readonly origin?: Origin;
  /** 0 for `%global` and spec-level `%define`; deeper inside a parametric macro, popped on return. */
  readonly level: number;
  /** `%1`, `%*`, `%-f`...: the arguments of a parametric call, seen only at their own level. */
  readonly auto?: boolean;
  /** The body is used as is, not expanded again. */
  readonly literal?: boolean;
}

/** Definitions by name, the current one last. Mutable: the engine defines and undefines as it reads. */
export interface MacroTable {
  readonly entries: Map<string, MacroDefinition[]>;
  /** Names pushed at each level above 0, so a parametric call can pop what it defined. */
  readonly scoped: string[][];
  /** Counts changes, so that answers about the table can be kept until it changes. */
  version: number;
}

export function createMacroTable(): MacroTable {
  return { entries: new Map(), scoped: [], version: 0 };
}

/** A copy whose stacks can change without touching the original (one table per arch). */
export function copyMacroTable(table: MacroTable): MacroTable {
  const entries = new Map<string, MacroDefinition[]>();
  for (const [name, stack] of table.entries) entries.set(name, [...stack]);
  return { entries, scoped: table.scoped.map((names) => [...names]), version: 0 };
}

export function lookupMacro(table: MacroTable, name: string): MacroDefinition | undefined {
  const stack = table.entries.get(name);
  return stack?.[stack.length - 1];
}

export function pushMacro(table: MacroTable, definition: MacroDefinition): void {
  table.version++;
  const stack = table.entries.get(definition.name);
  if (stack) stack.push(definition);
  else table.entries.set(definition.name, [definition]);
  if (definition.level > 0) (table.scoped[definition.level] ??= []).push(definition.name);
}

/** Drops the current definition of a name, uncovering the one before it (`%undefine`). */
export function popMacro(table: MacroTable, name: string): void {
  const stack = table.entries.get(name);
  if (!stack) return;
  table.version++;
  stack.pop();
  if (stack.length === 0) table.entries.delete(name);
}

/** Pops every definition made at `level` or deeper: the end of a parametric macro's scope (freeArgs). */
export function popLevel(table: MacroTable, level: number): void {
  for (let deeper = table.scoped.length - 1; deeper >= level; deeper--) {
    const names = table.scoped[deeper];
    if (!names) continue;
    for (let i = names.length - 1; i >= 0; i--) {
      const top = lookupMacro(table, names[i]!);
      if (top && top.level >= level) popMacro(table, names[i]!);
    }
    table.scoped.length = deeper;
  }
}
