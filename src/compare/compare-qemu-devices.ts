/**
 * The reference's device requirements (`CONFIG_X=y|n`, a plain Profile) against a candidate's
 * device layer: after the Kconfig closure when a QEMU tree was read, or against the candidate's
 * declared device lines only (qemu-sources.md §3 rule 12: "otherwise diff the declared lines and
 * mark unresolved"). Contradictions in the candidate's own device configuration, the cross-layer
 * errors of rule 13 among them, are reported whether the reference asks for the device or not.
 */
import { relative } from 'node:path';
import type { Decision } from '../eval/minikconf/evaluate-minikconf.js';
import type { Clause } from '../eval/minikconf/kconfig-syntax.js';
import { formatExpr } from '../eval/minikconf/kconfig-syntax.js';
import type { Finding } from '../model/finding.js';
import { formatOrigin } from '../model/origin.js';
import type { Origin } from '../model/origin.js';
import type { Profile, Requirement } from '../model/requirement.js';
import { DEVICE_HOST_NEEDS } from '../knowledge/qemu-host-symbols.js';
import type { HostSymbolValue } from '../knowledge/qemu-host-symbols.js';
import type { DeviceConfig } from '../readers/qemu/load-device-config.js';
import type { DeviceClosure } from './effective-devices.js';
import { explainCondition, explainDevice } from './explain-device.js';
import { qemuFinding } from './qemu-finding.js';

/** A candidate's device layer: what its device files say, and the closure when a tree was read. */
export interface DeviceLayer {
  readonly devices: DeviceConfig;
  readonly closure?: DeviceClosure;
  /** The tree's root, to shorten its paths in messages. */
  readonly root?: string;
  /** Without a tree: the value meson would pass for a host symbol, for the cross-layer check. */
  readonly hostValue?: (symbol: string) => HostSymbolValue | undefined;
}

/** What a conflict is about: QEMU's own rules, not a wish of the reference. */
const KCONFIG = 'QEMU Kconfig';

export interface DeviceComparison {
  readonly findings: readonly Finding[];
  /** How many requirements were checked. */
  readonly requirements: number;
  /** Required devices whose only finding is a conflict (QEMU stops on them): not satisfied either. */
  readonly unmet: number;
}

export function compareQemuDevices(profile: Profile, layer: DeviceLayer): DeviceComparison {
  const show = (origin: Origin) => formatOrigin(layer.root ? { ...origin, file: shorten(layer.root, origin.file) } : origin);
  const findings: Finding[] = [];
  for (const requirement of profile.requirements.values()) {
    const finding = layer.closure ? judgeClosure(requirement, layer.closure, show) : judgeDeclared(requirement, layer.devices);
    if (finding) findings.push(finding);
  }
  const clashes = layer.closure ? conflicts(layer.closure, show) : declaredConflicts(layer);
  for (const clash of clashes) findings.push(clash);
  const flagged = new Set(findings.filter((f) => f.kind !== 'conflict').map((f) => f.key));
  const unmet = new Set(clashes.filter((f) => f.severity === 'error' && profile.requirements.has(f.key) && !flagged.has(f.key)).map((f) => f.key)).size;
  return { findings, requirements: profile.requirements.size, unmet };
}

function judgeClosure(requirement: Requirement, closure: DeviceClosure, show: (o: Origin) => string): Finding | undefined {
  const symbol = requirement.key.replace(/^CONFIG_/, '');
  const state = closure.evaluation.values.get(symbol);
  const have = state?.value ?? null;
  const base = { category: 'device' as const, key: requirement.key, want: requirement.want, reasons: requirement.reasons, reference: requirement.origin };
  if (requirement.want === 'n') {
    if (have !== 'y' && have !== 'unknown') return undefined;
    const how = have === 'y' ? 'builds it' : 'may build it, depending on the build machine';
    const decision = state!.decision;
    return qemuFinding({
      ...base,
      code: 'FD246',
      kind: 'extra',
      have,
      severity: have === 'y' ? 'warning' : 'info',
      candidate: decision.kind === 'clause' ? decision.clause.origin : null,
      message: `the reference turns ${requirement.key} off; the candidate ${how} for ${closure.target}`,
      explanation: describeDecision(decision, closure, show),
    });
  }
  if (have === 'y') return undefined;
  if (!state) {
    return qemuFinding({ ...base, code: 'FD239', kind: 'missing', have: null, message: `${requirement.key} is not a symbol of this QEMU tree, so ${closure.target} cannot have it (renamed, removed, or not yet added)` });
  }
  const why = explainDevice(symbol, closure, show);
  const kind = why.code === 'FD244' ? 'auto' : why.code === 'FD242' ? 'disabled' : 'missing';
  const verb = why.code === 'FD244' ? 'may not be' : 'is not';
  return qemuFinding({ ...base, code: why.code, kind, have, candidate: why.where, message: `${requirement.key} ${verb} built for ${closure.target}: ${why.text}`, explanation: why.text });
}

function judgeDeclared(requirement: Requirement, devices: DeviceConfig): Finding | undefined {
  const declared = devices.settings.settings.get(requirement.key);
  const base = { category: 'device' as const, key: requirement.key, want: requirement.want, reasons: requirement.reasons, reference: requirement.origin, have: declared?.value ?? null, candidate: declared?.origin ?? null };
  if (declared?.value === requirement.want) return undefined;
  if (!declared) {
    return qemuFinding({ ...base, code: 'FD247', kind: 'unknown', message: `the candidate's device files do not set ${requirement.key}; without a QEMU tree (--qemu-tree) whether ${devices.selection.target} builds it is not known` });
  }
  if (requirement.want === 'n') return qemuFinding({ ...base, code: 'FD246', kind: 'extra', message: `the reference turns ${requirement.key} off; the candidate's device file sets it to y` });
  return qemuFinding({ ...base, code: 'FD242', kind: 'disabled', message: `${requirement.key} is required; the candidate's device file sets it to ${declared.value}` });
}

