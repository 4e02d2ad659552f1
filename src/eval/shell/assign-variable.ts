/** Assignments (bash(1) PARAMETERS, Arrays): `name=v`, `name+=v`, `name[i]=v`, `name=(...)`, `name+=(...)`, integer attribute. */
import { evaluateArithmetic } from './arithmetic.js';
import { arithmeticScope, expandFields, expandString } from './expand-word.js';
import type { Assignment } from './shell-ast.js';
import type { ShellState, Variable } from './shell-state.js';
import { lookup, originAt, quote, report, scopeOf, setItem, setVariable, stop, write } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { concatStrings, knownString, scalarOf, textOf, unknownString } from './shell-value.js';

/** Evaluates an assignment word of the script. */
export function applyAssignment(state: ShellState, assignment: Assignment): void {
  if (assignment.array) {
    const items: { key?: ShellString; values: ShellString[] }[] = [];
    for (const item of assignment.array) {
      if (item.key) items.push({ key: expandString(state, item.key), values: [expandString(state, item.value)] });
      else items.push({ values: expandFields(state, [item.value]) });
    }
    assignArray(state, assignment, items);
    return;
  }
  const value = assignment.value ? expandString(state, assignment.value) : knownString('', originAt(state, assignment.line));
  assignVariable(state, assignment, value, assignment.line);
}

/** `name=value`, `name+=value` or `name[index]=value`. */
export function assignVariable(state: ShellState, target: Pick<Assignment, 'name' | 'index' | 'append' | 'line'>, value: ShellString, line: number): void {
  if (!target.index) return assignScalar(state, target.name, value, target.append, line);
  const scope = scopeOf(state, target.name);
  const existing = scope.get(target.name);
  if (isReadonly(state, existing, target.name, line)) return;
  const keyText = expandString(state, target.index);
  if (existing?.kind === 'assoc') {
    if (keyText.unknown !== undefined) return forget(state, target.name, `its key ${quote(keyText)} is unknown`, line);
    const key = textOf(keyText);
    const previous = existing.items.get(key);
    setItem(state, existing.items, key, target.append && previous ? concatStrings([previous, value], value.origin) : value);
    return;
  }
  const index = keyText.unknown === undefined ? evaluateArithmetic(textOf(keyText), arithmeticScope(state, line)) : { unknown: keyText.unknown };
  if (!('value' in index)) return forget(state, target.name, 'an array index is unknown', line);
  const array = toIndexed(existing);
  setVariable(state, scope, target.name, array);
  const n = Number(index.value);
  if (n >= nextIndex(array.items)) tops.set(array.items, n + 1);
  const previous = array.items.get(n);
  setItem(state, array.items, n, target.append && previous ? concatStrings([previous, value], value.origin) : value);
}

/** `name=value` or `name+=value` on a scalar, an array's element 0, or an integer variable. */
export function assignScalar(state: ShellState, name: string, value: ShellString, append: boolean, line: number): void {
  const scope = scopeOf(state, name);
  const existing = scope.get(name);
  if (isReadonly(state, existing, name, line)) return;
  let next = value;
  if (existing?.attributes.integer) next = integerValue(state, existing, value, append, line);
  else if (append) {
    const previous = scalarOf(existing);
    if (previous) next = concatStrings([previous, value], value.origin);
  }
  if (textOf(next).length > state.limits.stringLength) return stop(state, `a value longer than ${state.limits.stringLength} characters`, line);
  if (existing && existing.kind !== 'scalar') {
    if (existing.kind === 'indexed') setItem(state, existing.items, 0, next);
    else setItem(state, existing.items, '0', next);
    return;
  }
  setVariable(state, scope, name, { kind: 'scalar', value: next, attributes: existing?.attributes ?? {} });
}

