// GitHub workflow commands: escaped exactly as GitHub's own toolkit escapes them, and capped per level.
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { formatGithub } from '../../src/report/format-github.js';
import { createReportDocument } from '../../src/report/report-document.js';
import { runDebian } from '../helpers/debian-run.js';

/** What @actions/core writes for an annotation (it writes to process.stdout; the test catches it). */
function toolkit(level: 'error' | 'warning' | 'notice', message: string, properties: core.AnnotationProperties): string {
  let written = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written += String(chunk);
    return true;
  });
  try {
    core[level](message, properties);
  } finally {
    spy.mockRestore();
  }
  return written.replace(/\n$/, '');
}

function finding(key: string, severity: Finding['severity'], file: string, line: number, message = `${key} differs`): Finding {
  return {
    code: 'FD204', kind: 'value', domain: 'kernel', key, want: '1', have: '2', severity, reasons: [], message,
    reference: { file: 'ref.conf', line: 3 }, candidate: { file, line },
  };
}

function report(findings: Finding[]): Report {
  return {
    domain: 'kernel', arch: 'x86_64', reference: { name: 'kata', source: 'k' }, candidate: { source: 'c', version: null }, findings, diagnostics: [],
    summary: { requirements: findings.length, satisfied: 0, error: 0, warning: 0, info: 0, waived: 0, byKind: {} },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('--format github', () => {
  it.each([
    // file, message: what needs escaping where
    ['configs/x86_64.config', 'plain'],
    ['dir,with:odd%chars/config', '100% sure: a, b'],
    ['a/config', 'two\nlines\r\nand a %0A that is not a newline'],
  ])('escapes file %j and message %j as @actions/core does', (file, message) => {
    const [line] = formatGithub(createReportDocument([report([finding('CONFIG_X', 'error', file, 7, message)])])).split('\n');
    expect(line).toBe(toolkit('error', `${message}; wanted at ref.conf:3`, { title: 'FD204 value CONFIG_X (x86_64)', file, startLine: 7 }));
  });

  it('writes at most 10 of each level, then one notice saying how many were left out', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding(`CONFIG_E${i}`, 'error', 'c', i + 1)),
      ...Array.from({ length: 3 }, (_, i) => finding(`CONFIG_W${i}`, 'warning', 'c', i + 100)),
      ...Array.from({ length: 11 }, (_, i) => finding(`CONFIG_I${i}`, 'info', 'c', i + 200)),
    ];
    const lines = formatGithub(createReportDocument([report(findings)])).trimEnd().split('\n');
    const count = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).length;
    // 10 errors, all 3 warnings, 9 info notices, and the closing notice as the tenth.
    expect([count('::error '), count('::warning '), count('::notice ')]).toEqual([10, 3, 10]);
    expect(lines.at(-1)).toBe('::notice title=flagdiff::2 errors, 2 notices not annotated (GitHub shows 10 per level and step); the job summary (--format markdown) or --format text lists every finding');
  });

  it('writes nothing for waived findings, and nothing at all when nothing is left', () => {
    const waived = { ...finding('CONFIG_X', 'error', 'c', 1), waived: { reason: 'r', pattern: 'CONFIG_X', file: 'w.ini', line: 2 } };
    expect(formatGithub(createReportDocument([report([waived])]))).toBe('');
  });

  it('matches the golden file: Kata vs Debian 6.12 amd64, with waivers', async () => {
    const run = await runDebian('github');
    // 304 errors: 10 shown; the expired and the unused waiver and the value finding left: 3 warnings.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(10);
    await expect(run.stdout).toMatchFileSnapshot('./golden/kata-vs-debian.github.txt');
  });
});
