// Acceptance: Kata's x86_64 fragments (every common/*.conf, then x86_64/*.conf) against Debian's
// 6.12 amd64 config, through the CLI's JSON. Each finding is checked against the raw lines of
// both files, parsed here independently of flagdiff's reader.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { DEBIAN_AMD64, KATA_FRAGMENTS, corpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

const ASSIGNMENT = /^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$/;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n');
}

/** key → [value, 1-based line] of the last assignment, in the given files in order. */
function lastAssignments(paths: readonly string[]): Map<string, [string, string, number]> {
  const map = new Map<string, [string, string, number]>();
  for (const path of paths) {
    lines(path).forEach((text, i) => {
      const m = ASSIGNMENT.exec(text);
      if (m) map.set((m[1] ?? m[3])!, [m[2] ?? 'n', path, i + 1]);
    });
  }
  return map;
}

describe('kata x86_64 fragments vs Debian 6.12 amd64', () => {
  const dir = corpus(KATA_FRAGMENTS);
  const fragments = ['common', 'x86_64'].flatMap((sub) =>
    readdirSync(join(dir, sub)).filter((n) => n.endsWith('.conf')).sort().map((n) => join(dir, sub, n)),
  );
  const debian = corpus(DEBIAN_AMD64);
  const wanted = lastAssignments(fragments);
  const found = lastAssignments([debian]);
  let document: ReportDocument;
  let code: number;

  beforeAll(async () => {
    const run = await runCli(['kernel', '-r', join(dir, 'common'), '-r', join(dir, 'x86_64'), debian, '--format', 'json']);
    code = run.code;
    document = JSON.parse(run.stdout) as ReportDocument;
  });

  it('reports every requirement exactly once', () => {
    const [report] = document.reports;
    const keys = report!.findings.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report!.summary.requirements).toBe(wanted.size);
    expect(report!.summary.satisfied + keys.length).toBe(wanted.size);
    expect(code).toBe(1);
  });

  it('gives each finding the kind a reviewer reads off both files', () => {
    for (const finding of document.reports[0]!.findings) {
      const [want] = wanted.get(finding.key)!;
      const have = found.get(finding.key)?.[0];
      const expected = have === undefined ? 'missing' : have === 'n' ? 'disabled' : want === 'y' && have === 'm' ? 'module' : 'value';
      expect([finding.key, finding.kind, finding.want, finding.have]).toEqual([finding.key, expected, want, have ?? null]);
    }
  });

  it('points both origins at the real lines', () => {
    for (const finding of document.reports[0]!.findings) {
      const [, file, line] = wanted.get(finding.key)!;
      expect(finding.reference).toEqual({ file, line });
      const candidate = found.get(finding.key);
      expect(finding.candidate).toEqual(candidate ? { file: debian, line: candidate[2] } : null);
    }
  });

  it('finds what the reference documentation counted by hand', () => {
    // kernel-sources.md §1.8, Debian 6.12.117 amd64 against the x86_64 plain profile.
    expect(document.reports[0]!.summary).toMatchObject({ requirements: 643, satisfied: 314, byKind: { missing: 21, disabled: 17, module: 289, value: 2 } });
  });
});
