/**
 * `--format diff`: a unified diff of the normalised reference and candidate per report, made with the
 * `diff` package. Its Myers algorithm costs about edits² (2,000 edits: 0.2 s; bench/report.mjs), so the
 * edit count is capped (deterministic) and a timeout backs it up; past either, a plain summary is printed.
 */
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import type { DiffSides } from '../compare/diff-sides.js';
import type { Report, ReportDocument } from '../model/report.js';
import { summaryLine } from './format-text.js';

export interface DiffOptions {
  /** The sides of each report, in report order (`diffSides`); without them, only the keys of the findings are shown. */
  readonly sides?: readonly (DiffSides | undefined)[];
  /** Lines of context around each change; default 3, as `diff -u`. */
  readonly context?: number;
  /** Most changed lines a diff may have before the summary is printed instead; default 2,000. */
  readonly maxEdits?: number;
  /** Wall-clock backstop in milliseconds; default 2000. */
  readonly timeoutMs?: number;
}

export function formatDiff(document: ReportDocument, options: DiffOptions = {}): string {
  return document.reports.map((report, i) => formatReport(report, options.sides?.[i] ?? findingSides(report), options)).join('');
}

function formatReport(report: Report, sides: DiffSides, options: DiffOptions): string {
  const title = `# ${summaryLine(report)}\n`;
  const maxEditLength = options.maxEdits ?? 2000;
  const arch = report.arch ? `/${report.arch}` : '';
  const patch = createTwoFilesPatch(
    `${report.reference.name}${arch}`,
    report.candidate.source,
    text(sides.reference),
    text(sides.candidate),
    report.reference.source,
    report.candidate.version ?? undefined,
    { context: options.context ?? 3, maxEditLength, timeout: options.timeoutMs ?? 2000, headerOptions: FILE_HEADERS_ONLY },
  );
  if (patch !== undefined) return title + patch;
  return `${title}# The reference (${sides.reference.length} lines) and the candidate (${sides.candidate.length} lines) differ in more than ${maxEditLength} lines: too much for a readable diff. Use --format text for the findings.\n`;
}

/** A line list as file text, with a final newline so the diff has no "\ No newline at end of file". */
function text(lines: readonly string[]): string {
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Without the inputs, the keys the findings name: what the reference wants, what the candidate has. */
function findingSides(report: Report): DiffSides {
  const findings = [...report.findings].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    reference: findings.map((f) => `${f.key}=${f.want}`),
    candidate: findings.flatMap((f) => (f.have === null ? [] : [`${f.key}=${f.have}`])),
  };
}
