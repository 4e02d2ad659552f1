/** One way a candidate falls short of, or goes beyond, a reference requirement. */
import type { Code } from './codes.js';
import type { Domain } from './config-set.js';
import type { Origin } from './origin.js';
import type { QemuSubject } from './qemu-setting.js';
import type { Severity } from './severity.js';
import type { Waived } from './waiver.js';

/**
 * - `conflict`: the candidate cannot be built as written (QEMU's minikconf stops on a contradiction).
 * - `missing`: the reference needs it, the candidate does not mention it.
 * - `disabled`: the candidate explicitly turns it off.
 * - `module`: built as a module where built-in is needed.
 * - `value`: another value.
 * - `auto`: the candidate leaves to the build machine what the reference requires (QEMU features).
 * - `unknown-option`: an option the QEMU version does not accept.
 * - `extra`: the candidate enables what the reference turns off.
 * - `unknown`: whether the candidate has it cannot be told from what was read; it is decided at build
 *   time (a partial kernel config such as Fedora's dist-git; QEMU device files read without a QEMU tree).
 * - `module-unproven`: a module where the guest can load modules, without evidence that it is loaded.
 */
export type FindingKind = 'conflict' | 'missing' | 'disabled' | 'auto' | 'module' | 'unknown' | 'module-unproven' | 'value' | 'unknown-option' | 'extra';

/** Kinds in report order: what cannot build first, what breaks a guest next, what is unproven, what widens it last. */
export const FINDING_KINDS: readonly FindingKind[] = ['conflict', 'missing', 'disabled', 'auto', 'module', 'unknown', 'module-unproven', 'value', 'unknown-option', 'extra'];

/** What a user would see if the gap is left, and how to avoid it. */
export interface Hint {
  readonly symptom: string;
  readonly fix: string;
}

export interface Finding {
  readonly code: Code;
  readonly kind: FindingKind;
  readonly domain: Domain;
  /** QEMU: what the finding is about (a feature, a hardening option, a device, ...). */
  readonly category?: QemuSubject;
  readonly key: string;
  /** The reference's value. */
  readonly want: string;
  /** The candidate's value; `null` when the candidate does not mention the key at all. */
  readonly have: string | null;
  readonly severity: Severity;
  /** Why the reference wants it (Kata's tags, fragment names). */
  readonly reasons: readonly string[];
  /** One sentence naming the key, what is wanted and what was found. */
  readonly message: string;
  readonly reference: Origin;
  readonly candidate: Origin | null;
  /** Why it matters, in a sentence or two. */
  readonly explanation?: string;
  readonly hint?: Hint;
  /** Set when a waiver (a waiver file, or the reference's own allowances) accepts the finding: it then leaves the exit code alone. */
  readonly waived?: Waived;
}
