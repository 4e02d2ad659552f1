/**
 * A candidate QEMU build against a reference's configure invocation, as effective states for each
 * side's QEMU version (qemu-sources.md §3): enabled vs auto vs disabled, not flag spellings. Path,
 * toolchain and diagnostics options are not compared; hardening options are, in their own category;
 * every word either side's version does not accept is an `unknown-option` finding.
 */
import { ANY_OPTION } from '../model/build.js';
import type { Build, PatchedOption } from '../model/build.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { QemuReference } from '../model/qemu-reference.js';
import { isCompared } from '../model/qemu-setting.js';
import type { QemuConfigSet } from '../model/qemu-setting.js';
import type { Report } from '../model/report.js';
import { QEMU_VOCABULARY_VERSIONS, acceptance, obsoleteSwitch, vocabularyFor } from '../knowledge/qemu-vocabulary.js';
import { hostSymbolValue } from '../knowledge/qemu-host-symbols.js';
import type { DeviceConfig } from '../readers/qemu/load-device-config.js';
import type { QemuTree } from '../readers/qemu/load-qemu-tree.js';
import { normalizeBuild } from '../readers/qemu/normalize-build.js';
import { parseOption } from '../readers/qemu/parse-option.js';
import { patchAccepting } from '../readers/qemu/patched-options.js';
import { defaultValue, effectiveQemu, opaqueReason } from './effective-qemu.js';
import { judgeOption } from './judge-qemu-option.js';
import { compareQemuDevices } from './compare-qemu-devices.js';
import type { DeviceComparison } from './compare-qemu-devices.js';
import { effectiveDevices, optionLookup } from './effective-devices.js';
import type { EffectiveOption } from './effective-qemu.js';
import { qemuFinding, qemuReport } from './qemu-finding.js';

/** A candidate configure or meson invocation, and the QEMU version it builds when known (a spec's Version:). */
export interface QemuBuildCandidate {
  readonly build: Build;
  readonly version?: string;
  /** Its device files for the compared target (`loadDeviceConfig`): the device layer is compared when given. */
  readonly devices?: DeviceConfig;
  /** The QEMU source tree the device files are evaluated with (Kconfig closure); without it, declared lines only. */
  readonly tree?: QemuTree;
  /** Configure options the recipe's own patches add: words upstream's configure rejects but the patched one takes. */
  readonly patchedOptions?: readonly PatchedOption[];
}

export interface QemuCompareOptions {
  /** Evaluate the candidate for this QEMU version (`--qemu-version`); default: its own, else the reference's. */
  readonly version?: string;
  /** Evaluate the reference for this version; default: the version it pins. */
  readonly referenceVersion?: string;
}

/** Keys that are not requirements on a candidate: how Kata trims its own build, not what it needs. */
const NOT_REQUIRED = new Set(['default_features', 'default_devices']);

