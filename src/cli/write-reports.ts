/**
 * Prints reports in the chosen format and turns them into the exit code, the same for every comparing
 * command: waiver files applied across the reports, the document rendered, written (atomically with -o),
 * and the exit status of the contract.
 */
import { applyWaivers } from '../compare/apply-waivers.js';
import type { DiffSides } from '../compare/diff-sides.js';
import type { FailOn } from '../compare/should-fail.js';
import { shouldFail } from '../compare/should-fail.js';
import type { HostCheck, Report } from '../model/report.js';
import type { WaiverSet } from '../model/waiver.js';
import { createReportDocument } from '../report/report-document.js';
import { EXIT } from './io.js';
import type { CliIo } from './io.js';
import { nodeHost } from './node-host.js';
import { FAIL_ON, oneOf, parseCategory } from './options.js';
import { FORMATS, renderDocument } from './render-document.js';
import type { Format } from './render-document.js';
import { writeOutput } from './write-output.js';

export interface ReportOutput {
  readonly format: Format;
  readonly failOn: FailOn;
  readonly output?: string | undefined;
  readonly color?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  /** `flagdiff check`: what was found on the host, printed before the reports. */
  readonly host?: HostCheck | undefined;
  /** `--waivers FILE`, repeatable. */
  readonly waivers?: readonly string[] | undefined;
  /** `--category NAME`: which run this is, for a bot (the SARIF category, the Markdown comment's marker). */
  readonly category?: string | undefined;
  /** For `--format diff`: the normalised sides of each report, when the command has them. */
  readonly sides?: (() => Promise<readonly DiffSides[]>) | undefined;
}

/** The report options every comparing command takes (`--format`, `--fail-on`, `-o`, ...), checked before anything is read. */
export function reportOutputOf(values: {
  readonly format: string;
  readonly 'fail-on': string;
  readonly output?: string | undefined;
  readonly color?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  readonly waivers?: string[] | undefined;
  readonly category?: string | undefined;
}): ReportOutput {
  return {
    format: oneOf('format', values.format, FORMATS),
    failOn: oneOf('fail-on', values['fail-on'], FAIL_ON),
    output: values.output,
    color: values.color,
    quiet: values.quiet,
    waivers: values.waivers,
    category: parseCategory(values.category),
  };
}

export async function writeReports(compared: readonly Report[], options: ReportOutput, io: CliIo): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const reports = applyWaivers(compared, await loadWaiverSets(options.waivers ?? [], io), { today });
  const text = await renderDocument(options.format, createReportDocument(reports, options.host), {
    io,
    color: options.color,
    quiet: options.quiet === true,
    output: options.output,
    ...(options.category === undefined ? {} : { category: options.category }),
    ...(options.format === 'diff' && options.sides ? { sides: await options.sides() } : {}),
  });
  await writeOutput(text, io, options.output);
  return shouldFail(reports, options.failOn) ? EXIT.findings : EXIT.ok;
}

/** The reader, and the `ini` package, load only when a waiver file is given. */
async function loadWaiverSets(paths: readonly string[], io: CliIo): Promise<WaiverSet[]> {
  if (paths.length === 0) return [];
  const { loadWaivers } = await import('../readers/waivers/load-waivers.js');
  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  return Promise.all(paths.map((path) => loadWaivers(path, host)));
}