/** `name=(...)` or `name+=(...)`: unkeyed items take the next index; `[key]=value` items set that key. */
function assignArray(state: ShellState, target: Pick<Assignment, 'name' | 'append' | 'line'>, items: readonly { key?: ShellString; values: readonly ShellString[] }[]): void {
  const scope = scopeOf(state, target.name);
  const existing = scope.get(target.name);
  if (isReadonly(state, existing, target.name, target.line)) return;
  if (existing?.kind === 'assoc') {
    const map = target.append ? existing.items : new Map<string, ShellString>();
    const set = (key: string, value: ShellString) => (map === existing.items ? setItem(state, map, key, value) : map.set(key, value));
    for (const item of items) {
      if (!item.key || item.key.unknown !== undefined) return forget(state, target.name, 'a key is missing or unknown', target.line);
      set(textOf(item.key), item.values[0] ?? knownString('', originAt(state, target.line)));
    }
    if (map !== existing.items) setVariable(state, scope, target.name, { kind: 'assoc', items: map, attributes: existing.attributes });
    return;
  }
  const array = target.append ? toIndexed(existing) : { kind: 'indexed' as const, items: new Map<number, ShellString>(), attributes: existing?.attributes ?? {} };
  let next = nextIndex(array.items);
  for (const item of items) {
    if (item.key) {
      const index = item.key.unknown === undefined ? evaluateArithmetic(textOf(item.key), arithmeticScope(state, target.line)) : undefined;
      if (!index || !('value' in index)) return forget(state, target.name, 'an array index is unknown', target.line);
      next = Number(index.value);
    }
    for (const value of item.values) setItem(state, array.items, next++, value);
    if (array.items.size > state.limits.fields) return stop(state, `an array of more than ${state.limits.fields} elements`, target.line);
  }
  tops.set(array.items, next);
  if (scope.get(target.name) !== array) setVariable(state, scope, target.name, array);
}

/** One past the highest index of each array, remembered so that appending costs no scan of the keys. */
const tops = new WeakMap<Map<number, ShellString>, number>();

/** Where `+=(...)` appends: one past the highest index (recomputed when an undone subshell left it stale). */
function nextIndex(items: Map<number, ShellString>): number {
  const top = tops.get(items);
  if (top !== undefined && (top === 0 ? items.size === 0 : items.has(top - 1))) return top;
  let max = -1;
  for (const key of items.keys()) if (key > max) max = key;
  return max + 1;
}

function toIndexed(existing: Variable | undefined): Extract<Variable, { kind: 'indexed' }> {
  if (existing?.kind === 'indexed') return existing;
  const items = new Map<number, ShellString>();
  if (existing?.kind === 'scalar') items.set(0, existing.value);
  return { kind: 'indexed', items, attributes: existing?.attributes ?? {} };
}

/** `declare -i`: the value is an arithmetic expression; `+=` adds. */
function integerValue(state: ShellState, existing: Variable, value: ShellString, append: boolean, line: number): ShellString {
  if (value.unknown !== undefined) return value;
  const result = evaluateArithmetic(textOf(value), arithmeticScope(state, line));
  if (!('value' in result)) return unknownString('unknown' in result ? result.unknown : result.error, value.origin);
  let number = result.value;
  const previous = scalarOf(existing);
  if (append && previous) {
    if (previous.unknown !== undefined) return previous;
    number += BigInt(textOf(previous) || '0');
  }
  return knownString(String(BigInt.asIntN(64, number)), value.origin);
}

function isReadonly(state: ShellState, existing: Variable | undefined, name: string, line: number): boolean {
  if (!existing?.attributes.readonly) return false;
  write(state, state.stderr, knownString(`${name}: readonly variable\n`, originAt(state, line)), line);
  state.status = 1;
  return true;
}

/** An assignment whose target cannot be known makes the whole variable Unknown. */
function forget(state: ShellState, name: string, why: string, line: number): void {
  report(state, 'FD302', `${name}: ${why}, so its value is unknown from here`, line);
  setVariable(state, scopeOf(state, name), name, { kind: 'scalar', value: unknownString(`${name}: ${why}`, originAt(state, line)), attributes: lookup(state, name)?.attributes ?? {} });
}
