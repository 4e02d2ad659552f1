/**
 * rpm's conditional lines (build/parseSpec.c readLine, rpm 4.18): `%if EXPR`, `%elif EXPR`,
 * `%ifarch`/`%ifnarch`/`%elifarch` matched against `%{_target_cpu}`, `%ifos`/`%ifnos`/`%elifos`
 * against `%{_target_os}`, `%else`, `%endif`, and `%include`. Each level remembers whether its
 * lines are read and whether a later branch still may be (`readable`).
 */
import type { Origin } from '../../model/origin.js';
import type { IncludeReader } from './preprocess-spec.js';
import { evaluateExpression, isExpressionFailure, truthy } from './evaluate-expression.js';
import { expandText } from './expand-macros.js';
import type { MacroEngine } from './macro-engine.js';
import { marksIn, originAt, sliceText, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';
import type { SpecCursor } from './spec-lines.js';

export type LineKind = 'endif' | 'else' | 'if' | 'ifarch' | 'ifnarch' | 'ifos' | 'ifnos' | 'include' | 'elifarch' | 'elifos' | 'elif';

/** lineTypes, in rpm's order; `withArgs` kinds need a blank or the end of the text after the keyword. */
const LINE_KINDS: ReadonlyArray<readonly [LineKind, boolean]> = [
  ['endif', false],
  ['else', false],
  ['if', true],
  ['ifarch', true],
  ['ifnarch', true],
  ['ifos', true],
  ['ifnos', true],
  ['include', true],
  ['elifarch', true],
  ['elifos', true],
  ['elif', true],
];

/** Which line kinds may not precede each (wrongPrecursors): `%else` twice, `%elif` after `%else`. */
const WRONG_AFTER: Readonly<Partial<Record<LineKind, readonly LineKind[]>>> = {
  endif: ['endif'],
  else: ['endif', 'else'],
  elifarch: ['endif', 'else'],
  elifos: ['endif', 'else'],
  elif: ['endif', 'else'],
};

const isIf = (kind: LineKind) => kind === 'if' || kind === 'ifarch' || kind === 'ifnarch' || kind === 'ifos' || kind === 'ifnos';
export const isElif = (kind: LineKind) => kind === 'elif' || kind === 'elifarch' || kind === 'elifos';

/** The kind of a line starting at `at` (after leading blanks), or undefined for an ordinary line. */
export function lineKind(text: string, at: number): LineKind | undefined {
  if (text[at] !== '%') return undefined;
  for (const [kind, withArgs] of LINE_KINDS) {
    if (!text.startsWith(kind, at + 1)) continue;
    const next = text[at + 1 + kind.length];
    if (withArgs ? next === undefined || next === ' ' || next === '\t' : next === undefined || !/[A-Za-z]/.test(next)) return kind;
  }
  return undefined;
}

/** One open conditional. The bottom level stands for the spec itself and is never popped. */
export interface ReadLevel {
  reading: boolean;
  readable: boolean;
  last: LineKind;
  readonly origin: Origin;
}

function wrongOrder(kind: LineKind, previous: LineKind): boolean {
  return WRONG_AFTER[kind]?.includes(previous) ?? false;
}

export interface Verdict {
  readonly match: boolean;
  /** What to report about the line: a bad or undecidable condition (read as false), or a note. */
  readonly problem?: { readonly code: 'FD122' | 'FD127' | 'FD323'; readonly message: string };
}

/** ARGMATCH: whether one of the words after the keyword equals `%{_target_cpu}` (`%{_target_os}`), ignoring case. */
function matchArch(engine: MacroEngine, kind: LineKind, rest: string, site: Origin): Verdict {
  const macro = kind.endsWith('os') ? '%{_target_os}' : '%{_target_cpu}';
  const words = rest.split(/\s+/).filter(Boolean);
  // rpm wants something after the keyword; a lone newline there is a word that matches nothing.
  if (/^[ \t]*$/.test(rest)) return { match: false, problem: { code: 'FD122', message: `%${kind} needs at least one ${kind.endsWith('os') ? 'OS' : 'arch'}` } };
  const target = expandText(engine, spannedText(macro, site)).text.text.toLowerCase();
  const found = words.some((w) => w.toLowerCase() === target);
  return { match: kind.startsWith('ifn') ? !found : found };
}

/** `%if`/`%elif`: the expression after the keyword, already expanded with its line. */
function evaluateCondition(kind: LineKind, condition: SpannedText): Verdict {
  const unknown = marksIn(condition, 0, condition.text.length, 'unknown')[0];
  if (unknown) return { match: false, problem: { code: 'FD323', message: `%${kind} depends on a value flagdiff does not know (${unknown.reason}); read as false` } };
  const result = evaluateExpression(condition.text);
  if (isExpressionFailure(result)) {
    const code = result.unknown ? 'FD323' : 'FD122';
    return { match: false, problem: { code, message: `bad %${kind} condition "${condition.text.trim()}": ${result.error}; read as false` } };
  }
  const undefinedMacros = marksIn(condition, 0, condition.text.length, 'undefined').map((m) => m.reason.replace(/ is not defined$/, ''));
  if (undefinedMacros.length === 0) return { match: truthy(result) };
  const names = undefinedMacros.join(', ');
  const message = `%${kind} reads ${names}, not defined here, as written; rpm would too (define ${undefinedMacros.length > 1 ? 'them' : 'it'} with --define to decide otherwise)`;
  return { match: truthy(result), problem: { code: 'FD127', message } };
}

/** Whether the line was an `%include` that was read: its lines come next. */
export type Handled = 'done' | 'included';

/** A conditional or `%include` line: updates the levels, or pushes the included file. */
export function handleConditional(engine: MacroEngine, levels: ReadLevel[], kind: LineKind, line: SpannedText, files: SpecCursor[], include: IncludeReader | undefined): Handled | Promise<Handled> {
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
    if (top.reading) return includeFile(engine, line.text.slice(at).trim(), site, files, include).then((read) => (read ? 'included' : 'done'));
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
