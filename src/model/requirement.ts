/** What a reference (Kata) requires of a candidate, and why. */
import type { Domain } from './config-set.js';
import type { Origin } from './origin.js';
import type { Assignment } from './setting.js';
import type { Severity } from './severity.js';
import type { WaiverSet } from './waiver.js';

export interface Requirement {
  readonly key: string;
  /** The value the reference sets, written as in its format (kernel: `y`, `m`, `n`, `240`, `"str"`). */
  readonly want: string;
  /** Why: Kata's tags or the names of the fragments that ask for it. */
  readonly reasons: readonly string[];
  /** The assignment that decided `want` (the last writer). */
  readonly origin: Origin;
  /** Earlier assignments the last one overrode, oldest first. */
  readonly writers?: readonly Assignment[];
  /** Overrides the finding code's severity. */
  readonly severity?: Severity;
}

/** A named set of requirements for one domain and architecture, with where it came from. */
export interface Profile {
  readonly name: string;
  readonly domain: Domain;
  /** Human-readable origin: a checkout path, or the upstream commit of a built-in profile. */
  readonly source: string;
  readonly arch?: string;
  readonly flavor?: string;
  /** Versions the reference targets (`kernel: 6.18.35`, `qemu: 11.0.1`) and its commit. */
  readonly meta?: Readonly<Record<string, string>>;
  /** Keyed by setting name, in the reference's order. */
  readonly requirements: ReadonlyMap<string, Requirement>;
  /**
   * What the reference itself lets a candidate leave out (Kata's whitelist.conf: symbols renamed or
   * removed across kernel versions), applied by the comparison like a waiver file.
   */
  readonly waivers?: WaiverSet;
}
