/**
 * rpm's macro expansion (rpmio/macro.c expandMacro, rpm 4.18), over text that keeps its origins.
 * `%%` is a `%`; an undefined `%name` stays as written; `%{?x:..}`, `%{!?x:..}`, `%{-f}` test for
 * existence; `%name args` to the end of the line and `%{name args}` call parametric macros;
 * `%(...)` is never run: its value is unknown.
 */
import type { Origin } from '../../model/origin.js';
import { BUILTINS } from './builtin-macros.js';
import type { Builtin } from './builtin-macros.js';
import { evaluateExpression, formatValue, isExpressionFailure } from './evaluate-expression.js';
import { grabArguments, withArguments } from './macro-arguments.js';
import { appendUnknown, charge, exhaust, fail, readMacro } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import type { MacroDefinition } from './macro-table.js';
import { append, appendRange, createBuilder, finish, marksIn, originAt, placeAt, sliceText, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

/** Expands a text into a new one; `failed` is rpm's error state for it. */
export function expandText(engine: MacroEngine, source: SpannedText): { text: SpannedText; failed: boolean } {
  if (!source.text.includes('%')) return { text: source, failed: false };
  const run: Run = { out: createBuilder(), error: false };
  expandInto(engine, run, source);
  return { text: finish(run.out), failed: run.error };
}

/** expandThis: into a buffer of its own; an error also stops the caller's run. */
export function expandApart(engine: MacroEngine, run: Run, source: SpannedText): SpannedText {
  const result = expandText(engine, source);
  if (result.failed) run.error = true;
  return result.text;
}

/** expandMacro: appends the expansion of `source` to the run. */
function expandInto(engine: MacroEngine, run: Run, source: SpannedText): void {
  if (engine.exhausted) {
    run.error = true;
    return;
  }
  if (engine.depth + 1 > engine.limits.maxDepth) {
    fail(engine, run, `macros nest more than ${engine.limits.maxDepth} levels deep; a macro likely uses itself`, originAt(source, 0) ?? UNKNOWN_SITE, 'FD121');
    return;
  }
  engine.depth++;
  try {
    const { text } = source;
    let s = 0;
    while (!run.error && s < text.length) {
      const percent = text.indexOf('%', s);
      const stop = percent === -1 ? text.length : percent;
      if (stop > s) {
        appendRange(run.out, source, s, stop);
        if (!charge(engine, run, stop - s)) {
          exhaust(engine, run, originAt(source, s) ?? UNKNOWN_SITE);
          break;
        }
      }
      if (percent === -1) break;
      s = percent + 1;
      if (s < text.length && text[s] !== '%') {
        s = expandOne(engine, run, source, percent);
      } else {
        appendRange(run.out, source, percent, percent + 1);
        if (s < text.length) s++;
      }
    }
  } finally {
    engine.depth--;
  }
}

const UNKNOWN_SITE: Origin = { file: '', line: 0 };
/**
 * A macro use counts as this many characters of work, so that uses producing nothing (a doubling
 * chain of %{nil}) are bounded too: the default budget allows 256 Ki uses, Fedora's qemu.spec makes 5 Ki.
 */
const MACRO_CALL_COST = 256;
const BLANK = (c: string | undefined) => c === ' ' || c === '\t';

/** One macro at `percent`; returns where scanning goes on (rpm leaves an unknown `%name` as is). */
function expandOne(engine: MacroEngine, run: Run, source: SpannedText, percent: number): number {
  const { text } = source;
  const site = originAt(source, percent) ?? UNKNOWN_SITE;
  const s = percent + 1;
  if (!charge(engine, run, MACRO_CALL_COST)) {
    exhaust(engine, run, site);
    return text.length;
  }
  let se = findMacroEnd(engine, run, text, s, site);
  if (se === -1) {
    fail(engine, run, `unterminated ${text[s]}: ${JSON.stringify(text.slice(percent, percent + 40))}`, site);
    return text.length;
  }
  const opener = text[s];
  if (opener === '(') {
    appendUnknown(engine, run, 'FD320', `%(${clip(text.slice(s + 1, se - 1))}) is a shell command; flagdiff does not run it`, site);
    return se;
  }
  if (opener === '[') {
    expandExpression(engine, run, sliceText(source, s + 1, se - 1), site);
    return se;
  }
  let f = opener === '{' ? s + 1 : s;
  let negate = false;
  let check = false;
  for (; text[f] === '?' || text[f] === '!'; f++) {
    if (text[f] === '!') negate = !negate;
    else check = true;
  }
  let fe = se;
  let g: number | undefined;
  let ge = 0;
  let lastc: number | undefined;
  if (opener === '{') {
    for (fe = f; fe < text.length && !' :}'.includes(text[fe]!); ) fe++;
    if (text[fe] === ':') [g, ge] = [fe + 1, se - 1];
    else if (text[fe] === ' ') lastc = se - 1;
  } else if (BLANK(text[fe])) {
    const newline = text.indexOf('\n', fe);
    lastc = newline === -1 ? text.length : newline;
  }
  if (fe <= f) {
    append(run.out, '%', site);
    return s;
  }
  const name = text.slice(f, fe);
  const builtin = BUILTINS.get(name);
  let macro = builtin ? undefined : readMacro(engine, name);
  if (macro?.auto && engine.level > macro.level) macro = undefined;
  const defined = Boolean(builtin || macro);

  if (text[f] === '-' || check) {
    if (defined === negate) return se;
    if (g !== undefined && g < ge) expandInto(engine, run, sliceText(source, g, ge));
    else if (macro) callMacro(engine, run, macro, undefined, site);
    return se;
  }
  if (!defined) {
    if (name === 'shell') {
      appendUnknown(engine, run, 'FD320', `%{shell ...} would run a command; flagdiff does not run it`, site);
      return se;
    }
    append(run.out, '%', site, { kind: 'undefined', reason: `%{${name}} is not defined` });
    return s;
  }
  if (macro && macro.opts === undefined) {
    callMacro(engine, run, macro, undefined, site);
    return se;
  }
  // Built-ins taking no argument have no options (rpmInitMacros), so words after a bare one are not theirs.
  if (builtin?.nargs === 0 && fe === se) lastc = undefined;
  const args: SpannedText[] = [spannedText(name, site)];
  if (builtin?.parse && fe === se) {
    return se + builtin.run({ engine, run, args, site, rest: { source, from: se }, expand: (t) => expandInto(engine, run, t) });
  }
  const parse = builtin?.parse === true;
  if (g !== undefined) se = grabArguments(engine, run, args, source, g, ge, { split: false, parse });
  else if (lastc !== undefined) se = grabArguments(engine, run, args, source, fe, lastc, { split: true, parse });
  if (builtin) callBuiltin(engine, run, builtin, args, site);
  else callMacro(engine, run, macro!, args, site);
  return se;
}

/** doMacro for a macro of the table: literal bodies are copied, others expanded where they are used. */
function callMacro(engine: MacroEngine, run: Run, macro: MacroDefinition, args: readonly SpannedText[] | undefined, site: Origin): void {
  if (macro.literal) {
    appendRange(run.out, macro.body);
    return;
  }
  if (macro.body.text === '') return;
  const body = placeAt(macro.body, site, `%{${macro.name}}`);
  if (args) withArguments(engine, run, macro, args, site, () => expandInto(engine, run, body));
  else expandInto(engine, run, body);
}

function callBuiltin(engine: MacroEngine, run: Run, builtin: Builtin, args: readonly SpannedText[], site: Origin): void {
  const given = args.length - 1;
  if (builtin.nargs >= 0 && (builtin.nargs !== 0) !== given > 0) {
    fail(engine, run, `%${builtin.name}: ${builtin.nargs !== 0 ? 'argument expected' : 'unexpected argument'}`, site);
    return;
  }
  builtin.run({ engine, run, args, site, expand: (t) => expandInto(engine, run, t) });
}

/** `%[...]`: the expression language with macros expanded in its tokens (RPMEXPR_EXPAND). */
function expandExpression(engine: MacroEngine, run: Run, expression: SpannedText, site: Origin): void {
  let unknown: string | undefined;
  const result = evaluateExpression(expression.text, {
    expand: (raw) => {
      const text = expandApart(engine, run, spannedText(raw, site));
      unknown ??= marksIn(text, 0, text.text.length, 'unknown')[0]?.reason;
      return unknown || run.error ? undefined : text.text;
    },
  });
  if (unknown) {
    appendUnknown(engine, run, 'FD323', `%[${clip(expression.text)}] depends on a value flagdiff does not know: ${unknown}`, site);
  } else if (isExpressionFailure(result)) {
    if (result.unknown) appendUnknown(engine, run, 'FD321', `%[${clip(expression.text)}]: ${result.error}`, site);
    else if (!run.error) fail(engine, run, `%[${clip(expression.text)}]: ${result.error}`, site);
  } else {
    append(run.out, formatValue(result), site);
  }
}

/** findMacroEnd: the end of `%(...)`, `%{...}`, `%[...]` or `%name`; -1 when a bracket is not closed. */
function findMacroEnd(engine: MacroEngine, run: Run, text: string, s: number, site: Origin): number {
  const c = text[s];
  if (c === '(' || c === '{' || c === '[') return matchBracket(engine, run, text, s, site);
  let k = s;
  while (text[k] === '?' || text[k] === '!') k++;
  if (text[k] === '-') k++;
  while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
  if (text[k] === '*' && text[k + 1] === '*') k += 2;
  else if (text[k] === '*' || text[k] === '#') k++;
  return k;
}

/** matchchar: the index after the bracket closing the one at `at`, skipping `\`-escaped characters. */
export function matchBracket(engine: MacroEngine, run: Run, text: string, at: number, site: Origin): number {
  const open = text[at]!;
  const close = open === '(' ? ')' : open === '{' ? '}' : ']';
  let level = 0;
  for (let k = at; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === close) {
      if (--level <= 0) {
        if (!charge(engine, run, k - at)) exhaust(engine, run, site);
        return k + 1;
      }
    } else if (c === open) level++;
  }
  if (!charge(engine, run, text.length - at)) exhaust(engine, run, site);
  return -1;
}

export function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
