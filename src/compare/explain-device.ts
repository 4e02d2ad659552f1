/**
 * Why a device is not in a build, or may not be: the clause that decided it, and, through
 * `depends on` chains, the host feature at the root (qemu-sources.md §3 rule 13: VHOST_USER_FS
 * needs vhost-user, VIRTIO_9P needs virtfs). The kind of cause decides the finding's code.
 */
import { conditionOf } from '../eval/minikconf/evaluate-minikconf.js';
import type { Tri } from '../eval/minikconf/evaluate-minikconf.js';
import type { Clause, KconfigExpr } from '../eval/minikconf/kconfig-syntax.js';
import { formatExpr } from '../eval/minikconf/kconfig-syntax.js';
import type { Origin } from '../model/origin.js';
import type { HostSymbolValue } from '../knowledge/qemu-host-symbols.js';
import type { DeviceClosure } from './effective-devices.js';

export interface DeviceExplanation {
  /** FD242 set to n by a device file; FD243 a host feature is off; FD244 the build machine decides; FD239 otherwise. */
  readonly code: 'FD239' | 'FD242' | 'FD243' | 'FD244';
  /** One sentence, without the symbol's own name. */
  readonly text: string;
  /** The place that decides: a device file line, a Kconfig clause, or the option turning a feature off. */
  readonly where: Origin | null;
  /** Host symbols at the root of the cause, with their values. */
  readonly hosts: ReadonlyArray<readonly [string, HostSymbolValue]>;
}

const MAX_HOPS = 8;

export function explainDevice(symbol: string, closure: DeviceClosure, show: (origin: Origin) => string): DeviceExplanation {
  const state = closure.evaluation.values.get(symbol);
  const value: Tri = state?.value ?? 'n';
  const external = closure.externals.get(symbol);
  if (external) return { code: value === 'unknown' ? 'FD244' : 'FD243', text: external.why, where: external.origin ?? null, hosts: [[symbol, external]] };
  if (value === 'unknown') {
    const hosts = rootHosts(symbol, 'unknown', closure);
    const causes = hosts.map(([name, h]) => `CONFIG_${name}: ${h.why}`).join('; ');
    return { code: 'FD244', text: `whether it is built depends on the build machine${causes ? ` (${causes})` : ''}`, where: hosts[0]?.[1].origin ?? null, hosts };
  }
  const decision = state?.decision;
  const clause = decision?.kind === 'clause' ? decision.clause : undefined;
  if (clause?.kind === 'assign' && !clause.external) return { code: 'FD242', text: `set to n at ${show(clause.origin)}`, where: clause.origin, hosts: [] };
  if (clause?.kind === 'depends') {
    const why = explainCondition(clause.expr, 'n', closure);
    const off = why.hosts.filter(([, h]) => h.option);
    const text = `it depends on ${formatExpr(clause.expr)} (${show(clause.origin)}), and ${why.text}`;
    return { code: off.length ? 'FD243' : 'FD239', text, where: off[0]?.[1].origin ?? clause.origin, hosts: why.hosts };
  }
  if (clause?.kind === 'default') return { code: 'FD239', text: `its default is n (${show(clause.origin)}) and nothing selects it`, where: clause.origin, hosts: [] };
  if (decision?.kind === 'no-default' && decision.dropped) {
    const d = decision.dropped;
    const what = d.kind === 'imply' ? `${d.by} implies it (${show(d.origin)})` : `its default y (${show(d.origin)})`;
    return { code: 'FD239', text: `nothing selects it, and ${what} does not apply under --without-default-devices: add CONFIG_${symbol}=y to the device file`, where: null, hosts: [] };
  }
  const conditional = (closure.evaluation.clauses.get(symbol) ?? []).find((c) => c.kind === 'default' && c.value && c.cond);
  const unmet = conditional?.kind === 'default' ? ` (default y if ${formatExpr(conditional.cond!)} at ${show(conditional.origin)}, and ${explainCondition(conditional.cond!, 'n', closure).text})` : '';
  return { code: 'FD239', text: `nothing selects it and no default applies${unmet}`, where: null, hosts: [] };
}

/**
 * What makes a condition come out `n` (or undecided): the host features at the root of it when
 * there are some (`CONFIG_VHOST_USER is off: --disable-vhost-user`), else the symbols that are n.
 */
export function explainCondition(expr: KconfigExpr, want: 'n' | 'unknown', closure: DeviceClosure): { text: string; hosts: Array<[string, HostSymbolValue]> } {
  const names = culprits(expr, want, closure);
  const hosts = new Map<string, HostSymbolValue>();
  for (const name of names) for (const [host, value] of rootHosts(name, want, closure)) hosts.set(host, value);
  if (hosts.size) {
    const state = want === 'n' ? 'off' : 'undecided';
    return { text: [...hosts].map(([name, h]) => `CONFIG_${name} is ${state}: ${h.why}`).join('; '), hosts: [...hosts] };
  }
  const list = names.map((n) => `CONFIG_${n} is ${want}${want === 'n' ? offBecause(n, closure) : ''}`).join(', ');
  return { text: list || `it is ${want}`, hosts: [] };
}

/** One step further back: ` (nothing selects it)`, ` (set to n)`, ` (its dependencies are off)`. */
function offBecause(name: string, closure: DeviceClosure): string {
  const decision = closure.evaluation.values.get(name)?.decision;
  if (decision?.kind === 'no-default') return ' (nothing selects it)';
  if (decision?.kind !== 'clause') return '';
  if (decision.clause.kind === 'assign') return ` (set to n at ${decision.clause.origin.file}:${decision.clause.origin.line})`;
  return decision.clause.kind === 'depends' ? ' (its dependencies are off)' : '';
}

/** Symbols of `expr` whose value is `want` (for a `NOT`, the opposite): what makes a condition fail or undecided. */
function culprits(expr: KconfigExpr, want: Tri, closure: DeviceClosure): string[] {
  switch (expr.kind) {
    case 'symbol':
      return (closure.evaluation.values.get(expr.name)?.value ?? 'n') === want ? [expr.name] : [];
    case 'not':
      return culprits(expr.operand, want === 'unknown' ? want : want === 'y' ? 'n' : 'y', closure);
    default:
      return [...culprits(expr.left, want, closure), ...culprits(expr.right, want, closure)];
  }
}

/** Host symbols reached through `depends on` and uncertain clauses whose value is `want`. */
function rootHosts(start: string, want: Tri, closure: DeviceClosure): Array<[string, HostSymbolValue]> {
  const found: Array<[string, HostSymbolValue]> = [];
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let hop = 0; hop < MAX_HOPS && frontier.length; hop++) {
    const next: string[] = [];
    for (const name of frontier) {
      const external = closure.externals.get(name);
      if (external?.value === want) {
        found.push([name, external]);
        continue;
      }
      for (const c of causingClauses(name, want, closure)) {
        const cond = conditionOf(c);
        for (const n of cond ? culprits(cond, want, closure) : []) {
          if (seen.has(n)) continue;
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return found;
}

function causingClauses(name: string, want: Tri, closure: DeviceClosure): readonly Clause[] {
  const decision = closure.evaluation.values.get(name)?.decision;
  if (want === 'unknown') return decision?.kind === 'uncertain' ? decision.clauses : [];
  return decision?.kind === 'clause' && decision.clause.kind === 'depends' ? [decision.clause] : [];
}
