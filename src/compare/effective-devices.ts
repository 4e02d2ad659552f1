/**
 * The devices a build puts into a target (qemu-sources.md §2.7 and §3 rule 12): its device files,
 * the tree's Kconfig files, and the symbols meson passes for the build's features and accelerators,
 * evaluated as minikconf does under `--defconfig` or `--allnoconfig`. Features the build machine
 * decides make their symbols, and what depends on them, unknown.
 */
import { defaultValue } from './effective-qemu.js';
import type { EffectiveOption } from './effective-qemu.js';
import { evaluateMinikconf } from '../eval/minikconf/evaluate-minikconf.js';
import type { KconfigEvaluation, MinikconfMode } from '../eval/minikconf/evaluate-minikconf.js';
import type { Clause } from '../eval/minikconf/kconfig-syntax.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Origin } from '../model/origin.js';
import { hasHostRule, hostSymbolValue } from '../knowledge/qemu-host-symbols.js';
import type { HostSymbolValue, OptionState } from '../knowledge/qemu-host-symbols.js';
import { createDiagnosticSink } from '../readers/diagnostic-sink.js';
import type { DeviceConfig } from '../readers/qemu/load-device-config.js';
import type { QemuTree } from '../readers/qemu/load-qemu-tree.js';

export interface DeviceClosure {
  readonly target: string;
  readonly mode: MinikconfMode;
  readonly evaluation: KconfigEvaluation;
  /** The symbols meson passes for the build, with why each has its value. */
  readonly externals: ReadonlyMap<string, HostSymbolValue>;
  readonly diagnostics: readonly Diagnostic[];
}

export function effectiveDevices(tree: QemuTree, devices: DeviceConfig, options: ReadonlyMap<string, EffectiveOption>, arch: string, version = tree.version ?? ''): DeviceClosure {
  const { target, mode } = devices.selection;
  const diagnostics: Diagnostic[] = [];
  const externals = externalValues(tree, target, arch, optionLookup(options, version));
  const clauses: Clause[] = [];
  for (const [symbol, external] of externals) {
    if (external.value === 'n' && symbol !== 'TARGET_BIG_ENDIAN') continue; // meson passes nothing for an unusable feature
    const origin: Origin = external.origin ?? tree.inputs?.origin ?? { file: tree.root, line: 0 };
    clauses.push({ kind: 'assign', symbol, value: external.value !== 'n', origin, external: external.why, ...(external.value === 'unknown' ? { maybe: true } : {}) });
    if (external.value !== 'unknown') continue;
    const known = hasHostRule(symbol);
    diagnostics.push(diagnostic(known ? 'FD342' : 'FD343', known ? `CONFIG_${symbol} depends on the build machine: ${external.why}` : `flagdiff does not know what decides CONFIG_${symbol}, which meson passes to minikconf; it is treated as unknown`, origin));
  }
  const evaluation = evaluateMinikconf(
    {
      clauses: [...devices.program.clauses, ...tree.kconfig.clauses, ...clauses],
      declarations: [...devices.program.declarations, ...tree.kconfig.declarations],
      references: [...devices.program.references, ...tree.kconfig.references],
    },
    mode,
  );
  const sink = createDiagnosticSink(tree.root);
  for (const u of evaluation.undefined) {
    sink.add('FD182', `CONFIG_${u.name} is not declared by any Kconfig file of ${tree.root}${tree.version ? ` (QEMU ${tree.version})` : ''}; minikconf stops with "undefined symbol ${u.name}"`, u.origin);
  }
  for (const name of evaluation.cycles) {
    sink.add('FD184', `CONFIG_${name} is part of a dependency cycle; minikconf stops with "cycle found including ${name}"`, { file: tree.root, line: 0 });
  }
  return { target, mode, evaluation, externals, diagnostics: [...tree.kconfig.diagnostics, ...devices.settings.diagnostics, ...diagnostics, ...sink.finish()] };
}

/** The symbols meson passes and their values; without a recognised meson.build, every declared symbol flagdiff has a rule for. */
function externalValues(tree: QemuTree, target: string, arch: string, option: (key: string) => OptionState | undefined): Map<string, HostSymbolValue> {
  const declared = new Set(tree.kconfig.declarations.map((d) => d.name));
  const info = tree.targets.get(target);
  const inputs = tree.inputs;
  const names = inputs ? [...inputs.host, ...inputs.accelerators] : [...declared].filter(hasHostRule);
  const values = new Map<string, HostSymbolValue>();
  for (const symbol of names) {
    values.set(symbol, hostSymbolValue(symbol, option, target, arch) ?? { value: 'unknown', why: 'no rule' });
  }
  if (info && (inputs ? inputs.targetArch : declared.has(info.arch.toUpperCase()))) {
    values.set(info.arch.toUpperCase(), { value: 'y', why: `the ${target} target (TARGET_ARCH=${info.arch})`, origin: info.origin });
  }
  if (info && (inputs ? inputs.bigEndian : false)) {
    values.set('TARGET_BIG_ENDIAN', { value: info.bigEndian ? 'y' : 'n', why: `the ${target} target`, origin: info.origin });
  }
  return values;
}

/**
 * Option states by key: written, the version's default (booleans and combos too), or turned off by
 * --without-default-features, which then stands as the option that decided.
 */
export function optionLookup(options: ReadonlyMap<string, EffectiveOption>, version: string): (key: string) => OptionState | undefined {
  const noDefaults = options.get('default_features')?.setting;
  return (key) => {
    const state = options.get(key);
    if (!state) {
      const value = defaultValue(key, version);
      return value === undefined ? undefined : { value, how: 'default' };
    }
    if (state.how === 'without-default-features' && noDefaults) return { ...state, setting: { spelling: noDefaults.spelling, origin: noDefaults.origin } };
    return state;
  };
}
