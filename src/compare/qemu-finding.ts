/** Builds QEMU findings and reports: the shared shape of the option, device and binary comparisons. */
import { CODES } from '../model/codes.js';
import type { Code } from '../model/codes.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding, FindingKind } from '../model/finding.js';
import type { Origin } from '../model/origin.js';
import type { QemuSubject } from '../model/qemu-setting.js';
import type { Report } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { qemuConsequence } from '../knowledge/qemu-consequences.js';
import { sortFindings, summarize } from './summarize.js';

export interface QemuFindingInput {
  readonly code: Code;
  readonly kind: FindingKind;
  readonly category: QemuSubject;
  readonly key: string;
  readonly want: string;
  readonly have: string | null;
  readonly message: string;
  readonly reference: Origin;
  readonly candidate?: Origin | null;
  readonly reasons?: readonly string[];
  readonly severity?: Severity;
  readonly explanation?: string;
}

/** A finding with the code's severity unless given, and the user-visible consequence when one is known. */
export function qemuFinding(input: QemuFindingInput): Finding {
  const hint = input.kind === 'extra' || input.kind === 'unknown-option' ? undefined : qemuConsequence(input.key);
  return {
    code: input.code,
    kind: input.kind,
    domain: 'qemu',
    category: input.category,
    key: input.key,
    want: input.want,
    have: input.have,
    severity: input.severity ?? CODES[input.code].severity,
    reasons: input.reasons ?? [],
    message: input.message,
    reference: input.reference,
    candidate: input.candidate ?? null,
    ...(input.explanation ? { explanation: input.explanation } : {}),
    ...(hint ? { hint } : {}),
  };
}

export interface QemuReportInput {
  readonly arch: string | null;
  readonly reference: { readonly name: string; readonly source: string };
  readonly candidate: { readonly source: string; readonly version: string | null };
  readonly findings: readonly Finding[];
  /** How many requirements were checked; findings of kind `unknown-option` and `conflict` are about no requirement. */
  readonly requirements: number;
  /** Requirements not satisfied that no finding of their own reports (a required device QEMU stops on). */
  readonly unmet?: number;
  readonly diagnostics: readonly Diagnostic[];
}

export function qemuReport(input: QemuReportInput): Report {
  const summary = summarize(input.findings, input.requirements);
  const gaps = input.findings.filter((f) => f.kind !== 'unknown-option' && f.kind !== 'conflict').length;
  return {
    domain: 'qemu',
    arch: input.arch,
    reference: input.reference,
    candidate: input.candidate,
    findings: sortFindings(input.findings),
    summary: { ...summary, satisfied: input.requirements - gaps - (input.unmet ?? 0) },
    diagnostics: input.diagnostics,
  };
}
