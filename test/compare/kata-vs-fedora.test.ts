// Acceptance: the built-in Kata x86_64 profile against Fedora's dist-git config, a partial config
// whose derived symbols are never written. Absent there is unknown, never missing.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { FEDORA_X86, corpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

describe('kata x86_64 profile vs Fedora 7.2.0-rc6 dist-git x86_64', () => {
  const fedora = new Set(
    readFileSync(corpus(FEDORA_X86), 'utf8')
      .split('\n')
      .map((line) => /^(CONFIG_\w+)=|^# (CONFIG_\w+) is not set$/.exec(line))
      .flatMap((m) => (m ? [(m[1] ?? m[2])!] : [])),
  );
  let document: ReportDocument;

  beforeAll(async () => {
    document = JSON.parse((await runCli(['kernel', corpus(FEDORA_X86), '--format', 'json'])).stdout) as ReportDocument;
  });

  it('calls no symbol missing, and every symbol the file does not mention unknown', () => {
    const [report] = document.reports;
    expect(report!.summary.byKind.missing).toBeUndefined();
    const unknown = report!.findings.filter((f) => f.kind === 'unknown');
    expect(unknown.every((f) => f.code === 'FD220' && f.have === null && !fedora.has(f.key))).toBe(true);
    // kernel-sources.md §1.8 counted 86 Kata symbols absent from this file, by hand.
    expect(unknown).toHaveLength(86);
  });

  it.each([
    // derived symbols (no prompt: selected or defaulted at build time) Kata asks for
    ['CONFIG_ARCH_SUPPORTS_ACPI'],
    ['CONFIG_ARCH_MIGHT_HAVE_ACPI_PDC'],
    ['CONFIG_ACPI_PROCESSOR_IDLE'],
  ])('reports %s as an unknown warning, not a missing error', (key) => {
    expect(fedora.has(key)).toBe(false);
    expect(document.reports[0]!.findings.find((f) => f.key === key)).toMatchObject({ kind: 'unknown', code: 'FD220', severity: 'warning' });
  });
});
