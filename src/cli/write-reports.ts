/** Prints reports in the chosen format and turns them into the exit code, the same for every comparing command. */
import type { HostCheck, Report } from '../model/report.js';
import { severityRank } from '../model/severity.js';
import { formatJson } from '../report/format-json.js';
import { formatText } from '../report/format-text.js';
import { createReportDocument } from '../report/report-document.js';
import { chooseStyle } from './color.js';
import { EXIT } from './io.js';
import type { CliIo } from './io.js';
import type { FailOn } from './options.js';
import { writeOutput } from './write-output.js';

export interface ReportOutput {
  readonly format: 'text' | 'json';
  readonly failOn: FailOn;
  readonly output?: string | undefined;
  readonly color?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  /** `flagdiff check`: what was found on the host, printed before the reports. */
  readonly host?: HostCheck | undefined;
}

export async function writeReports(reports: readonly Report[], options: ReportOutput, io: CliIo): Promise<number> {
  const document = createReportDocument(reports, options.host);
  if (options.format === 'json') {
    await writeOutput(formatJson(document), io, options.output);
  } else {
    const style = options.output ? undefined : await chooseStyle(io, options.color);
    await writeOutput(formatText(document, { ...(style ? { style } : {}), quiet: options.quiet === true }), io, options.output);
  }
  return failed(reports, options.failOn) ? EXIT.findings : EXIT.ok;
}

/** Whether any finding is at or above the --fail-on level. */
function failed(reports: readonly Report[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn);
  return reports.some((report) => report.findings.some((finding) => severityRank(finding.severity) >= threshold));
}
