/**
 * A spec as rpm reads it for one arch (build/parseSpec.c readLine and parseLines, rpm 4.18): macros
 * expanded, conditionals resolved, `%include`d files read, the text cut into sections. The result
 * is what `rpmspec --parse --target ARCH` prints, each character still knowing its origin.
 */
import type { Code } from '../../model/codes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { createDiagnosticSink, quoteLine } from '../../readers/diagnostic-sink.js';
import { expandPiece, sharedPiece } from './expansion-memo.js';
import type { ExpansionMemo } from './expansion-memo.js';
import { createInertCache, isUnusedPiece } from './inert-text.js';
import type { InertCache } from './inert-text.js';
import { DEFAULT_MACRO_LIMITS, createEngine } from './macro-engine.js';
import type { MacroEngine, MacroLimits } from './macro-engine.js';
import { popMacro, pushMacro } from './macro-table.js';
import type { MacroTable } from './macro-table.js';
import { append, appendRange, createBuilder, finish, originAt, showUnknowns } from './spanned-text.js';
import type { SpannedText, TextBuilder } from './spanned-text.js';
import { handleConditional, isElif, lineKind } from './spec-conditionals.js';
import type { LineKind, ReadLevel } from './spec-conditionals.js';
import { createSpecTable } from './spec-environment.js';
import type { CommandLine } from './spec-environment.js';
import { joinContinued, readLogicalLine, splitLines } from './spec-lines.js';
import type { SpecCursor } from './spec-lines.js';
import { createPreambleState, defineBuildSubdir, isPreambleTag, laterTagRelease, readPreambleTag } from './spec-preamble.js';
import type { PreambleState } from './spec-preamble.js';
import { LICENSE_IN_FILES, partOf, stripLine, stripOf } from './spec-sections.js';
import type { Strip } from './spec-sections.js';

export interface SpecOptions extends CommandLine {
  /** The target arch, as `rpmspec --target ARCH`: `%{_target_cpu}`, `%{_arch}`, what `%ifarch` matches. */
  readonly arch: string;
  readonly limits?: MacroLimits;
  /**
   * Stop reading when the section of this kind ends (`build`): what follows cannot change it, since
   * rpm reads a spec in order. `parsed`, `sections` and diagnostics then end there too.
   */
  readonly stopAfter?: string;
  /** Sections whose body is kept (default: all); others are read for their side effects only. */
  readonly bodies?: readonly string[];
  /** Whether to assemble `parsed` (default: true). */
  readonly parsed?: boolean;
  /** Shared by the readings of one spec for several arches, so that what expands alike is expanded once. */
  readonly memo?: ExpansionMemo;
}

/** An `%include`: the file read, or why it is not. */
export type IncludeResult = { readonly file: string; readonly text: string } | { readonly refused: string };
export type IncludeReader = (path: string, site: Origin) => Promise<IncludeResult>;

export interface SpecSection {
  /** The keyword without `%` (`build`, `package`, `description`...); `preamble` before the first one. */
  readonly kind: string;
  /** The header line as rpm read it (`%package -n qemu-kvm`); absent for the preamble. */
  readonly header?: string;
  readonly origin: Origin;
  /** The lines rpm keeps for the section, after expansion and conditionals. */
  readonly body: SpannedText;
}

