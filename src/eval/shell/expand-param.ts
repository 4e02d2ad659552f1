/** `$name` and `${...}` (bash(1) Parameter Expansion): the parameter, its subscript, then the operator. */
import { evaluateArithmetic } from './arithmetic.js';
import { assignVariable } from './assign-variable.js';
import { arithmeticScope, expandPattern, expandString } from './expand-word.js';
import { compilePattern, matchPrefix, matchSuffix, matchingPrefixes } from './glob-pattern.js';
import type { ParamExpansion, ParamOp, Word } from './shell-ast.js';
import type { ShellState, Variable } from './shell-state.js';
import { lookup, originAt, report, write } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { concatStrings, elementsOf, knownString, scalarOf, sliceString, textOf, unknownString, withText } from './shell-value.js';

/** A single value (`undefined`: unset), or the elements of `$@`, `${a[@]}` and friends. */
export type ParamResult =
  | { readonly kind: 'one'; readonly value: ShellString | undefined }
  | { readonly kind: 'many'; readonly values: readonly ShellString[]; readonly star: boolean };

/** Above this much work a pattern replacement is left Unknown rather than computed. */
const REPLACE_BUDGET = 20_000_000;

export function expandParam(state: ShellState, param: ParamExpansion, line: number): ParamResult {
  const { op } = param;
  if (op?.kind === 'keys') return keysOf(state, param, line);
  if (op?.kind === 'indirect') {
    const name = valueOf(state, { name: param.name }, line);
    if (name.kind !== 'one' || !name.value) return { kind: 'one', value: undefined };
    if (name.value.unknown !== undefined) return { kind: 'one', value: name.value };
    const target = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([@*])\])?$/.exec(textOf(name.value));
    if (!target) return { kind: 'one', value: unknownString(`\${!${param.name}} names no variable`, originAt(state, line)) };
    return valueOf(state, { name: target[1]!, ...(target[2] ? { index: target[2] as '@' | '*' } : {}) }, line);
  }
  const base = valueOf(state, param, line);
  if (!op) {
    if (base.kind === 'one' && base.value === undefined && state.flags.nounset && !/^[@*#?$!-]$/.test(param.name)) unbound(state, param.name, line);
    return base;
  }
  if (op.kind === 'length') {
    const origin = originAt(state, line);
    if (base.kind === 'many') return { kind: 'one', value: knownString(String(base.values.length), origin) };
    if (base.value?.unknown !== undefined) return { kind: 'one', value: unknownString(base.value.unknown, origin) };
    return { kind: 'one', value: knownString(String([...textOf(base.value ?? knownString('', origin))].length), origin) };
  }
  if (op.kind === 'default' || op.kind === 'assign' || op.kind === 'alternative' || op.kind === 'error') {
    return applyDefault(state, param, op, base, line);
  }
  if (op.kind === 'substring' && base.kind === 'many') {
    const values = sliceElements(state, param, base.values, op, line);
    return values ? { ...base, values } : { kind: 'one', value: unknownString('a slice bound is unknown', originAt(state, line)) };
  }
  const each = (value: ShellString) => transform(state, value, op, line);
  if (base.kind === 'many') return { ...base, values: base.values.map(each) };
  return { kind: 'one', value: base.value ? each(base.value) : undefined };
}

/** The parameter and subscript, before any operator. */
function valueOf(state: ShellState, param: ParamExpansion, line: number): ParamResult {
  const { name, index } = param;
  const origin = originAt(state, line);
  if (name === '@' || name === '*') return { kind: 'many', values: state.positional, star: name === '*' };
  if (/^[0-9]+$/.test(name)) return { kind: 'one', value: name === '0' ? state.scriptName : state.positional[Number(name) - 1] };
  if (name === '#') return { kind: 'one', value: knownString(String(state.positional.length), origin) };
  if (name === '?') return { kind: 'one', value: state.status === 'unknown' ? unknownString('the exit status of a command flagdiff did not run', origin) : knownString(String(state.status), origin) };
  if (name === '-') return { kind: 'one', value: knownString(state.flags.errexit ? 'e' : '', origin) };
  if (name === '$' || name === '!') return { kind: 'one', value: unknownString(`$${name} is a process id`, origin) };
  const variable = lookup(state, name);
  if (index === '@' || index === '*') return { kind: 'many', values: elementsOf(variable), star: index === '*' };
  if (index === undefined) return { kind: 'one', value: scalarOf(variable) };
  return { kind: 'one', value: elementAt(state, variable, index, line) };
}

function elementAt(state: ShellState, variable: Variable | undefined, index: Word, line: number): ShellString | undefined {
  const key = expandString(state, index);
  if (key.unknown !== undefined) return unknownString(key.unknown, originAt(state, line));
  if (variable?.kind === 'assoc') return variable.items.get(textOf(key));
  const result = evaluateArithmetic(textOf(key), arithmeticScope(state, line));
  if (!('value' in result)) return unknownString('unknown' in result ? result.unknown : `bad array subscript: ${result.error}`, originAt(state, line));
  const n = Number(result.value);
  if (variable?.kind === 'indexed') {
    const max = variable.items.size ? Math.max(...variable.items.keys()) : -1;
    return variable.items.get(n < 0 ? max + 1 + n : n);
  }
  return n === 0 || n === -1 ? scalarOf(variable) : undefined;
}

function keysOf(state: ShellState, param: ParamExpansion, line: number): ParamResult {
  const variable = lookup(state, param.name);
  const origin = originAt(state, line);
  const star = param.index === '*';
  if (!variable) return { kind: 'many', values: [], star };
  if (variable.kind === 'scalar') return { kind: 'many', values: [knownString('0', origin)], star };
  const keys = variable.kind === 'indexed' ? [...variable.items.keys()].sort((a, b) => a - b).map(String) : [...variable.items.keys()];
  return { kind: 'many', values: keys.map((k) => knownString(k, origin)), star };
}

function applyDefault(state: ShellState, param: ParamExpansion, op: Extract<ParamOp, { word: Word }>, base: ParamResult, line: number): ParamResult {
  const values = base.kind === 'many' ? base.values : base.value ? [base.value] : [];
  const unknown = values.find((v) => v.unknown !== undefined);
  const origin = originAt(state, line);
  if (unknown) return { kind: 'one', value: unknownString(`\${${param.name}${op.colon ? ':' : ''}...} of an unknown value: ${unknown.unknown}`, origin) };
  const isSet = base.kind === 'many' ? values.length > 0 : base.value !== undefined;
  const isNull = values.every((v) => textOf(v) === '');
  const useWord = op.colon ? !isSet || isNull : !isSet;
  if (op.kind === 'alternative') return useWord ? { kind: 'one', value: undefined } : { kind: 'one', value: expandString(state, op.word) };
  if (!useWord) return base;
  const word = expandString(state, op.word);
  if (op.kind === 'error') {
    write(state, state.stderr, withText(word, `${param.name}: ${textOf(word) || 'parameter null or not set'}\n`), line);
    state.status = 1;
    state.jump = { kind: 'exit', count: 0 };
    return { kind: 'one', value: undefined };
  }
  if (op.kind === 'assign') assignVariable(state, { name: param.name, append: false, line }, word, line);
  return { kind: 'one', value: word };
}

/** `#` `%` `/` `:offset` `^` `,` applied to one value. */
function transform(state: ShellState, value: ShellString, op: ParamOp, line: number): ShellString {
  if (value.unknown !== undefined) return value;
  const text = textOf(value);
  switch (op.kind) {
    case 'remove': {
      const pattern = expandPattern(state, op.pattern);
      if (pattern.unknown !== undefined) return unknownString(pattern.unknown, value.origin, value.pieces);
      const tokens = compilePattern(pattern.chunks);
      if (op.from === 'prefix') {
        const n = matchPrefix(tokens, text, op.longest);
        return n < 0 ? value : sliceString(value, n);
      }
      const n = matchSuffix(tokens, text, op.longest);
      return n < 0 ? value : sliceString(value, 0, text.length - n);
    }
    case 'replace':
      return replace(state, value, op, line);
    case 'substring':
      return substring(state, value, op, line);
    case 'case': {
      const change = (s: string) => (op.upper ? s.toUpperCase() : s.toLowerCase());
      return withText(value, op.all ? change(text) : change(text.charAt(0)) + text.slice(1));
    }
    default:
      return value;
  }
}

function replace(state: ShellState, value: ShellString, op: Extract<ParamOp, { kind: 'replace' }>, line: number): ShellString {
  const text = textOf(value);
  const pattern = expandPattern(state, op.pattern);
  const replacement = expandString(state, op.replacement);
  if (pattern.unknown !== undefined || replacement.unknown !== undefined) {
    return unknownString(pattern.unknown ?? replacement.unknown ?? '', value.origin, value.pieces);
  }
  const tokens = compilePattern(pattern.chunks);
  if (tokens.length === 0) return value;
  if (text.length * text.length * tokens.length > REPLACE_BUDGET) {
    report(state, 'FD304', `\${.../pattern/...} on a ${text.length}-character value is too costly to evaluate`, line);
    return unknownString('pattern replacement too costly', value.origin, value.pieces);
  }
  const parts: ShellString[] = [];
  let from = 0;
  for (let start = 0; start <= text.length; start++) {
    if (op.anchor === 'start' && start > 0) break;
    const ok = matchingPrefixes(tokens, text.slice(start));
    const rest = text.length - start;
    const length = op.anchor === 'end' ? (ok[rest] ? rest : 0) : ok.lastIndexOf(true);
    if (length <= 0) continue;
    parts.push(sliceString(value, from, start), replacement);
    from = start + length;
    start = from - 1;
    if (!op.all) break;
  }
  parts.push(sliceString(value, from));
  return concatStrings(parts, value.origin);
}

/** An arithmetic operand of `${x:offset:length}`; `undefined` when it cannot be known. */
function numberOf(state: ShellState, word: Word, line: number): number | undefined {
  const text = expandString(state, word);
  if (text.unknown !== undefined) return undefined;
  const result = evaluateArithmetic(textOf(text), arithmeticScope(state, line));
  return 'value' in result ? Number(result.value) : undefined;
}

function substring(state: ShellState, value: ShellString, op: Extract<ParamOp, { kind: 'substring' }>, line: number): ShellString {
  const length = textOf(value).length;
  const offset = numberOf(state, op.offset, line);
  const count = op.length ? numberOf(state, op.length, line) : length;
  if (offset === undefined || count === undefined) return unknownString('a substring bound is unknown', value.origin, value.pieces);
  const start = offset < 0 ? Math.max(length + offset, 0) : Math.min(offset, length);
  const end = count < 0 ? length + count : start + count;
  return end < start ? withText(value, '') : sliceString(value, start, end);
}

/** `set -u`: bash prints "name: unbound variable" and a non-interactive shell exits. */
function unbound(state: ShellState, name: string, line: number): void {
  write(state, state.stderr, knownString(`${name}: unbound variable\n`, originAt(state, line)), line);
  state.status = 1;
  state.jump = { kind: 'exit', count: 0 };
}

/** `${a[@]:offset:length}` and `${@:offset}` count elements, not characters (`$@` starts at `$0`). */
function sliceElements(state: ShellState, param: ParamExpansion, values: readonly ShellString[], op: Extract<ParamOp, { kind: 'substring' }>, line: number): ShellString[] | undefined {
  const all = param.name === '@' || param.name === '*' ? [state.scriptName, ...values] : values;
  const offset = numberOf(state, op.offset, line);
  const count = op.length ? numberOf(state, op.length, line) : all.length;
  if (offset === undefined || count === undefined) return undefined;
  const start = offset < 0 ? Math.max(all.length + offset, 0) : offset;
  return all.slice(start, count < 0 ? all.length + count : start + count);
}
