/** Wraps reports in the versioned envelope every machine format starts from. */
import type { HostCheck, Report, ReportDocument } from '../model/report.js';

declare const __FLAGDIFF_VERSION__: string;

/** The version of this package, stamped in at build time. */
export const VERSION: string = __FLAGDIFF_VERSION__;

export function createReportDocument(reports: readonly Report[], host?: HostCheck): ReportDocument {
  return { schemaVersion: 1, tool: { name: 'flagdiff', version: VERSION }, ...(host ? { host } : {}), reports };
}
