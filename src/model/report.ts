/** The result of comparing one candidate with one reference, and the document that carries several. */
import type { Domain } from './config-set.js';
import type { Diagnostic } from './diagnostic.js';
import type { Finding, FindingKind } from './finding.js';

export interface Summary {
  /** Distinct keys the reference sets. Each is either satisfied or the subject of exactly one finding. */
  readonly requirements: number;
  readonly satisfied: number;
  /** Findings of each severity, waived ones left out. */
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Findings a waiver accepts, whatever their severity. */
  readonly waived: number;
  /** Every finding of each kind, waived or not. */
  readonly byKind: Readonly<Partial<Record<FindingKind, number>>>;
}

export interface Report {
  readonly domain: Domain;
  /** uname arch the comparison is for; `null` when neither side names one. */
  readonly arch: string | null;
  readonly reference: { readonly name: string; readonly source: string };
  readonly candidate: { readonly source: string; readonly version: string | null };
  /** Sorted by kind (in `FINDING_KINDS` order), then key. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  /** Problems met while reading either side. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What `--format json` prints: the public contract, versioned by `schemaVersion`. */
export interface ReportDocument {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'flagdiff'; readonly version: string };
  readonly reports: readonly Report[];
}
