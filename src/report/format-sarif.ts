/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. One run per report, each with its own
 * `automationDetails.id` (GitHub rejects several runs of one tool and category in one upload). Rules
 * carry docs/findings.md; results sit at the candidate's line, or the reference's when the candidate
 * lacks the key; fingerprints hash code, key and path, so alerts survive lines moving.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CODES, docsUrl } from '../model/codes.js';
import type { Code } from '../model/codes.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { Origin } from '../model/origin.js';
import { formatOrigin } from '../model/origin.js';
import type { Report, ReportDocument } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { codeDoc } from './code-docs.js';
import { diagnosticOrigin, primaryOrigin } from './locate.js';

export interface SarifOptions {
  /** First part of each run's `automationDetails.id` (GitHub's category); default `flagdiff`. */
  readonly category?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const HOME = 'https://github.com/flagdiff/flagdiff';
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(document: ReportDocument, options: SarifOptions = {}): string {
  const runs = document.reports.map((report) => run(report, document.tool.version, options.category ?? 'flagdiff'));
  return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs }, null, 2)}\n`;
}

function run(report: Report, version: string, category: string) {
  const codes = [...new Set<Code>([...report.diagnostics.map((d) => d.code), ...report.findings.map((f) => f.code)])].sort();
  const index = new Map(codes.map((code, i) => [code, i] as const));
  const fingerprints = new Map<string, number>();
  const fingerprint = (code: Code, key: string, file: string) => {
    const hash = createHash('sha256').update(`${code}\0${key}\0${file}`).digest('hex').slice(0, 16);
    const n = (fingerprints.get(hash) ?? 0) + 1;
    fingerprints.set(hash, n);
    return { primaryLocationLineHash: `${hash}:${n}` };
  };
  const results = [
    ...report.diagnostics.map((d) => diagnosticResult(d, index.get(d.code)!, fingerprint)),
    ...report.findings.map((f) => findingResult(f, report.arch, index.get(f.code)!, fingerprint)),
  ];
  const id = [category, report.domain, report.arch ?? 'any', report.candidate.source].join('/');
  return {
    tool: { driver: { name: 'flagdiff', version, semanticVersion: version, informationUri: HOME, rules: codes.map(rule) } },
    automationDetails: { id: `${id}/` },
    results,
    properties: { reference: report.reference, candidate: report.candidate, summary: report.summary },
  };
}

function rule(code: Code) {
  const info = CODES[code];
  const doc = codeDoc(code);
  const plain = (markdown: string) => markdown.replace(/`/g, '');
  return {
    id: code,
    name: info.name,
    shortDescription: { text: info.summary },
    fullDescription: { text: doc.why ? `${info.summary} ${capitalise(plain(doc.why))}` : info.summary },
    help: {
      text: [doc.fix && `How to fix: ${plain(doc.fix)}`, doc.exceptions && `Exceptions: ${plain(doc.exceptions)}`, `See ${docsUrl(code)}`].filter(Boolean).join('\n'),
      markdown: `${doc.markdown || info.summary}\n\n[${code} in docs/findings.md](${docsUrl(code)})`,
    },
    helpUri: docsUrl(code),
    defaultConfiguration: { level: LEVEL[info.severity] },
  };
}

type Fingerprint = (code: Code, key: string, file: string) => { primaryLocationLineHash: string };

function findingResult(f: Finding, arch: string | null, ruleIndex: number, fingerprint: Fingerprint) {
  const at = primaryOrigin(f);
  const reasons = f.reasons.length ? ` Why: ${f.reasons.join(', ')}.` : '';
  const hint = f.hint ? ` A Kata user sees: ${f.hint.symptom}. Fix: ${f.hint.fix}.` : '';
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}.${reasons} Wanted at ${formatOrigin(f.reference)}.${hint}` },
    locations: [location(at)],
    ...(f.candidate ? { relatedLocations: [{ id: 1, ...location(f.reference), message: { text: 'what the reference asks for' } }] } : {}),
    partialFingerprints: fingerprint(f.code, f.key, at.file),
    properties: { kind: f.kind, domain: f.domain, arch, key: f.key, want: f.want, have: f.have, reasons: f.reasons },
    ...(f.waived
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waived.reason, location: location({ file: f.waived.file, line: f.waived.line }) }] }
      : {}),
  };
}

function diagnosticResult(d: Diagnostic, ruleIndex: number, fingerprint: Fingerprint) {
  return {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.level],
    message: { text: d.message },
    locations: [location(diagnosticOrigin(d))],
    partialFingerprints: fingerprint(d.code, d.message, d.file),
  };
}

/** A physical location; line 0 (a whole file) has no region. */
function location(origin: Origin) {
  const region = origin.line > 0 ? { region: { startLine: origin.line } } : {};
  return { physicalLocation: { artifactLocation: { uri: toUri(origin.file) }, ...region } };
}

/** Relative paths stay relative (GitHub resolves them from the repository root); absolute ones become file: URIs. */
export function toUri(path: string): string {
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
