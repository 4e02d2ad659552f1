/** `local`, `declare`/`typeset`, `export`, `readonly`: scopes and attributes, then the assignments. */
import { applyAssignment } from './assign-variable.js';
import type { BuiltinCall } from './shell-builtins.js';
import type { ExitStatus, ShellState, Variable } from './shell-state.js';
import { originAt, setVariable } from './shell-state.js';
import type { VariableAttributes } from './shell-value.js';
import { knownString, textOf } from './shell-value.js';

type Declaration = 'local' | 'declare' | 'export' | 'readonly';

/**
 * `local` and `declare` inside a function (without `-g`) create the variable in the function's scope;
 * `export` and `readonly` mark the variable wherever it lives. `-a`/`-A` make arrays, `-i` integers.
 */
export function declareVariables(state: ShellState, call: BuiltinCall, declaration: Declaration): ExitStatus {
  let kind: 'indexed' | 'assoc' | undefined;
  let attributes: VariableAttributes = declaration === 'export' ? { exported: true } : declaration === 'readonly' ? { readonly: true } : {};
  let global = declaration === 'export' || declaration === 'readonly';
  for (const [position, arg] of call.args.entries()) {
    const assignment = call.assignArgs?.get(position);
    const text = textOf(arg);
    if (!assignment && /^[-+][a-zA-Z]+$/.test(text)) {
      const on = text.startsWith('-');
      for (const flag of text.slice(1)) {
        if (flag === 'a' && on) kind = 'indexed';
        else if (flag === 'A' && on) kind = 'assoc';
        else if (flag === 'g') global = on;
        else if (flag === 'i') attributes = { ...attributes, integer: on };
        else if (flag === 'x') attributes = { ...attributes, exported: on };
        else if (flag === 'r') attributes = { ...attributes, readonly: on };
      }
      continue;
    }
    const name = assignment?.name ?? text;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const inFunction = state.scopes.length > 1;
    const scope = !global && inFunction ? state.scopes[state.scopes.length - 1]! : scopeFor(state, name);
    const existing = scope.get(name);
    const { readonly, ...beforeValue } = attributes;
    setVariable(state, scope, name, declared(state, existing, kind, { ...existing?.attributes, ...beforeValue }, call.line));
    if (assignment) applyAssignment(state, assignment);
    if (readonly) {
      const current = scope.get(name)!;
      setVariable(state, scope, name, { ...current, attributes: { ...current.attributes, readonly: true } } as Variable);
    }
  }
  return 0;
}

/** The scope where a variable already lives, or the global one. */
function scopeFor(state: ShellState, name: string): Map<string, Variable> {
  for (let i = state.scopes.length - 1; i >= 0; i--) if (state.scopes[i]!.has(name)) return state.scopes[i]!;
  return state.scopes[0]!;
}

function declared(state: ShellState, existing: Variable | undefined, kind: 'indexed' | 'assoc' | undefined, attributes: VariableAttributes, line: number): Variable {
  if (kind === 'assoc' && existing?.kind !== 'assoc') return { kind: 'assoc', items: new Map(), attributes };
  if (kind === 'indexed' && existing?.kind !== 'indexed') {
    const items = new Map();
    if (existing?.kind === 'scalar') items.set(0, existing.value);
    return { kind: 'indexed', items, attributes };
  }
  if (existing) return { ...existing, attributes } as Variable;
  return { kind: 'scalar', value: knownString('', originAt(state, line)), attributes };
}
