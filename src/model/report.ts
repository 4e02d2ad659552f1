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
  /** `build`: which configure invocation of a recipe with several was compared (`build-mini`). */
  readonly candidate: { readonly source: string; readonly version: string | null; readonly build?: string };
  /** Sorted by kind (in `FINDING_KINDS` order), then key. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  /** Problems met while reading either side. */
  readonly diagnostics: readonly Diagnostic[];
}

/** One input `flagdiff check` looked for on the host: where it looked, and what it found. */
export interface HostInput {
  /** `kernel config` or `QEMU binary`. */
  readonly what: string;
  /** The file used; `null` when none of the places looked at has it. */
  readonly path: string | null;
  /** Every place looked at, in order. */
  readonly looked: readonly string[];
  /** What was done with it, when not compared (`comparing its devices is not implemented yet`). */
  readonly note?: string;
}

/** What `flagdiff check` found on the machine it ran on. */
export interface HostCheck {
  /** uname -m and uname -r. */
  readonly arch: string;
  readonly release: string;
  readonly inputs: readonly HostInput[];
}

/** What `--format json` prints: the public contract, versioned by `schemaVersion`. */
export interface ReportDocument {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'flagdiff'; readonly version: string };
  /** Only from `flagdiff check`. */
  readonly host?: HostCheck;
  readonly reports: readonly Report[];
}
