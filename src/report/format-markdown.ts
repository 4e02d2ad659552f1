/**
 * `--format markdown`: for a pull-request comment or `$GITHUB_STEP_SUMMARY`. A hidden marker lets a
 * bot find and update its own comment; a table sums up each report (one row per arch); findings sit
 * in a collapsible section per kind, linked to docs/findings.md. GitHub refuses comment bodies over
 * 65,536 characters, so rows are dropped past `maxLength` and the comment says how many.
 */
import { CODES, docsUrl } from '../model/codes.js';
import type { Code } from '../model/codes.js';
import type { Finding } from '../model/finding.js';
import { formatOrigin } from '../model/origin.js';
import type { Report, ReportDocument } from '../model/report.js';
import { groupFindings, kindTitle, unsetLabel } from './group-findings.js';
import { code, escapeHtml, text } from './markdown-escape.js';

export interface MarkdownOptions {
  /** Most characters (UTF-16 code units) of the output; default 65,000, under GitHub's 65,536 for a comment. */
  readonly maxLength?: number;
  /** Text of the hidden marker after `flagdiff:report`; default: the domains and arches of the reports. */
  readonly marker?: string;
}

/** A collapsible block whose rows can be dropped to fit the cap. */
interface Section {
  readonly head: string;
  readonly rows: readonly string[];
}

/** A report as fixed lines and sections, in output order. */
type Part = string | Section;

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️', ok: '✅' } as const;

export function formatMarkdown(document: ReportDocument, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 65_000;
  const parts: Part[] = [header(document, options.marker), ...document.reports.flatMap(reportParts)];
  const sections = parts.filter((p): p is Section => typeof p !== 'string');
  const total = sections.reduce((n, s) => n + s.rows.length, 0);
  const full = render(parts, sections.map((s) => s.rows.length), total);
  if (full.length <= maxLength) return full;

  // Every part at zero rows, with every cut note at its longest, is the fixed cost; rows share the rest,
  // each section in turn getting an even share of what is left, so that every arch keeps some rows.
  const fixed = render(parts, sections.map(() => 0), total, total).length;
  let budget = maxLength - fixed;
  const shown = sections.map((section, i) => {
    let share = Math.floor(budget / (sections.length - i));
    let n = 0;
    while (n < section.rows.length && section.rows[n]!.length + 1 <= share) share -= section.rows[n++]!.length + 1;
    budget -= section.rows.slice(0, n).reduce((sum, row) => sum + row.length + 1, 0);
    return n;
  });
  return render(parts, shown, total);
}

