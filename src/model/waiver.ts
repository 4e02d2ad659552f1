/** Findings a reviewer accepts: by key or glob, per arch, domain or kind, with a reason and an optional expiry. */
import type { Domain } from './config-set.js';
import type { FindingKind } from './finding.js';
import type { Origin } from './origin.js';

export interface Waiver {
  /** The key, or a glob over keys: `*` any run of characters, `?` one character (`CONFIG_NF_NAT_*`). */
  readonly key: string;
  /** Why the difference is accepted; shown wherever the waived finding is. */
  readonly reason: string;
  /** Only for these arches (uname names); every arch when absent. */
  readonly arches?: readonly string[];
  /** Only for these domains; every domain when absent. */
  readonly domains?: readonly Domain[];
  /** Only for these kinds of finding (Kata's whitelist waives `missing` only); every kind when absent. */
  readonly kinds?: readonly FindingKind[];
  /** The last day the waiver holds, `YYYY-MM-DD`; from the next day (UTC) it is expired. */
  readonly expires?: string;
  /** Where the waiver is written: its section header, or the whole file (line 0). */
  readonly origin: Origin;
}

/** The waivers of one file, or the reference's own allowances. */
export interface WaiverSet {
  /** The file they were read from. */
  readonly source: string;
  /** The reference's own allowances (Kata's whitelist.conf): applied by the comparison, never reported unused. */
  readonly builtIn: boolean;
  readonly waivers: readonly Waiver[];
}

/** On a finding: the waiver that accepted it. JSON and SARIF keep waived findings, marked with this. */
export interface Waived {
  readonly reason: string;
  /** The waiver's key or glob, as written. */
  readonly pattern: string;
  readonly file: string;
  readonly line: number;
  readonly expires?: string;
  /** Set when the reference itself allows it (Kata's whitelist), not a waiver file. */
  readonly builtIn?: true;
}

/** What a waiver is matched against: a finding, in the arch of its report. */
export interface WaiverTarget {
  readonly key: string;
  readonly kind: FindingKind;
  readonly domain: Domain;
  readonly arch: string | null;
}

/** Whether a waiver covers a finding, expiry aside. */
export function waives(waiver: Waiver, target: WaiverTarget): boolean {
  return inScope(waiver, target.domain, target.arch) && (!waiver.kinds || waiver.kinds.includes(target.kind)) && matchesKey(waiver.key, target.key);
}

/** Whether a waiver applies to a report of this domain and arch at all. */
export function inScope(waiver: Waiver, domain: Domain, arch: string | null): boolean {
  return (!waiver.domains || waiver.domains.includes(domain)) && (!waiver.arches || (arch !== null && waiver.arches.includes(arch)));
}

/** `Waived` for a finding accepted by `waiver` of `set`. */
export function waivedBy(waiver: Waiver, set: WaiverSet): Waived {
  return {
    reason: waiver.reason,
    pattern: waiver.key,
    file: waiver.origin.file,
    line: waiver.origin.line,
    ...(waiver.expires ? { expires: waiver.expires } : {}),
    ...(set.builtIn ? { builtIn: true as const } : {}),
  };
}

/**
 * Glob match over the whole key: `*` any run of characters, `?` exactly one, anything else itself.
 * Greedy with one backtrack point (the last `*`), so time is at most key × pattern, whatever the input.
 */
export function matchesKey(pattern: string, key: string): boolean {
  let p = 0;
  let k = 0;
  let star = -1;
  let resume = 0;
  while (k < key.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === key[k]))) {
      p++;
      k++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = k;
    } else if (star >= 0) {
      p = star + 1;
      k = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
