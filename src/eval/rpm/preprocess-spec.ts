/**
 * A spec as rpm reads it for one arch (build/parseSpec.c readLine and parseLines, rpm 4.18): macros
 * expanded, conditionals resolved, `%include`d files read, the text cut into sections. The result
 * is what `rpmspec --parse --target ARCH` prints, each character still knowing its origin.
 */
import type { Code } from '../../model/codes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { createDiagnosticSink } from '../../readers/diagnostic-sink.js';
import { expandText } from './expand-macros.js';
import { DEFAULT_MACRO_LIMITS, createEngine } from './macro-engine.js';
import type { MacroEngine, MacroLimits } from './macro-engine.js';
import { expandPiece, sharedDefinition, sharedPiece } from './expansion-memo.js';
import { createInertCache, isInertText } from './inert-text.js';
import type { InertCache } from './inert-text.js';
import type { ExpansionMemo } from './expansion-memo.js';
import { popMacro, pushMacro } from './macro-table.js';
import type { MacroDefinition, MacroTable } from './macro-table.js';
import { append, appendRange, createBuilder, finish, originAt, showUnknowns, sliceText, spannedText } from './spanned-text.js';
import type { SpannedText, TextBuilder } from './spanned-text.js';
import { evaluateCondition, isElif, isIf, lineKind, matchArch, wrongOrder } from './spec-conditionals.js';
import type { LineKind, ReadLevel, Verdict } from './spec-conditionals.js';
import { createSpecTable } from './spec-environment.js';
import type { CommandLine } from './spec-environment.js';
import { readLogicalLine, splitLines } from './spec-lines.js';
import type { SpecCursor } from './spec-lines.js';
import { createPreambleState, readPreambleTag } from './spec-preamble.js';
import { partOf, stripOf } from './spec-sections.js';
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

