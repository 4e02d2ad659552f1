/**
 * `--format diff`: a unified diff of the normalised reference and candidate per report, made with the
 * `diff` package. Its Myers algorithm costs (lines × edits), so the edit count is capped in proportion
 * to the input (deterministic) and a timeout backs it up; past either, a plain summary replaces the diff.
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
  /** Line comparisons (lines × edits) a diff may cost before the summary is printed instead; default 25 million (about half a second). */
  readonly budget?: number;
  /** Wall-clock backstop in milliseconds; default 2000. */
  readonly timeoutMs?: number;
}

export function formatDiff(document: ReportDocument, options: DiffOptions = {}): string {
  return document.reports.map((report, i) => formatReport(report, options.sides?.[i] ?? findingSides(report), options)).join('');
}

function formatReport(report: Report, sides: DiffSides, options: DiffOptions): string {
  const title = `# ${summaryLine(report)}\n`;
  const lines = sides.reference.length + sides.candidate.length;
  const maxEditLength = Math.max(1, Math.floor((options.budget ?? 25_000_000) / Math.max(lines, 1)));
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