export function compareQemu(reference: QemuReference, candidateBuild: QemuBuildCandidate, options: QemuCompareOptions = {}): Report {
  const { build, tree } = candidateBuild;
  // A QEMU tree says which QEMU it is; a version given with the candidate says which QEMU it builds.
  const version = candidateBuild.version ?? tree?.version;
  const refVersion = options.referenceVersion ?? reference.version;
  const candVersion = options.version ?? version ?? reference.version;
  const ignored = new Map<string, Diagnostic>();
  const candidate = normalizeBuild(withoutObsolete(withoutIgnored(build, candVersion, candidateBuild.patchedOptions), candVersion, ignored));
  const refConfig = normalizeBuild(withoutObsolete(reference.build, refVersion, ignored));
  const want = effectiveQemu(refConfig, refVersion);
  const have = effectiveQemu(candidate, candVersion);
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [...refConfig.diagnostics, ...candidate.diagnostics, ...ignored.values()];
  let requirements = 0;
  for (const wanted of want.values()) {
    if (wanted.how !== 'explicit' || NOT_REQUIRED.has(wanted.key) || !isCompared(wanted.category)) continue;
    // Device selection is compared as devices (compare-qemu-devices.ts), not as an option.
    if (wanted.category === 'device-selection') continue;
    const found = have.get(wanted.key) ?? opaqueOption(candidate, wanted);
    // --target-list is configure's own, with no default to read: without it every target is built (judgeOption).
    if (!found && wanted.key !== 'target_list' && defaultValue(wanted.key, candVersion) === undefined) {
      // The version has no such option: configure does not decide it (old QEMU built vmdk unconditionally);
      // or it takes the option through a variable of configure's own whose default is not read.
      const spelling = wanted.setting!.spelling;
      const message = acceptance(spelling, candVersion).status === 'accepted'
        ? `QEMU ${candVersion} takes ${spelling}, but flagdiff has not read its default there; whether the candidate builds what it asks for is not known`
        : `QEMU ${candVersion} has no ${wanted.key} option, so whether it builds what ${spelling} asks for is not known`;
      diagnostics.push(diagnostic('FD235', message, wanted.setting!.origin));
      continue;
    }
    requirements++;
    const finding = judgeOption(wanted, found, candVersion);
    if (finding) findings.push(finding);
  }
  const versionNote = (version: string, source: string) => {
    const at = vocabularyFor(version);
    if (at.outside) {
      const range = `${QEMU_VOCABULARY_VERSIONS[0]} to ${QEMU_VOCABULARY_VERSIONS.at(-1)}`;
      diagnostics.push(diagnostic('FD235', `QEMU ${version} is outside the versions whose configure flagdiff read (${range}); options are checked against QEMU ${QEMU_VOCABULARY_VERSIONS[at.index!]}`, { file: source, line: 0 }));
    }
  };
  versionNote(refVersion, reference.build.origin.file);
  if (version === undefined && options.version === undefined) {
    diagnostics.push(diagnostic('FD235', `the candidate does not say which QEMU version it builds; it is evaluated as QEMU ${candVersion} (pass --qemu-version)`, { file: candidate.meta.source, line: 0 }));
  } else {
    versionNote(candVersion, candidate.meta.source);
  }
  if (tree?.version && !sameSeries(tree.version, candVersion)) {
    diagnostics.push(diagnostic('FD187', `the QEMU tree is QEMU ${tree.version} and the candidate is evaluated as QEMU ${candVersion}; its devices are evaluated with the tree's Kconfig`, { file: tree.root, line: 0 }));
  }
  let unmet = 0;
  if (candidateBuild.devices) {
    const layer = compareDeviceLayer(reference, candidateBuild.devices, tree, have, candVersion, diagnostics);
    for (const finding of layer.findings) findings.push(finding);
    requirements += layer.requirements;
    unmet = layer.unmet;
  }
  findings.push(...unknownOptions(reference.build, refVersion, 'reference', diagnostics));
  // The reference compared with itself (`flagdiff qemu kata`) reports its own words once.
  if (build !== reference.build) findings.push(...unknownOptions(build, candVersion, 'candidate', diagnostics, candidateBuild.patchedOptions));
  return qemuReport({
    arch: reference.arch,
    reference: { name: reference.name, source: reference.source },
    // The version the candidate was evaluated as: --qemu-version, else its own; unknown stays null.
    candidate: { source: candidate.meta.source, version: options.version ?? version ?? null },
    findings,
    requirements,
    unmet,
    diagnostics,
  });
}

/**
 * The build as its configure takes it: a configure patched to go on past options it does not know
 * (ANY_OPTION) ignores them, so they set nothing. Without such a patch they stop it (FD234).
 */
function withoutIgnored(build: Build, version: string, patched: readonly PatchedOption[] = []): Build {
  if (!patched.some((o) => o.spelling === ANY_OPTION)) return build;
  const ignored = (text: string) => !!parseOption(text) && acceptance(text, version).status === 'rejected' && patchAccepting(text, patched)?.spelling === ANY_OPTION;
  return { ...build, argv: build.argv.filter((argument) => argument.unknown || !ignored(argument.text)) };
}

/**
 * Switches a version's configure takes and ignores as obsolete (QEMU 5.2 to 7.2: `--disable-vhdx`,
 * "VHDX driver is always built") set nothing: they are dropped, each with an FD250 note, once.
 */
function withoutObsolete(build: Build, version: string, notes: Map<string, Diagnostic>): Build {
  const argv = build.argv.filter((argument) => {
    const says = argument.unknown ? undefined : obsoleteSwitch(argument.text, version);
    const key = `${argument.text} ${argument.origin.file}:${argument.origin.line}`;
    if (says && !notes.has(key)) notes.set(key, diagnostic('FD250', `QEMU ${version}'s configure ignores ${argument.text}: "${argument.text} is obsolete, ${says}"`, argument.origin));
    return !says;
  });
  return argv.length === build.argv.length ? build : { ...build, argv };
}

/** A requirement's key that the candidate does not write, after a word that may set any option. */
function opaqueOption(candidate: QemuConfigSet, wanted: EffectiveOption): EffectiveOption | undefined {
  const unknown = opaqueReason(candidate);
  return unknown ? { key: wanted.key, category: wanted.category, value: 'unknown', how: 'default', unknown } : undefined;
}

function sameSeries(a: string, b: string): boolean {
  return a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.');
}