function render(parts: readonly Part[], shown: readonly number[], total: number, longest?: number): string {
  const out: string[] = [];
  let s = 0;
  let hidden = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    const n = shown[s++]!;
    const left = longest ?? part.rows.length - n;
    hidden += part.rows.length - n;
    out.push(part.head, ...part.rows.slice(0, n));
    if (left > 0) out.push('', `_… ${left} more not shown here: the comment is cut to stay under GitHub's 65,536-character limit._`);
    out.push('', '</details>', '');
  }
  if (longest !== undefined || hidden > 0) {
    out.push(`> **${longest ?? hidden} of ${total} rows are not shown** to keep this comment under GitHub's 65,536-character limit; \`flagdiff --format text\` or \`--format json\` lists them all.`, '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The reasons, then what a Kata user would see and how to avoid it, when flagdiff knows. */
function why(f: Finding): string {
  const reasons = text(f.reasons.join(', '));
  return f.hint ? `${reasons}<br>**seen:** ${text(f.hint.symptom)}<br>**fix:** ${text(f.hint.fix)}` : reasons;
}

function header(document: ReportDocument, marker: string | undefined): string {
  const reports = document.reports;
  const id = marker ?? [...new Set(reports.map((r) => r.domain))].join(',') + ' ' + [...new Set(reports.map((r) => r.arch ?? 'any'))].join(',');
  const sum = (key: 'error' | 'warning' | 'info' | 'waived') => reports.reduce((n, r) => n + r.summary[key], 0);
  const verdict = sum('error') ? ICON.error : sum('warning') ? ICON.warning : ICON.ok;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = `${plural(sum('error'), 'error')}, ${plural(sum('warning'), 'warning')}, ${sum('info')} info${sum('waived') ? `, ${sum('waived')} waived` : ''}`;
  const rows = reports.map((r) => {
    const s = r.summary;
    const icon = s.error ? ICON.error : s.warning ? ICON.warning : ICON.ok;
    const candidate = `${code(r.candidate.source)}${r.candidate.build ? ` ${code(r.candidate.build)}` : ''}${r.candidate.version ? ` ${text(r.candidate.version)}` : ''}`;
    return `| ${icon} | ${text(r.domain)} | ${text(r.arch ?? '')} | ${candidate} | ${s.requirements} | ${s.satisfied} | ${s.error} | ${s.warning} | ${s.info} | ${s.waived} |`;
  });
  return [
    `<!-- flagdiff:report ${id.replace(/--+/g, '-')} -->`,
    `### ${verdict} flagdiff: ${counts}`,
    '',
    '| | domain | arch | candidate | requirements | satisfied | errors | warnings | info | waived |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

function reportParts(report: Report): Part[] {
  const candidate = `${code(report.candidate.source)}${report.candidate.build ? ` ${code(report.candidate.build)}` : ''}${report.candidate.version ? ` (${text(report.candidate.version)})` : ''}`;
  const parts: Part[] = [`#### ${text(`${report.domain}${report.arch ? ` ${report.arch}` : ''}`)}: ${text(report.reference.name)} (${code(report.reference.source)}) vs ${candidate}`, ''];
  if (report.diagnostics.length) {
    parts.push({
      head: [
        `<details><summary><b>diagnostics</b> (${report.diagnostics.length}): what flagdiff could not read, tell or accept</summary>`,
        '',
        '| | code | where | message |',
        '|---|---|---|---|',
      ].join('\n'),
      rows: report.diagnostics.map((d) => `| ${ICON[d.level]} | [${d.code}](${docsUrl(d.code)}) | ${code(`${d.file}${d.line ? `:${d.line}` : ''}`)} | ${text(d.message)} |`),
    });
  }
  const { open, waived } = groupFindings(report.findings);
  if (open.length === 0) parts.push('', `${ICON.ok} Every requirement is met${waived.length ? ' or waived' : ''}.`);
  parts.push('');
  for (const group of open) {
    const findings = group.byReason.flatMap((g) => g.findings);
    parts.push({
      head: [
        `<details><summary><b>${escapeHtml(group.kind)}</b> (${group.count}): ${escapeHtml(kindTitle(group.kind))}</summary>`,
        '',
        codeLinks(findings),
        '',
        '| | key | wants | has | why | candidate | reference |',
        '|---|---|---|---|---|---|---|',
      ].join('\n'),
      rows: findings.map((f) => `| ${ICON[f.severity]} | ${code(f.key)} | ${code(f.want)} | ${f.have === null ? unsetLabel(f) : code(f.have)} | ${why(f)} | ${f.candidate ? code(formatOrigin(f.candidate)) : ''} | ${code(formatOrigin(f.reference))} |`),
    });
  }
  if (waived.length) {
    const findings = waived.flatMap((g) => g.findings);
    parts.push({
      head: [
        `<details><summary><b>waived</b> (${findings.length}): accepted by a waiver, not counted</summary>`,
        '',
        '| kind | key | wants | has | waiver | reason |',
        '|---|---|---|---|---|---|',
      ].join('\n'),
      rows: findings.map((f) => `| ${text(f.kind)} | ${code(f.key)} | ${code(f.want)} | ${f.have === null ? unsetLabel(f) : code(f.have)} | ${code(waiverAt(f))} | ${text(f.waived!.reason)} |`),
    });
  }
  return parts;
}

/** The codes of a section, each with its one-line meaning and a link to its documentation. */
function codeLinks(findings: readonly Finding[]): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort() as Code[];
  return codes.map((c) => `[${c}](${docsUrl(c)}): ${text(CODES[c].summary)}`).join('<br>\n');
}

function waiverAt(f: Finding): string {
  const w = f.waived!;
  return `${w.file}${w.line ? `:${w.line}` : ''}${w.expires ? ` until ${w.expires}` : ''}`;
}
