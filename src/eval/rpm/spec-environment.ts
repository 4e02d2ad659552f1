/**
 * The macro table a spec starts from: rpm's own macros, a distribution's macro files (`--load`), the
 * arch's, then the caller's `--define`, `--with`, `--without`: the order rpm ends up with, since
 * `rpmspec --target` reads the platform's macros after the files and applies `--define` last.
 */
import { createDiagnosticSink } from '../../readers/diagnostic-sink.js';
import { defineMacro } from './define-macro.js';
import { BUILTIN_NAMES } from './builtin-macros.js';
import { createEngine } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import { sharedDefinition } from './expansion-memo.js';
import type { ExpansionMemo } from './expansion-memo.js';
import { copyMacroTable, createMacroTable, pushMacro } from './macro-table.js';
import type { MacroDefinition, MacroTable } from './macro-table.js';
import type { Code } from '../../model/codes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { createBuilder, sliceText, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';
import { readLogicalLine } from './spec-lines.js';
import { RPM_MACROS, platformMacros } from './standard-macros.js';

type Report = (code: Code, message: string, origin: Origin) => void;

export interface CommandLine {
  /** `--load FILE`: macro files, as rpm reads its own (a line starting with `%` defines a macro). */
  readonly macroFiles?: readonly MacroFile[];
  /** `--define 'NAME BODY'`, in order. The body is kept as written and expanded where it is used. */
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  /** `--with X` defines `%_with_X`, `--without X` defines `%_without_X`, which `%bcond` reads. */
  readonly with?: readonly string[];
  readonly without?: readonly string[];
}

export interface MacroFile {
  readonly file: string;
  readonly text: string;
}

const SITE = { file: '<rpm macros>', line: 0 };
let rpmTable: MacroTable | undefined;
/** A list of macro files read once for every arch a spec is read for (the caller passes the same list). */
const loadedFiles = new WeakMap<readonly MacroFile[], { definitions: MacroDefinition[]; diagnostics: Diagnostic[] }>();

/**
 * A fresh table for one arch; rpm's part is read once per process, and with a memo the command
 * line's definitions are the same objects on every arch.
 */
export function createSpecTable(arch: string, commandLine: CommandLine, memo?: ExpansionMemo, report?: Report): MacroTable {
  rpmTable ??= loadMacroFile(createMacroTable(), RPM_MACROS);
  const table = copyMacroTable(rpmTable);
  if (commandLine.macroFiles?.length) {
    const files = loadedFiles.get(commandLine.macroFiles) ?? loadUserFiles(commandLine.macroFiles);
    loadedFiles.set(commandLine.macroFiles, files);
    for (const definition of files.definitions) pushMacro(table, definition);
    for (const d of files.diagnostics) report?.(d.code, d.message, { file: d.file, line: d.line });
  }
  loadMacroFile(table, platformMacros(arch));
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

/** flagdiff's own macro files (rpm's and the platforms'), whose definitions point nowhere. */
function loadMacroFile(table: MacroTable, text: string): MacroTable {
  const engine = quietEngine(table);
  for (const definition of definitionLines(SITE.file, text)) {
    if ('unclosed' in definition) throw new Error("flagdiff's own rpm macros end inside a definition");
    const { line, at } = definition;
    const run: Run = { out: createBuilder(), error: false };
    defineMacro(engine, run, spannedText(line.text, null), at, { level: 0, global: false, freeField: true, site: SITE, reserved: BUILTIN_NAMES });
    if (run.error) throw new Error(`flagdiff's own rpm macros do not load: ${line.text.slice(0, 60)}`);
  }
  return table;
}

/**
 * The definitions of a macro file as rpm's loadMacroFile reads them: a line whose first non-blank
 * is `%` starts one, continued by a final `\` or while a `%{`, `%(` or `%[` is open (rdcl); any other
 * line (a comment, text) stands alone and is skipped, whatever it ends with or opens. `at` is where
 * the name starts, after the `%`; `unclosed` where a definition runs into the end of the file.
 */
function* definitionLines(file: string, text: string): Generator<{ line: SpannedText; at: number } | { unclosed: Origin }> {
  const cursor = { file, text, pos: 0, line: 0 };
  while (cursor.pos < text.length) {
    const newline = text.indexOf('\n', cursor.pos);
    const physical = text.slice(cursor.pos, newline === -1 ? text.length : newline);
    const at = physical.search(/\S/);
    if (physical[at] !== '%') {
      cursor.pos = newline === -1 ? text.length : newline + 1;
      cursor.line++;
      continue;
    }
    const logical = readLogicalLine([cursor]);
    if (logical.kind !== 'line') {
      if (logical.unclosed) yield { unclosed: logical.unclosed };
      return;
    }
    yield { line: sliceText(logical.text, 0, logical.text.text.replace(/\n$/, '').length), at: at + 1 };
  }
}

/** Definitions read from macro files at most: rpm's own files hold ~3,000, PLD's ~700; more is a flood. */
const MAX_FILE_DEFINITIONS = 100_000;

/** A distribution's macro files (`--load`): bodies keep where they are written, so a word one gives points into the file. */
function loadUserFiles(files: readonly MacroFile[]): { definitions: MacroDefinition[]; diagnostics: Diagnostic[] } {
  const table = createMacroTable();
  const sink = createDiagnosticSink(files[0]!.file);
  const engine = createEngine(table, (code, message, origin) => sink.add(code, message, origin));
  let count = 0;
  for (const { file, text } of files) {
    // rpm's rdcl ends a line at \r as at \n: a file written on Windows reads the same (a spec does not).
    for (const definition of definitionLines(file, text.replace(/\r\n?/g, '\n'))) {
      if ('unclosed' in definition) {
        // rpm refuses such a file whole ("unterminated body"); the definitions before it stand here.
        sink.add('FD125', 'the macro file ends inside a continued line or an unclosed %{, %( or %[: this definition is not read', definition.unclosed);
        continue;
      }
      const { line, at } = definition;
      const site = line.spans[0]?.origin ?? { file, line: 0 };
      if (++count > MAX_FILE_DEFINITIONS) {
        sink.add('FD121', `macro files define more than ${MAX_FILE_DEFINITIONS.toLocaleString('en')} macros; the rest are not read`, site);
        return { definitions: [...table.entries.values()].flat(), diagnostics: sink.finish() };
      }
      defineMacro(engine, { out: createBuilder(), error: false }, line, at, { level: 0, global: false, freeField: true, site, reserved: BUILTIN_NAMES });
    }
  }
  return { definitions: [...table.entries.values()].flat(), diagnostics: sink.finish() };
}

function quietEngine(table: MacroTable): MacroEngine {
  const sink = createDiagnosticSink(SITE.file);
  return createEngine(table, (code, message, origin) => sink.add(code, message, origin));
}
