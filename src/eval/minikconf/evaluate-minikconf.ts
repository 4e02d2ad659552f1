/**
 * Evaluates a minikconf program: what QEMU's scripts/minikconf.py computes for a target's device
 * configuration (`KconfigData.compute_config`), extended to a third value, `unknown`, for inputs the
 * build machine decides (a feature left `auto`). With known inputs only it gives minikconf's answer
 * exactly: clauses are processed per symbol in topological order; assignments, `depends on` and
 * `select` first, in file order, then `default`/`imply` until one applies, then `n`; under
 * `--allnoconfig` every default and imply is `n`. Two clauses forcing different values are a
 * contradiction (minikconf stops the build); a symbol read before its clauses ran is a cycle.
 * With unknown inputs, conditions follow Kleene's logic and a value is `unknown` unless it is the
 * same whichever way the unknown inputs go, so a known answer is never a guess.
 */
import type { Clause, Declaration, KconfigExpr } from './kconfig-syntax.js';
import { exprSymbols } from './kconfig-syntax.js';

export type Tri = 'y' | 'n' | 'unknown';
/** `--defconfig` (QEMU's default) or `--allnoconfig` (configure --without-default-devices). */
export type MinikconfMode = 'defconfig' | 'allnoconfig';

/** The clauses of every file read, in minikconf's reading order, and what they declare and name. */
export interface KconfigProgram {
  readonly clauses: readonly Clause[];
  readonly declarations: readonly Declaration[];
  readonly references: readonly Declaration[];
}

/**
 * Why a symbol has its value: the clause that decided it; `no-default` when nothing applied (with
 * the default or imply that `--allnoconfig` dropped, if one would have applied); `uncertain` with
 * the clauses that apply only on some build machines; `contradiction`; `cycle`.
 */
export type Decision =
  | { readonly kind: 'clause'; readonly clause: Clause }
  | { readonly kind: 'no-default'; readonly dropped?: Clause }
  | { readonly kind: 'uncertain'; readonly clauses: readonly Clause[] }
  | { readonly kind: 'contradiction'; readonly clauses: readonly Clause[] }
  | { readonly kind: 'cycle' };

export interface SymbolState {
  readonly value: Tri;
  readonly decision: Decision;
}

/**
 * Clauses that force a symbol both on and off: certain (minikconf stops), or, when one side is
 * certain and the other depends on the build machine, only on some build machines.
 */
export interface Contradiction {
  readonly symbol: string;
  readonly clauses: readonly Clause[];
  readonly certain: boolean;
}

export interface KconfigEvaluation {
  readonly values: ReadonlyMap<string, SymbolState>;
  /** Each symbol's clauses, in processing order within their kind. */
  readonly clauses: ReadonlyMap<string, readonly Clause[]>;
  readonly contradictions: readonly Contradiction[];
  /** Symbols named but never declared with `config` (minikconf: "undefined symbol"), first place each. */
  readonly undefined: readonly Declaration[];
  /** Symbols read before their own clauses ran (minikconf: "cycle found including X"). */
  readonly cycles: readonly string[];
}

interface Forcing {
  readonly value: boolean;
  readonly certain: boolean;
  readonly clause: Clause;
}

