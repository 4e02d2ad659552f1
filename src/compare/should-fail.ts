/** The exit status of the public contract, for the CLI and for bots that run the library. */
import type { Report } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { severityRank } from '../model/severity.js';

/** `--fail-on`: the least severity that fails a run, or `never`. */
export type FailOn = Severity | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

/**
 * Whether a run fails (exit 1): an unwaived finding, a finding about a waiver (FD210-FD219: an expired
 * or unused waiver, carried as a diagnostic at the waiver's line), or a diagnostic at level `error` (part
 * of an input was lost: a macro that recursed, a device file the build stops on), at or above `failOn`.
 * Warnings and notes of the readers inform without failing; an unreadable input is an error before any
 * report exists (exit 2).
 */
export function shouldFail(reports: readonly Report[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn);
  return reports.some(
    (report) =>
      report.findings.some((f) => !f.waived && severityRank(f.severity) >= threshold) ||
      report.diagnostics.some((d) => (d.code.startsWith('FD21') || d.level === 'error') && severityRank(d.level) >= threshold),
  );
}
