/**
 * rpm's conditional lines (build/parseSpec.c readLine, rpm 4.18): `%if EXPR`, `%elif EXPR`,
 * `%ifarch`/`%ifnarch`/`%elifarch` matched against `%{_target_cpu}`, `%ifos`/`%ifnos`/`%elifos`
 * against `%{_target_os}`, `%else`, `%endif`. Each level remembers whether its lines are read and
 * whether a later branch still may be (`readable`).
 */
import type { Origin } from '../../model/origin.js';
import { evaluateExpression, isExpressionFailure, truthy } from './evaluate-expression.js';
import { expandText } from './expand-macros.js';
import type { MacroEngine } from './macro-engine.js';
import { marksIn, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

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

export const isIf = (kind: LineKind) => kind === 'if' || kind === 'ifarch' || kind === 'ifnarch' || kind === 'ifos' || kind === 'ifnos';
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

export function wrongOrder(kind: LineKind, previous: LineKind): boolean {
  return WRONG_AFTER[kind]?.includes(previous) ?? false;
}

export interface Verdict {
  readonly match: boolean;
  /** What to report about the line: a bad or undecidable condition (read as false), or a note. */
  readonly problem?: { readonly code: 'FD122' | 'FD127' | 'FD323'; readonly message: string };
}

/** ARGMATCH: whether one of the words after the keyword equals `%{_target_cpu}` (`%{_target_os}`), ignoring case. */
export function matchArch(engine: MacroEngine, kind: LineKind, rest: string, site: Origin): Verdict {
  const macro = kind.endsWith('os') ? '%{_target_os}' : '%{_target_cpu}';
  const words = rest.split(/\s+/).filter(Boolean);
  // rpm wants something after the keyword; a lone newline there is a word that matches nothing.
  if (/^[ \t]*$/.test(rest)) return { match: false, problem: { code: 'FD122', message: `%${kind} needs at least one ${kind.endsWith('os') ? 'OS' : 'arch'}` } };
  const target = expandText(engine, spannedText(macro, site)).text.text.toLowerCase();
  const found = words.some((w) => w.toLowerCase() === target);
  return { match: kind.startsWith('ifn') ? !found : found };
}

/** `%if`/`%elif`: the expression after the keyword, already expanded with its line. */
export function evaluateCondition(kind: LineKind, condition: SpannedText): Verdict {
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