export function evaluateMinikconf(program: KconfigProgram, mode: MinikconfMode): KconfigEvaluation {
  const byDest = new Map<string, Clause[]>();
  const outgoing = new Map<string, Set<string>>();
  const symbols = new Set<string>(program.references.map((r) => r.name));
  for (const clause of program.clauses) {
    symbols.add(clause.symbol);
    push(byDest, clause.symbol, clause);
    for (const source of readsOf(clause)) {
      symbols.add(source);
      let set = outgoing.get(source);
      if (!set) outgoing.set(source, (set = new Set()));
      set.add(clause.symbol);
    }
  }

  const values = new Map<string, SymbolState>();
  const contradictions: Contradiction[] = [];
  const cycles = new Set<string>();
  const valueOf = (name: string): Tri => {
    const state = values.get(name);
    if (state) return state.value;
    cycles.add(name);
    return 'unknown';
  };
  const ev = (expr: KconfigExpr): Tri => evaluateExpr(expr, valueOf);

  for (const symbol of topologicalOrder(symbols, outgoing)) {
    const forcings: Forcing[] = [];
    for (const clause of byDest.get(symbol) ?? []) {
      const forcing = forcingOf(clause, ev);
      if (forcing) forcings.push(forcing);
    }
    values.set(symbol, settle(symbol, forcings, () => defaults(byDest.get(symbol) ?? [], mode, ev), contradictions));
  }
  for (const name of cycles) values.set(name, { value: 'unknown', decision: { kind: 'cycle' } });

  const declared = new Set(program.declarations.map((d) => d.name));
  const undefinedSymbols = undefinedOf(program, declared);
  return { values, clauses: byDest, contradictions, undefined: undefinedSymbols, cycles: [...cycles] };
}

/** Kleene's logic, short-circuiting left to right as minikconf's `and`/`or` do. */
function evaluateExpr(expr: KconfigExpr, valueOf: (name: string) => Tri): Tri {
  switch (expr.kind) {
    case 'symbol':
      return valueOf(expr.name);
    case 'not': {
      const v = evaluateExpr(expr.operand, valueOf);
      return v === 'unknown' ? v : v === 'y' ? 'n' : 'y';
    }
    case 'and': {
      const l = evaluateExpr(expr.left, valueOf);
      if (l === 'n') return 'n';
      const r = evaluateExpr(expr.right, valueOf);
      return r === 'n' ? 'n' : l === 'y' && r === 'y' ? 'y' : 'unknown';
    }
    case 'or': {
      const l = evaluateExpr(expr.left, valueOf);
      if (l === 'y') return 'y';
      const r = evaluateExpr(expr.right, valueOf);
      return r === 'y' ? 'y' : l === 'n' && r === 'n' ? 'n' : 'unknown';
    }
  }
}

/** `select X if C` in `config B` applies when `C && B` (minikconf `do_select`); so does `imply`. */
export function conditionOf(clause: Clause): KconfigExpr | undefined {
  if (clause.kind === 'select' || clause.kind === 'imply') {
    const by: KconfigExpr = { kind: 'symbol', name: clause.by };
    return clause.cond ? { kind: 'and', left: clause.cond, right: by } : by;
  }
  if (clause.kind === 'default') return clause.cond;
  if (clause.kind === 'depends') return clause.expr;
  return undefined;
}

function readsOf(clause: Clause): string[] {
  return exprSymbols(conditionOf(clause));
}

/** What an assignment, `depends on` or `select` forces, if anything. */
function forcingOf(clause: Clause, ev: (e: KconfigExpr) => Tri): Forcing | undefined {
  if (clause.kind === 'assign') return { value: clause.value, certain: clause.maybe !== true, clause };
  if (clause.kind === 'depends') {
    const v = ev(clause.expr);
    return v === 'y' ? undefined : { value: false, certain: v === 'n', clause };
  }
  if (clause.kind === 'select') {
    const v = ev(conditionOf(clause)!);
    return v === 'n' ? undefined : { value: true, certain: v === 'y', clause };
  }
  return undefined;
}

