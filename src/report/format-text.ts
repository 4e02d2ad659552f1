/** `--format text`: findings by kind, then by the reference's reasons, both sides' lines, and a summary line per report. */
import type { Finding } from '../model/finding.js';
import { formatOrigin } from '../model/origin.js';
import { describeOrigin } from './format-builds.js';
import type { HostCheck, Report, ReportDocument, Summary } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { groupFindings, kindTitle, unsetLabel } from './group-findings.js';
import { PLAIN_STYLE } from './text-style.js';
import type { TextStyle } from './text-style.js';

export interface TextOptions {
  readonly style?: TextStyle;
  /** Only the summary line of each report. */
  readonly quiet?: boolean;
}

export function formatText(document: ReportDocument, options: TextOptions = {}): string {
  const host = document.host && !options.quiet ? `${formatHost(document.host, options.style ?? PLAIN_STYLE)}\n` : '';
  return host + document.reports.map((report) => formatReport(report, options)).join('\n');
}

/** `flagdiff check`: each input, the file read or every place looked at without finding it. */
function formatHost(host: HostCheck, style: TextStyle): string {
  const out = [style.heading(`host ${host.arch}, Linux ${host.release}`)];
  const width = Math.max(...host.inputs.map((input) => input.what.length));
  for (const input of host.inputs) {
    const what = input.what.padEnd(width);
    if (input.path) out.push(`  found     ${what}  ${input.path}${input.note ? style.dim(` (${input.note})`) : ''}`);
    else out.push(`  ${style.warning('not found')} ${what}  ${style.dim(`looked at ${input.looked.join(', ')}`)}`);
  }
  return `${out.join('\n')}\n`;
}

function formatReport(report: Report, { style = PLAIN_STYLE, quiet = false }: TextOptions): string {
  const out: string[] = [];
  if (!quiet) {
    const source = report.candidate.build ? `${report.candidate.source} ${report.candidate.build}` : report.candidate.source;
    const candidate = report.candidate.version ? `${source} (${report.candidate.version})` : source;
    out.push(style.heading(`${report.domain}${report.arch ? ` ${report.arch}` : ''}: ${report.reference.name} (${report.reference.source}) vs ${candidate}`));
    for (const d of report.diagnostics) {
      out.push(`${paint(style, d.level, d.level)} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
    }
    const { open, waived } = groupFindings(report.findings);
    for (const group of open) {
      out.push('', style.heading(`${group.kind} (${group.count}): ${kindTitle(group.kind)}`));
      const width = keyWidth(group.byReason.flatMap((g) => g.findings));
      for (const { label, findings } of group.byReason) {
        out.push(`  [${label}]`);
        for (const finding of findings) {
          out.push(`    ${paint(style, finding.severity, finding.severity.padEnd(7))} ${formatFinding(finding, width, style)}`);
          // A QEMU device finding explains the Kconfig chain behind it; the kernel's explanations repeat per code.
          if (finding.domain === 'qemu' && finding.explanation) out.push(`        ${finding.explanation}`);
          if (finding.hint) out.push(`        ${finding.hint.symptom}`, `        fix: ${finding.hint.fix}`);
        }
      }
    }
    if (waived.length) {
      const all = waived.flatMap((g) => g.findings);
      out.push('', style.heading(`waived (${all.length}): accepted by a waiver, not counted`));
      const width = keyWidth(all);
      for (const { label, findings } of waived) {
        const at = findings[0]!.waived!;
        out.push(`  ${label} ${style.dim(`(${at.file}${at.line ? `:${at.line}` : ''}${at.expires ? `, until ${at.expires}` : ''})`)}`);
        for (const finding of findings) out.push(`    ${finding.kind.padEnd(8)} ${formatFinding(finding, width, style)}`);
      }
    }
    out.push('');
  }
  out.push(summaryLine(report, style));
  return `${out.join('\n')}\n`;
}

function formatFinding(finding: Finding, width: number, style: TextStyle): string {
  const change = `${finding.want} → ${finding.have ?? unsetLabel(finding)}`;
  // The candidate's line, then the macros and functions its word came through (a spec's run_configure).
  const where = `${finding.candidate ? `${describeOrigin(finding.candidate)}, ` : ''}wanted at ${formatOrigin(finding.reference)}`;
  return `${finding.key.padEnd(width)}  ${change}  ${style.dim(where)}`;
}

function keyWidth(findings: readonly Finding[]): number {
  return Math.min(40, Math.max(...findings.map((f) => f.key.length)));
}

/** `kernel x86_64: 643 requirements, 314 satisfied; 308 errors, 2 warnings, 0 info, 19 waived (missing 21, ...)`. */
export function summaryLine(report: Report, style: TextStyle = PLAIN_STYLE): string {
  const s: Summary = report.summary;
  const kinds = Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`);
  const counts = (['error', 'warning', 'info'] as const).map((level) => paint(style, s[level] ? level : 'none', `${s[level]} ${plural(level, s[level])}`));
  if (s.waived) counts.push(`${s.waived} waived`);
  return `${report.domain}${report.arch ? ` ${report.arch}` : ''}: ${s.requirements} requirements, ${s.satisfied} satisfied; ${counts.join(', ')}${kinds.length ? ` (${kinds.join(', ')})` : ''}`;
}

function paint(style: TextStyle, level: Severity | 'none', text: string): string {
  return level === 'none' ? text : style[level](text);
}

function plural(level: Severity, n: number): string {
  return level === 'info' || n === 1 ? level : `${level}s`;
}
