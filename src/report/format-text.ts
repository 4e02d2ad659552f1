/** `--format text`: findings grouped by kind, both sides' lines, and a one-line summary per report. */
import { formatOrigin } from '../model/origin.js';
import type { Finding, FindingKind } from '../model/finding.js';
import { FINDING_KINDS } from '../model/finding.js';
import type { HostCheck, Report, ReportDocument, Summary } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { PLAIN_STYLE } from './text-style.js';
import type { TextStyle } from './text-style.js';

export interface TextOptions {
  readonly style?: TextStyle;
  /** Only the summary line of each report. */
  readonly quiet?: boolean;
}

const KIND_TITLES: Readonly<Record<FindingKind, string>> = {
  missing: 'required, not set by the candidate',
  disabled: 'required, turned off by the candidate',
  auto: 'required, left to the build machine by the candidate',
  module: 'required built in, built as a module by the candidate',
  unknown: 'required, not mentioned by a partial candidate: decided at build time',
  'module-unproven': 'required, built as a module that nothing shows the guest loads',
  value: 'required with another value',
  'unknown-option': 'not accepted by the QEMU version: configure stops',
  extra: 'turned off by the reference, enabled by the candidate',
};

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
    const candidate = report.candidate.version ? `${report.candidate.source} (${report.candidate.version})` : report.candidate.source;
    out.push(style.heading(`${report.domain}${report.arch ? ` ${report.arch}` : ''}: ${report.reference.name} (${report.reference.source}) vs ${candidate}`));
    for (const d of report.diagnostics) {
      out.push(`${paint(style, d.level, d.level)} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
    }
    for (const kind of FINDING_KINDS) {
      const group = report.findings.filter((f) => f.kind === kind);
      if (group.length === 0) continue;
      out.push('', style.heading(`${kind} (${group.length}): ${KIND_TITLES[kind]}`));
      const width = Math.min(40, Math.max(...group.map((f) => f.key.length)));
      for (const finding of group) {
        out.push(formatFinding(finding, width, style));
        if (finding.hint) out.push(`      ${finding.hint.symptom}`, `      fix: ${finding.hint.fix}`);
      }
    }
    out.push('');
  }
  out.push(summaryLine(report, style));
  return `${out.join('\n')}\n`;
}

function formatFinding(finding: Finding, width: number, style: TextStyle): string {
  const change = `${finding.want} → ${finding.have ?? 'absent'}`;
  const reasons = finding.reasons.length ? ` [${finding.reasons.join(', ')}]` : '';
  const where = `${finding.candidate ? `${formatOrigin(finding.candidate)}, ` : ''}wanted at ${formatOrigin(finding.reference)}`;
  return `  ${paint(style, finding.severity, finding.severity.padEnd(7))} ${finding.key.padEnd(width)}  ${change}${reasons}  ${style.dim(where)}`;
}

function summaryLine(report: Report, style: TextStyle): string {
  const s: Summary = report.summary;
  const kinds = FINDING_KINDS.filter((k) => s.byKind[k]).map((k) => `${k} ${s.byKind[k]}`);
  const counts = (['error', 'warning', 'info'] as const).map((level) => paint(style, s[level] ? level : 'none', `${s[level]} ${plural(level, s[level])}`));
  return `${report.domain}${report.arch ? ` ${report.arch}` : ''}: ${s.requirements} requirements, ${s.satisfied} satisfied; ${counts.join(', ')}${kinds.length ? ` (${kinds.join(', ')})` : ''}`;
}

function paint(style: TextStyle, level: Severity | 'none', text: string): string {
  return level === 'none' ? text : style[level](text);
}

function plural(level: Severity, n: number): string {
  return level === 'info' || n === 1 ? level : `${level}s`;
}
