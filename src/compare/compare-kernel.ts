/**
 * Kernel semantics (DESIGN.md §5): Kata's guest is built with MODULES off, so `m` does not satisfy
 * `y` unless the guest can load modules; `y` satisfies `m`; `# X is not set` is an explicit `n`,
 * and absent is different from `n`.
 */
import type { ConfigSet } from '../model/config-set.js';
import { CODES, type Code } from '../model/codes.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding, FindingKind } from '../model/finding.js';
import { parseKconfigValue, sameKconfigValue, tristateRank } from '../model/kconfig-value.js';
import type { Report } from '../model/report.js';
import type { Profile, Requirement } from '../model/requirement.js';
import type { Setting } from '../model/setting.js';
import { markWaived } from './apply-waivers.js';
import { summarize, sortFindings } from './summarize.js';

export interface KernelCompareOptions {
  /** The guest can load modules (a distro kernel with an initramfs): `m` then satisfies `y`. */
  readonly modules?: boolean;
}

/** The kinds a kernel comparison produces (`auto` and `unknown-option` are QEMU's). */
type KernelKind = Exclude<FindingKind, 'auto' | 'unknown-option'>;

const CODE_OF: Readonly<Record<KernelKind, Code>> = {
  missing: 'FD201',
  disabled: 'FD202',
  module: 'FD203',
  value: 'FD204',
  extra: 'FD205',
};

/**
 * One finding per unmet requirement. The reference's own allowances (`profile.waivers`, Kata's
 * whitelist) mark the findings they accept as waived, as a waiver file would.
 */
export function compareKernel(profile: Profile, candidate: ConfigSet, options: KernelCompareOptions = {}): Report {
  const unmet: Finding[] = [];
  for (const [key, requirement] of profile.requirements) {
    const have = candidate.settings.get(key);
    const kind = judge(requirement.want, have?.value, options);
    if (kind) unmet.push(toFinding(kind, requirement, have));
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
    if (wanted.value === 'y' && found.value === 'm') return options.modules ? undefined : 'module';
    return tristateRank(found.value) >= tristateRank(wanted.value) ? undefined : 'value';
  }
  return sameKconfigValue(wanted, found) ? undefined : 'value';
}

function toFinding(kind: KernelKind, requirement: Requirement, have: Setting | undefined): Finding {
  const code = CODE_OF[kind];
  return {
    code,
    kind,
    domain: 'kernel',
    key: requirement.key,
    want: requirement.want,
    have: have?.value ?? null,
    severity: requirement.severity ?? CODES[code].severity,
    reasons: requirement.reasons,
    message: messageOf(kind, requirement, have),
    reference: requirement.origin,
    candidate: have?.origin ?? null,
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