/** minikconf's "contradiction between clauses", except two device-file lines (the reader reports those, FD181). */
function conflicts(closure: DeviceClosure, show: (o: Origin) => string): Finding[] {
  // A device selected only by devices that are themselves in contradiction follows from them (VIRTIO_9P
  // selects FSDEV_9P, which depends on VIRTFS too): the root is reported, not each consequence.
  const clashing = new Set(closure.evaluation.contradictions.map((c) => c.symbol));
  const follows = (clauses: readonly Clause[]) => {
    const on = clauses.filter((c) => c.kind === 'select' || (c.kind === 'assign' && c.value));
    return on.length > 0 && on.every((c) => c.kind === 'select' && clashing.has(c.by));
  };
  return closure.evaluation.contradictions
    .filter((c) => !c.clauses.every((clause) => clause.kind === 'assign' && !clause.external) && !follows(c.clauses))
    .map((c) => {
      const on = c.clauses.find((clause) => clause.kind === 'assign' || clause.kind === 'select')!;
      const against = c.clauses.filter((clause) => clause !== on).map((clause) => describeClause(clause, closure, show, c.certain));
      const key = `CONFIG_${c.symbol}`;
      const condition = c.certain ? 'minikconf stops' : 'minikconf stops on a build machine where the unknown inputs go against it';
      return qemuFinding({
        code: 'FD245',
        kind: 'conflict',
        category: 'device',
        reasons: [KCONFIG],
        key,
        want: 'buildable',
        have: 'contradiction',
        severity: c.certain ? 'error' : 'warning',
        // What QEMU's Kconfig requires stands where the reference's wish would.
        reference: c.clauses.find((clause) => clause !== on && !(clause.kind === 'assign' && !clause.external))?.origin ?? on.origin,
        candidate: on.origin,
        message: `${key} cannot be both on and off: ${condition} with "contradiction between clauses when setting ${c.symbol}"`,
        explanation: `${describeClause(on, closure, show)}, but ${against.join('; ')}`,
      });
    });
}

/** Without a tree: a device set to y whose host feature is off (the devices QEMU's Kconfig ties to one). */
function declaredConflicts({ devices, hostValue }: DeviceLayer): Finding[] {
  const findings: Finding[] = [];
  for (const setting of devices.settings.settings.values()) {
    const need = DEVICE_HOST_NEEDS[setting.key.slice('CONFIG_'.length)];
    const host = need && setting.value === 'y' ? hostValue?.(need) : undefined;
    if (!host || host.value === 'y') continue;
    const certain = host.value === 'n';
    findings.push(
      qemuFinding({
        code: 'FD245',
        kind: 'conflict',
        category: 'device',
        reasons: [KCONFIG],
        key: setting.key,
        want: 'buildable',
        have: 'contradiction',
        severity: certain ? 'error' : 'warning',
        reference: setting.origin,
        candidate: setting.origin,
        message: `${setting.key} cannot be on: minikconf stops${certain ? '' : ' on a build machine without it'} with "contradiction between clauses when setting ${need}"`,
        explanation: `${setting.key}=y at ${formatOrigin(setting.origin)}, but QEMU's Kconfig makes it depend on ${need}, and CONFIG_${need} is ${certain ? 'off' : 'undecided'}: ${host.why}`,
      }),
    );
  }
  return findings;
}

function describeClause(clause: Clause, closure: DeviceClosure, show: (o: Origin) => string, certain = true): string {
  const at = show(clause.origin);
  switch (clause.kind) {
    case 'assign':
      return clause.external ? `meson passes CONFIG_${clause.symbol}=${clause.value ? 'y' : 'n'} (${clause.external})` : `CONFIG_${clause.symbol}=${clause.value ? 'y' : 'n'} at ${at}`;
    case 'select':
      return `${clause.by} selects ${clause.symbol} (${at})`;
    case 'depends':
      return `${clause.symbol} depends on ${formatExpr(clause.expr)} (${at}), and ${explainCondition(clause.expr, certain ? 'n' : 'unknown', closure).text}`;
    default:
      return `${clause.kind} at ${at}`;
  }
}

/** How a symbol came to be on: `selected by USB_XHCI (hw/usb/Kconfig:50)`. */
function describeDecision(decision: Decision, closure: DeviceClosure, show: (o: Origin) => string): string {
  if (decision.kind === 'uncertain') return `depends on the build machine: ${decision.clauses.map((c) => describeClause(c, closure, show, false)).join('; ')}`;
  if (decision.kind !== 'clause') return decision.kind;
  const c = decision.clause;
  if (c.kind === 'select') return `selected by ${c.by} (${show(c.origin)})`;
  if (c.kind === 'imply') return `implied by ${c.by} (${show(c.origin)})`;
  if (c.kind === 'default') return `default y${c.cond ? ` if ${formatExpr(c.cond)}` : ''} (${show(c.origin)})`;
  return describeClause(c, closure, show);
}

function shorten(root: string, file: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel;
}
