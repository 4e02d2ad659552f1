// The JSON contract of DESIGN.md §6, as review bots read it.
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { DEBIAN_AMD64, FEDORA_X86, corpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

const sorted = (o: object) => Object.keys(o).sort();

describe('--format json', async () => {
  const run = await runCli(['kernel', corpus(DEBIAN_AMD64), corpus(FEDORA_X86), '--format', 'json']);
  const document = JSON.parse(run.stdout) as ReportDocument;

  it('has the versioned envelope', () => {
    expect(sorted(document)).toEqual(['reports', 'schemaVersion', 'tool']);
    expect(document.schemaVersion).toBe(1);
    expect(document.tool).toEqual({ name: 'flagdiff', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('has the fields of a report', () => {
    for (const report of document.reports) {
      expect(sorted(report)).toEqual(['arch', 'candidate', 'diagnostics', 'domain', 'findings', 'reference', 'summary']);
      expect(sorted(report.reference)).toEqual(['name', 'source']);
      expect(sorted(report.candidate)).toEqual(['source', 'version']);
      expect(sorted(report.summary)).toEqual(['byKind', 'error', 'info', 'requirements', 'satisfied', 'warning']);
    }
    expect(document.reports.map((r) => r.candidate.version)).toEqual(['6.12.117', null]);
  });

  it('has the fields of a finding, with have null when the candidate lacks the key', () => {
    const findings = document.reports.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(300);
    for (const f of findings) {
      const optional = ['explanation'];
      expect(sorted(f).filter((k) => !optional.includes(k))).toEqual(['candidate', 'code', 'domain', 'have', 'key', 'kind', 'message', 'reasons', 'reference', 'severity', 'want']);
      if (f.explanation !== undefined) expect(f.severity).toBe('info');
      expect(f.code).toMatch(/^FD2\d\d$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(sorted(f.reference)).toEqual(['file', 'line']);
      if (f.have === null) expect(f.candidate).toBeNull();
      else expect(sorted(f.candidate!)).toEqual(['file', 'line']);
    }
  });

  it('is byte-identical across runs', async () => {
    const again = await runCli(['kernel', corpus(DEBIAN_AMD64), corpus(FEDORA_X86), '--format', 'json']);
    expect(again.stdout).toBe(run.stdout);
  });
});
