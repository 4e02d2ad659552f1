// flagdiff kernel with waivers, --fail-on and several arches: what a review bot runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { fixture } from '../helpers/corpus.js';
import { DEBIAN, runDebian } from '../helpers/debian-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const BASE = fixture('kernel/wants-base.conf');
const GUEST = fixture('kernel/guest-6.12.config');

function waiverFile(text: string): string {
  const path = join(tempDir('flagdiff-w-'), 'waivers.ini');
  writeFileSync(path, text);
  return path;
}

describe('--waivers', () => {
  // wants-base.conf vs guest-6.12.config: 2 module errors (VIRTIO_BLK, VIRTIO_FS), warnings for NR_CPUS (value) and DEBUG_FS (extra).
  const all = waiverFile('[CONFIG_VIRTIO_*]\nreason = the guest loads virtio modules from its initramfs\nkind = module\n\n[CONFIG_DEBUG_FS]\nreason = debugging image\n\n[CONFIG_NR_CPUS]\nreason = r\n');
  const errorsOnly = waiverFile('[CONFIG_VIRTIO_*]\nreason = initramfs\n');

  it.each([
    // waivers, --fail-on, exit code
    [[], 'error', 1],
    [[all], 'error', 0],
    [[all], 'info', 0], // waived findings never count
    [[errorsOnly], 'error', 0],
    [[errorsOnly], 'warning', 1], // the warnings are still there
    [[errorsOnly, all], 'warning', 1], // [CONFIG_VIRTIO_*] of the second file is unused: FD211 is a warning
    [[errorsOnly, all], 'error', 0],
  ])('%j --fail-on %s exits %i', async (files, failOn, code) => {
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--fail-on', failOn, ...files.flatMap((f) => ['--waivers', f])]);
    expect([run.code, run.stderr]).toEqual([code, '']);
  });

  it('keeps waived findings in JSON, marked with the waiver, and counts them apart', async () => {
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--waivers', all, '--format', 'json']);
    const [report] = (JSON.parse(run.stdout) as ReportDocument).reports;
    expect(report!.findings.map((f) => [f.key, f.waived?.line])).toEqual([['CONFIG_VIRTIO_BLK', 1], ['CONFIG_VIRTIO_FS', 1], ['CONFIG_NR_CPUS', 8], ['CONFIG_DEBUG_FS', 5]]);
    expect(report!.summary).toMatchObject({ error: 0, warning: 0, waived: 4 });
  });

  it.each([
    // waiver file, the one line on stderr
    ['[CONFIG_X]\nreason = a; b\n', ':2: ini reads the rest of this value after ; or # as a comment; put the value in double quotes\n'],
    ['[CONFIG_X]\nexpires = 2027-01-01\n', ':1: [CONFIG_X] gives no reason; add reason = why this difference is accepted\n'],
    ['[CONFIG_X]\nreason = r\nexpire = 2027-01-01\n', ':3: unknown field "expire"; a waiver has reason, expires, arch, domain, kind\n'],
  ])('refuses %j with exit 2 and one line naming the file and line', async (text, message) => {
    const path = waiverFile(text);
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--waivers', path]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flagdiff: ${path}${message}`]);
  });

  it('refuses a missing waiver file with exit 2 and one line', async () => {
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--waivers', 'no/such.ini']);
    expect([run.code, run.stderr]).toEqual([2, 'flagdiff: no/such.ini: no such file\n']);
  });
});

describe('one report per --arch, in every format', () => {
  const arches = ['--arch', 'x86_64', '--arch', 'aarch64'];
  it.each([
    // format, how many reports the output shows: one per arch
    ['text', (out: string) => out.match(/^kernel (\S+): \d+ requirements/gm)],
    ['json', (out: string) => JSON.parse(out).reports.map((r: { arch: string }) => r.arch)],
    ['markdown', (out: string) => out.match(/^#### kernel (\S+):/gm)],
    ['sarif', (out: string) => JSON.parse(out).runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)],
    ['github', (out: string) => [...new Set(out.match(/\((x86_64|aarch64)\),file=/g))]],
    ['diff', (out: string) => out.match(/^--- kata\/\S+/gm)],
  ])('%s', async (format, reportsOf) => {
    const run = await runDebian(format, ...arches);
    const shown = reportsOf(run.stdout) as string[];
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/x86_64/);
    expect(shown[1]).toMatch(/aarch64/);
  });

  it('reports the waivers it applies to no finding once, not once per arch', async () => {
    const document = JSON.parse((await runDebian('json', ...arches)).stdout) as ReportDocument;
    expect(document.reports.map((r) => r.diagnostics.filter((d) => d.code.startsWith('FD21')).map((d) => [d.code, d.line]))).toEqual([
      [['FD210', 14], ['FD211', 18]],
      [],
    ]);
    expect(document.reports[0]!.candidate.source).toBe(DEBIAN);
  });
});
