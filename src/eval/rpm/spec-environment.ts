/** The macro table a spec starts from: rpm's own macros, the arch's, then the caller's `--define`, `--with`, `--without`. */
import { createDiagnosticSink } from '../../readers/diagnostic-sink.js';
import { defineMacro } from './define-macro.js';
import { BUILTIN_NAMES } from './builtin-macros.js';
import { createEngine } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import { sharedDefinition } from './expansion-memo.js';
import type { ExpansionMemo } from './expansion-memo.js';
import { copyMacroTable, createMacroTable, pushMacro } from './macro-table.js';
import type { MacroTable } from './macro-table.js';
import { createBuilder, spannedText } from './spanned-text.js';
import { readLogicalLine } from './spec-lines.js';
import { RPM_MACROS, platformMacros } from './standard-macros.js';

export interface CommandLine {
  /** `--define 'NAME BODY'`, in order. The body is kept as written and expanded where it is used. */
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  /** `--with X` defines `%_with_X`, `--without X` defines `%_without_X`, which `%bcond` reads. */
  readonly with?: readonly string[];
  readonly without?: readonly string[];
}

const SITE = { file: '<rpm macros>', line: 0 };
let rpmTable: MacroTable | undefined;

/**
 * A fresh table for one arch; rpm's part is read once per process, and with a memo the command
 * line's definitions are the same objects on every arch.
 */
export function createSpecTable(arch: string, commandLine: CommandLine, memo?: ExpansionMemo): MacroTable {
  rpmTable ??= loadMacroFile(createMacroTable(), RPM_MACROS);
  const table = loadMacroFile(copyMacroTable(rpmTable), platformMacros(arch));
  const scratch = createMacroTable();
  const engine = quietEngine(scratch);
  const run: Run = { out: createBuilder(), error: false };
  const define = (name: string, body: string) =>
    defineMacro(engine, run, spannedText(`${name} ${body}`, null), 0, { level: 0, global: false, freeField: false, site: SITE, reserved: BUILTIN_NAMES });
  for (const [name, body] of commandLine.defines ?? []) define(name, body);
  for (const name of commandLine.with ?? []) define(`_with_${name}`, `--with-${name}`);
  for (const name of commandLine.without ?? []) define(`_without_${name}`, `--without-${name}`);
  // A name given twice keeps both, the last one current, as rpm's stack does; names do not interact.
  [...scratch.entries.values()].flat().forEach((definition, i) => pushMacro(table, sharedDefinition(memo, `command line ${i}`, definition)));
  return table;
}

/** A macros file: every line starting with `%` (continued with `\`) is a definition (loadMacroFile). */
function loadMacroFile(table: MacroTable, text: string): MacroTable {
  const engine = quietEngine(table);
  const files = [{ file: SITE.file, text, pos: 0, line: 0 }];
  for (let line = readLogicalLine(files); line.kind === 'line'; line = readLogicalLine(files)) {
    const body = spannedText(line.text.text.replace(/\n$/, ''), null);
    const at = body.text.search(/\S/);
    if (body.text[at] !== '%') continue;
    const run: Run = { out: createBuilder(), error: false };
    defineMacro(engine, run, body, at + 1, { level: 0, global: false, freeField: true, site: SITE, reserved: BUILTIN_NAMES });
    if (run.error) throw new Error(`flagdiff's own rpm macros do not load: ${body.text.slice(0, 60)}`);
  }
  return table;
}

function quietEngine(table: MacroTable): MacroEngine {
  const sink = createDiagnosticSink(SITE.file);
  return createEngine(table, (code, message, origin) => sink.add(code, message, origin));
}