/** The device layer (qemu-sources.md §3 rules 12-13): the closure when a tree is given, the declared lines otherwise. */
function compareDeviceLayer(
  reference: QemuReference,
  devices: DeviceConfig,
  tree: QemuTree | undefined,
  options: ReadonlyMap<string, EffectiveOption>,
  version: string,
  diagnostics: Diagnostic[],
): DeviceComparison {
  const { target } = devices.selection;
  const { built, nameUnknown } = devices.selection;
  if (built !== true || nameUnknown) {
    const why =
      built === false ? `the candidate does not build ${target}`
      : built === 'unknown' ? `whether the candidate builds ${target} is unknown (its target list is not evaluated statically)`
      : `which device file the candidate builds ${target} with is unknown (${nameUnknown})`;
    diagnostics.push(diagnostic('FD185', `${why}, so its devices are not compared`, { file: devices.settings.meta.source, line: 0 }));
    return { findings: [], requirements: 0, unmet: 0 };
  }
  const profile = reference.deviceSymbols ?? { name: reference.name, domain: 'qemu' as const, source: reference.source, requirements: new Map() };
  const lookup = optionLookup(options, version);
  const closure = tree ? effectiveDevices(tree, devices, options, reference.arch, version) : undefined;
  const layerDiagnostics = closure?.diagnostics ?? devices.settings.diagnostics;
  diagnostics.push(...layerDiagnostics);
  const compared = closure
    ? compareQemuDevices(profile, { devices, closure, root: tree!.root })
    : compareQemuDevices(profile, { devices, hostValue: (symbol) => hostSymbolValue(symbol, lookup, target, reference.arch) });
  const stops = layerDiagnostics.filter((d) => STOPS_THE_BUILD.has(d.code));
  if (stops.length === 0) return compared;
  const first = stops[0]!;
  const unbuildable = qemuFinding({
    code: 'FD248',
    kind: 'conflict',
    category: 'device',
    reasons: ['QEMU build'],
    key: `${target} devices`,
    want: 'buildable',
    have: 'stops',
    reference: { file: first.file, line: first.line },
    candidate: { file: first.file, line: first.line },
    message: `QEMU's build stops in the device layer of ${target}: ${first.message}${stops.length > 1 ? ` (and ${stops.length - 1} more; see the diagnostics)` : ''}`,
  });
  return { ...compared, findings: [...compared.findings, unbuildable] };
}

/** Reading problems that stop QEMU's configure or minikconf (the candidate's build fails there). */
const STOPS_THE_BUILD = new Set(['FD177', 'FD178', 'FD179', 'FD181', 'FD182', 'FD183', 'FD184']);

/** Every word of an invocation that its QEMU version rejects (a finding) or may reject (a diagnostic). */
function unknownOptions(build: Build, version: string, side: 'reference' | 'candidate', diagnostics: Diagnostic[], patched: readonly PatchedOption[] = []): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const argument of build.argv) {
    const { text, origin } = argument;
    // A word not evaluated is reported once, by normalizeBuild (FD340); what is left of it proves nothing.
    if (!text || seen.has(text) || argument.unknown || !parseOption(text)) continue;
    seen.add(text);
    const verdict = acceptance(text, version);
    const patch = verdict.status === 'accepted' ? undefined : patchAccepting(text, patched);
    if (patch?.spelling === ANY_OPTION) {
      diagnostics.push(diagnostic('FD249', `QEMU ${version}'s configure does not accept ${text} (${verdict.reason}); the recipe's patch at ${patch.origin.file}:${patch.origin.line} lets configure go on past it, ignored`, origin));
    } else if (patch) {
      diagnostics.push(diagnostic('FD249', `QEMU ${version}'s configure does not accept ${text} (${verdict.reason}), but the recipe's patch adds ${patch.spelling} at ${patch.origin.file}:${patch.origin.line}`, origin));
    } else if (verdict.status === 'unverified') {
      diagnostics.push(diagnostic('FD235', `cannot tell whether QEMU ${version} accepts ${text}: ${verdict.reason}`, origin));
    } else if (verdict.status === 'rejected') {
      const versionOrigin = { file: `QEMU ${version} configure`, line: 0 };
      findings.push(
        qemuFinding({
          code: 'FD234',
          kind: 'unknown-option',
          category: parseOption(text)!.category,
          key: text,
          want: `accepted by QEMU ${version}`,
          have: verdict.reason,
          message: `the ${side} passes ${text}, which QEMU ${version} does not accept (${verdict.reason}): configure stops with "ERROR: unknown option ${text}"`,
          reference: side === 'reference' ? origin : versionOrigin,
          candidate: side === 'candidate' ? origin : null,
          // Why the recipe passes it (Kata's tags), so the report groups it with its kind.
          ...(argument.tags?.length ? { reasons: argument.tags } : {}),
        }),
      );
    }
  }
  return findings;
}
