/** Counts and ordering shared by every domain's comparison. */
import type { Finding, FindingKind } from '../model/finding.js';
import { FINDING_KINDS } from '../model/finding.js';
import type { Summary } from '../model/report.js';

/** Severities count what is left to fix (waived findings apart); `byKind` counts every difference. */
export function summarize(findings: readonly Finding[], requirements: number): Summary {
  const byKind: Partial<Record<FindingKind, number>> = {};
  const counts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const finding of findings) {
    counts[finding.waived ? 'waived' : finding.severity]++;
    byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
  }
  return { requirements, satisfied: requirements - findings.length, ...counts, byKind };
}

/** Kind order first (what breaks a guest before what widens it), then key in byte order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const byKind = new Map<FindingKind, Finding[]>(FINDING_KINDS.map((kind) => [kind, []]));
  for (const finding of findings) byKind.get(finding.kind)!.push(finding);
  return [...byKind.values()].flatMap((group) => group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
}
