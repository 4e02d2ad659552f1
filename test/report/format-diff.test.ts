// The unified diff of the normalised sides, checked by GNU patch: applied to the reference, it must
// give the candidate, as computed here from the raw files.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { formatDiff } from '../../src/report/format-diff.js';
import { createReportDocument } from '../../src/report/report-document.js';
import { DEBIAN_AMD64, KATA_FRAGMENTS, corpus } from '../helpers/corpus.js';
import { runDebian } from '../helpers/debian-run.js';
import { patch, patchMissing } from '../helpers/oracles.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const ASSIGNMENT = /^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$/;

/** key → value of the last assignment in the files, read with a regex here rather than flagdiff's reader. */
function assignments(paths: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const m = ASSIGNMENT.exec(line);
      if (m) map.set((m[1] ?? m[3])!, m[2] ?? 'n');
    }
  }
  return map;
}

const emptyReport: Report = {
  domain: 'kernel', arch: 'x86_64', reference: { name: 'kata', source: 'k' }, candidate: { source: 'c', version: null }, findings: [], diagnostics: [],
  summary: { requirements: 0, satisfied: 0, error: 0, warning: 0, info: 0, waived: 0, byKind: {} },
};

describe.skipIf(!patch)(`--format diff (${patch ? 'GNU patch' : patchMissing})`, () => {
  it('turns the normalised reference into the normalised candidate, applied by patch', async () => {
    const dir = corpus(KATA_FRAGMENTS);
    const fragments = ['common', 'x86_64'].flatMap((sub) => readdirSync(join(dir, sub)).filter((n) => n.endsWith('.conf')).sort().map((n) => join(dir, sub, n)));
    const wanted = assignments(fragments);
    const found = assignments([corpus(DEBIAN_AMD64)]);
    const keys = [...wanted.keys()].sort();
    const reference = keys.map((k) => `${k}=${wanted.get(k)}\n`).join('');
    const candidate = keys.filter((k) => found.has(k)).map((k) => `${k}=${found.get(k)}\n`).join('');

    const run = await runCli(['kernel', '-r', join(dir, 'common'), '-r', join(dir, 'x86_64'), corpus(DEBIAN_AMD64), '--format', 'diff']);
    const work = tempDir('flagdiff-diff-');
    writeFileSync(join(work, 'reference'), reference);
    writeFileSync(join(work, 'changes.diff'), run.stdout);
    execFileSync(patch!, ['--quiet', '-o', join(work, 'patched'), join(work, 'reference'), join(work, 'changes.diff')]);
    expect(readFileSync(join(work, 'patched'), 'utf8')).toBe(candidate);
  });

  it('gives one diff per report', async () => {
    const run = await runDebian('diff', '--arch', 'x86_64', '--arch', 'aarch64');
    expect(run.stdout.match(/^--- kata\/(\S+)\t/gm)).toEqual(['--- kata/x86_64\t', '--- kata/aarch64\t']);
  });

  it.each([
    // sides, which diff
    ['sorted by key', (i: number) => String(i).padStart(4, '0')],
    ['not sorted by key (A1, A10, A2...): the Myers diff', (i: number) => String(i)],
  ])('prints a plain summary when the sides differ in more lines than the budget: %s', (_, suffix) => {
    const sides = { reference: Array.from({ length: 1000 }, (_, i) => `CONFIG_A${suffix(i)}=y`), candidate: Array.from({ length: 1000 }, (_, i) => `CONFIG_B${suffix(i)}=y`) };
    const out = formatDiff(createReportDocument([emptyReport]), { sides: [sides], maxEdits: 100 });
    expect(out).toBe(
      '# kernel x86_64: 0 requirements, 0 satisfied; 0 errors, 0 warnings, 0 info\n' +
        '# The reference (1000 lines) and the candidate (1000 lines) differ in more than 100 lines: too much for a readable diff. Use --format text for the findings.\n',
    );
    // A budget that covers the 2,000 changed lines gives the diff: every line removed and added.
    expect(formatDiff(createReportDocument([emptyReport]), { sides: [sides], maxEdits: 2000 }).match(/^[-+]CONFIG/gm)).toHaveLength(2000);
  });

  it('without the sides, diffs the keys of the findings', () => {
    const finding = { code: 'FD204', kind: 'value', domain: 'kernel', key: 'CONFIG_N', want: '1', have: '2', severity: 'warning', reasons: [], message: 'm', reference: { file: 'r', line: 1 }, candidate: { file: 'c', line: 1 } } as const;
    expect(formatDiff(createReportDocument([{ ...emptyReport, findings: [finding] }]))).toContain('@@ -1,1 +1,1 @@\n-CONFIG_N=1\n+CONFIG_N=2\n');
  });

  it('matches the golden file: Kata vs Debian 6.12 amd64', async () => {
    await expect((await runDebian('diff')).stdout).toMatchFileSnapshot('./golden/kata-vs-debian.diff');
  });
});