export async function preprocessSpec(spec: { readonly file: string; readonly text: string }, options: SpecOptions, include?: IncludeReader): Promise<PreprocessedSpec> {
  const sink = createDiagnosticSink(spec.file);
  const seen = new Set<string>();
  const report = (code: Code, message: string, origin: Origin) => {
    const key = `${code}\u0000${message}\u0000${origin.file}:${origin.line}`;
    if (!seen.has(key)) sink.add(code, message, origin);
    seen.add(key);
  };
  const { memo } = options;
  const engine = createEngine(createSpecTable(options.arch, options, memo), report, options.limits ?? DEFAULT_MACRO_LIMITS, memo?.unknowns);
  const files: SpecCursor[] = [{ file: spec.file, text: spec.text, pos: 0, line: 0 }];
  const levels: ReadLevel[] = [{ reading: true, readable: false, last: 'endif', origin: { file: spec.file, line: 0 } }];
  const preamble = createPreambleState();
  const keep = (kind: string) => !options.bodies || options.bodies.includes(kind) || kind === 'prep';
  const sections: OpenSection[] = [openSection('preamble', undefined, { file: spec.file, line: 1 }, keep('preamble'))];
  const parsed: string[] | undefined = options.parsed === false ? undefined : [];
  let pending: SpannedText[] = [];
  const inert = createInertCache();
  let next = 0;

  for (;;) {
    if (next >= pending.length) {
      if (engine.exhausted) break;
      const logical = readLogicalLine(files);
      if (logical.kind === 'end') {
        if (logical.unclosed) engine.report('FD125', 'the spec ends inside a continued line or an unclosed %{, %( or %[', logical.unclosed);
        break;
      }
      const top = levels[levels.length - 1]!;
      const kind = lineKind(logical.text.text, logical.text.text.search(/[^ \t\v\f\r]|$/));
      const expand = kind && isElif(kind) ? top.readable : top.reading;
      const key = `${logical.origin.file}:${logical.origin.line}`;
      const piece = sharedPiece(memo, key, logical.text);
      const unused = !parsed && !sections[sections.length - 1]!.kept && isUnusedPiece(engine, piece.text, sections[sections.length - 1]!.kind, inert);
      pending = splitLines(expand && !unused ? expandPiece(engine, piece, key, memo).text : piece);
      next = 0;
      continue;
    }
    let line = pending[next++]!;
    const start = line.text.search(/[^ \t\v\f\r]|$/);
    const kind = lineKind(line.text, start);
    // A conditional ending in "\" takes the next lines in (copyNextLineFinish turns "\\\n" into blanks).
    while (kind && line.text.endsWith('\\\n') && next < pending.length) line = joinContinued(line, pending[next++]!);
    const section = sections[sections.length - 1]!;
    const content = strip(line, start, section.strip);
    let blank = false;
    if (kind) {
      const handled = await handleConditional(engine, levels, kind, content, files, include);
      if (handled === 'included') continue;
      blank = true;
    }
    if (!levels[levels.length - 1]!.reading) blank = true;
    const text = blank ? '' : content.text;
    const part = blank ? undefined : partOf(text);
    // %prep keeps its lines apart (STRIP_PARSED) and adds them back later, all but the next header.
    if (!section.strip.parsedApart) parsed?.push(section.strip.trailingSpace ? `${text}\n` : text);
    else if (!part) parsed?.push(text);
    if (part) {
      if (section.kind === options.stopAfter) break;
      // parseFiles masks the License: macro so that %license stays a file attribute (rpm 4.18 build/parseFiles.c).
      if (section.kind === 'files') popMacro(engine.table, 'license');
      if (section.kind === 'prep') defineBuildSubdir(engine, finish(section.body), memo);
      if (part === 'files') pushMacro(engine.table, LICENSE_IN_FILES);
      sections.push(openSection(part, text.trimEnd(), originAt(content, 0)!, keep(part)));
    } else if (!blank) {
      if (section.kept) appendRange(section.body, content);
      if (section.kept && section.strip.trailingSpace) append(section.body, '\n', originAt(content, 0));
      if (section.kind === 'preamble' || section.kind === 'package') readPreambleTag(engine, preamble, content, section.kind === 'preamble', memo);
    } else if (section.kept && section.strip.trailingSpace) {
      append(section.body, '\n', originAt(line, 0));
    }
  }

  for (let level = levels.length - 1; level > 0; level--) engine.report('FD123', `%${levels[level]!.last} is never closed with %endif`, levels[level]!.origin);
  return {
    file: spec.file,
    arch: options.arch,
    sections: sections.filter((s) => s.kept).map(({ kind, header, origin, body }) => ({ kind, ...(header === undefined ? {} : { header }), origin, body: finish(body) })),
    parsed: showUnknowns(parsed?.join('') ?? ''),
    macros: engine.table,
    exclusiveArch: preamble.exclusiveArch,
    excludeArch: preamble.excludeArch,
    unknowns: engine.unknowns,
    diagnostics: sink.finish(),
  };
}

/**
 * After %prep, rpm runs its %setup lines (parsePrep, doSetupMacro), which define %{buildsubdir}: the
 * `-n` directory, or %{name}-%{version}. flagdiff reads `-n` alone, and of `%autosetup` too.
 */
function defineBuildSubdir(engine: MacroEngine, prep: SpannedText, memo: ExpansionMemo | undefined): void {
  for (const line of splitLines(prep)) {
    const words = /^%(?:auto)?setup\b(.*)/.exec(line.text)?.[1]?.trim().split(/\s+/);
    if (!words) continue;
    const at = words.indexOf('-n');
    const body = at !== -1 && words[at + 1] ? spannedText(words[at + 1]!, originAt(line, 0)) : expandText(engine, spannedText('%{name}-%{version}', originAt(line, 0))).text;
    pushMacro(engine.table, sharedDefinition(memo, `${originAt(line, 0)?.file}:${originAt(line, 0)?.line}`, { name: 'buildsubdir', body, level: 0 }));
  }
}

/**
 * A piece whose text nobody uses (its section's body is not kept) and whose expansion cannot change
 * anything: no line of it is a conditional, a section header or a tag that defines a macro, and its
 * macros are inert (inert-text.ts). It is then not expanded at all.
 */
function isUnusedPiece(engine: MacroEngine, text: string, section: string, cache: InertCache): boolean {
  if (!text.includes('%')) return true;
  for (const line of text.split('\n')) {
    if (/^[ \t\v\f\r]*%/.test(line)) return false;
    if ((section === 'preamble' || section === 'package') && /^[A-Za-z]+\d*[ \t]*(\([^)]*\)[ \t]*)?:/.test(line) && !/^(build)?(requires|provides|obsoletes|conflicts|recommends|suggests|supplements|enhances|prereq)\b/i.test(line)) return false;
  }
  return isInertText(engine.table, text, cache);
}

