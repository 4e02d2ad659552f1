/**
 * The registry of every code flagdiff reports. Layers: FD1xx reading, FD2xx comparison,
 * FD3xx not evaluated statically, FD4xx lint of the reference itself. A code is stable once
 * released and never reused; each has a section in docs/findings.md.
 */
import type { Severity } from './severity.js';

export interface CodeInfo {
  /** Short kebab-case name, stable like the code. */
  readonly name: string;
  /** Severity unless the context lowers it (e.g. a requirement Kata allows to be absent). */
  readonly severity: Severity;
  /** One sentence: what the code means. */
  readonly summary: string;
}

export const CODES = {
  FD101: {
    name: 'unexpected-line',
    severity: 'warning',
    summary: 'A line is neither an assignment, a "# CONFIG_X is not set" line, a comment nor blank.',
  },
  FD102: {
    name: 'reassigned',
    severity: 'warning',
    summary: 'A symbol is assigned more than once in one file; the last assignment wins.',
  },
  FD103: {
    name: 'invalid-value',
    severity: 'warning',
    summary: 'A value is not y, m, n, a number or a quoted string.',
  },
  FD104: {
    name: 'unreadable-input',
    severity: 'error',
    summary: 'An input cannot be read: missing, a directory, binary, too large, or corrupt.',
  },
  FD105: {
    name: 'no-settings',
    severity: 'error',
    summary: 'An input holds no setting at all, so it is not a kernel configuration.',
  },
  FD106: {
    name: 'arch-mismatch',
    severity: 'warning',
    summary: 'The candidate was built for another architecture than the one compared.',
  },
  FD140: {
    name: 'waiver-syntax',
    severity: 'error',
    summary: 'A waiver file line is not a [section], a field = value, a comment or blank; or it repeats a section or a field, or an unquoted ; or # cuts its value short.',
  },
  FD141: {
    name: 'waiver-no-reason',
    severity: 'error',
    summary: 'A waiver gives no reason.',
  },
  FD142: {
    name: 'waiver-bad-field',
    severity: 'error',
    summary: 'A waiver has an unknown field, or a field whose value is not valid (an arch, a domain, a kind, a date).',
  },
  FD201: {
    name: 'missing',
    severity: 'error',
    summary: 'The reference requires a setting that the candidate does not mention at all.',
  },
  FD202: {
    name: 'disabled',
    severity: 'error',
    summary: 'The reference requires a setting that the candidate explicitly turns off.',
  },
  FD203: {
    name: 'module',
    severity: 'error',
    summary: 'The candidate builds as a module what the reference needs built in.',
  },
  FD204: {
    name: 'value',
    severity: 'warning',
    summary: 'The candidate gives a setting another value than the reference.',
  },
  FD205: {
    name: 'extra',
    severity: 'warning',
    summary: 'The candidate enables what the reference turns off.',
  },
  FD210: {
    name: 'waiver-expired',
    severity: 'warning',
    summary: 'A waiver is past its expiry date, so the findings it matches count again.',
  },
  FD211: {
    name: 'waiver-unused',
    severity: 'warning',
    summary: 'A waiver matches no finding of the comparisons it applies to.',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Where each code is documented; the anchor is the lower-cased code. */
export const FINDINGS_DOCS_URL = 'https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md';

export function docsUrl(code: Code): string {
  return `${FINDINGS_DOCS_URL}#${code.toLowerCase()}`;
}
