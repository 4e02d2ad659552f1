/**
 * Kernel semantics (DESIGN.md §5): Kata's guest is built with MODULES off, so `m` does not satisfy
 * `y` unless the guest can load modules and its initramfs is shown to carry the module; `y`
 * satisfies `m`; `# X is not set` is an explicit `n`; absent is different from `n`, and in a
 * partial config (Fedora dist-git) absent is unknown, since derived symbols are never written there.
 */
import type { ConfigSet } from '../model/config-set.js';
import { CODES, type Code } from '../model/codes.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding, FindingKind } from '../model/finding.js';
import { parseKconfigValue, sameKconfigValue, tristateRank } from '../model/kconfig-value.js';
import type { ModuleEvidence } from '../model/module-evidence.js';
import type { Report } from '../model/report.js';
import type { Profile, Requirement } from '../model/requirement.js';
import type { Setting } from '../model/setting.js';
import { markWaived } from './apply-waivers.js';
import { summarize, sortFindings } from './summarize.js';

export interface KernelCompareOptions {
  /**
   * The guest can load modules (a distro kernel with an initramfs): `m` for `y` is then a
   * `module-unproven` finding unless `moduleEvidence` names the module.
   */
  readonly modules?: boolean;
  /** The modules the guest's initramfs carries; implies `modules`. */
  readonly moduleEvidence?: ModuleEvidence;
  /** The modules a symbol builds when set to `m` (kbuild `obj-$(CONFIG_X) += name.o`); undefined when not known. */
  readonly moduleNamesOf?: (key: string) => readonly string[] | undefined;
}

/** The kinds a kernel comparison produces (`auto`, `unknown-option` and `conflict` are QEMU's). */
type KernelKind = Exclude<FindingKind, 'auto' | 'unknown-option' | 'conflict'>;

const CODE_OF: Readonly<Record<KernelKind, Code>> = {
  missing: 'FD201',
  disabled: 'FD202',
  module: 'FD203',
  unknown: 'FD220',
  'module-unproven': 'FD221',
  value: 'FD204',
  extra: 'FD205',
};

/**
 * One finding per unmet requirement. The reference's own allowances (`profile.waivers`, Kata's
 * whitelist) mark the findings they accept as waived, as a waiver file would.
 */
export function compareKernel(profile: Profile, candidate: ConfigSet, options: KernelCompareOptions = {}): Report {
  const unmet: Finding[] = [];
  const partial = candidate.meta.shape === 'partial';
  const loadsModules = { ...options, modules: options.modules === true || options.moduleEvidence !== undefined };
  for (const [key, requirement] of profile.requirements) {
    const have = candidate.settings.get(key);
    let kind = judge(requirement.want, have?.value, loadsModules);
    if (kind === 'missing' && partial) kind = 'unknown';
    if (kind === 'module-unproven') {
      const proof = proveModule(key, options);
      if (proof.loaded) continue;
      unmet.push(toFinding(kind, requirement, have, proof));
    } else if (kind) {
      unmet.push(toFinding(kind, requirement, have));
    }
  }
  const arch = profile.arch ?? candidate.meta.arch ?? null;
  const findings = profile.waivers ? markWaived(unmet, [profile.waivers], arch) : unmet;
  return {
    domain: 'kernel',
    arch,
    reference: { name: profile.name, source: profile.source },
    candidate: { source: candidate.meta.source, version: candidate.meta.version ?? null },
    findings: sortFindings(findings),
    summary: summarize(findings, profile.requirements.size),
    diagnostics: [...candidate.diagnostics, ...archDiagnostics(profile, candidate)],
  };
}

/** The kind of gap between a wanted and a found value, or `undefined` when the requirement holds. */
export function judge(want: string, have: string | undefined, options: KernelCompareOptions = {}): KernelKind | undefined {
  const wanted = parseKconfigValue(want);
  if (have === undefined) return wanted.type === 'tristate' && wanted.value === 'n' ? undefined : 'missing';
  const found = parseKconfigValue(have);
  if (wanted.type === 'tristate' && wanted.value === 'n') {
    return found.type === 'tristate' && found.value !== 'n' ? 'extra' : undefined;
  }
  if (found.type === 'tristate' && found.value === 'n') return 'disabled';
  if (wanted.type === 'tristate' && found.type === 'tristate') {
    if (wanted.value === 'y' && found.value === 'm') return options.modules ? 'module-unproven' : 'module';
    return tristateRank(found.value) >= tristateRank(wanted.value) ? undefined : 'value';
  }
  return sameKconfigValue(wanted, found) ? undefined : 'value';
}

/** Whether the evidence names a module the symbol builds, and if not, why not in one sentence. */
interface ModuleProof {
  readonly loaded: boolean;
  readonly why: string;
  /** The evidence was given and the known module is not in it: as bad as a module that is never loaded. */
  readonly refuted: boolean;
}

function proveModule(key: string, { moduleEvidence, moduleNamesOf }: KernelCompareOptions): ModuleProof {
  if (!moduleEvidence) return { loaded: false, refuted: false, why: 'No initramfs evidence was given (a dracut drivers list or a module list file).' };
  const names = moduleNamesOf?.(key);
  if (!names || names.length === 0) return { loaded: false, refuted: false, why: `flagdiff does not know which module ${key} builds, so the evidence cannot show it.` };
  if (names.some((name) => moduleEvidence.modules.has(name))) return { loaded: true, refuted: false, why: '' };
  return { loaded: false, refuted: true, why: `${key} builds ${names.join(', ')}, which ${moduleEvidence.sources.join(', ')} does not list.` };
}

function toFinding(kind: KernelKind, requirement: Requirement, have: Setting | undefined, proof?: ModuleProof): Finding {
  const code = CODE_OF[kind];
  const severity = proof?.refuted ? 'error' : (requirement.severity ?? CODES[code].severity);
  return {
    code,
    kind,
    domain: 'kernel',
    key: requirement.key,
    want: requirement.want,
    have: have?.value ?? null,
    severity,
    reasons: requirement.reasons,
    message: messageOf(kind, requirement, have),
    reference: requirement.origin,
    candidate: have?.origin ?? null,
    // What each kind means is documented once per code (docs/findings.md); an explanation here says more.
    ...(proof?.why ? { explanation: proof.why } : {}),
  };
}

function messageOf(kind: KernelKind, { key, want }: Requirement, have: Setting | undefined): string {
  switch (kind) {
    case 'missing':
      return `${key}=${want} is required, but the candidate does not set ${key}`;
    case 'disabled':
      return `${key}=${want} is required, but the candidate has ${key} not set`;
    case 'module':
      return `${key}=${want} is required built in, but the candidate builds it as a module`;
    case 'unknown':
      return `${key}=${want} is required, and the candidate, a partial config, leaves ${key} to the build`;
    case 'module-unproven':
      return `${key}=${want} is required, and the candidate builds it as a module that nothing shows the guest loads`;
    case 'value':
      return `${key}=${want} is required, but the candidate has ${key}=${have?.value}`;
    case 'extra':
      return `${key} is turned off by the reference, but the candidate has ${key}=${have?.value}`;
  }
}

function archDiagnostics(profile: Profile, candidate: ConfigSet): Diagnostic[] {
  const { arch, declaredArch } = candidate.meta;
  if (!profile.arch || (!arch && !declaredArch) || arch === profile.arch) return [];
  const line = candidate.meta.shape === 'partial' ? 1 : 0;
  return [diagnostic('FD106', `the candidate is a ${declaredArch ?? arch} configuration, compared with the ${profile.arch} reference`, { file: candidate.meta.source, line })];
}