export interface PreprocessedSpec {
  readonly file: string;
  readonly arch: string;
  readonly sections: readonly SpecSection[];
  /**
   * What `rpmspec --parse` prints; `%prep` lines are kept as written (flagdiff does not unpack
   * sources). Empty when the caller did not ask for it.
   */
  readonly parsed: string;
  /** The macros as the spec leaves them. */
  readonly macros: MacroTable;
  readonly exclusiveArch: readonly string[];
  readonly excludeArch: readonly string[];
  /** Why each value flagdiff did not compute is unknown, by the index its character carries (`unknownIndex`). */
  readonly unknowns: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

interface OpenSection {
  readonly kind: string;
  readonly header?: string;
  readonly origin: Origin;
  readonly body: TextBuilder;
  readonly strip: Strip;
  readonly kept: boolean;
}

/** What reading one spec for one arch keeps track of (rpm's rpmSpec, as far as flagdiff needs it). */
interface Reader {
  readonly engine: MacroEngine;
  readonly options: SpecOptions;
  readonly include: IncludeReader | undefined;
  readonly files: SpecCursor[];
  readonly levels: ReadLevel[];
  readonly preamble: PreambleState;
  readonly sections: OpenSection[];
  /** What `rpmspec --parse` would print, when asked for. */
  readonly parsed: string[] | undefined;
  readonly inert: InertCache;
  /** The lines of the last piece read, and the next one to handle. */
  pending: SpannedText[];
  next: number;
  /** Reading ended at `stopAfter`, not at the end of the spec. */
  stopped: boolean;
}

export async function preprocessSpec(spec: { readonly file: string; readonly text: string }, options: SpecOptions, include?: IncludeReader): Promise<PreprocessedSpec> {
  const sink = createDiagnosticSink(spec.file);
  const seen = new Set<string>();
  const report = (code: Code, message: string, origin: Origin) => {
    const key = `${code}\u0000${message}\u0000${origin.file}:${origin.line}`;
    if (!seen.has(key)) sink.add(code, message, origin);
    seen.add(key);
  };
  const { memo } = options;
  const reader: Reader = {
    engine: createEngine(createSpecTable(options.arch, options, memo, report), report, options.limits ?? DEFAULT_MACRO_LIMITS, memo?.unknowns),
    options,
    include,
    files: [{ file: spec.file, text: spec.text, pos: 0, line: 0 }],
    levels: [{ reading: true, readable: false, last: 'endif', origin: { file: spec.file, line: 0 } }],
    preamble: createPreambleState(),
    sections: [openSection('preamble', undefined, { file: spec.file, line: 1 }, keeps(options, 'preamble'))],
    parsed: options.parsed === false ? undefined : [],
    inert: createInertCache(),
    pending: [],
    next: 0,
    stopped: false,
  };
  while (readPiece(reader)) {
    while (reader.next < reader.pending.length && !reader.stopped) {
      // Only an %include waits (for the caller's reader): other lines are read without a promise each.
      const including = readLine(reader);
      if (including) await including;
    }
    if (reader.stopped) break;
  }
  return result(reader, spec.file, sink.finish);
}

function keeps(options: SpecOptions, kind: string): boolean {
  return !options.bodies || options.bodies.includes(kind) || kind === 'prep';
}

/**
 * The next piece of the spec (spec-lines.ts), expanded if its first line is read (an `%elif` piece:
 * if a branch may still be taken), and cut into lines. False at the end of the spec.
 */
function readPiece(reader: Reader): boolean {
  const { engine, levels, sections, options } = reader;
  if (engine.exhausted) return false;
  const logical = readLogicalLine(reader.files);
  if (logical.kind === 'end') {
    if (logical.unclosed) engine.report('FD125', 'the spec ends inside a continued line or an unclosed %{, %( or %[', logical.unclosed);
    return false;
  }
  const top = levels[levels.length - 1]!;
  const kind = lineKind(logical.text.text, firstVisible(logical.text.text));
  const expand = kind && isElif(kind) ? top.readable : top.reading;
  const key = `${logical.origin.file}:${logical.origin.line}`;
  const piece = sharedPiece(options.memo, key, logical.text);
  const section = sections[sections.length - 1]!;
  const unused = !reader.parsed && !section.kept && isUnusedPiece(engine.table, piece.text, section.kind, reader.inert);
  reader.pending = splitLines(expand && !unused ? expandPiece(engine, piece, key, options.memo).text : piece);
  reader.next = 0;
  return true;
}

/** One line: a conditional, a section header, or content of the current section. A promise only for an %include read. */
function readLine(reader: Reader): Promise<void> | undefined {
  let line = reader.pending[reader.next++]!;
  const start = firstVisible(line.text);
  const kind = lineKind(line.text, start);
  while (kind && line.text.endsWith('\\\n') && reader.next < reader.pending.length) line = joinContinued(line, reader.pending[reader.next++]!);
  const section = reader.sections[reader.sections.length - 1]!;
  const content = stripLine(line, start, section.strip);
  const handled = kind ? handleConditional(reader.engine, reader.levels, kind, content, reader.files, reader.include) : 'done';
  if (typeof handled !== 'string') return handled.then((h) => (h === 'included' ? undefined : takeLine(reader, line, kind, section, content)));
  if (handled !== 'included') takeLine(reader, line, kind, section, content);
  return undefined;
}

/** A line read that is not an included file's start: blank (a conditional, a branch not taken), a header, or content. */
function takeLine(reader: Reader, line: SpannedText, kind: LineKind | undefined, section: OpenSection, content: SpannedText): void {
  const { engine, levels, parsed } = reader;
  const blank = Boolean(kind) || !levels[levels.length - 1]!.reading;
  const text = blank ? '' : content.text;
  const part = blank ? undefined : partOf(text);
  // %prep keeps its lines apart (STRIP_PARSED) and adds them back later, all but the next header.
  if (!section.strip.parsedApart) parsed?.push(section.strip.trailingSpace ? `${text}\n` : text);
  else if (!part) parsed?.push(text);
  if (part) openNext(reader, section, part, content);
  else if (!blank) {
    if (section.kept) appendRange(section.body, content);
    if (section.kept && section.strip.trailingSpace) append(section.body, '\n', originAt(content, 0));
    if (section.kind === 'preamble' || section.kind === 'package') {
      if (content.text.trim() !== '' && !isPreambleTag(content.text)) reportUnknownTag(engine, content);
      readPreambleTag(engine, reader.preamble, content, section.kind === 'preamble', reader.options.memo);
    }
  } else if (section.kept && section.strip.trailingSpace) {
    append(section.body, '\n', originAt(line, 0));
  }
}

/** A section header: what rpm does as a section ends and the next begins. */
function openNext(reader: Reader, section: OpenSection, part: string, header: SpannedText): void {
  const { engine, options } = reader;
  if (section.kind === options.stopAfter) {
    reader.stopped = true;
    return;
  }
  // parseFiles masks the License: macro so that %license stays a file attribute (rpm 4.18 build/parseFiles.c).
  if (section.kind === 'files') popMacro(engine.table, 'license');
  if (section.kind === 'prep') defineBuildSubdir(engine, finish(section.body), options.memo);
  if (part === 'files') pushMacro(engine.table, LICENSE_IN_FILES);
  reader.sections.push(openSection(part, header.text.trimEnd(), originAt(header, 0)!, keeps(options, part)));
}

function result(reader: Reader, file: string, diagnostics: () => Diagnostic[]): PreprocessedSpec {
  const { engine, levels, sections } = reader;
  // An %if still open where reading stopped early may close later; at the end, rpm names the innermost.
  if (!reader.stopped && levels.length > 1) {
    const open = levels[levels.length - 1]!;
    engine.report('FD123', `%${open.last} is never closed with %endif${levels.length > 2 ? ` (nor ${levels.length - 2} %if around it)` : ''}`, open.origin);
  }
  return {
    file,
    arch: reader.options.arch,
    sections: sections.filter((s) => s.kept).map(({ kind, header, origin, body }) => ({ kind, ...(header === undefined ? {} : { header }), origin, body: finish(body) })),
    parsed: showUnknowns(reader.parsed?.join('') ?? ''),
    macros: engine.table,
    exclusiveArch: reader.preamble.exclusiveArch,
    excludeArch: reader.preamble.excludeArch,
    unknowns: engine.unknowns,
    diagnostics: diagnostics(),
  };
}

function openSection(kind: string, header: string | undefined, origin: Origin, kept: boolean): OpenSection {
  return { kind, ...(header === undefined ? {} : { header }), origin, body: createBuilder(), strip: stripOf(kind), kept };
}

/** A preamble line rpm 4.18 takes for no tag: rpmbuild stops there ("Unknown tag"); flagdiff reads on. */
function reportUnknownTag(engine: MacroEngine, line: SpannedText): void {
  const later = laterTagRelease(line.text);
  const why = later ? `a tag of rpm ${later} and later, which rpm 4.18 does not know` : 'no tag rpm knows';
  engine.report('FD132', `${quoteLine(line.text.trim())} is ${why}: rpmbuild stops here ("Unknown tag")`, originAt(line, 0)!);
}

/** Where a line's text starts: after blanks (not its newline). */
function firstVisible(text: string): number {
  return text.search(/[^ \t\v\f\r]|$/);
}
