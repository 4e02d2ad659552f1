/** `flagdiff kernel`: kernel configs against Kata's guest-kernel requirements (built in, or a checkout's) or given fragments. */
import { compareKernel } from '../compare/compare-kernel.js';
import type { KernelCompareOptions } from '../compare/compare-kernel.js';
import type { Arch } from '../model/arch.js';
import type { ConfigSet } from '../model/config-set.js';
import { profileFromConfig } from '../model/profile-from-config.js';
import type { Report } from '../model/report.js';
import type { Profile } from '../model/requirement.js';
import { KERNEL_LAYOUTS, loadKernelCandidate } from '../readers/kconfig/load-kernel-candidate.js';
import type { KernelLayout } from '../readers/kconfig/load-kernel-candidate.js';
import { kataKernelRequirements } from '../readers/kata/kernel-requirements.js';
import { loadFragments } from '../readers/kconfig/load-kconfig.js';
import type { ReadHost } from '../readers/host.js';
import { loadModuleEvidence } from '../readers/modules/load-module-evidence.js';
import { UsageError } from './io.js';
import type { CliIo } from './io.js';
import { isKataReference, loadKataSource, orUsageError } from './kata-source.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, REPORT_OPTIONS, oneOf, parseArches, parseCommand } from './options.js';
import { reportOutputOf, writeReports } from './write-reports.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r', multiple: true },
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  'kernel-version': { type: 'string' },
  modules: { type: 'boolean' },
  'initramfs-modules': { type: 'string', multiple: true },
  layout: { type: 'string' },
  variant: { type: 'string' },
  ...REPORT_OPTIONS,
} as const;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const output = reportOutputOf(values);
  const arches = parseArches(values.arch);
  if (positionals.length === 0) throw new UsageError('no CANDIDATE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const references = values.reference ?? ['kata'];
  const kataName = references.length === 1 && (await isKataReference(references[0]!, host)) ? references[0]! : undefined;
  const kernelVersion = values['kernel-version'];
  const kata = kataName ? await loadKataSource(kataName, host, { for: 'kernel', ...(kernelVersion ? { kernelVersion } : {}) }) : undefined;
  if (kata && !kata.kernel) throw new UsageError(`the ${kata.name} reference has no guest-kernel profile (it is for QEMU)`);
  const fragments = kata ? undefined : await loadFragments(references, host);

  const layout = values.layout === undefined ? undefined : oneOf('layout', values.layout, KERNEL_LAYOUTS);
  const compareOptions = await moduleOptions(values.modules === true, values['initramfs-modules'] ?? [], host);

  const builtIns = new Map<Arch, Profile>();
  const loaded = new Map<string, Promise<ConfigSet>>();
  const compared: Array<{ profile: Profile; candidate: ConfigSet; report: Report }> = [];
  for (const path of positionals) {
    for (const asked of arches.length ? arches : [undefined]) {
      const candidate = await loadCandidate(loaded, path, host, { layout, variant: values.variant, arch: asked });
      const arch = asked ?? (candidate.meta.arch as Arch | undefined);
      if (kata && !arch) {
        throw new UsageError(`cannot tell which architecture ${path} is for (no "# Linux/<arch> ... Kernel Configuration" header); pass --arch`);
      }
      const profile = fragments
        ? referenceProfile(fragments, references, arch)
        : (builtIns.get(arch!) ?? builtIns.set(arch!, orUsageError(() => kataKernelRequirements(kata!.kernel!, arch!, values.flavor, kernelVersion))).get(arch!)!);
      const report = compareKernel(profile, candidate, compareOptions.options);
      // A checkout read live is what the user is checking too: its lints and reading problems belong in the report.
      const more = [...compareOptions.diagnostics, ...(kata?.live ? [...kata.diagnostics, ...kata.kernel!.lints] : [])];
      const withEvidence = more.length ? { ...report, diagnostics: [...report.diagnostics, ...more] } : report;
      compared.push({ profile, candidate, report: withEvidence });
    }
  }

  const reports = compared.map((c) => c.report);
  const sides = async () => {
    const { diffSides } = await import('../compare/diff-sides.js');
    return compared.map((c) => diffSides(c.profile, c.candidate));
  };
  return writeReports(reports, { ...output, sides }, io);
}

export type Knowledge = typeof import('../knowledge/kata-kernel-profile.js');

interface CandidateChoice {
  readonly layout: KernelLayout | undefined;
  readonly variant: string | undefined;
  readonly arch: Arch | undefined;
}

/** Each candidate is read once per arch asked for: a tree is evaluated for that arch. */
function loadCandidate(loaded: Map<string, Promise<ConfigSet>>, path: string, host: ReadHost, options: CandidateChoice): Promise<ConfigSet> {
  const key = JSON.stringify([path, options.layout, options.variant, options.arch]);
  const { layout, variant, arch } = options;
  let set = loaded.get(key);
  if (!set) loaded.set(key, (set = loadKernelCandidate(path, host, { ...(layout ? { layout } : {}), ...(variant ? { variant } : {}), ...(arch ? { arch } : {}) })));
  return set;
}

/** --modules and --initramfs-modules: the evidence read, and the symbol-to-module knowledge loaded only then. */
export async function moduleOptions(modules: boolean, evidencePaths: readonly string[], host: ReadHost) {
  if (!modules && evidencePaths.length === 0) return { options: {} satisfies KernelCompareOptions, diagnostics: [] };
  const { kernelModuleNames } = await import('../knowledge/kernel-module-names.js');
  if (evidencePaths.length === 0) return { options: { modules: true, moduleNamesOf: kernelModuleNames } satisfies KernelCompareOptions, diagnostics: [] };
  const { evidence, diagnostics } = await loadModuleEvidence(evidencePaths, host);
  return { options: { modules: true, moduleEvidence: evidence, moduleNamesOf: kernelModuleNames } satisfies KernelCompareOptions, diagnostics };
}

/** The built-in profile of an arch and flavour; one Kata does not build is a usage error saying why. */
export function builtInProfile(kata: Knowledge, arch: Arch, flavor: string): Profile {
  return orUsageError(() => kata.kataKernelProfile(arch, flavor));
}

function referenceProfile(fragments: ConfigSet, references: readonly string[], arch: Arch | undefined): Profile {
  return profileFromConfig(fragments, { name: 'reference', source: references.join(', '), ...(arch ? { arch } : {}) });
}
