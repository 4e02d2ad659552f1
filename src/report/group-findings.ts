/** The order every human-facing format shows findings in: by kind, then by the reference's reasons. */
import type { Finding, FindingKind } from '../model/finding.js';
import { FINDING_KINDS } from '../model/finding.js';

export interface ReasonGroup {
  /** The reference's reasons for these findings (Kata's fragment names), as one label. */
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface KindGroup {
  readonly kind: string;
  readonly count: number;
  readonly byReason: readonly ReasonGroup[];
}

export interface GroupedFindings {
  /** Findings left to fix, by kind in `FINDING_KINDS` order (kinds it does not list after, by name). */
  readonly open: readonly KindGroup[];
  /** Findings a waiver accepts, by the waiver's reason. */
  readonly waived: readonly ReasonGroup[];
}

const NO_REASON = '(no reason given)';

const KIND_TITLES: Readonly<Record<FindingKind, string>> = {
  conflict: 'the candidate cannot be built as written: QEMU stops',
  missing: 'required, not set by the candidate',
  disabled: 'required, turned off by the candidate',
  auto: 'required, left to the build machine by the candidate',
  module: 'required built in, built as a module by the candidate',
  unknown: 'required, not decided by what was read (a partial config, device files without a QEMU tree, a word not evaluated statically)',
  'module-unproven': 'required, built as a module that nothing shows the guest loads',
  value: 'required with another value',
  'unknown-option': 'not accepted by the QEMU version: configure stops',
  extra: 'turned off by the reference, on in the candidate (as set, or by default)',
};

/** Subjects of QEMU findings that are not options: a device, a machine, an object of the binary. */
const BINARY_PARTS: ReadonlySet<string> = new Set(['device', 'machine', 'object']);

/**
 * What a finding's `have: null` reads as: a kernel symbol or a QEMU device the candidate lacks is
 * `absent`; a QEMU option it does not write is `not set` (the version's default then decides, as its
 * message says).
 */
export function unsetLabel(finding: Finding): string {
  return finding.domain === 'qemu' && finding.category !== undefined && !BINARY_PARTS.has(finding.category) ? 'not set' : 'absent';
}

/** What a kind means, in a few words, for headings. */
export function kindTitle(kind: string): string {
  return KIND_TITLES[kind as FindingKind] ?? kind;
}

export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const open = findings.filter((f) => !f.waived);
  const kinds = [...new Set(open.map((f) => f.kind as string))].sort((a, b) => rank(a) - rank(b) || compare(a, b));
  return {
    open: kinds.map((kind) => {
      const group = open.filter((f) => f.kind === kind);
      return { kind, count: group.length, byReason: byLabel(group, (f) => f.reasons.join(', ') || NO_REASON) };
    }),
    waived: byLabel(findings.filter((f) => f.waived), (f) => f.waived!.reason),
  };
}

function byLabel(findings: readonly Finding[], labelOf: (f: Finding) => string): ReasonGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const label = labelOf(f);
    const group = groups.get(label);
    if (group) group.push(f);
    else groups.set(label, [f]);
  }
  return [...groups.keys()].sort(compare).map((label) => ({ label, findings: [...groups.get(label)!].sort((a, b) => compare(a.key, b.key)) }));
}

function rank(kind: string): number {
  const i = (FINDING_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? FINDING_KINDS.length : i;
}

/** Byte order, so output does not depend on the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
