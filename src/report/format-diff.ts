/**
 * `--format diff`: a unified diff of the normalised reference and candidate per report, written with
 * the `diff` package. Sides sorted by key (what `diffSides` gives) are diffed by a linear merge-join;
 * other sides by the package's Myers diff, which costs about edits² (2,000 edits: 0.2 s), so its edit
 * count is capped and a timeout backs it up. A diff past the cap is not readable either: a plain
 * summary is printed instead.
 */
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { StructuredPatchHunk } from 'diff';
import type { DiffSides } from '../compare/diff-sides.js';
import type { Report, ReportDocument } from '../model/report.js';
import { summaryLine } from './format-text.js';
import { keyedHunks } from './keyed-hunks.js';

export interface DiffOptions {
  /** The sides of each report, in report order (`diffSides`); without them, only the keys of the findings are shown. */
  readonly sides?: readonly (DiffSides | undefined)[];
  /** Lines of context around each change; default 3, as `diff -u`. */
  readonly context?: number;
  /** Most changed lines a diff may have before the summary is printed instead; default 2,000. */
  readonly maxEdits?: number;
  /** Wall-clock backstop for the Myers diff, in milliseconds; default 2000. */
  readonly timeoutMs?: number;
}

export function formatDiff(document: ReportDocument, options: DiffOptions = {}): string {
  return document.reports.map((report, i) => formatReport(report, options.sides?.[i] ?? findingSides(report), options)).join('');
}

function formatReport(report: Report, sides: DiffSides, options: DiffOptions): string {
  const title = `# ${summaryLine(report)}\n`;
  const context = options.context ?? 3;
  const maxEdits = options.maxEdits ?? 2000;
  const [reference, candidate] = [text(sides.reference), text(sides.candidate)];
  const hunks: StructuredPatchHunk[] | undefined =
    keyedHunks(sides.reference, sides.candidate, context) ??
    structuredPatch('a', 'b', reference, candidate, undefined, undefined, { context, maxEditLength: maxEdits, timeout: options.timeoutMs ?? 2000 })?.hunks;
  const edits = hunks?.reduce((n, h) => n + h.lines.filter((l) => l[0] !== ' ').length, 0);
  if (hunks === undefined || edits! > maxEdits) {
    return `${title}# The reference (${sides.reference.length} lines) and the candidate (${sides.candidate.length} lines) differ in more than ${maxEdits} lines: too much for a readable diff. Use --format text for the findings.\n`;
  }
  const patch = {
    oldFileName: `${report.reference.name}${report.arch ? `/${report.arch}` : ''}`,
    newFileName: report.candidate.source,
    oldHeader: report.reference.source,
    newHeader: report.candidate.version ?? undefined,
    hunks,
  };
  return title + formatPatch(patch, FILE_HEADERS_ONLY);
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
