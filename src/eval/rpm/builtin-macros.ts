/**
 * rpm's built-in macros (rpmio/macro.c builtinmacros, rpm 4.18). Those that ask the machine running
 * rpm (`%{getenv:}`, `%{exists:}`, `%{getncpus}`, `%{load:}`, `%{uncompress:}`) or run code
 * (`%{lua:}`) give an unknown value and a diagnostic; the others are computed as rpm does.
 */
import type { Origin } from '../../model/origin.js';
import { defineMacro, validName } from './define-macro.js';
import { evaluateExpression, formatValue, isExpressionFailure } from './evaluate-expression.js';
import { appendUnknown, changeTable, fail, readMacro } from './macro-engine.js';
import type { MacroEngine, Run } from './macro-engine.js';
import { QUOTE_MARK, append, appendRange, createBuilder, finish, marksIn, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

export interface BuiltinCall {
  readonly engine: MacroEngine;
  readonly run: Run;
  /** The name, then the arguments. */
  readonly args: readonly SpannedText[];
  readonly site: Origin;
  /** Free-field form (`%define name body`): the text after the name, which the macro may consume. */
  readonly rest?: { readonly source: SpannedText; readonly from: number };
  readonly expand: (text: SpannedText) => void;
}

export interface Builtin {
  readonly name: string;
  /** Arguments required: 1, none (0), or either (-1). */
  readonly nargs: number;
  /** Takes its argument unexpanded (ME_PARSE). */
  readonly parse?: boolean;
  /** Returns how many characters of `rest` it consumed. */
  readonly run: (call: BuiltinCall) => number;
}

const arg = (call: BuiltinCall) => call.args[1] ?? spannedText('', call.site);

/** A value computed from the argument, unknown when the argument is. */
function computed(compute: (text: string) => string): (call: BuiltinCall) => number {
  return (call) => {
    const input = arg(call);
    const unknown = marksIn(input, 0, input.text.length, 'unknown')[0]?.reason;
    if (unknown) appendUnknown(call.engine, call.run, 'FD323', `%{${call.args[0]!.text}:...} is computed from a value flagdiff does not know: ${unknown}`, call.site);
    else append(call.run.out, compute(input.text), call.site);
    return 0;
  };
}

/** The answer depends on the machine running rpm, not on the spec. */
function hostQuery(what: string): (call: BuiltinCall) => number {
  return (call) => {
    appendUnknown(call.engine, call.run, 'FD322', `%{${call.args[0]!.text}} ${what}; flagdiff does not ask`, call.site);
    return 0;
  };
}

const nothing = () => 0;

function define(global: boolean) {
  return (call: BuiltinCall): number => {
    const request = { level: global ? 0 : call.engine.level, global, site: call.site, reserved: BUILTIN_NAMES };
    if (call.rest) return defineMacro(call.engine, call.run, call.rest.source, call.rest.from, { ...request, freeField: true });
    defineMacro(call.engine, call.run, arg(call), 0, { ...request, freeField: false });
    return 0;
  };
}

function dnl(call: BuiltinCall): number {
  if (!call.rest) return 0;
  const { text } = call.rest.source;
  let s = call.rest.from;
  while (s < text.length && text[s] !== '\n' && text[s] !== '\r') s++;
  return (s < text.length ? s + 1 : s) - call.rest.from;
}

function undefine(call: BuiltinCall): number {
  const name = arg(call).text;
  if (validName(call.engine, call.run, name, { site: call.site, reserved: BUILTIN_NAMES }, '%undefine')) changeTable(call.engine, { kind: 'pop', name });
  return 0;
}

function expand(call: BuiltinCall): number {
  if (arg(call).text !== '') call.expand(arg(call));
  return 0;
}

function lua(call: BuiltinCall): number {
  appendUnknown(call.engine, call.run, 'FD321', '%{lua:...} is Lua code; flagdiff does not run it', call.site);
  return 0;
}

function error(call: BuiltinCall): number {
  fail(call.engine, call.run, `%{error:${arg(call).text}}: the spec stops rpm here`, call.site);
  return 0;
}

function sourceOrPatch(call: BuiltinCall): number {
  const builder = createBuilder();
  append(builder, call.args[0]!.text === 'S' ? '%SOURCE' : '%PATCH', call.site);
  appendRange(builder, arg(call));
  call.expand(finish(builder));
  return 0;
}

function macrobody(call: BuiltinCall): number {
  const name = arg(call).text;
  if (name === '') return 0;
  const macro = readMacro(call.engine, name);
  if (macro) appendRange(call.run.out, macro.body.spans.some((s) => s.origin === null) ? spannedText(macro.body.text, call.site) : macro.body);
  else fail(call.engine, call.run, `no such macro: '${name}'`, call.site);
  return 0;
}

function expr(call: BuiltinCall): number {
  const input = arg(call);
  const unknown = marksIn(input, 0, input.text.length, 'unknown')[0]?.reason;
  if (unknown) {
    appendUnknown(call.engine, call.run, 'FD323', `%{expr:...} depends on a value flagdiff does not know: ${unknown}`, call.site);
    return 0;
  }
  const result = evaluateExpression(input.text);
  if (!isExpressionFailure(result)) append(call.run.out, formatValue(result), call.site);
  else if (result.unknown) appendUnknown(call.engine, call.run, 'FD321', `%{expr:...}: ${result.error}`, call.site);
  else fail(call.engine, call.run, `%{expr:${input.text}}: ${result.error}`, call.site);
  return 0;
}

function quote(call: BuiltinCall): number {
  const words = call.args.slice(1).map((a) => `${QUOTE_MARK}${a.text}${QUOTE_MARK}`);
  append(call.run.out, words.join(' '), call.site);
  return 0;
}

function shrink(text: string): string {
  return text.replace(/[ \t\n\v\f\r]+/g, ' ').replace(/^ | $/g, '');
}

function urlPath(text: string): string {
  // urlPath: the path of a URL, or the text itself; an empty path is "/".
  const url = /^(?:https?|ftp|hkp|file):\/\/[^/]*(.*)$/.exec(text);
  return url ? url[1] || '/' : text || '/';
}

const LIST: readonly Builtin[] = [
  { name: 'P', nargs: 1, run: sourceOrPatch },
  { name: 'S', nargs: 1, run: sourceOrPatch },
  { name: 'basename', nargs: 1, run: computed((t) => t.slice(t.lastIndexOf('/') + 1)) },
  { name: 'define', nargs: 1, parse: true, run: define(false) },
  { name: 'dirname', nargs: 1, run: computed((t) => (t.includes('/') ? t.slice(0, t.lastIndexOf('/')) : t)) },
  { name: 'dnl', nargs: 1, parse: true, run: dnl },
  { name: 'dump', nargs: 0, run: nothing },
  { name: 'echo', nargs: 1, run: nothing },
  { name: 'error', nargs: 1, run: error },
  { name: 'exists', nargs: 1, run: hostQuery('tests a file on the machine running rpm') },
  { name: 'expand', nargs: 1, run: expand },
  { name: 'expr', nargs: 1, run: expr },
  { name: 'getconfdir', nargs: 0, run: hostQuery("is where rpm's configuration is installed") },
  { name: 'getenv', nargs: 1, run: hostQuery('reads the environment of the machine running rpm') },
  { name: 'getncpus', nargs: 0, run: hostQuery('counts the processors of the machine running rpm') },
  { name: 'global', nargs: 1, parse: true, run: define(true) },
  { name: 'load', nargs: 1, run: hostQuery('loads a macro file from the machine running rpm') },
  { name: 'lua', nargs: 1, parse: true, run: lua },
  { name: 'macrobody', nargs: 1, run: macrobody },
  { name: 'quote', nargs: 1, run: quote },
  { name: 'shrink', nargs: 1, run: computed(shrink) },
  { name: 'suffix', nargs: 1, run: computed((t) => (t.includes('.') ? t.slice(t.lastIndexOf('.') + 1) : '')) },
  { name: 'trace', nargs: 0, run: nothing },
  { name: 'u2p', nargs: 1, run: computed(urlPath) },
  { name: 'shescape', nargs: 1, run: computed((t) => `'${t.replaceAll("'", "'\\''")}'`) },
  { name: 'uncompress', nargs: 1, run: hostQuery('runs a decompressor on the machine running rpm') },
  { name: 'undefine', nargs: 1, run: undefine },
  { name: 'url2path', nargs: 1, run: computed(urlPath) },
  // rpm without -v: `%verbose` and `%{verbose}` are 0, `%{verbose:text}` is nothing.
  { name: 'verbose', nargs: -1, parse: true, run: (call) => (call.rest || call.args.length < 2 ? (append(call.run.out, '0', call.site), 0) : 0) },
  { name: 'warn', nargs: 1, run: nothing },
];

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(LIST.map((b) => [b.name, b]));
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(BUILTINS.keys());