/** While %files is read, %license is a file attribute, not the License: tag. */
const LICENSE_IN_FILES: MacroDefinition = { name: 'license', body: spannedText('%license', null), level: 0, literal: true };

function openSection(kind: string, header: string | undefined, origin: Origin, kept: boolean): OpenSection {
  return { kind, ...(header === undefined ? {} : { header }), origin, body: createBuilder(), strip: stripOf(kind), kept };
}

function joinContinued(line: SpannedText, following: SpannedText): SpannedText {
  const builder = createBuilder();
  appendRange(builder, line, 0, line.text.length - 2);
  append(builder, '  ', originAt(line, line.text.length - 2));
  appendRange(builder, following);
  return finish(builder);
}

/** handleComments and the trailing-space cut, as the section's strip flags ask. */
function strip(line: SpannedText, start: number, flags: Strip): SpannedText {
  let end = line.text.length;
  if (flags.comments && line.text[start] === '#') end = start;
  if (flags.trailingSpace) while (end > 0 && /\s/.test(line.text[end - 1]!)) end--;
  return end === line.text.length ? line : sliceText(line, 0, end);
}

type Handled = 'done' | 'included';

async function handleConditional(engine: MacroEngine, levels: ReadLevel[], kind: LineKind, line: SpannedText, files: SpecCursor[], include: IncludeReader | undefined): Promise<Handled> {
  const top = levels[levels.length - 1]!;
  const site = originAt(line, 0)!;
  const at = line.text.indexOf('%') + 1 + kind.length;
  if (kind !== 'include' && wrongOrder(kind, top.last)) {
    engine.report('FD123', top.last === 'endif' ? `%${kind} without %if` : `%${kind} after %${top.last}`, site);
    return 'done';
  }
  if (kind === 'else' || kind === 'endif') {
    if (line.text.slice(at).trim() !== '') engine.report('FD126', `text after %${kind} is ignored: "${line.text.slice(at).trim()}"`, site);
    if (kind === 'endif') levels.pop();
    else {
      top.last = 'else';
      top.reading = levels[levels.length - 2]!.reading && top.readable;
    }
    return 'done';
  }
  if (kind === 'include') {
    if (top.reading) return (await includeFile(engine, line.text.slice(at).trim(), site, files, include)) ? 'included' : 'done';
    return 'done';
  }
  const verdict = decide(engine, levels, kind, sliceText(line, at), site);
  if (verdict.problem) engine.report(verdict.problem.code, verdict.problem.message, site);
  if (isIf(kind)) {
    const reading = top.reading && verdict.match;
    levels.push({ reading, readable: !reading && top.reading, last: kind, origin: site });
  } else {
    top.reading = top.readable && verdict.match;
    if (top.reading) top.readable = false;
  }
  return 'done';
}

function decide(engine: MacroEngine, levels: readonly ReadLevel[], kind: LineKind, rest: SpannedText, site: Origin): Verdict {
  const top = levels[levels.length - 1]!;
  if (kind !== 'if' && kind !== 'elif') return matchArch(engine, kind, rest.text, site);
  const evaluate = kind === 'if' ? top.reading : top.readable;
  return evaluate ? evaluateCondition(kind, rest) : { match: false };
}

/** `%include FILE`: the caller's reader decides what may be read (flagdiff: the spec's own directory). */
async function includeFile(engine: MacroEngine, path: string, site: Origin, files: SpecCursor[], include: IncludeReader | undefined): Promise<boolean> {
  if (path === '') {
    engine.report('FD124', 'malformed %include: no file named', site);
    return false;
  }
  const result = include ? await include(path, site) : { refused: 'no file access was given' };
  if ('refused' in result) {
    engine.report('FD124', `%include ${path} is not read: ${result.refused}`, site);
    return false;
  }
  if (files.length > 32) {
    engine.report('FD124', `%include ${path} is not read: includes nest more than 32 deep`, site);
    return false;
  }
  files.push({ file: result.file, text: result.text, pos: 0, line: 0 });
  return true;
}
