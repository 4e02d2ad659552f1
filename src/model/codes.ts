/**
 * The registry of every code flagdiff reports, one file per layer: FD1xx reading, FD2xx comparison,
 * FD3xx not evaluated statically, FD4xx lint of the reference itself. A code is stable once released
 * and never reused; each has a section in docs/findings.md.
 */
import { COMPARISON_CODES } from './codes-comparison.js';
import { EVALUATION_CODES } from './codes-evaluation.js';
import { LINT_CODES } from './codes-lint.js';
import { READING_CODES } from './codes-reading.js';
import type { Severity } from './severity.js';

export interface CodeInfo {
  /** Short kebab-case name, stable like the code. */
  readonly name: string;
  /** Severity unless the context changes it (a refuted module is an error, a waiver marks it accepted). */
  readonly severity: Severity;
  /** One sentence: what the code means. */
  readonly summary: string;
}

export const CODES = { ...READING_CODES, ...COMPARISON_CODES, ...EVALUATION_CODES, ...LINT_CODES } as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Where each code is documented; the anchor is the lower-cased code. */
export const FINDINGS_DOCS_URL = 'https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md';

export function docsUrl(code: Code): string {
  return `${FINDINGS_DOCS_URL}#${code.toLowerCase()}`;
}