function settle(symbol: string, forcings: readonly Forcing[], fallback: () => SymbolState, contradictions: Contradiction[]): SymbolState {
  const certain = forcings.filter((f) => f.certain);
  const on = forcings.filter((f) => f.value);
  const off = forcings.filter((f) => !f.value);
  const clauses = (list: readonly Forcing[]) => list.map((f) => f.clause);
  // Both sides uncertain is left out: the unknown inputs behind them may be the same (NITRO_ENCLAVE
  // selects EIF only when LIBCBOR is on, and EIF depends on LIBCBOR), which Kleene's logic cannot see.
  if (on.length && off.length && certain.length) {
    const sure = on.some((f) => f.certain) && off.some((f) => f.certain);
    contradictions.push({ symbol, clauses: clauses(forcings), certain: sure });
  }
  if (certain.length) {
    const first = certain[0]!;
    const clash = certain.some((f) => f.value !== first.value);
    return { value: first.value ? 'y' : 'n', decision: clash ? { kind: 'contradiction', clauses: clauses(forcings) } : { kind: 'clause', clause: first.clause } };
  }
  const otherwise = fallback();
  if (forcings.length === 0) return otherwise;
  const only = on.length ? 'y' : 'n';
  if (on.length && off.length) return { value: 'unknown', decision: { kind: 'uncertain', clauses: clauses(forcings) } };
  if (otherwise.value === only) return otherwise;
  const also = otherwise.decision.kind === 'uncertain' ? otherwise.decision.clauses : [];
  return { value: 'unknown', decision: { kind: 'uncertain', clauses: [...clauses(forcings), ...also] } };
}

/**
 * minikconf's `DefaultClause.process`: the first default whose condition holds sets the value,
 * then the implicit `default n`. Defaults whose condition is unknown make the value unknown unless
 * what follows gives the same value.
 */
function defaults(clauses: readonly Clause[], mode: MinikconfMode, ev: (e: KconfigExpr) => Tri): SymbolState {
  const maybes: Array<{ value: Tri; clause: Clause }> = [];
  let result: SymbolState = { value: 'n', decision: { kind: 'no-default' } };
  let dropped: Clause | undefined;
  for (const clause of clauses) {
    if (clause.kind !== 'default' && clause.kind !== 'imply') continue;
    const cond = conditionOf(clause);
    const holds = cond ? ev(cond) : 'y';
    if (holds === 'n') continue;
    const wanted = clause.kind === 'imply' || clause.value;
    if (mode === 'allnoconfig' && wanted) dropped ??= clause;
    const value: Tri = mode === 'allnoconfig' || !wanted ? 'n' : 'y';
    if (holds === 'unknown') {
      maybes.push({ value, clause });
      continue;
    }
    result = value === 'n' && wanted ? { value, decision: { kind: 'no-default' } } : { value, decision: { kind: 'clause', clause } };
    break;
  }
  if (dropped && result.decision.kind === 'no-default') result = { value: 'n', decision: { kind: 'no-default', dropped } };
  const differing = maybes.filter((m) => m.value !== result.value);
  if (differing.length === 0) return result;
  return { value: 'unknown', decision: { kind: 'uncertain', clauses: differing.map((m) => m.clause) } };
}

/**
 * Reverse post-order of a depth-first search along "read by" edges (minikconf `Var.dfs`): every
 * symbol comes after the symbols its clauses read, unless they form a cycle. Iterative, so a long
 * chain of dependencies cannot exhaust the stack.
 */
function topologicalOrder(symbols: Iterable<string>, outgoing: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const post: string[] = [];
  const visited = new Set<string>();
  for (const start of symbols) {
    if (visited.has(start)) continue;
    visited.add(start);
    const stack: Array<[string, Iterator<string>]> = [[start, (outgoing.get(start) ?? new Set<string>()).values()]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top[1].next();
      if (step.done) {
        post.push(top[0]);
        stack.pop();
      } else if (!visited.has(step.value)) {
        visited.add(step.value);
        stack.push([step.value, (outgoing.get(step.value) ?? new Set<string>()).values()]);
      }
    }
  }
  return post.reverse();
}

function undefinedOf(program: KconfigProgram, declared: ReadonlySet<string>): Declaration[] {
  const seen = new Set<string>();
  const found: Declaration[] = [];
  const check = (name: string, origin: Declaration['origin']) => {
    if (declared.has(name) || seen.has(name)) return;
    seen.add(name);
    found.push({ name, origin });
  };
  for (const r of program.references) check(r.name, r.origin);
  for (const c of program.clauses) check(c.symbol, c.origin);
  return found;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
