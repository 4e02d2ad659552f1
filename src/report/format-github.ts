/**
 * `--format github`: GitHub Actions workflow commands, `::error title=,file=,line=::message`, escaped
 * as actions/toolkit's command.ts does. GitHub shows at most 10 error and 10 warning annotations per
 * step, so at most `perLevel` of each level are written, then one notice says how many were left out.
 */
import { CODES } from '../model/codes.js';
import { formatOrigin } from '../model/origin.js';
import type { ReportDocument } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { diagnosticOrigin, primaryOrigin } from './locate.js';

export interface GithubOptions {
  /** Annotations per level; default 10, what GitHub shows per step. */
  readonly perLevel?: number;
}

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Readonly<Record<Severity, Command>> = { error: 'error', warning: 'warning', info: 'notice' };

interface Annotation {
  readonly command: Command;
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatGithub(document: ReportDocument, options: GithubOptions = {}): string {
  const perLevel = options.perLevel ?? 10;
  const all: Annotation[] = [];
  for (const report of document.reports) {
    const arch = report.arch ? ` (${report.arch})` : '';
    for (const d of report.diagnostics) {
      const at = diagnosticOrigin(d);
      all.push({ command: COMMAND[d.level], title: `${d.code} ${CODES[d.code].name}${arch}`, file: at.file, line: at.line, message: d.message });
    }
    for (const f of report.findings) {
      if (f.waived) continue;
      const at = primaryOrigin(f);
      const hint = f.hint ? `. A Kata user sees: ${f.hint.symptom}. Fix: ${f.hint.fix}` : '';
      const message = `${f.message}${f.reasons.length ? ` [${f.reasons.join(', ')}]` : ''}; wanted at ${formatOrigin(f.reference)}${hint}`;
      all.push({ command: COMMAND[f.severity], title: `${f.code} ${f.kind} ${f.key}${arch}`, file: at.file, line: at.line, message });
    }
  }
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const a of all) counts[a.command]++;
  const overflow = counts.error > perLevel || counts.warning > perLevel || counts.notice > perLevel;
  // The closing notice is a notice too, so it takes one of that level's places.
  const limit: Readonly<Record<Command, number>> = { error: perLevel, warning: perLevel, notice: overflow ? perLevel - 1 : perLevel };
  const written = { error: 0, warning: 0, notice: 0 };
  const out: string[] = [];
  for (const a of all) {
    if (written[a.command] >= limit[a.command]) continue;
    written[a.command]++;
    out.push(`::${a.command} title=${escapeProperty(a.title)},file=${escapeProperty(a.file)},line=${a.line}::${escapeData(a.message)}`);
  }
  if (overflow) {
    const left = (['error', 'warning', 'notice'] as const)
      .filter((c) => counts[c] > written[c])
      .map((c) => `${counts[c] - written[c]} ${c}${counts[c] - written[c] === 1 ? '' : 's'}`);
    out.push(`::notice title=flagdiff::${escapeData(`${left.join(', ')} not annotated (GitHub shows ${perLevel} per level and step); the job summary (--format markdown) or --format text lists every finding`)}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** A command's message: `%`, CR and LF escaped (actions/toolkit command.ts `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as a message, plus `:` and `,` (actions/toolkit command.ts `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
